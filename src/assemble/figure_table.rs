//! A briefing's articles in, its figure table out: figures grouped by series (what they measure,
//! else what they count, as the analyst's `series:` arranges them; see [`super::series`]), one
//! row per claim, sorted by as-of date so that a series reads as a trend; values of one series
//! that cannot both be right are flagged (see [`super::conflicts`]), never merged.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::ArticleEntry;
use super::conflicts;
use super::series::{
    AnalystNames, Membership, NO_UNIT, NameSource, SeriesKey, analyst_series, name_key,
    natural_series, series_label, unit_key,
};
use crate::content::{Briefing, SeriesName, SeriesTarget};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::extract::{FigureClaim, FigureKind, Period};

/// One row: a figure claim of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRow {
    /// Index into the report's articles.
    pub article: usize,
    /// Index into that article's figures.
    pub figure: usize,
    /// Another source gives a value for the same thing at the same date that cannot also be
    /// right.
    pub conflict: bool,
    /// The article's other statements of the same claim (same value, qualifier, kind, direction,
    /// speaker and as-of date), by figure index: one row links every sentence stating it.
    pub restated: Vec<usize>,
}

/// The rows of one series.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureGroup {
    /// The series' name as written: the analyst's name for it (`series:`), else its measure
    /// ("people displaced (South Sudan)"), else, for figures without one, what they count
    /// ("containers"). What `figures:` and `notes:` in the briefing's front matter name it by.
    pub name: String,
    /// The heading it is shown under: the name with its first letter capitalized, a currency
    /// named rather than coded ("US dollars").
    pub label: String,
    /// What its figures measure (the name), or `None` when they are grouped by unit (an
    /// analyst's name that joins a unit's series included).
    pub measure: Option<String>,
    /// The scope every row shares ("South Sudan"), when they share one.
    pub scope: Option<String>,
    /// What is counted, as most often written ("containers"; "other figures" for none).
    pub unit: String,
    /// Rows, oldest as-of first.
    pub rows: Vec<FigureRow>,
    /// Whether its rows are one series: they share a measure or the analyst named them as one.
    /// Figures grouped only by their unit measure different things: they are listed, never
    /// charted as one line nor checked for conflicts.
    pub is_series: bool,
    /// Whether any row conflicts with another.
    pub has_conflict: bool,
    /// The analyst's note on this group (briefing front matter `notes:`, by series name or unit).
    pub note: Option<String>,
}

/// Counts of the spellings of one thing among a group's rows.
type Spellings<'a> = BTreeMap<&'a str, usize>;

/// A group being built.
#[derive(Default)]
struct Pending<'a> {
    /// The names its rows give it, with where each comes from.
    names: BTreeMap<(NameSource, Cow<'a, str>), usize>,
    /// The units of its rows.
    units: Spellings<'a>,
    /// The scopes of its rows (`None` for a row without one).
    scopes: BTreeMap<Option<&'a str>, usize>,
    /// Whether a row is not a sum of money.
    not_money: bool,
    rows: Vec<FigureRow>,
}

impl<'a> Pending<'a> {
    /// Adds `figure`, the figure at `f` of article `a`, which names the group `name`.
    fn add(
        &mut self,
        name: Cow<'a, str>,
        source: NameSource,
        figure: &'a FigureClaim,
        a: usize,
        f: usize,
    ) {
        *self.names.entry((source, name)).or_default() += 1;
        if let Some(unit) = figure.unit.as_deref().filter(|u| !u.trim().is_empty()) {
            *self.units.entry(unit).or_default() += 1;
        }
        *self.scopes.entry(figure.scope.as_deref()).or_default() += 1;
        self.not_money |= figure.kind != FigureKind::Money;
        self.rows.push(FigureRow {
            article: a,
            figure: f,
            conflict: false,
            restated: Vec::new(),
        });
    }
}

