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
        "OS0006" => {
            "## What it does\nNotes a file that holds Helm or Go template actions (`{{ .Values.x }}`, `{{- include ... }}`). Info; the file is skipped.\n\n## Why is this bad\nA template is not YAML until it is rendered: checking it as YAML gives syntax errors that are not real, and its objects are not known until the values are filled in.\n\n## Example\n```yaml\nspec:\n  threshold: {{ .Values.threshold }}\n```\n\n## How to fix\nRender it first and check the result: `helm template CHART | opensergo validate -`."
        }
        "OS0007" => {
            "## What it does\nReports a mistake in opensergo.yaml: a key the file format does not have (at any depth), a rule code or name no check has, or a value of the wrong type, at its position and with a \"did you mean\" when a known name is close.\n\n## Why is this bad\nA misspelt setting silently does nothing: a rule you turned off stays on, an exclude never applies. The run stops (exit 2) instead.\n\n## Example\n```yaml\nrules:\n  missing-app-lable: off    # meant missing-app-label\n```\n\n## How to fix\nUse the name the help suggests; `opensergo config init` writes every key with a comment, `opensergo lint --list-rules` lists the lint rules and the README the other codes."
        }
        "OS1001" => {
            "## What it does\nReports an object that has a `kind` or `metadata` but lost its `apiVersion` (or has an `apiVersion` and no `kind`).\n\n## Why is this bad\nEvery Kubernetes object needs both; without them the object cannot be applied or checked, so a broken rule would pass unseen.\n\n## Example\n```yaml\nkind: RateLimitStrategy     # apiVersion: fault-tolerance.opensergo.io/v1alpha1 is missing\nmetadata:\n  name: orders\n```\n\n## How to fix\nAdd the missing field; for an OpenSergo kind the help names the apiVersion. YAML that is no object at all (values files, CI workflows) is not this finding: it is skipped and counted (OS1009)."
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
        "OS1008" => {
            "## What it does\nReports an OpenSergo kind (`RateLimitStrategy`) under an apiVersion it does not live in: a misspelt group (`faulttolerance.opensergo.io`), a missing version or group (`v1alpha1`), a version that does not exist (`v1beta1`), or another OpenSergo group.\n\n## Why is this bad\nThe API server has no such resource and rejects the object; a validator that skipped it as \"not OpenSergo\" would pass a broken rule.\n\n## Example\n```yaml\napiVersion: fault-tolerance.opensergo/v1alpha1   # .io missing\nkind: RateLimitStrategy\n```\n\n## How to fix\nWrite the apiVersion the help names (`opensergo schema list` lists every kind with its apiVersion)."
        }
        "OS1009" => {
            "## What it does\nNames YAML that is no Kubernetes object: no `apiVersion`, no `kind`, no `metadata` (a Helm values file, a compose file, a CI workflow, package.json). Such documents are skipped and counted in the summary; with `--require-known` they are errors.\n\n## Why is this bad\nIt is not bad in a repository that keeps other YAML beside its rules. With `--require-known` every checked file must be a known object, for directories that should hold rules only.\n\n## How to fix\nNothing by default. Under `--require-known`, exclude the file (`--exclude`, `exclude:` in opensergo.yaml) or drop the flag."
        }
        "OS1010" => {
            "## What it does\nReports, with `--require-known`, an object whose kind has no schema: not an OpenSergo kind, and not covered by `--schema-dir` or `--crd`. Without the flag such objects are skipped and counted by kind in the summary.\n\n## Why is this bad\nAn object nothing checks may hide a mistake; in a directory of rules only, an unknown kind is usually one.\n\n## How to fix\nGive its schema with `--schema-dir` or `--crd`, skip the kind with `--skip KIND`, or drop `--require-known`."
        }
        "OS1011" => {
            "## What it does\nReports an object of a kind the run rejects with `--reject KIND` (or `validate.reject` in opensergo.yaml).\n\n## Why is this bad\nThe project decided such objects do not belong in these paths (a draft kind, a kind another team owns).\n\n## How to fix\nMove or delete the object, or stop rejecting its kind."
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
