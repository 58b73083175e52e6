//! OS9748 rpc-same-server-streaming (buf's RPC_SAME_SERVER_STREAMING).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9748",
        "rpc-same-server-streaming",
        Severity::Error,
        "RPCs keep their server streaming.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "WIRE_JSON", "WIRE", "CSR"],
    Check::Method(check),
);

const DOCS: &str = r#"
## What it does
Checks that an RPC stays server-streaming or server-unary.

## Why is this bad
Streaming and unary calls are different protocols: clients and servers of the two versions cannot talk.

## Example
```proto
rpc Watch(Item) returns (stream Item);   ->   rpc Watch(Item) returns (Item);
```

## How to fix
Add a new RPC and deprecate the old one.
"#;

fn check(_: &Inputs<'_>, pair: &MethodPair<'_>, sink: &mut Sink) {
    helpers::same_streaming(sink, pair, "server", |m| m.server_streaming());
}
