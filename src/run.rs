//! One function per command: options in, the library called, its results printed, the exit
//! code out. Data goes to stdout; diagnostics and summaries go to stderr.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use clap::CommandFactory;
use report::commands::{self, CommandError};
use report::diagnostics::printable;
use report::{BuildOptions, Diagnostic, Severity};

use crate::cli;

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

/// Writes `text` to stdout; a closed pipe (`report man | head`) is not an error worth a panic.
fn print_out(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("error: cannot write the output: {e}");
            ExitCode::from(1)
        }
        _ => ExitCode::SUCCESS,
    }
}

/// Prints a command error; usage errors exit 2, the rest 1.
fn fail(e: &CommandError) -> ExitCode {
    eprintln!("error: {}", printable(&e.to_string()));
    match e {
        CommandError::Usage(_) => ExitCode::from(2),
        _ => ExitCode::from(1),
    }
}

/// `path` under `root` as the user would type it from here.
fn shown(root: &Path, rel: &Path) -> String {
    if root == Path::new(".") {
        printable(&rel.display().to_string())
    } else {
        printable(&root.join(rel).display().to_string())
    }
}

/// A path as printed: a newline or an escape sequence in a file name is written as an escape.
/// `n` and its noun, singular for one: "1 article", "2 articles" (the nouns here take an s).
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The start of the line that ends a build: "22 articles, 2 briefings, 356 claims".
fn tally(outcome: &report::BuildOutcome) -> String {
    format!(
        "{}, {}, {}",
        counted(outcome.articles, "article"),
        counted(outcome.briefings, "briefing"),
        counted(outcome.claims, "claim")
    )
}

fn path_shown(path: &Path) -> String {
    printable(&path.display().to_string())
}

/// `build` (`write`) or `check`, with the strict rules when `strict`.
pub(crate) fn build(args: cli::BuildArgs, write: bool, strict: bool) -> ExitCode {
    let started = Instant::now();
    // A progress bar only where someone watches: on a terminal, and not with --quiet.
    // Without a terminal, only the notice that another build is awaited.
    let progress: Option<std::sync::Arc<dyn report::Progress>> = if args.quiet {
        None
    } else if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        Some(std::sync::Arc::new(Bar::new()))
    } else {
        Some(std::sync::Arc::new(Notices))
    };
    let options = BuildOptions {
        root: args.root,
        out: args.out,
        build_date: source_date_epoch(),
        cache: !args.no_cache,
        progress,
        force: args.force,
    };
    let result = if write {
        report::build(&options)
    } else {
        report::check(&options)
    };
    if let Some(p) = &options.progress {
        p.finish();
    }
    let result = result.and_then(|mut outcome| {
        if strict {
            let mut all = commands::strict::check_strict(&options.root, options.cache)?;
            for d in outcome.diagnostics.drain(..) {
                all.push(d);
            }
            outcome.diagnostics = all.sorted();
        }
        Ok(outcome)
    });
    match result {
        Ok(outcome) => {
            print_diagnostics(&outcome.diagnostics);
            let count = |s| {
                outcome
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == s)
                    .count()
            };
            let errors = count(Severity::Error);
            let elapsed = started.elapsed().as_secs_f64();
            if args.verbose {
                eprintln!(
                    "loaded {} and {}",
                    counted(outcome.articles, "article"),
                    counted(outcome.briefings, "briefing")
                );
                eprintln!("extracted {}", counted(outcome.claims, "claim"));
                eprintln!("rendered {}", counted(outcome.files, "file"));
                for (stage, took) in &outcome.timings {
                    eprintln!("  {:>6.3}s  {stage}", took.as_secs_f64());
                }
                for note in &outcome.notes {
                    eprintln!("{note}");
                }
                eprintln!(
                    "found {} and {}",
                    counted(errors, "error"),
                    counted(count(Severity::Warning), "warning")
                );
            }
            if errors > 0 {
                eprintln!("{}; nothing written", counted(errors, "error"));
                return ExitCode::from(1);
            }
            if !args.quiet && outcome.up_to_date {
                eprintln!(
                    "{}; nothing changed: the {} in {} {} up to date ({elapsed:.2}s)",
                    tally(&outcome),
                    counted(outcome.files, "file"),
                    path_shown(&outcome.out),
                    if outcome.files == 1 { "is" } else { "are" }
                );
            } else if !args.quiet {
                // `check` tells what a build would leave out; `build` with --verbose, above.
                if !write && !args.verbose {
                    for note in &outcome.notes {
                        eprintln!("{note}");
                    }
                }
                let verb = if outcome.written {
                    "wrote"
                } else {
                    "would write"
                };
                eprintln!(
                    "{}; {verb} {} to {} in {elapsed:.2}s",
                    tally(&outcome),
                    counted(outcome.files, "file"),
                    path_shown(&outcome.out)
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}", printable(&e.to_string()));
            ExitCode::from(1)
        }
    }
}

