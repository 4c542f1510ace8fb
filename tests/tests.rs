//! Integration tests: the real binary on tiny fixtures and on the bundled corpora.
//!
//! - `util`: temporary directories and the command runner.
//! - `ingest`: reading, quarantining, reconciling, the index format and lock.
//! - `show`: look-ups by any spelling.
//! - `matching`: `match`, `find` and `eval` on the bundled corpora.
//! - `docs`: every module starts with a `//!` doc line.

mod docs;
mod ingest;
mod matching;
mod show;
mod util;
