//! OS9728 rpc-no-delete (buf's RPC_NO_DELETE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9728",
        "rpc-no-delete",
        Severity::Error,
        "RPCs are not deleted from a service.",
        DOCS,
    ),
    &["FILE", "PACKAGE"],
    Check::Service(check),
);

const DOCS: &str = r#"
## What it does
Checks that every RPC of the previous version of a service is still declared.

## Why is this bad
Clients generated from the previous version call a method the server no longer has.

## Example
```proto
service OrderService {
  rpc Gone(GoneRequest) returns (GoneResponse);   // deleted
}
```

## How to fix
Keep the RPC (deprecate it) until no client calls it.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, ServiceDescriptorProto>, sink: &mut Sink) {
    let current: Vec<&str> = pair.current.descriptor.method.iter().map(|m| m.name()).collect();
    let mut gone: Vec<&str> = pair.previous.descriptor.method.iter().map(|m| m.name()).filter(|m| !current.contains(m)).collect();
    gone.sort_unstable();
    for name in gone {
        report_here(sink, pair, format!(
                "Previously present RPC {name:?} on service {:?} was deleted.",
                pair.current.descriptor.name()
            ),
        );
    }
}
