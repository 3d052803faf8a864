//! Figure tables group by series: figures of one measure form one table whatever they count,
//! figures without a measure fall back to their unit, and each table is headed by its series.

mod common;

use common::{TestProject, attr_values, between};

/// Two wires on displacement in South Sudan and a company's results. The measures are given by
/// hand (the extractor does not fill them in yet), spelled differently in the two articles.
const UN: &str = "---\ntitle: UN on South Sudan\nsource: UN\npublished: 2024-05-03\ntags: [sudan]\nclaims:\n  - value: 2000000\n    unit: people\n    qualifier: approximately\n    measure: people displaced (South Sudan)\n    said_by: UNHCR\n    as_of: 2024-05\n  - value: 1800000\n    unit: displaced people\n    measure: People  displaced (South Sudan)\n    said_by: UNHCR\n    as_of: 2024-01\n---\nThe agency said 40 trucks reached Juba on Thursday.\n";

const NGO: &str = "---\ntitle: NGO on South Sudan\nsource: Post\npublished: 2024-05-04\ntags: [sudan]\nclaims:\n  - value: 2150000\n    unit: displaced\n    measure: people displaced (south sudan)\n    said_by: Oxfam\n    as_of: 2024-05\n  - value: 900000\n    unit: people\n    measure: people displaced (Sudan)\n    said_by: Oxfam\n    as_of: 2024-05\n  - value: 2700000000\n    unit: USD\n    kind: money\n    said_by: Oxfam\n    as_of: 2024-05\n---\nOxfam said on Friday that 35 trucks reached Juba.\n";

const BRIEFING: &str = "---\ntitle: South Sudan\ntags: [sudan]\n---\nText.\n";

fn project() -> TestProject {
    let p = TestProject::empty();
    p.write("content/articles/un.md", UN);
    p.write("content/articles/ngo.md", NGO);
    p.write("content/briefings/sudan.md", BRIEFING);
    p
}

