//! Managed mode (`managed:` in buf.gen.yaml v2): file options computed
//! from each file's package and path instead of written into every
//! `.proto` file, with buf's defaults and rules.
//!
//! The options are set on the descriptors handed to plugins, never on
//! the files on disk. Every file of the image is managed (imports too,
//! since generators read their imports' options, `go_package` above
//! all), except the well-known types. Descriptors stay the compiler's
//! bytes: only the options message and the source locations of the
//! options that changed are rewritten at the wire level, so custom
//! options and fields newer than prost-types survive.
//!
//! Rules, as buf applies them: `disable` wins over `override`; among
//! matching overrides the last one wins; a `*_prefix`/`*_suffix`
//! override combines with the computed value, a plain override replaces
//! it; an option already holding the resulting value is left alone.

use anyhow::{Context as _, bail};
use prost::Message as _;
use prost::bytes::Buf as _;
use prost::encoding::{WireType, decode_key, decode_varint, encode_key, encode_varint};
use prost_types::{FileDescriptorProto, FileOptions, SourceCodeInfo};

use crate::error::Result;
use crate::protobuild::compile::Image;
use crate::protobuild::version::has_version;
use crate::protobuild::yaml_keys::Problems;
use crate::yaml::{Node, Value};

/// A file option managed mode can set, or a prefix/suffix that shapes
/// one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileOption {
    JavaPackage,
    JavaPackagePrefix,
    JavaPackageSuffix,
    JavaOuterClassname,
    JavaMultipleFiles,
    JavaStringCheckUtf8,
    GoPackage,
    GoPackagePrefix,
    OptimizeFor,
    CsharpNamespace,
    CsharpNamespacePrefix,
    ObjcClassPrefix,
    PhpNamespace,
    PhpMetadataNamespace,
    PhpMetadataNamespaceSuffix,
    RubyPackage,
    RubyPackageSuffix,
    CcEnableArenas,
}

/// The names buf.gen.yaml uses, in buf's documentation order.
const OPTION_NAMES: &[(FileOption, &str)] = &[
    (FileOption::JavaPackage, "java_package"),
    (FileOption::JavaPackagePrefix, "java_package_prefix"),
    (FileOption::JavaPackageSuffix, "java_package_suffix"),
    (FileOption::JavaOuterClassname, "java_outer_classname"),
    (FileOption::JavaMultipleFiles, "java_multiple_files"),
    (FileOption::JavaStringCheckUtf8, "java_string_check_utf8"),
    (FileOption::GoPackage, "go_package"),
    (FileOption::GoPackagePrefix, "go_package_prefix"),
    (FileOption::OptimizeFor, "optimize_for"),
    (FileOption::CsharpNamespace, "csharp_namespace"),
    (FileOption::CsharpNamespacePrefix, "csharp_namespace_prefix"),
    (FileOption::ObjcClassPrefix, "objc_class_prefix"),
    (FileOption::PhpNamespace, "php_namespace"),
    (FileOption::PhpMetadataNamespace, "php_metadata_namespace"),
    (
        FileOption::PhpMetadataNamespaceSuffix,
        "php_metadata_namespace_suffix",
    ),
    (FileOption::RubyPackage, "ruby_package"),
    (FileOption::RubyPackageSuffix, "ruby_package_suffix"),
    (FileOption::CcEnableArenas, "cc_enable_arenas"),
];

/// `FileOptions.OptimizeMode` by name.
const OPTIMIZE_MODES: &[(&str, i32)] = &[("SPEED", 1), ("CODE_SIZE", 2), ("LITE_RUNTIME", 3)];

impl FileOption {
    pub fn name(self) -> &'static str {
        OPTION_NAMES
            .iter()
            .find(|(option, _)| *option == self)
            .map(|(_, name)| *name)
            .expect("every option is named")
    }

    fn from_name(name: &str) -> Option<FileOption> {
        OPTION_NAMES
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(option, _)| *option)
    }
}

/// What an override sets: its type follows the option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionValue {
    Text(String),
    Flag(bool),
    /// An `OptimizeMode` number.
    Mode(i32),
}

/// Which files a rule applies to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// A Buf Schema Registry module name. `gen` reads no named modules,
    /// so such a rule matches no file, as in buf for unnamed modules.
    pub module: Option<String>,
    /// An import path: the file itself, or a directory holding it.
    pub path: Option<String>,
}

