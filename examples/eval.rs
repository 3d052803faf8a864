//! Evaluation harness: runs the project's extractor on public test sets and reports scores.
//!
//! ```text
//! cargo run --release --example eval -- tempeval ../shared/data/tempeval3/dev.jsonl [--out PRED.jsonl] [--errors ERR.jsonl] [--source TimeBank|AQUAINT]
//! cargo run --release --example eval -- recognizers ../shared/data/recognizers [--subset core|dotnet_ok|all] [--errors ERR.jsonl]
//! ```
//!
//! `tempeval` extracts every document in one process (through `report::extract_text`, the very
//! function behind `report extract`), writes the predictions file that
//! `../shared/eval/score_timex.py` reads, runs that scorer when `python3` is available, and
//! prints an error breakdown by category. `recognizers` scores value accuracy per spec file.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use chrono::NaiveDate;
use serde_json::{Value, json};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("tempeval") if args.len() >= 2 => tempeval(&args[1], &args[2..]),
        Some("recognizers") if args.len() >= 2 => recognizers(&args[1], &args[2..]),
        _ => Err("usage: eval tempeval FILE.jsonl [--out PRED] [--errors ERR] [--source S]\n       eval recognizers DIR [--subset core|dotnet_ok|all] [--errors ERR]".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

fn read_jsonl(path: &Path) -> Result<Vec<Value>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))
        })
        .collect()
}

/// Runs the extractor on `text` with reference date `dct`; the dates as JSON values.
fn extract_dates(text: &str, dct: NaiveDate) -> Vec<Value> {
    match report::extract_text(Path::new("document.txt"), text.to_string(), Some(dct)) {
        Ok(out) => serde_json::to_value(&out.claims.dates)
            .ok()
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default(),
        Err(_) => Vec::new(),
    }
}

fn extract_figures(text: &str, dct: NaiveDate) -> Vec<Value> {
    match report::extract_text(Path::new("document.txt"), text.to_string(), Some(dct)) {
        Ok(out) => serde_json::to_value(&out.claims.figures)
            .ok()
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default(),
        Err(_) => Vec::new(),
    }
}

fn num(v: &Value, key: &str) -> usize {
    v[key].as_u64().unwrap_or(0) as usize
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or("")
}

/// The shape of a TIMEX3 value, for the error breakdown.
fn category(kind: &str, value: &str) -> String {
    let shape: String = value
        .chars()
        .map(|c| if c.is_ascii_digit() { 'D' } else { c })
        .collect();
    let class = match kind {
        "DURATION" => "duration",
        "SET" => "set",
        "TIME" => "time",
        _ if value.ends_with("_REF") => "ref (PRESENT/PAST/FUTURE)",
        _ => match shape.as_str() {
            "DDDD-DD-DD" => "day",
            "DDDD-DD" => "month",
            "DDDD" => "year",
            "DDD" | "DD" => "decade/century",
            s if s.starts_with("DDDD-Q") || s.starts_with("DDDD-H") => "quarter/half",
            s if s.starts_with("DDDD-W") => "week",
            "DDDD-SP" | "DDDD-SU" | "DDDD-FA" | "DDDD-WI" => "season",
            s if s.starts_with("XXXX") => "unresolved (XXXX)",
            _ => "other date",
        },
    };
    format!("{kind:<8} {class}")
}

#[derive(Default)]
struct Tally {
    gold: usize,
    found: usize,
    exact: usize,
    value_ok: usize,
}

