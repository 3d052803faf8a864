//! The pages of articles, briefings and periods, and the default exports: independent files,
//! made as one list of jobs on every core and written as soon as each is ready. A page whose
//! inputs hash as in the last build is linked from the published output instead.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tera::Context;

use super::{
    DataPlan, Output, Plan, Rendered, ReportView, Reuse, Target, Templates, data, root_of, search,
    target_of, views,
};
use crate::assemble::Report;
use crate::cache::{Identity, KeyHasher};

/// What the page phase makes.
pub(super) struct Plans<'a> {
    /// Pages of articles, briefings and periods, by template.
    pub pages: &'a [Plan<'a>],
    /// The data exports' files, by writer (see [`data`]).
    pub data: &'a [DataPlan],
    /// The months of publication, for the data exports.
    pub months: &'a [data::Month],
    /// How the split exports are split.
    pub layout: &'a data::Layout,
    /// The search index's files, when its writer stands (see [`search`]).
    pub search: Option<&'a search::Index>,
}

/// Renders the pages and writes the exports of `plans`, adding to `done`.
pub(super) fn render_pages(
    report: &Report,
    view: &ReportView,
    templates: &Templates,
    output: &dyn Output,
    reuse: Option<&Reuse<'_>>,
    plans: &Plans<'_>,
    done: &mut Rendered,
) -> Result<(), crate::error::Error> {
    let page_plan = plans.pages;
    // What every page depends on: the code that renders it (its identity: all the sources and
    // the default templates), the templates and the site settings.
    let identity = reuse.map_or(Identity::COMPILED, |r| r.identity);
    let common = {
        let mut h = KeyHasher::new("pages");
        h.str(identity.rendering)
            .u64(templates.fingerprint())
            .json(&view.site)
            .usize(report.config.rows_per_page);
        h.finish()
    };
    // What each article page depends on besides: its file (path, text, reference date), its slug
    // and the extraction code, from which its view is made. A briefing page depends on its own
    // text and on its articles.
    let article_keys: Vec<u64> = view
        .articles
        .par_iter()
        .map(|a| {
            let article = &report.articles[a.index].article;
            let mut h = KeyHasher::new("article");
            h.str(identity.extraction);
            crate::cache::article_inputs(&mut h, article);
            h.str(&article.id.0);
            h.finish()
        })
        .collect();
    // Every page of articles, briefings and periods, and the data exports: independent
    // jobs, one list for every core (the template set and the views are shared read-only), the
    // largest first so that none is left running alone at the end. Each file is written as soon
    // as it is ready.
    let clock = Instant::now();
    let mut jobs: Vec<Job<'_>> = Vec::new();
    for (name, files) in plans.data {
        jobs.extend(files.iter().map(|(file, path)| Job::Data {
            name,
            file: *file,
            path,
        }));
    }
    for (name, pages) in page_plan {
        let target = target_of(name);
        jobs.extend(pages.iter().map(|(i, path)| Job::Page {
            name,
            target,
            i: *i,
            path,
        }));
    }
    let weight = |job: &Job<'_>| match job {
        Job::Page {
            target: Target::Briefing,
            ..
        } => 0,
        Job::Data { .. } => 1,
        Job::Page {
            target: Target::Period,
            ..
        } => 2,
        Job::Page { .. } => 3,
    };
    jobs.sort_by_key(weight);
    let data_input = data::Data {
        report,
        view,
        months: plans.months,
        layout: plans.layout,
        search: plans.search,
    };
    // What a briefing's pages depend on: its data, text and articles; hashed once for all of
    // its pages.
    let briefing_keys: Vec<u64> = view
        .briefings
        .par_iter()
        .map(|data| {
            let mut h = KeyHasher::new("briefing");
            h.json(data);
            let b = &report.briefings[data.index];
            h.str(&b.briefing.text).usize(b.articles.len());
            for &a in &b.articles {
                h.u64(article_keys[view.position(a)]);
            }
            h.finish()
        })
        .collect();
    let briefing_key = |i: usize| briefing_keys[i];
    let per_page = report.config.rows_per_page;
    // A page whose inputs (templates, site settings, and its own inputs) hash as in the previous
    // build is linked from the previous output instead of rendered.
    let page_key = |name: &str, target: Target, i: usize| -> u64 {
        let mut h = KeyHasher::new("page");
        h.u64(common).str(name);
        match target {
            Target::Article => {
                h.u64(article_keys[i]);
            }
            Target::Period => {
                // An entry is one event of one article, whose view is made from that article
                // alone: its key and the event's index stand for the entry's fields.
                let page = view.period_pages[i];
                let (previous, next) = neighbours(&view.chronology, page.group);
                let g = &view.chronology[page.group];
                h.str(&g.key)
                    .str(&g.label)
                    .str(&g.href)
                    .usize(g.count)
                    .usize(page.page)
                    .json(&g.year)
                    .json(&previous)
                    .json(&next);
                let entries = &report.chronology.groups[page.group].entries;
                let first = (page.page * per_page).min(entries.len());
                let last = (first + per_page).min(entries.len());
                h.usize(last - first);
                for e in &entries[first..last] {
                    h.u64(article_keys[view.position(e.article)]).usize(e.event);
                }
            }
            Target::Sitemap => {
                // A sitemap file is its list of pages.
                let ext = name.split_once('.').map_or("", |(_, e)| e);
                let (entries, parts) = sitemap_part(&view.sitemap, i, ext, views::SITEMAP_URLS);
                h.json(&entries).json(&parts);
            }
            Target::Series => {
                // A series page is made from its briefing's figures: it changes when they do.
                let page = view.series_pages[i];
                h.u64(briefing_key(page.briefing))
                    .usize(page.series)
                    .usize(page.page);
            }
            _ if name.ends_with(".html") => {
                let (b, page) = view.briefing_pages[i];
                h.u64(briefing_key(b)).usize(page);
            }
            _ => {
                h.u64(briefing_key(i));
            }
        }
        h.finish()
    };
    // A data export's file depends on what its writer reads: a briefing (as the briefing's page
    // does), the rows of a part of a briefing's figures, the articles of a part of one month, or
    // every article (the indexes).
    let data_key = |name: &str, file: data::File| -> u64 {
        let month = |h: &mut KeyHasher, m: usize| {
            let month = &plans.months[m];
            h.str(&month.key);
            for &key in &article_keys[month.articles.clone()] {
                h.u64(key);
            }
        };
        let mut h = KeyHasher::new("data export");
        h.u64(common).str(name);
        // Where a split export is split: what each file holds.
        let layout = plans.layout;
        match file {
            data::File::BriefingCalendar(i) | data::File::BriefingTimeline(i) => {
                return page_key(name, Target::Briefing, i);
            }
            // A part of a briefing's figures is its rows: each its series' label and its figure,
            // made from its article alone.
            data::File::BriefingFigures(i, p) => {
                let parts = &layout.briefing_figures[i];
                let part = &parts[p];
                h.usize(p).usize(parts.len()).json(part);
                let b = &report.briefings[view.briefings[i].index];
                let mut start = 0;
                for g in &b.figures {
                    let rows = start..start + g.rows.len();
                    start = rows.end;
                    let first = rows.start.max(part.items.start);
                    let last = rows.end.min(part.items.end);
                    if first >= last {
                        continue;
                    }
                    h.str(&g.label);
                    for r in &g.rows[first - rows.start..last - rows.start] {
                        h.u64(article_keys[view.position(r.article)])
                            .usize(r.figure);
                    }
                }
            }
            data::File::BriefingFiguresIndex(i) => {
                h.u64(page_key(name, Target::Briefing, i))
                    .str("index")
                    .json(&layout.briefing_figures[i]);
            }
            // A part of a month is its articles.
            data::File::ClaimsMonth(m, p) | data::File::FiguresMonth(m, p) => {
                let parts = match file {
                    data::File::ClaimsMonth(..) => &layout.claims[m],
                    _ => &layout.figures[m],
                };
                let part = &parts[p];
                h.str(&plans.months[m].key)
                    .usize(p)
                    .usize(parts.len())
                    .json(part);
                for &key in &article_keys[part.items.clone()] {
                    h.u64(key);
                }
            }
            data::File::ClaimsIndex | data::File::FiguresIndex => {
                for m in 0..plans.months.len() {
                    month(&mut h, m);
                }
                h.json(&layout.claims).json(&layout.figures);
            }
            // The search index is made before its files are planned: a file is its bytes.
            data::File::Search(i) => {
                if let Some((_, bytes)) = plans.search.and_then(|s| s.files.get(i)) {
                    h.bytes(bytes);
                }
            }
        }
        h.finish()
    };
    let render_page = |name: &str,
                       target: Target,
                       i: usize,
                       path: &str|
     -> Result<(Option<tera::Error>, u64), crate::error::Error> {
        let key = page_key(name, target, i);
        if let Some(reuse) = reuse
            && reuse.previous.get(path) == Some(&key)
            && (reuse.link)(path)?
        {
            return Ok((None, key));
        }
        let root = root_of(path);
        let mut context = Context::new();
        context.insert("site", &view.site);
        match target {
            Target::Article => {
                let page = views::ArticlePage {
                    article: &view.articles[i],
                    body_html: view.article_body(report, i),
                };
                context.insert("article", &page);
            }
            Target::Period => {
                let page = view.period_pages[i];
                let (previous, next) = neighbours(&view.chronology, page.group);
                let period = view.period_page(page, per_page);
                let ext = name.split_once('.').map_or("", |(_, e)| e);
                context.insert(
                    "pager",
                    &views::Pager::new(
                        page.page,
                        period.count.div_ceil(per_page).max(1),
                        period.count,
                        per_page,
                        |n| views::period_page_path(&period.key, n, ext),
                    ),
                );
                // The period as a list of one group, for `partials/chronology.html`.
                if let Err(e) = insert_as_one_and_list(&mut context, "period", &period) {
                    return Ok((Some(e), key));
                }
                context.insert("previous", &previous);
                context.insert("next", &next);
            }
            Target::Sitemap => {
                let ext = name.split_once('.').map_or("", |(_, e)| e);
                let (entries, sitemaps) = sitemap_part(&view.sitemap, i, ext, views::SITEMAP_URLS);
                context.insert("entries", entries);
                context.insert("sitemaps", &sitemaps);
            }
            Target::Series => {
                let page = view.series_pages[i];
                let b = &view.briefings[page.briefing];
                let summary = &b.series[page.series];
                let ext = name.split_once('.').map_or("", |(_, e)| e);
                context.insert(
                    "briefing",
                    &views::BriefingLink {
                        slug: &b.slug,
                        href: &b.href,
                        title: &b.title,
                    },
                );
                // The group also as a list of one, for `partials/figure_table.html`: a list
                // made in the template would be copied by tera at every use of an item.
                let series = view.series_page(report, page);
                if let Err(e) = insert_as_one_and_list(&mut context, "series", &series) {
                    return Ok((Some(e), key));
                }
                context.insert(
                    "pager",
                    &views::Pager::new(
                        page.page,
                        summary.page_count,
                        summary.row_count,
                        report.config.rows_per_page,
                        |n| views::series_page_path(&b.slug, &summary.id, n, ext),
                    ),
                );
            }
            // An HTML page holds a bounded part of a large briefing (see `shows_all`), and a
            // page's share of its series; other formats get all of it.
            _ if name.ends_with(".html") => {
                let (b, page) = view.briefing_pages[i];
                let data = &view.briefings[b];
                let count = data
                    .series
                    .len()
                    .div_ceil(report.config.rows_per_page)
                    .max(1);
                context.insert("briefing", &view.briefing_view(report, b, true, Some(page)));
                context.insert(
                    "pager",
                    &views::Pager::new(
                        page,
                        count,
                        data.series.len(),
                        report.config.rows_per_page,
                        |n| views::briefing_page_path(&data.slug, n, "html"),
                    ),
                );
            }
            _ => context.insert("briefing", &view.briefing_view(report, i, false, None)),
        }
        context.insert("root", &root);
        context.insert("page_path", path);
        let mut page = Spill::new(output, path);
        let rendered = templates.render_to(name, &context, &mut page);
        match (rendered, page.error.take()) {
            (_, Some(e)) => Err(e),
            (Ok(()), None) => page.finish().map(|()| (None, key)),
            (Err(e), None) => match e.kind {
                tera::ErrorKind::Io(_) => Err(crate::error::Error::Write {
                    path: PathBuf::from(path),
                    source: std::io::Error::other(super::templates::error_chain(&e)),
                }),
                _ => Ok((Some(e), key)),
            },
        }
    };
    let finished: Vec<Done<'_>> = jobs
        .par_iter()
        .with_max_len(1)
        .map(|job| -> Result<Done<'_>, crate::error::Error> {
            let clock = Instant::now();
            let (name, path, error, key) = match *job {
                Job::Page {
                    name,
                    target,
                    i,
                    path,
                } => {
                    let (error, key) = render_page(name, target, i, path)?;
                    (name, path, error, Some(key))
                }
                Job::Data { name, file, path } => {
                    let key = data_key(name, file);
                    let reused = match reuse {
                        Some(reuse) => {
                            reuse.previous.get(path.as_str()) == Some(&key) && (reuse.link)(path)?
                        }
                        None => false,
                    };
                    if !reused {
                        write_streamed(output, path, |out| data::write(&data_input, file, out))?;
                    }
                    (name, path, None, Some(key))
                }
            };
            Ok(Done {
                name,
                path,
                error,
                key,
                took: clock.elapsed(),
            })
        })
        .collect::<Result<_, _>>()?;
    // Per template: files written, the first error (it stands for the others), the time spent.
    let mut per_template: BTreeMap<&String, Tally> = BTreeMap::new();
    for d in finished {
        let tally = per_template.entry(d.name).or_default();
        tally.files += 1;
        tally.took += d.took;
        match d.error {
            Some(e) => {
                tally.error.get_or_insert(e);
            }
            None => {
                tally.written += 1;
                if let Some(key) = d.key {
                    done.page_keys.insert(d.path.clone(), key);
                }
            }
        }
    }
    for (name, tally) in per_template {
        done.files += tally.written;
        if let Some(e) = tally.error {
            done.diagnostics.push(templates.render_diagnostic(name, &e));
        }
        let label = if plans.data.iter().any(|(n, _)| n == name) {
            format!("write {name} ({} files)", tally.files)
        } else {
            format!("render {name} ({} files)", tally.files)
        };
        done.timings.push((label, tally.took));
    }
    done.timings
        .push(("pages and exports, side by side".into(), clock.elapsed()));
    Ok(())
}