impl Scope {
    fn matches(&self, file: &str) -> bool {
        if self.module.is_some() {
            return false;
        }
        match self.path.as_deref().map(|p| p.trim_end_matches('/')) {
            None | Some("" | ".") => true,
            Some(path) => {
                file == path
                    || (file.starts_with(path) && file.as_bytes().get(path.len()) == Some(&b'/'))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disable {
    pub scope: Scope,
    /// `None`: every option.
    pub option: Option<FileOption>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub scope: Scope,
    pub option: FileOption,
    pub value: OptionValue,
}

/// The `managed:` block of a template.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Managed {
    pub enabled: bool,
    pub disable: Vec<Disable>,
    pub overrides: Vec<Override>,
}

impl Managed {
    /// Warnings about rules that do nothing: rules without `enabled:
    /// true` (buf warns too), and rules scoped to a `module`, which match
    /// no file since `gen` reads no named Buf Schema Registry module.
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        let has_rules = !self.disable.is_empty() || !self.overrides.is_empty();
        if !self.enabled && has_rules {
            warnings.push(
                "managed mode has `disable`/`override` rules but not `enabled: true`: they do nothing"
                    .to_string(),
            );
        }
        let modules = self
            .disable
            .iter()
            .map(|d| &d.scope)
            .chain(self.overrides.iter().map(|o| &o.scope))
            .filter_map(|scope| scope.module.as_deref());
        for module in modules {
            warnings.push(format!(
                "managed mode: the rule for `module: {}` applies to no file (gen reads no Buf Schema Registry module); scope it with `path`",
                crate::escape::escape_control(module)
            ));
        }
        warnings
    }

    fn disabled(&self, file: &str, option: FileOption) -> bool {
        self.disable
            .iter()
            .any(|d| d.option.is_none_or(|o| o == option) && d.scope.matches(file))
    }

    fn overrides_for<'m>(&'m self, file: &'m str) -> impl Iterator<Item = &'m Override> + 'm {
        self.overrides.iter().filter(|o| o.scope.matches(file))
    }
}

/// Reads the `managed:` block; problems go to `problems`.
pub(super) fn parse(node: &Node, problems: &mut Problems<'_>) -> Managed {
    let mut managed = Managed::default();
    for (key, value) in problems.entries(node, "managed", &["enabled", "disable", "override"]) {
        match key {
            "enabled" => managed.enabled = problems.bool(value, "enabled").unwrap_or(false),
            "disable" => {
                for item in value.as_seq() {
                    if let Some(rule) = disable_rule(item, problems) {
                        managed.disable.push(rule);
                    }
                }
            }
            _ => {
                for item in value.as_seq() {
                    if let Some(rule) = override_rule(item, problems) {
                        managed.overrides.push(rule);
                    }
                }
            }
        }
    }
    managed
}

const RULE_KEYS: &[&str] = &[
    "module",
    "path",
    "file_option",
    "field_option",
    "field",
    "value",
];

/// The scope and option keys shared by both rule kinds.
fn rule_parts(
    node: &Node,
    what: &str,
    problems: &mut Problems<'_>,
) -> (Scope, Option<FileOption>, Option<Node>, bool) {
    let mut scope = Scope::default();
    let mut option = None;
    let mut value = None;
    let mut ok = true;
    for (key, item) in problems.entries(node, what, RULE_KEYS) {
        match key {
            "module" => scope.module = problems.string(item, "module"),
            "path" => scope.path = problems.string(item, "path"),
            "file_option" => match item.as_str().and_then(FileOption::from_name) {
                Some(found) => option = Some(found),
                None => {
                    let names: Vec<&str> = OPTION_NAMES.iter().map(|(_, n)| *n).collect();
                    let d = problems.error(
                        item,
                        format!("unknown file option `{}`", item.as_str().unwrap_or("?")),
                    );
                    d.help = Some(format!("managed mode sets {}", names.join(", ")));
                    ok = false;
                }
            },
            "field_option" | "field" => {
                problems.error(
                    item,
                    "field options (`jstype`) are not supported in managed mode yet: set them in the .proto files",
                );
                ok = false;
            }
            _ => value = Some(item.clone()),
        }
    }
    (scope, option, value, ok)
}

fn disable_rule(node: &Node, problems: &mut Problems<'_>) -> Option<Disable> {
    let (scope, option, value, ok) = rule_parts(node, "a `disable` rule", problems);
    if let Some(value) = value {
        problems.error(&value, "a `disable` rule takes no `value`");
        return None;
    }
    if ok && option.is_none() && scope == Scope::default() {
        problems.error(
            node,
            "a `disable` rule needs at least one of `module`, `path` or `file_option`",
        );
        return None;
    }
    ok.then_some(Disable { scope, option })
}

fn override_rule(node: &Node, problems: &mut Problems<'_>) -> Option<Override> {
    let (scope, option, value, ok) = rule_parts(node, "an `override` rule", problems);
    if !ok {
        return None;
    }
    let Some(option) = option else {
        problems.error(node, "an `override` rule needs a `file_option`");
        return None;
    };
    let Some(value) = value else {
        problems.error(
            node,
            format!("the `{}` override needs a `value`", option.name()),
        );
        return None;
    };
    let parsed = match (option, &value.value) {
        (
            FileOption::JavaMultipleFiles
            | FileOption::JavaStringCheckUtf8
            | FileOption::CcEnableArenas,
            Value::Bool(flag),
        ) => Some(OptionValue::Flag(*flag)),
        (FileOption::OptimizeFor, Value::String(mode)) => OPTIMIZE_MODES
            .iter()
            .find(|(name, _)| name == mode)
            .map(|(_, number)| OptionValue::Mode(*number)),
        (
            FileOption::JavaMultipleFiles
            | FileOption::JavaStringCheckUtf8
            | FileOption::CcEnableArenas
            | FileOption::OptimizeFor,
            _,
        ) => None,
        (_, Value::String(text)) => Some(OptionValue::Text(text.to_string())),
        _ => None,
    };
    if parsed.is_none() {
        let expected = match option {
            FileOption::JavaMultipleFiles
            | FileOption::JavaStringCheckUtf8
            | FileOption::CcEnableArenas => "true or false",
            FileOption::OptimizeFor => "SPEED, CODE_SIZE or LITE_RUNTIME",
            _ => "a string",
        };
        problems.error(&value, format!("`{}` takes {expected}", option.name()));
    }
    parsed.map(|value| Override {
        scope,
        option,
        value,
    })
}

/// What a managed option is computed from, as buf keeps it: a whole
/// value, or a prefix and suffix around the computed one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Parts {
    value: String,
    prefix: String,
    suffix: String,
}

