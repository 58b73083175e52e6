//! OS9642 rpc-no-client-streaming (buf's RPC_NO_CLIENT_STREAMING).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9642",
        "rpc-no-client-streaming",
        Severity::Error,
        "RPCs are not client streaming.",
        DOCS,
    ),
    &["UNARY_RPC"],
    check,
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that no RPC takes a `stream` request.

## Why is this bad
Streaming RPCs need HTTP/2 end to end and are poorly supported by proxies, browsers and many SDKs.

## Example
```proto
rpc Upload(stream Chunk) returns (UploadResponse);
```

## How to fix
Use a unary RPC, or suppress the rule where streaming is meant.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for (_, method) in set.methods() {
        if method.descriptor.client_streaming() {
            report(sink, method.file, &method.path, format!("RPC {:?} is client streaming.", method.descriptor.name()));
        }
    }
}
