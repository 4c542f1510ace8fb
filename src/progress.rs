//! Progress reporting without printing: the library calls a [`Progress`],
//! the command line decides whether that becomes a bar on stderr.

/// Receives progress events from long-running library calls.
///
/// Implementations must be cheap and thread-safe: `inc` is called from rayon
/// workers.
pub trait Progress: Sync {
    /// A new phase starts, with a known number of steps (0 when unknown).
    fn start(&self, _label: &str, _total: u64) {}
    /// `n` more steps are done.
    fn inc(&self, _n: u64) {}
    /// The current phase is over.
    fn finish(&self) {}
}

/// A [`Progress`] that ignores everything.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {}
