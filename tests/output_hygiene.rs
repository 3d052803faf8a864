//! Output hygiene (issue 17, finding 10): whatever the content holds, every output stays valid
//! for its format. No figure is infinite or NaN, and no chart coordinate; no character that XML
//! forbids (or HTML calls a parse error) reaches an XML, HTML or iCalendar file; no date after
//! 9999 is written (chrono writes 10000-01-01 as `+10000-01-01`); and a `<time datetime>` holds
//! only what HTML accepts (a quarter or season as its first day).

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{TestProject, report};
use regex::Regex;

/// Every file of the built site, by path relative to it.
fn site_files(p: &TestProject) -> Vec<(String, String)> {
    common::tree(&p.site())
        .into_iter()
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect()
}

fn file<'a>(files: &'a [(String, String)], name: &str) -> &'a str {
    files
        .iter()
        .find(|(path, _)| path == name)
        .map(|(_, text)| text.as_str())
        .unwrap_or_else(|| panic!("no {name}"))
}

/// The characters no HTML, XML or iCalendar output may carry: C0 controls but tab, line feed and
/// carriage return, DEL, C1 controls, and noncharacters.
fn unwritable(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || ('\u{fdd0}'..='\u{fdef}').contains(&c)
        || (c as u32 & 0xfffe) == 0xfffe
}

/// A story whose front matter and text hold control characters and noncharacters, published on
/// the last day chrono's four-digit years can write, dated in every way a period can be.
fn hostile_project() -> TestProject {
    let p = TestProject::example();
    p.write(
        "report.yaml",
        "title: \"Monitor \\x02 \\u0085 desk\"\nbase_url: https://example.org/m/\n",
    );
    p.write(
        "content/articles/edge.md",
        "---\ntitle: \"Shells \\x01 and \\v more \\uFFFE end \\u0085 x\"\nsource: \"AFP\\x1b\"\n\
         published: 9999-12-31\ntags: [edge]\n---\n\
         The army fired 6 shells on Friday, officials said. \
         It fired 4 shells in the first quarter of 2024, the ministry said. \
         The army said it would fire 3 shells tomorrow. \
         In the summer of 2023 it fired 8 shells, it said. \
         Losses grew in December 9999, it said. \
         In the 1990s the army\u{1} fired\u{b} 7 shells \u{fffe}\u{85}in a week, it said.\n",
    );
    p.write(
        "content/briefings/edge.md",
        "---\ntitle: \"Edge \\x02 cases \\uFFFF\"\nsummary: \"Odd \\x07 bytes\"\ntags: [edge]\n---\nText.\n",
    );
    p
}

#[test]
fn issue17_control_characters_and_noncharacters_never_reach_xml_html_or_ics() {
    let p = hostile_project();
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    let files = site_files(&p);
    for (path, text) in &files {
        if [".html", ".xml", ".ics", ".js"]
            .iter()
            .any(|ext| path.ends_with(ext))
            && let Some((at, c)) = text.char_indices().find(|&(_, c)| unwritable(c))
        {
            let from = text.floor_char_boundary(at.saturating_sub(60));
            panic!(
                "{path}: {c:?} at byte {at}: {:?}",
                &text[from..text.ceil_char_boundary(at + 10)]
            );
        }
    }
    // The feed and the sitemap are well-formed XML, and the words stay apart.
    let feed = file(&files, "feed.xml");
    let doc = roxmltree::Document::parse(feed).unwrap_or_else(|e| panic!("feed.xml: {e}"));
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .collect();
    assert!(titles.contains(&"Monitor     desk"), "{titles:?}");
    assert!(titles.contains(&"Edge   cases "), "{titles:?}");
    let sitemap = file(&files, "sitemap.xml");
    roxmltree::Document::parse(sitemap).unwrap_or_else(|e| panic!("sitemap.xml: {e}"));
    assert!(sitemap.contains("<loc>https://example.org/m/articles/edge.html</loc>"));
    // The story's page keeps its words apart where the controls were.
    let page = file(&files, "articles/edge.html");
    assert!(page.contains("the army  fired  <mark"), "{page}");
}

