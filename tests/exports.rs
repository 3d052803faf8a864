//! The default exports parse as their formats: iCalendar, TimelineJS JSON, Atom, sitemap and the
//! JSON-LD in article pages; each briefing's exports hold its claims only, and the whole-site
//! claims and figures, split by month, hold every claim once.

mod common;

use common::{TestProject, many_articles};

/// One parsed iCalendar content line: name, parameters, value (unescaped for TEXT).
#[derive(Debug)]
struct IcsLine {
    name: String,
    params: Vec<String>,
    value: String,
}

/// A minimal RFC 5545 reader: checks CRLF line ends and the 75-octet limit, unfolds, splits
/// `NAME;PARAM=…:value`.
fn parse_ics(text: &str) -> Vec<IcsLine> {
    assert!(text.ends_with("\r\n"), "ends with CRLF");
    let physical: Vec<&str> = text[..text.len() - 2].split("\r\n").collect();
    for l in &physical {
        assert!(
            !l.contains('\n') && !l.contains('\r'),
            "bare line break in {l:?}"
        );
        assert!(l.len() <= 75, "line longer than 75 octets: {l:?}");
        assert!(!l.is_empty(), "empty line");
    }
    let mut logical: Vec<String> = Vec::new();
    for l in physical {
        match l.strip_prefix(' ').or_else(|| l.strip_prefix('\t')) {
            Some(rest) => logical
                .last_mut()
                .expect("continuation first")
                .push_str(rest),
            None => logical.push(l.to_string()),
        }
    }
    logical
        .into_iter()
        .map(|l| {
            let colon = l.find(':').unwrap_or_else(|| panic!("no colon: {l}"));
            let (head, value) = (&l[..colon], &l[colon + 1..]);
            let mut parts = head.split(';');
            let name = parts.next().unwrap().to_string();
            assert!(
                !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'),
                "bad name {name}"
            );
            IcsLine {
                name,
                params: parts.map(str::to_string).collect(),
                value: value.to_string(),
            }
        })
        .collect()
}

/// Unescapes a TEXT value, refusing an unescaped `,` or `;` and an unknown escape.
fn ics_unescape(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(c @ ('\\' | ',' | ';')) => out.push(c),
                other => panic!("bad escape \\{other:?} in {v}"),
            },
            ',' | ';' => panic!("unescaped {c} in {v}"),
            c => out.push(c),
        }
    }
    out
}

fn events(lines: &[IcsLine]) -> Vec<&[IcsLine]> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, l) in lines.iter().enumerate() {
        match (l.name.as_str(), l.value.as_str()) {
            ("BEGIN", "VEVENT") => start = Some(i + 1),
            ("END", "VEVENT") => out.push(&lines[start.take().unwrap()..i]),
            _ => {}
        }
    }
    out
}

fn prop<'a>(event: &'a [IcsLine], name: &str) -> &'a IcsLine {
    event
        .iter()
        .find(|l| l.name == name)
        .unwrap_or_else(|| panic!("no {name} in {event:?}"))
}

/// The example's briefing's calendar, TimelineJS file and figures.
const ICS: &str = "briefings/north-korea-russia-arms.chronology.ics";
const TIMELINE: &str = "briefings/north-korea-russia-arms.timeline.json";
const FIGURES: &str = "briefings/north-korea-russia-arms.figures.csv";

#[test]
fn chronology_ics_is_valid_icalendar_with_periods_as_all_day_events() {
    let p = TestProject::example();
    p.build();
    assert!(
        !p.site().join("chronology.ics").exists(),
        "no whole-site calendar"
    );
    let lines = parse_ics(&p.read_site(ICS));
    assert_eq!(lines.first().unwrap().value, "VCALENDAR");
    assert_eq!(lines.last().unwrap().name, "END");
    assert!(
        lines
            .iter()
            .any(|l| l.name == "VERSION" && l.value == "2.0")
    );
    assert!(lines.iter().any(|l| l.name == "PRODID"));
    let mut depth = 0i32;
    for l in &lines {
        match l.name.as_str() {
            "BEGIN" => depth += 1,
            "END" => depth -= 1,
            _ => {}
        }
        assert!(depth >= 0);
    }
    assert_eq!(depth, 0);
    let evs = events(&lines);
    assert_eq!(evs.len(), 8);
    let mut uids = std::collections::HashSet::new();
    for e in &evs {
        assert!(uids.insert(prop(e, "UID").value.clone()), "UIDs are unique");
        assert!(prop(e, "DTSTAMP").value.ends_with('Z'));
        assert_eq!(prop(e, "DTSTART").params, ["VALUE=DATE"]);
        assert_eq!(prop(e, "DTEND").params, ["VALUE=DATE"]);
        assert!(prop(e, "DTSTART").value < prop(e, "DTEND").value);
        ics_unescape(&prop(e, "SUMMARY").value);
        assert!(ics_unescape(&prop(e, "DESCRIPTION").value).contains("Source: AFP, "));
    }
    // "since … around last July": a month-long event, not an invented day.
    let july = evs
        .iter()
        .find(|e| prop(e, "DTSTART").value == "20230701")
        .unwrap();
    assert_eq!(prop(july, "DTEND").value, "20230801");
    assert!(ics_unescape(&prop(july, "SUMMARY").value).contains("around 7,000 containers"));
    // A day-precision event lasts one day.
    let day = evs
        .iter()
        .find(|e| prop(e, "DTSTART").value == "20240318")
        .unwrap();
    assert_eq!(prop(day, "DTEND").value, "20240319");
}

#[test]
fn chronology_ics_escapes_and_links_sources() {
    let p = TestProject::example();
    p.write(
        "content/articles/odd.md",
        "---\ntitle: \"Commas, semicolons; and \\\\ backslashes\"\nsource: Wire\npublished: 2024-05-02\nurl: https://example.org/odd?a=1;b=2\ntags: [russia]\n---\nThe ministry said on 1 May 2024 that 40 trucks, 12 of them empty; were seized.\n",
    );
    p.build();
    let lines = parse_ics(&p.read_site(ICS));
    let evs = events(&lines);
    let odd = evs
        .iter()
        .find(|e| prop(e, "DTSTART").value == "20240501")
        .expect("the 1 May event");
    assert_eq!(prop(odd, "URL").value, "https://example.org/odd?a=1;b=2");
    let description = ics_unescape(&prop(odd, "DESCRIPTION").value);
    assert!(
        description.contains("Commas, semicolons; and \\ backslashes"),
        "{description}"
    );
    assert!(ics_unescape(&prop(odd, "SUMMARY").value).contains("12 of them empty;"));
}

#[test]
fn timeline_json_is_timelinejs_at_each_events_precision() {
    let p = TestProject::example();
    p.build();
    let json: serde_json::Value = serde_json::from_str(&p.read_site(TIMELINE)).unwrap();
    assert_eq!(
        json["title"]["text"]["headline"],
        "North Korean arms transfers to Russia"
    );
    let events = json["events"].as_array().unwrap();
    assert_eq!(events.len(), 8);
    for e in events {
        assert!(e["start_date"]["year"].is_i64(), "{e}");
        assert!(e["text"]["headline"].is_string());
        assert!(e["text"]["text"].as_str().unwrap().contains("Source: AFP"));
        assert_eq!(e["source"]["name"], "AFP");
    }
    let july = events
        .iter()
        .find(|e| e["source"]["date_text"] == "around last July")
        .unwrap();
    assert_eq!(july["start_date"]["year"], 2023);
    assert_eq!(july["start_date"]["month"], 7);
    assert!(july["start_date"].get("day").is_none(), "no invented day");
    let day = events
        .iter()
        .find(|e| e["source"]["precision"] == "day")
        .unwrap();
    assert_eq!(day["start_date"]["day"], 18);
}

