//! `report.yaml` in (optional), the site's [`Config`] out, with defaults for every key.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::content::yaml::{self, Block};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::error::Error;

/// The configuration file's name at the project root.
pub const CONFIG_FILE: &str = "report.yaml";

/// Site-wide settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Site title.
    pub title: String,
    /// One-line description, shown on the index.
    pub description: Option<String>,
    /// Absolute URL where the site is published (normalized), used only where an absolute URL
    /// is required.
    pub base_url: Option<String>,
    /// Output folder, relative to the project root.
    pub output: PathBuf,
    /// Language of the pages (`lang` attribute).
    pub language: String,
    /// Most entries the chronology page lists itself; above this, it lists the periods and each
    /// period gets its own page.
    pub chronology_on_one_page: usize,
    /// Most rows of a figure series on one page of its series page (and, for a briefing with
    /// no more figures and dated statements than this, what its page shows in full).
    pub rows_per_page: usize,
    /// The most bytes of one file under `content/` (and of one input of `report import`): a
    /// larger file is refused, and never read past this.
    pub max_article_size: u64,
    /// The most bytes of one file of the data exports: a month of `claims/` or `figures/`, or a
    /// briefing's figures, that is larger is split into files of at most this size (see
    /// `docs/exports.md`).
    pub max_export_size: u64,
}

/// [`Config::rows_per_page`] unless `report.yaml` says otherwise: a page of 100 rows of long
/// quotes is some 150 KB, quick to load on a phone.
pub const DEFAULT_ROWS_PER_PAGE: usize = 100;

/// [`Config::max_article_size`] unless `report.yaml` says otherwise: far above any story (the
/// longest wire stories are some 100 KB), far below what extraction could not hold in memory.
pub const DEFAULT_MAX_ARTICLE_SIZE: u64 = 10_000_000;

/// [`Config::max_export_size`] unless `report.yaml` says otherwise: half the 20 MB past which a
/// file is more than a spreadsheet or a browser's script opens comfortably (some 25,000 rows of
/// figures), and room for many months of a busy newsroom before a month is split.
pub const DEFAULT_MAX_EXPORT_SIZE: u64 = 10_000_000;

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Report".into(),
            description: None,
            base_url: None,
            output: PathBuf::from("site"),
            language: "en".into(),
            chronology_on_one_page: 1000,
            rows_per_page: DEFAULT_ROWS_PER_PAGE,
            max_article_size: DEFAULT_MAX_ARTICLE_SIZE,
            max_export_size: DEFAULT_MAX_EXPORT_SIZE,
        }
    }
}

#[derive(Debug, Deserialize)]
struct RawConfig {
    title: Option<String>,
    description: Option<String>,
    base_url: Option<String>,
    output: Option<PathBuf>,
    language: Option<String>,
    chronology_on_one_page: Option<usize>,
    rows_per_page: Option<usize>,
    max_article_size: Option<RawSize>,
    max_export_size: Option<RawSize>,
}

/// A size as written: bytes, or a number with a unit (`10 MB`, `512 KiB`).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawSize {
    Bytes(i64),
    Text(String),
}

/// Bytes of a size written `10 MB`, `10MB`, `512 KiB`, `2 GB` or `1500` (units are decimal, or
/// binary with an `i`, in any case).
fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let number: u64 = text[..split].parse().ok()?;
    let unit: u64 = match text[split..].trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        _ => return None,
    };
    number.checked_mul(unit)
}

const KEYS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "output",
    "language",
    "chronology_on_one_page",
    "rows_per_page",
    "max_article_size",
    "max_export_size",
];

/// Reads `root/report.yaml`; defaults when it does not exist.
pub fn load_config(root: &Path) -> Result<(Config, Diagnostics), Error> {
    let path = root.join(CONFIG_FILE);
    if !path.exists() {
        return Ok((Config::default(), Diagnostics::new()));
    }
    let text = std::fs::read_to_string(&path).map_err(|source| Error::Read {
        path: path.clone(),
        source,
    })?;
    Ok(parse_config(Path::new(CONFIG_FILE), &text))
}

