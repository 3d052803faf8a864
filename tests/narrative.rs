//! The narrative passages of `eval/narrative/` (issue 15): history told years after the events,
//! whose year-less months and weekdays must count from the time the story is in. The tuning
//! part must keep a value accuracy of at least 0.90, scored as `../shared/eval/score_timex.py`
//! scores it (value accuracy = right values among the gold expressions matched by overlap).

use std::path::Path;

use chrono::NaiveDate;
use serde_json::Value;

/// One expression: character span and TIMEX3 value.
type Span = (usize, usize, String);

fn spans(list: &Value, chars_of: impl Fn(&Value) -> (usize, usize)) -> Vec<Span> {
    list.as_array()
        .into_iter()
        .flatten()
        .map(|t| {
            let (s, e) = chars_of(t);
            (s, e, t["value"].as_str().unwrap_or("").to_string())
        })
        .collect()
}

/// (matched, right values): gold and predicted aligned one to one, exact spans first, then
/// each prediction with the leftmost unmatched gold expression it overlaps.
fn score(gold: &[Span], pred: &[Span]) -> (usize, usize) {
    let mut pair: Vec<Option<usize>> = vec![None; gold.len()];
    let mut used = vec![false; pred.len()];
    for (g, (gs, ge, _)) in gold.iter().enumerate() {
        if let Some(p) = (0..pred.len()).find(|&p| !used[p] && pred[p].0 == *gs && pred[p].1 == *ge)
        {
            used[p] = true;
            pair[g] = Some(p);
        }
    }
    for p in 0..pred.len() {
        if used[p] {
            continue;
        }
        if let Some(g) = (0..gold.len())
            .find(|&g| pair[g].is_none() && pred[p].0 < gold[g].1 && gold[g].0 < pred[p].1)
        {
            used[p] = true;
            pair[g] = Some(p);
        }
    }
    let matched = pair.iter().flatten().count();
    let right = pair
        .iter()
        .enumerate()
        .filter(|(g, p)| p.is_some_and(|p| pred[p].2 == gold[*g].2))
        .count();
    (matched, right)
}

#[test]
fn issue_15_narrative_passages_resolve_against_the_story() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/narrative/tune.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let (mut matched, mut right) = (0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let doc: Value = serde_json::from_str(line).unwrap();
        let body = doc["text"].as_str().unwrap();
        let dct = NaiveDate::parse_from_str(doc["dct"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        let out = report::extract_text(Path::new("document.txt"), body.to_string(), Some(dct))
            .unwrap_or_else(|_| panic!("{}", doc["doc_id"]));
        let dates = serde_json::to_value(&out.claims.dates).unwrap();
        let num = |t: &Value, k: &str| t[k].as_u64().unwrap() as usize;
        let gold = spans(&doc["timexes"], |t| (num(t, "start"), num(t, "end")));
        let pred = spans(&dates, |t| (num(t, "start"), num(t, "end")));
        let (m, r) = score(&gold, &pred);
        matched += m;
        right += r;
    }
    let accuracy = right as f64 / matched.max(1) as f64;
    assert!(matched >= 120, "{matched} expressions matched");
    assert!(
        accuracy >= 0.90,
        "value accuracy {accuracy:.4} ({right}/{matched})"
    );
}
