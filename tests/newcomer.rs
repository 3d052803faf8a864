//! Issue 18, the newcomer's path: `import` that gives usable articles (tags, titles, slugs,
//! re-imports), commands that refuse to run outside a project, and tera's built-in filters.

mod common;

use std::path::Path;

use common::{TestProject, report};

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

// ---- import -------------------------------------------------------------------------------

/// Wire copy with a `tags:` line and a headline above its dateline.
const DRONES: &str = "date 2024-04-02\n\
tags: Ukraine, air defence\n\
Ukraine receives a record 1,200 drones from its allies\n\
\n\
KYIV (Reuters) – Ukraine said on Tuesday it had received 1,200 drones from its allies in March, officials said.\n\
\n\
Deliveries began in January.\n";

/// `import --tag` and the copy's own `tags:` line end up in the front matter (once each,
/// whatever their case), the headline is the title, and a briefing made with `new briefing
/// --tag` selects the article without any editing.
#[test]
fn issue_18_import_tags_articles_and_a_new_briefing_selects_them() {
    let p = TestProject::example();
    p.write("inbox/kyiv.txt", DRONES);
    let (code, out, err) = report(
        &["import", "inbox", "--tag", "drones", "--tag", "ukraine"],
        p.root(),
    );
    assert_eq!(code, 0, "{err}");
    let path = "content/articles/ukraine-receives-a-record-1-200-drones-from-its-allies.md";
    assert_eq!(out, format!("inbox/kyiv.txt -> {path}\n"));
    assert_eq!(
        read(p.root(), path),
        "---\n\
         title: \"Ukraine receives a record 1,200 drones from its allies\"\n\
         source: Reuters\n\
         published: 2024-04-02\n\
         dateline: KYIV\n\
         tags: [Ukraine, air defence, drones]\n\
         ---\n\
         Ukraine said on Tuesday it had received 1,200 drones from its allies in March, officials said.\n\
         \n\
         Deliveries began in January.\n"
    );
    let (code, _, err) = report(&["new", "briefing", "Drones", "--tag", "drones"], p.root());
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = report(&["build"], p.root());
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("selects no article"), "{err}");
    let page = p.read_site("briefings/drones.html");
    assert!(
        page.contains("Ukraine receives a record 1,200 drones from its allies"),
        "{page}"
    );
}

/// The `tags:` line also tags wire text kept as it is under `content/articles/`.
#[test]
fn issue_18_wire_text_in_the_project_carries_its_tags() {
    let p = TestProject::example();
    p.write("content/articles/kyiv.txt", DRONES);
    p.write(
        "content/briefings/air.md",
        "---\ntitle: Air defence\ntags: [AIR DEFENCE]\n---\nText.\n",
    );
    let (code, _, err) = report(&["build"], p.root());
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("selects no article"), "{err}");
    let page = p.read_site("briefings/air.html");
    assert!(page.contains("articles/kyiv.html"), "{page}");
}

/// Slugs spell letters outside ASCII in ASCII, and a long title gives a slug of at most 60
/// characters that ends at a whole word.
#[test]
fn issue_18_import_slugs_are_transliterated_and_cut_at_a_word() {
    let p = TestProject::example();
    p.write(
        "inbox/a.txt",
        "date 2024-05-06\nTürkiye and Côte d'Ivoire: São Paulo talks\n\nANKARA (AFP) – Talks opened on Monday.\n",
    );
    p.write(
        "inbox/b.txt",
        "date 2024-05-07\nSeoul says North Korea has shipped about 7,000 containers of munitions to Russia since July\n\nSEOUL (AFP) – Text of the story.\n",
    );
    let (code, out, err) = report(&["import", "inbox"], p.root());
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "inbox/a.txt -> content/articles/turkiye-and-cote-d-ivoire-sao-paulo-talks.md\n\
         inbox/b.txt -> content/articles/seoul-says-north-korea-has-shipped-about-7-000-containers.md\n"
    );
    let text = read(
        p.root(),
        "content/articles/turkiye-and-cote-d-ivoire-sao-paulo-talks.md",
    );
    assert!(
        text.starts_with("---\ntitle: \"Türkiye and Côte d'Ivoire: São Paulo talks\"\n"),
        "{text}"
    );
}