/// One string option: its options-message field, the options that
/// shape it and how its value is computed.
struct TextOption {
    option: FileOption,
    field: u32,
    prefix: Option<FileOption>,
    suffix: Option<FileOption>,
    /// The parts before any override.
    default: fn(&FileFacts) -> Parts,
    /// The value from a prefix and/or suffix.
    compute: fn(&FileFacts, &Parts) -> String,
    current: fn(&FileOptions) -> &str,
}

/// A boolean or enum option: its field, the value managed mode gives
/// it, and its current value (the proto default when unset).
struct NumberOption {
    option: FileOption,
    field: u32,
    default: OptionValue,
    current: fn(&FileOptions) -> OptionValue,
}

/// What the computed values depend on.
struct FileFacts<'f> {
    /// The import path.
    name: &'f str,
    package: &'f str,
}

fn whole(value: String) -> Parts {
    Parts {
        value,
        ..Parts::default()
    }
}

const TEXT_OPTIONS: &[TextOption] = &[
    TextOption {
        option: FileOption::CsharpNamespace,
        field: 37,
        prefix: Some(FileOption::CsharpNamespacePrefix),
        suffix: None,
        default: |f| whole(pascal_parts(f.package, ".")),
        compute: |f, parts| join_nonempty(&[&parts.prefix, &pascal_parts(f.package, ".")], "."),
        current: FileOptions::csharp_namespace,
    },
    TextOption {
        option: FileOption::GoPackage,
        field: 11,
        prefix: Some(FileOption::GoPackagePrefix),
        suffix: None,
        default: |_| Parts::default(),
        compute: |f, parts| {
            if parts.prefix.is_empty() {
                String::new()
            } else {
                go_import_path(f, &parts.prefix)
            }
        },
        current: FileOptions::go_package,
    },
    TextOption {
        option: FileOption::JavaOuterClassname,
        field: 8,
        prefix: None,
        suffix: None,
        default: |f| whole(outer_classname(f.name)),
        compute: |f, _| outer_classname(f.name),
        current: FileOptions::java_outer_classname,
    },
    TextOption {
        option: FileOption::JavaPackage,
        field: 1,
        prefix: Some(FileOption::JavaPackagePrefix),
        suffix: Some(FileOption::JavaPackageSuffix),
        default: |_| Parts {
            prefix: "com".into(),
            ..Parts::default()
        },
        compute: |f, parts| {
            if f.package.is_empty() {
                String::new()
            } else {
                join_nonempty(&[&parts.prefix, f.package, &parts.suffix], ".")
            }
        },
        current: FileOptions::java_package,
    },
    TextOption {
        option: FileOption::ObjcClassPrefix,
        field: 36,
        prefix: None,
        suffix: None,
        default: |f| whole(objc_prefix(f.package)),
        compute: |f, _| objc_prefix(f.package),
        current: FileOptions::objc_class_prefix,
    },
    TextOption {
        option: FileOption::PhpMetadataNamespace,
        field: 44,
        prefix: None,
        suffix: Some(FileOption::PhpMetadataNamespaceSuffix),
        default: |f| {
            let namespace = php_namespace(f.package);
            if namespace.is_empty() {
                Parts::default()
            } else {
                whole(format!("{namespace}\\GPBMetadata"))
            }
        },
        compute: |f, parts| {
            let namespace = php_namespace(f.package);
            if namespace.is_empty() {
                namespace
            } else {
                join_nonempty(&[&namespace, &parts.suffix], "\\")
            }
        },
        current: FileOptions::php_metadata_namespace,
    },
    TextOption {
        option: FileOption::PhpNamespace,
        field: 41,
        prefix: None,
        suffix: None,
        default: |f| whole(php_namespace(f.package)),
        compute: |f, _| php_namespace(f.package),
        current: FileOptions::php_namespace,
    },
    TextOption {
        option: FileOption::RubyPackage,
        field: 45,
        prefix: None,
        suffix: Some(FileOption::RubyPackageSuffix),
        default: |f| whole(pascal_parts(f.package, "::")),
        compute: |f, parts| {
            let package = pascal_parts(f.package, "::");
            if package.is_empty() {
                package
            } else {
                join_nonempty(&[&package, &parts.suffix], "::")
            }
        },
        current: FileOptions::ruby_package,
    },
];

