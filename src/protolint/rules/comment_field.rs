//! OS9637 comment-field (buf's COMMENT_FIELD).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9637",
        "comment-field",
        Severity::Error,
        "Every field has a leading comment.",
        DOCS,
    ),
    &["COMMENTS"],
    check,
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that every field has a non-empty leading comment (a `buf:lint:ignore` line alone does not count).

## Why is this bad
Comments become the documentation of every generated stub; an undocumented element is guesswork for every SDK user.

## Example
```proto
message Order {}   // no comment above
```

## How to fix
Write a comment above the field.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for (_, element) in set.fields() {
        if !has_comment(element.file, &element.path) {
            report(sink, element.file, &element.path, format!(
                "Field {:?} should have a non-empty comment for documentation.",
                element.descriptor.name()
            ));
        }
    }
}