fn tempeval(path: &str, args: &[String]) -> Result<(), String> {
    let docs = read_jsonl(Path::new(path))?;
    let source = flag(args, "--source");
    let out_path = PathBuf::from(flag(args, "--out").unwrap_or("target/tempeval-pred.jsonl"));
    let err_path = PathBuf::from(flag(args, "--errors").unwrap_or("target/tempeval-errors.jsonl"));
    let gold_path = out_path.with_extension("gold.jsonl");
    let mut pred_out = String::new();
    let mut gold_out = String::new();
    let mut err_out = String::new();
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut spurious: BTreeMap<String, usize> = BTreeMap::new();
    let started = Instant::now();
    let mut chars = 0usize;
    let mut n_docs = 0usize;
    for doc in &docs {
        if source.is_some_and(|s| doc["source"].as_str() != Some(s)) {
            continue;
        }
        n_docs += 1;
        let text = s(doc, "text");
        chars += text.chars().count();
        let dct = NaiveDate::parse_from_str(s(doc, "dct"), "%Y-%m-%d")
            .map_err(|e| format!("{}: dct: {e}", s(doc, "doc_id")))?;
        let dates = extract_dates(text, dct);
        let timexes: Vec<Value> = dates
            .iter()
            .map(|d| json!({"start": d["start"], "end": d["end"], "value": d["value"], "type": d["type"]}))
            .collect();
        pred_out.push_str(&json!({"doc_id": doc["doc_id"], "timexes": timexes}).to_string());
        pred_out.push('\n');
        gold_out.push_str(&doc.to_string());
        gold_out.push('\n');
        // Breakdown: align like the scorer (exact span first, then leftmost overlap).
        let gold = doc["timexes"].as_array().cloned().unwrap_or_default();
        let mut pred_used = vec![false; dates.len()];
        let mut pairs: Vec<Option<usize>> = vec![None; gold.len()];
        for (g, gv) in gold.iter().enumerate() {
            if let Some(p) = (0..dates.len()).find(|&p| {
                !pred_used[p]
                    && num(&dates[p], "start") == num(gv, "start")
                    && num(&dates[p], "end") == num(gv, "end")
            }) {
                pred_used[p] = true;
                pairs[g] = Some(p);
            }
        }
        for p in 0..dates.len() {
            if pred_used[p] {
                continue;
            }
            let (ps, pe) = (num(&dates[p], "start"), num(&dates[p], "end"));
            if let Some(g) = (0..gold.len()).find(|&g| {
                pairs[g].is_none() && ps < num(&gold[g], "end") && num(&gold[g], "start") < pe
            }) {
                pred_used[p] = true;
                pairs[g] = Some(p);
            }
        }
        let context = |start: usize, end: usize| -> String {
            let c: Vec<char> = text.chars().collect();
            let a = start.saturating_sub(60);
            let b = (end + 40).min(c.len());
            c[a..b].iter().collect::<String>().replace('\n', " ")
        };
        for (g, gv) in gold.iter().enumerate() {
            let cat = category(s(gv, "type"), s(gv, "value"));
            let t = tallies.entry(cat.clone()).or_default();
            t.gold += 1;
            match pairs[g] {
                None => {
                    err_out.push_str(&json!({"error": "missed", "category": cat, "doc_id": doc["doc_id"], "dct": doc["dct"], "gold": gv["text"], "gold_value": gv["value"], "context": context(num(gv, "start"), num(gv, "end"))}).to_string());
                    err_out.push('\n');
                }
                Some(p) => {
                    let pv = &dates[p];
                    t.found += 1;
                    if num(pv, "start") == num(gv, "start") && num(pv, "end") == num(gv, "end") {
                        t.exact += 1;
                    } else {
                        err_out.push_str(&json!({"error": "span", "category": cat, "doc_id": doc["doc_id"], "gold": gv["text"], "pred": pv["text"]}).to_string());
                        err_out.push('\n');
                    }
                    if pv["value"] == gv["value"] {
                        t.value_ok += 1;
                    } else {
                        err_out.push_str(&json!({"error": "value", "category": cat, "doc_id": doc["doc_id"], "dct": doc["dct"], "gold": gv["text"], "gold_value": gv["value"], "pred": pv["text"], "pred_value": pv["value"], "context": context(num(gv, "start"), num(gv, "end"))}).to_string());
                        err_out.push('\n');
                    }
                }
            }
        }
        for (p, pv) in dates.iter().enumerate() {
            if !pred_used[p] {
                *spurious
                    .entry(category(s(pv, "type"), s(pv, "value")))
                    .or_default() += 1;
                err_out.push_str(&json!({"error": "spurious", "doc_id": doc["doc_id"], "pred": pv["text"], "pred_value": pv["value"], "context": context(num(pv, "start"), num(pv, "end"))}).to_string());
                err_out.push('\n');
            }
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    write(&out_path, &pred_out)?;
    write(&gold_path, &gold_out)?;
    write(&err_path, &err_out)?;
    println!(
        "{n_docs} documents, {chars} characters extracted in {elapsed:.3} s ({:.0} documents/s, one process, one thread)",
        n_docs as f64 / elapsed.max(1e-9)
    );
    println!(
        "predictions: {}  errors: {}",
        out_path.display(),
        err_path.display()
    );
    println!();
    println!(
        "{:<40} {:>5} {:>7} {:>7} {:>7} {:>9}",
        "gold category", "gold", "found", "exact", "value", "spurious"
    );
    let mut cats: Vec<&String> = tallies.keys().chain(spurious.keys()).collect();
    cats.sort();
    cats.dedup();
    for cat in cats {
        let t = tallies.get(cat.as_str());
        let (g, f, e, v) = t.map_or((0, 0, 0, 0), |t| (t.gold, t.found, t.exact, t.value_ok));
        println!(
            "{cat:<40} {g:>5} {f:>7} {e:>7} {v:>7} {:>9}",
            spurious.get(cat.as_str()).unwrap_or(&0)
        );
    }
    println!();
    // Beside the data (`../shared/data/tempeval3/dev.jsonl`), or in the shared checkout for a
    // set of the project's own (`eval/narrative/tune.jsonl`).
    let scorer = Path::new(path)
        .parent()
        .and_then(|p| p.parent())
        .map(|p| p.parent().unwrap_or(p).join("eval/score_timex.py"))
        .filter(|p| p.is_file())
        .or_else(|| Some(PathBuf::from("../shared/eval/score_timex.py")));
    match scorer.filter(|p| p.is_file()) {
        Some(scorer) => {
            let status = std::process::Command::new("python3")
                .arg(&scorer)
                .arg(&gold_path)
                .arg(&out_path)
                .status();
            if status.is_err() {
                println!(
                    "python3 not found; score with: python3 {} {} {}",
                    scorer.display(),
                    gold_path.display(),
                    out_path.display()
                );
            }
        }
        None => println!(
            "score with: python3 ../shared/eval/score_timex.py {} {}",
            gold_path.display(),
            out_path.display()
        ),
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::File::create(path)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Character offsets of a byte range.
fn char_range(text: &str, bytes: std::ops::Range<usize>) -> (usize, usize) {
    (
        text[..bytes.start].chars().count(),
        text[..bytes.end].chars().count(),
    )
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Accepted values of an expected date entity.
fn accepted_date_values(e: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |v: &Value| {
        if let Some(s) = v.as_str() {
            out.push(s.to_string());
        }
    };
    push(&e["timex"]);
    for side in ["future", "past"] {
        for key in ["date", "startDate"] {
            push(&e[side][key]);
        }
    }
    if let Some(values) = e["values"].as_array() {
        for v in values {
            push(&v["timex"]);
            push(&v["value"]);
        }
    }
    out
}

/// Whether a predicted TIMEX3 value names what the expected entity names in another notation:
/// a calendar period ("2016-Q3", "2017-02", "2016-W45") that is exactly the expected
/// `startDate`..`endDate` of its future or past reading, or a length equal to the expected one
/// ("PT1H30M" for "PT1.5H", "P6M" for "P0.5Y"). The specs write periods as ranges and
/// lengths with decimals, TIMEX3 as named periods and whole smaller units.
fn same_date_value(predicted: &str, e: &Value) -> bool {
    if let Some((start, end)) = period_of(predicted) {
        let date = |side: &str, key: &str| {
            e[side][key]
                .as_str()
                .and_then(|d| NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d").ok())
        };
        return ["future", "past"].iter().any(|side| {
            date(side, "startDate") == Some(start) && date(side, "endDate") == Some(end)
        });
    }
    match (length_of(predicted), length_of(s(e, "timex"))) {
        (Some(a), Some(b)) => values_close(a.0, b.0) && values_close(a.1, b.1),
        _ => false,
    }
}

/// The days a TIMEX3 date value names, as [start, end): a year, half, quarter, month, ISO week
/// or its weekend. Days and other values give `None`.
fn period_of(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let ymd = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1);
    let year: i32 = value.get(..4)?.parse().ok()?;
    let rest = &value[4..];
    let months = |first: u32, n: u32| {
        let start = ymd(year, first)?;
        Some((start, start.checked_add_months(chrono::Months::new(n))?))
    };
    if rest.is_empty() {
        return months(1, 12);
    }
    let rest = rest.strip_prefix('-')?;
    if let Some(q) = rest.strip_prefix('Q') {
        let q: u32 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
        return months(3 * q - 2, 3);
    }
    if let Some(h) = rest.strip_prefix('H') {
        let h: u32 = h.parse().ok().filter(|h| (1..=2).contains(h))?;
        return months(6 * h - 5, 6);
    }
    if let Some(w) = rest.strip_prefix('W') {
        let (w, weekend) = match w.strip_suffix("-WE") {
            Some(w) => (w, true),
            None => (w, false),
        };
        let monday = NaiveDate::from_isoywd_opt(year, w.parse().ok()?, chrono::Weekday::Mon)?;
        return Some(if weekend {
            (
                monday + chrono::Duration::days(5),
                monday + chrono::Duration::days(7),
            )
        } else {
            (monday, monday + chrono::Duration::days(7))
        });
    }
    if rest.len() == 2 {
        return months(rest.parse().ok()?, 1);
    }
    None
}

/// A TIMEX3 length as (months, seconds): years and months count in months, weeks, days,
/// hours, minutes and seconds in seconds; decimals allowed ("P0.5Y", "PT1.5H").
fn length_of(value: &str) -> Option<(f64, f64)> {
    let body = value.strip_prefix('P')?;
    let (date, time) = match body.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (body, None),
    };
    let mut total = (0.0, 0.0);
    let mut add = |part: &str, time: bool| -> Option<()> {
        let mut number = String::new();
        for c in part.chars() {
            if c.is_ascii_digit() || c == '.' {
                number.push(c);
                continue;
            }
            let n: f64 = number.parse().ok()?;
            number.clear();
            match (c, time) {
                ('Y', false) => total.0 += 12.0 * n,
                ('M', false) => total.0 += n,
                ('W', false) => total.1 += 7.0 * 86_400.0 * n,
                ('D', false) => total.1 += 86_400.0 * n,
                ('H', true) => total.1 += 3_600.0 * n,
                ('M', true) => total.1 += 60.0 * n,
                ('S', true) => total.1 += n,
                _ => return None,
            }
        }
        number.is_empty().then_some(())
    };
    add(date, false)?;
    if let Some(t) = time {
        add(t, true)?;
    }
    (total != (0.0, 0.0) || body.chars().any(|c| c.is_ascii_digit())).then_some(total)
}

/// A predicted item: (character span, value as text, value as number, unit).
type Predicted = ((usize, usize), String, Option<f64>, String);

fn values_close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// The expected number of a numeric entity (`value_num`, else `value` without `%`).
fn expected_number(e: &Value) -> Option<f64> {
    e["value_num"]
        .as_f64()
        .or_else(|| s(e, "value").trim_end_matches('%').trim().parse().ok())
}

fn recognizers(dir: &str, args: &[String]) -> Result<(), String> {
    let subset = flag(args, "--subset").unwrap_or("core");
    let err_path =
        PathBuf::from(flag(args, "--errors").unwrap_or("target/recognizers-errors.jsonl"));
    let mut err_out = String::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{dir}: {e}"))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    names.sort();
    println!(
        "{:<42} {:>6} {:>9} {:>9} {:>9} {:>10} {:>9}",
        format!("file ({subset})"),
        "cases",
        "entities",
        "correct",
        "accuracy",
        "predicted",
        "spurious"
    );
    let default_dct = NaiveDate::from_ymd_opt(2016, 11, 7).ok_or("date")?;
    for path in names {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let cases = read_jsonl(&path)?;
        let (mut n_cases, mut entities, mut correct) = (0, 0, 0);
        // Predictions that overlap no expected entity: false positives.
        let (mut n_predicted, mut spurious) = (0, 0);
        for case in &cases {
            let keep = match subset {
                "all" => true,
                flag => case[flag].as_bool() == Some(true),
            };
            if !keep {
                continue;
            }
            n_cases += 1;
            let input = s(case, "input");
            let dct = case["reference_datetime"]
                .as_str()
                .and_then(|d| NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d").ok())
                .unwrap_or(default_dct);
            let expected = case["expected"].as_array().cloned().unwrap_or_default();
            // Each predicted item: (char span, value as text, value as number, unit).
            let predicted: Vec<Predicted> = if name.starts_with("datetime") {
                extract_dates(input, dct)
                    .iter()
                    .map(|d| {
                        (
                            (num(d, "start"), num(d, "end")),
                            s(d, "value").to_string(),
                            None,
                            String::new(),
                        )
                    })
                    .collect()
            } else if name == "number_NumberModel" || name == "number_NumberRangeModel" {
                report::extract::figures::find_numbers(input)
                    .into_iter()
                    .map(|n| {
                        (
                            char_range(input, n.range),
                            String::new(),
                            Some(n.value),
                            String::new(),
                        )
                    })
                    .collect()
            } else {
                extract_figures(input, dct)
                    .iter()
                    .map(|f| {
                        (
                            (num(f, "start"), num(f, "end")),
                            String::new(),
                            f["value"].as_f64(),
                            s(f, "unit").to_string(),
                        )
                    })
                    .collect()
            };
            n_predicted += predicted.len();
            spurious += predicted
                .iter()
                .filter(|p| {
                    !expected
                        .iter()
                        .any(|e| overlaps(p.0, (num(e, "start"), num(e, "end"))))
                })
                .count();
            for e in &expected {
                entities += 1;
                let span = (num(e, "start"), num(e, "end"));
                let hit = predicted.iter().find(|p| overlaps(p.0, span));
                let ok = match hit {
                    None => false,
                    Some(p) if name.starts_with("datetime") => {
                        accepted_date_values(e).contains(&p.1) || same_date_value(&p.1, e)
                    }
                    Some(p) => match (p.2, expected_number(e)) {
                        (Some(a), Some(b)) => values_close(a, b),
                        _ => false,
                    },
                };
                if ok {
                    correct += 1;
                } else {
                    let got = hit.map(|p| json!({"value": p.1, "number": p.2, "unit": p.3}));
                    err_out.push_str(&json!({"file": name, "id": case["id"], "input": input, "reference": case["reference_datetime"], "expected": e, "got": got}).to_string());
                    err_out.push('\n');
                }
            }
        }
        let accuracy = if entities == 0 {
            0.0
        } else {
            100.0 * correct as f64 / entities as f64
        };
        println!(
            "{name:<42} {n_cases:>6} {entities:>9} {correct:>9} {accuracy:>8.1}% {n_predicted:>10} {spurious:>9}"
        );
    }
    write(&err_path, &err_out)?;
    println!(
        "accuracy: correct / expected entities; spurious: predictions overlapping no expected entity"
    );
    println!("errors: {}", err_path.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::same_date_value;

    #[test]
    fn a_named_period_is_the_range_it_names() {
        let autumn_quarter = json!({"timex": "(2016-07-01,2016-10-01,P3M)",
            "future": {"startDate": "2016-07-01", "endDate": "2016-10-01"}});
        assert!(same_date_value("2016-Q3", &autumn_quarter));
        assert!(!same_date_value("2016-Q4", &autumn_quarter));
        assert!(!same_date_value("2016-07-01", &autumn_quarter));
        let march = json!({"past": {"startDate": "2015-03-01", "endDate": "2015-04-01"}});
        assert!(same_date_value("2015-03", &march));
        let weekend = json!({"future": {"startDate": "2016-11-12", "endDate": "2016-11-14"}});
        assert!(same_date_value("2016-W45-WE", &weekend));
        assert!(!same_date_value("2016-W45", &weekend));
    }

    #[test]
    fn equal_lengths_match_in_any_notation() {
        let ninety_minutes = json!({"timex": "PT1.5H"});
        assert!(same_date_value("PT1H30M", &ninety_minutes));
        assert!(!same_date_value("PT1H20M", &ninety_minutes));
        assert!(same_date_value("P6M", &json!({"timex": "P0.5Y"})));
        assert!(!same_date_value("PXY", &json!({"timex": "PXY"})));
        assert!(same_date_value("P2W", &json!({"timex": "P14D"})));
    }
}
