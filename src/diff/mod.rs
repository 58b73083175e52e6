//! `opensergo diff`: a semantic diff of two OpenSergo rule sets.
//!
//! * [`input`]: each side (files, directories, stdin, `REV:path` read with
//!   git itself) into loaded sources, and the side's objects by identity.
//! * [`compare`]: objects paired by identity (group, kind, namespace,
//!   name), list items by natural keys, values by what they mean.
//! * [`meaning`]: what the schema says a field is (integer, duration), and
//!   whether a changed limit tightens or loosens protection.
//! * [`summary`]: per target resource and per host, how the effective
//!   protection or routing changed (from lint's rule-set index).
//! * [`findings`]: with `--lint`, the lint findings a change introduces
//!   and removes.
//! * [`render`]: human, JSON, brief and GitHub Markdown output.

pub mod compare;
pub mod docs;
pub mod findings;
pub mod input;
pub mod meaning;
pub mod render;
pub mod summary;

pub use compare::{Change, ChangeKind, Diff, ObjectDiff, Options, Status, diff};
pub use input::{Identity, Side};

/// Codes of `diff` findings (all about its inputs: a diff itself is not a
/// finding).
pub mod codes {
    use crate::diagnostic::Code;

    crate::define_codes! {
        DUPLICATE_IDENTITY = "OS9001" "duplicate-identity" Error "Two documents on one side of a diff have the same apiVersion group, kind, namespace and name.";
        UNREADABLE_REVISION = "OS9002" "unreadable-revision" Error "A git revision or a path in it could not be read (unknown revision, missing path, not a git repository).";
        UNIDENTIFIED_DOCUMENT = "OS9003" "unidentified-document" Warning "A document without apiVersion, kind or metadata.name: diff cannot pair it, so it is skipped.";
    }

    pub fn find(id_or_name: &str) -> Option<Code> {
        crate::diagnostic::find_code(ALL, id_or_name)
    }
}

/// One in-memory source of YAML text, for unit tests.
#[cfg(test)]
pub(crate) fn test_sources(text: &str) -> Vec<crate::document::LoadedSource> {
    let source = crate::source::SourceFile::new("t.yaml", text.to_string());
    vec![crate::document::parse_source(&std::sync::Arc::new(source))]
}
