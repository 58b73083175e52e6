//! OS9737 enum-value-same-name (buf's ENUM_VALUE_SAME_NAME).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9737",
        "enum-value-same-name",
        Severity::Error,
        "Enum values keep their names.",
        DOCS,
    ),
    &["FILE", "PACKAGE", "WIRE_JSON", "CSR"],
    Check::EnumValue(check),
);

const DOCS: &str = r#"
## What it does
Checks that the names of an enum number are the names it had (aliases may be added).

## Why is this bad
JSON carries enum values by name: readers of the previous version do not know the new name.

## Example
```proto
STATUS_OK = 1;   ->   STATUS_FINE = 1;
```

## How to fix
Keep the name; add the new one as an alias (`option allow_alias = true;`) if needed.
"#;

fn check(_: &Inputs<'_>, pair: &ValuePair<'_>, sink: &mut Sink) {
    let names = |values: &[Element<'_, prost_types::EnumValueDescriptorProto>]| -> Vec<String> {
        let mut names: Vec<String> = values.iter().map(|v| v.descriptor.name().to_string()).collect();
        names.sort();
        names
    };
    let (previous, current) = (names(&pair.previous), names(&pair.current));
    if current.iter().all(|n| previous.contains(n)) {
        return;
    }
    let quoted = |names: &[String]| names.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().join(", ");
    let s = if previous.len() > 1 && current.len() > 1 { "s" } else { "" };
    for value in &pair.current {
        let before = pair.previous.iter().find(|v| v.descriptor.name() == value.descriptor.name());
        let at = value.located(&[&[path::ENUM_VALUE_NUMBER]]);
        let previous_at = before.map(|v| (v.file, v.located(&[&[path::ENUM_VALUE_NUMBER]])));
        let d = finding(
            sink,
            (value.file, &at),
            previous_at.as_ref().map(|(f, p)| (*f, p.as_slice())),
            format!(
                "Enum value \"{}\" on enum {:?} changed name{s} from {} to {}.",
                value.descriptor.number(),
                pair.enum_name,
                quoted(&previous),
                quoted(&current)
            ),
        );
        sink.push(d);
    }
}
