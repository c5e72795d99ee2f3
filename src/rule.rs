//! The names of the repairs, as they appear in the edit log.
//!
//! Every edit carries the rule that made it, so `zhtidy --explain` can say
//! why each byte changed and `--report` can count repairs by kind.

use std::fmt;

macro_rules! rules {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, )*) => {
        /// Why an edit was made.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Rule {
            $( $(#[$doc])* $variant, )*
        }

        impl Rule {
            /// Every rule, in pipeline order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant),*];

            /// The dotted name used in the edit log: `pass.rule`.
            pub fn name(self) -> &'static str {
                match self { $(Rule::$variant => $name,)* }
            }
        }
    };
}

rules! {
    /// A byte order mark at the start of the input.
    Bom = "decode.bom",
    /// `\r\n` or a lone `\r` turned into `\n`.
    Newline = "decode.newline",
    /// A Kangxi radical or CJK radical supplement character standing for the
    /// unified ideograph it looks like (`⽅` for `方`).
    Radical = "glyphs.radical",
    /// A CJK compatibility ideograph replaced by its canonical equivalent.
    CompatIdeograph = "glyphs.compat_ideograph",
    /// A full-width ASCII letter or digit (`Ａ`, `１`) made ASCII.
    Fullwidth = "glyphs.fullwidth",
    /// `⸺`/`⸻` (two- and three-em dashes) written as `——`/`———`.
    Dash = "glyphs.dash",
    /// A private-use or odd bullet at a line start made `•`.
    Bullet = "glyphs.bullet",
    /// A Latin ligature (`ﬁ`) spelled out.
    Ligature = "glyphs.ligature",
    /// A no-break, ideographic or typographic space inside a line made a
    /// plain space, for the spacing pass to judge.
    OddSpace = "glyphs.odd_space",
    /// A zero-width character or soft hyphen removed.
    Invisible = "glyphs.invisible",
    /// A region of a page laid out in two columns side by side, rewritten
    /// as its left column followed by its right; one edit for the region,
    /// since reordered text has no finer monotone map.
    ColumnReorder = "columns.reorder",
    /// A page whose two columns the extractor interleaved line by line
    /// (lines of both columns joined by a space, or alternating), rewritten
    /// as its left column followed by its right; one edit for the region.
    ColumnDeinterleave = "columns.deinterleave",
    /// The second of a character drawn twice for a fake bold
    /// (`重重要要提提示示`).
    Doubled = "doubled.undouble",
    /// Spaces removed between Han characters or CJK punctuation.
    HanSpace = "spacing.han",
    /// Spaces removed inside a run spaced out letter by letter (and, on a
    /// line whose words stand apart by wider gaps, those made one space).
    SpacedRun = "spacing.spaced_run",
    /// A wide gap after a heading's number or label (`1   引言`, `图1-1   流程`)
    /// made one space.
    HeadingGap = "spacing.heading_gap",
    /// A space removed before a registered or trade mark sign
    /// (`VitaFlow ®`), which belongs to the name before it.
    MarkSign = "spacing.mark_sign",
    /// Whitespace at the start or end of a line removed.
    EdgeSpace = "spacing.line_edge",
    /// A running header or footer repeated at page edges removed.
    RunningHeader = "boilerplate.running_header",
    /// A page number line (`22`, `— 3 —`, `第3页 共20页`) removed.
    PageNumber = "boilerplate.page_number",
    /// A line break inside a block joined.
    LineJoin = "lines.join",
    /// A hyphen at a line wrap inside an English word removed.
    Dehyphen = "lines.dehyphen",
    /// Blank lines and page breaks between blocks folded into one newline.
    BlockBreak = "lines.block_break",
    /// A bullet alone on its line joined to the item it marks.
    LoneBullet = "lines.lone_bullet",
    /// A bullet that the extractor wrote after the first line of its item
    /// moved back to the item's start: inserted at the break before the
    /// item, removed where it stood.
    DisplacedBullet = "lines.displaced_bullet",
    /// Spaces removed inside a figure, between a figure and its unit
    /// symbol, or inside a compound unit that letter-spacing tore apart
    /// (`1 2.7%`, `7 2 %`, `万片/ 月`).
    QuantityRejoin = "quantity.rejoin",
    /// A subscript or superscript digit of a formula or unit made a plain
    /// digit (`Ga₂O₃` → `Ga2O3`, `m²` → `m2`); only when asked for.
    ScriptDigit = "quantity.script_digit",
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of rules: the rules behind one change of the edit log (edits of
/// several passes that touch the same bytes merge into one change).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Rules(u64);

impl Rules {
    pub fn union(self, other: Rules) -> Rules {
        Rules(self.0 | other.0)
    }

    pub fn contains(self, rule: Rule) -> bool {
        self.0 & (1 << rule as u8) != 0
    }

    /// The set as bits, bit `r` standing for rule `r`: the form a packed
    /// map stores it in.
    pub(crate) fn bits(self) -> u64 {
        self.0
    }

    pub(crate) fn from_bits(bits: u64) -> Rules {
        Rules(bits)
    }

    /// The rules in the set, in pipeline order.
    pub fn iter(self) -> impl Iterator<Item = Rule> {
        Rule::ALL.iter().copied().filter(move |&r| self.contains(r))
    }
}

impl From<Rule> for Rules {
    fn from(rule: Rule) -> Rules {
        Rules(1 << rule as u8)
    }
}

impl fmt::Display for Rules {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, r) in self.iter().enumerate() {
            if i > 0 {
                f.write_str("+")?;
            }
            f.write_str(r.name())?;
        }
        Ok(())
    }
}
