//! `report.yaml` in (optional), the site's [`Config`] out, with defaults for every key.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::content::yaml::{self, Block};
use crate::diagnostics::Diagnostics;
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
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Report".into(),
            description: None,
            base_url: None,
            output: PathBuf::from("site"),
            language: "en".into(),
            chronology_on_one_page: 1000,
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
}

const KEYS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "output",
    "language",
    "chronology_on_one_page",
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
    fn typos_are_reported() {
        let (_, d) = parse_config(Path::new("report.yaml"), "title: x\nbase_ulr: y\n");
        assert_eq!(
            d.iter().next().unwrap().to_string(),
            "report.yaml:2:1: error: unknown key `base_ulr`\n  help: did you mean `base_url`?"
        );
    }
}