#[test]
fn timeline_headlines_say_what_happened_not_the_date() {
    // TimelineJS shows `display_date` above the headline: the headline is the event, from its
    // sentence, and the slide holds the whole sentence once.
    let p = TestProject::example();
    p.write(
        "content/articles/short.md",
        "---\ntitle: S\nsource: Wire\npublished: 2024-05-02\ntags: [russia]\n---\nThe border reopened in April 2024.\n",
    );
    p.build();
    let json: serde_json::Value = serde_json::from_str(&p.read_site(TIMELINE)).unwrap();
    let events = json["events"].as_array().unwrap();
    assert_eq!(events.len(), 9);
    let sentence = |e: &serde_json::Value| -> String {
        let text = e["text"]["text"].as_str().unwrap();
        match text.strip_prefix("<blockquote>") {
            Some(quoted) => quoted[..quoted.find("</blockquote>").unwrap()].to_string(),
            None => e["text"]["headline"].as_str().unwrap().to_string(),
        }
    };
    for e in events {
        let headline = e["text"]["headline"].as_str().unwrap();
        let date = e["start_date"]["display_date"].as_str().unwrap();
        assert!(headline.split_whitespace().count() >= 3, "{e}");
        assert!(!headline.contains(date), "{headline} repeats {date}");
        let written = e["source"]["date_text"].as_str().unwrap();
        assert!(!headline.contains(written), "{headline} repeats {written}");
        // The whole sentence is on the slide once: in the headline or quoted below it.
        let whole = sentence(e);
        assert!(whole.contains(written), "{whole}");
        assert!(headline.chars().count() <= 141, "{headline}");
        assert_eq!(
            headline.matches('“').count(),
            headline.matches('”').count(),
            "a quotation cut and left open: {headline}"
        );
    }
    let summit = events
        .iter()
        .find(|e| {
            e["source"]["date_text"] == "September"
                && e["text"]["headline"].as_str().unwrap().starts_with("Their")
        })
        .unwrap();
    assert_eq!(
        summit["text"]["headline"],
        "Their leaders Vladimir Putin and Kim Jong Un held a summit in Russia’s far east"
    );
    // The date is said apart: a sentence of nothing but the event loses only its date.
    let short = events.iter().find(|e| e["source"]["title"] == "S").unwrap();
    assert_eq!(short["text"]["headline"], "The border reopened");
    assert_eq!(
        short["text"]["text"],
        "<blockquote>The border reopened in April 2024.</blockquote><p>Source: Wire, S (2024-05-02)</p>"
    );
}

/// Checks that `xml` is well-formed enough for our templates: one root, every tag closed in order,
/// attributes quoted, no stray `<` or `&` in text.
fn check_xml(xml: &str) -> Vec<String> {
    let body = xml
        .strip_prefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
        .expect("XML declaration");
    let mut stack: Vec<String> = Vec::new();
    let mut roots = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        check_text(&rest[..lt]);
        let after = &rest[lt..];
        if let Some(c) = after.strip_prefix("<!--") {
            let end = c.find("-->").expect("comment closed");
            rest = &c[end + 3..];
            continue;
        }
        let gt = after.find('>').expect("tag closed");
        let tag = &after[1..gt];
        rest = &after[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "closing </{name}>");
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let name = tag.split_whitespace().next().unwrap().to_string();
        let attrs = tag[name.len()..].trim();
        for attr in attrs.split("\" ").filter(|a| !a.is_empty()) {
            let (k, v) = attr.split_once("=\"").expect("quoted attribute");
            assert!(!k.trim().is_empty());
            check_text(v.trim_end_matches('"'));
        }
        if stack.is_empty() {
            roots.push(name.clone());
        }
        if !self_closing {
            stack.push(name);
        }
    }
    check_text(rest);
    assert!(stack.is_empty(), "unclosed {stack:?}");
    assert_eq!(roots.len(), 1, "one root: {roots:?}");
    roots
}

fn check_text(text: &str) {
    assert!(!text.contains('<'), "stray < in {text:?}");
    for (i, _) in text.match_indices('&') {
        let entity = &text[i..text[i..].find(';').map_or(text.len(), |e| i + e + 1)];
        let numeric = |e: &str| {
            let digits = e.strip_prefix("&#")?.strip_suffix(';')?;
            match digits.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => digits.parse().ok(),
            }
        };
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(&entity)
                || numeric(entity).is_some(),
            "bad entity {entity:?}"
        );
    }
}

fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    xml.match_indices(&open)
        .map(|(i, _)| {
            let start = i + open.len();
            &xml[start..start + xml[start..].find(&close).unwrap()]
        })
        .collect()
}

