//! Diagnostic codes: the one shape every finding's code has, whichever
//! command reports it.
//!
//! A [`Code`] carries everything a user or a report needs about it: the
//! stable id (`OS1004`), the kebab-case name, the default [`Severity`], a
//! one-sentence summary, the full markdown docs (What it does / Why is
//! this bad / Example / How to fix) and its [`Lifecycle`]. Because the docs
//! travel with the code, every output format (SARIF rule help included)
//! renders them without looking anything up.
//!
//! Each check declares its own codes next to the code that reports them
//! (this module's [`DOCUMENT_CODES`] are the core's own: reading, parsing,
//! typing and validating one document); the command layer assembles them
//! into one registry for `explain`, `explain --list` and the docs check.
//!
//! Id ranges: OS0xxx input, OS1xxx validation, OS2xxx–OS6xxx and OS8xxx
//! lint, OS7xxx convert, OS9xxx diff. A code is stable forever: a retired
//! code keeps its id and name and says what replaced it.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Reads a configured level: a severity, or `off` (`None`). The same
    /// words everywhere: `--severity X=warn`, `rules: {X: warn}`.
    pub fn parse_level(text: &str) -> Result<Option<Severity>, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "off" | "none" => Ok(None),
            "info" => Ok(Some(Severity::Info)),
            "warning" | "warn" => Ok(Some(Severity::Warning)),
            "error" => Ok(Some(Severity::Error)),
            _ => Err(format!(
                "unknown level `{text}`: use off, info, warning (warn) or error"
            )),
        }
    }

    /// The word for a level: `off` or the severity.
    pub fn level_str(level: Option<Severity>) -> &'static str {
        level.map_or("off", Severity::as_str)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Severity::parse_level(s)?
            .ok_or_else(|| format!("`{s}` is not a severity: use info, warning or error"))
    }
}

/// Where a code is in its life. Retired codes are never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lifecycle {
    /// In use.
    Stable,
    /// Still reported, to be removed; selecting it warns.
    Deprecated { replaced_by: Option<&'static str> },
    /// No longer reported; selecting it is an error that names the replacement.
    Removed { replaced_by: Option<&'static str> },
}

impl Lifecycle {
    pub fn as_str(self) -> &'static str {
        match self {
            Lifecycle::Stable => "stable",
            Lifecycle::Deprecated { .. } => "deprecated",
            Lifecycle::Removed { .. } => "removed",
        }
    }

    pub fn replaced_by(self) -> Option<&'static str> {
        match self {
            Lifecycle::Stable => None,
            Lifecycle::Deprecated { replaced_by } | Lifecycle::Removed { replaced_by } => {
                replaced_by
            }
        }
    }
}

/// A stable diagnostic code with its documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Code {
    pub id: &'static str,
    pub name: &'static str,
    pub default_severity: Severity,
    /// One sentence: what the finding means.
    pub summary: &'static str,
    /// Markdown: What it does / Why is this bad / Example / How to fix.
    pub docs: &'static str,
    pub lifecycle: Lifecycle,
}

impl Code {
    pub const fn new(
        id: &'static str,
        name: &'static str,
        default_severity: Severity,
        summary: &'static str,
        docs: &'static str,
    ) -> Self {
        Code {
            id,
            name,
            default_severity,
            summary,
            docs,
            lifecycle: Lifecycle::Stable,
        }
    }

    pub const fn deprecated(mut self, replaced_by: Option<&'static str>) -> Self {
        self.lifecycle = Lifecycle::Deprecated { replaced_by };
        self
    }

    pub const fn removed(mut self, replaced_by: Option<&'static str>) -> Self {
        self.lifecycle = Lifecycle::Removed { replaced_by };
        self
    }

    /// Whether `id_or_name` names this code: the id in any case, the
    /// kebab-case name, or the name in buf's SCREAMING_SNAKE_CASE
    /// (`FIELD_LOWER_SNAKE_CASE`).
    pub fn is_named(&self, id_or_name: &str) -> bool {
        let wanted = id_or_name.trim();
        self.id.eq_ignore_ascii_case(wanted)
            || self.name == wanted
            || (wanted.len() == self.name.len()
                && wanted
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
                && wanted
                    .bytes()
                    .zip(self.name.bytes())
                    .all(|(w, n)| w == n.to_ascii_uppercase() || (w == b'_' && n == b'-')))
    }

