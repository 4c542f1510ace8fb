//! Integration tests: the real binary on tiny fixtures and on the bundled corpora.
//!
//! - `util`: temporary directories and the command runner.
//! - `ingest`: reading, quarantining, reconciling, the index format and lock.
//! - `show`: look-ups by any spelling.
//! - `matching`: `match`, `find` and `eval` on the bundled corpora.
//! - `report`: `stdalign report` (rates, gaps, exports).
//! - `hostile`: the bad-input corpus in `tests/hostile/`.
//! - `docs`: every module starts with a `//!` doc line.

mod docs;
mod hostile;
mod ingest;
mod matching;
mod report;
mod show;
mod util;