/// Without a headline, the title is the lead cut where a clause ends, never with `…` inside
/// a word.
#[test]
fn issue_18_import_titles_from_a_long_lead_end_at_a_clause() {
    let p = TestProject::example();
    p.write(
        "inbox/rain.txt",
        "date 2024-07-01\nDHAKA (AFP) – Heavy rains flooded large parts of the capital on Sunday, forcing more than 20,000 people from their homes and closing schools across three districts, officials said.\n",
    );
    let (code, out, err) = report(&["import", "inbox/rain.txt"], p.root());
    assert_eq!(code, 0, "{err}");
    let path = "content/articles/heavy-rains-flooded-large-parts-of-the-capital-on-sunday.md";
    assert_eq!(out, format!("inbox/rain.txt -> {path}\n"));
    assert!(
        read(p.root(), path)
            .starts_with("---\ntitle: Heavy rains flooded large parts of the capital on Sunday\n"),
    );
}

/// Datelines of other agencies' styles (`CANBERRA, Australia (AP)_`) give the source and the
/// dateline, so such copy imports without `--source`.
#[test]
fn issue_18_import_reads_datelines_of_other_styles() {
    let p = TestProject::example();
    p.write(
        "inbox/ap.txt",
        "date 1998-02-13\nCANBERRA, Australia (AP)_ Turning its back on 210 years of loyalty to the British royal family, a constitutional convention voted overwhelmingly Friday to make Australia a republic.\n",
    );
    let (code, out, err) = report(&["import", "inbox/ap.txt"], p.root());
    assert_eq!(code, 0, "{err}");
    let path = "content/articles/turning-its-back-on-210-years-of-loyalty-to-the-british.md";
    assert_eq!(out, format!("inbox/ap.txt -> {path}\n"));
    assert_eq!(
        read(p.root(), path),
        "---\n\
         title: Turning its back on 210 years of loyalty to the British royal family\n\
         source: AP\n\
         published: 1998-02-13\n\
         dateline: CANBERRA\n\
         ---\n\
         Turning its back on 210 years of loyalty to the British royal family, a constitutional convention voted overwhelmingly Friday to make Australia a republic.\n"
    );
}

/// Re-importing a folder whose plain-text file went in with `--published` and `--source` the
/// first time succeeds, and says what was already there.
#[test]
fn issue_18_reimporting_a_folder_succeeds_and_reports_what_is_there() {
    let p = TestProject::example();
    p.write(
        "inbox/note.txt",
        "The ministry said on Friday that 1,200 families had left.\n",
    );
    p.write("inbox/kyiv.txt", DRONES);
    let (code, _, err) = report(
        &[
            "import",
            "inbox/note.txt",
            "--published",
            "2024-06-12",
            "--source",
            "Ministry bulletin",
        ],
        p.root(),
    );
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = report(&["import", "inbox"], p.root());
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "inbox/kyiv.txt -> content/articles/ukraine-receives-a-record-1-200-drones-from-its-allies.md\n"
    );
    assert_eq!(
        err,
        "inbox/note.txt: already imported as content/articles/the-ministry-said-on-friday-that-1-200-families-had-left.md\n\
         1 imported, 1 already present\n"
    );
    // And again: everything is there.
    let (code, out, err) = report(&["import", "inbox"], p.root());
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert!(err.ends_with("0 imported, 2 already present\n"), "{err}");
}

// ---- project detection --------------------------------------------------------------------

/// Every command that writes a site, a cache or a new file refuses a folder with neither
/// `report.yaml` nor `content/`, says how to make one, exits 1 and leaves the folder empty.
#[test]
fn issue_18_commands_refuse_to_run_outside_a_project() {
    let p = TestProject::empty();
    let refusal = "error: this folder is not a report project: it has neither report.yaml nor content/; create one with `report init`, or give the project's folder with --root\n";
    for args in [
        &["build"][..],
        &["check"],
        &["check", "--strict"],
        &["serve", "--port", "0"],
        &["new", "briefing", "Arms"],
        &["templates", "list"],
        &["templates", "eject"],
    ] {
        // `timeout`: a `serve` that did not refuse would serve for ever.
        let run = std::process::Command::new("timeout")
            .arg("60")
            .arg(env!("CARGO_BIN_EXE_report"))
            .args(args)
            .current_dir(p.root())
            .output()
            .unwrap();
        let (code, out, err) = (
            run.status.code().unwrap_or(-1),
            String::from_utf8(run.stdout).unwrap(),
            String::from_utf8(run.stderr).unwrap(),
        );
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (1, "", refusal),
            "{args:?}"
        );
        let left: Vec<_> = std::fs::read_dir(p.root()).unwrap().collect();
        assert!(left.is_empty(), "{args:?} wrote {left:?}");
    }
    // Either marker makes a project.
    p.write("report.yaml", "title: T\n");
    let (code, _, err) = report(&["templates", "list"], p.root());
    assert_eq!(code, 0, "{err}");
}

