//! The views in, the search index's files out: a small manifest (`search/index.json`), the
//! terms split into shards by ranges of the sorted terms (`search/terms/<n>.json`), and the
//! results' titles and links in files of [`DOCS_PER_FILE`] (`search/docs/<n>.json`). A query
//! loads the manifest, the shard of each of its words and the documents files of the results it
//! shows, never the whole index (see `docs/exports.md`, which describes the layout, and
//! `templates/search.js`, which reads it).
//!
//! The files are written by this plain writer (serde_json), with no default template: a project
//! template named [`WRITER`] replaces it, as for the other data exports (see [`super::data`]).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use rayon::prelude::*;
use serde::Serialize;

use super::ReportView;

/// The name of the writer: a project template of this name replaces it.
pub const WRITER: &str = "search/index.json";

/// A shard of terms is closed before it grows past this many bytes; only a shard of a single
/// term can be larger (its postings alone: at most a few bytes per document).
pub const SHARD_BYTES: usize = 32 * 1024;

/// Documents per documents file: a page of results needs a few of these files at most.
pub const DOCS_PER_FILE: usize = 25;

/// The version of the layout, in the manifest; `search.js` refuses another.
const VERSION: u32 = 1;

/// How much a word counts where it is found. A document's weight for a term is the largest of
/// its fields holding the term.
pub mod weight {
    /// A word of the title.
    pub const TITLE: u32 = 8;
    /// A tag (its words).
    pub const TAG: u32 = 4;
    /// A word of a speaker's name or role.
    pub const SPEAKER: u32 = 2;
    /// A word of the name of a briefing the article is in.
    pub const BRIEFING: u32 = 2;
    /// A word of what a figure measures.
    pub const MEASURE: u32 = 1;
}

/// One searchable document: what a result shows, and the texts it is found by.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    /// `article` or `briefing`.
    pub kind: &'static str,
    /// The result's title.
    pub title: &'a str,
    /// Its link, relative to the site root.
    pub href: &'a str,
    /// A line under the title (source and date, or the briefing's summary).
    pub meta: String,
    /// Texts to index, each with its weight.
    pub fields: Vec<(u32, &'a str)>,
}

/// The words of `text` as the index keeps them: runs of letters and digits (Unicode's
/// Alphabetic and Numeric), lowercased. `search.js` splits a query the same way
/// (`/[^\p{Alphabetic}\p{N}]+/u` and `toLowerCase`).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphabetic() || c.is_numeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The index's files, made in memory: each is small (see [`SHARD_BYTES`] and
/// [`DOCS_PER_FILE`]) and the whole is a few megabytes at 10,000 articles.
#[derive(Debug)]
pub struct Index {
    /// Output path and bytes: the manifest first, then the shards, then the documents files.
    pub files: Vec<(String, Vec<u8>)>,
    /// The first term of each shard, in order (what the manifest lists).
    pub firsts: Vec<String>,
}

/// `search/index.json`.
#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    /// How a text is split into words, for a reader of the files.
    words: &'static str,
    /// Number of documents; their ids are 0 to `docs - 1`.
    docs: usize,
    /// Documents per file: document `id` is entry `id % docs_per_file` of
    /// `docs/<id / docs_per_file>.json`.
    docs_per_file: usize,
    /// The first term of each shard: a term is in the last shard whose first term is not after
    /// it (in code point order), `terms/<n>.json`.
    shards: &'a [String],
    /// The size of each shard in bytes.
    shard_bytes: Vec<usize>,
}

/// One entry of a documents file.
#[derive(Serialize)]
struct DocEntry<'a> {
    /// Kind.
    k: &'static str,
    /// Title.
    t: &'a str,
    /// Link, relative to the site root.
    u: &'a str,
    /// The line under the title.
    m: &'a str,
}

