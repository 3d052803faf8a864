//! Articles' events in, a chronology out: oldest first, grouped by month (coarser dates under
//! their own label), each date kept at its precision.

use chrono::Datelike;

use crate::extract::Precision;

use super::ArticleEntry;

/// One dated statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChronologyEntry {
    /// Index into the report's articles.
    pub article: usize,
    /// Index into that article's events.
    pub event: usize,
    /// The first day of the event's date (a calendar period).
    pub start: chrono::NaiveDate,
    /// Its precision.
    pub precision: Precision,
}

/// The entries of one month (or one coarser period).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChronologyGroup {
    /// "2023-07".
    pub key: String,
    /// "July 2023".
    pub label: String,
    /// Entries, in order.
    pub entries: Vec<ChronologyEntry>,
}

/// A chronology.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chronology {
    /// Groups, oldest first.
    pub groups: Vec<ChronologyGroup>,
}

/// Builds the chronology of the articles at `selected`. Groups come in the order of their first
/// day (a month group before a coarser one starting on the same day, so that every group is
/// whole); inside a group the order is total: earliest day, then precision (finer first), then
/// article path, then position in the article.
pub fn assemble_chronology(articles: &[ArticleEntry], selected: &[usize]) -> Chronology {
    let mut entries: Vec<ChronologyEntry> = Vec::new();
    for &a in selected {
        for (e, event) in articles[a].claims.events.iter().enumerate() {
            entries.push(ChronologyEntry {
                article: a,
                event: e,
                start: event.date.start,
                precision: event.date.precision,
            });
        }
    }
    // Articles ranked by path once, rather than comparing paths in every comparison.
    let mut by_path: Vec<usize> = selected.to_vec();
    by_path.sort_by(|&x, &y| articles[x].article.path.cmp(&articles[y].article.path));
    let mut rank = vec![0; articles.len()];
    for (r, &a) in by_path.iter().enumerate() {
        rank[a] = r;
    }
    entries.sort_by(|x, y| {
        let (ax, ay) = (&articles[x.article], &articles[y.article]);
        group_order(x)
            .cmp(&group_order(y))
            .then(x.start.cmp(&y.start))
            .then(x.precision.cmp(&y.precision))
            .then(rank[x.article].cmp(&rank[y.article]))
            .then(
                ax.claims.events[x.event]
                    .span
                    .start
                    .cmp(&ay.claims.events[y.event].span.start),
            )
    });
    let mut groups: Vec<ChronologyGroup> = Vec::new();
    // A date known to the day, week or month is filed under its month: an entry in the same
    // month as the one before it joins its group without making the group's key again.
    let mut month: Option<chrono::NaiveDate> = None;
    for entry in entries {
        let (order, coarser) = group_order(&entry);
        if coarser.is_none()
            && month == Some(order)
            && let Some(g) = groups.last_mut()
        {
            g.entries.push(entry);
            continue;
        }
        month = coarser.is_none().then_some(order);
        // The group's key and label: a coarser date's come from its value ("2023-Q3").
        let (key, label) = articles[entry.article].claims.events[entry.event]
            .date
            .group();
        match groups.last_mut() {
            Some(g) if g.key == key => g.entries.push(entry),
            _ => groups.push(ChronologyGroup {
                key,
                label,
                entries: vec![entry],
            }),
        }
    }
    Chronology { groups }
}

/// Where the group of `entry` sorts: its first day, then month groups before coarser ones.
fn group_order(entry: &ChronologyEntry) -> (chrono::NaiveDate, Option<Precision>) {
    match entry.precision {
        Precision::Day | Precision::Week | Precision::Month => {
            (entry.start.with_day(1).unwrap_or(entry.start), None)
        }
        coarser => (entry.start, Some(coarser)),
    }
}
