//! End-to-end builds of the example content and of small projects: the pages written, the
//! figure table rows and their source links, the chronology order, template overrides, new
//! formats, and bad input reported with its file and line.

mod common;

use common::{TestProject, attr_values, between};

const SEED: &str = "000_d3ab9671ae447b92";

#[test]
fn example_site_has_every_page() {
    let p = TestProject::example();
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    assert!(outcome.written);
    for page in [
        "index.html",
        "chronology.html",
        "briefings/north-korea-russia-arms.html",
        &format!("articles/{SEED}.html"),
        "style.css",
        "figures/index.json",
        "figures/2024-03.csv",
        "claims/index.json",
        "claims/2024-03.json",
        "briefings/north-korea-russia-arms.figures.csv",
        "briefings/north-korea-russia-arms.chronology.ics",
        "briefings/north-korea-russia-arms.timeline.json",
    ] {
        assert!(p.site().join(page).is_file(), "{page}");
    }
}

#[test]
fn briefing_figure_table_reads_as_a_trend_with_source_links() {
    let p = TestProject::example();
    p.build();
    let html = p.read_site("briefings/north-korea-russia-arms.html");
    let containers = between(&html, "id=\"fig-containers-russia\"", "</table>");
    let rows: Vec<&str> = containers.split("<tr").skip(2).collect();
    let values: Vec<String> = rows
        .iter()
        .map(|r| between(r, "<span class=\"number\">", "</span>").to_string())
        .collect();
    // One series of containers (the increase of 300 is a series of its own). The quote's
    // "around 7,000 containers" restates the lead's (same value, speaker and date): one row per
    // claim, which links both sentences.
    assert_eq!(values, ["1,000", "7,000"]);
    assert!(!containers.contains("conflict"));
    let as_of: Vec<String> = rows
        .iter()
        .map(|r| attr_values(r, "datetime")[0].clone())
        .collect();
    assert_eq!(as_of, ["2023-10", "2024-03-18"]);
    let sources = attr_values(rows[1], "href");
    assert_eq!(sources.len(), 2, "the lead and the quote: {}", rows[1]);
    assert_ne!(sources[0], sources[1]);
    assert!(rows[1].contains("also line"));
    // The claims themselves stay: the export lists both statements.
    let claims = p.read_site("claims/2024-03.json");
    assert_eq!(claims.matches("\"value\":7000").count(), 2);
    assert!(rows[0].contains("more than"));
    assert!(rows[0].contains("United States"));
    assert!(rows[1].contains("Shin Won-sik"));
    // Every row links to a mark that exists in the article page.
    let article = p.read_site(&format!("articles/{SEED}.html"));
    let ids = attr_values(&article, "id");
    for href in rows.iter().flat_map(|row| attr_values(row, "href")) {
        let (page, anchor) = href.split_once('#').expect("a link to the sentence");
        assert_eq!(page, format!("../articles/{SEED}.html"));
        assert!(
            ids.iter().any(|i| i == anchor),
            "no #{anchor} in the article page"
        );
    }
    let rounds = between(&html, "id=\"fig-artillery-rounds-russia\"", "</table>");
    // "more than one million artillery rounds", written as the story writes it.
    assert!(
        rounds.contains("<span class=\"number\">1 million</span> artillery rounds"),
        "{rounds}"
    );
    assert!(rounds.contains("Seoul"));
    assert!(rounds.contains("<time datetime=\"2023-11\">November 2023</time>"));
}

#[test]
fn chronology_is_oldest_first_grouped_by_month_at_its_precision() {
    let p = TestProject::example();
    p.build();
    let html = p.read_site("chronology.html");
    let groups: Vec<String> = html
        .match_indices("<section class=\"chrono-group\"")
        .map(|(i, _)| between(&html[i..], "<time datetime=\"", "\"").to_string())
        .collect();
    assert_eq!(
        groups,
        ["2023-07", "2023-09", "2023-10", "2023-11", "2024-03"]
    );
    let entries: Vec<String> = html
        .split("<p class=\"when\">")
        .skip(1)
        .map(|e| between(e, "<time datetime=\"", "\"").to_string())
        .collect();
    let mut sorted = entries.clone();
    sorted.sort();
    assert_eq!(entries, sorted);
    assert!(entries.len() >= 7, "{entries:?}");
    // Month precision stays a month: no invented day.
    assert!(html.contains("<time datetime=\"2023-07\">July 2023</time>"));
    assert!(html.contains("<time datetime=\"2024-03-18\">18 March 2024</time>"));
}

