//! Levenshtein distance over characters with the bit-parallel algorithm of
//! Myers, in Hyyrö's formulation for patterns longer than one machine word:
//! the pattern's columns of the DP matrix are kept as vertical deltas, 64
//! rows to a word, and each text character advances every word once,
//! passing the horizontal delta of its last row to the next word. Cost
//! O(⌈m/64⌉·n) for a pattern of m and a text of n characters.

use std::collections::HashMap;

/// The edit distance (insertions, deletions, substitutions, all cost 1).
pub fn levenshtein(a: &[char], b: &[char]) -> usize {
    // The shorter string is the pattern: fewer words per column.
    let (pattern, text) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let m = pattern.len();
    if m == 0 {
        return text.len();
    }
    let words = m.div_ceil(64);
    // Symbol 0 stands for every character absent from the pattern.
    let mut ids: HashMap<char, usize> = HashMap::new();
    let mut peq: Vec<u64> = vec![0; words];
    for (row, &c) in pattern.iter().enumerate() {
        let next = ids.len() + 1;
        let id = *ids.entry(c).or_insert(next);
        if peq.len() < (id + 1) * words {
            peq.resize((id + 1) * words, 0);
        }
        peq[id * words + row / 64] |= 1 << (row % 64);
    }
    let mut pv = vec![!0u64; words];
    let mut mv = vec![0u64; words];
    let last_row = 1u64 << ((m - 1) % 64);
    let mut score = m as isize;
    for c in text {
        let id = ids.get(c).copied().unwrap_or(0);
        let eq = &peq[id * words..(id + 1) * words];
        // The top row of the matrix is 0, 1, 2, …: it rises by one per column.
        let mut carry = 1;
        for w in 0..words {
            let high = if w + 1 == words { last_row } else { 1 << 63 };
            carry = advance(&mut pv[w], &mut mv[w], eq[w], carry, high);
        }
        score += carry as isize;
    }
    score as usize
}

/// Advances one 64-row word of a column by one text character, given the
/// horizontal delta entering at its top (`hin`), and returns the horizontal
/// delta at the row marked by `high`.
fn advance(pv: &mut u64, mv: &mut u64, eq: u64, hin: i32, high: u64) -> i32 {
    let xv = eq | *mv;
    let eq = if hin < 0 { eq | 1 } else { eq };
    let xh = (((eq & *pv).wrapping_add(*pv)) ^ *pv) | eq;
    let mut ph = *mv | !(xh | *pv);
    let mut mh = *pv & xh;
    let hout = if ph & high != 0 {
        1
    } else if mh & high != 0 {
        -1
    } else {
        0
    };
    ph <<= 1;
    mh <<= 1;
    if hin < 0 {
        mh |= 1;
    } else if hin > 0 {
        ph |= 1;
    }
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    hout
}

/// The textbook O(n·m) dynamic programme, for tests.
#[cfg(test)]
pub fn levenshtein_naive(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
pub mod testrng {
    /// A small deterministic generator (xorshift64*), enough for tests.
    pub struct Rng(pub u64);

    impl Rng {
        pub fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        pub fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        /// A random string of up to `max_len` characters from `alphabet`.
        pub fn string(&mut self, alphabet: &[char], max_len: usize) -> Vec<char> {
            let len = self.below(max_len + 1);
            (0..len)
                .map(|_| alphabet[self.below(alphabet.len())])
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testrng::Rng;
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn known_pairs() {
        let cases = [
            ("", "", 0),
            ("", "abc", 3),
            ("abc", "", 3),
            ("kitten", "sitting", 3),
            ("flaw", "lawn", 2),
            ("全市已建成", "全 市 已 建 成", 4),
            ("晶圆制造", "晶圆製造", 1),
            ("1286.4亿元", "128\n6.4 亿元", 2),
        ];
        for (a, b, want) in cases {
            assert_eq!(levenshtein(&chars(a), &chars(b)), want, "{a:?} vs {b:?}");
            assert_eq!(levenshtein(&chars(b), &chars(a)), want, "{b:?} vs {a:?}");
        }
    }

    /// Random strings across word boundaries (lengths up to 200 cross 64
    /// and 128) and alphabets small enough to make many matches.
    #[test]
    fn agrees_with_naive_dp() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let alphabets: [&[char]; 3] = [
            &['a', 'b'],
            &['甲', '乙', '丙', ' '],
            &['x', 'y', 'z', 'w', '\n', '字', '1', '2'],
        ];
        for round in 0..1500 {
            let alphabet = alphabets[round % alphabets.len()];
            let max = if round % 5 == 0 { 200 } else { 70 };
            let a = rng.string(alphabet, max);
            let b = rng.string(alphabet, max);
            assert_eq!(
                levenshtein(&a, &b),
                levenshtein_naive(&a, &b),
                "{a:?} vs {b:?}"
            );
        }
    }

    /// Near-identical long strings, the case the corpus mostly presents.
    #[test]
    fn long_near_identical() {
        let mut rng = Rng(42);
        let alphabet: Vec<char> = "澜江湾集成电路产业，。 \n0123456789".chars().collect();
        for _ in 0..20 {
            let a = rng.string(&alphabet, 600);
            let mut b = a.clone();
            for _ in 0..rng.below(20) {
                if b.is_empty() {
                    break;
                }
                let at = rng.below(b.len());
                match rng.below(3) {
                    0 => {
                        b.remove(at);
                    }
                    1 => b.insert(at, ' '),
                    _ => b[at] = '乙',
                }
            }
            assert_eq!(levenshtein(&a, &b), levenshtein_naive(&a, &b));
        }
    }
}
