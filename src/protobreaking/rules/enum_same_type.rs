//! OS9706 enum-same-type (buf's ENUM_SAME_TYPE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9706",
        "enum-same-type",
        Severity::Error,
        "Enums stay open or closed.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::Enum(check),
);

const DOCS: &str = r#"
## What it does
Checks that an enum stays open (proto3: unknown values are kept) or closed (proto2: unknown values go to unknown fields), which follows from the syntax of its file.

## Why is this bad
Changing it changes what readers do with values they do not know: a closed enum drops them into unknown fields, silently.

## Example
```proto
// syntax = "proto3";  ->  syntax = "proto2";
enum Mood { MOOD_UNSPECIFIED = 0; }
```

## How to fix
Keep the file's syntax.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, EnumDescriptorProto>, sink: &mut Sink) {
    report_changed(
        sink,
        pair,
        |e| if e.proto3() { "open" } else { "closed" },
        |e| e.path.clone(),
        |previous, current| {
            let name = pair.current.descriptor.name();
            format!("Enum {name:?} changed from {previous} to {current}.")
        },
    );
}