/// The headings of a briefing page's figure tables, in order, with their ids.
fn headings(html: &str) -> Vec<(String, String)> {
    html.split("<h3 id=\"fig-")
        .skip(1)
        .map(|h| {
            let (id, rest) = h.split_once("\">").unwrap();
            (
                id.to_string(),
                rest.split("</h3>").next().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn figures_of_one_measure_form_one_table_headed_by_it() {
    let p = project();
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    let html = p.read_site("briefings/sudan.html");
    assert_eq!(
        headings(&html),
        [
            (
                "people-displaced-south-sudan".to_string(),
                "People displaced (South Sudan)".to_string()
            ),
            ("trucks".to_string(), "Trucks".to_string()),
            (
                "people-displaced-sudan".to_string(),
                "People displaced (Sudan)".to_string()
            ),
            ("usd".to_string(), "US dollars".to_string()),
        ]
    );
    // Three units, one series: oldest first, and charted.
    let group = between(&html, "id=\"fig-people-displaced-south-sudan\"", "</table>");
    let values: Vec<&str> = group
        .split("<span class=\"number\">")
        .skip(1)
        .map(|r| r.split("</span>").next().unwrap())
        .collect();
    assert_eq!(values, ["1.8 million", "2.15 million", "2 million"]);
    assert!(group.contains("<title id=\"chart-people-displaced-south-sudan-title\">People displaced (South Sudan): figures by as-of date</title>"));
    // "about 2,000,000" and 2,150,000 agree within 10%: no conflict.
    assert!(!group.contains("class=\"conflict\""));
    // Trucks have no measure: grouped by unit as before, across the two articles.
    let trucks = between(&html, "id=\"fig-trucks\"", "</table>");
    assert_eq!(trucks.matches("<tr id=\"fig-trucks-").count(), 2);
    // Money is shown with its currency, and the table is not headed by a code.
    assert!(!html.contains(">Usd<") && !html.contains(">USD<"));
}

#[test]
fn values_of_one_series_that_cannot_both_be_right_conflict() {
    let p = project();
    // The agency now says exactly 2,500,000 for May: more than 10% above Oxfam's 2,150,000.
    p.write(
        "content/articles/un.md",
        &UN.replace(
            "value: 2000000\n    unit: people\n    qualifier: approximately",
            "value: 2500000\n    unit: people",
        ),
    );
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    let html = p.read_site("briefings/sudan.html");
    let group = between(&html, "id=\"fig-people-displaced-south-sudan\"", "</table>");
    let flagged: Vec<String> = group
        .split("<tr id=\"")
        .skip(1)
        .filter(|r| r.contains("class=\"conflict\""))
        .map(|r| r.split('"').next().unwrap().to_string())
        .collect();
    assert_eq!(
        flagged,
        [
            "fig-people-displaced-south-sudan-2",
            "fig-people-displaced-south-sudan-3"
        ]
    );
    // The Sudan figure (900,000) is another series: not compared with them.
    let sudan = between(&html, "id=\"fig-people-displaced-sudan\"", "</table>");
    assert!(!sudan.contains("class=\"conflict\""));
    // check --strict names the series in its message and in the note it asks for.
    let (code, _, err) = common::report(&["check", "--strict"], p.root());
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("error: sources give conflicting values for `People displaced (South Sudan)` (as of 2024-05)"),
        "{err}"
    );
    assert!(
        err.contains("`notes: {People displaced (South Sudan): \"…\"}`"),
        "{err}"
    );
    // A note by series name acknowledges it, and shows above the table.
    p.write(
        "content/briefings/sudan.md",
        "---\ntitle: South Sudan\ntags: [sudan]\nnotes:\n  people displaced (south sudan): UNHCR counts registrations.\n---\nText.\n",
    );
    let (code, _, err) = common::report(&["check", "--strict"], p.root());
    assert_eq!(code, 0, "{err}");
}

#[test]
fn figures_and_notes_accept_series_names_and_units() {
    let p = project();
    p.write(
        "content/briefings/sudan.md",
        "---\ntitle: South Sudan\ntags: [sudan]\nfigures: [usd, people displaced (sudan), trucks, tanks]\nnotes:\n  truck: Convoys are counted at the border.\n  US dollars: Pledged, not disbursed.\n---\nText.\n",
    );
    let outcome = p.build();
    assert!(outcome.written);
    let warnings: Vec<String> = outcome.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        warnings,
        [
            "content/briefings/sudan.md: warning: no figure series or unit `tanks` in this briefing's articles\n  help: series found: People displaced (South Sudan), trucks, people displaced (Sudan), USD"
        ]
    );
    let html = p.read_site("briefings/sudan.html");
    let ids: Vec<String> = headings(&html).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["usd", "people-displaced-sudan", "trucks"]);
    let trucks = between(&html, "id=\"fig-trucks\"", "</table>");
    assert!(trucks.contains("Convoys are counted at the border."));
    let usd = between(&html, "id=\"fig-usd\"", "</table>");
    assert!(usd.contains("Pledged, not disbursed."));
    // Every row's id is unique on the page.
    let mut row_ids = attr_values(&html, "id");
    let n = row_ids.len();
    row_ids.sort();
    row_ids.dedup();
    assert_eq!(row_ids.len(), n);
}

/// A copy of `tests/fixtures/series`: two articles on Nordvik whose measures the briefing
/// renames, merges and splits with `series:`.
fn nordvik() -> TestProject {
    let p = TestProject::empty();
    common::copy_dir(
        std::path::Path::new("tests/fixtures/series/content"),
        &p.root().join("content"),
    );
    p
}

/// The values of the rows of the group with `id`, in order.
fn values<'a>(html: &'a str, id: &str) -> Vec<&'a str> {
    between(html, &format!("<h3 id=\"fig-{id}\">"), "</table>")
        .split("<span class=\"number\">")
        .skip(1)
        .map(|r| r.split("</span>").next().unwrap())
        .collect()
}

