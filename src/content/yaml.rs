//! YAML text in, a typed value or located diagnostics out. The only user of serde_yaml, so that a
//! later swap of the YAML crate touches this file alone.
//!
//! Unknown keys are all reported at once (with a did-you-mean); syntax and type errors carry the
//! line counted in the whole file, not in the YAML block.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, Diagnostics};

/// Where a YAML block sits in its file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Block<'a> {
    /// The whole file, for locating offsets.
    pub(crate) file_text: &'a str,
    /// The YAML text itself.
    pub(crate) yaml: &'a str,
    /// Byte offset of `yaml` in `file_text`.
    pub(crate) offset: usize,
}

/// Parses `block` as a mapping into `T`, checking its top-level keys against `known`.
/// Returns `None` (with diagnostics) when the block cannot be used.
pub(crate) fn parse_mapping<T: DeserializeOwned>(
    path: &Path,
    block: Block<'_>,
    known: &[&str],
) -> (Option<T>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let value: serde_yaml::Value = if block.yaml.trim().is_empty() {
        serde_yaml::Value::Mapping(Default::default())
    } else {
        match serde_yaml::from_str(block.yaml) {
            Ok(v) => v,
            Err(e) => {
                diags.push(yaml_error(path, block, &e));
                return (None, diags);
            }
        }
    };
    let serde_yaml::Value::Mapping(map) = &value else {
        diags.push(
            Diagnostic::error(path, "expected `key: value` lines")
                .at_offset(block.file_text, block.offset),
        );
        return (None, diags);
    };
    for key in map.keys() {
        let name = match key {
            serde_yaml::Value::String(s) => s.clone(),
            other => format!("{other:?}"),
        };
        if !known.contains(&name.as_str()) {
            let offset = key_offset(block, &name).unwrap_or(block.offset);
            let mut d = Diagnostic::error(path, format!("unknown key `{name}`"))
                .at_offset(block.file_text, offset);
            d = match did_you_mean(&name, known) {
                Some(s) => d.with_help(format!("did you mean `{s}`?")),
                None => d.with_help(format!("known keys: {}", known.join(", "))),
            };
            diags.push(d);
        }
    }
    if diags.has_errors() {
        return (None, diags);
    }
    let text = if block.yaml.trim().is_empty() {
        "{}"
    } else {
        block.yaml
    };
    match serde_yaml::from_str::<T>(text) {
        Ok(v) => (Some(v), diags),
        Err(e) => {
            diags.push(yaml_error(path, block, &e));
            (None, diags)
        }
    }
}

/// Byte offset in the file of the line where top-level `key:` starts.
pub(crate) fn key_offset(block: Block<'_>, key: &str) -> Option<usize> {
    let mut offset = block.offset;
    for line in block.yaml.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(key)
            && rest.trim_start().starts_with(':')
        {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// Byte offset in the file of the line where `key:` of the mapping under top-level `parent:`
/// starts (`key` as written, plain or quoted); else where `key` first appears under `parent:`
/// (a flow mapping, `parent: {key: …}`); else where `parent:` starts.
pub(crate) fn nested_key_offset(block: Block<'_>, parent: &str, key: &str) -> Option<usize> {
    let start = key_offset(block, parent)?;
    // `parent`'s own line, then its indented lines, blank lines and comments until the next
    // top-level key.
    let rest = &block.file_text[start..block.offset + block.yaml.len()];
    let mut end = rest.len();
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        let top_level = !line.starts_with([' ', '\t', '#', '\n', '\r']);
        if i > 0 && top_level {
            end = offset;
            break;
        }
        offset += line.len();
    }
    let scope = &rest[..end];
    let mut offset = 0;
    for line in scope.split_inclusive('\n') {
        let indented = line.trim_start_matches([' ', '\t']);
        let unquoted = indented.trim_start_matches(['"', '\'']);
        if line.starts_with([' ', '\t'])
            && let Some(after) = unquoted.strip_prefix(key)
            && after
                .trim_start_matches(['"', '\''])
                .trim_start()
                .starts_with(':')
        {
            return Some(start + offset + (line.len() - indented.len()));
        }
        offset += line.len();
    }
    Some(start + scope.find(key).unwrap_or(0))
}

fn yaml_error(path: &Path, block: Block<'_>, e: &serde_yaml::Error) -> Diagnostic {
    // serde_yaml appends " at line L column C" to its message; the location is given separately.
    let message = e.to_string();
    let message = match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    };
    let d = Diagnostic::error(path, format!("invalid YAML: {message}"));
    match e.location() {
        Some(loc) => d.at_offset(block.file_text, block.offset + loc.index()),
        None => d.at_offset(block.file_text, block.offset),
    }
}

/// The known name closest to `name`, if it is a plausible typo.
pub(crate) fn did_you_mean<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (edit_distance(name, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min()
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(row[j]).min(row[j + 1])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys() {
        assert_eq!(
            did_you_mean("publised", &["title", "published"]),
            Some("published")
        );
        assert_eq!(did_you_mean("colour", &["title", "published"]), None);
    }

    #[derive(serde::Deserialize, Debug)]
    struct T {
        #[allow(dead_code)]
        title: Option<String>,
    }

    #[test]
    fn reports_unknown_keys_with_file_lines() {
        let file = "---\ntitle: x\npublised: 2024\n---\n";
        let block = Block {
            file_text: file,
            yaml: &file[4..27],
            offset: 4,
        };
        let (v, d) = parse_mapping::<T>(Path::new("a.md"), block, &["title", "published"]);
        assert!(v.is_none());
        let lines: Vec<String> = d.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            lines,
            ["a.md:3:1: error: unknown key `publised`\n  help: did you mean `published`?"]
        );
    }

    #[test]
    fn nested_keys_are_found_on_their_lines() {
        let file = "---\ntitle: x\nseries:\n  # a comment\n  jobs cut: Jobs\n  \"a#f2\": Other\n  jobs: J\nnotes: {}\n---\n";
        let block = Block {
            file_text: file,
            yaml: &file[4..file.len() - 4],
            offset: 4,
        };
        let line = |key: &str| {
            let at = nested_key_offset(block, "series", key).unwrap();
            crate::diagnostics::LineIndex::new(file).locate(file, at)
        };
        assert_eq!(line("jobs cut"), (5, 3));
        assert_eq!(line("a#f2"), (6, 3));
        assert_eq!(line("jobs"), (7, 3), "not the `jobs cut` line");
        // Not under `series:`: where `series:` starts.
        assert_eq!(line("notes"), (3, 1));
        let flow = "---\nseries: {jobs cut: Jobs, a#f2: B}\n---\n";
        let block = Block {
            file_text: flow,
            yaml: &flow[4..flow.len() - 4],
            offset: 4,
        };
        let at = nested_key_offset(block, "series", "a#f2").unwrap();
        assert_eq!(&flow[at..at + 4], "a#f2");
        assert_eq!(nested_key_offset(block, "notes", "a"), None);
    }

    #[test]
    fn syntax_errors_count_lines_in_the_file() {
        let file = "---\ntitle: [x\n---\n";
        let block = Block {
            file_text: file,
            yaml: &file[4..15],
            offset: 4,
        };
        let (v, d) = parse_mapping::<T>(Path::new("a.md"), block, &["title"]);
        assert!(v.is_none());
        let d: Vec<_> = d.iter().collect();
        assert_eq!(d.len(), 1);
        assert!(d[0].line.unwrap() >= 2, "{}", d[0]);
    }
}