/// `extract`: one file's claims as JSON on stdout.
pub(crate) fn extract(args: cli::ExtractArgs) -> ExitCode {
    let text = match std::fs::read(&args.file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                eprintln!(
                    "{}: error: the file is not UTF-8 (invalid byte at offset {})",
                    path_shown(&args.file),
                    e.utf8_error().valid_up_to()
                );
                return ExitCode::from(1);
            }
        },
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", path_shown(&args.file));
            return ExitCode::from(1);
        }
    };
    match report::extract_text(&args.file, text, args.published) {
        Ok(out) => match serde_json::to_string_pretty(&out) {
            Ok(json) => print_out(&format!("{json}\n")),
            Err(e) => {
                eprintln!("error: {}", printable(&e.to_string()));
                ExitCode::from(1)
            }
        },
        Err(diags) => {
            print_diagnostics(&diags.sorted());
            ExitCode::from(1)
        }
    }
}

/// `init`: the created paths on stdout, the next step on stderr.
pub(crate) fn init(args: cli::InitArgs) -> ExitCode {
    match commands::init::init_project(&args.dir) {
        Ok(written) => {
            for path in &written {
                println!("created {}", shown(&args.dir, path));
            }
            let cd = if args.dir == Path::new(".") {
                String::new()
            } else {
                format!("cd {} && ", path_shown(&args.dir))
            };
            eprintln!("next: {cd}report build");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

/// `new briefing`: the created path on stdout.
pub(crate) fn new_briefing(args: cli::NewBriefingArgs) -> ExitCode {
    match commands::new::new_briefing(&args.root, &args.name, &args.tags, args.force) {
        Ok(path) => {
            println!("{}", shown(&args.root, &path));
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

/// `import`: one `FROM -> TO` line per article written on stdout; duplicates, problems and
/// the count on stderr.
pub(crate) fn import(args: cli::ImportArgs) -> ExitCode {
    let options = commands::import::ImportOptions {
        published: args.published,
        source: args.source,
        force: args.force,
        tags: args.tags,
    };
    match commands::import::import_wire(&args.root, &args.inputs, &options) {
        Ok((results, diags)) => {
            let (mut imported, mut duplicates) = (0, 0);
            for r in &results {
                match r {
                    commands::import::ImportResult::Imported { from, to } => {
                        imported += 1;
                        println!("{} -> {}", path_shown(from), shown(&args.root, to));
                    }
                    commands::import::ImportResult::Duplicate { from, existing } => {
                        duplicates += 1;
                        eprintln!(
                            "{}: already imported as {}",
                            path_shown(from),
                            shown(&args.root, existing)
                        );
                    }
                }
            }
            let failed = diags.has_errors();
            print_diagnostics(&diags.sorted());
            eprintln!("{imported} imported, {duplicates} already present");
            if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => fail(&e),
    }
}

/// `templates list`: one aligned row per template on stdout.
pub(crate) fn templates_list(args: cli::TemplatesListArgs) -> ExitCode {
    let entries = match commands::templates::list_templates(&args.root) {
        Ok(entries) => entries,
        Err(e) => return fail(&e),
    };
    let width = entries.iter().map(|e| e.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for e in &entries {
        let to = e.renders_to.as_deref().unwrap_or("(not rendered alone)");
        out.push_str(&format!(
            "{:width$}  {:10}  {to}\n",
            e.name,
            e.origin.to_string()
        ));
    }
    print_out(&out)
}

/// `templates eject`: the created paths on stdout.
pub(crate) fn templates_eject(args: cli::TemplatesEjectArgs) -> ExitCode {
    match commands::templates::eject_templates(&args.root, &args.names, args.force) {
        Ok(written) => {
            for path in &written {
                println!("created {}", shown(&args.root, path));
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

/// `serve`: the address on stdout, each rebuild's diagnostics and summary on stderr.
pub(crate) fn serve(args: cli::ServeArgs) -> ExitCode {
    let options = BuildOptions {
        root: args.root,
        out: args.out,
        build_date: source_date_epoch(),
        cache: true,
        progress: Some(std::sync::Arc::new(Notices)),
        force: args.force,
    };
    let result = report::serve::serve(&options, args.port, |event| match event {
        report::serve::ServeEvent::Listening(addr) => {
            // Scripts (and the tests) read the address from the first line of stdout.
            println!("serving http://{addr}/");
            let _ = std::io::stdout().flush();
        }
        report::serve::ServeEvent::Built(outcome, took) => {
            print_diagnostics(&outcome.diagnostics);
            if outcome.up_to_date {
                // Nothing changed since the site being served was built: nothing failed either.
                eprintln!(
                    "{}; nothing changed: the {} in {} {} up to date ({:.2}s)",
                    tally(&outcome),
                    counted(outcome.files, "file"),
                    path_shown(&outcome.out),
                    if outcome.files == 1 { "is" } else { "are" },
                    took.as_secs_f64()
                );
            } else if outcome.written {
                eprintln!(
                    "{}; wrote {} to {} in {:.2}s",
                    tally(&outcome),
                    counted(outcome.files, "file"),
                    path_shown(&outcome.out),
                    took.as_secs_f64()
                );
            } else {
                eprintln!("build failed; still serving the previous site");
            }
        }
        report::serve::ServeEvent::Failed(e) => {
            eprintln!(
                "error: {}; still serving the previous site",
                printable(&e.to_string())
            );
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", printable(&e.to_string()));
            ExitCode::from(1)
        }
    }
}

/// `completions`: the script on stdout.
pub(crate) fn completions(args: cli::CompletionsArgs) -> ExitCode {
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cli::Cli::command(), "report", &mut buf);
    print_out(&String::from_utf8_lossy(&buf))
}

/// `man`: the roff page on stdout.
pub(crate) fn man() -> ExitCode {
    match man_page() {
        Ok(page) => print_out(&page),
        Err(e) => {
            eprintln!("error: {}", printable(&e.to_string()));
            ExitCode::from(1)
        }
    }
}

/// One page for every command. clap_mangen's page for `report` lists each command as a page of
/// its own (`report-build(1)`) that nothing installs, so each command's synopsis and options are
/// written into this page instead, under COMMANDS.
fn man_page() -> std::io::Result<String> {
    let mut cmd = cli::Cli::command().disable_help_subcommand(true);
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    let mut page = String::from_utf8_lossy(&page).into_owned();
    let mut sections = Vec::new();
    man.render_name_section(&mut sections)?;
    man.render_synopsis_section(&mut sections)?;
    man.render_description_section(&mut sections)?;
    man.render_options_section(&mut sections)?;
    push_roff(&mut page, &sections, "");
    page.push_str(".SH COMMANDS\n");
    let mut commands = Vec::new();
    leaf_commands(&cmd, &mut commands);
    for sub in commands {
        let name = sub
            .get_bin_name()
            .unwrap_or_else(|| sub.get_name())
            .to_string();
        page.push_str(&format!(".SS \"{}\"\n", roff_text(&name)));
        if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
            page.push_str(&roff_text(&about.to_string()));
            page.push('\n');
        }
        let sub_man = clap_mangen::Man::new(sub.clone());
        let mut sections = Vec::new();
        sub_man.render_synopsis_section(&mut sections)?;
        sub_man.render_options_section(&mut sections)?;
        push_roff(&mut page, &sections, ".SH");
    }
    let mut version = Vec::new();
    man.render_version_section(&mut version)?;
    push_roff(&mut page, &version, "");
    Ok(page)
}

/// Appends roff that clap_mangen rendered, without the apostrophe preamble it puts before each
/// section (the page's title already has it); `.SH` headings starting with `drop` become
/// paragraph breaks.
fn push_roff(page: &mut String, roff: &[u8], drop: &str) {
    for line in String::from_utf8_lossy(roff).lines() {
        if line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq") {
            continue;
        }
        if !drop.is_empty() && line.starts_with(drop) {
            if line.starts_with(".SH SYNOPSIS") {
                page.push_str(".PP\n");
            }
            continue;
        }
        page.push_str(line);
        page.push('\n');
    }
}

/// The commands that run something, in their order: `build`, …, `new briefing`, `templates list`.
fn leaf_commands(cmd: &clap::Command, out: &mut Vec<clap::Command>) {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.has_subcommands() {
            leaf_commands(sub, out);
        } else {
            out.push(sub.clone());
        }
    }
}

/// Text for a roff line: backslashes escaped, and no line starting as a request.
fn roff_text(text: &str) -> String {
    text.replace('\\', "\\e")
        .lines()
        .map(|l| {
            if l.starts_with(['.', '\'']) {
                format!("\\&{l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The terminal progress bar of `build` and `check`.
#[derive(Debug)]
struct Bar(indicatif::ProgressBar);

impl Bar {
    fn new() -> Self {
        let bar =
            indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
        Bar(bar)
    }
}

impl report::Progress for Bar {
    fn start(&self, phase: &'static str, total: usize) {
        let style = if total > 0 {
            indicatif::ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len}")
        } else {
            indicatif::ProgressStyle::with_template("{msg:>10} {spinner} {pos} files")
        };
        if let Ok(style) = style {
            self.0.set_style(style.progress_chars("=> "));
        }
        self.0.set_length(total as u64);
        self.0.set_position(0);
        self.0.set_message(phase);
    }

    fn step(&self) {
        self.0.inc(1);
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }

    fn waiting(&self, pid: Option<u32>) {
        self.0.suspend(|| eprintln!("{}", waiting_notice(pid)));
    }
}

/// Progress without a terminal: only the notice that another build is awaited.
#[derive(Debug)]
struct Notices;

impl report::Progress for Notices {
    fn start(&self, _phase: &'static str, _total: usize) {}

    fn step(&self) {}

    fn finish(&self) {}

    fn waiting(&self, pid: Option<u32>) {
        eprintln!("{}", waiting_notice(pid));
    }
}

fn waiting_notice(pid: Option<u32>) -> String {
    match pid {
        Some(pid) => format!(
            "another build of this project is running (pid {pid}); waiting for it to finish"
        ),
        None => "another build of this project is running; waiting for it to finish".into(),
    }
}
