//! An image cut down by type, as buf.gen.yaml's `types` and
//! `exclude_types` do it (buf's bufimageutil, checked against buf 1.75):
//!
//! - `exclude_types` names messages, enums, services, methods, extensions
//!   or packages (`pkg`, or `pkg.**` with its subpackages). An excluded
//!   declaration goes with everything nested in it; a field or extension
//!   whose type is excluded goes too; a method whose request or response
//!   is excluded is an error (buf's), as is keeping what is excluded.
//! - `types` keeps the named declarations, what their fields, methods and
//!   extensions use, the extensions of every message kept, and the
//!   messages and services around a nested one (as bare namespaces:
//!   their fields and comments go). Nested declarations nothing uses go.
//!   Names in imported files cannot be kept by name, as in buf.
//! - A file left with nothing kept goes; an import goes when nothing
//!   kept imports it; every file imports exactly what its kept
//!   declarations use (a public import becomes plain imports).
//! - Custom options set on what is kept bring their extensions along
//!   (and what those extend and use, the extended `*Options` message
//!   without all of its other extensions); an option whose extension is
//!   excluded is removed where it is set.
//! - An emptied oneof goes (a proto3 optional field's synthetic one).
//!   Where buf would write what plugins reject (a map entry without its
//!   value, stale oneof indexes), or where this cannot follow buf yet
//!   (an Any in options, weak imports), the error says so.
//!
//! Files are rewritten at the wire level, not decoded and re-encoded:
//! prost-types drops what it does not know (custom options, edition
//! fields), and a plugin must get those exactly as compiled. A file
//! nothing was removed from keeps its exact bytes; elsewhere only the
//! removed entries, the imports and the source code info (whose paths
//! are renumbered so comments stay on their elements) change. Nested
//! messages are rewritten recursively: as deep as prost decoded them,
//! which it bounds.

use std::collections::{HashMap, HashSet};

use anyhow::{Result, bail};
use prost::Message as _;
use prost::bytes::Buf as _;
use prost::encoding::{WireType, decode_key, decode_varint, encode_key, encode_varint, skip_field};
use prost_types::{DescriptorProto, FileDescriptorProto, SourceCodeInfo};

use super::compile::{Image, ImageFile};

// FileDescriptorProto field numbers.
const FILE_DEPENDENCY: u32 = 3;
const FILE_MESSAGE: u32 = 4;
const FILE_ENUM: u32 = 5;
const FILE_SERVICE: u32 = 6;
const FILE_EXTENSION: u32 = 7;
const FILE_SOURCE_CODE_INFO: u32 = 9;
const PUBLIC_DEPENDENCY: u32 = 10;
// DescriptorProto field numbers.
const MESSAGE_FIELD: u32 = 2;
const MESSAGE_NESTED: u32 = 3;
const MESSAGE_ENUM: u32 = 4;
const MESSAGE_EXTENSION_RANGE: u32 = 5;
const MESSAGE_EXTENSION: u32 = 6;
const MESSAGE_ONEOF: u32 = 8;
const MESSAGE_RESERVED_RANGE: u32 = 9;
const MESSAGE_RESERVED_NAME: u32 = 10;
// ServiceDescriptorProto field numbers.
const SERVICE_METHOD: u32 = 2;
// EnumDescriptorProto field numbers.
const ENUM_VALUE: u32 = 2;
/// Every `*Options` message reserves the numbers from here on for
/// extensions: a field at or above it is a custom option.
const FIRST_EXTENSION_NUMBER: u32 = 1000;

/// The lists of a message whose source location goes when nothing of
/// them is left (an `extend` block, a `reserved` statement).
const MESSAGE_LISTS: [u32; 8] = [
    MESSAGE_FIELD,
    MESSAGE_NESTED,
    MESSAGE_ENUM,
    MESSAGE_EXTENSION_RANGE,
    MESSAGE_EXTENSION,
    MESSAGE_ONEOF,
    MESSAGE_RESERVED_RANGE,
    MESSAGE_RESERVED_NAME,
];
/// What a message kept only as the namespace of a nested one loses.
const NAMESPACE_ONLY_DROPS: [u32; 5] = [
    MESSAGE_FIELD,
    MESSAGE_ONEOF,
    MESSAGE_EXTENSION_RANGE,
    MESSAGE_RESERVED_RANGE,
    MESSAGE_RESERVED_NAME,
];
const FILE_LISTS: [u32; 4] = [FILE_MESSAGE, FILE_ENUM, FILE_SERVICE, FILE_EXTENSION];

/// The type filters of one plugin or one input, as buf.gen.yaml writes
/// them: fully qualified names without a leading dot.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypeFilter {
    /// Keep only these and what they use; empty: everything.
    pub types: Vec<String>,
    /// Drop these and whatever cannot be without them.
    pub exclude_types: Vec<String>,
}

impl TypeFilter {
    pub fn is_empty(&self) -> bool {
        self.types.is_empty() && self.exclude_types.is_empty()
    }
}

/// The image `filter` leaves. Names that match nothing, filters buf
/// refuses or would answer with descriptors plugins reject, and images
/// this cannot filter as buf does (an Any in custom options, weak
/// imports) are errors saying so.
pub fn filter_types(image: &Image, filter: &TypeFilter) -> Result<Image> {
    refuse_what_cannot_be_followed(image)?;
    let index = Index::new(image)?;
    let mut closure = Closure::new(&index, !filter.types.is_empty());
    for name in &filter.exclude_types {
        for id in index.lookup(image, name, "exclude_types")? {
            closure.exclude(id);
        }
    }
    if filter.types.is_empty() {
        for (i, file) in image.files.iter().enumerate() {
            if !file.is_import {
                closure.add(index.files[i], None);
            }
        }
    }
    for name in &filter.types {
        for id in index.lookup(image, name, "types")? {
            let element = &index.elements[id];
            if closure.mode[id] == Mode::Excluded {
                bail!("`types` names `{name}`, which `exclude_types` excludes");
            }
            if image.files[element.file].is_import {
                bail!(
                    "`types` names `{name}`, which an imported file declares ({}): only the files built can be filtered to",
                    image.files[element.file].name
                );
            }
            closure.add(id, None);
        }
    }
    closure.run()?;
    closure.into_image(image)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    File,
    Message,
    Enum,
    Service,
    Method,
    Extension,
}

/// A file or a declaration in one.
struct Element<'a> {
    kind: Kind,
    /// Its source path in its file.
    path: Vec<i32>,
    /// The image file it is in.
    file: usize,
    /// Its full name (a file's: its import path).
    name: String,
    parent: Option<usize>,
    /// What it declares directly (a service: its methods).
    children: Vec<usize>,
    /// The type names it refers to, leading dot trimmed: a message's
    /// fields' types (empty for scalars), an extension's type, a method's
    /// input and output.
    refers_to: Vec<&'a str>,
    /// An extension's extendee.
    extendee: Option<&'a str>,
    /// A message's fields' oneofs (their `oneof_index`).
    field_oneofs: Vec<Option<usize>>,
    /// A message's oneofs' names.
    oneofs: Vec<&'a str>,
    /// A message that is the entry of a map field.
    is_map_entry: bool,
    /// A message's extension ranges, an enum's values: parts options
    /// can be set on.
    extension_ranges: usize,
    enum_values: usize,
}

/// Every file and declaration of an image, by name and by source path.
struct Index<'a> {
    elements: Vec<Element<'a>>,
    by_name: HashMap<String, usize>,
    /// (file, source path) to element.
    by_path: HashMap<(usize, Vec<i32>), usize>,
    /// The element of each image file.
    files: Vec<usize>,
    /// File elements by package.
    packages: HashMap<&'a str, Vec<usize>>,
    /// Extensions by extendee.
    extensions_of: HashMap<&'a str, Vec<usize>>,
    /// Extensions by extendee and number: what a custom option names.
    extension_numbers: HashMap<(&'a str, u32), usize>,
    /// The custom options set, by (file, source path of what they are
    /// set on): the options message and the extension's number.
    options_set: HashMap<(usize, Vec<i32>), Vec<OptionSet>>,
}

