//! Holidays by name: "Christmas", "Thanksgiving Day", "New Year's Day", "Labor Day", "Father's
//! Day of 2015", "last Christmas". The resolver finds their day in the year.

use super::Parser;
use crate::extract::timex::lexicon::rel_word;
use crate::extract::timex::sem::{Cand, Hol, Sem};

impl Parser<'_> {
    /// Holidays: "Christmas", "Thanksgiving Day", "last Christmas", "New Year's Day".
    pub(super) fn holiday(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let rel = rel_word(self.w(i));
        if rel.is_some() {
            j += 1;
        }
        // Lowercase only for words that are never anything but holiday names.
        if !self.cap(j)
            && !matches!(
                self.w(j),
                "christmas" | "thanksgiving" | "halloween" | "new" | "thanks"
            )
        {
            return None;
        }
        let possessive_day =
            |k: usize| self.is(k, "'") && self.is(k + 1, "s") && self.is(k + 2, "day");
        let (h, mut k) = match self.w(j) {
            "thanks" if self.is(j + 1, "giving") => {
                if self.is(j + 2, "day") {
                    (Hol::Thanksgiving, j + 3)
                } else {
                    (Hol::Thanksgiving, j + 2)
                }
            }
            "father" if possessive_day(j + 1) => (Hol::Nth(6, 6, 3), j + 4),
            "mother" if possessive_day(j + 1) => (Hol::Nth(5, 6, 2), j + 4),
            "mlk" if self.is(j + 1, "day") => (Hol::Nth(1, 0, 3), j + 2),
            "martin"
                if self.is(j + 1, "luther") && self.is(j + 2, "king") && self.is(j + 3, "day") =>
            {
                (Hol::Nth(1, 0, 3), j + 4)
            }
            "labor" if self.is(j + 1, "day") && self.cap(j + 1) => (Hol::Nth(9, 0, 1), j + 2),
            "new" if self.is(j + 1, "year") && self.is(j + 2, "eve") => (Hol::Fixed(12, 31), j + 3),
            "christmas" => {
                if self.is(j + 1, "eve") {
                    (Hol::Fixed(12, 24), j + 2)
                } else if self.is(j + 1, "day") {
                    (Hol::Fixed(12, 25), j + 2)
                } else {
                    (Hol::Fixed(12, 25), j + 1)
                }
            }
            "thanksgiving" => {
                if self.is(j + 1, "day") {
                    (Hol::Thanksgiving, j + 2)
                } else {
                    (Hol::Thanksgiving, j + 1)
                }
            }
            "halloween" => (Hol::Fixed(10, 31), j + 1),
            "independence" if self.is(j + 1, "day") => (Hol::Fixed(7, 4), j + 2),
            "election" if self.is(j + 1, "day") && self.cap(j + 1) => (Hol::ElectionDay, j + 2),
            "valentine" if self.is(j + 1, "'") && self.is(j + 2, "s") && self.is(j + 3, "day") => {
                (Hol::Fixed(2, 14), j + 4)
            }
            "new" if self.is(j + 1, "year") && self.is(j + 2, "'") && self.is(j + 3, "s") => {
                match self.w(j + 4) {
                    "day" => (Hol::Fixed(1, 1), j + 5),
                    "eve" => (Hol::Fixed(12, 31), j + 5),
                    _ => return None,
                }
            }
            _ => return None,
        };
        let mut y = None;
        if rel.is_none() {
            let k2 = if self.is(k, ",") || self.is(k, "of") {
                k + 1
            } else {
                k
            };
            if self.nlen(k2) == 4
                && let Some(n) = self.num(k2).filter(|n| (1000..=2100).contains(n))
            {
                y = Some(n as i32);
                k = k2 + 1;
            }
        }
        self.cand(i, k, Sem::Holiday { h, rel, y })
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::timex::TimexType::*;
    use crate::extract::timex::examples::{Example, check};

    /// Holidays: "Thanksgiving Day", "Christmas", "christmas day", "new year eve", "Father's Day of 2015".
    #[rustfmt::skip]
    const HOLIDAY: &[Example] = &[
        ("The boy was rescued on Thanksgiving Day off the coast.", "2000-01-07", "Thanksgiving Day", "1999-11-25", Date, None),
        ("Shops will close on Christmas this year.", "2023-11-02", "Christmas", "2023-12-25", Date, None),
        ("We will celebrate on christmas day", "2024-11-20", "christmas day", "2024-12-25", Date, None),
        ("The party is on new year eve", "2024-11-20", "new year eve", "2024-12-31", Date, None),
        ("She visited on Father's Day of 2015.", "2024-03-20", "Father's Day of 2015", "2015-06-21", Date, None),
        ("Offices close for Martin Luther King Day.", "2024-03-20", "Martin Luther King Day", "2024-01-15", Date, None),
    ];

    #[test]
    fn holiday() {
        check(HOLIDAY);
    }
}
