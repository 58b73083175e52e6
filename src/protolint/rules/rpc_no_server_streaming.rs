//! OS9643 rpc-no-server-streaming (buf's RPC_NO_SERVER_STREAMING).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9643",
        "rpc-no-server-streaming",
        Severity::Error,
        "RPCs are not server streaming.",
        DOCS,
    ),
    &["UNARY_RPC"],
    check,
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that no RPC returns a `stream`.

## Why is this bad
Streaming RPCs need HTTP/2 end to end and are poorly supported by proxies, browsers and many SDKs.

## Example
```proto
rpc Watch(WatchRequest) returns (stream Event);
```

## How to fix
Use a unary RPC, or suppress the rule where streaming is meant.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for (_, method) in set.methods() {
        if method.descriptor.server_streaming() {
            report(sink, method.file, &method.path, format!("RPC {:?} is server streaming.", method.descriptor.name()));
        }
    }
}