#[test]
fn the_analyst_renames_merges_and_splits_series() {
    let p = nordvik();
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let html = p.read_site("briefings/nordvik.html");
    // In the order of `figures:`, which names series by their new names, and by unit.
    assert_eq!(
        headings(&html),
        [
            (
                "net-income-nordvik".to_string(),
                "Net income (Nordvik)".to_string()
            ),
            (
                "jobs-cut-nordvik".to_string(),
                "Jobs cut (Nordvik)".to_string()
            ),
            (
                "net-income-first-quarter-nordvik".to_string(),
                "Net income, first quarter (Nordvik)".to_string()
            ),
            ("ships-ordered".to_string(), "Ships ordered".to_string()),
        ]
    );
    // Merged: "net income" and "net profit" of two articles, one series, charted; the quarter
    // is split out of it.
    assert_eq!(
        values(&html, "net-income-nordvik"),
        ["$2.7 billion", "$2.9 billion"]
    );
    assert!(html.contains("<title id=\"chart-net-income-nordvik-title\">Net income (Nordvik): figures by as-of date</title>"));
    assert_eq!(
        values(&html, "net-income-first-quarter-nordvik"),
        ["$650 million"]
    );
    // "jobs cut" and "staff cuts": one series of two down changes, with the note given under
    // its new name.
    assert_eq!(
        values(&html, "jobs-cut-nordvik"),
        ["\u{2212}1,800", "\u{2212}600"]
    );
    let jobs = between(&html, "<h3 id=\"fig-jobs-cut-nordvik\">", "</table>");
    assert!(jobs.contains("Announced cuts, not yet made."));
    assert_eq!(values(&html, "ships-ordered"), ["40"]);
}

#[test]
fn a_series_key_that_names_nothing_is_a_warning_on_its_line() {
    let p = nordvik();
    p.write(
        "content/briefings/nordvik.md",
        "---\ntitle: Nordvik\ntags: [nordvik]\nseries:\n  net income (Nordvik): Net income\n  net incme (Nordvik): Net income\n  nordvik-q1#f9: Q1\n  elsewhere#f1: Q1\n  Net Income  (nordvik): Earnings\n---\nText.\n",
    );
    let outcome = p.build();
    assert!(outcome.written, "warnings only");
    let found: Vec<String> = outcome.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        found,
        [
            "content/briefings/nordvik.md:6:3: warning: `series:` key `net incme (Nordvik)` matches no figure in this briefing\n  help: a key is a measure (jobs cut (Nordvik), net income (Nordvik), net profit (Nordvik), staff cuts (Nordvik)), the unit of figures without one (ships), or one figure as `ARTICLE#fN`",
            "content/briefings/nordvik.md:7:3: warning: `series:` key `nordvik-q1#f9` matches no figure in this briefing\n  help: `nordvik-q1` has 3 figures, f1 to f3",
            "content/briefings/nordvik.md:8:3: warning: `series:` key `elsewhere#f1` matches no figure in this briefing\n  help: `elsewhere` is not one of this briefing's articles",
            "content/briefings/nordvik.md:9:3: warning: `series:` key `Net Income  (nordvik)` names the same figures as `net income (Nordvik)` (line 5), which is used\n  help: remove one of the two",
        ]
    );
}

/// Figures grouped only by what they count ("Percent") are no series: they come after every
/// series of one measure, however many rows they have.
#[test]
fn series_come_before_figures_grouped_only_by_their_unit() {
    let p = TestProject::empty();
    p.write(
        "content/articles/a.md",
        "---\ntitle: A\nsource: Wire\npublished: 2024-05-03\ntags: [t]\nclaims:\n  - value: 3\n    unit: percent\n    kind: percent\n    as_of: 2024-05\n  - value: 4\n    unit: percent\n    kind: percent\n    as_of: 2024-04\n  - value: 5\n    unit: percent\n    kind: percent\n    as_of: 2024-03\n  - value: 2.5\n    unit: percent\n    kind: percent\n    measure: deposit rate\n    as_of: 2024-05\n---\nNo figures here.\n",
    );
    p.write(
        "content/briefings/t.md",
        "---\ntitle: T\ntags: [t]\n---\nText.\n",
    );
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    let html = p.read_site("briefings/t.html");
    let ids: Vec<String> = headings(&html).into_iter().map(|(id, _)| id).collect();
    let rate = ids.iter().position(|id| id == "deposit-rate");
    let percent = ids.iter().position(|id| id == "percent");
    assert!(rate.is_some() && percent.is_some(), "{ids:?}");
    assert!(rate < percent, "{ids:?}");
}
