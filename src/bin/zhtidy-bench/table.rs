//! Plain text tables aligned for a terminal.

pub struct Table {
    title: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Rows after which a rule is drawn (before an "overall" row).
    rules: Vec<usize>,
}

fn width(s: &str) -> usize {
    // Han characters and full-width forms take two columns.
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x3FFFD => 2,
            _ => 1,
        })
        .sum()
}

impl Table {
    pub fn new(title: impl Into<String>, header: &[&str]) -> Table {
        Table {
            title: title.into(),
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: Vec::new(),
            rules: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Draws a rule under the rows so far.
    pub fn rule(&mut self) {
        self.rules.push(self.rows.len());
    }

    /// The first column left-aligned, the others right-aligned.
    pub fn render(&self) -> String {
        let cols = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| width(h)).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(cols) {
                widths[i] = widths[i].max(width(cell));
            }
        }
        let line = |cells: &[String]| {
            let mut s = String::new();
            for (i, w) in widths.iter().enumerate() {
                let cell = cells.get(i).map_or("", String::as_str);
                let pad = " ".repeat(w - width(cell));
                if i == 0 {
                    s.push_str(cell);
                    s.push_str(&pad);
                } else {
                    s.push_str("  ");
                    s.push_str(&pad);
                    s.push_str(cell);
                }
            }
            s.trim_end().to_owned() + "\n"
        };
        let total: usize = widths.iter().sum::<usize>() + 2 * (cols.saturating_sub(1));
        let mut out = String::new();
        if !self.title.is_empty() {
            out.push_str(&self.title);
            out.push('\n');
        }
        out.push_str(&line(&self.header));
        out.push_str(&"-".repeat(total));
        out.push('\n');
        for (i, row) in self.rows.iter().enumerate() {
            if self.rules.contains(&i) && i > 0 {
                out.push_str(&"-".repeat(total));
                out.push('\n');
            }
            out.push_str(&line(row));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_columns() {
        let mut t = Table::new("T", &["group", "a", "b"]);
        t.row(vec!["x".into(), "1".into(), "22".into()]);
        t.rule();
        t.row(vec!["overall".into(), "333".into(), "4".into()]);
        let want = "T\ngroup      a   b\n----------------\nx          1  22\n----------------\noverall  333   4\n";
        assert_eq!(t.render(), want);
    }

    #[test]
    fn han_is_two_columns() {
        assert_eq!(width("中文ab"), 6);
    }
}
