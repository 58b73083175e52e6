//! opensergo: validate, lint, diff and convert OpenSergo governance rules.
//!
//! Data flows one way: [`walk`] finds inputs, [`document`] reads and parses
//! them into spanned [`yaml`] trees, [`validate`] (and the other checks)
//! turn documents into [`diagnostic`]s, and [`report`] renders them.

pub mod allocator;
pub mod casing;
pub mod changeset;
pub mod cli;
pub mod codes;
pub mod commands;
pub mod config;
pub mod convert;
pub mod crd;
pub mod diagnostic;
pub mod diff;
pub mod document;
pub mod duration;
pub mod engine;
pub mod error;
pub mod escape;
pub mod findings;
pub mod gitrev;
pub mod input;
pub mod kinds;
pub mod lint;
pub mod output;
pub mod path;
pub mod proto;
pub mod protobreaking;
pub mod protobuild;
pub mod protofmt;
pub mod protolint;
pub mod report;
pub mod schema;
pub mod schemagen;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod typecheck;
pub mod validate;
pub mod walk;
pub mod yaml;
pub mod yaml_out;
