//! The pictures on pages: a chart for every figure series on a briefing, a timeline above the
//! chronology; and pages that read well on real content (issue 18): words rather than codes,
//! singular and plural, tables and charts that fit a phone, print that keeps headings with their
//! content.

mod common;

use common::{TestProject, attr_values, between};

const BRIEFING: &str = "briefings/north-korea-russia-arms.html";

#[test]
fn a_figure_series_is_charted_with_each_point_linked_to_its_row() {
    let p = TestProject::example();
    p.build();
    let html = p.read_site(BRIEFING);
    // Containers are counted at two dates (October 2023, 18 March 2024): a chart.
    let group = between(&html, "id=\"fig-containers-russia\"", "</table>");
    let svg = between(group, "<svg", "</svg>");
    assert!(svg.contains("<title id=\"chart-containers-russia-title\">"));
    assert!(svg.contains("<desc id=\"chart-containers-russia-desc\">"));
    assert!(!html.contains("<script"), "no JavaScript");
    // Two levels with as-of dates (the quote restating "around 7,000" is the same claim, one
    // row, one point); the change (+300) is a series of its own.
    let points: Vec<&str> = svg.split("<a class=\"point").skip(1).collect();
    assert_eq!(points.len(), 2);
    assert!(
        points[0].starts_with(" lower_bound"),
        "more than 1,000: open-ended"
    );
    assert!(points[0].contains("class=\"open-end\""));
    assert!(
        points[0].contains("class=\"period\""),
        "October 2023 is a span"
    );
    assert!(points[1].starts_with(" approximate"));
    assert!(points[1].contains("<rect class=\"band\""));
    // Every point links to a row of the table that exists.
    let row_ids = attr_values(group, "id");
    for point in &points {
        let href = attr_values(point, "href")[0].clone();
        let id = href.strip_prefix('#').unwrap();
        assert!(row_ids.iter().any(|i| i == id), "no row #{id}");
    }
    assert!(points[0].contains("href=\"#fig-containers-russia-1\""));
    assert!(points[0].contains("more than 1,000 containers, October 2023"));
    // Artillery rounds have one figure: a table, no chart.
    let rounds = between(&html, "id=\"fig-artillery-rounds-russia\"", "</table>");
    assert!(!rounds.contains("<svg"));
}

#[test]
fn chart_coordinates_stay_in_the_frame() {
    let p = TestProject::example();
    p.build();
    let html = p.read_site(BRIEFING);
    let svg = between(&html, "<svg viewBox=\"0 0 640 240\"", "</svg>");
    // With the leading space, so `y` does not match `aria-labelledby`.
    for attr in [" cx", " x1", " x2", " x"] {
        for v in attr_values(svg, attr) {
            let v: f64 = v.parse().unwrap_or_else(|_| panic!("{attr}={v}"));
            assert!((0.0..=640.0).contains(&v), "{attr}={v}");
        }
    }
    for attr in [" cy", " y1", " y2", " y"] {
        for v in attr_values(svg, attr) {
            let v: f64 = v.parse().unwrap();
            assert!((0.0..=240.0).contains(&v), "{attr}={v}");
        }
    }
    // Later dates are further right: the October 2023 point is left of the March 2024 one.
    let cx: Vec<f64> = attr_values(svg, "cx")
        .iter()
        .map(|v| v.parse().unwrap())
        .collect();
    assert!(cx.len() == 2 && cx[0] < cx[1], "{cx:?}");
}

