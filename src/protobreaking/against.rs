//! The previous version `--against` names: a directory (a workspace, read
//! and compiled as the current one is), a descriptor-set image (`buf
//! build -o x.binpb`, `opensergo proto build -o`, `protoc -o`), or a git
//! revision read from the local object store with git itself, with no
//! checkout (a branch, a tag, `origin/main`, a commit; buf's
//! `.git#branch=main` spelling too).

use std::path::Path;
use std::sync::Arc;

use anyhow::{Context as _, bail};

use super::Side;
use crate::error::Result;
use crate::gitrev::{self, Revision};
use crate::protobuild::compile::{self, CompilerChoice, Image};
use crate::protobuild::compiled::CompiledFile;
use crate::protobuild::git::workspace_at;
use crate::protobuild::workspace::Workspace;
use crate::source::SourceFile;

/// Which files of the previous version are compared, as for the current one.
pub struct Selection<'a> {
    pub paths: &'a [String],
    pub exclude_paths: &'a [String],
    pub compiler: CompilerChoice,
    pub max_file_size: u64,
}

/// Reads the previous version. `dir` is the current workspace's directory
/// (as given): a git revision is read at the same place in its tree.
pub fn load(reference: &str, dir: &Path, selection: &Selection<'_>) -> Result<Side> {
    let path = Path::new(reference);
    if path.is_dir() {
        let section = crate::config::proto_section_in(path, selection.max_file_size);
        let opened = match section {
            Ok(section) => Workspace::open(path, section.as_ref(), selection.max_file_size, &[])?,
            Err(problems) => Err(problems),
        };
        let workspace = match opened {
            Ok(opened) => opened.workspace,
            Err(problems) => bail!(
                "--against {reference}: {}",
                problems
                    .first()
                    .map_or("invalid workspace configuration".into(), |d| d
                        .message
                        .clone())
            ),
        };
        return compile_side(&workspace, reference, selection);
    }
    if path.is_file() {
        return image_side(path, selection);
    }
    let revision = git_revision(reference);
    git_side(&revision, dir, selection).with_context(|| {
        format!("`{reference}` is no directory or file, so it was read as a git revision")
    })
}

/// `main` as is; buf's `.git#branch=main`, `#tag=v1`, `#ref=abc` too.
fn git_revision(reference: &str) -> String {
    if let Some((_, options)) = reference.split_once('#') {
        for option in options.split(',') {
            if let Some((key, value)) = option.split_once('=')
                && matches!(key, "branch" | "tag" | "ref" | "commit")
            {
                return value.to_string();
            }
        }
        return "HEAD".into();
    }
    reference.to_string()
}

fn compile_side(workspace: &Workspace, shown: &str, selection: &Selection<'_>) -> Result<Side> {
    let targets = workspace.select_matching(selection.paths, selection.exclude_paths);
    if targets.is_empty() {
        bail!("--against {shown}: no .proto files there");
    }
    let built = match compile::build(workspace, &targets, selection.compiler)? {
        Ok(built) => built,
        Err(errors) => {
            let first = errors.first().map(|d| {
                let at = d
                    .start()
                    .map_or(String::new(), |p| format!(":{}:{}", p.line, p.column));
                format!("{}{at}: {}", d.file, d.message)
            });
            bail!(
                "--against {shown} does not compile ({} errors): {}",
                errors.len(),
                first.unwrap_or_default()
            )
        }
    };
    let files: Vec<_> = workspace
        .files()
        .filter(|f| targets.contains(&f.name))
        .collect();
    Ok(Side::compiled(&built.image, &files))
}

/// The protos of a git revision at the workspace's place in the tree.
fn git_side(revision: &str, dir: &Path, selection: &Selection<'_>) -> Result<Side> {
    let rev = Revision::resolve(revision).map_err(anyhow::Error::msg)?;
    let Some(dir) = dir.to_str().filter(|d| !Path::new(d).is_absolute()) else {
        bail!(
            "--against {revision}: the workspace directory must be a relative path inside the repository"
        );
    };
    let base = gitrev::tree_path(&rev.prefix, &format!("./{dir}"));
    let origin = format!("{revision}:{base}");
    let workspace = match workspace_at(&rev, &base, &origin, selection.max_file_size)? {
        Ok(opened) => opened.workspace,
        Err(problems) => bail!(
            "{}",
            problems
                .first()
                .map_or("invalid buf.yaml".into(), |d| format!(
                    "{}: {}",
                    d.file, d.message
                ))
        ),
    };
    compile_side(&workspace, &origin, selection)
}

