//! OS9735 oneof-no-delete (buf's ONEOF_NO_DELETE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9735",
        "oneof-no-delete",
        Severity::Error,
        "Oneofs are not deleted.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "CSR"],
    Check::Message(check),
);

const DOCS: &str = r#"
## What it does
Checks that every oneof written in the previous version of a message still exists (the synthetic oneofs of proto3 `optional` fields do not count).

## Why is this bad
Generated code for the oneof case disappears.

## Example
```proto
oneof old_choice {   // deleted
  string c = 14;
}
```

## How to fix
Keep the oneof.
"#;

fn check(_: &Inputs<'_>, pair: &Pair<'_, DescriptorProto>, sink: &mut Sink) {
    let written = |m: &DescriptorProto| -> Vec<String> {
        m.oneof_decl
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                !m.field.iter().any(|f| f.oneof_index == i32::try_from(*i).ok() && f.proto3_optional())
            })
            .map(|(_, o)| o.name().to_string())
            .collect()
    };
    let current = written(pair.current.descriptor);
    let mut previous = written(pair.previous.descriptor);
    previous.sort();
    for name in previous.iter().filter(|n| !current.contains(n)) {
        report_here(sink, pair, format!(
                "Previously present oneof {name:?} on message {:?} was deleted.",
                pair.current.descriptor.name()
            ),
        );
    }
}