/// `--root` naming a folder that does not exist, or a file, is an error, and nothing is made.
#[test]
fn issue_18_a_root_that_is_no_folder_is_an_error() {
    let p = TestProject::empty();
    let (code, out, err) = report(&["build", "--root", "typo"], p.root());
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        "error: no folder typo: give the project's folder with --root, or create a project there with `report init typo`\n"
    );
    assert!(!p.root().join("typo").exists());
    p.write("notes.txt", "x");
    let (code, _, err) = report(&["new", "briefing", "X", "--root", "notes.txt"], p.root());
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "error: notes.txt is not a report project: it is a file; create one with `report init`, or give the project's folder with --root\n"
    );
    // The example project, given by --root from elsewhere, builds.
    let example = TestProject::example();
    let root = example.root().to_str().unwrap();
    let (code, _, err) = report(&["build", "--root", root, "--quiet"], p.root());
    assert_eq!((code, err.as_str()), (0, ""));
}

// ---- tera's built-in filters and functions ------------------------------------------------

/// tera's built-in filters work in every template (`date`, `slugify`, `urlencode`,
/// `filesizeformat`), and `now()` is the build date, so two builds give the same file.
#[test]
fn issue_18_templates_have_teras_builtins_and_now_is_the_build_date() {
    let p = TestProject::example();
    p.write(
        "templates/notes.txt",
        "{{ site.built | date(format=\"%d %B %Y\") }}\n\
         {{ \"2024-03-20\" | date(format=\"%A %-d %b\") }}\n\
         {{ \"Türkiye and Côte d'Ivoire\" | slugify }}\n\
         {{ \"a b&c/d\" | urlencode_strict }}\n\
         {{ 1048576 | filesizeformat }}\n\
         {{ \"A long line of words\" | truncate(length=6) }}\n\
         {{ now() }} {{ now(timestamp=true) }} {{ now(utc=true) | date(format=\"%Y\") }}\n",
    );
    let (code, _, err) = report(&["build", "--quiet"], p.root());
    assert_eq!((code, err.as_str()), (0, ""));
    let expected = "20 March 2024\n\
                    Wednesday 20 Mar\n\
                    turkiye-and-cote-d-ivoire\n\
                    a%20b%26c%2Fd\n\
                    1 MB\n\
                    A long…\n\
                    2024-03-20T00:00:00+00:00 1710892800 2024\n";
    assert_eq!(p.read_site("notes.txt"), expected);
    // A given build date is `now()`.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_report"))
        .args(["build", "--quiet"])
        .current_dir(p.root())
        .env("SOURCE_DATE_EPOCH", "1735689600")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        p.read_site("notes.txt")
            .ends_with("\n2025-01-01T00:00:00+00:00 1735689600 2025\n")
    );
}

/// `get_random` would make every build differ: it is refused, naming the template.
#[test]
fn issue_18_get_random_is_refused() {
    let p = TestProject::example();
    p.write("templates/notes.txt", "{{ get_random(start=0, end=10) }}\n");
    let (code, _, err) = report(&["build"], p.root());
    assert_eq!(code, 1);
    assert!(
        err.starts_with("templates/notes.txt:1:4: error: Function call 'get_random' failed: `get_random` is left out so that every build gives the same site"),
        "{err}"
    );
    assert!(!p.site().exists());
}

// ---- template errors located --------------------------------------------------------------