/// An encoded FileDescriptorSet. Files buf marks as imports (its image
/// extension, field 8042) are left out; in a plain set (protoc, `proto
/// build`) every file is compared but the well-known types.
fn image_side(path: &Path, selection: &Selection<'_>) -> Result<Side> {
    // Bounded like every input: a FIFO or /dev/zero is cut at the limit.
    let bytes = crate::input::read_bounded(path, selection.max_file_size)
        .map_err(|e| anyhow::anyhow!(e.message("image", path, selection.max_file_size)))?;
    let image = Image::decode(&bytes, &Default::default())
        .with_context(|| format!("{}: not a descriptor-set image", path.display()))?;
    let marked = image
        .files
        .iter()
        .any(|f| buf_import_mark(&f.encoded).is_some());
    let shown = path.display().to_string();
    let files = image
        .files
        .iter()
        .filter(|f| {
            let is_import = if marked {
                buf_import_mark(&f.encoded).unwrap_or(false)
            } else {
                f.name.starts_with("google/protobuf/")
            };
            !is_import
        })
        .filter(|f| {
            let under = |wanted: &String| {
                let wanted = wanted.trim_end_matches('/');
                f.name == wanted || f.name.starts_with(&format!("{wanted}/"))
            };
            (selection.paths.is_empty() || selection.paths.iter().any(under))
                && !selection.exclude_paths.iter().any(under)
        })
        .map(|f| {
            // An image has no text: findings point at the current files,
            // and the previous places are named without a snippet.
            let source = Arc::new(SourceFile::new(
                format!("{shown}:{}", f.name),
                String::new(),
            ));
            CompiledFile::new(f.descriptor.clone(), source)
        })
        .collect();
    Ok(Side {
        files,
        all_files: image.files.into_iter().map(|f| f.descriptor).collect(),
    })
}

/// buf's image marks on a file (`buf.alpha.image.v1.ImageFileExtension`
/// in field 8042 of FileDescriptorProto): `Some(is_import)`, or `None`
/// for a file without the extension.
fn buf_import_mark(mut encoded: &[u8]) -> Option<bool> {
    use prost::encoding::{WireType, decode_key, decode_varint, skip_field};
    let mut found = None;
    while !encoded.is_empty() {
        let (tag, wire_type) = decode_key(&mut encoded).ok()?;
        if tag == 8042 && wire_type == WireType::LengthDelimited {
            let length = usize::try_from(decode_varint(&mut encoded).ok()?).ok()?;
            let mut extension = encoded.get(..length)?;
            encoded = &encoded[length..];
            let mut is_import = false;
            while !extension.is_empty() {
                let (tag, wire_type) = decode_key(&mut extension).ok()?;
                if tag == 1 && wire_type == WireType::Varint {
                    is_import = decode_varint(&mut extension).ok()? != 0;
                } else {
                    skip_field(wire_type, tag, &mut extension, Default::default()).ok()?;
                }
            }
            found = Some(is_import);
        } else {
            skip_field(wire_type, tag, &mut encoded, Default::default()).ok()?;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use prost::Message as _;

    #[test]
    fn buf_spellings_of_git_references() {
        assert_eq!(git_revision("main"), "main");
        assert_eq!(git_revision(".git#branch=origin/main"), "origin/main");
        assert_eq!(git_revision(".git#tag=v1.2.0,depth=1"), "v1.2.0");
        assert_eq!(git_revision(".git"), ".git");
    }

    #[test]
    fn buf_import_marks_are_read_from_the_image_extension() {
        let mut file = prost_types::FileDescriptorProto {
            name: Some("a.proto".into()),
            ..Default::default()
        }
        .encode_to_vec();
        assert_eq!(buf_import_mark(&file), None);
        // field 8042, length 2: { is_import (1) = true }
        prost::encoding::encode_key(8042, prost::encoding::WireType::LengthDelimited, &mut file);
        file.extend([2, 0x08, 0x01]);
        assert_eq!(buf_import_mark(&file), Some(true));
    }
}
