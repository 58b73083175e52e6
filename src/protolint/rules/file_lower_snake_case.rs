//! OS9629 file-lower-snake-case (buf's FILE_LOWER_SNAKE_CASE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9629",
        "file-lower-snake-case",
        Severity::Error,
        "File names are lower_snake_case.proto.",
        DOCS,
    ),
    &["STANDARD", "DEFAULT"],
    check,
);

const DOCS: &str = r#"
## What it does
Checks that the file name (without `.proto`) is lower_snake_case.

## Why is this bad
Generated file names follow the proto file name; case-insensitive file systems and some generators mangle other styles.

## Example
```text
acme/v1/WeatherReport.proto   # weather_report.proto
```

## How to fix
Rename the file and update its importers.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for file in &set.files {
        let base = file.name().rsplit('/').next().unwrap_or_default();
        let stem = base.strip_suffix(".proto").unwrap_or(base);
        if !names::is_lower_snake(stem) {
            report(sink, file, &[], format!(
                "Filename {base:?} should be lower_snake_case.proto, such as \"{}.proto\".",
                names::to_lower_snake(stem)
            ));
        }
    }
}
