//! The project's `templates/` folder and the embedded defaults in; the list of templates with
//! their origin and output (`templates list`), or copies of the defaults (`templates eject`), out.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{CommandError, NewFile, write_new_files};
use crate::render::{DEFAULTS, Target, renders_alone, target_of};

/// Where a template comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateOrigin {
    /// Embedded default, no project file.
    Default,
    /// A project file with the same text as the default (an ejected, unchanged copy).
    Ejected,
    /// A project file that replaces the default of the same name.
    Overridden,
    /// A project file with no default of that name.
    Project,
}

impl std::fmt::Display for TemplateOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TemplateOrigin::Default => "default",
            TemplateOrigin::Ejected => "ejected",
            TemplateOrigin::Overridden => "overridden",
            TemplateOrigin::Project => "project",
        })
    }
}

/// One template as `templates list` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateEntry {
    /// Name relative to `templates/`, with `/` separators.
    pub name: String,
    /// Default, overridden or the project's own.
    pub origin: TemplateOrigin,
    /// The output path pattern (`articles/<slug>.html`), or `None` for a template that never
    /// renders alone (layouts, partials, `_*`).
    pub renders_to: Option<String>,
}

/// What a template named `name` renders to.
pub fn renders_to(name: &str) -> Option<String> {
    if !renders_alone(name) {
        return None;
    }
    let ext = name.split_once('.').map_or("", |(_, e)| e);
    let dot = if ext.is_empty() { "" } else { "." };
    Some(match target_of(name) {
        Target::Article => format!("articles/<slug>{dot}{ext}"),
        Target::Briefing => format!("briefings/<slug>{dot}{ext}"),
        Target::Period => format!("chronology/<period>{dot}{ext}"),
        Target::Series => format!("briefings/<slug>/series/<series>{dot}{ext}"),
        Target::Index | Target::Chronology | Target::Sitemap | Target::Site => name.to_string(),
    })
}

/// Lists the defaults and the files under `root/templates/`, sorted by name.
pub fn list_templates(root: &Path) -> Result<Vec<TemplateEntry>, CommandError> {
    crate::project::require_project(root)?;
    let mut project = BTreeMap::new();
    let dir = root.join("templates");
    if dir.is_dir() {
        walk(&dir, &dir, &mut project)?;
    }
    let mut entries: BTreeMap<String, TemplateOrigin> = DEFAULTS
        .iter()
        .map(|(n, _)| ((*n).to_string(), TemplateOrigin::Default))
        .collect();
    for (name, path) in project {
        let origin = match DEFAULTS.iter().find(|(n, _)| *n == name) {
            None => TemplateOrigin::Project,
            Some((_, text)) => {
                let same = std::fs::read(&path).is_ok_and(|b| b == text.as_bytes());
                if same {
                    TemplateOrigin::Ejected
                } else {
                    TemplateOrigin::Overridden
                }
            }
        };
        entries.insert(name, origin);
    }
    Ok(entries
        .into_iter()
        .map(|(name, origin)| TemplateEntry {
            renders_to: renders_to(&name),
            name,
            origin,
        })
        .collect())
}

fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, PathBuf>) -> Result<(), CommandError> {
    let read = |source| crate::error::Error::Read {
        path: dir.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(read)? {
        let path = entry.map_err(read)?.path();
        if path.is_dir() {
            walk(base, &path, out)?;
        } else if let Ok(rel) = path.strip_prefix(base) {
            let name = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            // Editor droppings are not templates.
            if !name.rsplit('/').next().is_some_and(|f| f.starts_with('.')) {
                out.insert(name, path);
            }
        }
    }
    Ok(())
}

/// Copies the defaults named in `names` (every default when empty) into `root/templates/`.
/// Without `force`, nothing is written when one of them exists. Returns the paths written,
/// relative to `root`.
pub fn eject_templates(
    root: &Path,
    names: &[String],
    force: bool,
) -> Result<Vec<PathBuf>, CommandError> {
    crate::project::require_project(root)?;
    let mut files = Vec::new();
    if names.is_empty() {
        for (name, text) in DEFAULTS {
            files.push(NewFile {
                path: Path::new("templates").join(name),
                contents: (*text).to_string(),
            });
        }
    } else {
        for name in names {
            let name = name.trim_start_matches("templates/");
            let Some((name, text)) = DEFAULTS.iter().find(|(n, _)| *n == name) else {
                let known: Vec<&str> = DEFAULTS.iter().map(|(n, _)| *n).collect();
                return Err(CommandError::Usage(format!(
                    "no default template named `{name}` (defaults: {})",
                    known.join(", ")
                )));
            };
            files.push(NewFile {
                path: Path::new("templates").join(name),
                contents: (*text).to_string(),
            });
        }
    }
    write_new_files(root, &files, force)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_follow_the_file_name() {
        assert_eq!(
            renders_to("article.html").as_deref(),
            Some("articles/<slug>.html")
        );
        assert_eq!(
            renders_to("briefing.md").as_deref(),
            Some("briefings/<slug>.md")
        );
        assert_eq!(renders_to("index.html").as_deref(), Some("index.html"));
        assert_eq!(
            renders_to("feeds/atom.xml").as_deref(),
            Some("feeds/atom.xml")
        );
        assert_eq!(renders_to("partials/x.html"), None);
        assert_eq!(renders_to("layouts/base.html"), None);
        assert_eq!(renders_to("_macros.html"), None);
    }
}
