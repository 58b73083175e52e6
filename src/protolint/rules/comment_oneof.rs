//! OS9639 comment-oneof (buf's COMMENT_ONEOF).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9639",
        "comment-oneof",
        Severity::Error,
        "Every oneof has a leading comment.",
        DOCS,
    ),
    &["COMMENTS"],
    check,
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that every oneof has a non-empty leading comment (a `buf:lint:ignore` line alone does not count).

## Why is this bad
Comments become the documentation of every generated stub; an undocumented element is guesswork for every SDK user.

## Example
```proto
message Order {}   // no comment above
```

## How to fix
Write a comment above the oneof.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for element in set.oneofs() {
        if !has_comment(element.file, &element.path) {
            report(sink, element.file, &element.path, format!(
                "Oneof {:?} should have a non-empty comment for documentation.",
                element.descriptor.name()
            ));
        }
    }
}
