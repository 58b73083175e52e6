//! OS9638 comment-message (buf's COMMENT_MESSAGE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9638",
        "comment-message",
        Severity::Error,
        "Every message has a leading comment.",
        DOCS,
    ),
    &["COMMENTS"],
    check,
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that every message has a non-empty leading comment (a `buf:lint:ignore` line alone does not count).

## Why is this bad
Comments become the documentation of every generated stub; an undocumented element is guesswork for every SDK user.

## Example
```proto
message Order {}   // no comment above
```

## How to fix
Write a comment above the message.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for element in set.messages() {
        if !has_comment(element.file, &element.path) {
            report(sink, element.file, &element.path, format!(
                "Message {:?} should have a non-empty comment for documentation.",
                element.descriptor.name()
            ));
        }
    }
}