const NUMBER_OPTIONS: &[NumberOption] = &[
    NumberOption {
        option: FileOption::CcEnableArenas,
        field: 31,
        default: OptionValue::Flag(true),
        current: |o| OptionValue::Flag(o.cc_enable_arenas()),
    },
    NumberOption {
        option: FileOption::JavaMultipleFiles,
        field: 10,
        default: OptionValue::Flag(true),
        current: |o| OptionValue::Flag(o.java_multiple_files()),
    },
    NumberOption {
        option: FileOption::JavaStringCheckUtf8,
        field: 27,
        default: OptionValue::Flag(false),
        current: |o| OptionValue::Flag(o.java_string_check_utf8()),
    },
    NumberOption {
        option: FileOption::OptimizeFor,
        field: 9,
        default: OptionValue::Mode(1),
        current: |o| OptionValue::Mode(o.optimize_for() as i32),
    },
];

/// Applies managed mode to every file of `image` but the well-known
/// types; returns how many files changed.
pub fn apply(managed: &Managed, image: &mut Image) -> Result<usize> {
    if !managed.enabled {
        return Ok(0);
    }
    let mut changed = 0;
    for file in &mut image.files {
        if file.name.starts_with("google/protobuf/") {
            continue;
        }
        let settings = settings_for(managed, &file.descriptor);
        if settings.is_empty() {
            continue;
        }
        file.encoded = rewrite(&file.encoded, &settings)
            .with_context(|| format!("managed mode: {}", file.name))?;
        file.descriptor = FileDescriptorProto::decode(file.encoded.as_slice())
            .context("re-reading a managed descriptor")?;
        changed += 1;
    }
    Ok(changed)
}

/// The options fields to set on one file, by field number.
fn settings_for(managed: &Managed, descriptor: &FileDescriptorProto) -> Vec<(u32, OptionValue)> {
    let facts = FileFacts {
        name: descriptor.name(),
        package: descriptor.package(),
    };
    let empty = FileOptions::default();
    let options = descriptor.options.as_ref().unwrap_or(&empty);
    let mut settings = Vec::new();
    for spec in TEXT_OPTIONS {
        if let Some(value) = text_value(managed, spec, &facts)
            && (spec.current)(options) != value
        {
            settings.push((spec.field, OptionValue::Text(value)));
        }
    }
    for spec in NUMBER_OPTIONS {
        if managed.disabled(facts.name, spec.option) {
            continue;
        }
        let value = managed
            .overrides_for(facts.name)
            .filter(|o| o.option == spec.option)
            .last()
            .map_or_else(|| spec.default.clone(), |o| o.value.clone());
        if (spec.current)(options) != value {
            settings.push((spec.field, value));
        }
    }
    settings.sort_by_key(|(field, _)| *field);
    settings
}