impl Index {
    /// Indexes `docs` (document `i` has id `i`), closing shards at `shard_bytes`.
    pub fn build(docs: &[Doc<'_>], shard_bytes: usize) -> Index {
        // Each document's terms with their weights, on every core: a field repeated (the same
        // speaker of many figures) is split into words once.
        let per_doc: Vec<Vec<(String, u32)>> = docs
            .par_iter()
            .map(|doc| {
                let mut fields = doc.fields.clone();
                fields.sort_unstable_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)));
                fields.dedup_by(|later, first| later.1 == first.1);
                let mut terms: HashMap<String, u32> = HashMap::new();
                for (weight, text) in fields {
                    for word in words(text) {
                        let w = terms.entry(word).or_default();
                        *w = (*w).max(weight);
                    }
                }
                terms.into_iter().collect()
            })
            .collect();
        // term -> (doc id, weight), ids ascending since docs are visited in order.
        let mut postings: HashMap<String, Vec<(usize, u32)>> = HashMap::new();
        for (id, terms) in per_doc.into_iter().enumerate() {
            for (term, weight) in terms {
                postings.entry(term).or_default().push((id, weight));
            }
        }
        let mut postings: Vec<(String, Vec<(usize, u32)>)> = postings.into_iter().collect();
        postings.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        // Each term as its shard holds it: `"term":[gap,weight,gap,weight,…]`, the gaps between
        // ascending ids (the first from 0).
        let mut shards: Vec<(String, String)> = Vec::new();
        let mut open = String::new();
        for (term, list) in &postings {
            let mut entry = serde_json::to_string(term).unwrap_or_default();
            entry.push_str(":[");
            let mut last = 0;
            for (n, &(id, weight)) in list.iter().enumerate() {
                if n > 0 {
                    entry.push(',');
                }
                let _ = write!(entry, "{},{weight}", id - last);
                last = id;
            }
            entry.push(']');
            // A shard is `{`, its entries joined by `,`, and `}` and a line break.
            if !open.is_empty()
                && open.len() + 1 + entry.len() + 2 > shard_bytes
                && let Some(last) = shards.last_mut()
            {
                last.1 = std::mem::take(&mut open);
            }
            if open.is_empty() {
                shards.push((term.clone(), String::new()));
                open.push('{');
            } else {
                open.push(',');
            }
            open.push_str(&entry);
        }
        if let Some(last) = shards.last_mut() {
            last.1 = open;
        }
        let firsts: Vec<String> = shards.iter().map(|(first, _)| first.clone()).collect();
        let shard_files: Vec<(String, Vec<u8>)> = shards
            .into_iter()
            .enumerate()
            .map(|(n, (_, mut text))| {
                text.push_str("}\n");
                (format!("search/terms/{n}.json"), text.into_bytes())
            })
            .collect();
        let manifest = Manifest {
            version: VERSION,
            words: "runs of Unicode Alphabetic and Numeric characters, lowercased",
            docs: docs.len(),
            docs_per_file: DOCS_PER_FILE,
            shards: &firsts,
            shard_bytes: shard_files.iter().map(|(_, b)| b.len()).collect(),
        };
        let mut files = vec![(WRITER.to_string(), json_line(&manifest))];
        files.extend(shard_files);
        for (n, chunk) in docs.chunks(DOCS_PER_FILE).enumerate() {
            let entries: Vec<DocEntry<'_>> = chunk
                .iter()
                .map(|d| DocEntry {
                    k: d.kind,
                    t: d.title,
                    u: d.href,
                    m: &d.meta,
                })
                .collect();
            files.push((format!("search/docs/{n}.json"), json_line(&entries)));
        }
        Index { files, firsts }
    }

    /// The shard holding `term`, if the index has any: the last whose first term is not after it.
    pub fn shard_of(&self, term: &str) -> Option<usize> {
        self.firsts
            .partition_point(|first| first.as_str() <= term)
            .checked_sub(1)
    }
}

