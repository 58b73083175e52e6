//! OS9628 enum-zero-value-suffix (buf's ENUM_ZERO_VALUE_SUFFIX).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9628",
        "enum-zero-value-suffix",
        Severity::Error,
        "An enum's zero value ends with `_UNSPECIFIED` (configurable).",
        DOCS,
    ),
    &["STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that the value numbered 0 ends with the configured suffix (`enum_zero_value_suffix`, default `_UNSPECIFIED`).

## Why is this bad
The zero value is what an unset field reads as; naming it `..._UNSPECIFIED` keeps readers from taking "unset" for a real choice.

## Example
```proto
enum Color { COLOR_RED = 0; }   // COLOR_UNSPECIFIED = 0 first
```

## How to fix
Add or rename the zero value.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    let suffix = &set.options.enum_zero_value_suffix;
    for (_, value) in set.enum_values() {
        let name = value.descriptor.name();
        if value.descriptor.number() == 0 && !name.ends_with(suffix.as_str()) {
            report(sink, value.file, &value.name_path(), format!(
                "Enum zero value name {name:?} should be suffixed with {suffix:?}."
            ));
        }
    }
}
