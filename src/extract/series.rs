//! One article, one name per series: after every figure has its measure and scope, the measures
//! of one article that name the same thing two ways are written one way, so that its figures
//! chart as one line. Two ways are folded:
//! - a company's full name, which the text writes with its legal form, and the first word of it
//!   that the article also uses as a scope ("Aetna Life & Casualty Co." and "Aetna": one
//!   company; "GM Hughes Electronics" is not "GM");
//! - a measure that names no period in a story that gives it for the quarter ("net was $235.5
//!   million" a year earlier, in a story of "third-quarter net income": the quarter's). Results
//!   stories lead with the quarter and label the longer periods ("for the nine months"), so a
//!   bare measure beside quarter and nine months is the quarter's too; beside a year it may be
//!   the year's, and a story of nine months alone says nothing of which it is.

use super::figures::FigureMention;
use super::scope::{is_legal_form, unscoped};

/// The period words a measure may start with (see `measure::period_of`); the first is the one a
/// bare measure folds into.
const PERIODS: [&str; 4] = ["quarterly", "nine-month", "half-year", "annual"];

/// Folds the measures of one article's `figures` (see the module's documentation).
/// `text` is the article's.
pub(crate) fn fold(text: &str, figures: &mut [FigureMention]) {
    fold_scopes(text, figures);
    fold_nationalities(figures);
    fold_periods(figures);
}

/// "prisoners taken (Iraqi)" → "prisoners taken (Iraq)" when another figure of the article is
/// scoped "Iraq": an adjective of nationality ("Kenyan", "Iraqi", "Sudanese") names the country
/// the article names elsewhere, so both are one scope.
fn fold_nationalities(figures: &mut [FigureMention]) {
    let countries: Vec<String> = figures.iter().filter_map(|f| f.scope.clone()).collect();
    for f in figures.iter_mut() {
        let Some(scope) = f.scope.as_deref() else {
            continue;
        };
        let Some(country) = NATIONALITY_ENDINGS
            .iter()
            .filter_map(|end| scope.strip_suffix(end))
            .find(|c| c.len() > 2 && countries.iter().any(|s| s == c))
            .map(str::to_string)
        else {
            continue;
        };
        if let Some(m) = &mut f.measure
            && let Some(base) = unscoped(m, scope)
        {
            *m = format!("{base} ({country})");
        }
        f.scope = Some(country);
    }
}

/// Endings by which an adjective of nationality is made from its country's name: "Kenya-n",
/// "Iraq-i", "Sudan-ese".
const NATIONALITY_ENDINGS: [&str; 3] = ["n", "i", "ese"];

/// "Aetna Life & Casualty" → "Aetna" when the article also scopes a figure "Aetna" and writes
/// "Aetna Life & Casualty Co.".
fn fold_scopes(text: &str, figures: &mut [FigureMention]) {
    let mut scopes: Vec<String> = figures.iter().filter_map(|f| f.scope.clone()).collect();
    scopes.sort_by_key(String::len);
    scopes.dedup();
    if scopes.len() < 2 {
        return;
    }
    for f in figures.iter_mut() {
        let Some(scope) = f.scope.as_deref() else {
            continue;
        };
        let Some(short) = scopes.iter().find(|s| {
            s.len() < scope.len()
                && !s.contains(' ')
                && scope.starts_with(s.as_str())
                && scope.as_bytes()[s.len()] == b' '
        }) else {
            continue;
        };
        // "Ogden Projects Inc." beside "Ogden Corp.": the short name is another company's.
        if !written_with_legal_form(text, scope) || written_with_legal_form(text, short) {
            continue;
        };
        if let Some(m) = &mut f.measure
            && let Some(base) = unscoped(m, scope)
        {
            *m = format!("{base} ({short})");
        }
        f.scope = Some(short.clone());
    }
}

/// Whether `text` writes the name `name` followed by a legal form ("Aetna Life & Casualty Co.";
/// news text may spell "&" as "amp").
fn written_with_legal_form(text: &str, name: &str) -> bool {
    let spelled = name.replace(" & ", " amp ");
    [name, spelled.as_str()].iter().any(|name| {
        text.match_indices(name).any(|(at, _)| {
            let after = text[at + name.len()..].trim_start_matches(',');
            after.strip_prefix(' ').is_some_and(|a| {
                let word = a.split([' ', '\'']).next().unwrap_or(a);
                word == "Group" || is_legal_form(word)
            })
        })
    })
}