#[test]
fn atom_feed_lists_briefings_with_absolute_urls_from_base_url() {
    let p = TestProject::example();
    p.write(
        "report.yaml",
        "title: Monitor <&> \"quotes\"\nbase_url: https://example.org/briefings\n",
    );
    p.build();
    let feed = p.read_site("feed.xml");
    assert_eq!(check_xml(&feed), ["feed"]);
    assert!(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    assert!(feed.contains("<title>Monitor &lt;&amp;&gt; &quot;quotes&quot;</title>"));
    let entries = elements(&feed, "entry");
    assert_eq!(entries.len(), 1);
    let entry = entries[0];
    assert_eq!(
        elements(entry, "id"),
        ["https://example.org/briefings/briefings/north-korea-russia-arms.html"]
    );
    assert!(entry.contains(
        "<link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/briefings/briefings/north-korea-russia-arms.html\"/>"
    ));
    assert_eq!(elements(entry, "updated"), ["2024-03-20T00:00:00Z"]);
    assert_eq!(
        feed_links(&feed),
        [
            (
                "alternate",
                "https://example.org/briefings/index.html".into()
            ),
            ("self", "https://example.org/briefings/feed.xml".into())
        ]
    );
    // Without base_url the feed is still valid, with URN ids, and links to itself by a relative
    // reference (RFC 4287 allows IRI references), which resolves to the feed wherever it is.
    let q = TestProject::example();
    q.build();
    let feed = q.read_site("feed.xml");
    check_xml(&feed);
    assert!(feed.contains("<id>urn:report:briefing:north-korea-russia-arms</id>"));
    assert_eq!(
        feed_links(&feed),
        [
            ("alternate", "index.html".into()),
            ("self", "feed.xml".into())
        ]
    );
}

/// The feed's own links (not its entries'), as (rel, href), each with its media type.
fn feed_links(feed: &str) -> Vec<(&'static str, String)> {
    let doc = roxmltree::Document::parse(feed).unwrap();
    let root = doc.root_element();
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    root.children()
        .filter(|n| n.has_tag_name("link"))
        .map(|l| {
            let rel = match (l.attribute("rel"), l.attribute("type")) {
                (Some("self"), Some("application/atom+xml")) => "self",
                (Some("alternate"), Some("text/html")) => "alternate",
                other => panic!("link {other:?}"),
            };
            (rel, l.attribute("href").unwrap().to_string())
        })
        .collect()
}

/// The rules of the sitemaps.org 0.9 schema (`sitemap.xsd`) and protocol, checked on the parsed
/// document: a `<urlset>` in the sitemap namespace with 1 to 50,000 `<url>`s, each with one
/// absolute http(s) `<loc>` of under 2,048 characters first, then optionally `<lastmod>` (a W3C
/// date or date-time), `<changefreq>` (one of seven words) and `<priority>` (0.0 to 1.0), in that
/// order and at most once each. The schema itself is not vendored. Returns the
/// `<loc>`s.
fn check_sitemap(xml: &str) -> Vec<String> {
    const NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("sitemap.xml: {e}"));
    let urlset = doc.root_element();
    assert_eq!(urlset.tag_name().namespace(), Some(NS));
    assert_eq!(urlset.tag_name().name(), "urlset");
    let w3c_date = regex::Regex::new(
        r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$",
    )
    .unwrap();
    let mut locs = Vec::new();
    for url in urlset.children() {
        if url.is_text() {
            assert!(url.text().unwrap().trim().is_empty(), "text in <urlset>");
            continue;
        }
        assert!(url.is_element(), "only <url> in <urlset>");
        assert_eq!(url.tag_name().namespace(), Some(NS));
        assert_eq!(url.tag_name().name(), "url");
        let parts: Vec<_> = url.children().filter(|n| n.is_element()).collect();
        let names: Vec<&str> = parts.iter().map(|n| n.tag_name().name()).collect();
        let order = ["loc", "lastmod", "changefreq", "priority"];
        assert_eq!(names.first(), Some(&"loc"), "{names:?}");
        let mut last = 0;
        for name in names.iter().skip(1) {
            let at = order.iter().position(|o| o == name).expect("known element");
            assert!(at > last, "order of {names:?}");
            last = at;
        }
        for part in &parts {
            assert_eq!(part.tag_name().namespace(), Some(NS));
            let text = part.text().unwrap_or("");
            match part.tag_name().name() {
                "loc" => {
                    assert!(
                        text.starts_with("https://") || text.starts_with("http://"),
                        "absolute <loc>: {text}"
                    );
                    assert!(text.len() >= 12 && text.len() < 2048, "{text}");
                    locs.push(text.to_string());
                }
                "lastmod" => assert!(w3c_date.is_match(text), "<lastmod>{text}"),
                "changefreq" => assert!(
                    [
                        "always", "hourly", "daily", "weekly", "monthly", "yearly", "never"
                    ]
                    .contains(&text)
                ),
                "priority" => assert!((0.0..=1.0).contains(&text.parse::<f64>().unwrap())),
                _ => unreachable!(),
            }
        }
    }
    assert!((1..=50_000).contains(&locs.len()), "{} <url>s", locs.len());
    locs
}

#[test]
fn sitemap_lists_every_page_when_base_url_is_set() {
    for config in [
        "base_url: https://example.org/b/\n",
        "base_url: https://example.org/b/\nchronology_on_one_page: 3\n",
    ] {
        let p = TestProject::example();
        p.write("report.yaml", config);
        let outcome = p.build();
        assert!(outcome.notes.is_empty(), "{:?}", outcome.notes);
        let locs = check_sitemap(&p.read_site("sitemap.xml"));
        for loc in &locs {
            let rel = loc.strip_prefix("https://example.org/b/").unwrap();
            assert!(p.site().join(rel).is_file(), "{rel} exists");
        }
        // Every page of the site, and only those.
        let mut pages: Vec<String> = common::tree(&p.site())
            .into_keys()
            .filter(|f| f.ends_with(".html"))
            .map(|f| format!("https://example.org/b/{}", f.replace('\\', "/")))
            .collect();
        pages.sort();
        let mut listed = locs.clone();
        listed.sort();
        assert_eq!(listed, pages);
        assert!(locs.contains(&"https://example.org/b/search.html".to_string()));
        assert_eq!(locs[0], "https://example.org/b/index.html");
    }
}

#[test]
fn no_sitemap_without_base_url_and_the_build_says_so() {
    // A sitemap needs absolute URLs, and an empty <urlset> is not valid: none is written.
    let p = TestProject::example();
    p.write("report.yaml", "base_url: https://example.org/b/\n");
    p.build();
    assert!(p.site().join("sitemap.xml").is_file());
    p.write("report.yaml", "title: M\n");
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    assert!(
        !p.site().join("sitemap.xml").exists(),
        "the old one is gone"
    );
    assert_eq!(
        outcome.notes,
        ["sitemap.xml not written: a sitemap needs absolute URLs; set base_url in report.yaml"]
    );
    // `check` says so; `build` only with --verbose.
    let (code, _, err) = common::report(&["check"], p.root());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("sitemap.xml not written"), "{err}");
    let (_, _, err) = common::report(&["build"], p.root());
    assert!(!err.contains("sitemap.xml"), "{err}");
    let (_, _, err) = common::report(&["build", "--verbose", "--no-cache"], p.root());
    assert!(err.contains("sitemap.xml not written"), "{err}");
    // A project's own sitemap.xml is its own: rendered as written.
    p.write("templates/sitemap.xml", "<urlset/>\n");
    let outcome = p.build();
    assert!(outcome.notes.is_empty());
    assert_eq!(p.read_site("sitemap.xml"), "<urlset/>\n");
}

