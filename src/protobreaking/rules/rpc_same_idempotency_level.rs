//! OS9749 rpc-same-idempotency-level (buf's RPC_SAME_IDEMPOTENCY_LEVEL).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9749",
        "rpc-same-idempotency-level",
        Severity::Error,
        "RPCs keep their idempotency level.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "WIRE_JSON", "WIRE", "CSR"],
    Check::Method(check),
);

const DOCS: &str = r#"
## What it does
Checks that an RPC keeps its `idempotency_level` option.

## Why is this bad
Clients and proxies decide from it whether a call may be retried or sent as an HTTP GET.

## Example
```proto
option idempotency_level = NO_SIDE_EFFECTS;   ->   IDEMPOTENT
```

## How to fix
Keep the option.
"#;

fn check(_: &Inputs<'_>, pair: &MethodPair<'_>, sink: &mut Sink) {
    use prost_types::method_options::IdempotencyLevel;
    const IDEMPOTENCY_LEVEL: i32 = 34;
    report_changed(
        sink,
        pair,
        |e| {
            let options = e.descriptor.options.as_ref();
            options.map_or(IdempotencyLevel::IdempotencyUnknown, |o| o.idempotency_level())
        },
        |e| e.option_or_file(&[path::METHOD_OPTIONS, IDEMPOTENCY_LEVEL]),
        |previous, current| {
            format!(
                "RPC {:?} on service {:?} changed option \"idempotency_level\" from {:?} to {:?}.",
                pair.current.descriptor.name(),
                pair.current.parent.name(),
                previous.as_str_name(),
                current.as_str_name()
            )
        },
    );
}
