//! Holidays by name: "Christmas", "Thanksgiving Day", "New Year's Day", "Labor Day", "Father's
//! Day of 2015", "last Christmas". The resolver finds their day in the year.

use super::Parser;
use crate::extract::timex::lexicon::{HOLIDAYS, Written, rel_word};
use crate::extract::timex::sem::{Cand, Sem};

impl Parser<'_> {
    /// Holidays: "Christmas", "Thanksgiving Day", "last Christmas", "New Year's Day".
    pub(super) fn holiday(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let rel = rel_word(self.w(i));
        if rel.is_some() {
            j += 1;
        }
        let &(words, _, h) = HOLIDAYS.iter().find(|(words, written, _)| {
            let last = j + words.len() - 1;
            words
                .iter()
                .enumerate()
                .all(|(n, word)| self.is(j + n, word))
                && match written {
                    Written::AnyCase => true,
                    Written::Capitalised => self.cap(j),
                    Written::BothCapitalised => self.cap(j) && self.cap(last),
                }
        })?;
        let mut k = j + words.len();
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

    /// Holidays: "Thanksgiving Day", "Christmas", "christmas day", "new year eve", "Father's Day
    /// of 2015".
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