/// A custom option set: the `*Options` message and the extension number.
type OptionSet = (&'static str, u32);

fn trim_dot(name: &str) -> &str {
    name.strip_prefix('.').unwrap_or(name)
}

fn qualify(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}.{name}")
    }
}

impl<'a> Index<'a> {
    fn new(image: &'a Image) -> Result<Index<'a>> {
        let mut index = Index {
            elements: Vec::new(),
            by_name: HashMap::new(),
            by_path: HashMap::new(),
            files: Vec::new(),
            packages: HashMap::new(),
            extensions_of: HashMap::new(),
            extension_numbers: HashMap::new(),
            options_set: HashMap::new(),
        };
        for (i, file) in image.files.iter().enumerate() {
            let mut set = HashMap::new();
            options_set(&file.encoded, Owner::File, &mut Vec::new(), &mut set)?;
            index
                .options_set
                .extend(set.into_iter().map(|(path, options)| ((i, path), options)));
            let d = &file.descriptor;
            let file_id = index.push(i, Kind::File, file.name.clone(), None, Vec::new());
            index.files.push(file_id);
            index.packages.entry(d.package()).or_default().push(file_id);
            // Messages to walk: (message, its source path, parent, its full name).
            let mut messages: Vec<(&DescriptorProto, Vec<i32>, usize, String)> = Vec::new();
            let package = d.package();
            for (k, message) in d.message_type.iter().enumerate() {
                let name = qualify(package, message.name());
                messages.push((message, vec![FILE_MESSAGE as i32, k as i32], file_id, name));
            }
            for (k, e) in d.enum_type.iter().enumerate() {
                let path = vec![FILE_ENUM as i32, k as i32];
                let id = index.declare(i, Kind::Enum, qualify(package, e.name()), file_id, path);
                index.elements[id].enum_values = e.value.len();
            }
            for (k, service) in d.service.iter().enumerate() {
                let name = qualify(package, service.name());
                let path = vec![FILE_SERVICE as i32, k as i32];
                let id = index.declare(i, Kind::Service, name.clone(), file_id, path.clone());
                for (m, method) in service.method.iter().enumerate() {
                    let mut method_path = path.clone();
                    method_path.extend([SERVICE_METHOD as i32, m as i32]);
                    let method_id = index.declare(
                        i,
                        Kind::Method,
                        qualify(&name, method.name()),
                        id,
                        method_path,
                    );
                    index.elements[method_id].refers_to = vec![
                        trim_dot(method.input_type()),
                        trim_dot(method.output_type()),
                    ];
                }
            }
            for (k, x) in d.extension.iter().enumerate() {
                let path = vec![FILE_EXTENSION as i32, k as i32];
                index.declare_extension(i, package, x, file_id, path);
            }
            // A stack, not recursion: nesting depth is the input's.
            while let Some((message, path, parent, name)) = messages.pop() {
                let id = index.declare(i, Kind::Message, name.clone(), parent, path.clone());
                index.elements[id].refers_to = message
                    .field
                    .iter()
                    .map(|f| trim_dot(f.type_name()))
                    .collect();
                index.elements[id].field_oneofs = message
                    .field
                    .iter()
                    .map(|f| f.oneof_index.and_then(|o| usize::try_from(o).ok()))
                    .collect();
                index.elements[id].oneofs = message.oneof_decl.iter().map(|o| o.name()).collect();
                index.elements[id].extension_ranges = message.extension_range.len();
                index.elements[id].is_map_entry =
                    message.options.as_ref().is_some_and(|o| o.map_entry());
                for (k, x) in message.extension.iter().enumerate() {
                    let mut x_path = path.clone();
                    x_path.extend([MESSAGE_EXTENSION as i32, k as i32]);
                    index.declare_extension(i, &name, x, id, x_path);
                }
                for (k, e) in message.enum_type.iter().enumerate() {
                    let mut e_path = path.clone();
                    e_path.extend([MESSAGE_ENUM as i32, k as i32]);
                    let e_id = index.declare(i, Kind::Enum, qualify(&name, e.name()), id, e_path);
                    index.elements[e_id].enum_values = e.value.len();
                }
                for (k, nested) in message.nested_type.iter().enumerate() {
                    let mut n_path = path.clone();
                    n_path.extend([MESSAGE_NESTED as i32, k as i32]);
                    messages.push((nested, n_path, id, qualify(&name, nested.name())));
                }
            }
        }
        Ok(index)
    }

    fn push(
        &mut self,
        file: usize,
        kind: Kind,
        name: String,
        parent: Option<usize>,
        path: Vec<i32>,
    ) -> usize {
        let id = self.elements.len();
        self.elements.push(Element {
            kind,
            path: path.clone(),
            file,
            name,
            parent,
            children: Vec::new(),
            refers_to: Vec::new(),
            extendee: None,
            field_oneofs: Vec::new(),
            oneofs: Vec::new(),
            is_map_entry: false,
            extension_ranges: 0,
            enum_values: 0,
        });
        self.by_path.insert((file, path), id);
        id
    }

    /// A declaration inside `parent`, findable by name.
    fn declare(
        &mut self,
        file: usize,
        kind: Kind,
        name: String,
        parent: usize,
        path: Vec<i32>,
    ) -> usize {
        let id = self.push(file, kind, name.clone(), Some(parent), path);
        self.elements[parent].children.push(id);
        self.by_name.insert(name, id);
        id
    }

    fn declare_extension(
        &mut self,
        file: usize,
        scope: &str,
        extension: &'a prost_types::FieldDescriptorProto,
        parent: usize,
        path: Vec<i32>,
    ) {
        let id = self.declare(
            file,
            Kind::Extension,
            qualify(scope, extension.name()),
            parent,
            path,
        );
        let extendee = trim_dot(extension.extendee());
        self.elements[id].extendee = Some(extendee);
        self.elements[id].refers_to = vec![trim_dot(extension.type_name())];
        self.extensions_of.entry(extendee).or_default().push(id);
        if let Ok(number) = u32::try_from(extension.number()) {
            self.extension_numbers.insert((extendee, number), id);
        }
    }

    /// The custom options set on an element and on its parts (a
    /// message's kept fields, oneofs and extension ranges, an enum's
    /// values), as buf follows them.
    fn options_of(&self, id: usize, keeps_field: &dyn Fn(usize) -> bool) -> Vec<OptionSet> {
        let element = &self.elements[id];
        let key = |path: Vec<i32>| (element.file, path);
        let mut paths = vec![element.path.clone()];
        let mut part = |tag: u32, count: usize, keep: &dyn Fn(usize) -> bool| {
            for k in (0..count).filter(|&k| keep(k)) {
                let mut path = element.path.clone();
                path.extend([tag as i32, k as i32]);
                paths.push(path);
            }
        };
        match element.kind {
            Kind::Message => {
                part(MESSAGE_FIELD, element.refers_to.len(), keeps_field);
                part(MESSAGE_ONEOF, element.oneofs.len(), &|_| true);
                part(MESSAGE_EXTENSION_RANGE, element.extension_ranges, &|_| true);
            }
            Kind::Enum => part(ENUM_VALUE, element.enum_values, &|_| true),
            _ => {}
        }
        paths
            .into_iter()
            .filter_map(|path| self.options_set.get(&key(path)))
            .flatten()
            .copied()
            .collect()
    }

    fn resolve(&self, name: &str) -> Option<usize> {
        (!name.is_empty())
            .then(|| self.by_name.get(name).copied())
            .flatten()
    }

    /// The elements a filter name means: one declaration, or the files
    /// of a package (`pkg`) or of a package and its subpackages (`pkg.**`).
    fn lookup(&self, image: &Image, name: &str, key: &str) -> Result<Vec<usize>> {
        if name.starts_with('.') || name.is_empty() {
            bail!("`{key}` names `{name}`: write a fully qualified name without a leading dot");
        }
        if let Some(&id) = self.by_name.get(name) {
            return Ok(vec![id]);
        }
        let files: Vec<usize> = match name.strip_suffix(".**") {
            Some(prefix) => {
                let within = |package: &str| {
                    package == prefix
                        || package
                            .strip_prefix(prefix)
                            .is_some_and(|rest| rest.starts_with('.'))
                };
                let mut files: Vec<usize> = self
                    .packages
                    .iter()
                    .filter(|(package, _)| within(package))
                    .flat_map(|(_, files)| files.iter().copied())
                    .collect();
                files.sort_unstable();
                files
            }
            None => self.packages.get(name).cloned().unwrap_or_default(),
        };
        if files.is_empty() {
            let is_prefix = self.packages.keys().any(|p| {
                p.strip_prefix(name)
                    .is_some_and(|rest| rest.starts_with('.'))
            });
            if is_prefix {
                bail!(
                    "`{key}` names `{name}`, a package prefix that declares nothing itself: write `{name}.**` for its subpackages"
                );
            }
            bail!(
                "`{key}` names `{name}`, which no file of the image declares (a message, enum, service, method, extension or package)"
            );
        }
        if key == "types"
            && files
                .iter()
                .all(|&f| image.files[self.elements[f].file].is_import)
        {
            bail!(
                "`types` names `{name}`, a package only imported files declare: only the files built can be filtered to"
            );
        }
        Ok(files)
    }
}

/// The descriptor messages options can be set on.
#[derive(Debug, Clone, Copy)]
enum Owner {
    File,
    Message,
    Field,
    Oneof,
    ExtensionRange,
    Enum,
    EnumValue,
    Service,
    Method,
}

impl Owner {
    /// The field number of its options and their message.
    fn options(self) -> (u32, &'static str) {
        match self {
            Owner::File => (8, "google.protobuf.FileOptions"),
            Owner::Message => (7, "google.protobuf.MessageOptions"),
            Owner::Field => (8, "google.protobuf.FieldOptions"),
            Owner::Oneof => (2, "google.protobuf.OneofOptions"),
            Owner::ExtensionRange => (3, "google.protobuf.ExtensionRangeOptions"),
            Owner::Enum => (3, "google.protobuf.EnumOptions"),
            Owner::EnumValue => (3, "google.protobuf.EnumValueOptions"),
            Owner::Service => (3, "google.protobuf.ServiceOptions"),
            Owner::Method => (4, "google.protobuf.MethodOptions"),
        }
    }

