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
    let (previous, current) = (pair.previous.descriptor.output_type(), pair.current.descriptor.output_type());
    if previous != current {
        let at = |e: &Element<'_, prost_types::MethodDescriptorProto, _>| e.located(&[&[path::METHOD_OUTPUT]]);
        report(
            sink,
            pair,
            at(&pair.current),
            at(&pair.previous),
            format!(
                "RPC {:?} on service {:?} changed response type from {:?} to {:?}.",
                pair.current.descriptor.name(),
                pair.current.parent.name(),
                previous.trim_start_matches('.'),
                current.trim_start_matches('.')
            ),
        );
    }
}
