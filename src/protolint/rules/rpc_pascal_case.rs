//! OS9624 rpc-pascal-case (buf's RPC_PASCAL_CASE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9624",
        "rpc-pascal-case",
        Severity::Error,
        "RPC names are PascalCase.",
        DOCS,
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that RPC names start with a capital letter and have no underscores.

## Why is this bad
RPC names become method names in every client and server; one style keeps them idiomatic.

## Example
```proto
service WeatherService { rpc get_weather(GetWeatherRequest) returns (GetWeatherResponse); }
```

## How to fix
Rename the RPC (its HTTP/2 path changes: deploy servers first).
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    let elements = set.methods();
    require_style(
        sink,
        "RPC",
        "PascalCase",
        names::is_pascal,
        names::to_pascal,
        elements
            .iter()
            .map(|(_, e)| (e.file, e.name_path(), e.descriptor.name())),
    );
}