/// The value a string option gets, or `None` to leave it alone.
fn text_value(managed: &Managed, spec: &TextOption, facts: &FileFacts<'_>) -> Option<String> {
    if managed.disabled(facts.name, spec.option) {
        return None;
    }
    let ignored = |o: Option<FileOption>| o.is_none_or(|o| managed.disabled(facts.name, o));
    let (ignore_prefix, ignore_suffix) = (ignored(spec.prefix), ignored(spec.suffix));
    let mut parts = (spec.default)(facts);
    if ignore_prefix {
        parts.prefix.clear();
    }
    if ignore_suffix {
        parts.suffix.clear();
    }
    for rule in managed.overrides_for(facts.name) {
        let OptionValue::Text(text) = &rule.value else {
            continue;
        };
        if rule.option == spec.option {
            parts = whole(text.clone());
        } else if Some(rule.option) == spec.prefix && !ignore_prefix {
            parts = Parts {
                prefix: text.clone(),
                suffix: std::mem::take(&mut parts.suffix),
                value: String::new(),
            };
        } else if Some(rule.option) == spec.suffix && !ignore_suffix {
            parts = Parts {
                prefix: std::mem::take(&mut parts.prefix),
                suffix: text.clone(),
                value: String::new(),
            };
        }
    }
    if parts == Parts::default() {
        return None;
    }
    let value = if parts.value.is_empty() {
        (spec.compute)(facts, &parts)
    } else {
        parts.value
    };
    (!value.is_empty()).then_some(value)
}

fn join_nonempty(parts: &[&str], separator: &str) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(separator)
}

