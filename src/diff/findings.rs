//! `--lint`: the lint findings a change introduces and removes. Both sides
//! are linted as whole rule sets (through lint's public entry point) and
//! their findings compared without positions, which a change moves: by
//! code, object and message.

use rustc_hash::FxHashMap;

use crate::diagnostic::Diagnostic;
use crate::document::LoadedSource;
use crate::lint::{self, ResolvedSettings};

/// Findings only one side has.
#[derive(Debug, Default)]
pub struct Delta {
    pub introduced: Vec<Diagnostic>,
    pub removed: Vec<Diagnostic>,
}

impl Delta {
    pub fn is_empty(&self) -> bool {
        self.introduced.is_empty() && self.removed.is_empty()
    }
}

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

pub fn lint_delta(
    old: &[LoadedSource],
    new: &[LoadedSource],
    settings: &ResolvedSettings,
) -> Delta {
    let (before, after) = rayon::join(
        || lint::lint_sources(old, settings).diagnostics,
        || lint::lint_sources(new, settings).diagnostics,
    );
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
    use crate::diff::test_sources as load;

    #[test]
    fn a_dangling_reference_fixed_is_a_removed_finding() {
        let rule = "apiVersion: fault-tolerance.opensergo.io/v1alpha1
kind: FaultToleranceRule
metadata: {name: r, namespace: shop, labels: {app: a}}
spec:
  targets: [{targetResourceName: /x}]
  strategies: [{name: NAME, kind: RateLimitStrategy}]
---
apiVersion: fault-tolerance.opensergo.io/v1alpha1
kind: RateLimitStrategy
metadata: {name: rl, namespace: shop, labels: {app: a}}
spec: {metricType: RequestAmount, limitMode: Local, threshold: 5, statDurationSeconds: 1}
";
        let broken = load(&rule.replace("NAME", "rl-typo"));
        let fixed = load(&rule.replace("NAME", "rl"));
        let settings = ResolvedSettings::default();
        let delta = lint_delta(&broken, &fixed, &settings);
        assert!(delta.introduced.is_empty(), "{:?}", delta.introduced);
        assert!(
            delta.removed.iter().any(|d| d.code.id == "OS2001"),
            "{:?}",
            delta.removed
        );
        assert!(lint_delta(&fixed, &fixed, &settings).is_empty());
    }
}