fn json_ld(html: &str) -> serde_json::Value {
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("JSON-LD")
        + "<script type=\"application/ld+json\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

#[test]
fn article_pages_carry_schema_org_claims() {
    let p = TestProject::example();
    p.build();
    let ld = json_ld(&p.read_site("articles/000_d3ab9671ae447b92.html"));
    assert_eq!(ld["@context"], "https://schema.org");
    let graph = ld["@graph"].as_array().unwrap();
    assert_eq!(graph[0]["@type"], "NewsArticle");
    assert_eq!(graph[0]["@id"], "#article");
    assert_eq!(graph[0]["publisher"]["name"], "AFP");
    let claims: Vec<_> = graph.iter().filter(|n| n["@type"] == "Claim").collect();
    assert_eq!(claims.len(), 5 + 8);
    for c in &claims {
        assert_eq!(c["appearance"]["@id"], "#article");
        assert!(c["text"].is_string());
    }
    let first = claims
        .iter()
        .find(|c| c["name"] == "around 7,000 containers")
        .unwrap();
    assert_eq!(first["author"]["@type"], "Person");
    assert_eq!(first["author"]["name"], "Defence Minister Shin Won-sik");
    // A country speaking is not a person.
    let us = claims
        .iter()
        .find(|c| c["author"]["name"] == "United States")
        .expect("a claim of the United States");
    assert_eq!(us["author"]["@type"], "Organization");
}

#[test]
fn json_ld_temporal_coverage_is_iso_8601() {
    // schema.org's temporalCoverage is an ISO 8601 date or interval: a quarter, a season, a half
    // year or a decade is the interval of its first and last days; PRESENT_REF has none.
    let p = TestProject::example();
    p.write(
        "content/articles/t.md",
        "---\ntitle: T\nsource: Wire\npublished: 2024-03-20\n---\n\
         Officials said on Monday that 300 homes were flooded in the first quarter of 2024.\n\n\
         The ministry said deliveries began last summer and that 2,000 shells arrived in July 2023.\n\n\
         Trade grew by 5% in 2023, the bank said, the fastest pace since the 1990s.\n\n\
         Exports are rising now, the minister said, after falling in the first half of 2023.\n",
    );
    p.build();
    let ld = json_ld(&p.read_site("articles/t.html"));
    let coverage = |name: &str| -> Vec<String> {
        ld["@graph"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["name"] == name)
            .map(|c| c["temporalCoverage"].as_str().unwrap_or("none").to_string())
            .collect()
    };
    assert_eq!(
        coverage("the first quarter of 2024"),
        ["2024-01-01/2024-03-31"]
    );
    assert_eq!(coverage("last summer"), ["2023-06-01/2023-08-31"]);
    assert_eq!(coverage("2,000 shells"), ["2023-06-01/2023-08-31"]);
    assert_eq!(
        coverage("the first half of 2023"),
        ["2023-01-01/2023-06-30"]
    );
    assert_eq!(coverage("July 2023"), ["2023-07"]);
    assert_eq!(coverage("Monday"), ["2024-03-18"]);
    assert_eq!(coverage("grew by 5%"), ["2023"]);
    // Every value on every page parses as an ISO 8601 date or interval of dates, start first.
    let date = r"\d{4}(-\d{2}(-\d{2})?)?";
    let iso = regex::Regex::new(&format!(
        r"^{date}$|^(\d{{4}}-\d{{2}}-\d{{2}})/(\d{{4}}-\d{{2}}-\d{{2}})$"
    ))
    .unwrap();
    let mut seen = 0;
    for (path, html) in site_files(&p) {
        if !path.starts_with("articles/") {
            continue;
        }
        for c in json_ld(&html)["@graph"].as_array().unwrap() {
            let Some(v) = c.get("temporalCoverage") else {
                continue;
            };
            let v = v.as_str().unwrap();
            let m = iso.captures(v).unwrap_or_else(|| panic!("{path}: {v}"));
            if let (Some(a), Some(b)) = (m.get(3), m.get(4)) {
                let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
                assert!(day(a.as_str()) <= day(b.as_str()), "{v}");
            }
            seen += 1;
        }
    }
    assert!(seen > 15, "{seen}");
}

#[test]
fn json_ld_cannot_be_closed_by_the_data() {
    let p = TestProject::example();
    p.write(
        "content/articles/x.md",
        "---\ntitle: \"Breaking </script><script>alert(1)</script>\"\nsource: Wire\npublished: 2024-05-02\n---\nOfficials said 40 trucks crossed.\n",
    );
    p.build();
    let html = p.read_site("articles/x.html");
    assert!(!html.contains("<script>alert"));
    let ld = json_ld(&html);
    assert_eq!(
        ld["@graph"][0]["headline"],
        "Breaking </script><script>alert(1)</script>"
    );
}

/// Every file of the built site, by path.
fn site_files(p: &TestProject) -> std::collections::BTreeMap<String, String> {
    fn walk(
        dir: &std::path::Path,
        base: &std::path::Path,
        out: &mut std::collections::BTreeMap<String, String>,
    ) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, base, out);
            } else {
                let rel = path
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(&p.site(), &p.site(), &mut out);
    out
}

/// A character no output may hold: XML forbids it or HTML calls it a parse error (C0 and C1
/// controls but tab and line ends, noncharacters).
fn unwritable(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{fdd0}'..='\u{fdef}')
        || (c as u32 & 0xfffe) == 0xfffe
}

/// Builds `p` and checks every file of its site: no unwritable character anywhere, the feed and
/// the sitemap well-formed XML, every JSON file and every page's JSON-LD parse.
fn assert_site_is_clean(p: &TestProject) {
    let outcome = p.build_with(false);
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    let files = site_files(p);
    assert!(files.keys().any(|f| f.starts_with("articles/")) || files.len() > 3);
    for (name, text) in &files {
        // CSV cells and JSON strings hold any text (JSON escapes what it must); markup and the
        // calendar must escape or drop these.
        let data = name.ends_with(".csv") || name.ends_with(".json");
        if !data && let Some(c) = text.chars().find(|&c| unwritable(c)) {
            panic!("{name} holds {c:?}");
        }
        if name.ends_with(".xml") {
            check_xml(text);
        }
        if name.ends_with(".json") {
            serde_json::from_str::<serde_json::Value>(text)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        if name.starts_with("articles/") && name.ends_with(".html") {
            assert!(json_ld(text)["@graph"].is_array(), "{name}");
        }
    }
}

#[test]
fn the_example_site_is_clean_with_the_chronology_paged() {
    assert_site_is_clean(&TestProject::example());
    let p = TestProject::example();
    p.write("report.yaml", "title: Arms\nchronology_on_one_page: 3\n");
    assert_site_is_clean(&p);
    assert!(p.site().join("chronology").is_dir(), "period pages");
}

#[test]
fn awkward_content_builds_a_clean_site() {
    for base_url in ["", "base_url: https://example.org/b/\n"] {
        let p = TestProject::example();
        p.write(
            "report.yaml",
            &format!("title: \"Monitor <b>&</b> 'co'\"\nchronology_on_one_page: 2\n{base_url}"),
        );
        p.write(
            "content/articles/odd.md",
            "---\ntitle: \"=SUM(A1) <script>alert(1)</script> & 'quotes', \\u2028 \\\"more\\\"\"\nsource: \"Wire\\nService; Ltd, \\\\ Co\"\npublished: 2024-05-02\nurl: https://example.org/odd?a=1&b=2;c=3\ntags: [x, \"y z\"]\nclaims:\n  - value: 1800\n    unit: jobs\n    kind: change\n    direction: down\n    measure: \"=jobs cut (Nordvik <b>\\\"AS\\\"</b>, 'Oslo')\"\n    said_by: Nordvik\n    text: cut 1,800 jobs\n  - value: 40\n    unit: ships\n    kind: change\n    direction: up\n    measure: ships sunk\n---\nPrices rose 1.5 percent in 2021. Exports fell by 300 tonnes in the first quarter of 2022.\n\nIn the 1990s, 40 ships sank, officials said. On 3 June 2024 around 2,000 people gathered in the week of 10 June 2024.\n\n\"We counted -5 degrees and more than 1,200 trucks last year,\" said Ana Li, a spokeswoman. The deal was worth $1.2 billion in 1987, she said.\n",
        );
        p.write(
            "content/articles/plain.md",
            "---\ntitle: Nothing dated\nsource: \"@home\"\npublished: 2024-05-03\n---\nNo figures here at all.\n",
        );
        p.write(
            "content/briefings/bare.md",
            "---\ntitle: \"<i>Bare</i> & brief\"\ntags: [x]\n---\nText.\n",
        );
        assert_site_is_clean(&p);
    }
}

#[test]
fn unwritable_content_builds_a_clean_site() {
    // Control characters and noncharacters everywhere, dates at the end of 9999, and periods
    // HTML has no `datetime` for: none of them reaches a file.
    for paged in ["", "chronology_on_one_page: 2\n"] {
        let p = TestProject::example();
        p.write(
            "report.yaml",
            &format!(
                "title: \"Monitor \\x02 \\u0085 desk\"\nbase_url: https://example.org/m/\n{paged}"
            ),
        );
        p.write(
            "content/articles/edge.md",
            "---\ntitle: \"Shells \\x01 and \\v more \\uFFFE end \\u0085 x\"\nsource: \"AFP\\x1b\"\npublished: 9999-12-31\ntags: [edge]\n---\n\
             The army fired 6 shells on Friday, officials said. It fired 4 shells in the first quarter of 2024, the ministry said. \
             The army said it would fire 3 shells tomorrow. In the summer of 2023 it fired 8 shells, it said. \
             Losses grew in December 9999, it said. In the week of 10 June 2024 the army\u{1} fired\u{b} 7 shells \u{fffe}\u{85}in all, it said.\n",
        );
        p.write(
            "content/articles/wire.txt",
            "date 2024-05-02\nSEOUL (AFP) \u{2013} The ministry\u{7} said on Monday that 40\u{9f} ships had left.\n",
        );
        p.write(
            "content/briefings/edge.md",
            "---\ntitle: \"Edge \\x02 cases \\uFFFF\"\nsummary: \"Odd \\x07 bytes\"\ntags: [edge]\n---\nText \u{1} here.\n",
        );
        assert_site_is_clean(&p);
    }
}

#[test]
fn a_project_without_articles_builds_a_clean_site() {
    let p = TestProject::empty();
    p.write("content/articles/.keep", "");
    assert_site_is_clean(&p);
}

/// `source` with `mark` where it is written out: after the first block tag of a template that
/// extends another (text outside blocks is not), else before everything.
fn marked(source: &str, mark: &str) -> String {
    let at = if source.contains("{% extends") {
        let block = source.find("{% block").expect("a block");
        block + source[block..].find("%}").unwrap() + 2
    } else {
        0
    };
    format!("{}{mark}{}", &source[..at], &source[at..])
}

#[test]
fn editing_any_default_template_changes_the_site() {
    // Every page and file comes from its template: no default is passed over, whatever it
    // renders (pages, partials, the layout, the feed, the sitemap, the search page, style and
    // script).
    let p = TestProject::example();
    p.write(
        "report.yaml",
        "title: Arms\nbase_url: https://example.org/a/\nchronology_on_one_page: 2\nrows_per_page: 2\n",
    );
    let mark = |name: &str| format!("EDITED-{}", name.replace(['/', '.'], "-"));
    for (name, source) in report::render::DEFAULTS {
        p.write(&format!("templates/{name}"), &marked(source, &mark(name)));
    }
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    let files = site_files(&p);
    let missed: Vec<&str> = report::render::DEFAULTS
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| !files.values().any(|text| text.contains(&mark(name))))
        .collect();
    assert!(missed.is_empty(), "edits that changed nothing: {missed:?}");
}