#[test]
fn issue17_time_elements_carry_only_valid_html_datetimes() {
    let p = hostile_project();
    p.write("report.yaml", "title: Monitor\nchronology_on_one_page: 2\n");
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    // What HTML's `datetime` accepts of what we write: a date, a month, a year, a week.
    let valid = Regex::new(r"^(\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4}|\d{4}-W\d{2})$").unwrap();
    let mut seen = Vec::new();
    for (path, text) in site_files(&p) {
        if !path.ends_with(".html") {
            continue;
        }
        for value in common::attr_values(&text, "datetime") {
            assert!(valid.is_match(&value), "{path}: datetime=\"{value}\"");
            seen.push(value);
        }
    }
    // The quarter, the season and the decade are written as their first days.
    for first_day in ["2024-01-01", "2023-06-01", "1990-01-01"] {
        assert!(seen.iter().any(|v| v == first_day), "{first_day}: {seen:?}");
    }
    assert!(
        seen.iter().any(|v| v == "9999-12"),
        "December 9999: {seen:?}"
    );
    let chronology = p.read_site("chronology.html");
    assert!(
        chronology.contains("<time datetime=\"2024-01-01\">Q1 2024</time>"),
        "{chronology}"
    );
}

#[test]
fn issue17_no_date_after_9999_is_written() {
    let p = hostile_project();
    // A build date past 9999 (SOURCE_DATE_EPOCH=253402300800) is ignored like an unset one.
    let outcome = report::build(&report::BuildOptions {
        root: p.root().to_path_buf(),
        out: None,
        build_date: chrono::NaiveDate::from_ymd_opt(10000, 1, 1),
        cache: false,
        progress: None,
        force: false,
    })
    .unwrap();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    let files = site_files(&p);
    for (path, text) in &files {
        // chrono's sign for years past 9999; a TIMEX value of the extraction ("10000-01-01",
        // shown as written in the article's table of dates) is the story's, not a date we write.
        for bad in ["+10000", "+100000", "DATE:10000", "DATE:+1"] {
            assert!(!text.contains(bad), "{path} holds {bad}");
        }
    }
    let ics = file(&files, "briefings/edge.chronology.ics");
    let date = Regex::new(r"^\d{8}(T\d{6}Z)?$").unwrap();
    let mut events = Vec::new();
    for line in ics.split("\r\n") {
        if let Some((name, value)) = line.split_once(':')
            && ["DTSTART", "DTEND", "DTSTAMP"]
                .iter()
                .any(|n| name.split(';').next() == Some(*n))
        {
            assert!(date.is_match(value), "{line}");
        }
        if line == "BEGIN:VEVENT" {
            events.push(Vec::new());
        } else if let Some(e) = events.last_mut() {
            e.push(line);
        }
    }
    assert!(
        ics.contains("DTSTAMP:99991231T000000Z"),
        "the newest publication date"
    );
    // A day or a month that ends with 9999 has no writable end: DTSTART alone (a day long).
    for start in ["DTSTART;VALUE=DATE:99991231", "DTSTART;VALUE=DATE:99991201"] {
        let event = events
            .iter()
            .find(|e| e.contains(&start))
            .unwrap_or_else(|| panic!("no event {start}"));
        assert!(!event.iter().any(|l| l.starts_with("DTEND")), "{event:?}");
    }
    // Others keep their end.
    let quarter = events
        .iter()
        .find(|e| e.contains(&"DTSTART;VALUE=DATE:20240101"))
        .unwrap();
    assert!(
        quarter.contains(&"DTEND;VALUE=DATE:20240401"),
        "{quarter:?}"
    );
    let iso_day = Regex::new(r"^\d{4}-\d{2}-\d{2}").unwrap();
    for tag in ["updated", "lastmod"] {
        for xml in [file(&files, "feed.xml"), file(&files, "sitemap.xml")] {
            for (i, _) in xml.match_indices(&format!("<{tag}>")) {
                let value = &xml[i + tag.len() + 2..];
                assert!(
                    iso_day.is_match(value),
                    "<{tag}>{}",
                    &value[..20.min(value.len())]
                );
            }
        }
    }
}

