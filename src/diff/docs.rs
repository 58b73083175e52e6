//! The long documentation of `diff`'s codes (`opensergo explain OS9001`).

pub const DUPLICATE_IDENTITY: &str = "\
## What it does

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
code is 2 until then: a diff over an ambiguous side is not trustworthy.
";

pub const UNREADABLE_REVISION: &str = "\
## What it does

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
(`git fetch --depth=1 origin main`).
";

pub const UNIDENTIFIED_DOCUMENT: &str = "\
## What it does

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
files that are not objects out of the compared paths (`--exclude GLOB`).
";

/// The documentation of one of `diff`'s codes.
pub fn docs(id: &str) -> Option<&'static str> {
    match id {
        "OS9001" => Some(DUPLICATE_IDENTITY),
        "OS9002" => Some(UNREADABLE_REVISION),
        "OS9003" => Some(UNIDENTIFIED_DOCUMENT),
        _ => None,
    }
}
