//! A folder in; a new project in it out: `report.yaml` with every option commented, the example
//! wire story, one briefing on it, a README stub and a `.gitignore`.

use std::path::{Path, PathBuf};

use super::{CommandError, NewFile, write_new_files};

/// The example story: the seed AFP wire copy.
const EXAMPLE_STORY: &str = include_str!("../../content/articles/000_d3ab9671ae447b92.txt");
/// A briefing on the example story.
const EXAMPLE_BRIEFING: &str = include_str!("../../content/briefings/north-korea-russia-arms.md");

/// `report.yaml`: the title set, every other key commented with its default.
fn config(title: &str) -> String {
    format!(
        "\
# Site settings for `report`. Every key is optional; uncomment one to change it.

# Site title, shown on every page (default \"Report\").
title: {}

# One line for the index page.
# description: Sourced briefings on arms transfers, built from wire copy.

# Only used where an absolute URL is required; pages link relatively.
# base_url: https://example.org/briefings/

# Output folder, relative to this file (default site).
# output: site

# The pages' lang attribute (default en).
# language: en

# Most dated statements the chronology page lists itself (default 1000). Above this, it lists
# the months, and each month has its own page.
# chronology_on_one_page: 1000

# Most rows of a figure series on one page of its series page (default 100). A briefing with no
# more figures and dated statements than this also shows them all on its own page.
# rows_per_page: 100

# The largest file under content/ (and input of `report import`), in bytes or with a unit
# (default 10 MB). A larger file is refused, and never read past this.
# max_article_size: 10 MB

# The largest file of the data exports (default 10 MB): a month of claims/ or figures/, or a
# briefing's figures, that is larger is split into files of at most this size.
# max_export_size: 10 MB
",
        super::yaml_str(title)
    )
}

const GITIGNORE: &str = "\
# The built site and the extraction cache of `report`.
site/
.report-cache/
";

fn readme(name: &str) -> String {
    format!(
        "# {name}\n\n\
         Briefings built with `report` from the articles in `content/`.\n\n\
         ```sh\n\
         report build          # build the site into site/\n\
         report check          # report every problem, write nothing\n\
         report import FILE    # add wire copy to content/articles/\n\
         report new briefing \"Title\" --tag TAG\n\
         ```\n\n\
         - `content/articles/`: the articles (Markdown with front matter, or wire text `.txt`).\n\
         - `content/briefings/`: the briefings; each selects articles by tag or slug.\n\
         - `templates/`: optional overrides of the default templates (`report templates eject`).\n\
         - `report.yaml`: site settings.\n"
    )
}

/// The files `init` creates, relative to the project folder.
pub fn init_files(dir: &Path) -> Vec<NewFile> {
    let name = std::fs::canonicalize(dir)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "Report".to_string());
    let file = |path: &str, contents: String| NewFile {
        path: PathBuf::from(path),
        contents,
    };
    vec![
        file("report.yaml", config(&name)),
        file(
            "content/articles/000_d3ab9671ae447b92.txt",
            EXAMPLE_STORY.to_string(),
        ),
        file(
            "content/briefings/north-korea-russia-arms.md",
            EXAMPLE_BRIEFING.to_string(),
        ),
        file("README.md", readme(&name)),
        file(".gitignore", GITIGNORE.to_string()),
    ]
}

/// Creates a project in `dir` (created when missing). Refuses, writing nothing, when one of the
/// files exists. Returns the paths written, relative to `dir`.
pub fn init_project(dir: &Path) -> Result<Vec<PathBuf>, CommandError> {
    std::fs::create_dir_all(dir).map_err(|source| crate::error::Error::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    write_new_files(dir, &init_files(dir), false)
}