#[test]
fn the_chronology_page_has_a_timeline_with_spans_for_months() {
    let p = TestProject::example();
    p.build();
    let html = p.read_site("chronology.html");
    let timeline = between(&html, "<figure class=\"timeline\"", "</figure>");
    let list_start = html.find("<section class=\"chrono-group\"").unwrap();
    assert!(
        html.find("<figure class=\"timeline\"").unwrap() < list_start,
        "above the list"
    );
    let marks: Vec<&str> = timeline.split("<a href=").skip(1).collect();
    assert_eq!(marks.len(), 8);
    let ids = attr_values(&html, "id");
    for mark in &marks {
        let id = mark.trim_start_matches("\"#").split('"').next().unwrap();
        assert!(ids.iter().any(|i| i == id), "no entry #{id}");
        // The whole statement, its date and its source on hover, the first two as its name.
        assert!(mark.contains(" — AFP</title>"), "{mark}");
        assert!(mark.contains("aria-label=\""), "{mark}");
    }
    let july = marks
        .iter()
        .find(|b| b.contains("July 2023: North"))
        .unwrap();
    assert!(july.contains("class=\"span\""));
    let day = marks.iter().find(|b| b.contains("18 March 2024:")).unwrap();
    assert!(day.contains("class=\"day\""));
    let width = |b: &str| -> f64 { attr_values(b, "width")[0].parse().unwrap() };
    assert!(
        width(july) > 5.0 * width(day),
        "a month is a span, a day a mark"
    );
    // Every mark of this short chronology shows the event shortened, cut after a word.
    for mark in &marks {
        let label = between(mark, "\">", "</text>");
        let label = label.rsplit('>').next().unwrap();
        assert!(!label.is_empty() && label.chars().count() <= 28, "{label}");
    }
    assert!(july.contains(">North Korea has shipped…</text>"), "{july}");
    // Ticks: every month from July 2023 to March 2024, at the first of each.
    let ticks = between(timeline, "<g class=\"ticks\"", "</g>");
    let labels: Vec<&str> = ticks
        .split("<text ")
        .skip(1)
        .map(|t| between(t, ">", "</text>"))
        .collect();
    assert_eq!(
        labels,
        [
            "Jul 2023", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan 2024", "Feb", "Mar"
        ]
    );
    assert!(timeline.contains("8 dated statements, one month between ticks."));
}

#[test]
fn a_briefing_page_has_a_timeline_of_its_dated_statements() {
    let p = TestProject::example();
    p.build();
    let html = p.read_site(BRIEFING);
    let section = between(&html, "<h2 id=\"chronology\">", "<h2 id=\"sources\">");
    let timeline = between(section, "<figure class=\"timeline\"", "</figure>");
    let marks: Vec<&str> = timeline.split("<a href=\"#").skip(1).collect();
    assert_eq!(marks.len(), section.matches("<blockquote>").count());
    assert!(!marks.is_empty());
    // Each links to its entry on the briefing page itself.
    let ids = attr_values(&html, "id");
    for mark in &marks {
        let id = mark.split('"').next().unwrap();
        assert!(ids.iter().any(|i| i == id), "no entry #{id}");
        assert!(mark.contains("</text>"), "a label: {mark}");
    }
    // Its ids do not clash with the chronology's own.
    assert_eq!(ids.iter().filter(|i| *i == "timeline-title").count(), 1);
    assert!(
        section.contains("8 dated statements in the covered articles"),
        "{section}"
    );
}

#[test]
fn the_default_style_prints_has_a_dark_mode_and_reflows() {
    let p = TestProject::example();
    p.build();
    let css = p.read_site("style.css");
    let print = between(&css, "@media print {", "\n}");
    assert!(print.contains("nav, .skip { display: none; }"));
    assert!(
        print.contains("a[href^=\"http\"]::after"),
        "source URLs printed"
    );
    assert!(print.contains("break-inside: avoid"));
    assert!(css.contains("@media (prefers-color-scheme: dark)"));
    assert!(css.contains(".table-wrap { overflow-x: auto; }"));
    let html = p.read_site(BRIEFING);
    assert!(
        html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    );
}

