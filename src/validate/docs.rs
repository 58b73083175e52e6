//! Documentation of the input and validation codes, printed by
//! `opensergo explain`. Same sections as the lint rules' docs.

/// The docs for an OS0xxx/OS1xxx code id.
pub fn docs(id: &str) -> Option<&'static str> {
    Some(match id {
        "OS0001" => {
            "## What it does\nReports a path that could not be read: missing, unreadable, a dangling symlink, a symlink loop.\n\n## Why is this bad\nRules in that path were not checked at all. The run exits 2.\n\n## How to fix\nCorrect the path or its permissions, or exclude it with `--exclude`."
        }
        "OS0002" => {
            "## What it does\nReports a file that is binary (NUL bytes), not UTF-8, or larger than `--max-file-size`.\n\n## Why is this bad\nKubernetes reads manifests as UTF-8 text; such a file is either not a manifest or will be rejected.\n\n## How to fix\nRe-encode it as UTF-8 (`iconv -f latin1 -t utf-8`), exclude it, or raise `--max-file-size`."
        }
        "OS0003" => {
            "## What it does\nReports YAML that does not parse, at the position the parser stopped.\n\n## Why is this bad\nkubectl and the API server reject the whole file; documents after the error are not checked.\n\n## Example\n```yaml\nspec:\n\tthreshold: 10   # a tab: YAML indents with spaces only\n```\n\n## How to fix\nFix the syntax at the reported line; the help names tabs when they are the cause."
        }
        "OS0004" => {
            "## What it does\nReports a mapping with the same key twice.\n\n## Why is this bad\nKubernetes decoders disagree on which value wins (some keep the last, strict ones reject the object), so what runs is not what you read.\n\n## How to fix\nKeep one of the two keys; the finding points at both."
        }
        "OS0005" => {
            "## What it does\nReports YAML that exceeds a safety limit: alias expansion beyond 250,000 nodes or collections nested deeper than 512 levels.\n\n## Why is this bad\nSuch files (\"billion laughs\") exhaust memory in naive loaders; no OpenSergo rule needs them.\n\n## How to fix\nWrite the values out instead of nesting aliases."
        }
        "OS1001" => {
            "## What it does\nReports a YAML document that has no `apiVersion` or no `kind`.\n\n## Why is this bad\nEvery Kubernetes object needs both; without them the document cannot be applied or checked.\n\n## How to fix\nAdd `apiVersion:` and `kind:`, or keep non-Kubernetes YAML (CI files, values files) out of the checked paths, or set `rules: {missing-type-meta: off}` in opensergo.yaml."
        }
        "OS1002" => {
            "## What it does\nReports a kind the tool does not know in an `*.opensergo.io` API group.\n\n## Why is this bad\nThe API server has no such resource; a typo in `kind` or `apiVersion` is the usual cause.\n\n## How to fix\nUse a kind from `opensergo schema list`, or give your own kinds' schemas with `--schema-dir` or `--crd`."
        }
        "OS1003" => {
            "## What it does\nReports a draft kind of an earlier spec revision (RouterRule, VirtualWorkloads, WorkloadLabelRule, TrafficLabelRule).\n\n## Why is this bad\nNo control plane or SDK implements these kinds.\n\n## How to fix\nRewrite the rule with the kind the help names (TrafficRouter, VirtualWorkload)."
        }
        "OS1004" => {
            "## What it does\nReports a field that breaks the kind's schema: a missing required field, a wrong type, a value outside an enum, a pattern or a range.\n\n## Why is this bad\nThe API server rejects the object (CRD kinds) or the spec's consumers misread it (spec-only kinds).\n\n## Example\n```yaml\nkind: RateLimitStrategy\nspec:\n  threshold: \"ten\"   # the CRD wants an integer\n```\n\n## How to fix\nFollow the message and the help; the places where the spec text and the CRDs disagree get targeted help."
        }
        "OS1005" => {
            "## What it does\nReports a field the kind's schema does not declare. A warning; an error with `--strict`.\n\n## Why is this bad\nKubernetes silently prunes unknown fields of CRD kinds, so the setting never takes effect (e.g. `statDuration` on a RateLimitStrategy, `spec.selector` on a FaultToleranceRule).\n\n## How to fix\nUse the field the help names, or remove it."
        }
        "OS1006" => {
            "## What it does\nReports `metadata.name`, `namespace` or labels that break Kubernetes syntax: names must be DNS-1123 (lower case, digits, `-`, `.`), label values strings of at most 63 characters.\n\n## Why is this bad\nThe API server rejects the object. The spec's database examples use underscores (`write_ds`), which no cluster accepts.\n\n## How to fix\nRename as the help suggests, and update references to the old name."
        }
        "OS1007" => {
            "## What it does\nReports an OpenSergo object without `metadata.labels.app`. A warning.\n\n## Why is this bad\nThe control plane groups objects by (namespace, `labels.app`) and delivers only those groups SDKs subscribe to: an object without the label reaches no application.\n\n## How to fix\nAdd `labels: {app: <application name>}`."
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::codes;

    #[test]
    fn every_validate_code_is_documented() {
        for c in codes::ALL {
            let d = docs(c.id).unwrap_or_else(|| panic!("{} has no docs", c.id));
            assert!(
                d.contains("## What it does") && d.contains("## How to fix"),
                "{}",
                c.id
            );
        }
    }
}
