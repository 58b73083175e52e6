//! `--lint`: the lint findings a change introduces and removes. The
//! command lints both sides as whole rule sets; their findings are
//! compared here without positions, which a change moves: by code, object
//! and message.

use rustc_hash::FxHashMap;

use crate::diagnostic::Diagnostic;

pub use crate::changeset::Delta;

/// What identifies a finding across two versions of a rule set.
fn key(d: &Diagnostic) -> (String, String, String, String, String) {
    let object = d.object.clone().unwrap_or_default();
    (
        d.code.id.to_string(),
        object.kind,
        object.namespace,
        object.name,
        d.message.clone(),
    )
}

/// The findings of `after` that `before` lacks, and the other way round.
pub fn delta(before: Vec<Diagnostic>, after: Vec<Diagnostic>) -> Delta {
    // Multisets: a finding reported twice before and once after is one
    // removed.
    let mut count: FxHashMap<_, isize> = FxHashMap::default();
    for d in &before {
        *count.entry(key(d)).or_default() += 1;
    }
    for d in &after {
        *count.entry(key(d)).or_default() -= 1;
    }
    let mut delta = Delta::default();
    for d in after {
        if let Some(n) = count.get_mut(&key(&d)).filter(|n| **n < 0) {
            *n += 1;
            delta.introduced.push(d);
        }
    }
    for d in before {
        if let Some(n) = count.get_mut(&key(&d)).filter(|n| **n > 0) {
            *n -= 1;
            delta.removed.push(d);
        }
    }
    delta
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::ObjectRef;

    fn finding(name: &str, message: &str) -> Diagnostic {
        Diagnostic::new(crate::codes::IO_ERROR, message).for_document(
            0,
            Some(ObjectRef {
                kind: "RateLimitStrategy".into(),
                name: name.into(),
                namespace: "shop".into(),
            }),
        )
    }

    #[test]
    fn findings_compare_as_multisets_without_positions() {
        let before = vec![finding("a", "x"), finding("a", "x"), finding("b", "y")];
        let after = vec![finding("a", "x"), finding("c", "z")];
        let d = delta(before, after);
        let names = |l: &[Diagnostic]| -> Vec<String> {
            l.iter().map(|d| d.object.clone().unwrap().name).collect()
        };
        assert_eq!(names(&d.introduced), ["c"]);
        assert_eq!(names(&d.removed), ["a", "b"]);
        assert!(delta(vec![finding("a", "x")], vec![finding("a", "x")]).is_empty());
    }
}
