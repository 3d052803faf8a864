//! Bounded period pages and a bounded sitemap (issue 16, item 1): a chronology period with more
//! entries than `rows_per_page` lists them over several pages, and every page, the sitemap
//! included, is rendered by its template.

mod common;

use common::{TestProject, attr_values, between, many_articles};

/// The ids of a page's chronology entries.
fn entry_ids(html: &str) -> Vec<String> {
    html.split("<li id=\"e-")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect()
}

/// The periods the chronology page lists: (link relative to the root, statement count).
fn periods(html: &str) -> Vec<(String, usize)> {
    html.split("<ul class=\"periods\">")
        .skip(1)
        .flat_map(|year| between(year, "", "</ul>").split("<li>").skip(1))
        .map(|li| {
            let href = attr_values(li, "href")[0].clone();
            let count = between(li, "<span class=\"meta\">", " statement");
            (href, count.replace(',', "").parse().unwrap())
        })
        .collect()
}

#[test]
fn a_long_period_is_paged_and_its_entries_are_numbered_through_it() {
    let p = TestProject::empty();
    many_articles(&p, 300);
    p.write(
        "report.yaml",
        "title: T\nbase_url: https://example.org/b/\nchronology_on_one_page: 10\nrows_per_page: 40\n",
    );
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let list = periods(&p.read_site("chronology.html"));
    let (href, count) = list.iter().max_by_key(|(_, n)| *n).unwrap().clone();
    assert!(count > 100, "a long period: {list:?}");
    let pages = count.div_ceil(40);
    let stem = href.strip_suffix(".html").unwrap();
    let path = |n: usize| match n {
        1 => href.clone(),
        n => format!("{stem}/{n}.html"),
    };
    assert!(!p.site().join(path(pages + 1)).exists());
    let key = stem.strip_prefix("chronology/").unwrap();
    let mut numbers = Vec::new();
    for n in 1..=pages {
        let html = p.read_site(&path(n));
        assert!(html.len() < 60_000, "page {n}: {} bytes", html.len());
        let ids = entry_ids(&html);
        let expected = if n < pages {
            40
        } else {
            count - 40 * (pages - 1)
        };
        assert_eq!(ids.len(), expected, "page {n}");
        numbers.extend(ids.iter().map(|id| {
            id.strip_prefix(&format!("{key}-"))
                .unwrap()
                .parse::<usize>()
                .unwrap()
        }));
        // The lead says which statements these are; the pager links the first and the last
        // page and this one, marked, and the neighbouring periods stay linked.
        let first = 40 * (n - 1) + 1;
        let last = first + expected - 1;
        assert!(
            html.contains(&format!("Statements {first}–{last} of {count} dated to")),
            "page {n}"
        );
        assert!(html.contains(&format!("page {n} of {pages}")), "page {n}");
        let root = if n == 1 { "../" } else { "../../" };
        let pager = between(&html, "aria-label=\"Pages of ", "</nav>");
        let links = attr_values(pager, "href");
        assert!(links.contains(&format!("{root}{href}")), "{links:?}");
        assert!(
            links.contains(&format!("{root}{stem}/{pages}.html")),
            "{links:?}"
        );
        assert!(
            pager.contains(&format!(
                "aria-current=\"page\"><span class=\"visually-hidden\">Page </span>{n}</a>"
            )),
            "{pager}"
        );
        assert!(html.contains(&format!("href=\"{root}chronology.html\">All periods")));
    }
    assert_eq!(numbers, (1..=count).collect::<Vec<_>>());
    // The sitemap lists every page of every period.
    let sitemap = p.read_site("sitemap.xml");
    for n in 1..=pages {
        assert!(
            sitemap.contains(&format!("<loc>https://example.org/b/{}</loc>", path(n))),
            "{n}"
        );
    }
    // A period within the limit is one page, as before: no pager, the count in the lead.
    let (short, n) = list.iter().min_by_key(|(_, n)| *n).unwrap();
    assert!(*n <= 40, "{list:?}");
    let html = p.read_site(short);
    assert!(!html.contains("aria-label=\"Pages of "), "{short}");
    assert!(html.contains(&format!(
        "<p class=\"lead\">{n} dated statement{} dated to",
        if *n == 1 { "" } else { "s" }
    )));
}

#[test]
fn editing_the_period_and_sitemap_templates_changes_their_files() {
    let p = TestProject::empty();
    many_articles(&p, 60);
    p.write(
        "report.yaml",
        "title: T\nbase_url: https://example.org/b/\nchronology_on_one_page: 10\nrows_per_page: 20\n",
    );
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let list = periods(&p.read_site("chronology.html"));
    let (href, count) = list.iter().max_by_key(|(_, n)| *n).unwrap().clone();
    assert!(count > 20, "{list:?}");
    let second = format!("{}/2.html", href.strip_suffix(".html").unwrap());
    let before = p.read_site(&second);
    let sitemap_before = p.read_site("sitemap.xml");
    p.write(
        "templates/period.html",
        "{% extends \"default/period.html\" %}{% block main %}EDITED {{ period.label }} {{ period.entries | length }} of {{ period.count }}{% set pager_label = \"P\" %}{% include \"partials/pager.html\" %}{% set first_entry = pager.first - 1 %}{% set level = 2 %}{% include \"partials/chronology.html\" %}{% include \"partials/period_nav.html\" %}{% endblock main %}",
    );
    p.write(
        "templates/partials/pager.html",
        "<p>PAGER {{ pager.number }} of {{ pager.count }}</p>",
    );
    p.write(
        "templates/partials/period_nav.html",
        "<p>NAV {% if previous %}{{ previous.label }}{% endif %}</p>",
    );
    p.write(
        "templates/partials/chronology.html",
        "{% for group in groups %}{% for e in group.entries %}<p>ENTRY {{ first_entry | default(value=0) + loop.index }}</p>{% endfor %}{% endfor %}",
    );
    p.write(
        "templates/sitemap.xml",
        "{% for e in entries %}{{ e.href }}\n{% endfor %}",
    );
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let page = p.read_site(&second);
    assert_ne!(page, before);
    let label = between(&before, "<title>", " (page");
    assert!(
        page.contains(&format!(
            "EDITED {label} {} of {count}",
            (count - 20).min(20)
        )),
        "{page}"
    );
    assert!(page.contains(&format!("<p>PAGER 2 of {}</p>", count.div_ceil(20))));
    assert!(page.contains("<p>ENTRY 21</p>"), "{page}");
    assert!(page.contains("<p>NAV "), "{page}");
    let sitemap = p.read_site("sitemap.xml");
    assert_ne!(sitemap, sitemap_before);
    assert!(
        sitemap.starts_with("index.html\nchronology.html\n"),
        "{sitemap}"
    );
    assert!(sitemap.contains(&format!("\n{second}\n")), "{sitemap}");
}