/// Parses the text of a configuration file.
pub fn parse_config(path: &Path, text: &str) -> (Config, Diagnostics) {
    // A byte-order mark (Notepad writes one) is no part of the YAML: serde_yaml took it for the
    // start of a second document.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let block = Block {
        file_text: text,
        yaml: text,
        offset: 0,
    };
    let (raw, mut diags) = yaml::parse_mapping::<RawConfig>(path, block, KEYS);
    let mut config = Config::default();
    let Some(raw) = raw else {
        return (config, diags);
    };
    let RawConfig {
        title,
        description,
        base_url,
        output,
        language,
        chronology_on_one_page,
        rows_per_page,
        max_article_size,
        max_export_size,
    } = raw;
    if let Some(t) = title {
        config.title = t;
    }
    config.description = description;
    if let Some(url) = base_url {
        match crate::content::parse_http_url("base_url", &url) {
            Ok(url) => config.base_url = Some(url),
            Err(e) => diags.push(
                e.into_diagnostic(path)
                    .at_offset(text, yaml::key_offset(block, "base_url").unwrap_or(0)),
            ),
        }
    }
    if let Some(o) = output {
        config.output = o;
    }
    if let Some(l) = language {
        config.language = l;
    }
    if let Some(n) = chronology_on_one_page {
        config.chronology_on_one_page = n;
    }
    // A page holds at least one row.
    if let Some(n) = rows_per_page {
        config.rows_per_page = n.max(1);
    }
    for (key, size, value) in [
        (
            "max_article_size",
            max_article_size,
            &mut config.max_article_size,
        ),
        (
            "max_export_size",
            max_export_size,
            &mut config.max_export_size,
        ),
    ] {
        let Some(size) = size else { continue };
        let bytes = match &size {
            RawSize::Bytes(n) => u64::try_from(*n).ok(),
            RawSize::Text(t) => parse_size(t),
        };
        match bytes.filter(|&n| n > 0) {
            Some(n) => *value = n,
            None => diags.push(
                Diagnostic::error(
                    path,
                    match size {
                        RawSize::Bytes(n) => format!("invalid `{key}`: `{n}`"),
                        RawSize::Text(t) => {
                            format!("invalid `{key}`: `{}`", t.escape_debug())
                        }
                    },
                )
                .at_offset(text, yaml::key_offset(block, key).unwrap_or(0))
                .with_help("write a size such as 10 MB, 512 KB or 2000000 (bytes), above 0"),
            ),
        }
    }
    (config, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_overrides() {
        let (c, d) = parse_config(
            Path::new("report.yaml"),
            "title: Briefings\noutput: public\n",
        );
        assert!(d.is_empty());
        assert_eq!(c.title, "Briefings");
        assert_eq!(c.output, PathBuf::from("public"));
        assert_eq!(c.language, "en");
    }

    #[test]
    fn sizes_are_read_with_their_units() {
        for (written, bytes) in [
            ("max_article_size: 2000", 2_000),
            ("max_article_size: 10 MB", 10_000_000),
            ("max_article_size: 10mb", 10_000_000),
            ("max_article_size: 512 KiB", 524_288),
            ("max_article_size: 1GiB", 1 << 30),
            ("title: x", DEFAULT_MAX_ARTICLE_SIZE),
        ] {
            let (c, d) = parse_config(Path::new("report.yaml"), written);
            assert!(d.is_empty(), "{written}");
            assert_eq!(c.max_article_size, bytes, "{written}");
        }
        for written in ["0", "ten MB", "10 parsecs", "-5", "99999999999999999999 GB"] {
            let (c, d) = parse_config(
                Path::new("report.yaml"),
                &format!("title: x\nmax_article_size: {written}\n"),
            );
            let d: Vec<String> = d.iter().map(|d| d.to_string()).collect();
            assert_eq!(d.len(), 1, "{written}: {d:?}");
            assert!(
                d[0].starts_with("report.yaml:2:1: error: invalid `max_article_size`"),
                "{written}: {d:?}"
            );
            assert_eq!(c.max_article_size, DEFAULT_MAX_ARTICLE_SIZE);
        }
        let (c, d) = parse_config(Path::new("report.yaml"), "max_export_size: 6 KB\n");
        assert!(d.is_empty());
        assert_eq!(
            (c.max_export_size, c.max_article_size),
            (6_000, DEFAULT_MAX_ARTICLE_SIZE)
        );
        let (c, d) = parse_config(Path::new("report.yaml"), "max_export_size: 0\n");
        assert_eq!(
            d.iter().next().unwrap().to_string().lines().next(),
            Some("report.yaml:1:1: error: invalid `max_export_size`: `0`")
        );
        assert_eq!(c.max_export_size, DEFAULT_MAX_EXPORT_SIZE);
    }

    #[test]
    fn typos_are_reported() {
        let (_, d) = parse_config(Path::new("report.yaml"), "title: x\nbase_ulr: y\n");
        assert_eq!(
            d.iter().next().unwrap().to_string(),
            "report.yaml:2:1: error: unknown key `base_ulr`\n  help: did you mean `base_url`?"
        );
    }
}
