//! The `stdalign` command line: parse arguments, dispatch to a subcommand,
//! turn errors into exit codes.
//!
//! Exit codes: 0 success; 1 the command ran but found nothing (`show`,
//! `find` with no result); 2 error (bad arguments, unreadable input, missing
//! or outdated index, limits exceeded). A broken pipe on stdout exits 0.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match args.run() {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("stdalign: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<stdalign::Error>().is_some_and(|e| e.is_broken_pipe())
    })
}
