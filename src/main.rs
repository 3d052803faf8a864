//! The `report` binary: parses the command line, calls the library, prints diagnostics and
//! chooses the exit code (0 ok, 1 problems in content or templates, 2 usage).

/// A build allocates and frees millions of small strings and JSON values (tera contexts):
/// mimalloc makes a 10,000-article build about a quarter faster than the system allocator
/// (`bench/RESULTS.md`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cli;
mod run;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command, NewCommand, TemplatesCommand};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => run::build(args, true, false),
        Command::Check(args) => run::build(args.build, false, args.strict),
        Command::Extract(args) => run::extract(args),
        Command::Init(args) => run::init(args),
        Command::New(NewCommand::Briefing(args)) => run::new_briefing(args),
        Command::Import(args) => run::import(args),
        Command::Templates(TemplatesCommand::List(args)) => run::templates_list(args),
        Command::Templates(TemplatesCommand::Eject(args)) => run::templates_eject(args),
        Command::Serve(args) => run::serve(args),
        Command::Completions(args) => run::completions(args),
        Command::Man => run::man(),
    }
}
