//! OS9633 rpc-response-standard-name (buf's RPC_RESPONSE_STANDARD_NAME).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9633",
        "rpc-response-standard-name",
        Severity::Error,
        "Response messages are named `<Rpc>Response` or `<Service><Rpc>Response`.",
        DOCS,
    ),
    &["STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks the name of every RPC\'s response message.

## Why is this bad
The standard names tie each message to its RPC, so it can change with that RPC alone.

## Example
```proto
rpc GetWeather(GetWeatherRequest) returns (Weather);   // GetWeatherResponse
```

## How to fix
Rename the response message.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    standard_name(set, sink, "response", "Response");
}
