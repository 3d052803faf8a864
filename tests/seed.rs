//! The seed story (`content/articles/000_d3ab9671ae447b92.txt`) against its gold claims
//! (`tests/fixtures/seed/expected.yaml`, a copy of the shared acceptance fixture): every figure,
//! date and event, with qualifier, unit, kind and speaker, and no figure the gold does not list.
//! Matching follows the shared scorer: lenient on form, strict on meaning.

use std::path::Path;

use serde_yaml::Value;

fn gold() -> Value {
    let text = std::fs::read_to_string("tests/fixtures/seed/expected.yaml").unwrap();
    serde_yaml::from_str(&text).unwrap()
}

fn extraction() -> serde_json::Value {
    let path = Path::new("content/articles/000_d3ab9671ae447b92.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let out = report::extract_text(path, text, None).unwrap();
    serde_json::to_value(out).unwrap()
}

fn list(v: &Value) -> Vec<String> {
    match v {
        Value::Sequence(s) => s.iter().map(scalar).collect(),
        Value::Null => Vec::new(),
        x => vec![scalar(x)],
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => format!("{other:?}"),
    }
}

fn words(s: &str) -> Vec<String> {
    s.replace('-', " ")
        .split_whitespace()
        .map(|w| {
            w.trim_matches(['.', ',', '$'])
                .to_lowercase()
                .trim_end_matches('s')
                .to_string()
        })
        .collect()
}

fn unit_ok(gold: &Value, pred: &serde_json::Value) -> bool {
    let Some(g) = gold.get("unit") else {
        return true;
    };
    let p = words(pred["unit"].as_str().unwrap_or(""));
    list(g)
        .iter()
        .any(|g| words(g).iter().any(|w| p.contains(w)))
}

#[test]
fn seed_figures_match_the_gold_with_no_false_figures() {
    let gold = gold();
    let out = extraction();
    let figures = out["figures"].as_array().unwrap();
    let mut used = vec![false; figures.len()];
    let mut expected_mentions = 0;
    for g in gold["figures"].as_sequence().unwrap() {
        let value: f64 = g["value"].as_f64().unwrap();
        let appears = g.get("appears").and_then(Value::as_u64).unwrap_or(1);
        expected_mentions += appears as usize;
        for _ in 0..appears {
            let i = figures
                .iter()
                .enumerate()
                .position(|(i, p)| {
                    !used[i]
                        && (p["value"].as_f64().unwrap() - value).abs() <= 0.005 * value
                        && unit_ok(g, p)
                })
                .unwrap_or_else(|| {
                    panic!(
                        "missing figure {value} {:?}; got {figures:#?}",
                        g.get("unit")
                    )
                });
            used[i] = true;
            let p = &figures[i];
            if let Some(q) = g.get("qualifier") {
                assert_eq!(
                    p["qualifier"].as_str(),
                    Some(scalar(q).as_str()),
                    "qualifier of {value}"
                );
            }
            if let Some(k) = g.get("kind") {
                assert_eq!(
                    p["kind"].as_str(),
                    Some(scalar(k).as_str()),
                    "kind of {value}"
                );
            }
            if let Some(s) = g.get("said_by") {
                let said = p["said_by"].as_str().unwrap_or("").to_lowercase();
                assert!(
                    list(s).iter().any(|n| said.contains(&n.to_lowercase())),
                    "speaker of {value}: {said}"
                );
            }
            if let Some(a) = g.get("as_of") {
                assert_eq!(
                    p["as_of"].as_str(),
                    Some(scalar(a).as_str()),
                    "as_of of {value}"
                );
            }
        }
    }
    assert_eq!(
        figures.len(),
        expected_mentions,
        "false figures: {figures:#?}"
    );
}

#[test]
fn seed_dates_match_the_gold_in_order() {
    let gold = gold();
    let out = extraction();
    let dates = out["dates"].as_array().unwrap();
    let mut used = vec![false; dates.len()];
    for g in gold["dates"].as_sequence().unwrap() {
        if g.get("optional").and_then(Value::as_bool) == Some(true) {
            continue;
        }
        let text = scalar(&g["text"]).to_lowercase();
        let value = scalar(&g["value"]);
        let i = dates
            .iter()
            .enumerate()
            .position(|(i, p)| {
                let pt = p["text"].as_str().unwrap().to_lowercase();
                !used[i]
                    && (pt.contains(&text) || text.contains(&pt))
                    && p["value"].as_str() == Some(value.as_str())
            })
            .unwrap_or_else(|| panic!("missing date {text} = {value}; got {dates:#?}"));
        used[i] = true;
    }
}

#[test]
fn seed_events_cover_the_gold_chronology() {
    let gold = gold();
    let out = extraction();
    let events = out["events"].as_array().unwrap();
    let mut used = vec![false; events.len()];
    for g in gold["events"].as_sequence().unwrap() {
        let date = scalar(&g["date"]);
        let i = events
            .iter()
            .enumerate()
            .position(|(i, p)| !used[i] && p["date"].as_str() == Some(date.as_str()))
            .unwrap_or_else(|| panic!("missing event {date}; got {events:#?}"));
        used[i] = true;
        if let Some(s) = g.get("said_by") {
            // Several events may share a date; one of them must carry the speaker.
            let ok = events.iter().any(|p| {
                p["date"].as_str() == Some(date.as_str())
                    && list(s).iter().any(|n| {
                        p["said_by"]
                            .as_str()
                            .unwrap_or("")
                            .to_lowercase()
                            .contains(&n.to_lowercase())
                    })
            });
            assert!(ok, "no event on {date} said by {s:?}");
        }
    }
}

#[test]
fn seed_offsets_point_into_the_file() {
    let text = std::fs::read_to_string("content/articles/000_d3ab9671ae447b92.txt").unwrap();
    let chars: Vec<char> = text.chars().collect();
    let out = extraction();
    for kind in ["figures", "dates", "events"] {
        for c in out[kind].as_array().unwrap() {
            let (s, e) = (
                c["start"].as_u64().unwrap() as usize,
                c["end"].as_u64().unwrap() as usize,
            );
            let slice: String = chars[s..e].iter().collect();
            let want = c["text"].as_str().unwrap();
            assert_eq!(slice, want, "{kind}");
        }
    }
}