/// An error inside a partial is placed in the partial, at its line, not blamed on the page
/// template; an unknown variable gets the near path the templates use.
#[test]
fn issue_18_an_error_in_a_partial_is_located_in_the_partial() {
    let p = TestProject::example();
    let table = report::render::DEFAULTS
        .iter()
        .find(|(n, _)| *n == "partials/figure_table.html")
        .unwrap()
        .1;
    p.write(
        "templates/partials/figure_table.html",
        &table.replacen(
            "{{ group.label }}{% endif %}",
            "{{ group.labell }}{% endif %}",
            1,
        ),
    );
    let (code, _, err) = report(&["build"], p.root());
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "templates/partials/figure_table.html:8:91: error: Variable `group.labell` not found in context while rendering 'partials/figure_table.html'\n  \
         help: did you mean `group.label`?\n\
         1 error; nothing written\n"
    );
}

/// An unknown filter in an included partial, and an unknown test in a macro, are placed in
/// their own files, with the name tera has for them.
#[test]
fn issue_18_unknown_filters_and_tests_are_located_with_a_suggestion() {
    let p = TestProject::example();
    p.write(
        "templates/notes.txt",
        "{% import \"partials/macros.txt\" as m %}{% include \"partials/title.txt\" %}\n{{ m::odd(n=1) }}\n",
    );
    p.write(
        "templates/partials/macros.txt",
        "{% macro odd(n) %}{{ n }}{% endmacro odd %}\n",
    );
    p.write(
        "templates/partials/title.txt",
        "Title:\n  {{ site.title | upcase }}\n",
    );
    let (code, _, err) = report(&["check"], p.root());
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "templates/partials/title.txt:2:19: error: Filter 'upcase' not found\n  \
         help: did you mean `upper`?\n\
         1 error; nothing written\n"
    );
    p.write("templates/partials/title.txt", "Title\n");
    p.write(
        "templates/partials/macros.txt",
        "{% macro odd(n) %}\n{% if n is od %}odd{% endif %}\n{% endmacro odd %}\n",
    );
    let (code, _, err) = report(&["check"], p.root());
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "templates/partials/macros.txt:2:12: error: Test 'od' not found\n  \
         help: did you mean `odd`?\n\
         1 error; nothing written\n"
    );
}

/// A template that includes, imports or extends one that does not exist is told at the name,
/// with the near name of one that does.
#[test]
fn issue_18_a_missing_template_is_located_at_its_name() {
    let p = TestProject::example();
    p.write("templates/partials/macros.txt", "");
    p.write(
        "templates/notes.txt",
        "x\n{% include \"partials/macro.txt\" %}\n",
    );
    let (code, _, err) = report(&["check"], p.root());
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "templates/notes.txt:2:13: error: Template '[partials/macro.txt]' not found\n  \
         help: did you mean `partials/macros.txt`?\n\
         1 error; nothing written\n"
    );
    p.write(
        "templates/notes.txt",
        "{% import \"partials/macro.txt\" as m %}\nx\n",
    );
    let (code, _, err) = report(&["check"], p.root());
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "templates/notes.txt:1:12: error: Template `notes.txt` loads macros from `partials/macro.txt` which isn't present in Tera\n  \
         help: did you mean `partials/macros.txt`?\n\
         1 error; nothing written\n"
    );
}

/// A briefing published with the placeholders `report new briefing` writes: `build` and `check`
/// warn about each at its line; written over, no warning.
#[test]
fn issue_18_a_placeholder_summary_is_a_warning_at_its_line() {
    let p = TestProject::example();
    let (code, _, err) = report(&["new", "briefing", "Arms", "--tag", "arms"], p.root());
    assert_eq!(code, 0, "{err}");
    let text = read(p.root(), "content/briefings/arms.md");
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let summary = format!(
        "content/briefings/arms.md:{}:10: warning: the summary is still the placeholder of `report new briefing`",
        line_of("summary:")
    );
    let body = format!(
        "content/briefings/arms.md:{}:1: warning: the text is still the placeholder of `report new briefing`",
        line_of("The analyst's own text")
    );
    for command in ["build", "check"] {
        let (code, _, err) = report(&[command], p.root());
        assert_eq!(code, 0, "{err}");
        assert!(err.contains(&summary), "{command}: {err}");
        assert!(err.contains(&body), "{command}: {err}");
    }
    p.write(
        "content/briefings/arms.md",
        &text
            .replace(
                "One paragraph shown under the title and on the index.",
                "Arms.",
            )
            .replace("The analyst's own text, in Markdown.", "Our reading."),
    );
    let (code, _, err) = report(&["check"], p.root());
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("placeholder"), "{err}");
}
