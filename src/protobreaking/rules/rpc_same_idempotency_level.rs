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
    let level = |m: &prost_types::MethodDescriptorProto| m.options.as_ref().map_or(IdempotencyLevel::IdempotencyUnknown, |o| o.idempotency_level());
    let (previous, current) = (level(pair.previous.descriptor), level(pair.current.descriptor));
    if previous != current {
        let at = |e: &Element<'_, prost_types::MethodDescriptorProto, _>| {
            let option = e.sub_path(&[path::METHOD_OPTIONS, 34]);
            if e.file.location(&option).is_some() { option } else { Vec::new() }
        };
        report(
            sink,
            pair,
            at(&pair.current),
            at(&pair.previous),
            format!(
                "RPC {:?} on service {:?} changed option \"idempotency_level\" from {:?} to {:?}.",
                pair.current.descriptor.name(),
                pair.current.parent.name(),
                previous.as_str_name(),
                current.as_str_name()
            ),
        );
    }
}
