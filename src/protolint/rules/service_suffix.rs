//! OS9634 service-suffix (buf's SERVICE_SUFFIX).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9634",
        "service-suffix",
        Severity::Error,
        "Service names end with `Service` (configurable).",
        DOCS,
    ),
    &["STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that service names end with the configured suffix (`service_suffix`, default `Service`).

## Why is this bad
The suffix keeps service types apart from messages of the same stem in every language.

## Example
```proto
service Forecast {}   // ForecastService
```

## How to fix
Rename the service.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    let suffix = &set.options.service_suffix;
    for service in set.services() {
        let name = service.descriptor.name();
        if !name.ends_with(suffix.as_str()) {
            report(sink, service.file, &service.name_path(), format!(
                "Service name {name:?} should be suffixed with {suffix:?}."
            ));
        }
    }
}
