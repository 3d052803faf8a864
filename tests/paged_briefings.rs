//! Bounded briefing pages (issue 16, item 1): a briefing opens on an overview of its series, each
//! linked to a series page whose rows are paged `rows_per_page` at a time; a briefing with more
//! series than that continues its overview on further pages. No page grows with the articles.

mod common;

use common::{TestProject, attr_values, between, many_articles};

const EXAMPLE: &str = "briefings/north-korea-russia-arms.html";

/// The series of an overview: (link relative to the site root, row count), in order.
fn overview(html: &str, root: &str) -> Vec<(String, usize)> {
    let table = between(html, "<table class=\"overview\">", "</table>");
    table
        .split("<tr>")
        .skip(2)
        .map(|row| {
            let href = attr_values(row, "href")[0].clone();
            let count = between(row, "<td class=\"count\"", "</a>");
            let count = count.rsplit('>').next().unwrap().replace(',', "");
            (
                href.strip_prefix(root).unwrap().to_string(),
                count.parse().unwrap(),
            )
        })
        .collect()
}

/// The ids of a page's figure rows.
fn row_ids(html: &str) -> Vec<String> {
    html.split("<tr id=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect()
}

#[test]
fn a_long_series_is_paged_and_every_page_stays_small() {
    let p = TestProject::empty();
    many_articles(&p, 300);
    p.write("report.yaml", "title: T\nrows_per_page: 40\n");
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let briefing = p.read_site("briefings/b.html");
    let series = overview(&briefing, "../");
    let (href, rows) = series.iter().max_by_key(|(_, n)| *n).unwrap().clone();
    assert!(rows > 200, "a long series: {series:?}");
    // The whole table is twice what a page may hold; the briefing shows none of it.
    let csv = p.read_site("briefings/b.figures.csv");
    assert!(csv.len() > 100_000, "{}", csv.len());
    assert!(briefing.len() < 50_000, "{}", briefing.len());
    assert!(!briefing.contains("<table class=\"figures\">"));
    assert!(
        briefing.contains("The latest 40 of "),
        "latest entries only"
    );
    // One page per 40 rows, and no more.
    let pages = rows.div_ceil(40);
    let stem = href.strip_suffix(".html").unwrap();
    let path = |n: usize| match n {
        1 => href.clone(),
        n => format!("{stem}/{n}.html"),
    };
    assert!(!p.site().join(path(pages + 1)).exists());
    let mut numbers = Vec::new();
    for n in 1..=pages {
        let html = p.read_site(&path(n));
        assert!(html.len() < 50_000, "page {n}: {} bytes", html.len());
        let ids = row_ids(&html);
        assert_eq!(
            ids.len(),
            if n < pages {
                40
            } else {
                rows - 40 * (pages - 1)
            }
        );
        numbers.extend(
            ids.iter()
                .map(|id| id.rsplit('-').next().unwrap().parse::<usize>().unwrap()),
        );
        // Every chart point links to a row of this page.
        for point in html.split("<a class=\"point").skip(1) {
            let target = attr_values(point, "href")[0].clone();
            assert!(
                ids.iter().any(|id| format!("#{id}") == target),
                "{target} on page {n}"
            );
        }
        // Links to the pages before and after, and which page this is.
        let nav = between(&html, "<nav class=\"pager\"", "</nav>");
        assert_eq!(nav.contains("rel=\"prev\""), n > 1);
        assert_eq!(nav.contains("rel=\"next\""), n < pages);
        assert!(nav.contains(&format!(
            "aria-current=\"page\"><span class=\"visually-hidden\">Page </span>{n}</a>"
        )));
        let depth = path(n).matches('/').count();
        for link in attr_values(nav, "href") {
            let rel = link.strip_prefix(&"../".repeat(depth)).unwrap();
            assert!(p.site().join(rel).exists(), "{rel} from page {n}");
        }
    }
    // The rows are numbered through the whole series, each once.
    assert_eq!(numbers, (1..=rows).collect::<Vec<_>>());
}

#[test]
fn a_small_briefing_shows_its_overview_and_every_series_in_full() {
    let p = TestProject::example();
    p.build();
    let html = p.read_site(EXAMPLE);
    let series = overview(&html, "../");
    assert_eq!(
        series,
        [
            (
                "briefings/north-korea-russia-arms/series/containers-russia.html".to_string(),
                2
            ),
            (
                "briefings/north-korea-russia-arms/series/artillery-rounds-russia.html".to_string(),
                1
            ),
            (
                "briefings/north-korea-russia-arms/series/containers-change-russia.html"
                    .to_string(),
                1
            ),
        ]
    );
    // The latest value of each, and a small chart for the one with a chart.
    let containers = between(&html, "series/containers-russia.html\">", "</tr>");
    assert!(containers.contains("<span class=\"qualifier\">approximately</span> <span class=\"number\">7,000</span> containers"));
    assert!(containers.contains("<time datetime=\"2024-03-18\">18 March 2024</time>"));
    assert!(containers.contains("<svg class=\"sparkline\""));
    // And the whole tables below, as before.
    assert!(html.contains("<table class=\"figures\">"));
    assert!(html.contains("id=\"fig-containers-russia-2\""));
    assert!(!html.contains("<nav class=\"pager\""), "one page");
    // Each series page holds that series alone, linked back to the briefing.
    let page = p.read_site("briefings/north-korea-russia-arms/series/containers-russia.html");
    assert!(page.contains("<a href=\"../../../briefings/north-korea-russia-arms.html\">"));
    assert_eq!(
        row_ids(&page),
        ["fig-containers-russia-1", "fig-containers-russia-2"]
    );
    assert!(page.contains("<h1>Containers (Russia)</h1>"));
}

#[test]
fn a_briefing_with_more_series_than_a_page_holds_continues_its_overview() {
    let p = TestProject::example();
    p.write(
        "report.yaml",
        "title: Arms transfers monitor\nrows_per_page: 1\n",
    );
    p.build();
    let first = p.read_site(EXAMPLE);
    assert_eq!(overview(&first, "../").len(), 1);
    // Three series, one a page: two more overview pages, which hold the overview alone.
    for n in [2, 3] {
        let html = p.read_site(&format!("briefings/north-korea-russia-arms/{n}.html"));
        assert_eq!(overview(&html, "../../").len(), 1);
        assert!(!html.contains("class=\"analysis\""));
        assert!(html.contains(&format!("Series {n}–{n} of 3")));
    }
    assert!(
        !p.site()
            .join("briefings/north-korea-russia-arms/4.html")
            .exists()
    );
    // Two figures of containers, one a page.
    let second = p.read_site("briefings/north-korea-russia-arms/series/containers-russia/2.html");
    assert_eq!(row_ids(&second), ["fig-containers-russia-2"]);
    assert!(second.contains("Figures 2–2 of 2, page 2 of 2"));
}

#[test]
fn editing_the_series_templates_changes_the_series_pages() {
    let p = TestProject::example();
    p.write(
        "report.yaml",
        "title: Arms transfers monitor\nrows_per_page: 1\n",
    );
    p.write(
        "templates/series.html",
        "{% extends \"default/series.html\" %}{% block main %}EDITED {{ series.label }} {{ pager.number }}/{{ pager.count }}{% set pager_label = \"P\" %}{% include \"partials/pager.html\" %}{% endblock main %}",
    );
    p.write(
        "templates/partials/pager.html",
        "<p>PAGER {{ pager.number }} of {{ pager.count }}</p>",
    );
    p.write(
        "templates/partials/series_overview.html",
        "{% for s in briefing.series %}<p>OVERVIEW {{ s.id }} {{ s.row_count }}</p>{% endfor %}",
    );
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let page = p.read_site("briefings/north-korea-russia-arms/series/containers-russia/2.html");
    assert!(page.contains("EDITED Containers (Russia) 2/2"), "{page}");
    assert!(page.contains("<p>PAGER 2 of 2</p>"), "{page}");
    let briefing = p.read_site(EXAMPLE);
    assert!(
        briefing.contains("<p>OVERVIEW containers-russia 2</p>"),
        "{briefing}"
    );
    assert!(briefing.contains("<p>PAGER 1 of 3</p>"), "{briefing}");
}
