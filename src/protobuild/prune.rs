//! An image cut down to some types, as buf.gen.yaml's `types` does: the
//! named top-level messages, enums, services and extensions, every
//! top-level declaration they use (transitively, across files), and the
//! files that still hold something.
//!
//! Files are rewritten at the wire level, not decoded and re-encoded:
//! prost-types drops what it does not know (custom options, edition
//! fields), and a plugin must get those exactly as compiled. Only the
//! top-level declarations, the imports and the source code info (whose
//! paths are renumbered so comments stay on their elements) change.

use std::collections::{BTreeSet, HashMap};

use anyhow::{Result, bail};
use prost::Message as _;
use prost::bytes::Buf as _;
use prost::encoding::{WireType, decode_key, decode_varint, skip_field};
use prost_types::{DescriptorProto, FileDescriptorProto, SourceCodeInfo};

use super::compile::{Image, ImageFile};

/// FileDescriptorProto field numbers the pruning rewrites.
const DEPENDENCY: u32 = 3;
const MESSAGE_TYPE: u32 = 4;
const ENUM_TYPE: u32 = 5;
const SERVICE: u32 = 6;
const EXTENSION: u32 = 7;
const SOURCE_CODE_INFO: u32 = 9;
const PUBLIC_DEPENDENCY: u32 = 10;
const WEAK_DEPENDENCY: u32 = 11;

/// The declarations a file can hold at its top level.
const DECLARATIONS: [u32; 4] = [MESSAGE_TYPE, ENUM_TYPE, SERVICE, EXTENSION];

/// One top-level declaration: its file, kind (field number) and index.
type Declaration = (usize, u32, usize);

/// The image keeping only `types` (fully qualified names, no leading dot)
/// and what they use. Names that are not top-level declarations, and
/// images this cannot prune faithfully (custom options, public or weak
/// imports), are errors saying so.
pub fn keep_types(image: &Image, types: &[String]) -> Result<Image> {
    let declared = declarations(image);
    refuse_what_cannot_be_followed(image)?;
    let mut pending: Vec<Declaration> = Vec::new();
    for name in types {
        match declared.get(name.trim_start_matches('.')) {
            Some(&(declaration, true)) => pending.push(declaration),
            Some(_) => bail!(
                "`types` names `{name}`, which is nested: name its top-level message (nested types, packages and methods are not supported yet)"
            ),
            None => bail!("`types` names `{name}`, which no file of the image declares"),
        }
    }
    let mut kept: BTreeSet<Declaration> = BTreeSet::new();
    // The files each file's kept declarations use: the imports it keeps.
    let mut imports: HashMap<usize, BTreeSet<&str>> = HashMap::new();
    while let Some(declaration) = pending.pop() {
        if !kept.insert(declaration) {
            continue;
        }
        for used in uses(&image.files[declaration.0].descriptor, declaration) {
            // A name the image does not declare cannot come from a file
            // that compiled; nothing to follow.
            if let Some(&((file, kind, index), _)) = declared.get(used.trim_start_matches('.')) {
                pending.push((file, kind, index));
                imports
                    .entry(declaration.0)
                    .or_default()
                    .insert(image.files[file].name.as_str());
            }
        }
    }
    let mut files = Vec::new();
    for (i, file) in image.files.iter().enumerate() {
        if kept.range((i, 0, 0)..(i + 1, 0, 0)).next().is_none() {
            continue;
        }
        let used = imports.remove(&i).unwrap_or_default();
        let encoded = rewrite(
            &file.encoded,
            &|kind, index| kept.contains(&(i, kind, index)),
            &|dependency| used.contains(dependency),
        )?;
        let descriptor = FileDescriptorProto::decode(encoded.as_slice())?;
        files.push(ImageFile {
            name: file.name.clone(),
            encoded,
            descriptor,
            is_import: file.is_import,
        });
    }
    Ok(Image { files })
}

