//! OS9607 enum-no-allow-alias (buf's ENUM_NO_ALLOW_ALIAS).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9607",
        "enum-no-allow-alias",
        Severity::Error,
        "Enums do not allow aliases.",
        DOCS,
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that no enum sets `option allow_alias = true;`.

## Why is this bad
Two names for one number break JSON round trips (the number decodes to the first name) and most generated `switch` statements.

## Example
```proto
enum Mode {
  option allow_alias = true;
  MODE_UNSPECIFIED = 0;
  MODE_OFF = 0;
}
```

## How to fix
Remove the alias; deprecate the old name with `[deprecated = true]` instead.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for e in set.enums() {
        if e.descriptor.options.as_ref().is_some_and(|o| o.allow_alias()) {
            let mut at = e.path.clone();
            at.push(3);
            report(sink, e.file, &at, format!(
                "Enum option \"allow_alias\" on enum {:?} must be false.",
                e.descriptor.name()
            ));
        }
    }
}
