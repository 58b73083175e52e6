//! OS9751 rpc-same-response-type (buf's RPC_SAME_RESPONSE_TYPE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9751",
        "rpc-same-response-type",
        Severity::Error,
        "RPCs keep their response type.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "WIRE_JSON", "WIRE", "CSR"],
    Check::Method(check),
);

const DOCS: &str = r#"
## What it does
Checks that an RPC keeps its response message type.

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
    helpers::same_method_type(sink, pair, "response", path::METHOD_OUTPUT, |m| m.output_type());
}
