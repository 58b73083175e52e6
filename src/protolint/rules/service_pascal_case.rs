//! OS9625 service-pascal-case (buf's SERVICE_PASCAL_CASE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9625",
        "service-pascal-case",
        Severity::Error,
        "Service names are PascalCase.",
        DOCS,
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that service names start with a capital letter and have no underscores.

## Why is this bad
Service names become client and server class names; one style keeps them idiomatic.

## Example
```proto
service weather_service {}   // WeatherService
```

## How to fix
Rename the service.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    let elements = set.services();
    require_style(
        sink,
        "Service",
        "PascalCase",
        names::is_pascal,
        names::to_pascal,
        elements
            .iter()
            .map(|e| (e.file, e.name_path(), e.descriptor.name())),
    );
}