#[test]
fn the_search_index_lists_every_article_and_briefing_with_a_working_link() {
    let p = TestProject::example();
    p.build();
    let manifest: serde_json::Value =
        serde_json::from_str(&p.read_site("search/index.json")).unwrap();
    // 1 briefing and 1 article.
    assert_eq!(manifest["docs"], 2);
    let docs: Vec<serde_json::Value> =
        serde_json::from_str(&p.read_site("search/docs/0.json")).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["k"], "briefing");
    assert_eq!(docs[1]["k"], "article");
    for d in &docs {
        let url = d["u"].as_str().unwrap();
        assert!(p.site().join(url).is_file(), "{url}");
    }
    let page = p.read_site("search.html");
    assert!(page.contains("<form class=\"search\" role=\"search\""));
    assert!(page.contains("<label for=\"q\">"));
    assert!(
        page.contains("role=\"status\""),
        "a live region for the count"
    );
    assert!(
        page.contains("<noscript>"),
        "says what to do without JavaScript"
    );
    assert!(page.contains("data-index=\"search/index.json\""));
    assert!(page.contains("<script src=\"search.js\"></script>"));
    assert!(
        p.read_site("search.js")
            .contains("location.protocol === \"file:\"")
    );
}

#[test]
fn a_long_chronology_lists_its_periods_each_on_its_own_page() {
    let p = TestProject::example();
    // The example has 8 dated statements in 5 months: more than 3 pages it.
    p.write(
        "report.yaml",
        "title: Monitor\nbase_url: https://example.org/b/\nchronology_on_one_page: 3\n",
    );
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let html = p.read_site("chronology.html");
    assert!(!html.contains("<blockquote>"), "no entries on the overview");
    let index: Vec<&str> = html
        .split("<ul class=\"periods\">")
        .skip(1)
        .map(|l| l.split("</ul>").next().unwrap())
        .collect();
    assert_eq!(index.len(), 2, "a list per year");
    let links: Vec<String> = index.iter().flat_map(|l| attr_values(l, "href")).collect();
    assert_eq!(links.len(), 5, "{links:?}");
    assert!(
        html.contains("<h2 id=\"y-2023\">2023</h2>")
            && html.contains("<h2 id=\"y-2024\">2024</h2>")
    );
    // A histogram of the months, each bar linking to its month.
    let histogram = between(&html, "<figure class=\"histogram\"", "</figure>");
    let bars = attr_values(histogram, "href");
    assert_eq!(bars, links, "a bar for each month with statements");
    assert_eq!(histogram.matches("<rect ").count(), 5);
    assert!(
        histogram.contains("aria-label=\"July 2023: 1 statement\""),
        "{histogram}"
    );
    assert!(links.contains(&"chronology/2023-07.html".to_string()));
    assert!(html.contains("8 dated statements"), "the total");
    let mut entries = 0;
    for (i, link) in links.iter().enumerate() {
        let page = p.read_site(link);
        entries += page.matches("<blockquote>").count();
        // Every page links back to the overview and to its neighbours, oldest first.
        let nav = between(&page, "<nav class=\"pager\"", "</nav>");
        let hrefs = attr_values(nav, "href");
        assert!(
            hrefs.contains(&"../chronology.html".to_string()),
            "{hrefs:?}"
        );
        if i > 0 {
            assert!(hrefs.contains(&format!("../{}", links[i - 1])), "{hrefs:?}");
        }
        if i + 1 < links.len() {
            assert!(hrefs.contains(&format!("../{}", links[i + 1])), "{hrefs:?}");
        }
        // Sources link back to the article pages.
        assert!(page.contains("href=\"../articles/"), "{link}");
    }
    assert_eq!(entries, 8, "every entry is on one period page");
    let sitemap = p.read_site("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/b/chronology/2023-07.html</loc>"));

    // Short chronologies stay on one page, without period pages.
    p.write("report.yaml", "title: Monitor\n");
    p.build();
    assert_eq!(
        p.read_site("chronology.html")
            .matches("<blockquote>")
            .count(),
        8
    );
    assert!(!p.site().join("chronology").exists());
}

