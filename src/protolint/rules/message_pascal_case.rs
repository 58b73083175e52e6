//! OS9614 message-pascal-case (buf's MESSAGE_PASCAL_CASE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9614",
        "message-pascal-case",
        Severity::Error,
        "Message names are PascalCase.",
        DOCS,
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that message names start with a capital letter and have no underscores.

## Why is this bad
Message names become class and struct names in every language; one style keeps them idiomatic.

## Example
```proto
message weather_report {}   // WeatherReport
```

## How to fix
Rename the message (its wire form does not change; its full name, used in `Any` and JSON type URLs, does).
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    let elements = set.messages();
    require_style(
        sink,
        "Message",
        "PascalCase",
        names::is_pascal,
        names::to_pascal,
        elements
            .iter()
            .map(|e| (e.file, e.name_path(), e.descriptor.name())),
    );
}