#[test]
fn issue17_a_hand_claim_that_is_not_a_finite_number_is_a_located_error() {
    let p = TestProject::example();
    p.write(
        "content/articles/hand.md",
        "---\ntitle: By hand\nsource: AFP\npublished: 2024-01-01\nclaims:\n  - value: .inf\n    unit: shells\n  - value: 5\n    unit: shells\n  - value: .nan\n    unit: shells\n---\nThe army fired 5 shells on Monday, officials said.\n",
    );
    let (code, _, err) = report(&["build"], p.root());
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        err,
        "content/articles/hand.md:5:1: error: invalid `value` in claims: `NaN` is not a finite number\n  \
         help: write the number itself, such as 7000 or 2.5\n\
         content/articles/hand.md:5:1: error: invalid `value` in claims: `inf` is not a finite number\n  \
         help: write the number itself, such as 7000 or 2.5\n\
         2 errors; nothing written\n"
    );
}

#[test]
fn issue17_numbers_past_the_largest_float_in_the_text_are_no_figures() {
    let p = TestProject::empty();
    let huge = format!("1{}", "0".repeat(400));
    p.write(
        "note.txt",
        &format!(
            "The army fired 1e309 shells, officials said. It fired {huge} rockets, it said. \
             Losses reached ${huge} billion, it said. The army fired 12 shells, it said."
        ),
    );
    let (code, out, err) = report(
        &["extract", "note.txt", "--published", "2024-06-12"],
        p.root(),
    );
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    for figure in json["figures"].as_array().unwrap() {
        let value = figure["value"].as_f64();
        assert!(value.is_some_and(f64::is_finite), "{figure}");
    }
}

/// Runs `report build` in `cwd` and kills it after `limit`: (exit code, stderr).
fn build_within(cwd: &Path, limit: Duration) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_report"))
        .arg("build")
        .current_dir(cwd)
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
            return (status.code().unwrap_or(-1), err);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("report build still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn issue17_figures_near_the_largest_float_are_tabled_but_never_drawn_as_infinite() {
    // 1.7e308 and -1.7e308 gave `points="…,-inf"`; 1.5e308 made the axis 2e308 (infinite) and
    // the tick loop never ended.
    for values in [["1.7e+308", "-1.7e+308"], ["1.5e+308", "5.0"]] {
        let p = TestProject::example();
        p.write(
            "content/articles/big.md",
            &format!(
                "---\ntitle: Big\nsource: AFP\npublished: 2024-03-01\ntags: [big]\nclaims:\n  - value: {}\n    unit: shells\n    said_by: army\n    as_of: 2024-01-01\n  - value: {}\n    unit: shells\n    said_by: army\n    as_of: 2024-02-01\n---\nText.\n",
                values[0], values[1]
            ),
        );
        p.write(
            "content/briefings/big.md",
            "---\ntitle: Big\ntags: [big]\n---\nText.\n",
        );
        let (code, err) = build_within(p.root(), Duration::from_secs(60));
        assert_eq!(code, 0, "{err}");
        let page = p.read_site("briefings/big.html");
        assert!(
            page.contains("<table class=\"figures\">"),
            "the table stays"
        );
        assert!(!page.contains("<svg"), "no chart: {values:?}");
        for (path, text) in site_files(&p) {
            assert!(
                !(text.contains("inf\"") || text.contains("NaN") || text.contains(",inf")),
                "{path}"
            );
        }
    }
}
