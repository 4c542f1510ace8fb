//! Definition of stdalign's errors and results.
//!
//! The library reports failures through one [`Error`] enum built with `thiserror`.
//! Variants that concern an input file carry *where* it happened (path, line,
//! field), so that the command-line front end can print a message a catalogue
//! maintainer can act on. Row-level problems are not errors: ingest quarantines
//! the row with a reason and carries on (see [`crate::ingest`]).

use std::path::PathBuf;

/// A specialised `Result` for stdalign.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Every way a stdalign library call can fail.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An I/O error, with the path it concerned when known.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A whole input file could not be read as a catalogue (unknown format, no
    /// header, no usable column).
    #[error("{}: {message}", path.display())]
    Input {
        /// The file.
        path: PathBuf,
        /// What is wrong, in words a user understands.
        message: String,
    },
    /// A value given on the command line or in a settings file is invalid.
    #[error("invalid {what}: {message}")]
    InvalidArgument {
        /// The argument or setting.
        what: String,
        /// Why it is invalid.
        message: String,
    },
    /// The index on disk was written by another version of stdalign.
    #[error(
        "index at {} has format version {found}, this stdalign reads version {expected}; \
         rebuild the index with `stdalign ingest`",
        path.display()
    )]
    IndexVersion {
        /// The index directory.
        path: PathBuf,
        /// The version this build reads.
        expected: u32,
        /// The version found on disk.
        found: u32,
    },
    /// No index exists where one was expected.
    #[error("no index at {}; build one with `stdalign ingest`", path.display())]
    NoIndex {
        /// The index directory.
        path: PathBuf,
    },
    /// Another process holds the index write lock.
    #[error("index at {} is locked by another writer (lock file {})", path.display(), lock.display())]
    Locked {
        /// The index directory.
        path: PathBuf,
        /// The lock file.
        lock: PathBuf,
    },
    /// A limit documented in the README was exceeded.
    #[error("{}: {message}", path.display())]
    Limit {
        /// The file.
        path: PathBuf,
        /// The limit and the value that exceeded it.
        message: String,
    },
    /// An error from the search engine.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// A CSV error while writing output.
    #[error("csv: {0}")]
    Csv(#[from] csv::Error),
    /// A JSON error while reading or writing stdalign's own files.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// An XLSX writing error.
    #[error("xlsx: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

impl Error {
    /// Wraps an I/O error with the path it concerned.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io { path: path.into(), source }
    }

    /// A whole-file input error.
    pub fn input(path: impl Into<PathBuf>, message: impl Into<String>) -> Error {
        Error::Input { path: path.into(), message: message.into() }
    }

    /// An invalid argument or setting.
    pub fn invalid(what: impl Into<String>, message: impl Into<String>) -> Error {
        Error::InvalidArgument { what: what.into(), message: message.into() }
    }

    /// Whether this error (or its cause) is a broken pipe on output.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            Error::Io { source, .. } => source.kind() == std::io::ErrorKind::BrokenPipe,
            Error::Csv(e) => matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe),
            _ => false,
        }
    }
}