/// Writes the file at `path` piece by piece with `write` and flushes it (the file is closed on
/// return); a failed write is an error naming the file.
fn write_streamed<T>(
    output: &dyn Output,
    path: &str,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<T>,
) -> Result<T, crate::error::Error> {
    let mut file = output.create(path)?;
    write(&mut file)
        .and_then(|done| file.flush().map(|()| done))
        .map_err(|source| crate::error::Error::Write {
            path: PathBuf::from(path),
            source,
        })
}

/// How much of a page is held before it goes to its file piece by piece.
const SPILL: usize = 256 * 1024;

/// A page being rendered: held whole while it is small, and written as one file when done; once
/// it passes [`SPILL`] bytes, handed to its file as it grows, so that a page of megabytes (a
/// long story) is never held whole beside the context it is rendered from. A page whose
/// rendering fails is never finished; the build that made it is not published.
struct Spill<'o> {
    output: &'o dyn Output,
    path: &'o str,
    held: Vec<u8>,
    file: Option<Box<dyn Write + 'o>>,
    /// Why the file could not be created.
    error: Option<crate::error::Error>,
}

impl<'o> Spill<'o> {
    fn new(output: &'o dyn Output, path: &'o str) -> Self {
        Spill {
            output,
            path,
            held: Vec::new(),
            file: None,
            error: None,
        }
    }