/// buf's PascalCase: words split at `.`, `-`, `_` and whitespace, each
/// word's first letter raised, other letters lowered unless already
/// upper case (`foo_barBaz.proto` is `FooBarBazProto`).
fn pascal(text: &str) -> String {
    let delimiter = |c: char| matches!(c, '.' | '-' | '_' | ' ' | '\t' | '\n' | '\r');
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    for c in text.trim().chars() {
        if !delimiter(c) {
            if previous.is_none_or(delimiter) || c.is_uppercase() {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
        previous = Some(c);
    }
    out
}

/// Each package part in PascalCase, joined (`acme.weather.v1` gives
/// `Acme.Weather.V1` or `Acme::Weather::V1`).
fn pascal_parts(package: &str, separator: &str) -> String {
    if package.is_empty() {
        return String::new();
    }
    package
        .split('.')
        .map(pascal)
        .collect::<Vec<_>>()
        .join(separator)
}

/// `Outer` class of a file: its base name in PascalCase
/// (`acme/v1/weather_service.proto` gives `WeatherServiceProto`).
fn outer_classname(name: &str) -> String {
    pascal(name.rsplit('/').next().unwrap_or(name))
}

/// The PHP namespace: PascalCase parts joined with `\`, a part that is a
/// PHP reserved word getting a `_` (`acme.class.v1` gives `Acme\Class_\V1`).
fn php_namespace(package: &str) -> String {
    if package.is_empty() {
        return String::new();
    }
    package
        .split('.')
        .map(|part| {
            let mut out = pascal(part);
            if PHP_RESERVED
                .split_whitespace()
                .any(|word| word == part.to_lowercase())
            {
                out.push('_');
            }
            out
        })
        .collect::<Vec<_>>()
        .join("\\")
}

/// Words protoc's PHP generator and buf avoid in namespaces: PHP's
/// keywords and reserved class names.
const PHP_RESERVED: &str = "abstract and arithmeticerror array as assertionerror bool break callable case \
     catch class clone closure const continue declare default die directory \
     divisionbyzeroerror do echo else elseif empty enddeclare endfor endforeach endif \
     endswitch endwhile error errorexception eval exception exit extends false final \
     finally float fn for foreach function generator global goto if implements \
     include include_once instanceof insteadof int interface isset iterable list \
     match namespace new null or parseerror print private protected public require \
     require_once return static string switch throw throwable trait true try \
     typeerror unset use var void while xor yield";

/// The Objective-C class prefix: the upper-cased initials of the
/// package parts (the version part left out), padded with `X` to three
/// letters; `GPB` is protobuf's own, so it becomes `GPX`.
fn objc_prefix(package: &str) -> String {
    if package.is_empty() {
        return String::new();
    }
    let versioned = has_version(package);
    let parts: Vec<&str> = package.split('.').collect();
    let mut prefix: String = parts
        .iter()
        .enumerate()
        .filter(|(i, _)| !(versioned && *i == parts.len() - 1))
        .filter_map(|(_, part)| part.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    while prefix.chars().count() < 3 {
        prefix.push('X');
    }
    if prefix == "GPB" {
        prefix = "GPX".into();
    }
    prefix
}

/// `go_package` under a prefix: the prefix joined with the file's
/// directory, plus `;<last two package parts>` for a versioned package
/// (`acme/weather/v1/w.proto` in `acme.weather.v1` under `example.com/gen`
/// gives `example.com/gen/acme/weather/v1;weatherv1`).
fn go_import_path(facts: &FileFacts<'_>, prefix: &str) -> String {
    let directory = facts.name.rsplit_once('/').map_or("", |(dir, _)| dir);
    let mut path = clean_path(&format!("{prefix}/{directory}"));
    if has_version(facts.package) {
        let parts: Vec<&str> = facts.package.split('.').collect();
        path.push(';');
        path.push_str(parts[parts.len() - 2]);
        path.push_str(parts[parts.len() - 1]);
    }
    path
}

/// A `/` path without empty or `.` parts and with `..` resolved, as Go's
/// `path.Join` leaves it.
fn clean_path(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    match (path.starts_with('/'), joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

/// One field of an encoded message: its number and its whole record.
struct Record<'b> {
    number: u32,
    wire_type: WireType,
    /// The payload of a length-delimited field.
    payload: &'b [u8],
    bytes: &'b [u8],
}

/// Splits an encoded message into its fields, in order.
fn records(mut bytes: &[u8]) -> Result<Vec<Record<'_>>> {
    let mut found = Vec::new();
    while !bytes.is_empty() {
        let start = bytes;
        let mut cursor = bytes;
        let (number, wire_type) = decode_key(&mut cursor).context("a malformed descriptor")?;
        let payload = match wire_type {
            WireType::Varint => {
                decode_varint(&mut cursor).context("a malformed descriptor")?;
                &[][..]
            }
            WireType::SixtyFourBit | WireType::ThirtyTwoBit => {
                let size = if wire_type == WireType::SixtyFourBit {
                    8
                } else {
                    4
                };
                if cursor.len() < size {
                    bail!("a truncated descriptor");
                }
                cursor.advance(size);
                &[][..]
            }
            WireType::LengthDelimited => {
                let length = usize::try_from(decode_varint(&mut cursor)?)?;
                if cursor.len() < length {
                    bail!("a truncated descriptor");
                }
                let payload = &cursor[..length];
                cursor.advance(length);
                payload
            }
            WireType::StartGroup | WireType::EndGroup => {
                bail!("a descriptor with a group field, which no compiler writes")
            }
        };
        let used = start.len() - cursor.len();
        found.push(Record {
            number,
            wire_type,
            payload,
            bytes: &start[..used],
        });
        bytes = cursor;
    }
    Ok(found)
}

/// `FileDescriptorProto` fields rewritten here.
const OPTIONS_FIELD: u32 = 8;
const SOURCE_CODE_INFO_FIELD: u32 = 9;

/// The encoded descriptor with `settings` applied to its options and the
/// source locations of the changed options removed (with the `option`
/// statement's location before each, as buf sweeps them).
fn rewrite(encoded: &[u8], settings: &[(u32, OptionValue)]) -> Result<Vec<u8>> {
    let fields = records(encoded)?;
    let merged = |number: u32| -> Vec<u8> {
        fields
            .iter()
            .filter(|r| r.number == number && r.wire_type == WireType::LengthDelimited)
            .flat_map(|r| r.payload.iter().copied())
            .collect()
    };
    let options = new_options(&merged(OPTIONS_FIELD), settings)?;
    let has_source_info = fields.iter().any(|r| r.number == SOURCE_CODE_INFO_FIELD);
    let source_info = if has_source_info {
        let mut info = SourceCodeInfo::decode(merged(SOURCE_CODE_INFO_FIELD).as_slice())
            .context("a malformed SourceCodeInfo")?;
        sweep(&mut info, settings);
        Some(info.encode_to_vec())
    } else {
        None
    };
    let mut out = Vec::with_capacity(encoded.len() + 128);
    let mut options_written = false;
    let mut source_info_written = false;
    let write = |out: &mut Vec<u8>, number: u32, payload: &[u8]| {
        encode_key(number, WireType::LengthDelimited, out);
        encode_varint(payload.len() as u64, out);
        out.extend_from_slice(payload);
    };
    for record in &fields {
        if record.number > OPTIONS_FIELD && !options_written {
            write(&mut out, OPTIONS_FIELD, &options);
            options_written = true;
        }
        match record.number {
            OPTIONS_FIELD => {}
            SOURCE_CODE_INFO_FIELD => {
                if !source_info_written && let Some(info) = &source_info {
                    write(&mut out, SOURCE_CODE_INFO_FIELD, info);
                    source_info_written = true;
                }
            }
            _ => out.extend_from_slice(record.bytes),
        }
    }
    if !options_written {
        write(&mut out, OPTIONS_FIELD, &options);
    }
    Ok(out)
}

/// The options message without the fields being set, then those fields
/// in number order.
fn new_options(old: &[u8], settings: &[(u32, OptionValue)]) -> Result<Vec<u8>> {
    let mut out: Vec<u8> = Vec::with_capacity(old.len() + 64);
    for record in records(old)? {
        if !settings.iter().any(|(field, _)| *field == record.number) {
            out.extend_from_slice(record.bytes);
        }
    }
    for (field, value) in settings {
        match value {
            OptionValue::Text(text) => {
                encode_key(*field, WireType::LengthDelimited, &mut out);
                encode_varint(text.len() as u64, &mut out);
                out.extend_from_slice(text.as_bytes());
            }
            OptionValue::Flag(flag) => {
                encode_key(*field, WireType::Varint, &mut out);
                encode_varint(u64::from(*flag), &mut out);
            }
            OptionValue::Mode(mode) => {
                encode_key(*field, WireType::Varint, &mut out);
                encode_varint(u64::try_from(*mode).unwrap_or_default(), &mut out);
            }
        }
    }
    Ok(out)
}

/// Removes the locations of the options that changed: `[8, N]` and the
/// `[8]` (the `option` statement) just before it.
fn sweep(info: &mut SourceCodeInfo, settings: &[(u32, OptionValue)]) {
    let changed = |path: &[i32]| {
        path.len() == 2
            && path[0] == OPTIONS_FIELD as i32
            && settings.iter().any(|(field, _)| path[1] == *field as i32)
    };
    let mut remove = vec![false; info.location.len()];
    for (i, location) in info.location.iter().enumerate() {
        if changed(&location.path) {
            remove[i] = true;
            if i > 0 && info.location[i - 1].path == [OPTIONS_FIELD as i32] {
                remove[i - 1] = true;
            }
        }
    }
    let mut index = 0;
    info.location.retain(|_| {
        index += 1;
        !remove[index - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts<'a>(name: &'a str, package: &'a str) -> FileFacts<'a> {
        FileFacts { name, package }
    }

    #[test]
    fn computed_values_follow_buf() {
        assert_eq!(
            outer_classname("acme/v1/weather_service.proto"),
            "WeatherServiceProto"
        );
        assert_eq!(outer_classname("a/fooBar-baz.proto"), "FooBarBazProto");
        assert_eq!(pascal_parts("acme.weather.v1", "."), "Acme.Weather.V1");
        assert_eq!(pascal_parts("acme.weather.v1", "::"), "Acme::Weather::V1");
        assert_eq!(php_namespace("acme.class.v1"), "Acme\\Class_\\V1");
        // Words at the ends of the list's lines are reserved too.
        assert_eq!(php_namespace("case.catch.yield"), "Case_\\Catch_\\Yield_");
        assert_eq!(objc_prefix("acme.weather.v1"), "AWX");
        assert_eq!(objc_prefix("google.protobuf.bar"), "GPX");
        assert_eq!(objc_prefix("foo"), "FXX");
        assert_eq!(objc_prefix("a.b.c.d.v1beta1"), "ABCD");
        assert_eq!(
            go_import_path(
                &facts("acme/weather/v1/w.proto", "acme.weather.v1"),
                "example.com/gen/"
            ),
            "example.com/gen/acme/weather/v1;weatherv1"
        );
        assert_eq!(
            go_import_path(&facts("w.proto", "w"), "example.com/gen"),
            "example.com/gen"
        );
    }

    fn managed(rules: &str) -> Managed {
        let text = format!(
            "version: v2\nplugins: [{{local: x, out: o}}]\nmanaged:\n  enabled: true\n{rules}"
        );
        super::super::template::parse("t.yaml", &text)
            .unwrap()
            .managed
    }

    fn value(m: &Managed, option: FileOption, name: &str, package: &str) -> Option<String> {
        let spec = TEXT_OPTIONS.iter().find(|s| s.option == option).unwrap();
        text_value(m, spec, &facts(name, package))
    }

    #[test]
    fn disable_beats_override_and_the_last_override_wins() {
        let m = managed(
            "  disable:\n    - path: vendor\n      file_option: java_package\n  override:\n    - file_option: java_package_prefix\n      value: net\n    - file_option: java_package_suffix\n      value: api\n    - file_option: java_package\n      value: x.y\n      path: a/special.proto\n",
        );
        let option = FileOption::JavaPackage;
        assert_eq!(
            value(&m, option, "a/b.proto", "acme.v1").as_deref(),
            Some("net.acme.v1.api")
        );
        assert_eq!(
            value(&m, option, "a/special.proto", "acme.v1").as_deref(),
            Some("x.y")
        );
        assert_eq!(value(&m, option, "vendor/c.proto", "acme.v1"), None);
        assert_eq!(
            value(&m, option, "a/b.proto", ""),
            None,
            "no package, no java_package"
        );
        let defaults = managed("");
        assert_eq!(
            value(&defaults, option, "a/b.proto", "acme.v1").as_deref(),
            Some("com.acme.v1")
        );
        assert_eq!(
            value(&defaults, FileOption::GoPackage, "a/b.proto", "acme.v1"),
            None
        );
    }

    #[test]
    fn override_values_are_typed() {
        let text = "version: v2\nplugins: [{local: x, out: o}]\nmanaged:\n  enabled: true\n  override:\n    - file_option: java_multiple_files\n      value: yes please\n    - file_option: optimize_for\n      value: FAST\n    - file_option: go_pakage\n      value: x\n    - field_option: jstype\n      value: JS_STRING\n";
        let problems = super::super::template::parse("t.yaml", text).unwrap_err();
        let messages: Vec<&str> = problems.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages.len(), 4, "{messages:?}");
        assert!(messages[0].contains("true or false"));
        assert!(messages[1].contains("SPEED, CODE_SIZE or LITE_RUNTIME"));
        assert!(messages[2].contains("unknown file option `go_pakage`"));
        assert!(messages[3].contains("jstype"));
    }

    #[test]
    fn rewriting_keeps_unknown_option_fields_and_sweeps_locations() {
        let mut options = FileOptions {
            java_package: Some("old".into()),
            ..Default::default()
        }
        .encode_to_vec();
        // A custom option (field 50000) prost-types does not know.
        encode_key(50000, WireType::Varint, &mut options);
        encode_varint(7, &mut options);
        let location = |path: Vec<i32>| prost_types::source_code_info::Location {
            path,
            span: vec![1, 0, 5],
            ..Default::default()
        };
        let file = FileDescriptorProto {
            name: Some("a/b.proto".into()),
            package: Some("acme.v1".into()),
            source_code_info: Some(SourceCodeInfo {
                location: vec![
                    location(vec![]),
                    location(vec![8]),
                    location(vec![8, 1]),
                    location(vec![2]),
                ],
            }),
            ..Default::default()
        };
        let mut encoded = file.encode_to_vec();
        encode_key(OPTIONS_FIELD, WireType::LengthDelimited, &mut encoded);
        encode_varint(options.len() as u64, &mut encoded);
        encoded.extend_from_slice(&options);
        let settings = [
            (1, OptionValue::Text("com.acme.v1".into())),
            (10, OptionValue::Flag(true)),
        ];
        let out = rewrite(&encoded, &settings).unwrap();
        let back = FileDescriptorProto::decode(out.as_slice()).unwrap();
        let options = back.options.unwrap();
        assert_eq!(options.java_package(), "com.acme.v1");
        assert!(options.java_multiple_files());
        let paths: Vec<Vec<i32>> = back
            .source_code_info
            .unwrap()
            .location
            .into_iter()
            .map(|l| l.path)
            .collect();
        assert_eq!(paths, [vec![], vec![2]]);
        let raw = records(&out).unwrap();
        let options_record = raw.iter().find(|r| r.number == OPTIONS_FIELD).unwrap();
        assert!(
            records(options_record.payload)
                .unwrap()
                .iter()
                .any(|r| r.number == 50000)
        );
    }

    proptest::proptest! {
        /// Whatever options a file has and whatever managed mode sets, the
        /// rewritten descriptor holds exactly the set values and every other
        /// field as it was.
        #[test]
        fn rewriting_sets_exactly_the_settings(
            java_package in proptest::option::of("[a-z.]{0,12}"),
            go_package in proptest::option::of("[a-z/;]{0,12}"),
            deprecated in proptest::option::of(proptest::bool::ANY),
            multiple in proptest::option::of(proptest::bool::ANY),
            package in "[a-z]{1,6}(\\.[a-z]{1,6}){0,2}",
            new_java in proptest::option::of("[a-z.]{1,12}"),
            new_multiple in proptest::option::of(proptest::bool::ANY),
            mode in proptest::option::of(1i32..=3),
        ) {
            let file = FileDescriptorProto {
                name: Some("a/b.proto".into()),
                package: Some(package),
                options: Some(FileOptions {
                    java_package,
                    go_package,
                    deprecated,
                    java_multiple_files: multiple,
                    ..Default::default()
                }),
                ..Default::default()
            };
            let mut settings = Vec::new();
            if let Some(text) = &new_java {
                settings.push((1, OptionValue::Text(text.clone())));
            }
            if let Some(mode) = mode {
                settings.push((9, OptionValue::Mode(mode)));
            }
            if let Some(flag) = new_multiple {
                settings.push((10, OptionValue::Flag(flag)));
            }
            let out = rewrite(&file.encode_to_vec(), &settings).unwrap();
            let back = FileDescriptorProto::decode(out.as_slice()).unwrap();
            let mut expected = file.clone();
            let options = expected.options.as_mut().unwrap();
            if new_java.is_some() {
                options.java_package = new_java;
            }
            if mode.is_some() {
                options.optimize_for = mode;
            }
            if new_multiple.is_some() {
                options.java_multiple_files = new_multiple;
            }
            proptest::prop_assert_eq!(back, expected);
        }
    }
}
