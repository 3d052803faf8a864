//! Dates a story refers back to or on from: "that June", "that autumn", "that Monday", "the
//! following spring", "the previous summer", "the following Tuesday", and parts of the day the
//! story is at: "that night", "the same afternoon". In a narrative they count from the last
//! date the story reached (`resolve/narrative.rs`); in news, from the publication, as the
//! month, season or weekday alone would, except a following or previous weekday, which counts
//! from the day the story is at.

use super::Parser;
use crate::extract::timex::lexicon::{month_of, pod_of, season_of, weekday_of};
use crate::extract::timex::sem::{Cand, Sem, YearSpec};

impl Parser<'_> {
    /// "that" or "the following/next/previous/preceding/prior/same" before a month, season,
    /// weekday or part of the day.
    pub(super) fn story_ref(&self, i: usize) -> Option<Cand> {
        let (rel, j) = match (self.w(i), self.w(i + 1)) {
            ("that", _) => (None, i + 1),
            ("the", "following" | "next") => (Some(1), i + 2),
            ("the", "previous" | "preceding" | "prior") => (Some(-1), i + 2),
            ("the", "same") => (Some(0), i + 2),
            _ => return None,
        };
        let w = self.w(j);
        // "that June 4" and "the following March 1999" are dates of their own.
        let bare = self.num(j + 1).is_none();
        if let Some(p) = pod_of(w) {
            return match rel {
                None | Some(0) => self.cand(i, j + 1, Sem::PartOfDay { off: 0, pod: p }),
                _ => None,
            };
        }
        if rel == Some(0) {
            return None;
        }
        // "may" and "march" are too often verbs.
        if let Some((m, false)) = month_of(w)
            && bare
            && (self.cap(j) || !matches!(w, "may" | "march"))
        {
            return self.cand(i, j + 1, Sem::Month { m, rel });
        }
        if let Some(s) = season_of(w)
            && bare
            && !self.is(j + 1, "of")
        {
            let ys = YearSpec::Ctx;
            return self.cand(i, j + 1, Sem::Season { s, ys, rel });
        }
        let wd = weekday_of(w)?;
        match rel {
            // "the following Tuesday": counted from the day the story is at.
            Some(dir @ (1 | -1)) => self.cand(i, j + 1, Sem::WeekdayFrom { wd, dir }),
            _ => self.cand(i, j + 1, Sem::Weekday { wd, pod: None, rel }),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::timex::TimexType::*;
    use crate::extract::timex::examples::{Example, check, check_span_untagged};

    /// In a narrative (an explicit date years back first), they count from the story; in news,
    /// from the publication.
    #[rustfmt::skip]
    const STORY: &[Example] = &[
        ("The mill opened on March 1, 1962. Its first order arrived that June.", "2021-05-14", "that June", "1962-06", Date, None),
        ("She enrolled at the Sorbonne in 1891 that autumn.", "2017-11-07", "that autumn", "1891-FA", Date, None),
        ("The blockade was lifted on November 20, 1962. The following summer a hotline opened.", "2018-04-02", "The following summer", "1963-SU", Date, None),
        ("The wall fell on November 9, 1989. Bulldozers came the following June.", "2004-06-15", "the following June", "1990-06", Date, None),
        ("The team lost on February 9, 1980, months after Brooks picked it the previous summer.", "2015-02-20", "the previous summer", "1979-SU", Date, None),
        ("The water receded on Sunday, November 6, 1966, and that Monday the books were laid out to dry.", "2016-11-03", "that Monday", "1966-11-07", Date, None),
        ("The plane was shot down on Saturday, October 27, 1962. That night a deal was offered.", "2018-04-02", "That night", "1962-10-27TNI", Time, None),
        ("The Fram reached Hobart on Thursday, March 7, 1912; he cabled home the same afternoon.", "2006-03-01", "the same afternoon", "1912-03-07TAF", Time, None),
        // "that day" of a year or month that names no day: a day of it the text does not say.
        ("The crash came in 1987. Traders lost heavily that day.", "1989-10-30", "that day", "1987-XX-XX", Date, None),
        ("The site went down in October 1998 and was restored that day.", "1999-02-06", "that day", "1998-10-XX", Date, None),
        // news: the publication's months
        ("Sales rose in May, the company said Tuesday, and fell that June.", "2024-03-20", "that June", "2023-06", Date, None),
        // news: a weekday before or after the day the story is at
        ("The index closed at 2,082 on Friday, down 4.5% from the previous Friday.", "2024-03-20", "the previous Friday", "2024-03-08", Date, None),
        ("Talks opened on March 3, 2022 and broke down the following Tuesday.", "2024-03-20", "the following Tuesday", "2022-03-08", Date, None),
    ];

    #[test]
    fn story_dates() {
        check(STORY);
    }

    #[test]
    fn not_story_dates() {
        // Dates of their own are tagged whole; "that may" is a verb.
        check_span_untagged(&[
            ("He said that May 4, 2023 was the day.", "that May"),
            ("It is possible that may happen.", "that may"),
        ]);
    }
}
