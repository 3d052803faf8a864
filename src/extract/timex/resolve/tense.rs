//! Tokens around an expression in, its tense out: the nearest tense cue in the same sentence
//! ("said", "will", "ago", a past participle), with deadlines ("until Friday") and possessives
//! ("Friday's decision") read first. The resolver places a date without a year (or a weekday)
//! before or after the publication date by it.

use crate::extract::timex::tokens::Tok;
use crate::extract::words::WordSet;

/// Whether an expression speaks of the past or the future of the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
    /// Future including today ("until Tuesday" said on a Tuesday means today).
    Upcoming,
    None,
}

/// Words that point to the future by themselves.
#[rustfmt::skip]
static FUTURE_CUES: WordSet = WordSet::new(&[
    "will", "shall", "upcoming", "scheduled", "schedule", "planned", "expects", "expect",
    "expected", "planning", "could", "might", "soon", "due", "intends", "going", "would",
    "tomorrow", "ll", "await", "awaits", "hopes", "slated",
]);

/// Words that point to the past by themselves (besides past participles: any lowercase word of
/// more than four letters ending in "ed").
#[rustfmt::skip]
static PAST_CUES: WordSet = WordSet::new(&[
    "said", "was", "were", "had", "did", "ago", "last", "yesterday", "told", "earlier", "began",
    "came", "took", "made", "gave", "went", "saw", "met", "won", "lost", "fell", "rose", "left",
    "held", "sent", "found", "hit", "got", "since", "say", "says", "ended", "agreed", "hasn",
    "has", "have",
]);

/// Words ending in "-ed" that are no past form ("succeed", "hundred"); words in "-eed" are
/// past forms only when listed in [`PAST_CUES`] or here as "freed", "guaranteed".
#[rustfmt::skip]
static NOT_PAST_ED: WordSet = WordSet::new(&[
    "hundred", "sacred", "naked", "wicked", "hatred", "kindred", "rugged", "beloved", "wretched",
    "crooked",
]);

/// Irregular past forms, read like the regular "-ed" ones: past, unless a passive in the
/// present ("is sold") or still to come ("will be paid") makes them so.
#[rustfmt::skip]
static IRREGULAR_PAST: WordSet = WordSet::new(&[
    "brought", "bought", "sold", "paid", "spent", "kept", "built", "fought", "led", "fled",
    "struck", "wrote", "spoke", "broke", "chose", "drove", "grew", "knew", "threw", "flew",
    "drew", "stood", "became", "felt", "heard", "sought", "swept", "sank", "wore",
]);

/// Past verbs of intention or agreement: an infinitive after them looks ahead ("agreed to hold
/// elections in June"), so they set no tense then.
#[rustfmt::skip]
const INTENTION_VERBS: &[&str] = &[
    "agreed", "decided", "voted", "promised", "pledged", "vowed", "threatened", "offered", "hoped",
    "wanted", "intended", "asked", "urged", "moved", "prepared", "arranged", "scheduled",
    "supposed", "required", "allowed",
];