/// `value` as one line of JSON.
fn json_line<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// The documents of the site: its briefings (by title), then its articles (newest first), so
/// that among results of equal weight the briefings and the newest articles come first.
pub fn docs(view: &ReportView) -> Vec<Doc<'_>> {
    let mut out = Vec::with_capacity(view.briefings.len() + view.articles.len());
    // The briefings each article is in, by its position in the view.
    let position: BTreeMap<&str, usize> = view
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.slug.as_str(), i))
        .collect();
    let mut briefings_of: Vec<Vec<&str>> = vec![Vec::new(); view.articles.len()];
    for b in &view.briefings {
        let mut fields = vec![(weight::TITLE, b.title.as_str())];
        fields.extend(b.tags.iter().map(|t| (weight::TAG, t.as_str())));
        out.push(Doc {
            kind: "briefing",
            title: &b.title,
            href: &b.href,
            meta: b.summary.clone().unwrap_or_default(),
            fields,
        });
        for a in &b.articles {
            if let Some(&i) = position.get(a.slug.as_str()) {
                briefings_of[i].push(&b.title);
            }
        }
    }
    for (a, briefings) in view.articles.iter().zip(briefings_of) {
        let mut fields = vec![(weight::TITLE, a.title.as_str())];
        fields.extend(a.tags.iter().map(|t| (weight::TAG, t.as_str())));
        fields.extend(briefings.into_iter().map(|b| (weight::BRIEFING, b)));
        let speakers = a
            .figures
            .iter()
            .filter_map(|f| f.said_by.as_deref())
            .chain(a.events.iter().filter_map(|e| e.said_by.as_deref()));
        fields.extend(speakers.map(|s| (weight::SPEAKER, s)));
        fields.extend(
            a.figures
                .iter()
                .filter_map(|f| f.measure.as_deref())
                .map(|m| (weight::MEASURE, m)),
        );
        out.push(Doc {
            kind: "article",
            title: &a.title,
            href: &a.href,
            meta: format!("{}, {}", a.source, a.published_display),
            fields,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Documents with titles drawn from a small vocabulary, so that some terms are common.
    fn corpus(n: usize) -> (Vec<String>, Vec<String>) {
        const WORDS: [&str; 12] = [
            "grain",
            "exports",
            "rise",
            "port",
            "talks",
            "minister",
            "ceasefire",
            "inflation",
            "rates",
            "flood",
            "aid",
            "Kyiv",
        ];
        let mut next = crate::testing::xorshift(0x5eed);
        let titles = (0..n)
            .map(|i| {
                let w: Vec<&str> = (0..4)
                    .map(|_| WORDS[(next() % WORDS.len() as u64) as usize])
                    .collect();
                format!("{} {} {} story{i} {}", w[0], w[1], w[2], w[3])
            })
            .collect();
        let hrefs = (0..n).map(|i| format!("articles/s{i}.html")).collect();
        (titles, hrefs)
    }

    fn docs_of<'a>(titles: &'a [String], hrefs: &'a [String]) -> Vec<Doc<'a>> {
        titles
            .iter()
            .zip(hrefs)
            .map(|(t, h)| Doc {
                kind: "article",
                title: t,
                href: h,
                meta: String::new(),
                fields: vec![
                    (weight::TITLE, t.as_str()),
                    (weight::SPEAKER, "the minister"),
                ],
            })
            .collect()
    }

    /// The terms of a shard file, with their postings decoded to (id, weight).
    fn shard_terms(bytes: &[u8]) -> BTreeMap<String, Vec<(usize, u32)>> {
        let map: BTreeMap<String, Vec<usize>> = serde_json::from_slice(bytes).unwrap();
        map.into_iter()
            .map(|(term, flat)| {
                let mut id = 0;
                let list = flat
                    .chunks(2)
                    .map(|pair| {
                        id += pair[0];
                        (id, pair[1] as u32)
                    })
                    .collect();
                (term, list)
            })
            .collect()
    }

    #[test]
    fn words_are_lowercased_runs_of_letters_and_digits() {
        let got: Vec<String> =
            words("Kyiv's grain-exports rose 4.5% in 2024 — São Paulo, ÉTÉ").collect();
        assert_eq!(
            got,
            [
                "kyiv", "s", "grain", "exports", "rose", "4", "5", "in", "2024", "são", "paulo",
                "été"
            ]
        );
    }

    /// At 3,000 documents and a 2 KB bound the terms are split into many shards, each under the
    /// bound unless it holds one term; every term is found in the shard `shard_of` names, with
    /// every document whose title holds it.
    #[test]
    fn the_index_is_split_and_each_term_maps_to_its_shard() {
        let (titles, hrefs) = corpus(3000);
        let docs = docs_of(&titles, &hrefs);
        let index = Index::build(&docs, 2048);
        let shards: Vec<&(String, Vec<u8>)> = index
            .files
            .iter()
            .filter(|(path, _)| path.starts_with("search/terms/"))
            .collect();
        assert!(shards.len() > 20, "{} shards", shards.len());
        // Each word of the titles, with the documents whose title holds it.
        let mut holding: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, title) in titles.iter().enumerate() {
            for word in words(title) {
                let ids = holding.entry(word).or_default();
                if ids.last() != Some(&i) {
                    ids.push(i);
                }
            }
        }
        let mut seen = 0;
        for (n, (path, bytes)) in shards.iter().enumerate() {
            assert_eq!(path, &format!("search/terms/{n}.json"));
            let terms = shard_terms(bytes);
            assert!(
                bytes.len() <= 2048 || terms.len() == 1,
                "{path}: {} bytes, {} terms",
                bytes.len(),
                terms.len()
            );
            for (term, list) in &terms {
                assert_eq!(index.shard_of(term), Some(n), "{term}");

                if term != "minister" && term != "the" {
                    let expected = &holding[term];
                    let ids: Vec<usize> = list.iter().map(|&(id, _)| id).collect();
                    assert_eq!(&ids, expected, "{term}");
                    assert!(list.iter().all(|&(_, w)| w == weight::TITLE), "{term}");
                }
                seen += 1;
            }
        }
        // Every story number, the twelve words and 'the'.
        assert_eq!(seen, 3000 + 12 + 1);
        // 'minister' is in every document: as a title word in some (weight 8), as the speaker
        // in the others (weight 2).
        let n = index.shard_of("minister").unwrap();
        let minister = &shard_terms(&shards[n].1)["minister"];
        assert_eq!(minister.len(), 3000);
        assert!(minister.iter().any(|&(_, w)| w == weight::SPEAKER));
        // A word that is not a term maps to the shard where it would sort.
        let before = index.shard_of("aaa");
        assert_eq!(
            before,
            Some(0).filter(|_| index.firsts[0].as_str() <= "aaa")
        );
        assert_eq!(index.shard_of("zzzz"), Some(shards.len() - 1));
    }

    #[test]
    fn documents_are_filed_in_order_and_the_manifest_lists_the_shards() {
        let (titles, hrefs) = corpus(60);
        let docs = docs_of(&titles, &hrefs);
        let index = Index::build(&docs, 512);
        let manifest: serde_json::Value = serde_json::from_slice(&index.files[0].1).unwrap();
        assert_eq!(index.files[0].0, "search/index.json");
        assert_eq!(manifest["docs"], 60);
        assert_eq!(manifest["docs_per_file"], DOCS_PER_FILE);
        assert_eq!(
            manifest["shards"].as_array().unwrap().len(),
            index.firsts.len()
        );
        let docs_files: Vec<&(String, Vec<u8>)> = index
            .files
            .iter()
            .filter(|(p, _)| p.starts_with("search/docs/"))
            .collect();
        assert_eq!(docs_files.len(), 60usize.div_ceil(DOCS_PER_FILE));
        let second: serde_json::Value = serde_json::from_slice(&docs_files[1].1).unwrap();
        assert_eq!(second[0]["t"], titles[DOCS_PER_FILE].as_str());
        assert_eq!(second[0]["u"], "articles/s25.html");
    }
}