    /// Writes what is held, or flushes the file.
    fn finish(self) -> Result<(), crate::error::Error> {
        match self.file {
            None => self.output.write(self.path, &self.held),
            Some(mut file) => file.flush().map_err(|source| crate::error::Error::Write {
                path: PathBuf::from(self.path),
                source,
            }),
        }
    }
}

impl Write for Spill<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if let Some(file) = self.file.as_mut() {
            return file.write(bytes);
        }
        self.held.extend_from_slice(bytes);
        if self.held.len() >= SPILL {
            let mut file = self.output.create(self.path).map_err(|e| {
                let io = std::io::Error::other(e.to_string());
                self.error = Some(e);
                io
            })?;
            file.write_all(&self.held)?;
            self.held = Vec::new();
            self.file = Some(file);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.as_mut().map_or(Ok(()), |f| f.flush())
    }
}

/// What one template's jobs came to.
#[derive(Default)]
struct Tally {
    /// Files planned.
    files: usize,
    /// Files written (or linked).
    written: usize,
    /// The first error; it stands for the others.
    error: Option<tera::Error>,
    /// Time spent, summed over threads.
    took: Duration,
}

/// One file to make in the page phase.
enum Job<'a> {
    /// A page of an article, a briefing or a period.
    Page {
        name: &'a String,
        target: Target,
        i: usize,
        path: &'a String,
    },
    /// A file of a data export (see [`data`]).
    Data {
        name: &'a String,
        file: data::File,
        path: &'a String,
    },
}

