//! Test helpers: a temporary directory and the real `stdalign` binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A unique temporary directory, removed on drop.
pub struct Dir {
    tmp: tempfile::TempDir,
}

impl Dir {
    pub fn new() -> Dir {
        Dir { tmp: tempfile::tempdir().expect("tempdir") }
    }

    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    /// Writes a file (text) and returns its path.
    pub fn create(&self, name: &str, contents: &str) -> PathBuf {
        self.create_bytes(name, contents.as_bytes())
    }

    /// Writes a file (bytes) and returns its path.
    pub fn create_bytes(&self, name: &str, contents: &[u8]) -> PathBuf {
        let p = self.tmp.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, contents).unwrap();
        p
    }

    /// A `stdalign` command running in this directory.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_stdalign"));
        c.current_dir(self.tmp.path()).args(args);
        c
    }
}

/// The repository's bundled corpora.
pub fn corpora() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpora")
}

/// Runs a command and panics with everything it printed unless it exits with `code`.
#[track_caller]
pub fn run_expect(mut c: Command, code: i32) -> Output {
    let out = c.output().expect("run stdalign");
    if out.status.code() != Some(code) {
        panic!(
            "\n{:?}\nexpected exit {code}, got {:?}\n--- stdout\n{}\n--- stderr\n{}",
            c,
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    out
}

/// stdout as a string.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// stderr as a string.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
