//! OS9636 comment-enum-value (buf's COMMENT_ENUM_VALUE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9636",
        "comment-enum-value",
        Severity::Error,
        "Every enum value has a leading comment.",
        DOCS,
    ),
    &["COMMENTS"],
    check,
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that every enum value has a non-empty leading comment (a `buf:lint:ignore` line alone does not count).

## Why is this bad
Comments become the documentation of every generated stub; an undocumented element is guesswork for every SDK user.

## Example
```proto
message Order {}   // no comment above
```

## How to fix
Write a comment above the enum value.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for (_, element) in set.enum_values() {
        if !has_comment(element.file, &element.path) {
            report(sink, element.file, &element.path, format!(
                "Enum value {:?} should have a non-empty comment for documentation.",
                element.descriptor.name()
            ));
        }
    }
}
