//! OS9644 stable-package-no-import-unstable (buf's STABLE_PACKAGE_NO_IMPORT_UNSTABLE).

use super::prelude::*;

pub const RULE: Rule = Rule::new(
    Code::new(
        "OS9644",
        "stable-package-no-import-unstable",
        Severity::Error,
        "Stable packages do not import alpha, beta or test packages.",
        DOCS,
    ),
    &["OTHER"],
    check,
)
.off_by_default();

const DOCS: &str = r#"
## What it does
Checks that a file in a stable package (`v1`) imports no file of an unstable one (`v1alpha1`, `v1beta1`, `v1test`).

## Why is this bad
A stable API that depends on an unstable one inherits its breaking changes.

## Example
```proto
package acme.v1;
import "acme/beta/v1beta1/x.proto";
```

## How to fix
Promote the imported package to a stable version, or keep the importer unstable.
"#;

fn check(set: &ProtoFiles, sink: &mut Sink) {
    for file in &set.files {
        if !is_stable(file.descriptor.package()) {
            continue;
        }
        for (i, dependency) in file.descriptor.dependency.iter().enumerate() {
            let package = set.all_files.get(dependency).map_or("", |d| d.package());
            if is_unstable(package) {
                report(sink, file, &[path::FILE_DEPENDENCY, index(i)], format!(
                    "This file is in stable package {:?}, so it should not depend on {dependency:?} from unstable package {package:?}.",
                    file.descriptor.package()
                ));
            }
        }
    }
}
