//! OS9631 rpc-request-response-unique (buf's RPC_REQUEST_RESPONSE_UNIQUE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9631",
        "rpc-request-response-unique",
        Severity::Error,
        "Each request and response message serves one RPC only.",
        DOCS,
    ),
    &["STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that no message is the request or response of two RPCs, and that no RPC takes and returns the same message (`rpc_allow_same_request_response`, `rpc_allow_google_protobuf_empty_requests` and `..._responses` relax it).

## Why is this bad
A message shared by RPCs cannot evolve for one of them without changing the other.

## Example
```proto
rpc Get(Weather) returns (Weather);
rpc Put(Weather) returns (Weather);
```

## How to fix
Give every RPC its own `<Rpc>Request` and `<Rpc>Response` messages.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    request_response_unique(set, sink);
}
