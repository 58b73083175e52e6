//! Code generation in the style of `buf generate`: [`generate`] runs the
//! plugins a [`template`] names over an image that
//! [`crate::protobuild`] compiled, through the protoc [`plugin`]
//! protocol, and writes their files all at once, or not at all.

pub mod archive_input;
pub mod cache;
pub mod generate;
pub mod git_input;
pub mod managed;
pub mod plugin;
pub mod template;

crate::define_codes! {
    PROTO_CODES:
    INVALID_GEN_TEMPLATE = "OS9504" "invalid-gen-template" Error "The generation template (opensergo.gen.yaml or buf.gen.yaml) is malformed."
        r#"## What it does
Reports a key or value of a generation template (buf.gen.yaml v2, also read as opensergo.gen.yaml) that cannot be used: an unknown key with the closest known one, a plugin with neither `local` nor `protoc_builtin`, a missing `out`, a `remote:` plugin (it needs the network; the help names the local plugin to install instead), a managed-mode `file_option` that does not exist or an override value of the wrong type, a `module:` input (a Buf Schema Registry module; the help says what to use instead), an archive input named by URL, an input key that belongs to another kind of input (`subdir` on a `directory`, `include_package_files` on anything but a `proto_file`).

## Why is this bad
`opensergo gen` runs nothing from a template it cannot read exactly: a misspelt `opt` would silently generate different code.

## Example
```yaml
version: v2
plugins:
  - local: protoc-gen-go
    out: gen/go
    opts: paths=source_relative   # the key is `opt`
```

## How to fix
Follow the message; the format is buf.gen.yaml v2."#;
    OUT_OF_DATE_STUB = "OS9505" "out-of-date-stub" Error "A generated file differs from what the template generates now (stale, missing or extra)."
        r#"## What it does
`opensergo gen --check` generates every file in memory and compares it with the output directories. It reports a file whose content differs (stale, with a short diff), a file the run would write that does not exist (missing), and, for plugins with `clean: true`, a file under `out` that the run would not write (extra).

## Why is this bad
Checked-in stubs that do not match their .proto files ship a different API than the one reviewed; SDK users get code that does not match the schema.

## Example
```console
$ opensergo gen --check
gen/go/acme/v1/route.pb.go: stale: differs from what protoc-gen-go generates
```

## How to fix
Run `opensergo gen` and commit the result."#;
}
