//! OS9747 rpc-same-client-streaming (buf's RPC_SAME_CLIENT_STREAMING).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9747",
        "rpc-same-client-streaming",
        Severity::Error,
        "RPCs keep their client streaming.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "WIRE_JSON", "WIRE", "CSR"],
    Check::Method(check),
);

const DOCS: &str = r#"
## What it does
Checks that an RPC stays client-streaming or client-unary.

## Why is this bad
Streaming and unary calls are different protocols: clients and servers of the two versions cannot talk.

## Example
```proto
rpc Upload(stream Item) returns (Item);   ->   rpc Upload(Item) returns (Item);
```

## How to fix
Add a new RPC and deprecate the old one.
"#;

fn check(_: &Inputs<'_>, pair: &MethodPair<'_>, sink: &mut Sink) {
    helpers::same_streaming(sink, pair, "client", |m| m.client_streaming());
}
