//! OS9626 syntax-specified (buf's SYNTAX_SPECIFIED).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9626",
        "syntax-specified",
        Severity::Error,
        "Every file says its syntax.",
        DOCS,
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that every file starts with `syntax = "proto2";`, `"proto3";` or an edition.

## Why is this bad
Without it the file is silently proto2, whose defaults and field presence differ from what most authors expect today.

## Example
```proto
package acme.v1;   // no syntax line: proto2
```

## How to fix
Add `syntax = "proto3";` as the first statement.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for file in &set.files {
        if file.descriptor.syntax().is_empty() || !file.source.text.contains("syntax") && !file.source.text.contains("edition") {
            report(sink, file, &[], "Files must have a syntax explicitly specified. If no syntax is specified, the file defaults to \"proto2\".".to_string());
        }
    }
}