#[test]
fn a_projects_layout_or_partial_reaches_every_page_that_includes_it() {
    // Each overridden alone: every page that includes it, and no other, shows the project's own.
    let cases: [(&str, &str, &str, &[&str]); 5] = [
        (
            "layouts/base.html",
            include_str!("../templates/layouts/base.html"),
            "<main id=\"main\">",
            &["article", "briefing", "period"],
        ),
        (
            "partials/chronology.html",
            include_str!("../templates/partials/chronology.html"),
            "<ol class=\"chronology\">",
            &["briefing", "period"],
        ),
        (
            "partials/figure_table.html",
            include_str!("../templates/partials/figure_table.html"),
            "<table class=\"figures\">",
            &["briefing"],
        ),
        (
            "partials/figure_chart.html",
            include_str!("../templates/partials/figure_chart.html"),
            "<figure class=\"chart\">",
            &["briefing"],
        ),
        (
            "partials/period_nav.html",
            include_str!("../templates/partials/period_nav.html"),
            "<nav class=\"pager\"",
            &["period"],
        ),
    ];
    for (name, default, tag, pages) in cases {
        let p = TestProject::example();
        p.write("report.yaml", "title: Arms\nchronology_on_one_page: 3\n");
        assert!(default.contains(tag), "{name}");
        let marked = format!("{} data-own=\"yes\">", tag.trim_end_matches('>'));
        p.write(&format!("templates/{name}"), &default.replace(tag, &marked));
        let outcome = p.build();
        assert!(outcome.written, "{:?}", outcome.diagnostics);
        for (page, path) in [
            ("article", "articles/000_d3ab9671ae447b92.html"),
            ("briefing", "briefings/north-korea-russia-arms.html"),
            ("period", "chronology/2023-07.html"),
        ] {
            let html = p.read_site(path);
            assert_eq!(
                html.contains("data-own=\"yes\""),
                pages.contains(&page),
                "{name} in the {page} page"
            );
        }
    }
}

/// An article whose hand-made claims carry what they measure and which way they go: a cut of
/// 1,800 jobs (down) and 40 more ships (up).
const NORDVIK: &str = "---\ntitle: Nordvik cuts jobs\nsource: Wire\npublished: 2024-05-02\ntags: [x]\nclaims:\n  - value: 1800\n    unit: jobs\n    kind: change\n    direction: down\n    measure: \"jobs cut (Nordvik, \\\"AS\\\")\"\n    said_by: Nordvik\n    text: cut 1,800 jobs\n  - value: 40\n    unit: ships\n    kind: change\n    direction: up\n    measure: ships sunk\n  - value: 2\n    unit: percent\n    kind: percent\n    status: forecast\n    text: 2% next year\n---\nNordvik said on Tuesday that it would restructure. Inflation was 2.6% in April. Staff now expect inflation of 2.3% in 2026.\n";