/// A chronology entry names its source by publisher and publication date, the headline on hover,
/// instead of repeating the headline in the text of every entry.
#[test]
fn a_chronology_entry_cites_publisher_and_date_with_the_headline_on_hover() {
    let p = TestProject::example();
    p.build();
    let html = p.read_site("chronology.html");
    let sources: Vec<&str> = html
        .split("<p class=\"source\">")
        .skip(1)
        .map(|e| between(e, "", "</p>"))
        .collect();
    assert!(sources.len() >= 7, "{sources:?}");
    for s in sources {
        let link = between(s, "<a ", "</a>");
        assert!(link.contains(" title=\""), "{s}");
        let shown = link.split_once('>').map(|(_, text)| text).unwrap_or("");
        let title = between(link, "title=\"", "\"");
        assert!(!title.is_empty() && !shown.contains(title), "{s}");
        assert!(shown.contains("<time datetime=\""), "{s}");
    }
}

#[test]
fn exports_parse() {
    let p = TestProject::example();
    p.build();
    let claims = p.claims();
    assert_eq!(claims[0]["figures"].as_array().unwrap().len(), 5);
    let csv = p.figures_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 6, "{csv}");
    assert!(lines[0].starts_with("article,source,published,url,text,value,unit"));
    assert!(lines[1].contains(",\"around 7,000 containers\",7000,containers,approximately,level,"));
}

#[test]
fn a_project_template_overrides_a_default() {
    let p = TestProject::example();
    p.write(
        "templates/index.html",
        "<p>{{ site.title }}: {{ briefings | length }}</p>\n",
    );
    p.write(
        "templates/article.html",
        "{% extends \"default/article.html\" %}{% block title %}A: {{ article.title }}{% endblock title %}",
    );
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    assert_eq!(
        p.read_site("index.html"),
        "<p>Arms transfers monitor: 1</p>\n"
    );
    let article = p.read_site(&format!("articles/{SEED}.html"));
    assert!(
        article.contains("<title>A: North Korea has shipped"),
        "{article}"
    );
    assert!(article.contains("<mark id=\"f1\" class=\"figure\""));
}

#[test]
fn a_new_template_adds_a_format() {
    let p = TestProject::example();
    p.write(
        "templates/chronology.ics",
        "BEGIN:VCALENDAR\n{% for g in chronology %}{% for e in g.entries %}BEGIN:VEVENT\nDTSTART;VALUE=DATE:{{ e.date_start | replace(from=\"-\", to=\"\") }}\nSUMMARY:{{ e.text | truncate(length=40) }}\nEND:VEVENT\n{% endfor %}{% endfor %}END:VCALENDAR\n",
    );
    p.write(
        "templates/briefing.md",
        "# {{ briefing.title }}\n\n{{ briefing.articles | length }} article(s)\n",
    );
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let ics = p.read_site("chronology.ics");
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20230701\n"),
        "{ics}"
    );
    assert_eq!(
        p.read_site("briefings/north-korea-russia-arms.md"),
        "# North Korean arms transfers to Russia\n\n1 article(s)\n"
    );
}

#[test]
fn a_projects_template_gets_the_timeline_or_the_histogram_of_the_chronology() {
    // On one page, the chronology has a timeline; paged, its months have a histogram (and a
    // timeline of every statement would be too large to make).
    let p = TestProject::example();
    let config = std::fs::read_to_string(p.root().join("report.yaml")).unwrap();
    p.write(
        "templates/timeline.txt",
        "{% if chronology_paged %}paged {% endif %}{% if chronology_timeline %}marks {{ chronology_timeline.marks | length }} {{ chronology_timeline.unit }}{% else %}none{% endif %} bars {{ chronology_histogram.bars | length }}",
    );
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    assert_eq!(p.read_site("timeline.txt"), "marks 8 month bars 5");
    p.write(
        "report.yaml",
        &format!("{config}\nchronology_on_one_page: 2\n"),
    );
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    assert_eq!(p.read_site("timeline.txt"), "paged none bars 5");
}