    /// What the field `tag` of it holds, when options can be set there.
    fn part(self, tag: u32) -> Option<Owner> {
        Some(match (self, tag) {
            (Owner::File, FILE_MESSAGE) | (Owner::Message, MESSAGE_NESTED) => Owner::Message,
            (Owner::File, FILE_ENUM) | (Owner::Message, MESSAGE_ENUM) => Owner::Enum,
            (Owner::File, FILE_SERVICE) => Owner::Service,
            (Owner::File, FILE_EXTENSION) | (Owner::Message, MESSAGE_FIELD | MESSAGE_EXTENSION) => {
                Owner::Field
            }
            (Owner::Message, MESSAGE_ONEOF) => Owner::Oneof,
            (Owner::Message, MESSAGE_EXTENSION_RANGE) => Owner::ExtensionRange,
            (Owner::Enum, ENUM_VALUE) => Owner::EnumValue,
            (Owner::Service, SERVICE_METHOD) => Owner::Method,
            _ => return None,
        })
    }
}

/// The custom options set in an encoded descriptor, by the source path
/// of what they are set on. Read from the bytes because prost-types
/// drops extensions; recursion is as deep as the nesting prost already
/// decoded (which it bounds).
fn options_set(
    bytes: &[u8],
    owner: Owner,
    path: &mut Vec<i32>,
    out: &mut HashMap<Vec<i32>, Vec<OptionSet>>,
) -> Result<()> {
    let (options_tag, options_type) = owner.options();
    let mut seen: HashMap<u32, i32> = HashMap::new();
    for field in wire_fields(bytes)? {
        if field.tag == options_tag {
            let mut numbers: Vec<u32> = wire_fields(field.content)?
                .iter()
                .map(|option| option.tag)
                .filter(|&number| number >= FIRST_EXTENSION_NUMBER)
                .collect();
            numbers.dedup();
            if !numbers.is_empty() {
                let set = out.entry(path.clone()).or_default();
                set.extend(numbers.into_iter().map(|n| (options_type, n)));
            }
        } else if let Some(part) = owner.part(field.tag) {
            let index = seen.entry(field.tag).or_default();
            path.extend([field.tag as i32, *index]);
            options_set(field.content, part, path, out)?;
            path.truncate(path.len() - 2);
            *index += 1;
        }
    }
    Ok(())
}

/// What the filter decided for an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Not reached: kept only when nothing is named in `types`.
    Unknown,
    Excluded,
    Kept,
    /// A message, service or file kept only because it holds something
    /// kept; a message then loses its fields and comments.
    Namespace,
    /// Kept because a custom option set somewhere kept needs it (the
    /// option's extension and what it extends): as Kept, except that a
    /// message kept so does not bring all its extensions along.
    Implied,
}

struct Closure<'i, 'a> {
    index: &'i Index<'a>,
    mode: Vec<Mode>,
    /// Whether `types` named anything: then what is not reached goes.
    has_types: bool,
    /// Per image file, the files its kept declarations use, in the
    /// order first used.
    imports: Vec<Vec<usize>>,
    /// (user, used) pairs in `imports`.
    imported: HashSet<(usize, usize)>,
    /// Kept elements whose uses are not followed yet.
    pending: Vec<usize>,
    /// Messages kept after being only implied, whose extensions are not
    /// followed yet.
    upgraded: Vec<usize>,
    /// Option extensions checked for an Any in their values.
    checked_options: HashSet<usize>,
    /// Messages searched for an Any, by [`Self::holds_any`].
    searched_for_any: HashSet<usize>,
}

impl<'i, 'a> Closure<'i, 'a> {
    fn new(index: &'i Index<'a>, has_types: bool) -> Self {
        Closure {
            index,
            mode: vec![Mode::Unknown; index.elements.len()],
            has_types,
            imports: vec![Vec::new(); index.files.len()],
            imported: HashSet::new(),
            pending: Vec::new(),
            upgraded: Vec::new(),
            checked_options: HashSet::new(),
            searched_for_any: HashSet::new(),
        }
    }

    /// Excludes `id` and everything declared in it.
    fn exclude(&mut self, id: usize) {
        let mut stack = vec![id];
        while let Some(id) = stack.pop() {
            if self.mode[id] == Mode::Excluded {
                continue;
            }
            self.mode[id] = Mode::Excluded;
            stack.extend(&self.index.elements[id].children);
        }
    }

    fn is_excluded(&self, id: Option<usize>) -> bool {
        id.is_some_and(|id| self.mode[id] == Mode::Excluded)
    }

    /// Keeps `id` (unless excluded); `user` is the file that uses it.
    fn add(&mut self, id: usize, user: Option<usize>) {
        let file = self.index.elements[id].file;
        if let Some(user) = user {
            self.import(user, file);
        }
        match self.mode[id] {
            Mode::Unknown | Mode::Namespace => {
                self.mode[id] = Mode::Kept;
                self.pending.push(id);
            }
            Mode::Implied => {
                self.mode[id] = Mode::Kept;
                self.upgraded.push(id);
            }
            Mode::Kept | Mode::Excluded => {}
        }
    }

    fn import(&mut self, user: usize, used: usize) {
        if user != used && self.imported.insert((user, used)) {
            self.imports[user].push(used);
        }
    }