    /// The `explain` text: header, summary, lifecycle note and docs.
    /// `header` replaces the default-severity note (rules say their
    /// category and configured default there).
    pub fn explanation(&self, header: Option<&str>) -> String {
        let mut text = match header {
            Some(header) => format!("{} {}\n{header}\n", self.id, self.name),
            None => format!(
                "{} {} (default severity: {})\n",
                self.id, self.name, self.default_severity
            ),
        };
        text.push_str(&format!("\n{}\n", self.summary));
        match self.lifecycle {
            Lifecycle::Stable => {}
            lifecycle => {
                text.push_str(&format!("\nThis code is {}", lifecycle.as_str()));
                if let Some(by) = lifecycle.replaced_by() {
                    text.push_str(&format!("; use {by} instead"));
                }
                text.push_str(".\n");
            }
        }
        text.push('\n');
        text.push_str(self.docs.trim());
        text.push('\n');
        text
    }
}

/// The sections every code's docs must have.
pub const DOC_SECTIONS: [&str; 4] = [
    "## What it does",
    "## Why is this bad",
    "## Example",
    "## How to fix",
];

/// The first code of `all` that `id_or_name` names.
pub fn find<'a>(all: impl IntoIterator<Item = &'a Code>, id_or_name: &str) -> Option<&'a Code> {
    all.into_iter().find(|c| c.is_named(id_or_name))
}

/// Checks a set of codes is well formed: ids `OS` + four digits, names
/// kebab-case, neither used twice, every doc section present.
pub fn check_table<'a>(all: impl IntoIterator<Item = &'a Code>) -> Result<(), String> {
    let mut ids = std::collections::HashSet::new();
    let mut names = std::collections::HashSet::new();
    for c in all {
        if !(c.id.len() == 6
            && c.id.starts_with("OS")
            && c.id[2..].bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(format!("{}: ids are OS and four digits", c.id));
        }
        if !c
            .name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(format!("{}: `{}` is not kebab-case", c.id, c.name));
        }
        if !ids.insert(c.id) {
            return Err(format!("{} is used twice", c.id));
        }
        if !names.insert(c.name) {
            return Err(format!("{} is used twice", c.name));
        }
        if c.summary.is_empty() {
            return Err(format!("{} has no summary", c.id));
        }
        for section in DOC_SECTIONS {
            if !c.docs.contains(section) {
                return Err(format!("{} {}: docs lack `{section}`", c.id, c.name));
            }
        }
    }
    Ok(())
}

/// Declares code constants and a list of them, one entry a code:
/// `LIST: IDENT = "OS1234" "kebab-name" Severity "One-sentence summary." DOCS;`
/// where DOCS is the markdown documentation (a literal or a constant).
#[macro_export]
macro_rules! define_codes {
    ($all:ident: $($ident:ident = $id:literal $name:literal $sev:ident $summary:literal $docs:expr;)*) => {
        $(pub const $ident: $crate::codes::Code = $crate::codes::Code::new(
            $id, $name, $crate::codes::Severity::$sev, $summary, $docs,
        );)*
        /// Every code of this group, in id order.
        pub const $all: &[$crate::codes::Code] = &[$($ident),*];
    };
}

