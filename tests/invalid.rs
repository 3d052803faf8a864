//! Invalid projects: each case in `tests/fixtures/invalid/<case>/` is checked and its diagnostics
//! compared, in full, with `expected-diagnostics.txt` beside it. `REPORT_BLESS=1` rewrites the
//! expected files (review the diff before committing).

mod common;

use std::path::Path;

#[test]
fn every_invalid_case_reports_exactly_its_expected_diagnostics() {
    let bless = std::env::var_os("REPORT_BLESS").is_some();
    let cases = Path::new("tests/fixtures/invalid");
    let mut names: Vec<_> = std::fs::read_dir(cases)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert!(names.len() >= 10);
    let mut failures = Vec::new();
    for case in names {
        let project = common::TestProject::empty();
        for part in ["content", "templates"] {
            if case.join(part).is_dir() {
                common::copy_dir(&case.join(part), &project.root().join(part));
            }
        }
        if case.join("report.yaml").is_file() {
            std::fs::copy(case.join("report.yaml"), project.root().join("report.yaml")).unwrap();
        }
        let outcome = report::check(&report::BuildOptions {
            root: project.root().to_path_buf(),
            out: None,
            build_date: None,
            cache: false,
            progress: None,
            force: false,
        })
        .unwrap();
        let got: String = outcome
            .diagnostics
            .iter()
            .map(|d| format!("{d}\n"))
            .collect();
        let expected_path = case.join("expected-diagnostics.txt");
        if bless {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            failures.push(format!(
                "{}:\n--- expected\n{expected}--- got\n{got}",
                case.display()
            ));
        }
        assert!(
            !got.is_empty(),
            "{}: an invalid case must report something",
            case.display()
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