    /// Keeps `id` as needed by a custom option set in file `user`.
    fn imply(&mut self, id: usize, user: usize) {
        self.import(user, self.index.elements[id].file);
        if matches!(self.mode[id], Mode::Unknown | Mode::Namespace) {
            self.mode[id] = Mode::Implied;
            self.pending.push(id);
        }
    }

    /// Keeps the extensions behind `options`, custom options set in the
    /// file of `id`.
    fn follow_options(&mut self, id: usize, options: Vec<OptionSet>) -> Result<()> {
        let index = self.index;
        let file = index.elements[id].file;
        for (options, number) in options {
            let Some(&extension) = index.extension_numbers.get(&(options, number)) else {
                continue;
            };
            if self.checked_options.insert(extension) && self.holds_any(extension) {
                // buf also keeps the messages named by the type URLs of
                // Any values in options, which this does not read.
                bail!(
                    "`types` and `exclude_types` cannot filter {}: its custom option `{}` can hold a google.protobuf.Any (not supported yet)",
                    index.elements[index.files[file]].name,
                    index.elements[extension].name
                );
            }
            self.imply(extension, file);
        }
        Ok(())
    }

    /// Whether values of extension `id` can hold a google.protobuf.Any.
    /// The messages searched are remembered across calls: one reached
    /// before cannot lead to an Any (that search would have ended the
    /// filter), so every message is searched once in all.
    fn holds_any(&mut self, id: usize) -> bool {
        let index = self.index;
        let mut types: Vec<&str> = index.elements[id].refers_to.clone();
        while let Some(name) = types.pop() {
            if name == "google.protobuf.Any" {
                return true;
            }
            if let Some(message) = index
                .resolve(name)
                .filter(|&m| self.searched_for_any.insert(m))
            {
                types.extend(&index.elements[message].refers_to);
            }
        }
        false
    }

    /// Follows the uses of everything kept, to the end.
    fn run(&mut self) -> Result<()> {
        let index = self.index;
        loop {
            if let Some(message) = self.upgraded.pop() {
                self.add_extensions_of(message);
                continue;
            }
            let Some(id) = self.pending.pop() else {
                break;
            };
            let element = &index.elements[id];
            let file = Some(element.file);
            match element.kind {
                Kind::File => {
                    // Everything the file declares, at any depth.
                    let mut declared = element.children.clone();
                    while let Some(child) = declared.pop() {
                        if index.elements[child].kind != Kind::Method {
                            self.add(child, None);
                        }
                        declared.extend(&index.elements[child].children);
                    }
                }
                Kind::Message => {
                    for used in &element.refers_to {
                        if let Some(used) =
                            index.resolve(used).filter(|&u| !self.is_excluded(Some(u)))
                        {
                            self.add(used, file);
                        }
                    }
                    if self.mode[id] == Mode::Kept {
                        self.add_extensions_of(id);
                    }
                }
                Kind::Enum => {}
                Kind::Service => {
                    for &method in &element.children {
                        self.add(method, None);
                    }
                }
                Kind::Method => {
                    for (which, used) in ["request", "response"].iter().zip(&element.refers_to) {
                        let used = index.resolve(used);
                        if self.is_excluded(used) {
                            bail!(
                                "cannot keep method `{}`: its {which} type `{}` is excluded (exclude the method or its service too)",
                                element.name,
                                index.elements[used.unwrap_or(id)].name
                            );
                        }
                        if let Some(used) = used {
                            self.add(used, file);
                        }
                    }
                }
                Kind::Extension => {
                    // In buf's order: what it extends is kept even when
                    // its type then turns out excluded.
                    let extendee = element.extendee.and_then(|e| index.resolve(e));
                    if self.is_excluded(extendee) {
                        self.mode[id] = Mode::Excluded;
                        continue;
                    }
                    if let Some(extendee) = extendee {
                        if self.mode[id] == Mode::Implied {
                            self.imply(extendee, element.file);
                        } else {
                            self.add(extendee, file);
                        }
                    }
                    let used = element.refers_to.first().and_then(|t| index.resolve(t));
                    if self.is_excluded(used) {
                        self.mode[id] = Mode::Excluded;
                        continue;
                    }
                    if let Some(used) = used {
                        self.add(used, file);
                    }
                }
            }
            let keeps_field = |field: usize| {
                element
                    .refers_to
                    .get(field)
                    .and_then(|used| index.resolve(used))
                    .is_none_or(|used| self.mode[used] != Mode::Excluded)
            };
            let options = index.options_of(id, &keeps_field);
            self.follow_options(id, options)?;
            self.enclose(element.parent)?;
        }
        Ok(())
    }

    /// Keeps every extension of a kept message, as buf does.
    fn add_extensions_of(&mut self, message: usize) {
        let index = self.index;
        let name = index.elements[message].name.as_str();
        for &extension in index.extensions_of.get(name).into_iter().flatten() {
            self.add(extension, None);
        }
    }

    /// Keeps the messages, services and file around a kept declaration.
    /// The custom options set on them are followed too.
    fn enclose(&mut self, mut parent: Option<usize>) -> Result<()> {
        while let Some(id) = parent {
            let element = &self.index.elements[id];
            if element.kind == Kind::Enum || self.mode[id] != Mode::Unknown {
                break;
            }
            self.mode[id] = Mode::Namespace;
            let own = self
                .index
                .options_set
                .get(&(element.file, element.path.clone()));
            self.follow_options(id, own.cloned().unwrap_or_default())?;
            parent = element.parent;
        }
        Ok(())
    }

    fn keeps(&self, id: usize) -> bool {
        match self.mode[id] {
            Mode::Kept | Mode::Namespace | Mode::Implied => true,
            Mode::Excluded => false,
            Mode::Unknown => !self.has_types,
        }
    }

    /// Whether a field or extension referring to `type_name` stays.
    fn keeps_type(&self, type_name: &str) -> bool {
        self.index
            .resolve(type_name)
            .is_none_or(|id| self.keeps(id))
    }

    /// The filtered image: files in reverse (dependents first) so that an
    /// import is kept exactly when a kept file still imports it.
    fn into_image(self, image: &Image) -> Result<Image> {
        let mut imported: HashSet<String> = HashSet::new();
        let mut files = Vec::new();
        for (i, file) in image.files.iter().enumerate().rev() {
            let is_imported = imported.contains(&file.name);
            if file.is_import && !is_imported {
                continue;
            }
            if !self.keeps(self.index.files[i]) {
                if is_imported {
                    bail!(
                        "{} is filtered out, but a file that is kept imports it without using it: remove that import",
                        file.name
                    );
                }
                continue;
            }
            let kept = match self.rewrite_file(i, file)? {
                None => file.clone(),
                Some(encoded) => ImageFile {
                    name: file.name.clone(),
                    descriptor: FileDescriptorProto::decode(encoded.as_slice())?,
                    encoded,
                    is_import: file.is_import,
                },
            };
            imported.extend(kept.descriptor.dependency.iter().cloned());
            files.push(kept);
        }
        files.reverse();
        Ok(Image { files })
    }
}

/// One field of an encoded message.
struct WireField<'b> {
    tag: u32,
    /// The whole field, key included.
    raw: &'b [u8],
    /// A length-delimited field's content.
    content: &'b [u8],
}

fn wire_fields(mut bytes: &[u8]) -> Result<Vec<WireField<'_>>> {
    let mut fields = Vec::new();
    while bytes.has_remaining() {
        let start = bytes;
        let (tag, wire_type) = decode_key(&mut bytes)?;
        let mut content = bytes;
        skip_field(wire_type, tag, &mut bytes, Default::default())?;
        let raw = &start[..start.len() - bytes.len()];
        let content = if wire_type == WireType::LengthDelimited {
            let _ = decode_varint(&mut content)?;
            &content[..content.len() - bytes.len()]
        } else {
            &[]
        };
        fields.push(WireField { tag, raw, content });
    }
    Ok(fields)
}

