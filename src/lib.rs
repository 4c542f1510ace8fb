//! stdalign: align Chinese sector and national standards with ISO, IEC and
//! ITU-T standards, measure the conversion rate against a target, and list
//! the gaps.
//!
//! # Brief overview
//!
//! The pipeline has one module per stage, each handing a typed value to the
//! next:
//!
//! | stage | module | input → output |
//! |---|---|---|
//! | ingest | [`ingest`] | catalogue files → [`ingest::Ingested`] (records + quarantine) |
//! | index | [`index`] | records → tantivy index on disk ([`index::StdIndex`]) |
//! | score | [`score`] | records + correspondences + [`score::Scope`] → [`score::Scorecard`] (rates, breakdowns, gaps) |
//!
//! Identifiers (`GB/T 228.1-2021`, `ISO/IEC 27001:2022/Amd 1:2024`,
//! `ITU-T Y.2060 (06/2012)`) are parsed by [`ident`], adoption declarations
//! (`ISO 6892-1:2009, MOD`, `等同采用ISO 9001:2015`) by
//! [`ident::declaration`].
//!
//! # Example
//!
//! ```
//! use stdalign::ident::StdRef;
//! let r = StdRef::parse("GB/T228.1—2021").unwrap();
//! assert_eq!(r.to_string(), "GB/T 228.1-2021");
//! assert_eq!(r.work_item(), "GB 228.1");
//! ```
#![deny(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod error;
pub mod gen;
pub mod ident;
pub mod index;
pub mod ingest;
pub mod matching;
pub mod model;
pub mod progress;
pub mod report;
pub mod score;

pub use error::{Error, Result};
