//! A project in; the diagnostics of `report check --strict` out: what a publishable briefing may
//! not contain even though the site builds. A figure shown in a briefing must name who gave it
//! and as of when, and a hand-made claim's quote must still be in its article's text.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::assemble::{self, ArticleEntry, Report};
use crate::cache::ClaimCache;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::{config, content};

/// Loads, extracts (reusing `.report-cache/` when `use_cache`) and assembles the project at
/// `root`, then applies the strict rules. Only the strict findings are returned: the problems a
/// plain check finds are the caller's to report.
pub fn check_strict(root: &Path, use_cache: bool) -> Result<Diagnostics, Error> {
    let (config, _) = config::load_config(root)?;
    let (content, _) = content::load_content_within(root, config.max_article_size)?;
    let cache = ClaimCache::open(root, use_cache);
    let entries: Vec<ArticleEntry> = content
        .articles
        .into_par_iter()
        .map(|article| {
            let claims = cache.claims(&article).claims;
            ArticleEntry { article, claims }
        })
        .collect();
    // The build date only reaches rendered pages, which are not looked at here.
    let (report, _) = assemble::assemble(config, NaiveDate::default(), entries, content.briefings);
    Ok(strict_diagnostics(&report))
}

/// The strict rules on an assembled report.
pub fn strict_diagnostics(report: &Report) -> Diagnostics {
    let mut diags = Diagnostics::new();
    // Conflicting values must be acknowledged by the analyst in the briefing's front matter.
    for b in &report.briefings {
        for group in b
            .figures
            .iter()
            .filter(|g| g.has_conflict && g.note.is_none())
        {
            let dates: std::collections::BTreeSet<&str> = group
                .rows
                .iter()
                .filter(|r| r.conflict)
                .filter_map(|r| {
                    report.articles[r.article].claims.figures[r.figure]
                        .as_of
                        .as_ref()
                        .map(|p| p.as_str())
                })
                .collect();
            let dates: Vec<&str> = dates.into_iter().collect();
            let brief = &b.briefing;
            let front_end = brief.body_offset.min(brief.text.len());
            let at = brief.text[..front_end].find("\n---").map_or(0, |i| i + 1);
            diags.push(
                Diagnostic::error(
                    &brief.path,
                    format!(
                        "sources give conflicting values for `{}` (as of {}) and the briefing has no note on it",
                        group.name,
                        dates.join(", ")
                    ),
                )
                .at_offset(&brief.text, at)
                .with_help(format!(
                    "explain the conflict in the front matter: `notes: {{{}: \"…\"}}`",
                    super::yaml_str(&group.name)
                )),
            );
        }
    }
    // Each figure once, with every briefing that shows it.
    let mut shown: BTreeMap<(usize, usize), Vec<&str>> = BTreeMap::new();
    for b in &report.briefings {
        for group in &b.figures {
            for row in &group.rows {
                let briefings = shown.entry((row.article, row.figure)).or_default();
                if !briefings.contains(&b.briefing.slug.as_str()) {
                    briefings.push(&b.briefing.slug);
                }
            }
        }
    }
    for ((a, f), briefings) in shown {
        let entry = &report.articles[a];
        let Some(figure) = entry.claims.figures.get(f) else {
            continue;
        };
        let article = &entry.article;
        let at = |d: Diagnostic| d.at_offset(&article.text, figure.span.start);
        let shown_in = format!("shown in briefing {}", briefings.join(", "));
        if figure.said_by.is_none() {
            diags.push(
                at(Diagnostic::error(
                    &article.path,
                    format!("figure `{}` has no speaker ({shown_in})", figure.text),
                ))
                .with_help(
                    "attribute it in the story (\"…, the ministry said\"), or add it under `claims:` with `said_by:` and `ignore:` the extracted one",
                ),
            );
        }
        if figure.as_of.is_none() {
            diags.push(
                at(Diagnostic::error(
                    &article.path,
                    format!("figure `{}` has no as-of date ({shown_in})", figure.text),
                ))
                .with_help(
                    "date it in the story (\"said Monday\"), or add it under `claims:` with `as_of:` and `ignore:` the extracted one",
                ),
            );
        }
    }
    for entry in &report.articles {
        let article = &entry.article;
        let body = &article.text[article.body_offset..];
        for hand in &article.hand_claims {
            let Some(quote) = hand.quote.as_deref() else {
                continue;
            };
            if body.contains(quote) {
                continue;
            }
            // Point at the quote in the front matter.
            let offset = article.text[..article.body_offset].find(quote).unwrap_or(0);
            diags.push(
                Diagnostic::error(
                    &article.path,
                    format!(
                        "the quote of a hand-made claim is no longer in the article: `{quote}`"
                    ),
                )
                .at_offset(&article.text, offset)
                .with_help("copy the sentence exactly from the story, or remove the claim"),
            );
        }
    }
    diags
}