fn push_field(tag: u32, content: &[u8], out: &mut Vec<u8>) {
    encode_key(tag, WireType::LengthDelimited, out);
    encode_varint(content.len() as u64, out);
    out.extend_from_slice(content);
}

/// What happens to one entry of a repeated field.
enum Entry {
    Keep,
    Drop,
    /// Kept with this content.
    Replace(Vec<u8>),
}

/// How source code info paths change: a trie over paths whose nodes say
/// an element was removed, moved to another index, or lost its comments.
#[derive(Default)]
struct PathMarks {
    children: HashMap<(usize, i32), usize>,
    /// Per node (0 is the root): removed, new index, comments dropped.
    nodes: Vec<(bool, Option<i32>, bool)>,
}

impl PathMarks {
    fn node(&mut self, path: &[i32]) -> usize {
        if self.nodes.is_empty() {
            self.nodes.push((false, None, false));
        }
        let mut node = 0;
        for &part in path {
            let next = self.nodes.len();
            node = *self.children.entry((node, part)).or_insert(next);
            if node == next {
                self.nodes.push((false, None, false));
            }
        }
        node
    }

    fn remove(&mut self, path: &[i32]) {
        let node = self.node(path);
        self.nodes[node].0 = true;
    }

    fn moved(&mut self, path: &[i32], to: i32) {
        let node = self.node(path);
        self.nodes[node].1 = Some(to);
    }

    fn drop_comments(&mut self, path: &[i32]) {
        let node = self.node(path);
        self.nodes[node].2 = true;
    }

    /// The new path of a location, and whether it keeps its comments;
    /// None when its element was removed.
    fn apply(&self, path: &mut [i32]) -> Option<bool> {
        let mut node = 0;
        let mut comments = true;
        for part in path.iter_mut() {
            let Some(&next) = self.children.get(&(node, *part)) else {
                return Some(true);
            };
            let (removed, to, no_comments) = self.nodes[next];
            if removed {
                return None;
            }
            if let Some(to) = to {
                *part = to;
            }
            node = next;
            comments = !no_comments;
        }
        Some(comments)
    }
}