/// Builds the figure groups of a briefing from `selected` articles.
pub fn assemble_figure_table(
    briefing: &Briefing,
    articles: &[ArticleEntry],
    selected: &[usize],
) -> (Vec<FigureGroup>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut groups: BTreeMap<SeriesKey, Pending<'_>> = BTreeMap::new();
    let mut analyst = AnalystNames::new(&briefing.series);
    for (a, f, membership) in memberships(&mut analyst, articles, selected) {
        let Membership { key, name, source } = membership;
        let group = groups.entry(key).or_default();
        group.add(name, source, &articles[a].claims.figures[f], a, f);
    }
    diags.extend(unused_names(briefing, &analyst, articles, selected));
    let mut out: Vec<(SeriesKey, FigureGroup)> = groups
        .into_iter()
        .map(|(key, pending)| {
            let group = finish_group(&key, pending, articles, briefing);
            (key, group)
        })
        .collect();
    // Series (figures of one measure) first, the longest first; then the figures grouped only
    // by what they count, which are no series ("Percent", "Shares"); the figures that count
    // nothing last.
    let no_unit = SeriesKey::Unit(unit_key(NO_UNIT));
    out.sort_by(|(ka, a), (kb, b)| {
        (*ka == no_unit)
            .cmp(&(*kb == no_unit))
            .then(matches!(ka, SeriesKey::Unit(_)).cmp(&matches!(kb, SeriesKey::Unit(_))))
            .then(b.rows.len().cmp(&a.rows.len()))
            .then(a.label.cmp(&b.label))
            .then(ka.cmp(kb))
    });
    let out: Vec<FigureGroup> = out.into_iter().map(|(_, g)| g).collect();
    if briefing.figures.is_empty() {
        return (out, diags);
    }
    let (featured, d) = feature(briefing, out);
    diags.extend(d);
    (featured, diags)
}

