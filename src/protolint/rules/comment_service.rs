//! OS9641 comment-service (buf's COMMENT_SERVICE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9641",
        "comment-service",
        Severity::Error,
        "Every service has a leading comment.",
        DOCS,
    ),
    &["COMMENTS"],
    check,
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that every service has a non-empty leading comment (a `buf:lint:ignore` line alone does not count).

## Why is this bad
Comments become the documentation of every generated stub; an undocumented element is guesswork for every SDK user.

## Example
```proto
message Order {}   // no comment above
```

## How to fix
Write a comment above the service.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for element in set.services() {
        if !has_comment(element.file, &element.path) {
            report(sink, element.file, &element.path, format!(
                "Service {:?} should have a non-empty comment for documentation.",
                element.descriptor.name()
            ));
        }
    }
}
