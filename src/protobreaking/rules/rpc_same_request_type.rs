//! OS9750 rpc-same-request-type (buf's RPC_SAME_REQUEST_TYPE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9750",
        "rpc-same-request-type",
        Severity::Error,
        "RPCs keep their request type.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "WIRE_JSON", "WIRE", "CSR"],
    Check::Method(check),
);

const DOCS: &str = r#"
## What it does
Checks that an RPC keeps its request message type.

## Why is this bad
Peers of the two versions send and expect different messages.

## Example
```proto
rpc Get(Item) returns (Item);   ->   rpc Get(Legacy) returns (Order);
```

## How to fix
Add a new RPC and deprecate the old one.
"#;

fn check(_: &Inputs<'_>, pair: &MethodPair<'_>, sink: &mut Sink) {
    helpers::same_method_type(sink, pair, "request", path::METHOD_INPUT, |m| m.input_type());
}
