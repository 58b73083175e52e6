//! OS9645 import-no-weak (buf's IMPORT_NO_WEAK).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9645",
        "import-no-weak",
        Severity::Error,
        "Imports are not `weak`.",
        DOCS,
    ).deprecated(None),
    &["OTHER"],
    check,
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that no import is `import weak`.

## Why is this bad
Weak imports are a Google-internal feature most implementations ignore or reject.

## Example
```proto
import weak "acme/v1/common.proto";
```

## How to fix
Use a normal import.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for file in &set.files {
        for &weak in &file.descriptor.weak_dependency {
            let Ok(i) = usize::try_from(weak) else { continue };
            report(sink, file, &[path::FILE_DEPENDENCY, weak], format!(
                "Import {:?} must not be weak.",
                file.descriptor.dependency.get(i).map_or("", String::as_str)
            ));
        }
    }
}
