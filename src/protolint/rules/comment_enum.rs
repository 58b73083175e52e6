//! OS9635 comment-enum (buf's COMMENT_ENUM).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9635",
        "comment-enum",
        Severity::Error,
        "Every enum has a leading comment.",
        DOCS,
    ),
    &["COMMENTS"],
    check,
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that every enum has a non-empty leading comment (a `buf:lint:ignore` line alone does not count).

## Why is this bad
Comments become the documentation of every generated stub; an undocumented element is guesswork for every SDK user.

## Example
```proto
message Order {}   // no comment above
```

## How to fix
Write a comment above the enum.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for element in set.enums() {
        if !has_comment(element.file, &element.path) {
            report(sink, element.file, &element.path, format!(
                "Enum {:?} should have a non-empty comment for documentation.",
                element.descriptor.name()
            ));
        }
    }
}