/// Every declaration of the image by full name: the top-level one that
/// holds it, and whether the name is that top-level one itself.
fn declarations(image: &Image) -> HashMap<String, (Declaration, bool)> {
    fn nested(
        prefix: &str,
        message: &DescriptorProto,
        top: Declaration,
        out: &mut HashMap<String, (Declaration, bool)>,
    ) {
        for inner in &message.nested_type {
            let name = format!("{prefix}.{}", inner.name());
            nested(&name, inner, top, out);
            out.insert(name, (top, false));
        }
        for inner in &message.enum_type {
            out.insert(format!("{prefix}.{}", inner.name()), (top, false));
        }
    }
    let mut out = HashMap::new();
    for (i, file) in image.files.iter().enumerate() {
        let d = &file.descriptor;
        let qualify = |name: &str| match d.package() {
            "" => name.to_string(),
            package => format!("{package}.{name}"),
        };
        for (index, message) in d.message_type.iter().enumerate() {
            let top = (i, MESSAGE_TYPE, index);
            let name = qualify(message.name());
            nested(&name, message, top, &mut out);
            out.insert(name, (top, true));
        }
        for (index, e) in d.enum_type.iter().enumerate() {
            out.insert(qualify(e.name()), ((i, ENUM_TYPE, index), true));
        }
        for (index, s) in d.service.iter().enumerate() {
            out.insert(qualify(s.name()), ((i, SERVICE, index), true));
        }
        for (index, x) in d.extension.iter().enumerate() {
            out.insert(qualify(x.name()), ((i, EXTENSION, index), true));
        }
    }
    out
}

/// Custom options live in option messages as extensions prost-types
/// cannot see, so what an option uses could not be kept; public and weak
/// imports re-export files this does not follow.
fn refuse_what_cannot_be_followed(image: &Image) -> Result<()> {
    for file in &image.files {
        let d = &file.descriptor;
        if !d.public_dependency.is_empty() || !d.weak_dependency.is_empty() {
            bail!(
                "`types` cannot prune {}: it has a public or weak import (not supported yet)",
                file.name
            );
        }
        let mut extendees: Vec<&str> = d.extension.iter().map(|x| x.extendee()).collect();
        let mut messages: Vec<&DescriptorProto> = d.message_type.iter().collect();
        while let Some(message) = messages.pop() {
            extendees.extend(message.extension.iter().map(|x| x.extendee()));
            messages.extend(&message.nested_type);
        }
        if let Some(options) = extendees
            .iter()
            .find(|e| e.starts_with(".google.protobuf.") && e.ends_with("Options"))
        {
            bail!(
                "`types` cannot prune {}: it declares a custom option (extends {}), whose uses are not followed yet",
                file.name,
                options.trim_start_matches('.')
            );
        }
    }
    Ok(())
}

/// The type names one top-level declaration refers to.
fn uses(file: &FileDescriptorProto, (_, kind, index): Declaration) -> Vec<String> {
    let mut out = Vec::new();
    match kind {
        MESSAGE_TYPE => {
            let mut messages = vec![&file.message_type[index]];
            while let Some(message) = messages.pop() {
                for field in message.field.iter().chain(&message.extension) {
                    out.push(field.type_name().to_string());
                    out.push(field.extendee().to_string());
                }
                messages.extend(&message.nested_type);
            }
        }
        SERVICE => {
            for method in &file.service[index].method {
                out.push(method.input_type().to_string());
                out.push(method.output_type().to_string());
            }
        }
        EXTENSION => {
            let extension = &file.extension[index];
            out.push(extension.type_name().to_string());
            out.push(extension.extendee().to_string());
        }
        _ => {}
    }
    out.retain(|name| !name.is_empty());
    out
}

