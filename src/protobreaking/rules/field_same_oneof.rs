//! OS9742 field-same-oneof (buf's FIELD_SAME_ONEOF).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9742",
        "field-same-oneof",
        Severity::Error,
        "Fields stay in (or out of) their oneof.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "WIRE_JSON", "WIRE", "CSR"],
    Check::Field(check),
);

const DOCS: &str = r#"
## What it does
Checks that a field stays in the oneof it was in, or outside of any (synthetic proto3 `optional` oneofs do not count).

## Why is this bad
Setting a field of a oneof clears the others; moving a field in or out changes what readers see.

## Example
```proto
oneof choice { string a = 12; }   ->   optional string a = 12;
```

## How to fix
Keep the field where it was.
"#;

fn check(_: &Inputs<'_>, pair: &FieldPair<'_>, sink: &mut Sink) {
    if pair.previous.parent.is_none() {
        return;
    }
    let oneof = |e: &Element<'_, FieldDescriptorProto, Option<&DescriptorProto>>| -> Option<String> {
        let f = e.descriptor;
        if f.proto3_optional() {
            return None;
        }
        let i = usize::try_from(f.oneof_index?).ok()?;
        e.parent?.oneof_decl.get(i).map(|o| o.name().to_string())
    };
    let (previous, current) = (oneof(&pair.previous), oneof(&pair.current));
    let message = match (&previous, &current) {
        (Some(a), Some(b)) if a != b => format!("{} moved from oneof {a:?} to oneof {b:?}.", helpers::describe(&pair.current)),
        (Some(_), None) => format!("{} moved from inside to outside a oneof.", helpers::describe(&pair.current)),
        (None, Some(_)) => format!("{} moved from outside to inside a oneof.", helpers::describe(&pair.current)),
        _ => return,
    };
    report_here(sink, pair, message);
}