/// The tense token `i` signals by itself ("will", "said", a past participle), if any.
fn cue(t: &[Tok<'_>], i: usize) -> Option<Tense> {
    let w = t[i].w.as_ref();
    let back = |d: usize| i.checked_sub(d).map(|k| t[k].w.as_ref()).unwrap_or("");
    if FUTURE_CUES.contains(w) {
        // "had been scheduled to expire Friday", "had planned": a plan that is over.
        if back(1) == "had" || (back(1) == "been" && back(2) == "had") {
            return Some(Tense::Past);
        }
        return Some(Tense::Future);
    }
    if PAST_CUES.contains(w) {
        return Some(Tense::Past);
    }
    let next_w = t.get(i + 1).map(|x| x.w.as_ref()).unwrap_or("");
    // "plans to", "is planned for": intentions; "vacation plans", "they planned" are not.
    if matches!(w, "plans" | "plan") {
        return (next_w == "to").then_some(Tense::Future);
    }
    // "2.6% in May, down from 2.9% in April": the base a change is reckoned from lies behind.
    if w == "from" && matches!(back(1), "down" | "up") {
        return Some(Tense::Past);
    }
    if w == "next" && t.get(i + 1).is_some_and(|x| x.w != "to") {
        return Some(Tense::Future);
    }
    if w == "set" && matches!(t.get(i + 1).map(|x| x.w.as_ref()), Some("to" | "for")) {
        return Some(Tense::Future);
    }
    let regular = w.len() > 4
        && w.ends_with("ed")
        && (!w.ends_with("eed") || matches!(w, "freed" | "guaranteed"))
        && !NOT_PAST_ED.contains(w)
        && w.chars().all(|c| c.is_alphabetic());
    if !t[i].cap && (regular || IRREGULAR_PAST.contains(w)) {
        // "to be published", "will be held": a passive still to come; "is heard", "are
        // supposed to": the present, which places nothing.
        if back(1) == "be" && matches!(back(2), "to" | "will" | "ll" | "shall") {
            return Some(Tense::Future);
        }
        if matches!(back(1), "is" | "are" | "being") {
            return Some(Tense::None);
        }
        Some(Tense::Past)
    } else {
        None
    }
}

/// Local tense around tokens [s, e): the nearest tense cue in the same sentence.
const BACK_WINDOW: usize = 12;
const FWD_WINDOW: usize = 12;
/// Wider window used when no cue is found close to the expression.
const WIDE_WINDOW: usize = 40;

pub(super) fn tense(t: &[Tok<'_>], sent: &[usize], s: usize, e: usize) -> Tense {
    let sid = match sent.get(s) {
        Some(x) => *x,
        None => return Tense::None,
    };
    let w = |i: usize| t.get(i).map(|x| x.w.as_ref()).unwrap_or("");
    // "until Tuesday", "as early as Tuesday", "no later than Friday": an upcoming deadline.
    // A sentence-initial "Until Thursday, ..." describes a state that lasted up to then.
    if s >= 1
        && matches!(w(s - 1), "until" | "till")
        && sent.get(s - 1) == Some(&sid)
        && s >= 2
        && sent.get(s - 2) == Some(&sid)
        && !matches!(w(s - 2), "up" | "not")
    {
        return Tense::Upcoming;
    }
    if s >= 3
        && w(s - 1) == w(s - 3)
        && matches!(
            (w(s - 3), w(s - 2)),
            ("as", "early" | "soon") | ("than", "later")
        )
    {
        return Tense::Upcoming;
    }
    if s >= 3 && w(s - 3) == "no" && w(s - 2) == "later" && w(s - 1) == "than" {
        return Tense::Upcoming;
    }
    // "effective Feb. 1": when something takes effect, which the tense of the verb that
    // announced it does not place.
    if s >= 1 && w(s - 1) == "effective" {
        return Tense::None;
    }
    // A possessive ("Wednesday's ruling") names an event that has already happened.
    if w(e) == "'" && w(e + 1) == "s" {
        return Tense::Past;
    }
    // Backward first: in news the governing verb usually precedes the expression
    // ("said Monday", "will meet on Monday"). An infinitive between the verb and the
    // expression ("decided to admit them in March") makes a past verb uninformative.
    let mut infinitive = false;
    for d in 1..=BACK_WINDOW {
        if s < d {
            break;
        }
        let i = s - d;
        if sent[i] != sid {
            break;
        }
        // "is to" / "are to"
        if t[i].w == "to" && i > 0 && matches!(t[i - 1].w.as_ref(), "is" | "are") {
            return Tense::Future;
        }
        if t[i].w == "to"
            && t.get(i + 1).is_some_and(|n| {
                !n.cap
                    && n.w.len() > 2
                    && n.w.chars().all(|c| c.is_alphabetic())
                    && !matches!(
                        n.w.as_ref(),
                        "the" | "its" | "his" | "her" | "their" | "our" | "this" | "that"
                    )
                    && !n.w.ends_with("ed")
            })
        {
            infinitive = true;
        }
        if let Some(c) = cue(t, i) {
            // Only verbs of intention or agreement take a forward-looking infinitive.
            if c == Tense::Past && infinitive && INTENTION_VERBS.contains(&t[i].w.as_ref()) {
                return Tense::None;
            }
            return c;
        }
    }
    for d in 0..FWD_WINDOW {
        let i = e + d;
        if i >= t.len() || sent[i] != sid {
            break;
        }
        // "On Friday, the government planned to ...": the planning happened then.
        if t[i].w == "planned" {
            return Tense::Past;
        }
        if let Some(c) = cue(t, i) {
            return c;
        }
    }
    // Nothing close by: the main verb may be further away in a long sentence. Far-away
    // future cues are usually in subordinate clauses ("legislation that would ..."), so only
    // a past main verb is taken.
    for d in FWD_WINDOW..WIDE_WINDOW {
        let i = e + d;
        if i >= t.len() || sent[i] != sid {
            break;
        }
        if cue(t, i) == Some(Tense::Past) {
            return Tense::Past;
        }
    }
    Tense::None
}

#[cfg(test)]
mod tests {
    use crate::extract::timex::TimexType::*;
    use crate::extract::timex::examples::{Example, check};

    /// The tense around a weekday or month places it: a deadline ("until Friday") is ahead, a
    /// possessive ("Tuesday's decision") behind, an infinitive after a verb of intention ahead,
    /// and "planned" dates the planning when it follows.
    #[rustfmt::skip]
    const TENSE: &[Example] = &[
        // deadlines and possessives steer weekday resolution
        ("The offer stands until Friday.", "2024-03-20", "Friday", "2024-03-22", Date, None),
        ("The offer stands until Wednesday.", "2024-03-20", "Wednesday", "2024-03-20", Date, None),
        ("He could return as early as Monday.", "2024-03-20", "Monday", "2024-03-25", Date, None),
        ("Critics attacked Tuesday's decision.", "2024-03-20", "Tuesday", "2024-03-19", Date, None),
        ("They said they would fight Friday's order.", "2024-03-20", "Friday", "2024-03-15", Date, None),
        ("Hundreds gathered next to the embassy Friday.", "2024-03-20", "Friday", "2024-03-15", Date, None),
        // an infinitive after a past verb points forward
        ("The rebels agreed to hold elections in June.", "2024-03-20", "June", "2024-06", Date, None),
        // "planned" after the weekday dates the planning; before it, the plan
        ("On Friday, the city planned to reopen.", "2024-03-20", "Friday", "2024-03-15", Date, None),
        ("The team planned to leave on Friday.", "2024-03-20", "Friday", "2024-03-22", Date, None),
        ("Until Monday, they had refused.", "2024-03-20", "Monday", "2024-03-18", Date, None),
        ("Talks were supposed to end by May.", "2024-03-20", "May", "2024-05", Date, None),
        // a passive after "be" looks ahead; "had (been)" before a plan puts it behind
        ("Guidelines to be published in early May will decide it.", "2024-03-20", "early May", "2024-05", Date, Some("START")),
        ("The offer had been scheduled to expire Friday.", "2024-03-20", "Friday", "2024-03-15", Date, None),
        ("It had been due to expire Friday evening.", "2024-03-20", "Friday evening", "2024-03-15TEV", Time, None),
        // irregular past forms
        ("In May, the company brought in a new chief.", "2024-03-20", "May", "2023-05", Date, None),
        ("The board created the post, effective Feb. 1.", "2023-10-26", "Feb. 1", "2024-02-01", Date, None),
        // "-eed" words and "hundred" are no past forms
        ("He will succeed Mr. Davison Feb. 1, after he retires.", "2023-10-26", "Feb. 1", "2024-02-01", Date, None),
        ("He could not be located Wednesday.", "2024-03-22", "Wednesday", "2024-03-20", Date, None),
        // the base a change is reckoned from lies behind
        ("Inflation is 2.6%, down from 2.9% in April.", "2024-03-15", "April", "2023-04", Date, None),
        ("The court must be obeyed, and set Friday as the deadline.", "2024-03-23", "Friday", "2024-03-22", Date, None),
    ];

    #[test]
    fn tense_places_the_date() {
        check(TENSE);
    }
}