#[test]
fn whole_site_pages_are_the_same_whatever_the_context_leaves_out() {
    // With only default templates, whole-site pages get a context without claims (they read
    // none); a project template anywhere gives them the whole context. Same pages either way.
    for config in [
        "title: M\n",
        "title: M\nbase_url: https://e.org/\nchronology_on_one_page: 3\n",
    ] {
        let p = TestProject::example();
        p.write("report.yaml", config);
        p.build();
        let mut pages = vec!["index.html", "chronology.html", "search.html", "feed.xml"];
        // A sitemap only with base_url.
        if config.contains("base_url") {
            pages.push("sitemap.xml");
        }
        let light: Vec<String> = pages.iter().map(|f| p.read_site(f)).collect();
        p.write(
            "templates/partials/extra.html",
            "{{ articles.0.figures.0.text }}",
        );
        let outcome = p.build();
        assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
        for (page, light) in pages.iter().zip(light) {
            assert_eq!(p.read_site(page), light, "{page}");
        }
    }
}

/// A project of one article with one figure and one dated statement, in one briefing, with its
/// chronology paged.
fn one_of_each() -> TestProject {
    let p = TestProject::bare();
    p.write("report.yaml", "title: One\nchronology_on_one_page: 0\n");
    p.write(
        "content/articles/quake.md",
        "---\ntitle: Quake\nsource: Wire\npublished: 2024-03-05\ntags: [q]\n---\n\
         Officials said on Monday that about 3,000 people had left.\n",
    );
    p.write(
        "content/briefings/quakes.md",
        "---\ntitle: Quakes\nsummary: Shaking.\ntags: [q]\n---\nText.\n",
    );
    p
}

#[test]
fn issue_18_counts_of_one_are_singular_on_every_page() {
    let p = one_of_each();
    let (code, _, err) = common::report(&["build"], p.root());
    assert_eq!(code, 0, "{err}");
    assert!(err.starts_with("1 article, 1 briefing, "), "{err}");
    let index = p.read_site("index.html");
    assert!(
        index.contains("1 article · 1 figure in 1 series · 1 dated event</p>"),
        "{index}"
    );
    assert!(index.contains(" · 1 figure, 1 event</span>"), "{index}");
    let chronology = p.read_site("chronology.html");
    assert!(
        chronology.contains("1 dated statement in the articles"),
        "{chronology}"
    );
    assert!(chronology.contains("1 statement</span>"), "{chronology}");
    let period = p.read_site("chronology/2024-03.html");
    assert!(
        period.contains("1 dated statement dated to March 2024"),
        "{period}"
    );
    for page in [&index, &chronology, &period] {
        for wrong in [
            "1 articles",
            "1 figures",
            "1 serie ·",
            "1 events",
            "1 dated events",
            "1 statements",
            "1 dated statements",
        ] {
            assert!(!page.contains(wrong), "{wrong}");
        }
    }
    // Two of each: plural.
    p.write(
        "content/articles/quake2.md",
        "---\ntitle: Quake 2\nsource: Wire\npublished: 2024-03-06\ntags: [q]\n---\n\
         Officials said on Tuesday that about 4,000 people had left, and on Monday 300 returned.\n",
    );
    let (_, _, err) = common::report(&["build"], p.root());
    assert!(err.starts_with("2 articles, 1 briefing, "), "{err}");
    let index = p.read_site("index.html");
    assert!(index.contains("<p class=\"meta\">2 articles · "), "{index}");
    assert!(
        p.read_site("chronology.html")
            .contains(" dated statements in the articles")
    );
}

