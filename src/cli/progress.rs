//! Progress bars and warnings on stderr, hidden with `--quiet` or when
//! stderr is not a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use stdalign::progress::Progress;

/// What the user sees on stderr.
pub struct Ui {
    quiet: bool,
    bar: ProgressBar,
}

impl Ui {
    /// A UI; bars only when stderr is a terminal and not quiet.
    pub fn new(quiet: bool) -> Ui {
        let tty = std::io::stderr().is_terminal();
        let bar = ProgressBar::hidden();
        if tty && !quiet {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        Ui { quiet, bar }
    }

    /// Prints a warning line unless quiet.
    pub fn warn(&self, msg: &str) {
        if !self.quiet {
            self.bar.suspend(|| eprintln!("stdalign: warning: {msg}"));
        }
    }

    /// Prints an informational line on stderr unless quiet.
    pub fn note(&self, msg: &str) {
        if !self.quiet {
            self.bar.suspend(|| eprintln!("{msg}"));
        }
    }
}

impl Progress for Ui {
    fn start(&self, label: &str, total: u64) {
        self.bar.reset();
        self.bar.set_length(total);
        self.bar.set_position(0);
        let style = if total > 0 {
            ProgressStyle::with_template("{msg:30!} [{bar:30}] {pos}/{len} ({eta})")
        } else {
            ProgressStyle::with_template("{spinner} {msg} {pos}")
        };
        if let Ok(s) = style {
            self.bar.set_style(s.progress_chars("=> "));
        }
        self.bar.set_message(label.to_string());
    }

    fn inc(&self, n: u64) {
        self.bar.inc(n);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