#[test]
fn exports_carry_each_figures_measure_scope_and_direction() {
    let p = TestProject::example();
    p.write("content/articles/nordvik.md", NORDVIK);
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    let claims = p.claims();
    let nordvik = claims.iter().find(|a| a["slug"] == "nordvik").unwrap();
    let cut = nordvik["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["text"] == "cut 1,800 jobs")
        .unwrap();
    assert_eq!(cut["measure"], "jobs cut (Nordvik, \"AS\")");
    assert_eq!(cut["scope"], serde_json::Value::Null);
    assert_eq!(cut["direction"], "down");
    assert_eq!(
        cut["value"], 1800.0,
        "the value stays the size of the change"
    );
    // "measure", "scope", "direction" and "status" come right after "unit".
    let text = p.read_site("claims/2024-05.json");
    assert!(text.contains("\"unit\":\"jobs\",\"measure\":\"jobs cut (Nordvik, \\\"AS\\\")\",\"scope\":null,\"direction\":\"down\",\"status\":null,\"qualifier\":null"), "{text}");
    // figures.csv: the newer columns last, existing columns in their places.
    let csv = p.figures_csv();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers,
        [
            "article",
            "source",
            "published",
            "url",
            "text",
            "value",
            "unit",
            "qualifier",
            "kind",
            "said_by",
            "as_of",
            "sentence",
            "start",
            "end",
            "measure",
            "scope",
            "direction",
            "status",
            "said_by_kind"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = |text: &str| rows.iter().find(|r| &r[4] == text).unwrap();
    let cut = row("cut 1,800 jobs");
    assert_eq!(
        (&cut[6], &cut[8], &cut[14], &cut[15], &cut[16]),
        ("jobs", "change", "jobs cut (Nordvik, \"AS\")", "", "down")
    );
    assert_eq!(&row("40")[16], "up");
    // A forecast is marked, by hand or from its words; it measures what the outcome measures
    // (its series apart is the assembly's).
    assert_eq!((&row("2% next year")[17], &row("40")[17]), ("forecast", ""));
    let forecast = row("2.3%");
    assert_eq!((&forecast[14], &forecast[17]), ("inflation", "forecast"));
    let outcome = row("2.6%");
    assert_eq!((&outcome[14], &outcome[17]), ("inflation", ""));
    let level = row("around 7,000 containers");
    assert_eq!(
        (&level[14], &level[15], &level[16]),
        ("containers (Russia)", "Russia", "")
    );
    // The article page shows the signed change and its measure, and a forecast as one.
    let html = p.read_site("articles/nordvik.html");
    assert!(
        html.contains(
            "<td data-label=\"Measure\">inflation</td><td data-label=\"Kind\">percent, forecast</td>"
        ),
        "{html}"
    );
    assert!(
        html.contains(
            "<td data-label=\"Value\">\u{2212}1,800 jobs</td><td data-label=\"Measure\">jobs cut (Nordvik, &quot;AS&quot;)</td><td data-label=\"Kind\">change</td>"
        ),
        "{html}"
    );
    assert!(html.contains(
        "<td data-label=\"Value\">+40 ships</td><td data-label=\"Measure\">ships sunk</td>"
    ));
}

/// Files rendered into memory, by path.
#[derive(Default)]
struct Memory(std::sync::Mutex<std::collections::BTreeMap<String, Vec<u8>>>);

/// A file of [`Memory`] being written: kept when dropped.
struct MemoryFile<'a> {
    memory: &'a Memory,
    path: String,
    bytes: Vec<u8>,
}

impl std::io::Write for MemoryFile<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for MemoryFile<'_> {
    fn drop(&mut self) {
        let bytes = std::mem::take(&mut self.bytes);
        let path = std::mem::take(&mut self.path);
        self.memory.0.lock().unwrap().insert(path, bytes);
    }
}

impl report::render::Output for Memory {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), report::Error> {
        self.0.lock().unwrap().insert(path.into(), bytes.into());
        Ok(())
    }
    fn create(&self, path: &str) -> Result<Box<dyn std::io::Write + '_>, report::Error> {
        Ok(Box::new(MemoryFile {
            memory: self,
            path: path.into(),
            bytes: Vec::new(),
        }))
    }
}

/// The site of the project at `root`, its claims changed by `edit` after extraction, rendered in
/// memory with the project's templates.
fn render_edited(
    root: &std::path::Path,
    edit: impl Fn(&mut report::extract::FigureClaim),
) -> std::collections::BTreeMap<String, Vec<u8>> {
    let (config, _) = report::config::load_config(root).unwrap();
    let (content, _) = report::content::load_content(root).unwrap();
    let entries = content
        .articles
        .into_iter()
        .map(|article| {
            let (mut claims, _) = report::extract::extract_claims(&article);
            claims.figures.iter_mut().for_each(&edit);
            report::assemble::ArticleEntry { article, claims }
        })
        .collect();
    let built = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    let (r, _) = report::assemble::assemble(config, built, entries, content.briefings);
    let (templates, d) = report::render::load_templates(root, &root.join("templates")).unwrap();
    let templates = templates.unwrap_or_else(|| panic!("{d:?}"));
    let memory = Memory::default();
    let rendered = report::render::render(r, &templates, &memory, None).unwrap();
    assert!(
        rendered.diagnostics.is_empty(),
        "{:?}",
        rendered.diagnostics
    );
    memory.0.into_inner().unwrap()
}