/// "net income (Aetna)" → "quarterly net income (Aetna)" when the article gives "net income
/// (Aetna)" for the quarter and for no year.
fn fold_periods(figures: &mut [FigureMention]) {
    let with_period: Vec<(&'static str, String)> = figures
        .iter()
        .filter_map(|f| {
            let m = f.measure.as_deref()?;
            PERIODS.iter().find_map(|p| {
                m.strip_prefix(p)
                    .and_then(|rest| rest.strip_prefix(' '))
                    .map(|rest| (*p, rest.to_string()))
            })
        })
        .collect();
    if with_period.is_empty() {
        return;
    }
    for f in figures.iter_mut() {
        let Some(m) = &mut f.measure else { continue };
        let mut periods = with_period
            .iter()
            .filter(|(_, rest)| rest == m)
            .map(|(p, _)| *p);
        let Some(period) = periods.next() else {
            continue;
        };
        if period == PERIODS[0] && periods.all(|p| p != PERIODS[3]) {
            *m = format!("{period} {m}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::figures::FigureKind;

    fn figure(measure: &str, scope: Option<&str>) -> FigureMention {
        FigureMention {
            range: 0..1,
            number: 0..1,
            value: 1.0,
            unit: Some("USD".into()),
            qualifier: None,
            kind: FigureKind::Money,
            direction: None,
            status: None,
            measure: Some(measure.into()),
            scope: scope.map(Into::into),
            sentence: 0,
        }
    }

    fn measures(figures: &[FigureMention]) -> Vec<&str> {
        figures
            .iter()
            .filter_map(|f| f.measure.as_deref())
            .collect()
    }

    #[test]
    fn a_longer_name_of_a_scope_folds_into_the_shorter() {
        let text = "Aetna Life amp Casualty Co.'s net fell. Aetnas rose. Aetna's profit rose. \
                    GM Hughes Electronics said. GM rose. Ogden Projects Inc. and Ogden Corp. rose.";
        let mut fs = [
            figure(
                "quarterly net income (Aetna Life & Casualty)",
                Some("Aetna Life & Casualty"),
            ),
            figure("quarterly net income (Aetna)", Some("Aetna")),
            // Not a word prefix: another name.
            figure("revenue (Aetnas)", Some("Aetnas")),
            // Not written with a legal form: another company.
            figure("net income (GM Hughes)", Some("GM Hughes")),
            figure("share price (GM)", Some("GM")),
            // The short name written with its own legal form: another company.
            figure("net income (Ogden Projects)", Some("Ogden Projects")),
            figure("net income (Ogden)", Some("Ogden")),
        ];
        fold(text, &mut fs);
        assert_eq!(
            measures(&fs),
            [
                "quarterly net income (Aetna)",
                "quarterly net income (Aetna)",
                "revenue (Aetnas)",
                "net income (GM Hughes)",
                "share price (GM)",
                "net income (Ogden Projects)",
                "net income (Ogden)"
            ]
        );
        assert_eq!(fs[0].scope.as_deref(), Some("Aetna"));
    }

    /// An adjective of nationality as a scope is the country another figure of the article is
    /// scoped by; without that country, or for a name that only ends like one, it stays.
    #[test]
    fn a_nationality_folds_into_its_country() {
        let mut fs = [
            figure("refugees (Sudanese)", Some("Sudanese")),
            figure("refugees (Sudan)", Some("Sudan")),
            figure("soldiers killed (Kenyan)", Some("Kenyan")),
            figure("troops (Chadian)", Some("Chadian")),
            figure("revenue (Wien)", Some("Wien")),
            figure("revenue (We)", Some("We")),
        ];
        fold("", &mut fs);
        assert_eq!(
            measures(&fs),
            [
                "refugees (Sudan)",
                "refugees (Sudan)",
                "soldiers killed (Kenyan)",
                "troops (Chadian)",
                "revenue (Wien)",
                "revenue (We)"
            ]
        );
        assert_eq!(fs[0].scope.as_deref(), Some("Sudan"));
    }

    #[test]
    fn a_measure_without_period_takes_the_one_period_the_article_gives_it() {
        let mut fs = [
            figure("quarterly net income (Aetna)", Some("Aetna")),
            figure("net income (Aetna)", Some("Aetna")),
            figure("revenue (Aetna)", Some("Aetna")),
        ];
        fold("", &mut fs);
        assert_eq!(
            measures(&fs),
            [
                "quarterly net income (Aetna)",
                "quarterly net income (Aetna)",
                "revenue (Aetna)"
            ]
        );
        // Beside quarter and nine months, a bare measure is the quarter's; beside a year, it
        // may be the year's.
        let mut fs = [
            figure("quarterly net income (Elco)", Some("Elco")),
            figure("nine-month net income (Elco)", Some("Elco")),
            figure("net income (Elco)", Some("Elco")),
        ];
        fold("", &mut fs);
        assert_eq!(measures(&fs)[2], "quarterly net income (Elco)");
        let mut fs = [
            figure("quarterly net income (Elco)", Some("Elco")),
            figure("annual net income (Elco)", Some("Elco")),
            figure("net income (Elco)", Some("Elco")),
        ];
        fold("", &mut fs);
        assert_eq!(measures(&fs)[2], "net income (Elco)");
        let mut fs = [
            figure("nine-month net income (Elco)", Some("Elco")),
            figure("net income (Elco)", Some("Elco")),
        ];
        fold("", &mut fs);
        assert_eq!(measures(&fs)[1], "net income (Elco)");
    }
}