/// A finished [`Job`].
struct Done<'a> {
    name: &'a String,
    path: &'a String,
    error: Option<tera::Error>,
    key: Option<u64>,
    took: Duration,
}

/// File `i` of a sitemap of the pages `all` (0: `sitemap.<ext>`), at most `limit` pages to a
/// file: the pages it lists, and the other files it lists when it is the index of a sitemap in
/// several files (`sitemap-1.<ext>`…).
fn sitemap_part<'v>(
    all: &'v [views::SitemapEntry],
    i: usize,
    ext: &str,
    limit: usize,
) -> (&'v [views::SitemapEntry], Vec<String>) {
    if all.len() <= limit {
        return (all, Vec::new());
    }
    if i == 0 {
        let parts = all.len().div_ceil(limit);
        return (
            &[],
            (1..=parts).map(|n| format!("sitemap-{n}.{ext}")).collect(),
        );
    }
    let first = ((i - 1) * limit).min(all.len());
    (&all[first..(first + limit).min(all.len())], Vec::new())
}

/// A chronology group without its entries: the neighbours of a period page.
#[derive(serde::Serialize)]
pub(super) struct PeriodLink<'a> {
    pub key: &'a str,
    pub label: &'a str,
    pub href: &'a str,
    pub count: usize,
}