#[test]
fn scopes_are_escaped_in_the_exports() {
    // The extractor fills in scopes in a later version: set here on every figure, with
    // characters each format escapes.
    let p = TestProject::example();
    p.write("content/articles/nordvik.md", NORDVIK);
    let edit = |f: &mut report::extract::FigureClaim| {
        f.scope = Some("=Nordvik <b>\"AS\"</b>, Oslo; 'north'".into());
        if f.measure.is_none() {
            f.measure = f.unit.as_ref().map(|u| format!("{u} (Nordvik)").into());
        }
    };
    let rendered = render_edited(p.root(), edit);
    let claims: serde_json::Value =
        serde_json::from_slice(&rendered["claims/2024-05.json"]).unwrap();
    assert!(
        claims
            .to_string()
            .contains(r#""scope":"=Nordvik <b>\"AS\"</b>, Oslo; 'north'""#),
        "{claims}"
    );
    let csv = String::from_utf8(rendered["figures/2024-05.csv"].clone()).unwrap();
    assert!(
        csv.contains(",\"'=Nordvik <b>\"\"AS\"\"</b>, Oslo; 'north'\","),
        "{csv}"
    );
}

#[test]
fn each_briefing_exports_only_its_own_claims() {
    let p = TestProject::example();
    p.write("content/articles/nordvik.md", NORDVIK);
    p.write(
        "content/articles/port.md",
        "---\ntitle: Port\nsource: Wire\npublished: 2024-04-03\ntags: [x]\n---\nOn 2 April 2024 the port closed and 300 ships waited, officials said.\n",
    );
    p.write(
        "content/briefings/x.md",
        "---\ntitle: X\ntags: [x]\n---\nText.\n",
    );
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    for (slug, articles) in [
        ("north-korea-russia-arms", &["000_d3ab9671ae447b92"][..]),
        ("x", &["nordvik", "port"][..]),
    ] {
        let html = p.read_site(&format!("briefings/{slug}.html"));
        for ext in ["figures.csv", "chronology.ics", "timeline.json"] {
            assert!(html.contains(&format!("href=\"../briefings/{slug}.{ext}\"")));
        }
        let ours = |id: &str| articles.iter().any(|a| id.starts_with(&format!("{a}-")));
        let csv = p.read_site(&format!("briefings/{slug}.figures.csv"));
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let headers = reader.headers().unwrap();
        assert_eq!((&headers[0], &headers[1]), ("series", "article"));
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert!(!rows.is_empty(), "{slug}");
        for row in &rows {
            assert!(articles.contains(&&row[1]), "{slug}: {row:?}");
        }
        let lines = parse_ics(&p.read_site(&format!("briefings/{slug}.chronology.ics")));
        let calendar = events(&lines);
        assert!(!calendar.is_empty(), "{slug}");
        for e in &calendar {
            assert!(ours(&prop(e, "UID").value), "{slug}: {e:?}");
        }
        let timeline: serde_json::Value =
            serde_json::from_str(&p.read_site(&format!("briefings/{slug}.timeline.json"))).unwrap();
        let slides = timeline["events"].as_array().unwrap();
        assert_eq!(slides.len(), calendar.len(), "{slug}");
        for e in slides {
            assert!(ours(e["unique_id"].as_str().unwrap()), "{slug}: {e}");
        }
    }
    let example = p.read_site(ICS);
    assert_eq!(events(&parse_ics(&example)).len(), 8);
}

#[test]
fn claims_and_figures_split_by_month_hold_every_claim_once() {
    let p = TestProject::example();
    p.write("content/articles/nordvik.md", NORDVIK);
    for (slug, day) in [("late", "30"), ("early", "02")] {
        p.write(
            &format!("content/articles/{slug}.md"),
            &format!("---\ntitle: {slug}\nsource: Wire\npublished: 2023-11-{day}\n---\nOn 1 November 2023 about 1,500 trucks crossed, officials said.\n"),
        );
    }
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    for gone in [
        "claims.json",
        "figures.csv",
        "chronology.ics",
        "timeline.json",
    ] {
        assert!(!p.site().join(gone).exists(), "{gone}");
    }
    let listed = |export: &str| -> Vec<serde_json::Value> {
        let index: serde_json::Value =
            serde_json::from_str(&p.read_site(&format!("{export}/index.json"))).unwrap();
        index["months"].as_array().unwrap().clone()
    };
    let claims_index = listed("claims");
    let figures_index = listed("figures");
    let months: Vec<&str> = claims_index
        .iter()
        .map(|m| m["month"].as_str().unwrap())
        .collect();
    assert_eq!(months, ["2023-11", "2024-03", "2024-05"], "oldest first");
    // Nothing in the folders but the index and the months it lists.
    for (export, index, ext) in [
        ("claims", &claims_index, "json"),
        ("figures", &figures_index, "csv"),
    ] {
        let mut files: Vec<String> = std::fs::read_dir(p.site().join(export))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let mut expected: Vec<String> = index
            .iter()
            .map(|m| format!("{}.{ext}", m["month"].as_str().unwrap()))
            .collect();
        expected.push("index.json".into());
        expected.sort();
        assert_eq!(files, expected, "{export}");
    }
    // Every article once, in the month it was published, with the counts the index gives.
    let mut slugs = Vec::new();
    let mut figures = Vec::new();
    for (m, listed) in claims_index.iter().enumerate() {
        let month: serde_json::Value =
            serde_json::from_str(&p.read_site(listed["path"].as_str().unwrap())).unwrap();
        assert_eq!(month["month"], months[m]);
        let articles = month["articles"].as_array().unwrap();
        assert_eq!(listed["articles"], articles.len());
        let count = |key: &str| -> usize {
            articles
                .iter()
                .map(|a| a[key].as_array().unwrap().len())
                .sum()
        };
        assert_eq!(listed["figures"], count("figures"));
        assert_eq!(listed["dates"], count("dates"));
        assert_eq!(listed["events"], count("events"));
        for a in articles {
            assert!(a["published"].as_str().unwrap().starts_with(months[m]));
            slugs.push(a["slug"].as_str().unwrap().to_string());
            for f in a["figures"].as_array().unwrap() {
                figures.push((
                    a["slug"].as_str().unwrap().to_string(),
                    f["text"].as_str().unwrap().to_string(),
                    f["start"].to_string(),
                ));
            }
        }
        // The month's figures, row for row.
        let csv_listed = &figures_index[m];
        assert_eq!(csv_listed["month"], months[m]);
        let csv = p.read_site(csv_listed["path"].as_str().unwrap());
        let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv.as_bytes())
            .records()
            .map(Result::unwrap)
            .collect();
        assert_eq!(csv_listed["rows"], rows.len());
        assert_eq!(listed["figures"], rows.len());
    }
    slugs.sort();
    assert_eq!(
        slugs,
        ["000_d3ab9671ae447b92", "early", "late", "nordvik"],
        "each article once"
    );
    let csv = p.figures_csv();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let mut rows: Vec<(String, String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[4].to_string(), r[12].to_string())
        })
        .collect();
    rows.sort();
    figures.sort();
    assert_eq!(
        rows, figures,
        "figures.csv and claims hold the same figures"
    );
}

#[test]
fn a_briefings_timeline_and_calendar_hold_its_latest_events_and_say_so() {
    let p = TestProject::empty();
    let months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    // 1,100 dated statements, a day apart, over eleven articles.
    for a in 0..11 {
        let mut text = String::new();
        for i in 0..100 {
            let day = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()
                + chrono::Days::new((a * 100 + i) as u64);
            text.push_str(&format!(
                "On {} {} {} the port closed. ",
                chrono::Datelike::day(&day),
                months[chrono::Datelike::month0(&day) as usize],
                chrono::Datelike::year(&day)
            ));
        }
        p.write(
            &format!("content/articles/a{a:02}.md"),
            &format!(
                "---\ntitle: Port {a}\nsource: Wire\npublished: 2024-01-{:02}\ntags: [t]\n---\n{text}\n",
                a + 1
            ),
        );
    }
    p.write(
        "content/briefings/b.md",
        "---\ntitle: B\nsummary: Ports\ntags: [t]\n---\nText.\n",
    );
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    let timeline: serde_json::Value =
        serde_json::from_str(&p.read_site("briefings/b.timeline.json")).unwrap();
    let slides = timeline["events"].as_array().unwrap();
    assert_eq!(slides.len(), report::render::data::TIMELINE_EVENTS);
    let note = timeline["title"]["text"]["text"].as_str().unwrap();
    assert!(
        note.starts_with("Ports<p>The latest 300 of 1100 dated statements, from "),
        "{note}"
    );
    // The latest: the last day written is the last slide's.
    let last = &slides[slides.len() - 1]["start_date"];
    assert_eq!(
        (&last["year"], &last["month"], &last["day"]),
        (&2023.into(), &1.into(), &4.into())
    );
    let lines = parse_ics(&p.read_site("briefings/b.chronology.ics"));
    assert_eq!(events(&lines).len(), report::render::data::CALENDAR_EVENTS);
    let description = lines.iter().find(|l| l.name == "X-WR-CALDESC").unwrap();
    assert!(
        ics_unescape(&description.value).starts_with("The latest 1000 of 1100 dated statements"),
        "{}",
        description.value
    );
    assert_eq!(
        events(&lines)
            .last()
            .map(|e| prop(e, "DTSTART").value.as_str()),
        Some("20230104")
    );
    // Every statement stays in claims/.
    let all: usize = p
        .claims()
        .iter()
        .map(|a| a["events"].as_array().unwrap().len())
        .sum();
    assert_eq!(all, 1100);
}

