//! A name and tags in; a new briefing file under `content/briefings/` out.

use std::path::{Path, PathBuf};

use super::{CommandError, NewFile, write_new_files, yaml_str};
use crate::content::slugify;

/// The title for `name`: as given when it reads as a title, else a slug made readable
/// (`arms-transfers` → `Arms transfers`).
pub fn title_from_name(name: &str) -> String {
    let name = name.trim();
    if name.contains(' ') {
        return name.to_string();
    }
    let words = name.replace(['-', '_'], " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The text of a new briefing.
pub fn briefing_text(title: &str, tags: &[String]) -> String {
    let mut out = format!("---\ntitle: {}\n", yaml_str(title));
    out.push_str(&format!(
        "summary: {}\n",
        crate::content::PLACEHOLDER_SUMMARY
    ));
    if tags.is_empty() {
        out.push_str("# tags: [north-korea]          # articles carrying any of these tags\n");
    } else {
        out.push_str("tags:                           # articles carrying any of these tags\n");
        for t in tags {
            out.push_str(&format!("  - {}\n", yaml_str(t)));
        }
    }
    out.push_str(
        "# articles: [000_d3ab9671ae447b92]   # and/or articles by slug\n\
         # figures: [containers]         # feature only these figure groups, in this order\n\
         ---\n",
    );
    out.push_str(crate::content::PLACEHOLDER_BODY);
    out.push('\n');
    out
}

/// Creates `content/briefings/<slug>.md` under `root`, the slug made from `name`. Returns its
/// path relative to `root`.
pub fn new_briefing(
    root: &Path,
    name: &str,
    tags: &[String],
    force: bool,
) -> Result<PathBuf, CommandError> {
    crate::project::require_project(root)?;
    let title = title_from_name(name);
    let slug = slugify(name).ok_or_else(|| {
        CommandError::Usage(format!(
            "cannot make a file name from `{name}`: use letters or digits"
        ))
    })?;
    let file = NewFile {
        path: Path::new("content/briefings").join(format!("{slug}.md")),
        contents: briefing_text(&title, tags),
    };
    let mut written = write_new_files(root, &[file], force)?;
    Ok(written.remove(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_from_names() {
        assert_eq!(title_from_name("arms-transfers"), "Arms transfers");
        assert_eq!(
            title_from_name("North Korean arms: 2024"),
            "North Korean arms: 2024"
        );
    }
}
