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
    for service in set.services() {
        let name = service.descriptor.name();
        if !names::is_pascal(name) {
            report(sink, service.file, &service.name_path(), format!(
                "Service name {name:?} should be PascalCase, such as {:?}.",
                names::to_pascal(name)
            ));
        }
    }
}