/// Rebuilds an encoded message from `fields`, deciding each entry of the
/// repeated fields in `lists` with `decide(tag, index)`; marks removed
/// and moved entries under `path`, and removes the location of a list
/// left empty. Returns None when nothing changed.
fn rebuild(
    fields: &[WireField<'_>],
    lists: &[u32],
    path: &[i32],
    marks: &mut PathMarks,
    mut decide: impl FnMut(u32, usize, &[u8], &mut PathMarks) -> Result<Entry>,
) -> Result<Option<Vec<u8>>> {
    let mut out = Vec::new();
    let mut seen: HashMap<u32, usize> = HashMap::new();
    let mut kept: HashMap<u32, usize> = HashMap::new();
    let mut changed = false;
    let mut entry_path = path.to_vec();
    for field in fields {
        if !lists.contains(&field.tag) {
            out.extend_from_slice(field.raw);
            continue;
        }
        let index = seen.entry(field.tag).or_default();
        let new_index = kept.entry(field.tag).or_default();
        entry_path.truncate(path.len());
        entry_path.extend([field.tag as i32, *index as i32]);
        match decide(field.tag, *index, field.content, marks)? {
            Entry::Drop => {
                marks.remove(&entry_path);
                changed = true;
            }
            kept_entry => {
                if *new_index != *index {
                    marks.moved(&entry_path, *new_index as i32);
                }
                match kept_entry {
                    Entry::Replace(content) => {
                        push_field(field.tag, &content, &mut out);
                        changed = true;
                    }
                    _ => out.extend_from_slice(field.raw),
                }
                *new_index += 1;
            }
        }
        *index += 1;
    }
    for &tag in lists {
        if kept.get(&tag).copied().unwrap_or(0) == 0 {
            entry_path.truncate(path.len());
            entry_path.push(tag as i32);
            marks.remove(&entry_path);
        }
    }
    Ok(changed.then_some(out))
}

impl Closure<'_, '_> {
    fn element_at(&self, file: usize, path: &[i32], tag: u32, index: usize) -> Result<usize> {
        let mut at = path.to_vec();
        at.extend([tag as i32, index as i32]);
        match self.index.by_path.get(&(file, at)) {
            Some(&id) => Ok(id),
            None => bail!(
                "{}: a declaration the decoded file does not have",
                self.index.elements[self.index.files[file]].name
            ),
        }
    }

    /// An extension stays when kept and its type too.
    fn keeps_extension(&self, id: usize) -> bool {
        self.keeps(id)
            && self.index.elements[id]
                .refers_to
                .first()
                .is_none_or(|t| self.keeps_type(t))
    }

    /// The file without what the filter removes; None when unchanged.
    fn rewrite_file(&self, file: usize, image_file: &ImageFile) -> Result<Option<Vec<u8>>> {
        let fields = wire_fields(&image_file.encoded)?;
        let mut marks = PathMarks::default();
        let declarations = rebuild(
            &fields,
            &FILE_LISTS,
            &[],
            &mut marks,
            |tag, index, content, marks| {
                let id = self.element_at(file, &[], tag, index)?;
                let path = [tag as i32, index as i32];
                Ok(match tag {
                    _ if !self.keeps(id) => Entry::Drop,
                    FILE_EXTENSION if !self.keeps_extension(id) => Entry::Drop,
                    FILE_MESSAGE => self.rewrite_message(file, id, &path, content, marks)?,
                    FILE_SERVICE => self.rewrite_service(file, &path, content, marks)?,
                    FILE_ENUM => self.strip_part(Owner::Enum, &[], tag, index, content, marks)?,
                    _ => self.strip_part(Owner::Field, &[], tag, index, content, marks)?,
                })
            },
        )?;
        // buf rewrites every file's imports, changed or not.
        let bytes = declarations.as_deref().unwrap_or(&image_file.encoded);
        let imports = self.rewrite_imports(file, &wire_fields(bytes)?, &mut marks)?;
        let bytes = imports
            .as_deref()
            .or(declarations.as_deref())
            .unwrap_or(&image_file.encoded);
        let file_options = self.strip_options(bytes, Owner::File, &[], &mut marks)?;
        let Some(mut encoded) = file_options.or(imports).or(declarations) else {
            return Ok(None);
        };
        let fields = wire_fields(&encoded)?;
        if let Some(info) = fields.iter().find(|f| f.tag == FILE_SOURCE_CODE_INFO) {
            let mut decoded = SourceCodeInfo::decode(info.content)?;
            decoded
                .location
                .retain_mut(|location| match marks.apply(&mut location.path) {
                    None => false,
                    Some(comments) => {
                        if !comments {
                            location.leading_comments = None;
                            location.trailing_comments = None;
                            location.leading_detached_comments.clear();
                        }
                        true
                    }
                });
            let mut rebuilt = Vec::with_capacity(encoded.len());
            for field in &fields {
                if field.tag == FILE_SOURCE_CODE_INFO {
                    push_field(
                        FILE_SOURCE_CODE_INFO,
                        &decoded.encode_to_vec(),
                        &mut rebuilt,
                    );
                } else {
                    rebuilt.extend_from_slice(field.raw);
                }
            }
            encoded = rebuilt;
        }
        Ok(Some(encoded))
    }

    /// The file importing what its kept declarations use: the imports
    /// it had, in their order, then those it reached through a public
    /// import; public imports go (buf's). None when nothing changes.
    fn rewrite_imports(
        &self,
        file: usize,
        fields: &[WireField<'_>],
        marks: &mut PathMarks,
    ) -> Result<Option<Vec<u8>>> {
        let name = |f: usize| self.index.elements[self.index.files[f]].name.as_str();
        let needed: Vec<&str> = self.imports[file].iter().map(|&f| name(f)).collect();
        let original: Vec<&str> = fields
            .iter()
            .filter(|f| f.tag == FILE_DEPENDENCY)
            .map(|f| std::str::from_utf8(f.content))
            .collect::<Result<_, _>>()?;
        let needed_set: HashSet<&str> = needed.iter().copied().collect();
        let original_set: HashSet<&str> = original.iter().copied().collect();
        let mut imports: Vec<&str> = original
            .iter()
            .copied()
            .filter(|dependency| needed_set.contains(dependency))
            .collect();
        let reached = needed.iter().filter(|d| !original_set.contains(*d));
        imports.extend(reached);
        let has_public = fields.iter().any(|f| f.tag == PUBLIC_DEPENDENCY);
        if imports == original && !has_public {
            return Ok(None);
        }
        let mut kept = 0;
        for (index, dependency) in original.iter().enumerate() {
            let path = [FILE_DEPENDENCY as i32, index as i32];
            if needed_set.contains(dependency) {
                if kept != index {
                    marks.moved(&path, kept as i32);
                }
                kept += 1;
            } else {
                marks.remove(&path);
            }
        }
        marks.remove(&[PUBLIC_DEPENDENCY as i32]);
        let mut out = Vec::new();
        let mut written = false;
        for field in fields {
            match field.tag {
                FILE_DEPENDENCY if !written => {
                    for import in &imports {
                        push_field(FILE_DEPENDENCY, import.as_bytes(), &mut out);
                    }
                    written = true;
                }
                FILE_DEPENDENCY | PUBLIC_DEPENDENCY => {}
                _ => out.extend_from_slice(field.raw),
            }
        }
        Ok(Some(out))
    }

    fn rewrite_message(
        &self,
        file: usize,
        id: usize,
        path: &[i32],
        content: &[u8],
        marks: &mut PathMarks,
    ) -> Result<Entry> {
        let namespace_only = self.mode[id] == Mode::Namespace;
        let element = &self.index.elements[id];
        let keeps_field = |index: usize| {
            element
                .refers_to
                .get(index)
                .is_none_or(|used| self.keeps_type(used))
        };
        let oneofs_kept = if namespace_only {
            Vec::new()
        } else {
            self.oneofs_kept(element, &keeps_field)?
        };
        let fields = wire_fields(content)?;
        let rebuilt = rebuild(
            &fields,
            &MESSAGE_LISTS,
            path,
            marks,
            |tag, index, content, marks| {
                if namespace_only && NAMESPACE_ONLY_DROPS.contains(&tag) {
                    return Ok(Entry::Drop);
                }
                Ok(match tag {
                    MESSAGE_FIELD if keeps_field(index) => {
                        self.strip_part(Owner::Field, path, tag, index, content, marks)?
                    }
                    MESSAGE_ONEOF if !oneofs_kept.get(index).is_some_and(|&kept| kept) => {
                        Entry::Drop
                    }
                    MESSAGE_ONEOF => {
                        self.strip_part(Owner::Oneof, path, tag, index, content, marks)?
                    }
                    MESSAGE_EXTENSION_RANGE => {
                        self.strip_part(Owner::ExtensionRange, path, tag, index, content, marks)?
                    }
                    // buf writes the entry without its value, which
                    // plugins reject as an invalid map.
                    MESSAGE_FIELD if element.is_map_entry => bail!(
                        "the filter removes the value type `{}` of map entry `{}`, which is not supported (buf writes the entry without its value, which plugins reject): exclude the map's message too, or keep the type",
                        element.refers_to[index],
                        element.name
                    ),
                    MESSAGE_FIELD => Entry::Drop,
                    MESSAGE_NESTED | MESSAGE_ENUM | MESSAGE_EXTENSION => {
                        let child = self.element_at(file, path, tag, index)?;
                        let mut child_path = path.to_vec();
                        child_path.extend([tag as i32, index as i32]);
                        match tag {
                            _ if !self.keeps(child) => Entry::Drop,
                            MESSAGE_EXTENSION if !self.keeps_extension(child) => Entry::Drop,
                            MESSAGE_NESTED => {
                                self.rewrite_message(file, child, &child_path, content, marks)?
                            }
                            MESSAGE_ENUM => {
                                self.strip_part(Owner::Enum, path, tag, index, content, marks)?
                            }
                            _ => self.strip_part(Owner::Field, path, tag, index, content, marks)?,
                        }
                    }
                    _ => Entry::Keep,
                })
            },
        )?;
        if namespace_only {
            marks.drop_comments(path);
        }
        let bytes = rebuilt.as_deref().unwrap_or(content);
        let stripped = self.strip_options(bytes, Owner::Message, path, marks)?;
        Ok(stripped.or(rebuilt).map_or(Entry::Keep, Entry::Replace))
    }

    /// A kept part (field `tag`, entry `index` of what is at `path`)
    /// without the custom options whose extension is excluded.
    fn strip_part(
        &self,
        owner: Owner,
        path: &[i32],
        tag: u32,
        index: usize,
        content: &[u8],
        marks: &mut PathMarks,
    ) -> Result<Entry> {
        let mut part_path = path.to_vec();
        part_path.extend([tag as i32, index as i32]);
        let stripped = self.strip_options(content, owner, &part_path, marks)?;
        Ok(stripped.map_or(Entry::Keep, Entry::Replace))
    }

    /// `bytes` (an `owner` at `path`) without the custom options whose
    /// extension is excluded, and without options left empty, as buf
    /// removes them; an enum's values too. None when nothing changes.
    fn strip_options(
        &self,
        bytes: &[u8],
        owner: Owner,
        path: &[i32],
        marks: &mut PathMarks,
    ) -> Result<Option<Vec<u8>>> {
        let (options_tag, options_type) = owner.options();
        let excluded = |number: u32| {
            self.index
                .extension_numbers
                .get(&(options_type, number))
                .is_some_and(|&extension| self.mode[extension] == Mode::Excluded)
        };
        let fields = wire_fields(bytes)?;
        let mut out = Vec::with_capacity(bytes.len());
        let mut changed = false;
        let mut values = 0;
        for field in &fields {
            if field.tag == options_tag {
                let mut kept = Vec::new();
                let mut removed = false;
                for option in wire_fields(field.content)? {
                    if option.tag >= FIRST_EXTENSION_NUMBER && excluded(option.tag) {
                        let mut option_path = path.to_vec();
                        option_path.extend([options_tag as i32, option.tag as i32]);
                        marks.remove(&option_path);
                        removed = true;
                    } else {
                        kept.extend_from_slice(option.raw);
                    }
                }
                if !removed {
                    out.extend_from_slice(field.raw);
                    continue;
                }
                changed = true;
                if kept.is_empty() {
                    let mut options_path = path.to_vec();
                    options_path.push(options_tag as i32);
                    marks.remove(&options_path);
                } else {
                    push_field(options_tag, &kept, &mut out);
                }
            } else if let (Owner::Enum, ENUM_VALUE) = (owner, field.tag) {
                let mut value_path = path.to_vec();
                value_path.extend([ENUM_VALUE as i32, values]);
                values += 1;
                match self.strip_options(field.content, Owner::EnumValue, &value_path, marks)? {
                    Some(value) => {
                        push_field(ENUM_VALUE, &value, &mut out);
                        changed = true;
                    }
                    None => out.extend_from_slice(field.raw),
                }
            } else {
                out.extend_from_slice(field.raw);
            }
        }
        Ok(changed.then_some(out))
    }

    /// Which oneofs of a message stay: those with a field left, as in
    /// buf. buf leaves the other fields' `oneof_index` as they were, which
    /// points them at the wrong oneof when an emptied one is followed by
    /// one that stays: that is refused rather than written.
    fn oneofs_kept(
        &self,
        message: &Element<'_>,
        keeps_field: &dyn Fn(usize) -> bool,
    ) -> Result<Vec<bool>> {
        let mut kept = vec![false; message.oneofs.len()];
        for (field, oneof) in message.field_oneofs.iter().enumerate() {
            if let Some(slot) = oneof.and_then(|o| kept.get_mut(o)) {
                *slot |= keeps_field(field);
            }
        }
        let emptied = kept.iter().position(|&k| !k);
        if let Some(emptied) = emptied
            && kept[emptied..].iter().any(|&k| k)
        {
            bail!(
                "the filter removes every field of oneof `{}` in `{}` (for a proto3 optional field, its synthetic oneof), and a later oneof stays: buf then writes stale oneof indexes, so this is not supported; exclude `{}` too, or keep the types its fields use",
                message.oneofs[emptied],
                message.name,
                message.name
            );
        }
        Ok(kept)
    }

    fn rewrite_service(
        &self,
        file: usize,
        path: &[i32],
        content: &[u8],
        marks: &mut PathMarks,
    ) -> Result<Entry> {
        let fields = wire_fields(content)?;
        let rebuilt = rebuild(
            &fields,
            &[SERVICE_METHOD],
            path,
            marks,
            |tag, index, content, marks| {
                let method = self.element_at(file, path, tag, index)?;
                if !self.keeps(method) {
                    return Ok(Entry::Drop);
                }
                self.strip_part(Owner::Method, path, tag, index, content, marks)
            },
        )?;
        let bytes = rebuilt.as_deref().unwrap_or(content);
        let stripped = self.strip_options(bytes, Owner::Service, path, marks)?;
        Ok(stripped.or(rebuilt).map_or(Entry::Keep, Entry::Replace))
    }
}

/// Weak imports are indexes into the imports this renumbers.
fn refuse_what_cannot_be_followed(image: &Image) -> Result<()> {
    if let Some(file) = image
        .files
        .iter()
        .find(|f| !f.descriptor.weak_dependency.is_empty())
    {
        bail!(
            "`types` and `exclude_types` cannot filter {}: it has a weak import (not supported yet)",
            file.name
        );
    }
    Ok(())
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

    fn filter(image: &Image, types: &[&str], exclude_types: &[&str]) -> Result<Image> {
        let names = |names: &[&str]| names.iter().map(|n| n.to_string()).collect();
        let filter = TypeFilter {
            types: names(types),
            exclude_types: names(exclude_types),
        };
        filter_types(image, &filter)
    }

    fn keep(image: &Image, types: &[&str]) -> Result<Image> {
        filter(image, types, &[])
    }

    fn exclude(image: &Image, types: &[&str]) -> Result<Image> {
        filter(image, &[], types)
    }

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
        let pruned = keep(&three_files(), &["acme.v1.Shop"]).unwrap();
        let names: Vec<&str> = pruned.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            ["money.proto", "order.proto"],
            "other.proto holds nothing used"
        );
        assert_eq!(declared(&pruned.files[0]), ["Money"]);
        assert_eq!(declared(&pruned.files[1]), ["Order", "Status", "Shop"]);
        assert_eq!(pruned.files[1].descriptor.dependency, ["money.proto"]);
        // A nested message nothing uses goes, as in buf.
        assert!(
            pruned.files[1].descriptor.message_type[0]
                .nested_type
                .is_empty()
        );
    }

    #[test]
    fn comments_stay_on_their_elements_after_renumbering() {
        let pruned = keep(&three_files(), &["acme.v1.Shop"]).unwrap();
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
        let pruned = keep(&original, &["acme.v1.Money"]).unwrap();
        assert_eq!(pruned.files.len(), 1);
        let money = &pruned.files[0];
        assert_eq!(declared(money), ["Money"]);
        assert_eq!(money.descriptor.package(), "acme.v1");
        assert_eq!(money.descriptor.syntax(), "proto3");
        assert!(!money.is_import);
        // Keeping everything a file declares gives back its exact bytes.
        let all = keep(&original, &["acme.v1.Other"]).unwrap();
        assert_eq!(all.files[0].encoded, original.files[1].encoded);
    }

    #[test]
    fn path_marks_renumber_remove_and_silence() {
        let mut marks = PathMarks::default();
        marks.remove(&[4, 1]);
        marks.moved(&[4, 2], 1);
        marks.drop_comments(&[4, 2]);
        let apply = |path: &[i32]| {
            let mut path = path.to_vec();
            marks.apply(&mut path).map(|comments| (path, comments))
        };
        assert_eq!(apply(&[4, 1, 2, 0]), None, "inside a removed element");
        assert_eq!(apply(&[4, 2]), Some((vec![4, 1], false)));
        assert_eq!(
            apply(&[4, 2, 2, 0]),
            Some((vec![4, 1, 2, 0], true)),
            "comments go only where marked"
        );
        assert_eq!(apply(&[4, 0, 1]), Some((vec![4, 0, 1], true)));
        assert_eq!(apply(&[]), Some((vec![], true)));
    }

    #[test]
    fn unknown_and_dotted_names_are_errors() {
        let image = three_files();
        let unknown = keep(&image, &["acme.v1.Nope"]).unwrap_err();
        assert!(
            unknown
                .to_string()
                .contains("no file of the image declares"),
            "{unknown}"
        );
        let dotted = keep(&image, &[".acme.v1.Order"]).unwrap_err();
        assert!(dotted.to_string().contains("leading dot"), "{dotted}");
        let prefix = keep(&image, &["acme"]).unwrap_err();
        assert!(prefix.to_string().contains("`acme.**`"), "{prefix}");
    }

    #[test]
    fn a_nested_message_keeps_its_parents_as_bare_namespaces() {
        let pruned = keep(&three_files(), &["acme.v1.Order.Line"]).unwrap();
        let order = pruned
            .files
            .iter()
            .find(|f| f.name == "order.proto")
            .unwrap();
        let parent = &order.descriptor.message_type[0];
        assert_eq!(parent.name(), "Order");
        assert!(parent.field.is_empty(), "the namespace loses its fields");
        assert_eq!(parent.nested_type[0].name(), "Line");
        assert_eq!(comment(order, &[4, 0]), None, "and its comment");
        assert_eq!(order.descriptor.dependency, ["money.proto"]);
    }

    #[test]
    fn an_excluded_type_takes_the_fields_using_it() {
        let pruned = exclude(&three_files(), &["acme.v1.Status"]).unwrap();
        let order = &pruned.files[2];
        let fields: Vec<&str> = order.descriptor.message_type[1]
            .field
            .iter()
            .map(|f| f.name())
            .collect();
        assert_eq!(fields, ["total"]);
        assert_eq!(declared(order), ["Lonely", "Order", "Shop"]);
        assert_eq!(
            comment(order, &[4, 1, 2, 0]).as_deref(),
            Some(" Total comment.\n")
        );
        // Every file built stays, and the files untouched keep their bytes.
        assert_eq!(pruned.files.len(), 3);
        assert_eq!(pruned.files[0].encoded, three_files().files[0].encoded);
    }

    #[test]
    fn an_excluded_import_goes_with_its_import_statement() {
        let pruned = exclude(&three_files(), &["acme.v1.Other"]).unwrap();
        let names: Vec<&str> = pruned.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["money.proto", "other.proto", "order.proto"]);
        assert!(
            declared(&pruned.files[1]).is_empty(),
            "a built file stays, empty"
        );
        assert_eq!(pruned.files[2].descriptor.dependency, ["money.proto"]);
        assert_eq!(declared(&pruned.files[2])[0], "Lonely");
    }

    #[test]
    fn a_method_whose_message_is_excluded_is_an_error() {
        let error = exclude(&three_files(), &["acme.v1.Order"]).unwrap_err();
        assert!(
            error.to_string().contains("method `acme.v1.Shop.Get`"),
            "{error}"
        );
        // Excluding the method too is what the error says to do.
        let pruned = exclude(&three_files(), &["acme.v1.Order", "acme.v1.Shop.Get"]).unwrap();
        assert_eq!(declared(&pruned.files[2]), ["Lonely", "Status", "Shop"]);
        assert!(pruned.files[2].descriptor.service[0].method.is_empty());
    }

    #[test]
    fn an_emptied_oneof_goes_unless_a_later_one_stays() {
        let text = "syntax = \"proto3\";\npackage p;\nmessage Tip {}\nmessage Bill {\n  oneof pay { string card = 1; }\n  optional Tip tip = 2;\n  int32 n = 3;\n}\n";
        let first = image(&[("bill.proto", text)]);
        let pruned = exclude(&first, &["p.Tip"]).unwrap();
        let bill = &pruned.files[0].descriptor.message_type[0];
        let oneofs: Vec<&str> = bill.oneof_decl.iter().map(|o| o.name()).collect();
        assert_eq!(
            oneofs,
            ["pay"],
            "the synthetic oneof `_tip` goes with its field"
        );
        // buf leaves `oneof_index` as it was: emptying `pay` while `_tip`
        // stays would point `tip` at nothing.
        let text = text
            .replace("string card", "Tip card")
            .replace("optional Tip", "optional int32");
        let image = image(&[("bill.proto", &text)]);
        let error = exclude(&image, &["p.Tip"]).unwrap_err();
        assert!(
            error.to_string().contains("oneof `pay` in `p.Bill`"),
            "{error}"
        );
        // Excluding the message holding it is what the error suggests.
        let pruned = exclude(&image, &["p.Tip", "p.Bill"]).unwrap();
        assert!(declared(&pruned.files[0]).is_empty());
    }

    #[test]
    fn removing_a_map_value_type_is_refused() {
        let text = "syntax = \"proto3\";\npackage p;\nmessage Tip {}\nmessage Bill { map<string, Tip> tips = 1; }\n";
        let image = image(&[("bill.proto", text)]);
        let error = exclude(&image, &["p.Tip"]).unwrap_err();
        assert!(
            error.to_string().contains("map entry `p.Bill.TipsEntry`"),
            "{error}"
        );
        // Excluding the entry too removes the map field whole.
        let pruned = exclude(&image, &["p.Tip", "p.Bill.TipsEntry"]).unwrap();
        assert!(pruned.files[0].descriptor.message_type[0].field.is_empty());
    }

    #[test]
    fn imports_are_what_is_used_public_ones_made_plain() {
        let b = "syntax = \"proto3\";\npackage b;\nmessage B {}\nmessage Other {}\n";
        let a = "syntax = \"proto3\";\npackage a;\nimport public \"b.proto\";\nmessage A {}\n";
        let c = "syntax = \"proto3\";\npackage c;\nimport \"a.proto\";\nimport \"b.proto\";\nmessage C { b.B b = 1; }\n";
        let x = "syntax = \"proto3\";\npackage x;\nimport \"a.proto\";\nmessage X {}\n";
        let image = image(&[
            ("b.proto", b),
            ("a.proto", a),
            ("c.proto", c),
            ("x.proto", x),
        ]);
        let pruned = exclude(&image, &["b.Other"]).unwrap();
        let file = |name: &str| pruned.files.iter().find(|f| f.name == name).unwrap();
        assert!(file("a.proto").descriptor.public_dependency.is_empty());
        assert!(
            file("a.proto").descriptor.dependency.is_empty(),
            "A uses nothing of b.proto"
        );
        assert_eq!(file("c.proto").descriptor.dependency, ["b.proto"]);
        assert!(
            file("x.proto").descriptor.dependency.is_empty(),
            "an unused import goes"
        );
        // A file whose imports are all used keeps its bytes.
        let kept = exclude(&image, &["x.X"]).unwrap();
        assert_eq!(kept.files[0].encoded, image.files[0].encoded);
    }

    #[test]
    fn keeping_what_is_excluded_is_an_error() {
        let error =
            filter(&three_files(), &["acme.v1.Order.Line"], &["acme.v1.Order"]).unwrap_err();
        assert!(
            error.to_string().contains("`exclude_types` excludes"),
            "{error}"
        );
    }

    #[test]
    fn packages_are_filtered_whole() {
        let image = image(&[
            (
                "a/one.proto",
                "syntax = \"proto3\";\npackage a;\nmessage One {}\n",
            ),
            (
                "a/b/two.proto",
                "syntax = \"proto3\";\npackage a.b;\nmessage Two {}\n",
            ),
        ]);
        let names =
            |image: &Image| -> Vec<String> { image.files.iter().map(|f| f.name.clone()).collect() };
        assert_eq!(names(&keep(&image, &["a.b"]).unwrap()), ["a/b/two.proto"]);
        assert_eq!(names(&keep(&image, &["a.**"]).unwrap()).len(), 2);
        assert_eq!(names(&exclude(&image, &["a.b"]).unwrap()), ["a/one.proto"]);
        assert!(exclude(&image, &["a.**"]).unwrap().files.is_empty());
    }

    #[test]
    fn a_long_chain_of_uses_is_followed_without_recursion() {
        let count = 3000;
        let mut text = String::from("syntax = \"proto3\";\npackage deep;\n");
        for i in 0..count {
            text.push_str(&format!("message M{i} {{ M{} next = 1; }}\n", i + 1));
        }
        text.push_str(&format!("message M{count} {{}}\nmessage Spare {{}}\n"));
        let image = image(&[("deep.proto", &text)]);
        let pruned = keep(&image, &["deep.M0"]).unwrap();
        assert_eq!(pruned.files[0].descriptor.message_type.len(), count + 1);
    }

    #[test]
    fn custom_options_bring_their_extensions_along() {
        let options = "syntax = \"proto3\";\npackage o;\nimport \"google/protobuf/descriptor.proto\";\nmessage Tag { string v = 1; }\nextend google.protobuf.MessageOptions { Tag tag = 50000; }\nextend google.protobuf.FieldOptions { string unit = 50001; }\nextend google.protobuf.FileOptions { string owner = 50002; }\n";
        let tagged = "syntax = \"proto3\";\npackage a;\nimport \"o.proto\";\noption (o.owner) = \"me\";\nmessage Tagged { option (o.tag) = {v: \"x\"}; }\nmessage Plain { int32 n = 1 [(o.unit) = \"s\"]; }\n";
        let image = image(&[("o.proto", options), ("a.proto", tagged)]);
        let extensions = |image: &Image| -> Vec<String> {
            let o = image.files.iter().find(|f| f.name == "o.proto").unwrap();
            o.descriptor
                .extension
                .iter()
                .map(|x| x.name().to_string())
                .collect()
        };
        let pruned = keep(&image, &["a.Tagged"]).unwrap();
        assert_eq!(
            extensions(&pruned),
            ["tag", "owner"],
            "the field option is not set on what is kept"
        );
        let o = pruned.files.iter().find(|f| f.name == "o.proto").unwrap();
        assert_eq!(declared(o), ["Tag"]);
        let a = pruned.files.iter().find(|f| f.name == "a.proto").unwrap();
        assert_eq!(a.descriptor.dependency, ["o.proto"]);
        let pruned = keep(&image, &["a.Plain"]).unwrap();
        assert_eq!(extensions(&pruned), ["unit", "owner"]);
        // An excluded option is removed from what it is set on, and the
        // options left empty go with their source location.
        let pruned = exclude(&image, &["o.Tag", "o.unit"]).unwrap();
        let a = pruned.files.iter().find(|f| f.name == "a.proto").unwrap();
        let message = |name: &str| {
            let d = &a.descriptor;
            d.message_type
                .iter()
                .find(|m| m.name() == name)
                .unwrap()
                .clone()
        };
        assert!(message("Tagged").options.is_none());
        assert!(message("Plain").field[0].options.is_none());
        assert!(a.descriptor.options.is_some(), "the file option stays");
        let info = a.descriptor.source_code_info.as_ref().unwrap();
        assert!(
            info.location
                .iter()
                .all(|l| !l.path.starts_with(&[4, 0, 7]))
        );
        assert_eq!(extensions(&pruned), ["owner"]);
    }
}
