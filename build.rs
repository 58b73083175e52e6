//! Compiles the project's `.proto` files (schemas/proto/**) with protox, a
//! pure-Rust protobuf compiler, into a FileDescriptorSet that the binary
//! embeds (`src/convert/descriptors.rs`), so `opensergo convert` needs no
//! protoc at run time. Also lists the `.proto` sources for
//! `opensergo proto export`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const PROTO_ROOT: &str = "schemas/proto";

fn main() {
    println!("cargo:rerun-if-changed={PROTO_ROOT}");
    println!("cargo:rerun-if-changed=build.rs");

    let root = Path::new(PROTO_ROOT);
    let mut protos = Vec::new();
    collect(root, &mut protos);
    protos.sort();
    assert!(!protos.is_empty(), "no .proto files under {PROTO_ROOT}");

    let descriptor_set = protox::Compiler::new([root])
        .and_then(|mut compiler| {
            compiler.include_imports(true).include_source_info(false);
            compiler.open_files(&protos)?;
            Ok(compiler.encode_file_descriptor_set())
        })
        .unwrap_or_else(|e| panic!("compiling {PROTO_ROOT}: {e}"));

    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(
        out_dir.join("opensergo_descriptor_set.binpb"),
        descriptor_set,
    )
    .expect("write descriptor set");

    // (name inside the export directory, absolute path) of every exported file.
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let mut sources = String::from(
        "/// The exported files: (path relative to schemas/proto, contents).\n\
         pub static PROTO_SOURCES: &[(&str, &str)] = &[\n",
    );
    let readme = root.join("README.md");
    let exported = protos.iter().chain(readme.exists().then_some(&readme));
    for path in exported {
        let relative = path
            .strip_prefix(root)
            .expect("collected under the root")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        let absolute = manifest.join(path);
        writeln!(
            sources,
            "    ({relative:?}, include_str!({:?})),",
            absolute.display().to_string()
        )
        .expect("write to String");
    }
    sources.push_str("];\n");
    std::fs::write(out_dir.join("proto_sources.rs"), sources).expect("write proto_sources.rs");
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("read_dir entry").path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "proto") {
            out.push(path);
        }
    }
}
