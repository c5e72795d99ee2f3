//! Alignment of two sequences: a longest common subsequence found with
//! Myers' O(ND) difference algorithm in its linear-space form (find the
//! middle snake of an optimal edit path, recurse on both sides), so that
//! texts that differ little align in near-linear time and texts that differ
//! a lot (columns read across) still align in O((N+M)·D) time and O(N+M)
//! memory.

/// The matched pairs `(index in a, index in b)` of a longest common
/// subsequence, in increasing order on both sides.
pub fn matches<T: Eq>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let size = a.len() + b.len() + 4;
    let mut fwd = vec![0isize; size];
    let mut bwd = vec![0isize; size];
    let mut ctx = Ctx {
        a,
        b,
        fwd: &mut fwd,
        bwd: &mut bwd,
        out: &mut out,
    };
    ctx.solve(0, a.len(), 0, b.len());
    out
}

/// For each element of `a`, the index of the element of `b` it is matched
/// with, or `None`; and the same from `b` to `a`.
pub fn alignment<T: Eq>(a: &[T], b: &[T]) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let mut a_to_b = vec![None; a.len()];
    let mut b_to_a = vec![None; b.len()];
    for (i, j) in matches(a, b) {
        a_to_b[i] = Some(j);
        b_to_a[j] = Some(i);
    }
    (a_to_b, b_to_a)
}

struct Ctx<'a, T> {
    a: &'a [T],
    b: &'a [T],
    fwd: &'a mut [isize],
    bwd: &'a mut [isize],
    out: &'a mut Vec<(usize, usize)>,
}