#[test]
fn whole_site_templates_get_their_own_root_and_page_path() {
    let p = TestProject::example();
    // Templates that read `page_path` and templates that do not, at two folder depths.
    p.write("templates/a.txt", "{{ page_path }}|{{ root }}");
    p.write("templates/feeds/b.txt", "{{ page_path }}|{{ root }}");
    p.write("templates/c.txt", "[{{ root }}]");
    p.write("templates/feeds/deep/d.txt", "[{{ root }}]");
    p.write("templates/_page.txt", "{{ page_path }}");
    p.write("templates/e.txt", "{% include \"_page.txt\" %}|{{ root }}");
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    assert_eq!(p.read_site("a.txt"), "a.txt|");
    assert_eq!(p.read_site("feeds/b.txt"), "feeds/b.txt|../");
    assert_eq!(p.read_site("c.txt"), "[]");
    assert_eq!(p.read_site("feeds/deep/d.txt"), "[../../]");
    assert_eq!(p.read_site("e.txt"), "e.txt|");
}

#[test]
fn a_malformed_article_is_reported_with_file_and_line_and_nothing_is_written() {
    let p = TestProject::example();
    assert!(p.build().written);
    let before = p.read_site("index.html");
    p.write(
        "content/articles/bad.md",
        "---\ntitle: Bad\nsource: X\npublised: 2024-01-01\n---\nText.\n",
    );
    p.write(
        "content/articles/worse.md",
        "---\ntitle: [unclosed\nsource: X\n---\nText.\n",
    );
    let outcome = p.build();
    assert!(!outcome.written);
    let lines: Vec<String> = outcome.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        lines,
        [
            "content/articles/bad.md:4:1: error: unknown key `publised`\n  help: did you mean `published`?",
            "content/articles/worse.md:3:7: error: invalid YAML: did not find expected ',' or ']'",
        ]
    );
    assert_eq!(
        p.read_site("index.html"),
        before,
        "the published site must stay as it was"
    );
}

#[test]
fn a_folder_with_only_content_builds_with_the_embedded_templates() {
    let p = TestProject::empty();
    p.write(
        "content/articles/a.md",
        "---\ntitle: Floods\nsource: Wire\npublished: 2024-05-02\ntags: [floods]\n---\nRains displaced about 3,000 people on Monday, officials said.\n",
    );
    p.write(
        "content/briefings/floods.md",
        "---\ntitle: Floods\ntags: [floods]\n---\nNotes.\n",
    );
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let html = p.read_site("briefings/floods.html");
    assert!(
        html.contains("<span class=\"number\">3,000</span> people"),
        "{html}"
    );
    assert!(
        html.contains("<time datetime=\"2024-04-29\">29 April 2024</time>"),
        "{html}"
    );
}

