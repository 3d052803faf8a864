//! A briefing's articles in, its figure table out: figures grouped by what they count, one row
//! per claim, sorted by as-of date so that a series reads as a trend; conflicting values for the
//! same thing at the same date are flagged, never merged.

use crate::content::Briefing;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::extract::{FigureKind, Period};

use super::ArticleEntry;

/// One row: a figure claim of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRow {
    /// Index into the report's articles.
    pub article: usize,
    /// Index into that article's figures.
    pub figure: usize,
    /// Another source gives a different value for the same thing at the same date.
    pub conflict: bool,
}

/// The rows counting one thing.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureGroup {
    /// What is counted, as most often written ("containers").
    pub unit: String,
    /// Rows, oldest as-of first.
    pub rows: Vec<FigureRow>,
    /// Whether any row conflicts with another.
    pub has_conflict: bool,
    /// The analyst's note on this group (briefing front matter `notes:`, by unit).
    pub note: Option<String>,
}

/// The grouping key of a unit: lowercase, simple plural folded ("Containers" ~ "container").
pub fn unit_key(unit: &str) -> String {
    let lower = unit.trim().to_lowercase();
    match lower.strip_suffix('s') {
        Some(stem) if stem.len() > 2 && !stem.ends_with('s') => stem.to_string(),
        _ => lower,
    }
}

const NO_UNIT: &str = "other figures";

/// A group being built: the unit's spellings with their counts, and the rows.
type Pending = (Vec<(String, usize)>, Vec<FigureRow>);

/// Builds the figure groups of a briefing from `selected` articles.
pub fn assemble_figure_table(
    briefing: &Briefing,
    articles: &[ArticleEntry],
    selected: &[usize],
) -> (Vec<FigureGroup>, Diagnostics) {
    let mut diags = Diagnostics::new();
    // key -> (unit spellings with counts, rows)
    let mut groups: std::collections::BTreeMap<String, Pending> = Default::default();
    for &a in selected {
        for (f, figure) in articles[a].claims.figures.iter().enumerate() {
            let unit = figure.unit.as_deref().unwrap_or(NO_UNIT).to_string();
            let entry = groups.entry(unit_key(&unit)).or_default();
            match entry.0.iter_mut().find(|(u, _)| *u == unit) {
                Some((_, n)) => *n += 1,
                None => entry.0.push((unit, 1)),
            }
            entry.1.push(FigureRow {
                article: a,
                figure: f,
                conflict: false,
            });
        }
    }
    let mut out: Vec<FigureGroup> = groups
        .into_values()
        .map(|(mut spellings, mut rows)| {
            spellings.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            sort_rows(articles, &mut rows);
            let has_conflict = flag_conflicts(articles, &mut rows);
            let unit = spellings[0].0.clone();
            let note = briefing
                .notes
                .iter()
                .find(|(k, _)| unit_key(k) == unit_key(&unit))
                .map(|(_, n)| n.clone());
            FigureGroup {
                unit,
                rows,
                has_conflict,
                note,
            }
        })
        .collect();
    // Groups with the longest series first; "other figures" last.
    out.sort_by(|a, b| {
        (a.unit == NO_UNIT)
            .cmp(&(b.unit == NO_UNIT))
            .then(b.rows.len().cmp(&a.rows.len()))
            .then(a.unit.cmp(&b.unit))
    });
    if !briefing.figures.is_empty() {
        let mut featured = Vec::new();
        for wanted in &briefing.figures {
            match out
                .iter()
                .position(|g| unit_key(&g.unit) == unit_key(wanted))
            {
                Some(i) => featured.push(out[i].clone()),
                None => diags.push(
                    Diagnostic::warning(
                        &briefing.path,
                        format!("no figure counts `{wanted}` in this briefing's articles"),
                    )
                    .with_help(format!(
                        "units found: {}",
                        out.iter()
                            .map(|g| g.unit.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                ),
            }
        }
        out = featured;
    }
    (out, diags)
}

fn sort_rows(articles: &[ArticleEntry], rows: &mut [FigureRow]) {
    let key = |r: &FigureRow| {
        let entry = &articles[r.article];
        let f = &entry.claims.figures[r.figure];
        let period = f.as_of.as_deref().and_then(Period::parse);
        (
            period.as_ref().map(|p| p.start),
            period.map(|p| p.precision),
            entry.article.path.clone(),
            f.span.start,
        )
    };
    rows.sort_by_cached_key(key);
}

/// Flags rows of the same kind and as-of date whose values differ by more than 0.5%. Rows are
/// bucketed by (as-of, kind); within a bucket the value farthest from a row is the bucket's
/// minimum or maximum, so the check is linear after sorting.
fn flag_conflicts(articles: &[ArticleEntry], rows: &mut [FigureRow]) -> bool {
    let figure = |r: &FigureRow| &articles[r.article].claims.figures[r.figure];
    let mut buckets: std::collections::BTreeMap<(Option<&str>, FigureKind), (f64, f64)> =
        Default::default();
    for r in rows.iter() {
        let f = figure(r);
        if f.kind == FigureKind::Change {
            continue;
        }
        let e = buckets
            .entry((f.as_of.as_deref(), f.kind))
            .or_insert((f.value, f.value));
        e.0 = e.0.min(f.value);
        e.1 = e.1.max(f.value);
    }
    let differs = |a: f64, b: f64| (a - b).abs() > 0.005 * a.abs().max(b.abs());
    let mut any = false;
    for r in rows.iter_mut() {
        let f = figure(r);
        if let Some(&(min, max)) = buckets.get(&(f.as_of.as_deref(), f.kind))
            && f.kind != FigureKind::Change
            && (differs(f.value, min) || differs(f.value, max))
        {
            r.conflict = true;
            any = true;
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_keys_fold_plurals() {
        assert_eq!(unit_key("Containers"), "container");
        assert_eq!(unit_key("container"), "container");
        assert_eq!(unit_key("percent"), "percent");
        assert_eq!(unit_key("glass"), "glass");
    }
}