impl<T: Eq> Ctx<'_, T> {
    fn solve(&mut self, mut a0: usize, mut a1: usize, mut b0: usize, mut b1: usize) {
        while a0 < a1 && b0 < b1 && self.a[a0] == self.b[b0] {
            self.out.push((a0, b0));
            a0 += 1;
            b0 += 1;
        }
        let mut suffix = 0;
        while a1 > a0 && b1 > b0 && self.a[a1 - 1] == self.b[b1 - 1] {
            a1 -= 1;
            b1 -= 1;
            suffix += 1;
        }
        if a0 < a1 && b0 < b1 {
            let (xs, ys, xe, ye) = self.middle_snake(a0, a1, b0, b1);
            self.solve(a0, a0 + xs, b0, b0 + ys);
            for k in 0..xe - xs {
                self.out.push((a0 + xs + k, b0 + ys + k));
            }
            self.solve(a0 + xe, a1, b0 + ye, b1);
        }
        for k in 0..suffix {
            self.out.push((a1 + k, b1 + k));
        }
    }

    /// The middle snake of an optimal path through `a[a0..a1]` and
    /// `b[b0..b1]` (both non-empty, differing at both ends), as start and
    /// end points relative to `(a0, b0)`.
    ///
    /// `fwd[k]` holds the furthest x reached on diagonal k = x − y from the
    /// top-left corner; `bwd[c]` the furthest distance walked back from the
    /// bottom-right corner on diagonal c of the reversed problem.
    fn middle_snake(
        &mut self,
        a0: usize,
        a1: usize,
        b0: usize,
        b1: usize,
    ) -> (usize, usize, usize, usize) {
        let (a, b) = (&self.a[a0..a1], &self.b[b0..b1]);
        let (n, m) = (a.len() as isize, b.len() as isize);
        let delta = n - m;
        let odd = delta & 1 != 0;
        let max = (n + m + 1) / 2;
        let off = max + 1;
        let at = |k: isize| (k + off) as usize;
        self.fwd[at(1)] = 0;
        self.bwd[at(1)] = 0;
        for d in 0..=max {
            let mut k = -d;
            while k <= d {
                let i = at(k);
                let mut x = if k == -d || (k != d && self.fwd[i - 1] < self.fwd[i + 1]) {
                    self.fwd[i + 1]
                } else {
                    self.fwd[i - 1] + 1
                };
                let mut y = x - k;
                let (x0, y0) = (x, y);
                while x < n && y < m && a[x as usize] == b[y as usize] {
                    x += 1;
                    y += 1;
                }
                self.fwd[i] = x;
                let c = delta - k;
                if odd && c.abs() < d && x >= n - self.bwd[at(c)] {
                    return (x0 as usize, y0 as usize, x as usize, y as usize);
                }
                k += 2;
            }
            let mut c = -d;
            while c <= d {
                let i = at(c);
                let mut u = if c == -d || (c != d && self.bwd[i - 1] < self.bwd[i + 1]) {
                    self.bwd[i + 1]
                } else {
                    self.bwd[i - 1] + 1
                };
                let mut v = u - c;
                let (u0, v0) = (u, v);
                while u < n && v < m && a[(n - 1 - u) as usize] == b[(m - 1 - v) as usize] {
                    u += 1;
                    v += 1;
                }
                self.bwd[i] = u;
                let k = delta - c;
                if !odd && k.abs() <= d && self.fwd[at(k)] >= n - u {
                    return (
                        (n - u) as usize,
                        (m - v) as usize,
                        (n - u0) as usize,
                        (m - v0) as usize,
                    );
                }
                c += 2;
            }
        }
        unreachable!("two non-empty sequences always have a middle snake")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance::testrng::Rng;

    fn lcs_naive(a: &[char], b: &[char]) -> usize {
        let mut prev = vec![0usize; b.len() + 1];
        let mut cur = vec![0usize; b.len() + 1];
        for ca in a {
            for (j, cb) in b.iter().enumerate() {
                cur[j + 1] = if ca == cb {
                    prev[j] + 1
                } else {
                    prev[j + 1].max(cur[j])
                };
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        prev[b.len()]
    }

    fn check(a: &[char], b: &[char]) {
        let pairs = matches(a, b);
        for w in pairs.windows(2) {
            assert!(
                w[0].0 < w[1].0 && w[0].1 < w[1].1,
                "not increasing: {pairs:?}"
            );
        }
        for &(i, j) in &pairs {
            assert_eq!(a[i], b[j]);
        }
        assert_eq!(pairs.len(), lcs_naive(a, b), "{a:?} vs {b:?}");
    }

    #[test]
    fn known_alignments() {
        let a: Vec<char> = "全市已建成".chars().collect();
        let b: Vec<char> = "全市建成了".chars().collect();
        assert_eq!(matches(&a, &b), vec![(0, 0), (1, 1), (3, 2), (4, 3)]);
        let e: Vec<char> = Vec::new();
        assert!(matches(&e, &a).is_empty());
        assert!(matches(&a, &e).is_empty());
    }

    #[test]
    fn agrees_with_naive_lcs() {
        let mut rng = Rng(7);
        let alphabets: [&[char]; 3] = [
            &['a', 'b'],
            &['甲', '乙', '丙'],
            &['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
        ];
        for round in 0..3000 {
            let alphabet = alphabets[round % 3];
            // Very unequal lengths too: the diagonals leave the grid.
            let (ma, mb) = match round % 4 {
                0 => (3, 60),
                1 => (60, 3),
                _ => (40, 40),
            };
            let a = rng.string(alphabet, ma);
            let b = rng.string(alphabet, mb);
            check(&a, &b);
        }
    }

    #[test]
    fn shuffled_blocks() {
        // Two halves swapped, as when two columns are read in the wrong order.
        let mut rng = Rng(99);
        let alphabet: Vec<char> = "澜江湾集成电路产业发展报告，。".chars().collect();
        for _ in 0..20 {
            let a = rng.string(&alphabet, 300);
            let mid = a.len() / 2;
            let mut b = a[mid..].to_vec();
            b.extend_from_slice(&a[..mid]);
            check(&a, &b);
        }
    }
}
