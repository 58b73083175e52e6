//! OS9702 service-no-delete (buf's SERVICE_NO_DELETE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9702",
        "service-no-delete",
        Severity::Error,
        "Services are not deleted from a file.",
        DOCS,
    ),
    &["FILE"],
    Check::File(check),
);

const DOCS: &str = r#"
## What it does
Checks that every service of the previous version of a file is still declared in that file.

## Why is this bad
Clients generated from the previous version call a service the server no longer offers, and generated server interfaces disappear.

## Example
```proto
service OldService {   // deleted
  rpc Ping(PingRequest) returns (PingResponse);
}
```

## How to fix
Keep the service (deprecate it: `option deprecated = true;`) until no client calls it.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, FileDescriptorProto>, sink: &mut Sink) {
    let current: Vec<&str> = pair.current.descriptor.service.iter().map(|s| s.name()).collect();
    for gone in services(pair.previous.file) {
        if !current.contains(&gone.descriptor.name()) {
            let d = finding(
                sink,
                (pair.current.file, &[]),
                Some((gone.file, &gone.path)),
                format!(
                    "Previously present service {:?} was deleted from file.",
                    gone.descriptor.name()
                ),
            );
            sink.push(d);
        }
    }
}