// The core's own codes: reading, parsing, typing and validating one
// document. Every command that reads documents reports them.
crate::define_codes! {
    DOCUMENT_CODES:
    IO_ERROR = "OS0001" "io-error" Error "A path could not be read."
        r#"## What it does
Reports a path that could not be read: missing, unreadable, a symlink loop, a dangling symlink named on the command line or named like a rule file in a walk (one a walk would not read, such as `notes.txt`, is only a note).

## Why is this bad
Rules in that path were not checked at all. The run exits 2.

## Example
```console
$ opensergo validate rules/missing.yaml
```

## How to fix
Correct the path or its permissions, or exclude it with `--exclude`."#;
    NOT_TEXT = "OS0002" "not-text" Error "The file is binary, not UTF-8, or too large to read as YAML."
        r#"## What it does
Reports a file that is binary (NUL bytes), not UTF-8, or larger than `--max-file-size`.

## Why is this bad
Kubernetes reads manifests as UTF-8 text; such a file is either not a manifest or will be rejected.

## Example
A rule file saved as Latin-1 with `# café` in a comment.

## How to fix
Re-encode it as UTF-8 (`iconv -f latin1 -t utf-8`), exclude it, or raise `--max-file-size`."#;
    YAML_SYNTAX = "OS0003" "yaml-syntax" Error "The file is not valid YAML."
        r#"## What it does
Reports YAML that does not parse, at the position the parser stopped.

## Why is this bad
kubectl and the API server reject the whole file; documents after the error are not checked.

## Example
```yaml
spec:
	threshold: 10   # a tab: YAML indents with spaces only
```

## How to fix
Fix the syntax at the reported line; the help names tabs when they are the cause."#;
    DUPLICATE_KEY = "OS0004" "duplicate-key" Error "A mapping has the same key twice."
        r#"## What it does
Reports a mapping with the same key twice.

## Why is this bad
Kubernetes decoders disagree on which value wins (some keep the last, strict ones reject the object), so what runs is not what you read.

## Example
```yaml
spec:
  threshold: 10
  threshold: 100
```

## How to fix
Keep one of the two keys; the finding points at both."#;
    YAML_LIMIT = "OS0005" "yaml-limit" Error "The file exceeds a safety limit (alias expansion or nesting depth)."
        r#"## What it does
Reports YAML that exceeds a safety limit: alias expansion beyond 250,000 nodes or collections nested deeper than 512 levels.

## Why is this bad
Such files ("billion laughs") exhaust memory in naive loaders; no OpenSergo rule needs them.

## Example
```yaml
a: &a [x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]   # and so on
```

## How to fix
Write the values out instead of nesting aliases."#;
    TEMPLATE = "OS0006" "template" Info "A Helm or Go template, not YAML yet: it is skipped until rendered."
        r#"## What it does
Notes a file that holds Helm or Go template actions (`{{ .Values.x }}`, `{{- include ... }}`). Info; the file is skipped.

## Why is this bad
A template is not YAML until it is rendered: checking it as YAML gives syntax errors that are not real, and its objects are not known until the values are filled in.

## Example
```yaml
spec:
  threshold: {{ .Values.threshold }}
```

## How to fix
Render it first and check the result: `helm template CHART | opensergo validate -`."#;
    INVALID_CONFIG = "OS0007" "invalid-config" Error "opensergo.yaml has an unknown key or rule code, or a value of the wrong type."
        r#"## What it does
Reports a mistake in opensergo.yaml: a key the file format does not have (at any depth), a rule code or name no check has, or a value of the wrong type, at its position and with a "did you mean" when a known name is close.

## Why is this bad
A misspelt setting silently does nothing: a rule you turned off stays on, an exclude never applies. The run stops (exit 2) instead.

## Example
```yaml
rules:
  missing-app-lable: off    # meant missing-app-label
```

## How to fix
Use the name the help suggests; `opensergo config init` writes every key with a comment, `opensergo lint --list-rules` lists the lint rules and the README the other codes."#;
    MISSING_TYPE_META = "OS1001" "missing-type-meta" Error "An object (it has a kind or metadata) lost its apiVersion or kind."
        r#"## What it does
Reports an object that has a `kind` or `metadata` but lost its `apiVersion` (or has an `apiVersion` and no `kind`).

## Why is this bad
Every Kubernetes object needs both; without them the object cannot be applied or checked, so a broken rule would pass unseen.

## Example
```yaml
kind: RateLimitStrategy     # apiVersion: fault-tolerance.opensergo.io/v1alpha1 is missing
metadata:
  name: orders
```

## How to fix
Add the missing field; for an OpenSergo kind the help names the apiVersion. YAML that is no object at all (values files, CI workflows) is not this finding: it is skipped and counted (OS1009)."#;
    UNKNOWN_KIND = "OS1002" "unknown-kind" Error "An OpenSergo API group with a kind the tool does not know."
        r#"## What it does
Reports a kind the tool does not know in an `*.opensergo.io` API group.

## Why is this bad
The API server has no such resource; a typo in `kind` or `apiVersion` is the usual cause.

## Example
```yaml
apiVersion: fault-tolerance.opensergo.io/v1alpha1
kind: RateLimitStrategey
```

## How to fix
Use a kind from `opensergo schema list`, or give your own kinds' schemas with `--schema-dir` or `--crd`."#;
    SUPERSEDED_KIND = "OS1003" "superseded-kind" Error "A draft kind that a later OpenSergo spec replaced."
        r#"## What it does
Reports a draft kind of an earlier spec revision (RouterRule, VirtualWorkloads, WorkloadLabelRule, TrafficLabelRule).

## Why is this bad
No control plane or SDK implements these kinds.

## Example
```yaml
apiVersion: traffic.opensergo.io/v1alpha1
kind: RouterRule
```

## How to fix
Rewrite the rule with the kind the help names (TrafficRouter, VirtualWorkload)."#;
    SCHEMA_VIOLATION = "OS1004" "schema-violation" Error "A field breaks the kind's schema (type, required, enum, pattern, range)."
        r#"## What it does
Reports a field that breaks the kind's schema: a missing required field, a wrong type, a value outside an enum, a pattern or a range.

## Why is this bad
The API server rejects the object (CRD kinds) or the spec's consumers misread it (spec-only kinds).

## Example
```yaml
kind: RateLimitStrategy
spec:
  threshold: "ten"   # the CRD wants an integer
```

## How to fix
Follow the message and the help; the places where the spec text and the CRDs disagree get targeted help."#;
    UNKNOWN_FIELD = "OS1005" "unknown-field" Warning "A field the kind's schema does not declare; Kubernetes would silently drop it."
        r#"## What it does
Reports a field the kind's schema does not declare. A warning; an error with `--strict`.

## Why is this bad
Kubernetes silently prunes unknown fields of CRD kinds, so the setting never takes effect (e.g. `statDuration` on a RateLimitStrategy, `spec.selector` on a FaultToleranceRule).

## Example
```yaml
kind: RateLimitStrategy
spec:
  statDuration: "1s"   # the CRD field is statDurationSeconds
```

## How to fix
Use the field the help names, or remove it."#;
    INVALID_METADATA = "OS1006" "invalid-metadata" Error "metadata.name, namespace or labels break Kubernetes syntax rules."
        r#"## What it does
Reports `metadata.name`, `namespace` or labels that break Kubernetes syntax: names must be DNS-1123 (lower case, digits, `-`, `.`), label values strings of at most 63 characters.

## Why is this bad
The API server rejects the object. The spec's database examples use underscores (`write_ds`), which no cluster accepts.

## Example
```yaml
metadata:
  name: write_ds
```

## How to fix
Rename as the help suggests, and update references to the old name."#;
    MISSING_APP_LABEL = "OS1007" "missing-app-label" Warning "No metadata.labels.app: the control plane never delivers such an object."
        r#"## What it does
Reports an OpenSergo object without `metadata.labels.app`. A warning.

## Why is this bad
The control plane groups objects by (namespace, `labels.app`) and delivers only those groups SDKs subscribe to: an object without the label reaches no application.

## Example
```yaml
metadata:
  name: limit-orders
  labels: {}
```

## How to fix
Add `labels: {app: <application name>}`."#;
    WRONG_API_VERSION = "OS1008" "wrong-api-version" Error "An OpenSergo kind under an apiVersion it does not live in."
        r#"## What it does
Reports an OpenSergo kind (`RateLimitStrategy`) under an apiVersion it does not live in: a misspelt group (`faulttolerance.opensergo.io`), a missing version or group (`v1alpha1`), a version that does not exist (`v1beta1`), or another OpenSergo group.

## Why is this bad
The API server has no such resource and rejects the object; a validator that skipped it as "not OpenSergo" would pass a broken rule.

## Example
```yaml
apiVersion: fault-tolerance.opensergo/v1alpha1   # .io missing
kind: RateLimitStrategy
```

## How to fix
Write the apiVersion the help names (`opensergo schema list` lists every kind with its apiVersion)."#;
    NOT_AN_OBJECT = "OS1009" "not-an-object" Error "YAML that is no Kubernetes object (no apiVersion, kind or metadata); skipped unless --require-known."
        r#"## What it does
Names YAML that is no Kubernetes object: no `apiVersion`, no `kind`, no `metadata` (a Helm values file, a compose file, a CI workflow, package.json). Such documents are skipped and counted in the summary; with `--require-known` they are errors.

## Why is this bad
It is not bad in a repository that keeps other YAML beside its rules. With `--require-known` every checked file must be a known object, for directories that should hold rules only.

## Example
```yaml
# docker-compose.yml: skipped and counted as `non-object`
services:
  orders: {image: example/orders:1.0}
```

## How to fix
Nothing by default. Under `--require-known`, exclude the file (`--exclude`, `exclude:` in opensergo.yaml) or drop the flag."#;
    NO_SCHEMA = "OS1010" "no-schema" Error "An object of a kind with no schema; skipped unless --require-known."
        r#"## What it does
Reports, with `--require-known`, an object whose kind has no schema: not an OpenSergo kind, and not covered by `--schema-dir` or `--crd`. Without the flag such objects are skipped and counted by kind in the summary.

## Why is this bad
An object nothing checks may hide a mistake; in a directory of rules only, an unknown kind is usually one.

## Example
```yaml
apiVersion: apps/v1      # no schema: an error under --require-known
kind: Deployment
```

## How to fix
Give its schema with `--schema-dir` or `--crd`, skip the kind with `--skip KIND`, or drop `--require-known`."#;
    REJECTED_KIND = "OS1011" "rejected-kind" Error "An object of a kind the run rejects (--reject)."
        r#"## What it does
Reports an object of a kind the run rejects with `--reject KIND` (or `validate.reject` in opensergo.yaml).

## Why is this bad
The project decided such objects do not belong in these paths (a draft kind, a kind another team owns).

## Example
```yaml
# opensergo validate --reject RouterRule
kind: RouterRule
```

## How to fix
Move or delete the object, or stop rejecting its kind."#;
    UNKNOWN_SUPPRESSED_CODE = "OS1012" "unknown-suppressed-code" Warning "A suppression comment or annotation names a code no command has."
        r#"## What it does
Checks the codes named by `# opensergo:ignore CODE reason` comments and
`lint.opensergo.io/ignore: CODE,CODE` annotations in the files `validate`
reads: each must be the code (`OS1005`) or name (`unknown-field`) of some
command's finding. Codes of other commands (lint's `OS2001`) are accepted
silently, since `lint` reads the same comments; `lint` checks those itself
(OS8001).

