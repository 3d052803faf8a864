//! Articles and their claims in, the [`Report`] out: briefings with their figure tables and
//! chronologies, and the chronology of the whole site. Pure: no disk, no clock.

mod chronology;
mod conflicts;
mod figure_table;
mod series;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rayon::prelude::*;

pub use chronology::{Chronology, ChronologyEntry, ChronologyGroup, assemble_chronology};
pub use figure_table::{FigureGroup, FigureRow, assemble_figure_table};
pub use series::{name_key, unit_key};

use crate::config::Config;
use crate::content::{Article, Briefing};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::extract::Claims;

/// An article with its claims.
#[derive(Debug, Clone)]
pub struct ArticleEntry {
    /// The article.
    pub article: Article,
    /// What was extracted from it (after curation).
    pub claims: Claims,
}

/// A briefing with what it collects.
#[derive(Debug, Clone)]
pub struct BriefingEntry {
    /// The definition.
    pub briefing: Briefing,
    /// Indices into [`Report::articles`] of the articles it covers, newest first.
    pub articles: Vec<usize>,
    /// Figure groups, one per series.
    pub figures: Vec<FigureGroup>,
    /// The chronology of its articles.
    pub chronology: Chronology,
}

/// Everything that is rendered.
#[derive(Debug, Clone)]
pub struct Report {
    /// Site settings.
    pub config: Config,
    /// The build date, given by the caller (never read from the clock here).
    pub built_at: NaiveDate,
    /// Articles, sorted by path.
    pub articles: Vec<ArticleEntry>,
    /// Briefings, sorted by path.
    pub briefings: Vec<BriefingEntry>,
    /// The chronology across all articles.
    pub chronology: Chronology,
}

/// Assembles the report.
pub fn assemble(
    config: Config,
    built_at: NaiveDate,
    articles: Vec<ArticleEntry>,
    briefings: Vec<Briefing>,
) -> (Report, Diagnostics) {
    let mut diags = Diagnostics::new();
    let all: Vec<usize> = (0..articles.len()).collect();
    // The site's chronology and every briefing are independent: assembled side by side.
    let (chronology, assembled) = rayon::join(
        || assemble_chronology(&articles, &all),
        || {
            briefings
                .into_par_iter()
                .map(|briefing| {
                    let mut diags = Diagnostics::new();
                    let selected = select_articles(&briefing, &articles, &mut diags);
                    let (figures, d) = assemble_figure_table(&briefing, &articles, &selected);
                    diags.extend(d);
                    let chronology = assemble_chronology(&articles, &selected);
                    let entry = BriefingEntry {
                        briefing,
                        articles: selected,
                        figures,
                        chronology,
                    };
                    (entry, diags)
                })
                .collect::<Vec<_>>()
        },
    );
    let mut entries = Vec::with_capacity(assembled.len());
    for (entry, d) in assembled {
        diags.extend(d);
        entries.push(entry);
    }
    let report = Report {
        config,
        built_at,
        articles,
        briefings: entries,
        chronology,
    };
    (report, diags)
}

/// The articles a briefing covers (by tag or slug), newest first, then by path.
fn select_articles(
    briefing: &Briefing,
    articles: &[ArticleEntry],
    diags: &mut Diagnostics,
) -> Vec<usize> {
    let tags: BTreeSet<String> = briefing.tags.iter().map(|t| t.to_lowercase()).collect();
    let mut selected: Vec<usize> = Vec::new();
    for (i, entry) in articles.iter().enumerate() {
        let a = &entry.article;
        let tagged = a.tags.iter().any(|t| tags.contains(&t.to_lowercase()));
        let named = briefing.articles.contains(&a.id.0);
        if tagged || named {
            selected.push(i);
        }
    }
    for slug in &briefing.articles {
        if !articles.iter().any(|e| e.article.id.0 == *slug) {
            let known: Vec<&str> = articles.iter().map(|e| e.article.id.0.as_str()).collect();
            let mut d = Diagnostic::error(
                &briefing.path,
                format!("unknown article `{slug}` in `articles`"),
            );
            // Point at the slug in the front matter.
            let front_end = briefing.body_offset.min(briefing.text.len());
            if let Some(at) = briefing.text[..front_end].find(slug.as_str()) {
                d = d.at_offset(&briefing.text, at);
            }
            if let Some(s) = crate::content::yaml::did_you_mean(slug, &known) {
                d = d.with_help(format!("did you mean `{s}`?"));
            }
            diags.push(d);
        }
    }
    if selected.is_empty() && !(briefing.tags.is_empty() && briefing.articles.is_empty()) {
        diags.push(
            Diagnostic::warning(&briefing.path, "the briefing selects no article")
                .at(1, 1)
                .with_help("check its `tags:` and `articles:` against the articles' front matter"),
        );
    }
    selected.sort_by(|&a, &b| {
        let (x, y) = (&articles[a].article, &articles[b].article);
        y.published.cmp(&x.published).then(x.path.cmp(&y.path))
    });
    selected
}
