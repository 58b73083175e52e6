//! OS9612 import-no-public (buf's IMPORT_NO_PUBLIC).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9612",
        "import-no-public",
        Severity::Error,
        "Imports are not `public`.",
        DOCS,
    ),
    &["BASIC", "STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that no import is `import public`.

## Why is this bad
Public imports re-export another file's types under this file; few languages support them and they hide real dependencies.

## Example
```proto
import public "acme/v1/common.proto";
```

## How to fix
Import the file directly where its types are used.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for file in &set.files {
        for &public in &file.descriptor.public_dependency {
            let Ok(i) = usize::try_from(public) else { continue };
            report(sink, file, &[path::FILE_DEPENDENCY, public], format!(
                "Import {:?} must not be public.",
                file.descriptor.dependency.get(i).map_or("", String::as_str)
            ));
        }
    }
}
