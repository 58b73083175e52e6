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
//! * [`changes`]: the result as the core [`crate::changeset::ChangeSet`]
//!   (values, places), which the report layer renders.

pub mod changes;
pub mod compare;
pub mod findings;
pub mod input;
pub mod meaning;
pub mod summary;

pub use compare::{Change, ChangeKind, Diff, ObjectDiff, Options, Status, diff};
pub use input::{Identity, Side};

/// Codes of `diff` findings (all about its inputs: a diff itself is not a
/// finding).
pub mod codes {
    crate::define_codes! {
        DIFF_CODES:
        DUPLICATE_IDENTITY = "OS9001" "duplicate-identity" Error "Two documents on one side of a diff have the same apiVersion group, kind, namespace and name."
            r#"## What it does

Reports two documents on the same side of a diff that have one identity:
the same apiVersion group, kind, namespace (`default` when none is written)
and `metadata.name`. Both places are shown.

## Why is this bad

`diff` pairs objects by identity, never by file or position. With two
candidates on one side it cannot know which one the other side's object is
compared with, and any answer would hide a change. Kubernetes keeps only
the last one applied, so the rule set itself is ambiguous (`opensergo lint`
reports the same problem as OS3001).

## Example

```yaml
# rules/a.yaml
apiVersion: fault-tolerance.opensergo.io/v1alpha1
kind: RateLimitStrategy
metadata: {name: orders-limit, namespace: shop}
spec: {metricType: RequestAmount, limitMode: Local, threshold: 100, statDurationSeconds: 1}
---
# rules/b.yaml
apiVersion: fault-tolerance.opensergo.io/v1alpha1
kind: RateLimitStrategy
metadata: {name: orders-limit, namespace: shop}
spec: {metricType: RequestAmount, limitMode: Local, threshold: 10, statDurationSeconds: 1}
```

## How to fix

Delete or rename one of the two objects, then run the diff again. The exit
code is 2 until then: a diff over an ambiguous side is not trustworthy."#;
        UNREADABLE_REVISION = "OS9002" "unreadable-revision" Error "A git revision or a path in it could not be read (unknown revision, missing path, not a git repository)."
            r#"## What it does

Reports a side of the diff given as a git revision (`main:rules/`,
`HEAD~1:rules/policy.yaml`, `v1.2.0:`, or `opensergo diff main`) that could
not be read: the revision does not exist, the path is not in its tree, the
current directory is not inside a git repository, or `git` itself failed.

## Why is this bad

Without one side there is nothing to compare; reporting every object as
added would be a lie. The run stops with exit code 2.

## Example

```console
$ opensergo diff mian:rules/ rules/
error[OS9002]: unknown revision `mian`
```

## How to fix

Check the revision with `git rev-parse --verify REV` and the path with
`git ls-tree REV -- PATH` (paths after `REV:` are relative to the
repository root, or to the current directory when they start with `./`).
In a shallow CI checkout, fetch the base branch first
(`git fetch --depth=1 origin main`)."#;
        UNIDENTIFIED_DOCUMENT = "OS9003" "unidentified-document" Warning "A document without apiVersion, kind or metadata.name: diff cannot pair it, so it is skipped."
            r#"## What it does

Counts a document that has no `apiVersion`, `kind` or `metadata.name` and
warns about it: such a document has no identity to pair it with a document
on the other side, so it is left out of the comparison.

## Why is this bad

A change inside such a document is not shown. Usually the document is not
a Kubernetes object at all (a values file, a fragment) and skipping it is
right; sometimes a typo (`metdata:`) removed the identity by accident.

## Example

```yaml
apiVersion: fault-tolerance.opensergo.io/v1alpha1
kind: RateLimitStrategy
metdata:
  name: orders-limit
```

## How to fix

Give the document its `apiVersion`, `kind` and `metadata.name`, or keep
files that are not objects out of the compared paths (`--exclude GLOB`)."#;
    }
}
