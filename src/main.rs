//! The `report` binary: parses the command line, calls the library, prints diagnostics and
//! chooses the exit code (0 ok, 1 problems in content or templates, 2 usage).

mod cli;

use std::process::ExitCode;

use clap::Parser;
use report::{BuildOptions, Diagnostic};

use cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => build(args, true),
        Command::Check(args) => build(args, false),
        Command::Extract(args) => extract(args),
    }
}

/// `SOURCE_DATE_EPOCH` (seconds since 1970) as a date, when set and valid.
fn source_date_epoch() -> Option<chrono::NaiveDate> {
    let secs: i64 = std::env::var("SOURCE_DATE_EPOCH")
        .ok()?
        .trim()
        .parse()
        .ok()?;
    chrono::DateTime::from_timestamp(secs, 0).map(|d| d.date_naive())
}

fn print_diagnostics(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        eprintln!("{d}");
    }
}

fn build(args: cli::BuildArgs, write: bool) -> ExitCode {
    let options = BuildOptions {
        root: args.root,
        out: args.out,
        build_date: source_date_epoch(),
        cache: !args.no_cache,
    };
    let result = if write {
        report::build(&options)
    } else {
        report::check(&options)
    };
    match result {
        Ok(outcome) => {
            print_diagnostics(&outcome.diagnostics);
            let errors = outcome
                .diagnostics
                .iter()
                .filter(|d| d.severity == report::Severity::Error)
                .count();
            if errors > 0 {
                eprintln!("{errors} error(s); nothing written");
                return ExitCode::from(1);
            }
            let verb = if outcome.written {
                "wrote"
            } else {
                "would write"
            };
            eprintln!(
                "{} articles, {} briefings, {} claims; {verb} {} files to {}",
                outcome.articles,
                outcome.briefings,
                outcome.claims,
                outcome.files,
                outcome.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn extract(args: cli::ExtractArgs) -> ExitCode {
    let text = match std::fs::read(&args.file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                eprintln!(
                    "{}: error: the file is not UTF-8 (invalid byte at offset {})",
                    args.file.display(),
                    e.utf8_error().valid_up_to()
                );
                return ExitCode::from(1);
            }
        },
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", args.file.display());
            return ExitCode::from(1);
        }
    };
    match report::extract_text(&args.file, text, args.published) {
        Ok(out) => match serde_json::to_string_pretty(&out) {
            Ok(json) => {
                // A closed pipe (`report extract f | head`) is not an error worth a panic.
                use std::io::Write;
                let mut out = std::io::stdout().lock();
                match writeln!(out, "{json}") {
                    Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                        eprintln!("error: cannot write the output: {e}");
                        ExitCode::from(1)
                    }
                    _ => ExitCode::SUCCESS,
                }
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(1)
            }
        },
        Err(diags) => {
            print_diagnostics(&diags.sorted());
            ExitCode::from(1)
        }
    }
}