#[test]
fn counts_on_the_chronology_and_briefing_pages_agree_with_their_number() {
    // The chronology on one page, and the briefing's: their totals, each period's count and the
    // timeline's name say "1 statement" for one and "statements" for more.
    let p = one_of_each();
    p.write("report.yaml", "title: One\n");
    let (code, _, err) = common::report(&["build"], p.root());
    assert_eq!(code, 0, "{err}");
    let chronology = p.read_site("chronology.html");
    let briefing = p.read_site("briefings/quakes.html");
    assert!(
        chronology.contains("<p class=\"lead\">1 dated statement in the articles, oldest first."),
        "{chronology}"
    );
    assert!(
        chronology.contains(" <span class=\"count\">1 statement</span></h2>"),
        "{chronology}"
    );
    assert!(
        chronology.contains("Timeline of 1 dated statement, from "),
        "{chronology}"
    );
    assert!(
        chronology.contains(">1 dated statement, one month between ticks."),
        "{chronology}"
    );
    assert!(
        briefing.contains("<p>1 dated statement in the covered articles, oldest first.</p>"),
        "{briefing}"
    );
    assert!(
        briefing.contains(" <span class=\"count\">1 statement</span></h3>"),
        "{briefing}"
    );
    for page in [&chronology, &briefing] {
        for wrong in ["1 statements", "1 dated statements"] {
            assert!(!page.contains(wrong), "{wrong}");
        }
    }
    p.write(
        "content/articles/quake2.md",
        "---\ntitle: Quake 2\nsource: Wire\npublished: 2024-03-06\ntags: [q]\n---\n\
         Officials said on Tuesday that about 4,000 people had left.\n",
    );
    let (code, _, err) = common::report(&["build"], p.root());
    assert_eq!(code, 0, "{err}");
    let chronology = p.read_site("chronology.html");
    let briefing = p.read_site("briefings/quakes.html");
    assert!(
        chronology.contains(">2 dated statements in the articles, oldest first."),
        "{chronology}"
    );
    assert!(
        chronology.contains(">2 statements</span></h2>"),
        "{chronology}"
    );
    assert!(
        chronology.contains("Timeline of 2 dated statements, from "),
        "{chronology}"
    );
    assert!(
        briefing.contains("<p>2 dated statements in the covered articles"),
        "{briefing}"
    );
}

#[test]
fn issue_18_the_dates_table_says_what_a_date_is_in_words() {
    let p = TestProject::bare();
    p.write(
        "content/articles/plant.md",
        "---\ntitle: Plant\nsource: Wire\npublished: 2024-03-05\n---\n\
         The plant has run for two years, inspectors visit every week, and output is falling now, \
         the company said on Monday.\n",
    );
    p.build();
    let html = p.read_site("articles/plant.html");
    let dates = between(&html, "<h2 id=\"claims-dates\">Dates</h2>", "</section>");
    for words in [
        ">a duration</td><td data-label=\"Value\">2 years</td>",
        ">a recurring time</td><td data-label=\"Value\">every week</td>",
        ">a date</td><td data-label=\"Value\">now</td>",
        ">a date</td><td data-label=\"Value\">4 March 2024</td>",
    ] {
        assert!(dates.contains(words), "{words} in {dates}");
    }
    // No TIMEX3 code on the page's tables; the data keeps them (claims.json).
    for code in [
        "PRESENT_REF",
        "DATE",
        "DURATION",
        "SET",
        "P2Y",
        "P1W",
        "<code>",
    ] {
        assert!(!dates.contains(code), "{code} in {dates}");
    }
    let claims = p.months("claims").concat();
    assert!(claims.contains("\"PRESENT_REF\"") && claims.contains("\"P2Y\""));
}

#[test]
fn issue_18_dates_never_wrap_inside_themselves() {
    let p = TestProject::example();
    p.build();
    let css = p.read_site("style.css");
    assert!(css.contains("time { white-space: nowrap; }"));
    // Only a long period in the fixed-width As of column wraps, at its spaces.
    assert!(css.contains("table.figures td[data-label=\"As of\"] time { white-space: normal; }"));
    // The Source column's date is a `time` element: "AFP, 2024-03-" / "20" cannot happen.
    let html = p.read_site(BRIEFING);
    let table = between(&html, "<table class=\"figures\">", "</table>");
    assert!(
        table.contains(", <time datetime=\"2024-03-20\">2024-03-20</time></a>"),
        "{table}"
    );
    for source in table.split("data-label=\"Source\">").skip(1) {
        let source = &source[..source.find("</td>").unwrap()];
        assert!(source.contains("<time datetime="), "{source}");
    }
}