## Why is this bad
A misspelt code silences nothing: the finding it was meant for keeps
coming back, or the comment looks like an accepted risk that is in fact
still reported.

## Example
```yaml
spec:
  # opensergo:ignore unknwon-field kept for the old SDK   # meant unknown-field
  statDuration: "1s"
```

## How to fix
Use a code or name from `opensergo validate --list-rules` (or
`opensergo explain --list` for every command's codes)."#;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_codes_are_well_formed() {
        check_table(DOCUMENT_CODES).unwrap();
    }

    #[test]
    fn levels_read_the_same_words_everywhere() {
        assert_eq!(Severity::parse_level("warn"), Ok(Some(Severity::Warning)));
        assert_eq!(Severity::parse_level("OFF"), Ok(None));
        assert!(Severity::parse_level("loud").is_err());
        assert_eq!("warn".parse::<Severity>(), Ok(Severity::Warning));
        assert!("off".parse::<Severity>().is_err());
    }

    #[test]
    fn check_table_rejects_duplicates_and_missing_docs() {
        let a = Code::new("OS0001", "a", Severity::Error, "s", "## What it does");
        assert!(check_table(&[a]).unwrap_err().contains("Why is this bad"));
        let full = IO_ERROR;
        let twin = Code {
            name: "other",
            ..full
        };
        assert!(check_table(&[full, twin]).unwrap_err().contains("twice"));
    }

    #[test]
    fn retired_codes_say_what_replaced_them() {
        let old = IO_ERROR.removed(Some("OS0002"));
        let text = old.explanation(None);
        assert!(text.contains("removed; use OS0002 instead"), "{text}");
    }
}
