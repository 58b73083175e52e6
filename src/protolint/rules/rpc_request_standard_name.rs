//! OS9632 rpc-request-standard-name (buf's RPC_REQUEST_STANDARD_NAME).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9632",
        "rpc-request-standard-name",
        Severity::Error,
        "Request messages are named `<Rpc>Request` or `<Service><Rpc>Request`.",
        DOCS,
    ),
    &["STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks the name of every RPC\'s request message.

## Why is this bad
The standard names tie each message to its RPC, so it can change with that RPC alone.

## Example
```proto
rpc GetWeather(WeatherQuery) returns (GetWeatherResponse);   // GetWeatherRequest
```

## How to fix
Rename the request message.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    standard_name(set, sink, "request", "Request");
}
