//! The command line, declared with clap derive: one `*Args` struct per command.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand};

/// Turn a folder of news articles into a static site of sourced briefings.
#[derive(Debug, Parser)]
#[command(name = "report", version, about)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Build the site into the output folder (written only when there is no error).
    Build(BuildArgs),
    /// Load, extract and render in memory; report every problem; write nothing.
    Check(CheckArgs),
    /// Print one article's claims as JSON.
    Extract(ExtractArgs),
    /// Create a project: report.yaml, an example story and briefing, a README and .gitignore.
    Init(InitArgs),
    /// Create a file from a template.
    #[command(subcommand)]
    New(NewCommand),
    /// Turn raw wire copy into articles with front matter under content/articles/.
    Import(ImportArgs),
    /// List the templates, or copy the defaults into templates/ for editing.
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Build, serve the site on 127.0.0.1 and rebuild (and reload the page) on every change.
    Serve(ServeArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the man page (roff).
    Man,
}

/// Options of `build` and `check`.
#[derive(Debug, Args)]
pub(crate) struct BuildArgs {
    /// Project root (holds content/, templates/, report.yaml).
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
    /// Output folder (default: `output` of report.yaml, else site/ under the root).
    #[arg(long)]
    pub(crate) out: Option<PathBuf>,
    /// Extract every article again instead of reusing `.report-cache/`.
    #[arg(long)]
    pub(crate) no_cache: bool,
    /// Replace the output folder even when no build of report wrote it (it has no
    /// `.report-site` file). Everything in it is lost.
    #[arg(long)]
    pub(crate) force: bool,
    /// Print only the problems, not the summary line.
    #[arg(short, long, conflicts_with = "verbose")]
    pub(crate) quiet: bool,
    /// Also print what each phase did and how long the run took.
    #[arg(short, long)]
    pub(crate) verbose: bool,
}

/// Options of `check`.
#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// As for `build`.
    #[command(flatten)]
    pub(crate) build: BuildArgs,
    /// Also fail when a figure shown in a briefing has no speaker or no as-of date, or when a
    /// hand-made claim's quote is no longer in its article.
    #[arg(long)]
    pub(crate) strict: bool,
}

/// Options of `extract`.
#[derive(Debug, Args)]
pub(crate) struct ExtractArgs {
    /// The article file (Markdown with front matter, wire text, or plain text).
    pub(crate) file: PathBuf,
    /// Reference date (YYYY-MM-DD) for a file that does not give one.
    #[arg(long, value_parser = parse_date)]
    pub(crate) published: Option<chrono::NaiveDate>,
}

/// Options of `init`.
#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// The project folder (created when missing).
    #[arg(default_value = ".")]
    pub(crate) dir: PathBuf,
}

/// What `new` creates.
#[derive(Debug, Subcommand)]
pub(crate) enum NewCommand {
    /// Create content/briefings/<slug>.md, the slug made from NAME.
    Briefing(NewBriefingArgs),
}

/// Options of `new briefing`.
#[derive(Debug, Args)]
pub(crate) struct NewBriefingArgs {
    /// The briefing's title (or a slug such as `arms-transfers`).
    pub(crate) name: String,
    /// Select the articles carrying this tag (repeatable).
    #[arg(long = "tag", value_name = "TAG", action = ArgAction::Append)]
    pub(crate) tags: Vec<String>,
    /// Project root.
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
    /// Overwrite an existing briefing of the same slug.
    #[arg(long)]
    pub(crate) force: bool,
}

/// Options of `import`.
#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// Wire copy files, or folders of `.txt` files.
    #[arg(required = true, value_name = "FILE|DIR")]
    pub(crate) inputs: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for copy without a `date` line.
    #[arg(long, value_parser = parse_date)]
    pub(crate) published: Option<chrono::NaiveDate>,
    /// Source (agency) for copy without a `CITY (AGENCY) –` dateline.
    #[arg(long)]
    pub(crate) source: Option<String>,
    /// Tag every imported article with TAG (repeatable), besides the tags of the copy's own
    /// `tags:` line.
    #[arg(long = "tag", value_name = "TAG", action = ArgAction::Append)]
    pub(crate) tags: Vec<String>,
    /// Overwrite an existing article of the same slug.
    #[arg(long)]
    pub(crate) force: bool,
    /// Project root.
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
}

/// The `templates` commands.
#[derive(Debug, Subcommand)]
pub(crate) enum TemplatesCommand {
    /// Show each template, where it comes from and what it renders to.
    List(TemplatesListArgs),
    /// Copy default templates into templates/ (all of them when no NAME is given).
    Eject(TemplatesEjectArgs),
}

/// Options of `templates list`.
#[derive(Debug, Args)]
pub(crate) struct TemplatesListArgs {
    /// Project root.
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
}

/// Options of `templates eject`.
#[derive(Debug, Args)]
pub(crate) struct TemplatesEjectArgs {
    /// Default templates to copy, e.g. `article.html` or `partials/chronology.html`.
    pub(crate) names: Vec<String>,
    /// Overwrite files that already exist in templates/.
    #[arg(long)]
    pub(crate) force: bool,
    /// Project root.
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
}

/// Options of `serve`.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// Project root (holds content/, templates/, report.yaml).
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
    /// Output folder (default: `output` of report.yaml, else site/ under the root).
    #[arg(long)]
    pub(crate) out: Option<PathBuf>,
    /// Replace the output folder even when no build of report wrote it.
    #[arg(long)]
    pub(crate) force: bool,
    /// Port on 127.0.0.1; 0 picks a free one.
    #[arg(long, default_value_t = 1111)]
    pub(crate) port: u16,
}

/// Options of `completions`.
#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub(crate) shell: clap_complete::Shell,
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    report::content::parse_date(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
