//! The protobuf descriptors: the project's `.proto` files (schemas/proto/**)
//! compiled by build.rs with protox and embedded in the binary, decoded
//! once into a [`DescriptorPool`]. No protoc is needed at run time.

use std::path::Path;
use std::sync::OnceLock;

use anyhow::{Context as _, anyhow, bail};
use prost_reflect::{DescriptorPool, MessageDescriptor};

use crate::error::{Error, Result};
use crate::escape::{escape_control, escape_path};
use crate::kinds::{self, KindInfo};

static DESCRIPTOR_SET: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/opensergo_descriptor_set.binpb"));

mod sources {
    include!(concat!(env!("OUT_DIR"), "/proto_sources.rs"));
}

/// The `.proto` files (and their README) as (path under `schemas/proto`, text).
pub fn proto_sources() -> &'static [(&'static str, &'static str)] {
    sources::PROTO_SOURCES
}

/// The embedded pool: every OpenSergo message plus the well-known types
/// they import.
pub fn pool() -> &'static DescriptorPool {
    static POOL: OnceLock<DescriptorPool> = OnceLock::new();
    POOL.get_or_init(|| {
        // build.rs produced these bytes with protox from the same crate's
        // sources; a failure is a build defect, not an input problem.
        DescriptorPool::decode(DESCRIPTOR_SET).expect("embedded descriptor set decodes")
    })
}

/// The message of a kind, if the kind has one.
pub fn kind_message(info: &KindInfo) -> Option<MessageDescriptor> {
    info.proto_message
        .and_then(|name| pool().get_message_by_name(name))
}

/// The kind whose message is `full_name` (the inverse of `proto_message`).
pub fn kind_of_message(full_name: &str) -> Option<&'static KindInfo> {
    kinds::KINDS
        .iter()
        .find(|k| k.proto_message == Some(full_name))
}

/// The kinds that have a message, for error messages.
pub fn proto_kinds() -> impl Iterator<Item = &'static KindInfo> {
    kinds::KINDS.iter().filter(|k| k.proto_message.is_some())
}

/// The embedded pool plus the files of a FileDescriptorSet (what
/// `protoc --descriptor_set_out --include_imports` or `buf build -o`
/// write). Files already in the pool are kept as they are.
pub fn with_descriptor_set(
    mut pool: DescriptorPool,
    path: &Path,
    max_size: u64,
) -> Result<DescriptorPool> {
    let bytes = crate::input::read_bounded(path, max_size)
        .map_err(|e| Error::msg(e.message("--descriptor-set", path, max_size)))?;
    pool.decode_file_descriptor_set(bytes.as_slice())
        .with_context(|| {
            format!(
                "{} is not a usable FileDescriptorSet (make it with `protoc --include_imports --descriptor_set_out=FILE ...` or `buf build -o FILE`)",
                escape_path(path)
            )
        })?;
    Ok(pool)
}

/// The pool plus every `.proto` file under `dirs`, compiled with protox
/// (the directories are also the import paths, like `protoc -I`). Every
/// file is read through the size limit, imports may not climb out of the
/// directories (`import "../x.proto"`), and symbolic links leading out of
/// a directory are not followed.
pub fn with_proto_paths(
    mut pool: DescriptorPool,
    dirs: &[std::path::PathBuf],
    max_size: u64,
) -> Result<DescriptorPool> {
    let mut files = Vec::new();
    for dir in dirs {
        if !dir.is_dir() {
            bail!("--proto-path {}: not a directory", escape_path(dir));
        }
        let root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.clone());
        for entry in ignore::WalkBuilder::new(dir)
            .standard_filters(false)
            .build()
        {
            let entry =
                entry.with_context(|| format!("cannot walk --proto-path {}", escape_path(dir)))?;
            if entry.path().extension().is_none_or(|e| e != "proto") {
                continue;
            }
            if entry.path_is_symlink()
                && !std::fs::canonicalize(entry.path()).is_ok_and(|t| t.starts_with(&root))
            {
                eprintln!(
                    "note: skipped {}: a symbolic link leading out of {}",
                    escape_path(entry.path()),
                    escape_path(dir)
                );
                continue;
            }
            files.push(entry.into_path());
        }
    }
    if files.is_empty() {
        bail!("--proto-path: no .proto files found");
    }
    files.sort();
    let mut resolver = protox::file::ChainFileResolver::new();
    resolver.add(BoundedResolver {
        includes: dirs.to_vec(),
        max_size,
    });
    resolver.add(protox::file::GoogleFileResolver::new());
    let mut compiler = protox::Compiler::with_file_resolver(resolver);
    compiler.include_imports(true);
    compiler
        .open_files(&files)
        .map_err(|e| anyhow!("cannot compile the --proto-path files: {}", describe(&e)))?;
    pool.decode_file_descriptor_set(compiler.encode_file_descriptor_set().as_slice())
        .context("the --proto-path files clash with the embedded OpenSergo protos")?;
    Ok(pool)
}

