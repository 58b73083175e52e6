//! Compiled files with their source: a descriptor, the text it was
//! compiled from and its SourceCodeInfo, so that checks over descriptors
//! (proto lint, proto breaking) point at `file:line:col` as buf does.

use std::collections::HashMap;

use prost_types::FileDescriptorProto;
use prost_types::source_code_info::Location;

use super::compile::Image;
use super::workspace;
use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::source::{SharedSource, Span};

/// One compiled file: its descriptor, its text (for positions and
/// snippets) and its SourceCodeInfo locations by path, so a finding
/// about an element lands where the element is written.
pub struct CompiledFile {
    /// The descriptor without its SourceCodeInfo, which is in `locations`.
    pub descriptor: FileDescriptorProto,
    pub source: SharedSource,
    locations: HashMap<Vec<i32>, Location>,
}

impl CompiledFile {
    /// `source` is the text the descriptor was compiled from, named as
    /// findings show it (relative to where the user ran the command, as
    /// buf shows it).
    pub fn new(mut descriptor: FileDescriptorProto, source: SharedSource) -> Self {
        let mut locations = HashMap::new();
        // Moved, not copied: on googleapis the locations are most of a
        // descriptor's size.
        if let Some(info) = descriptor.source_code_info.take() {
            for location in info.location {
                // The first location of a path is the element's own.
                locations.entry(location.path.clone()).or_insert(location);
            }
        }
        CompiledFile {
            descriptor,
            source,
            locations,
        }
    }

    /// The import path (`acme/weather/v1/weather.proto`).
    pub fn name(&self) -> &str {
        self.descriptor.name()
    }

    /// The directory of the import path (`acme/weather/v1`).
    pub fn directory(&self) -> &str {
        self.name().rsplit_once('/').map_or("", |(dir, _)| dir)
    }

    pub fn span(&self, location: &Location) -> Span {
        let at = |line: i32, column: i32| {
            self.source.offset_of(
                usize::try_from(line).unwrap_or(0) + 1,
                usize::try_from(column).unwrap_or(0) + 1,
            )
        };
        match location.span.as_slice() {
            [line, start, end] => Span::new(at(*line, *start), at(*line, *end)),
            [start_line, start, end_line, end] => {
                Span::new(at(*start_line, *start), at(*end_line, *end))
            }
            _ => Span::new(0, 0),
        }
    }

    /// Where a path is written: its own location, else the nearest
    /// enclosing element's; the file itself (the empty path) is its
    /// first character, as buf reports file-level findings at 1:1.
    pub fn span_of(&self, path: &[i32]) -> Span {
        if path.is_empty() {
            return Span::new(0, 0);
        }
        (0..=path.len())
            .rev()
            .find_map(|len| self.locations.get(&path[..len]))
            .map_or(Span::new(0, 0), |l| self.span(l))
    }

    /// Every path with a location, and its location.
    pub fn locations(&self) -> impl Iterator<Item = (&Vec<i32>, &Location)> {
        self.locations.iter()
    }

    /// The location of exactly this path, if the source has one.
    pub fn location(&self, path: &[i32]) -> Option<&Location> {
        self.locations.get(path)
    }

    /// The leading comments of an element, trimmed.
    pub fn comment(&self, path: &[i32]) -> &str {
        self.locations
            .get(path)
            .map_or("", |l| l.leading_comments().trim())
    }

    /// A finding at the element `path`.
    pub fn finding(&self, code: Code, path: &[i32], message: impl Into<String>) -> Diagnostic {
        let mut d = Diagnostic::new(code, message).at(&self.source, self.span_of(path));
        d.related.clear();
        d
    }
}

/// The compiled files of `targets` (files of the workspace that was
/// compiled into `image`), each with the text it was compiled from, in
/// import path order.
pub fn with_sources(image: &Image, targets: &[&workspace::ProtoFile]) -> Vec<CompiledFile> {
    let by_name: HashMap<&str, &FileDescriptorProto> = image
        .files
        .iter()
        .map(|f| (f.name.as_str(), &f.descriptor))
        .collect();
    let mut files: Vec<CompiledFile> = targets
        .iter()
        .filter_map(|target| {
            let descriptor = by_name.get(target.name.as_str())?;
            Some(CompiledFile::new(
                (*descriptor).clone(),
                target.source.clone(),
            ))
        })
        .collect();
    files.sort_by(|a, b| a.name().cmp(b.name()));
    files
}

// Field numbers of descriptor.proto, for SourceCodeInfo paths.
pub mod path {
    pub const FILE_PACKAGE: i32 = 2;
    pub const FILE_DEPENDENCY: i32 = 3;
    pub const FILE_MESSAGE: i32 = 4;
    pub const FILE_ENUM: i32 = 5;
    pub const FILE_SERVICE: i32 = 6;
    pub const FILE_OPTIONS: i32 = 8;
    pub const FILE_EXTENSION: i32 = 7;
    pub const FILE_SYNTAX: i32 = 12;
    pub const MESSAGE_FIELD: i32 = 2;
    pub const MESSAGE_NESTED: i32 = 3;
    pub const MESSAGE_ENUM: i32 = 4;
    pub const MESSAGE_ONEOF: i32 = 8;
    pub const MESSAGE_EXTENSION: i32 = 6;
    pub const MESSAGE_OPTIONS: i32 = 7;
    pub const FIELD_LABEL: i32 = 4;
    pub const FIELD_TYPE: i32 = 5;
    pub const FIELD_TYPE_NAME: i32 = 6;
    pub const FIELD_DEFAULT: i32 = 7;
    pub const FIELD_OPTIONS: i32 = 8;
    pub const FIELD_JSON_NAME: i32 = 10;
    pub const ENUM_VALUE_NUMBER: i32 = 2;
    pub const METHOD_OPTIONS: i32 = 4;
    pub const ENUM_VALUE: i32 = 2;
    pub const SERVICE_METHOD: i32 = 2;
    pub const METHOD_INPUT: i32 = 2;
    pub const METHOD_OUTPUT: i32 = 3;
    /// The `name` field of every element.
    pub const NAME: i32 = 1;
}