/// The encoded file with only the declarations `keep` accepts and the
/// imports `keep_dependency` accepts; every other field as it was.
fn rewrite(
    encoded: &[u8],
    keep: &dyn Fn(u32, usize) -> bool,
    keep_dependency: &dyn Fn(&str) -> bool,
) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(encoded.len());
    let mut counts: HashMap<u32, usize> = HashMap::new();
    // Old index to new index, per renumbered field; None when removed.
    let mut renumbered: HashMap<u32, Vec<Option<i32>>> = HashMap::new();
    let mut source_info = None;
    let mut rest = encoded;
    while rest.has_remaining() {
        let start = rest;
        let (tag, wire_type) = decode_key(&mut rest)?;
        let mut value = rest;
        skip_field(wire_type, tag, &mut rest, Default::default())?;
        let field = &start[..start.len() - rest.len()];
        let index = counts.entry(tag).or_default();
        let keeps = match tag {
            DEPENDENCY => {
                let _ = decode_varint(&mut value)?;
                keep_dependency(std::str::from_utf8(&value[..value.len() - rest.len()])?)
            }
            _ if DECLARATIONS.contains(&tag) => keep(tag, *index),
            SOURCE_CODE_INFO => {
                debug_assert_eq!(wire_type, WireType::LengthDelimited);
                let _ = decode_varint(&mut value)?;
                let info = SourceCodeInfo::decode(&value[..value.len() - rest.len()])?;
                // Written where it was, once every renumbering is known.
                source_info = Some((out.len(), info));
                *index += 1;
                continue;
            }
            PUBLIC_DEPENDENCY | WEAK_DEPENDENCY => {
                bail!("public and weak imports are not supported when pruning")
            }
            _ => true,
        };
        *index += 1;
        if tag == DEPENDENCY || DECLARATIONS.contains(&tag) {
            let numbers = renumbered.entry(tag).or_default();
            let next = numbers.iter().flatten().count() as i32;
            numbers.push(keeps.then_some(next));
        }
        if keeps {
            out.extend_from_slice(field);
        }
    }
    if let Some((at, mut info)) = source_info {
        info.location
            .retain_mut(|location| match location.path.as_slice() {
                [tag, index, ..] if renumbered.contains_key(&(*tag as u32)) => {
                    let new = renumbered[&(*tag as u32)]
                        .get(*index as usize)
                        .copied()
                        .flatten();
                    new.map(|new| location.path[1] = new).is_some()
                }
                _ => true,
            });
        let mut field = Vec::new();
        prost::encoding::message::encode(SOURCE_CODE_INFO, &info, &mut field);
        out.splice(at..at, field);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Compiles `files` (name, text) with protox and returns the image.
    fn image(files: &[(&str, &str)]) -> Image {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
        let mut compiler = protox::Compiler::new([dir.path()]).unwrap();
        compiler.include_imports(true).include_source_info(true);
        compiler.open_files(&names).unwrap();
        let set = compiler.encode_file_descriptor_set();
        Image::decode(&set, &names.iter().copied().collect::<HashSet<_>>()).unwrap()
    }

    const MONEY: &str = "syntax = \"proto3\";\npackage acme.v1;\n// Money comment.\nmessage Money { int64 units = 1; }\n// Unused comment.\nmessage Unused { int32 n = 1; }\n";
    const ORDER: &str = "syntax = \"proto3\";\npackage acme.v1;\nimport \"money.proto\";\nimport \"other.proto\";\n// Lonely comment.\nmessage Lonely { Other o = 1; }\n// Order comment.\nmessage Order {\n  // Total comment.\n  Money total = 1;\n  Status status = 2;\n  message Line { Money price = 1; }\n}\nenum Status { STATUS_UNSPECIFIED = 0; }\n// Shop comment.\nservice Shop { rpc Get(Order) returns (Order); }\n";
    const OTHER: &str = "syntax = \"proto3\";\npackage acme.v1;\nmessage Other {}\n";

    fn three_files() -> Image {
        image(&[
            ("money.proto", MONEY),
            ("other.proto", OTHER),
            ("order.proto", ORDER),
        ])
    }

    fn declared(file: &ImageFile) -> Vec<&str> {
        let d = &file.descriptor;
        d.message_type
            .iter()
            .map(|m| m.name())
            .chain(d.enum_type.iter().map(|e| e.name()))
            .chain(d.service.iter().map(|s| s.name()))
            .collect()
    }

    /// The comment at `path` in `file`'s source info, if any.
    fn comment(file: &ImageFile, path: &[i32]) -> Option<String> {
        let info = file.descriptor.source_code_info.as_ref()?;
        let location = info.location.iter().find(|l| l.path == path)?;
        location.leading_comments.clone()
    }

    #[test]
    fn a_service_keeps_what_its_methods_use_and_drops_the_rest() {
        let pruned = keep_types(&three_files(), &["acme.v1.Shop".to_string()]).unwrap();
        let names: Vec<&str> = pruned.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            ["money.proto", "order.proto"],
            "other.proto holds nothing used"
        );
        assert_eq!(declared(&pruned.files[0]), ["Money"]);
        assert_eq!(declared(&pruned.files[1]), ["Order", "Status", "Shop"]);
        assert_eq!(pruned.files[1].descriptor.dependency, ["money.proto"]);
        // Nested types go with their message.
        assert_eq!(
            pruned.files[1].descriptor.message_type[0].nested_type[0].name(),
            "Line"
        );
    }

    #[test]
    fn comments_stay_on_their_elements_after_renumbering() {
        let pruned = keep_types(&three_files(), &["acme.v1.Shop".to_string()]).unwrap();
        let order = &pruned.files[1];
        assert_eq!(
            comment(order, &[4, 0]).as_deref(),
            Some(" Order comment.\n")
        );
        assert_eq!(
            comment(order, &[4, 0, 2, 0]).as_deref(),
            Some(" Total comment.\n")
        );
        assert_eq!(comment(order, &[6, 0]).as_deref(), Some(" Shop comment.\n"));
        let info = order.descriptor.source_code_info.as_ref().unwrap();
        assert!(
            info.location
                .iter()
                .all(|l| l.leading_comments.as_deref() != Some(" Lonely comment.\n")),
            "a removed element's comment goes with it"
        );
        // The one import left is [3, 0]; the one removed has no location.
        assert!(info.location.iter().any(|l| l.path == [3, 0]));
        assert!(info.location.iter().all(|l| l.path != [3, 1]));
        assert_eq!(
            comment(&pruned.files[0], &[4, 0]).as_deref(),
            Some(" Money comment.\n")
        );
    }

    #[test]
    fn untouched_fields_keep_their_bytes() {
        let original = three_files();
        let pruned = keep_types(&original, &["acme.v1.Money".to_string()]).unwrap();
        assert_eq!(pruned.files.len(), 1);
        let money = &pruned.files[0];
        assert_eq!(declared(money), ["Money"]);
        assert_eq!(money.descriptor.package(), "acme.v1");
        assert_eq!(money.descriptor.syntax(), "proto3");
        assert!(!money.is_import);
        // Keeping everything a file declares gives back its exact bytes.
        let all = keep_types(&original, &["acme.v1.Other".to_string()]).unwrap();
        assert_eq!(all.files[0].encoded, original.files[1].encoded);
    }

    #[test]
    fn unknown_and_nested_names_are_errors() {
        let image = three_files();
        let unknown = keep_types(&image, &["acme.v1.Nope".to_string()]).unwrap_err();
        assert!(
            unknown
                .to_string()
                .contains("no file of the image declares"),
            "{unknown}"
        );
        let nested = keep_types(&image, &["acme.v1.Order.Line".to_string()]).unwrap_err();
        assert!(nested.to_string().contains("nested"), "{nested}");
    }

    #[test]
    fn custom_options_are_refused_not_lost() {
        let options = "syntax = \"proto3\";\npackage acme.v1;\nimport \"google/protobuf/descriptor.proto\";\nextend google.protobuf.MessageOptions { string tag = 50000; }\nmessage Tagged { option (tag) = \"x\"; }\n";
        let image = image(&[("options.proto", options)]);
        let error = keep_types(&image, &["acme.v1.Tagged".to_string()]).unwrap_err();
        assert!(error.to_string().contains("custom option"), "{error}");
    }
}
