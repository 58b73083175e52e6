//! Protobuf workspaces, compiled, in the style of buf: a [`workspace`]
//! (buf.yaml, an `opensergo.yaml` `proto:` section, a plain directory, or
//! the embedded OpenSergo protos) is compiled by [`compile`] (protox, or
//! protoc where protox cannot) into an [`compile::Image`]. It is core:
//! `proto build`, `gen`, `proto lint` and `proto breaking` all read their
//! modules and compile them through here, one way.

pub mod buf_config;
pub mod compile;
pub mod compiled;
pub mod git;
pub mod version;
pub mod workspace;
pub mod yaml_keys;

/// buf's spelling of a rule's name (`field-lower-snake-case` is
/// `FIELD_LOWER_SNAKE_CASE`): the proto lint and breaking rules are named
/// after buf's rule IDs.
pub fn buf_rule_id(name: &str) -> String {
    name.to_ascii_uppercase().replace('-', "_")
}

crate::define_codes! {
    WORKSPACE_CODES:
    COMPILE_ERROR = "OS9501" "proto-compile-error" Error "A .proto file does not compile."
        r#"## What it does
Reports a `.proto` file that the compiler rejects: a syntax error, an unknown type, a duplicate name, a field number used twice.

## Why is this bad
Nothing can be generated from a workspace that does not compile; `opensergo gen` writes no file until it does.

## Example
```proto
message Route {
  strin host = 1;   // `strin` is not a type
}
```

## How to fix
Fix the file at the reported line and column; the message is the compiler's."#;
    IMPORT_NOT_FOUND = "OS9502" "proto-import-not-found" Error "An import names a file that no include root holds."
        r#"## What it does
Reports an `import` that resolves under none of the workspace's roots (each module's `path`) nor the built-in well-known types. The help lists the roots searched and, when a file of that name exists elsewhere in the workspace, the import path that would find it.

## Why is this bad
The importing file cannot compile. This is the most common question buf users ask: an import path is relative to a module root, not to the importing file or the repository.

## Example
With `modules: [{path: proto}]` and the file at `proto/acme/v1/common.proto`:
```proto
import "proto/acme/v1/common.proto";   // includes the root itself
```

## How to fix
Import the file by its path under its module root (`import "acme/v1/common.proto";`), or add the directory that holds it as a module in buf.yaml (or the `proto:` section of opensergo.yaml)."#;
    INVALID_WORKSPACE_CONFIG = "OS9503" "invalid-proto-workspace" Error "buf.yaml (or the proto section of opensergo.yaml) is malformed."
        r#"## What it does
Reports a key or value of a workspace configuration (buf.yaml v2, v1 or v1beta1, or the `proto:` section of opensergo.yaml, read by one parser) that cannot be used: an unknown key at any depth (a module's, a `lint` or `breaking` block's, the top-level or a module's own) with the closest known one, a wrong type, an unsupported version, a key of another version (`allow_comment_ignores` is v1's; v2 has `disallow_comment_ignores`), a dependency that needs the Buf Schema Registry.

## Why is this bad
A misspelt `excludes` silently compiles files you meant to leave out, a misspelt `except` silently runs a rule you meant to turn off; buf rejects such files too.

## Example
```yaml
version: v2
modules:
  - path: proto
    exclude: [proto/vendor]   # the key is `excludes`
```

## How to fix
Follow the message; keys and values are those of buf.yaml."#;
}