#[test]
fn issue_18_a_briefings_figure_tables_share_their_columns_and_widths() {
    let p = TestProject::example();
    p.build();
    let html = p.read_site(BRIEFING);
    let heads: Vec<&str> = html
        .split("<table class=\"figures\">")
        .skip(1)
        .map(|t| between(t, "<thead>", "</thead>"))
        .collect();
    assert!(heads.len() >= 3, "{}", heads.len());
    assert!(heads.iter().all(|h| *h == heads[0]), "{heads:?}");
    let columns = heads[0].matches("<th scope=\"col\">").count();
    assert_eq!(columns, 5);
    // Widths come from the style, not from the rows: fixed layout, every column but the quote
    // given a width, on screen and on paper.
    let css = p.read_site("style.css");
    let print = between(&css, "@media print {", "\n}");
    assert!(css.contains("table.figures { table-layout: fixed; }"));
    for n in 1..columns {
        let rule = format!("table.figures th:nth-child({n}) {{ width: ");
        let screen = css.find(&rule).unwrap_or_else(|| panic!("{rule}"));
        assert!(css[screen + rule.len()..].starts_with(|c: char| c.is_ascii_digit()));
        assert!(
            css[screen + rule.len()..]
                .split(';')
                .next()
                .unwrap()
                .ends_with("rem")
        );
        assert!(print.contains(&rule), "print: {rule}");
    }
}

/// The size in px that `font_size` viewBox units take in a chart `width` px wide.
fn on_screen(font_size: f64, chart_width: f64, view_box: f64) -> f64 {
    font_size * chart_width / view_box
}

#[test]
fn issue_18_chart_labels_are_at_least_12_px_on_a_360_px_phone() {
    let p = TestProject::example();
    p.build();
    let css = p.read_site("style.css");
    let size = |rule: &str| -> f64 {
        let at = css.find(rule).unwrap_or_else(|| panic!("{rule}"));
        let rest = &css[at..];
        let value = between(rest, "font-size: ", "px;");
        value.parse().unwrap()
    };
    let desktop = size("figure.chart svg { display: block;");
    let phone_rules = between(&css, "@media (max-width: 40rem) {", "}\n}");
    let phone: f64 = between(phone_rules, "figure.chart svg { font-size: ", "px;")
        .parse()
        .unwrap();
    let html = p.read_site(BRIEFING);
    let view_box: f64 = between(&html, "<svg viewBox=\"0 0 ", " ").parse().unwrap();
    // On a 360 px phone the chart is the page less its 1rem margins: 328 px. From 40rem up it is
    // at least 640 - 32 px.
    assert!(on_screen(phone, 328.0, view_box) >= 12.0, "{phone}");
    assert!(
        on_screen(desktop, 640.0 - 32.0, view_box) >= 12.0,
        "{desktop}"
    );
    // The value labels fit left of the plot at the phone size (about 0.6 em a character).
    let svg = between(&html, "<svg viewBox=", "</svg>");
    let y_axis = between(svg, "<g class=\"axis y-axis\"", "</g>");
    let left: f64 = attr_values(y_axis, " x1")[0].parse().unwrap();
    for label in y_axis.split("text-anchor=\"end\">").skip(1) {
        let label = &label[..label.find('<').unwrap()];
        assert!(
            label.chars().count() as f64 * 0.6 * phone <= left - 8.0,
            "{label} at {phone} units left of {left}"
        );
    }
}