/// A protox error with its place (`file:line:column`) and help. An import
/// that is not a plain relative path is called what it is (protox-parse
/// reports it as an "invalid group name").
fn describe(e: &protox::Error) -> String {
    use miette::Diagnostic as _;
    let help = e.help().map(|h| h.to_string());
    let bad_import = help
        .as_deref()
        .is_some_and(|h| h.starts_with("imports may not contain"));
    let mut message = e.to_string();
    let mut place = String::new();
    let label = e.labels().and_then(|mut labels| labels.next());
    let source = e.source_code().or_else(|| {
        e.related()
            .and_then(|mut r| r.next())
            .and_then(|d| d.source_code())
    });
    if let (Some(source), Some(label)) = (source, label)
        && let Ok(contents) = source.read_span(label.inner(), 0, 0)
    {
        place = format!(
            "{}:{}:{}: ",
            contents.name().or(e.file()).unwrap_or("?"),
            contents.line() + 1,
            contents.column() + 1
        );
        if bad_import {
            let text = String::from_utf8_lossy(contents.data()).into_owned();
            message = format!("invalid import path {text}");
        }
    } else if bad_import {
        message = "invalid import path".to_string();
    }
    let help = help.map(|h| format!(" ({h})")).unwrap_or_default();
    escape_control(&format!("{place}{message}{help}")).into_owned()
}

/// Finds `.proto` files (and imports) below the --proto-path directories:
/// read through the size limit, never outside the directories.
struct BoundedResolver {
    includes: Vec<std::path::PathBuf>,
    max_size: u64,
}

impl protox::file::FileResolver for BoundedResolver {
    fn resolve_path(&self, path: &Path) -> Option<String> {
        self.includes.iter().find_map(|include| {
            let rel = path.strip_prefix(include).ok()?;
            let mut name = String::new();
            for component in rel.components() {
                match component {
                    std::path::Component::Normal(c) => {
                        if !name.is_empty() {
                            name.push('/');
                        }
                        name.push_str(c.to_str()?);
                    }
                    std::path::Component::CurDir => {}
                    _ => return None,
                }
            }
            (!name.is_empty()).then_some(name)
        })
    }

    fn open_file(&self, name: &str) -> Result<protox::file::File, protox::Error> {
        let rel = Path::new(name);
        if let Err(why) = crate::output::check_relative(rel) {
            return Err(protox::Error::new(std::io::Error::other(format!(
                "import \"{}\" is not a path below the --proto-path directories: {why}",
                escape_control(name)
            ))));
        }
        for include in &self.includes {
            let path = include.join(rel);
            if !path.is_file() {
                continue;
            }
            let root = std::fs::canonicalize(include).unwrap_or_else(|_| include.clone());
            if !std::fs::canonicalize(&path).is_ok_and(|t| t.starts_with(&root)) {
                return Err(protox::Error::new(std::io::Error::other(format!(
                    "{} is a symbolic link leading out of {}",
                    escape_path(&path),
                    escape_path(include)
                ))));
            }
            let text = crate::input::read_text_bounded(&path, self.max_size).map_err(|e| {
                protox::Error::new(std::io::Error::other(e.message(
                    ".proto file",
                    &path,
                    self.max_size,
                )))
            })?;
            return protox::file::File::from_source(name, &text);
        }
        Err(protox::Error::file_not_found(name))
    }
}

/// A message by full name (a leading `.` is accepted), with a hint when
/// the name is unknown.
pub fn find_message(pool: &DescriptorPool, name: &str) -> Result<MessageDescriptor> {
    let name = name.strip_prefix('.').unwrap_or(name);
    pool.get_message_by_name(name).ok_or_else(|| {
        anyhow!("{}", {
            let short = name.rsplit('.').next().unwrap_or(name);
            let similar: Vec<String> = pool
                .all_messages()
                .filter(|m| m.name().eq_ignore_ascii_case(short))
                .map(|m| m.full_name().to_string())
                .collect();
            if similar.is_empty() {
                format!(
                    "no message `{name}` in the descriptors (give its full name, package included)"
                )
            } else {
                format!(
                    "no message `{name}` in the descriptors; did you mean {}?",
                    similar.join(" or ")
                )
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_proto_message_of_the_kind_registry_is_in_the_pool() {
        for info in proto_kinds() {
            let desc = kind_message(info).unwrap_or_else(|| panic!("{}", info.kind));
            assert_eq!(kind_of_message(desc.full_name()).unwrap().kind, info.kind);
        }
    }

    #[test]
    fn the_envelope_messages_are_in_the_pool() {
        for name in [
            "io.opensergo.proto.transport.v1.SubscribeResponse",
            "io.opensergo.proto.transport.v1.DataWithVersion",
            "google.protobuf.Any",
        ] {
            assert!(pool().get_message_by_name(name).is_some(), "{name}");
        }
    }

    #[test]
    fn sources_cover_every_file_of_the_pool_that_is_ours() {
        let exported: Vec<&str> = proto_sources().iter().map(|(p, _)| *p).collect();
        for file in pool().files() {
            if !file.name().starts_with("google/") {
                assert!(exported.contains(&file.name()), "{}", file.name());
            }
        }
        assert!(exported.contains(&"README.md"));
    }

    #[test]
    fn unknown_messages_get_a_suggestion() {
        let err = find_message(pool(), "RateLimitStrategy")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("io.opensergo.proto.fault_tolerance.v1.RateLimitStrategy"),
            "{err}"
        );
    }
}