/// The series of every figure of the `selected` articles, as (article, figure, membership): by
/// what each says, unless the analyst names it.
fn memberships<'a>(
    analyst: &mut AnalystNames<'a>,
    articles: &'a [ArticleEntry],
    selected: &[usize],
) -> Vec<(usize, usize, Membership<'a>)> {
    let mut found: Vec<(usize, usize, Membership<'a>)> = selected
        .iter()
        .flat_map(|&a| {
            let figures = articles[a].claims.figures.iter().enumerate();
            figures.map(move |(f, figure)| (a, f, natural_series(figure)))
        })
        .collect();
    if analyst.is_empty() {
        return found;
    }
    let natural: HashSet<SeriesKey> = found.iter().map(|(_, _, m)| m.key.clone()).collect();
    for (a, f, membership) in &mut found {
        let figure = &articles[*a].claims.figures[*f];
        if let Some(name) = analyst.name_for(&articles[*a].article.id.0, *f, figure) {
            *membership = analyst_series(name, &natural);
        }
    }
    found
}

/// A warning for each entry of the briefing's `series:` that names no figure of it, at its line.
fn unused_names(
    briefing: &Briefing,
    analyst: &AnalystNames<'_>,
    articles: &[ArticleEntry],
    selected: &[usize],
) -> Diagnostics {
    let (unused, repeated) = analyst.unused();
    let mut diags = Diagnostics::new();
    let at = |d: Diagnostic, entry: &SeriesName| d.at_offset(&briefing.text, entry.offset);
    for entry in unused {
        diags.push(
            at(
                Diagnostic::warning(
                    &briefing.path,
                    format!(
                        "`series:` key `{}` matches no figure in this briefing",
                        entry.key
                    ),
                ),
                entry,
            )
            .with_help(unused_help(&entry.target, articles, selected)),
        );
    }
    for (entry, first) in repeated {
        let line = crate::diagnostics::LineIndex::new(&briefing.text)
            .locate(&briefing.text, first.offset)
            .0;
        diags.push(
            at(
                Diagnostic::warning(
                    &briefing.path,
                    format!(
                        "`series:` key `{}` names the same figures as `{}` (line {line}), which is used",
                        entry.key, first.key
                    ),
                ),
                entry,
            )
            .with_help("remove one of the two"),
        );
    }
    diags
}

/// What the analyst can name instead of `target`, which names nothing.
fn unused_help(target: &SeriesTarget, articles: &[ArticleEntry], selected: &[usize]) -> String {
    match target {
        SeriesTarget::Figure { article, .. } => {
            match selected
                .iter()
                .find(|&&a| articles[a].article.id.0 == *article)
            {
                None => format!("`{article}` is not one of this briefing's articles"),
                Some(&a) => match articles[a].claims.figures.len() {
                    0 => format!("`{article}` has no figures"),
                    n => format!("`{article}` has {n} figures, f1 to f{n}"),
                },
            }
        }
        SeriesTarget::Measure(_) => {
            let mut measures = BTreeSet::new();
            let mut units = BTreeSet::new();
            for &a in selected {
                for figure in &articles[a].claims.figures {
                    match (figure.series_measure(), &figure.unit) {
                        (Some(m), _) => measures.insert(m.into_owned()),
                        (None, Some(u)) => units.insert(u.to_string()),
                        (None, None) => false,
                    };
                }
            }
            let list = |set: BTreeSet<String>| match set.len() {
                0 => "none here".to_string(),
                _ => set.into_iter().collect::<Vec<_>>().join(", "),
            };
            format!(
                "a key is a measure ({}), the unit of figures without one ({}), or one figure as `ARTICLE#fN`",
                list(measures),
                list(units)
            )
        }
    }
}

/// A group from what was collected for it: its name, label, rows in order and conflicts.
fn finish_group(
    key: &SeriesKey,
    pending: Pending<'_>,
    articles: &[ArticleEntry],
    briefing: &Briefing,
) -> FigureGroup {
    let Pending {
        names,
        units,
        scopes,
        not_money,
        mut rows,
    } = pending;
    // The strongest source's name, then the most frequent spelling, then the first.
    let ((source, name), _) = names
        .into_iter()
        .max_by(|(a, n), (b, m)| a.0.cmp(&b.0).then(n.cmp(m)).then(b.1.cmp(&a.1)))
        .unwrap_or(((NameSource::Unit, Cow::Borrowed(NO_UNIT)), 0));
    let unit = most_frequent(units).unwrap_or(NO_UNIT);
    let scope = match scopes.len() {
        1 => scopes.into_keys().next().flatten(),
        _ => None,
    };
    sort_rows(articles, &mut rows);
    let mut rows = join_restatements(articles, rows);
    let is_series = source != NameSource::Unit;
    let has_conflict = is_series && flag_conflicts(articles, &mut rows);
    let mut group = FigureGroup {
        name: name.to_string(),
        label: series_label(&name, source, !not_money),
        measure: matches!(key, SeriesKey::Named(_)).then(|| name.to_string()),
        scope: scope.map(str::to_string),
        unit: unit.to_string(),
        rows,
        is_series,
        has_conflict,
        note: None,
    };
    group.note = note_for(briefing, &group);
    group
}

/// The spelling with the highest count; the first in order among equals.
fn most_frequent(spellings: Spellings<'_>) -> Option<&str> {
    spellings
        .into_iter()
        .max_by(|(a, n), (b, m)| n.cmp(m).then(b.cmp(a)))
        .map(|(s, _)| s)
}

/// Whether `wanted` (in `figures:` or `notes:`) names `group` by its series name or heading.
fn names_series(wanted: &str, group: &FigureGroup) -> bool {
    let wanted = name_key(wanted);
    wanted == name_key(&group.name) || wanted == name_key(&group.label)
}

/// Whether `wanted` names what `group` counts, as `figures:` and `notes:` did before series
/// ("containers", "container").
fn names_unit(wanted: &str, group: &FigureGroup) -> bool {
    unit_key(wanted) == unit_key(&group.unit)
}

/// The analyst's note on `group`: the one naming its series, else the one naming its unit.
fn note_for(briefing: &Briefing, group: &FigureGroup) -> Option<String> {
    let by = |matches: fn(&str, &FigureGroup) -> bool| {
        briefing
            .notes
            .iter()
            .find(|(k, _)| matches(k, group))
            .map(|(_, n)| n.clone())
    };
    by(names_series).or_else(|| by(names_unit))
}

/// The groups the briefing's `figures:` asks for, in its order: each entry names a series, or a
/// unit (every series counting it). An entry that names nothing is a warning.
fn feature(briefing: &Briefing, groups: Vec<FigureGroup>) -> (Vec<FigureGroup>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut chosen: Vec<usize> = Vec::new();
    for wanted in &briefing.figures {
        let mut found: Vec<usize> = (0..groups.len())
            .filter(|&i| names_series(wanted, &groups[i]))
            .collect();
        if found.is_empty() {
            found = (0..groups.len())
                .filter(|&i| names_unit(wanted, &groups[i]))
                .collect();
        }
        if found.is_empty() {
            diags.push(
                Diagnostic::warning(
                    &briefing.path,
                    format!("no figure series or unit `{wanted}` in this briefing's articles"),
                )
                .with_help(format!(
                    "series found: {}",
                    groups
                        .iter()
                        .map(|g| g.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
        }
        for i in found {
            if !chosen.contains(&i) {
                chosen.push(i);
            }
        }
    }
    let mut groups: Vec<Option<FigureGroup>> = groups.into_iter().map(Some).collect();
    let featured = chosen.iter().filter_map(|&i| groups[i].take()).collect();
    (featured, diags)
}

fn sort_rows(articles: &[ArticleEntry], rows: &mut [FigureRow]) {
    let key = |r: &FigureRow| {
        let entry = &articles[r.article];
        let f = &entry.claims.figures[r.figure];
        (
            f.as_of.as_ref().map(|p| p.start),
            f.as_of.as_ref().map(|p| p.precision),
            entry.article.path.clone(),
            f.span.start,
        )
    };
    rows.sort_by_cached_key(key);
}

/// One row per claim: a row that states again what an earlier row of the same article states
/// (the same value, qualifier, kind, direction, speaker and as-of date) joins that row as a
/// restatement. Rows stay in order.
fn join_restatements(articles: &[ArticleEntry], rows: Vec<FigureRow>) -> Vec<FigureRow> {
    type ClaimKey<'a> = (
        usize,
        u64,
        Option<&'a crate::extract::Qualifier>,
        FigureKind,
        Option<crate::extract::Direction>,
        Option<&'a str>,
        Option<&'a str>,
    );
    let key = |r: &FigureRow| -> ClaimKey<'_> {
        let f = &articles[r.article].claims.figures[r.figure];
        (
            r.article,
            f.value.to_bits(),
            f.qualifier.as_ref(),
            f.kind,
            f.direction,
            f.said_by.as_deref(),
            f.as_of.as_ref().map(Period::as_str),
        )
    };
    let mut first: std::collections::HashMap<ClaimKey<'_>, usize> = Default::default();
    let mut out: Vec<FigureRow> = Vec::with_capacity(rows.len());
    for row in rows {
        match first.entry(key(&row)) {
            std::collections::hash_map::Entry::Occupied(at) => {
                out[*at.get()].restated.push(row.figure);
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(out.len());
                out.push(row);
            }
        }
    }
    out
}

/// Flags the rows that conflict with another row of the group; whether any does.
fn flag_conflicts(articles: &[ArticleEntry], rows: &mut [FigureRow]) -> bool {
    let checked: Vec<_> = rows
        .iter()
        .map(|r| conflicts::checked(r.article, &articles[r.article].claims.figures[r.figure]))
        .collect();
    let flags = conflicts::conflicts(&checked);
    for (row, flag) in rows.iter_mut().zip(&flags) {
        row.conflict = *flag;
    }
    flags.contains(&true)
}