#[test]
fn a_project_template_replaces_a_data_export_writer() {
    let p = TestProject::example();
    p.write(
        "templates/briefing.timeline.json",
        "{\"title\": {{ briefing.title | json_encode() | safe }}}\n",
    );
    p.write("templates/claims.json", "{{ articles | length }}\n");
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    assert_eq!(
        p.read_site(TIMELINE),
        "{\"title\": \"North Korean arms transfers to Russia\"}\n"
    );
    assert_eq!(p.read_site("claims.json"), "1\n");
    assert!(!p.site().join("claims").exists(), "one producer");
    // The other writers still write.
    assert!(p.site().join("figures/index.json").is_file());
    assert!(p.read_site(ICS).starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(p.read_site(FIGURES).starts_with("series,article,"));
}

#[test]
fn a_briefing_without_claims_gets_empty_exports_that_still_parse() {
    let p = TestProject::example();
    p.write(
        "content/articles/plain.md",
        "---\ntitle: Nothing dated\nsource: Wire\npublished: 2024-05-03\ntags: [plain]\n---\nNo figures here at all.\n",
    );
    p.write(
        "content/briefings/plain.md",
        "---\ntitle: Plain\ntags: [plain]\n---\nText.\n",
    );
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    assert_eq!(
        p.read_site("briefings/plain.figures.csv"),
        "series,article,source,published,url,text,value,unit,qualifier,kind,said_by,as_of,sentence,start,end,measure,scope,direction,status,said_by_kind\n"
    );
    let lines = parse_ics(&p.read_site("briefings/plain.chronology.ics"));
    assert!(events(&lines).is_empty());
    assert!(!lines.iter().any(|l| l.name == "X-WR-CALDESC"));
    let timeline: serde_json::Value =
        serde_json::from_str(&p.read_site("briefings/plain.timeline.json")).unwrap();
    assert_eq!(timeline["events"], serde_json::json!([]));
    assert_eq!(timeline["title"]["text"]["headline"], "Plain");
}

/// The records of a CSV text, without its header.
fn records(csv: &str) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn exports_larger_than_max_export_size_are_split_into_files_under_it_listed_by_their_index() {
    const BOUND: usize = 6_000;
    let whole = TestProject::empty();
    many_articles(&whole, 120);
    assert!(whole.build().written);
    let p = TestProject::empty();
    many_articles(&p, 120);
    p.write("report.yaml", "max_export_size: 6 KB\n");
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);

    // The briefing's figures: numbered files under the bound, each a CSV with the header, that
    // joined are the one file an unsplit build writes.
    let index: serde_json::Value =
        serde_json::from_str(&p.read_site("briefings/b.figures.json")).unwrap();
    let files = index["files"].as_array().unwrap();
    assert!(files.len() > 2, "{index}");
    assert!(!p.site().join("briefings/b.figures.csv").exists());
    let html = p.read_site("briefings/b.html");
    assert!(html.contains("href=\"../briefings/b.figures.json\""));
    let mut joined = String::new();
    let mut rows = 0;
    for (n, file) in files.iter().enumerate() {
        let path = file["path"].as_str().unwrap();
        assert_eq!(path, format!("briefings/b.figures-{}.csv", n + 1));
        assert!(
            html.contains(&format!("href=\"../{path}\"")),
            "{path} linked"
        );
        let text = p.read_site(path);
        assert!(text.len() <= BOUND, "{path}: {} bytes", text.len());
        assert_eq!(file["bytes"], text.len(), "{path}");
        let records = records(&text);
        assert_eq!(file["rows"], records.len(), "{path}");
        assert_eq!(file["first_series"].as_str(), Some(&records[0][0]));
        assert_eq!(
            file["last_series"].as_str(),
            Some(&records[records.len() - 1][0])
        );
        rows += records.len();
        let (header, body) = text.split_once('\n').unwrap();
        assert!(header.starts_with("series,article,"), "{path}");
        if n == 0 {
            joined.push_str(header);
            joined.push('\n');
        }
        joined.push_str(body);
    }
    assert_eq!(index["rows"], rows);
    assert_eq!(index["columns"][0], "series");
    let unsplit = whole.read_site("briefings/b.figures.csv");
    assert_eq!(records(&unsplit).len(), 240, "two figures an article");
    assert_eq!(joined, unsplit, "every row once, in order");

    // The month of claims and of figures: split between articles, every file listed.
    for (export, ext) in [("claims", "json"), ("figures", "csv")] {
        let index: serde_json::Value =
            serde_json::from_str(&p.read_site(&format!("{export}/index.json"))).unwrap();
        let listed = index["months"].as_array().unwrap();
        assert!(listed.len() > 2, "{export}: {index}");
        let mut paths: Vec<String> = Vec::new();
        for (n, file) in listed.iter().enumerate() {
            assert_eq!(file["month"], "2024-03");
            assert_eq!(
                (&file["part"], &file["parts"]),
                (&(n + 1).into(), &listed.len().into())
            );
            let path = file["path"].as_str().unwrap();
            assert_eq!(path, format!("{export}/2024-03-{}.{ext}", n + 1));
            let size = std::fs::metadata(p.site().join(path)).unwrap().len();
            assert!(size as usize <= BOUND, "{path}: {size} bytes");
            paths.push(path.rsplit('/').next().unwrap().to_string());
        }
        let mut files: Vec<String> = std::fs::read_dir(p.site().join(export))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name != "index.json")
            .collect();
        files.sort();
        paths.sort();
        assert_eq!(files, paths, "{export}: only the listed files");
    }
    assert_eq!(p.claims(), whole.claims(), "every article once, in order");
    for part in p.months("claims") {
        let month: serde_json::Value = serde_json::from_str(&part).unwrap();
        assert_eq!(month["month"], "2024-03");
        assert!(!month["articles"].as_array().unwrap().is_empty());
    }
    assert_eq!(
        p.figures_csv(),
        whole.figures_csv(),
        "every figure once, in order"
    );
}

#[test]
fn a_project_figures_template_writes_one_file_per_briefing_however_large() {
    let p = TestProject::empty();
    many_articles(&p, 60);
    p.write("report.yaml", "max_export_size: 2 KB\n");
    p.write(
        "templates/briefing.figures.csv",
        "rows,{{ briefing.figure_count }}\n",
    );
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    assert_eq!(p.read_site("briefings/b.figures.csv"), "rows,120\n");
    for gone in ["briefings/b.figures.json", "briefings/b.figures-1.csv"] {
        assert!(!p.site().join(gone).exists(), "{gone}: one producer");
    }
    let html = p.read_site("briefings/b.html");
    assert!(html.contains("href=\"../briefings/b.figures.csv\""));
    assert!(!html.contains("figures.json"));
    // The writers that stand still split.
    assert!(p.site().join("claims/2024-03-2.json").is_file());
}

#[test]
fn exports_say_what_kind_of_author_each_speaker_is() {
    let p = TestProject::example();
    p.build();
    let mut kinds = Vec::new();
    for article in p.claims() {
        for claim in article["figures"]
            .as_array()
            .unwrap()
            .iter()
            .chain(article["events"].as_array().unwrap())
        {
            // A kind exactly when there is a speaker.
            assert_eq!(
                claim["said_by"].is_null(),
                claim["said_by_kind"].is_null(),
                "{claim}"
            );
            kinds.push((
                claim["said_by"].as_str().unwrap_or("").to_string(),
                claim["said_by_kind"].as_str().unwrap_or("").to_string(),
            ));
        }
    }
    assert!(kinds.contains(&("Defence Minister Shin Won-sik".into(), "person".into())));
    assert!(kinds.contains(&("United States".into(), "organization".into())));
    let csv = p.figures_csv();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (by, kind) = (column("said_by"), column("said_by_kind"));
    let rows = records(&csv);
    assert!(!rows.is_empty());
    for row in &rows {
        assert_eq!(row[by].is_empty(), row[kind].is_empty(), "{row:?}");
        assert!(["", "person", "organization", "group"].contains(&&row[kind]));
    }
}