/// The groups before and after group `i`.
fn neighbours(
    groups: &[views::ChronologyGroupView],
    i: usize,
) -> (Option<PeriodLink<'_>>, Option<PeriodLink<'_>>) {
    fn link(g: &views::ChronologyGroupView) -> PeriodLink<'_> {
        PeriodLink {
            key: &g.key,
            label: &g.label,
            href: &g.href,
            count: g.count,
        }
    }
    (
        i.checked_sub(1).and_then(|j| groups.get(j)).map(link),
        groups.get(i + 1).map(link),
    )
}

/// Inserts `value` into `context` as `key` and as `groups`, a list of one: serialized once and
/// copied, where two inserts serialized a page's hundred rows twice.
fn insert_as_one_and_list(
    context: &mut Context,
    key: &str,
    value: &impl serde::Serialize,
) -> tera::Result<()> {
    let one = tera::to_value(value).map_err(tera::Error::json)?;
    let mut both = tera::Map::new();
    both.insert("groups".to_string(), tera::Value::Array(vec![one.clone()]));
    both.insert(key.to_string(), one);
    context.extend(Context::from_value(tera::Value::Object(both))?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An output that says how each file came: whole, or piece by piece.
    #[derive(Default)]
    struct Ways(std::sync::Mutex<Vec<(String, &'static str, usize)>>);

    impl Output for Ways {
        fn write(&self, path: &str, bytes: &[u8]) -> Result<(), crate::error::Error> {
            let mut ways = self.0.lock().unwrap();
            ways.push((path.into(), "whole", bytes.len()));
            Ok(())
        }
        fn create(&self, path: &str) -> Result<Box<dyn Write + '_>, crate::error::Error> {
            self.0.lock().unwrap().push((path.into(), "pieces", 0));
            Ok(Box::new(std::io::sink()))
        }
    }

    #[test]
    fn a_small_page_is_written_whole_and_a_large_one_as_it_grows() {
        let ways = Ways::default();
        let mut small = Spill::new(&ways, "small.html");
        small.write_all(&[b'a'; 1000]).unwrap();
        small.finish().unwrap();
        let mut large = Spill::new(&ways, "large.html");
        for _ in 0..10 {
            large.write_all(&[b'a'; SPILL / 4]).unwrap();
        }
        // Nothing past the first SPILL bytes is held.
        assert!(large.held.is_empty());
        large.finish().unwrap();
        assert_eq!(
            *ways.0.lock().unwrap(),
            [
                ("small.html".to_string(), "whole", 1000),
                ("large.html".to_string(), "pieces", 0)
            ]
        );
    }

    fn entries(n: usize) -> Vec<views::SitemapEntry> {
        (0..n)
            .map(|i| views::SitemapEntry {
                href: format!("articles/{i}.html"),
                lastmod: None,
            })
            .collect()
    }

    #[test]
    fn a_sitemap_past_its_limit_is_an_index_over_files_of_at_most_the_limit() {
        let all = entries(5);
        // Within the limit: one file with every page.
        let (listed, parts) = sitemap_part(&all, 0, "xml", 5);
        assert_eq!((listed.len(), parts.len()), (5, 0));
        // Past it: the index lists the files, which list every page once, in order.
        let (listed, parts) = sitemap_part(&all, 0, "xml", 2);
        assert!(listed.is_empty());
        assert_eq!(parts, ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]);
        let hrefs: Vec<&str> = (1..=3)
            .flat_map(|i| sitemap_part(&all, i, "xml", 2).0)
            .map(|e| e.href.as_str())
            .collect();
        let all_hrefs: Vec<&str> = all.iter().map(|e| e.href.as_str()).collect();
        assert_eq!(hrefs, all_hrefs);
        assert_eq!(sitemap_part(&all, 3, "xml", 2).0.len(), 1);
    }

    #[test]
    fn the_default_sitemap_template_writes_an_index_over_its_files() {
        let dir = tempfile::tempdir().unwrap();
        let (t, _) =
            super::super::load_templates(dir.path(), &dir.path().join("templates")).unwrap();
        let t = t.unwrap();
        let mut context = Context::new();
        context.insert(
            "site",
            &serde_json::json!({"absolute_root": "https://example.org/b/", "built": "2024-03-20"}),
        );
        context.insert("entries", &Vec::<views::SitemapEntry>::new());
        context.insert("sitemaps", &["sitemap-1.xml", "sitemap-2.xml"]);
        let mut sitemap = Vec::new();
        t.render_to("sitemap.xml", &context, &mut sitemap).unwrap();
        assert_eq!(
            String::from_utf8(sitemap).unwrap(),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\
             <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\
             <sitemap><loc>https://example.org/b/sitemap-1.xml</loc><lastmod>2024-03-20</lastmod></sitemap>\n\
             <sitemap><loc>https://example.org/b/sitemap-2.xml</loc><lastmod>2024-03-20</lastmod></sitemap>\n\
             </sitemapindex>\n"
        );
    }
}
