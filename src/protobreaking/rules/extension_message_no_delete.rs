//! OS9730 extension-message-no-delete (buf's EXTENSION_MESSAGE_NO_DELETE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9730",
        "extension-message-no-delete",
        Severity::Error,
        "Extension ranges are not deleted.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "CSR"],
    Check::Message(check),
);

const DOCS: &str = r#"
## What it does
Checks that every number of the previous version's extension ranges of a message is still in one.

## Why is this bad
Extensions declared elsewhere with those numbers stop being valid extensions of the message.

## Example
```proto
extensions 1000 to 2000;   ->   extensions 1000 to 1500;
```

## How to fix
Keep the ranges; add new ones instead of shrinking old ones.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, DescriptorProto>, sink: &mut Sink) {
    let ranges = |m: &DescriptorProto| -> Vec<(i32, i32)> {
        m.extension_range.iter().map(|r| (r.start(), r.end() - 1)).collect()
    };
    helpers::report_ranges(
        sink,
        pair,
        "extension",
        "message", helpers::MESSAGE_MAX,
        &ranges(pair.previous.descriptor),
        &ranges(pair.current.descriptor),
    );
}
