//! Whether a figure is an outcome or a forecast. "Staff now expect inflation of 2.3% in 2026",
//! "revenue is expected to reach $5 billion", "output could fall 0.3%", "analysts had expected
//! roughly 700 job cuts": forecasts and targets, kept apart from outcomes in series and
//! conflicts. Rules as data: the word lists below, each with the text it reads.

use serde::{Deserialize, Serialize};

use super::tokens::Token;
use super::words::WordSet;

/// What a figure is, when it is not an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A forecast, projection, expectation or target: "expected to reach 1.9% next year".
    Forecast,
}

impl Status {
    /// The label used in JSON and tables: `forecast`.
    pub fn label(self) -> &'static str {
        match self {
            Status::Forecast => "forecast",
        }
    }

    /// Parses a label (as written in front matter): `forecast` (or `projection`, `target`).
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "forecast" | "projection" | "target" | "expected" => Some(Status::Forecast),
            _ => None,
        }
    }

    /// The words added to a measure so that forecasts form series of their own: "inflation" →
    /// "inflation forecast".
    pub fn measure_suffix(self) -> &'static str {
        match self {
            Status::Forecast => " forecast",
        }
    }
}

/// Words before a figure in its sentence that make it a forecast: "expect inflation of 2.3%",
/// "is projected at 1.1%", "the bank's forecast of 3%", "a target of 2%", "aims to sell 10,000".
#[rustfmt::skip]
static FORECAST_WORDS: WordSet = WordSet::new(&[
    "expect", "expects", "expected", "expecting", "expectation", "expectations", "forecast",
    "forecasts", "forecasting", "projected", "projects", "projection", "projections",
    "predict", "predicted", "predicts", "prediction", "predictions", "outlook", "target",
    "targets", "targeted", "targeting", "aims", "aim", "aiming", "goal", "guidance",
]);

/// Modal verbs that make the level or change after them a forecast: "could fall 0.3%", "will
/// reach 7,000", "would be 2.1%" (but not "will cut 1,800 jobs", an announced act).
#[rustfmt::skip]
static MODALS: WordSet = WordSet::new(&["will", "would", "could", "may", "might", "should"]);

/// Verbs of a level or a change after a modal: "will reach", "could more than triple".
#[rustfmt::skip]
static OUTCOME_VERBS: WordSet = WordSet::new(&[
    "reach", "rise", "fall", "grow", "be", "hit", "top", "exceed", "climb", "drop", "decline",
    "increase", "decrease", "double", "triple", "slow", "ease", "average", "total", "stand",
    "remain", "peak", "shrink", "contract", "expand", "jump", "surge", "slip", "dip",
]);

/// How far back in its sentence a forecast word reaches.
const REACH: usize = 12;

/// The status of the figure whose number is at token `at`: a forecast word before it in its
/// clause (not across a comma), a modal with a verb of level or change before it, or "according to"
/// forecasts anywhere in the sentence.
pub(crate) fn status_at(tokens: &[Token<'_>], at: usize) -> Option<Status> {
    let from = at.saturating_sub(REACH);
    let mut k = at;
    while k > from {
        k -= 1;
        let t = &tokens[k];
        // Within the figure's clause: "…, which had been expected, is part of …" says nothing
        // of the figure after it.
        if matches!(t.text, ";" | "," | ":") {
            break;
        }
        if t.lower_in(&FORECAST_WORDS) {
            return Some(Status::Forecast);
        }
        if t.lower_in(&MODALS)
            && tokens[k + 1..at]
                .iter()
                .take(4)
                .any(|n| n.lower_in(&OUTCOME_VERBS))
        {
            return Some(Status::Forecast);
        }
    }
    let according = tokens.windows(2).position(|w| {
        w[0].text.eq_ignore_ascii_case("according") && w[1].text.eq_ignore_ascii_case("to")
    });
    according
        .filter(|&k| {
            tokens[k + 2..]
                .iter()
                .take(6)
                .any(|t| t.lower_in(&FORECAST_WORDS))
        })
        .map(|_| Status::Forecast)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::{Lowered, figure_in_sentence};

    fn status(sentence: &str, figure: &str) -> Option<Status> {
        let lowered = Lowered::new(sentence);
        let (toks, start, _) = figure_in_sentence(sentence, &lowered, figure);
        status_at(&toks, start)
    }

    #[test]
    fn forecasts_and_targets_are_told_from_outcomes() {
        use Status::Forecast;
        for (sentence, figure, want) in [
            (
                "Staff now expect inflation of 2.3% in 2026.",
                "2.3%",
                Some(Forecast),
            ),
            (
                "Revenue is expected to reach $5 billion.",
                "5",
                Some(Forecast),
            ),
            ("Output could fall 0.3% next year.", "0.3%", Some(Forecast)),
            (
                "Analysts had expected roughly 700 job cuts.",
                "700",
                Some(Forecast),
            ),
            (
                "The bank keeps its target of 2% inflation.",
                "2%",
                Some(Forecast),
            ),
            (
                "Growth of 1.1% this year, according to the March projections.",
                "1.1%",
                Some(Forecast),
            ),
            ("Inflation was 2.6% in May.", "2.6%", None),
            ("The company will cut about 1,800 jobs.", "1,800", None),
            ("Sales rose 5%, more than analysts expected.", "5%", None),
            (
                "Exports fell 5%, according to the Trade Ministry.",
                "5%",
                None,
            ),
        ] {
            assert_eq!(status(sentence, figure), want, "{sentence} / {figure}");
        }
    }
}