#[test]
fn issue_18_figure_tables_fit_a_360_px_phone_on_every_page_type() {
    let p = TestProject::example();
    p.build();
    let css = p.read_site("style.css");
    let phone = between(&css, "@media screen and (max-width: 50rem) {", "\n}");
    assert!(phone.contains(
        ":is(table.figures, table.claims), :is(table.figures, table.claims) :is(tbody, tr, td) { display: block;"
    ));
    assert!(phone.contains("td::before { content: attr(data-label);"));
    assert!(
        phone.contains("table.overview, table.overview :is(tbody, tr, th, td) { display: block;")
    );
    let mut tables = 0;
    for page in [
        BRIEFING,
        "articles/000_d3ab9671ae447b92.html",
        "index.html",
        "chronology.html",
        "search.html",
    ] {
        let html = p.read_site(page);
        for table in html.split("<table").skip(1) {
            tables += 1;
            let table = &table[..table.find("</table>").unwrap()];
            assert!(
                table.starts_with(" class=\"figures\">")
                    || table.starts_with(" class=\"claims\">")
                    || table.starts_with(" class=\"overview\">"),
                "{page}: {}",
                &table[..40]
            );
            // Every cell says its column once the header row is out of sight.
            assert_eq!(
                table.matches("<td").count(),
                table
                    .split("<td")
                    .skip(1)
                    .filter(|cell| cell[..cell.find('>').unwrap()].contains(" data-label=\""))
                    .count(),
                "{page}"
            );
        }
    }
    assert!(tables >= 5, "{tables}");
}

#[test]
fn issue_18_print_keeps_headings_with_their_content_and_shows_the_footer() {
    let p = TestProject::example();
    p.write(
        "report.yaml",
        "title: Monitor\nbase_url: https://example.org/b/\n",
    );
    p.build();
    let css = p.read_site("style.css");
    let print = between(&css, "@media print {", "\n}");
    assert!(print.contains("h1, h2, h3, h4 { break-after: avoid; break-inside: avoid; }"));
    assert!(print.contains(":is(h1, h2, h3, h4) + * { break-before: avoid; }"));
    assert!(!print.contains(".site-footer { display: none"), "{print}");
    assert!(!print.contains(".site-footer {\n"));
    // The footer says where the page comes from and when it was built, on every page type.
    for page in [BRIEFING, "index.html", "chronology.html"] {
        let html = p.read_site(page);
        let footer = between(&html, "<footer class=\"site-footer\">", "</footer>");
        assert!(
            footer.contains(
                "<a href=\"https://example.org/b/\">Monitor</a>. Built 2024-03-20 with report "
            ),
            "{page}: {footer}"
        );
    }
    // Without base_url, the site's title alone.
    p.write("report.yaml", "title: Monitor\n");
    p.build();
    let html = p.read_site(BRIEFING);
    let footer = between(&html, "<footer class=\"site-footer\">", "</footer>");
    assert!(
        footer.contains("<p>Monitor. Built 2024-03-20 with report "),
        "{footer}"
    );
}

#[test]
fn issue_14_amounts_that_share_only_a_currency_are_listed_not_charted_as_one_line() {
    let p = TestProject::empty();
    p.write(
        "content/articles/a.md",
        "---\ntitle: Funds one\nsource: WSJ\npublished: 1989-10-20\ntags: [funds]\n---\nThe $1.5 billion Fidelity High Income Fund has had a net outflow of about $150 million in the past two months.\n",
    );
    p.write(
        "content/articles/b.md",
        "---\ntitle: Funds two\nsource: WSJ\npublished: 1989-10-27\ntags: [funds]\n---\nAt the $932 million T. Rowe Price High Yield Fund, investors yanked out about $182 million in the past two months.\n",
    );
    p.write(
        "content/briefings/funds.md",
        "---\ntitle: Funds\ntags: [funds]\n---\nText.\n",
    );
    p.build();
    let html = p.read_site("briefings/funds.html");
    // The two fund sizes have no measure: one table under their currency, with both rows,
    // and no chart joining two funds' sizes with a line.
    let group = html
        .split("<h3 id=\"fig-usd\">US dollars</h3>")
        .nth(1)
        .and_then(|rest| rest.split("<h3").next())
        .expect("a US dollars group");
    assert!(
        group.contains("$1.5 billion") && group.contains("$932 million"),
        "{group}"
    );
    assert!(!group.contains("<svg"), "{group}");
}