#[test]
fn front_matter_strings_are_escaped_in_html() {
    let p = TestProject::empty();
    p.write(
        "content/articles/x.md",
        "---\ntitle: \"<script>alert(1)</script>\"\nsource: \"<b>Wire</b>\"\npublished: 2024-05-02\n---\n<img src=x onerror=alert(1)>Body <script>bad()</script>\n",
    );
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let html = p.read_site("articles/x.html");
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("onerror"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
}

#[derive(Debug, Default)]
struct Counter {
    phases: std::sync::Mutex<Vec<(&'static str, usize)>>,
    steps: std::sync::atomic::AtomicUsize,
    finished: std::sync::atomic::AtomicBool,
}

impl report::Progress for Counter {
    fn start(&self, phase: &'static str, total: usize) {
        self.phases.lock().unwrap().push((phase, total));
    }
    fn step(&self) {
        self.steps.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }
    fn finish(&self) {
        self.finished
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

#[test]
fn a_build_reports_its_progress() {
    let p = TestProject::example();
    let counter = std::sync::Arc::new(Counter::default());
    let outcome = report::build(&report::BuildOptions {
        root: p.root().to_path_buf(),
        out: None,
        build_date: None,
        cache: false,
        progress: Some(counter.clone()),
        force: false,
    })
    .unwrap();
    assert!(outcome.written);
    assert_eq!(
        *counter.phases.lock().unwrap(),
        [("extracting", 1), ("writing", 0)]
    );
    // One step per article extracted and one per file written.
    assert_eq!(
        counter.steps.load(std::sync::atomic::Ordering::SeqCst),
        1 + outcome.files
    );
    assert!(counter.finished.load(std::sync::atomic::Ordering::SeqCst));
}

#[test]
fn chronology_groups_are_whole_when_coarser_dates_start_inside_a_month() {
    let p = TestProject::example();
    p.write(
        "content/articles/q3.md",
        "---\ntitle: Quarterly\nsource: Wire\npublished: 2024-09-30\n---\nThe port reopened on 1 July 2024, officials said.\n\nShipments rose in the third quarter of 2024, the ministry said.\n\nA second port reopened on 5 July 2024, officials said.\n\nThe plan was agreed in 2024, the minister said.\n\nTalks began on 2 January 2024, diplomats said.\n",
    );
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let html = p.read_site("chronology.html");
    let keys: Vec<String> = attr_values(&html, "id")
        .into_iter()
        .filter(|id| id.starts_with("m-"))
        .collect();
    let mut unique = keys.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(keys.len(), unique.len(), "{keys:?}");
    let at = |k: &str| {
        keys.iter()
            .position(|x| x == k)
            .unwrap_or_else(|| panic!("{k}: {keys:?}"))
    };
    assert!(at("m-2024-01") < at("m-2024") && at("m-2024") < at("m-2024-07"));
    assert!(at("m-2024-07") < at("m-2024-Q3"));
}

#[test]
fn money_is_shown_as_people_write_it() {
    let p = TestProject::empty();
    p.write(
        "content/articles/aid.md",
        "---\ntitle: Aid\nsource: Wire\npublished: 2024-05-03\ntags: [aid]\n---\nThe ministry said on Thursday that the package was worth $2.7 billion. Japan pledged 1.2 trillion yen and China 8.2 billion yuan, and $45.50 per family.\n",
    );
    p.write(
        "content/briefings/aid.md",
        "---\ntitle: Aid\ntags: [aid]\n---\nText.\n",
    );
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    let html = p.read_site("briefings/aid.html");
    let numbers: Vec<&str> = html
        .split("<span class=\"number\">")
        .skip(1)
        .map(|r| r.split("</td>").next().unwrap())
        .collect();
    for shown in [
        "$2.7 billion</span>",
        "¥1.2 trillion</span>",
        "8.2 billion yuan</span>",
        "$45.50</span>",
    ] {
        assert!(numbers.contains(&shown), "{shown} in {numbers:?}");
    }
    let article = p.read_site("articles/aid.html");
    assert!(
        article.contains("<td data-label=\"Value\">$2.7 billion</td>"),
        "{article}"
    );
}

#[test]
fn a_hand_claim_with_an_unknown_word_is_an_error_at_its_line() {
    let p = TestProject::example();
    p.write(
        "content/articles/hand.md",
        "---\ntitle: Hand\nsource: Wire\npublished: 2024-05-02\nclaims:\n  - value: 3\n    kind: change\n    direction: sideways\n  - value: 2\n    status: hoped\n---\nText.\n",
    );
    let diags = p.diagnostics();
    let find = |what: &str| {
        diags
            .iter()
            .find(|d| d.contains(what))
            .unwrap_or_else(|| panic!("no `{what}` in {diags:?}"))
            .clone()
    };
    let direction = find("unknown direction `sideways`");
    assert!(direction.contains("hand.md:8"), "{direction}");
    assert!(
        direction.starts_with("error") || direction.contains("error"),
        "{direction}"
    );
    let status = find("unknown status `hoped`");
    assert!(status.contains("hand.md:10"), "{status}");
}
