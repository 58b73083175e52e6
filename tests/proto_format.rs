//! `opensergo proto format`: byte-equal to what buf 1.75 writes on the
//! fixtures of `testdata/proto-format/` (see its README and
//! DIFFERENCES.md), the same descriptors before and after, idempotent,
//! and the command's flags and exit codes end to end.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use opensergo::protofmt;
use proptest::prelude::*;
use prost::Message as _;

fn fixtures() -> PathBuf {
    common::root().join("testdata/proto-format")
}

/// Every `.proto` under `dir`, relative to it, sorted.
fn protos_under(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(dir)
        .hidden(false)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "proto"))
        .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
        .collect();
    found.sort();
    found
}

/// The fixture inputs (`corpus/...`, `cases/...`), relative to the fixture root.
fn inputs() -> Vec<PathBuf> {
    let root = fixtures();
    let mut all = Vec::new();
    for dir in ["corpus", "cases"] {
        all.extend(
            protos_under(&root.join(dir))
                .into_iter()
                .map(|p| Path::new(dir).join(p)),
        );
    }
    assert!(all.len() >= 49, "the fixtures are there: {}", all.len());
    all
}

/// What buf writes for an input: `expected/<path>`, or the input itself.
fn expected(input: &Path) -> String {
    let root = fixtures();
    std::fs::read_to_string(root.join("expected").join(input))
        .unwrap_or_else(|_| std::fs::read_to_string(root.join(input)).unwrap())
}

#[test]
fn fixtures_format_exactly_as_buf_formats_them() {
    let mut changed = 0;
    for input in inputs() {
        let text = std::fs::read_to_string(fixtures().join(&input)).unwrap();
        let formatted =
            protofmt::format(&text).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
        let want = expected(&input);
        changed += usize::from(want != text);
        if formatted != want {
            let diff = similar::TextDiff::from_lines(&want, &formatted)
                .unified_diff()
                .header("buf", "opensergo")
                .to_string();
            panic!("{} differs from buf format:\n{diff}", input.display());
        }
    }
    assert!(
        changed >= 20,
        "the fixtures exercise the formatter: {changed} change"
    );
}

/// The expected files are buf's output today, not a snapshot of ours.
#[test]
fn buf_writes_the_expected_fixtures() {
    if !common::available("buf") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for input in inputs() {
        let target = dir.path().join(&input);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(fixtures().join(&input), &target).unwrap();
    }
    for module in ["corpus", "cases"] {
        let out = common::run(
            std::process::Command::new("buf")
                .args(["format", "-w", "."])
                .current_dir(dir.path().join(module)),
            None,
            std::time::Duration::from_secs(120),
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for input in inputs() {
        let by_buf = std::fs::read_to_string(dir.path().join(&input)).unwrap();
        assert_eq!(
            by_buf,
            expected(&input),
            "{}: buf's output changed",
            input.display()
        );
    }
}

/// The file's descriptor as written, without positions and comments,
/// and without what formatting changes on purpose: the order of imports
/// and file options (public and weak imports are kept by name), and the
/// spelling of message values in options.
fn parsed(name: &str, text: &str) -> String {
    let mut file = protox_parse::parse(name, text).unwrap_or_else(|e| panic!("{name}: {e}"));
    file.source_code_info = None;
    let by_index = |indexes: &[i32]| -> Vec<String> {
        let mut names: Vec<String> = indexes
            .iter()
            .map(|&i| file.dependency[i as usize].clone())
            .collect();
        names.sort();
        names
    };
    let public = by_index(&file.public_dependency);
    let weak = by_index(&file.weak_dependency);
    file.public_dependency.clear();
    file.weak_dependency.clear();
    file.dependency.sort();
    if let Some(options) = &mut file.options {
        options
            .uninterpreted_option
            .sort_by_key(|o| format!("{:?}", o.name));
    }
    // Option values not yet interpreted keep their text; buf writes `:`
    // before every message value, `{}` for `<>` and drops the optional
    // `,`/`;` between fields (the linked check below sees them interpreted).
    format!("{file:#?}\npublic: {public:?}\nweak: {weak:?}")
        .replace(" : {", " {")
        .replace(" ,", "")
        .replace(" ;", "")
        .replace(" : <", " {")
        .replace('<', "{")
        .replace('>', "}")
}

fn assert_same_descriptor(name: &str, before: &str, after: &str) {
    let (before, after) = (parsed(name, before), parsed(name, after));
    if before != after {
        let diff = similar::TextDiff::from_lines(&before, &after)
            .unified_diff()
            .to_string();
        panic!("{name}: the descriptor changed:\n{diff}");
    }
}

/// Every .proto of the repository (schemas, fixtures of every command)
/// and of the corpus: the output parses to the same FileDescriptorProto.
#[test]
fn every_proto_in_the_repository_keeps_its_descriptor() {
    let root = common::root();
    let mut checked = 0;
    for dir in ["schemas", "testdata"] {
        for path in protos_under(&root.join(dir)) {
            let name = Path::new(dir).join(&path).display().to_string();
            let text = std::fs::read_to_string(root.join(&name)).unwrap();
            let Ok(_) = protox_parse::parse(&name, &text) else {
                // protox-parse 0.10 knows no editions; those files are
                // held to buf's output by the fixtures test.
                assert!(text.contains("edition = \""), "{name} does not parse");
                continue;
            };
            let formatted = protofmt::format(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_same_descriptor(&name, &text, &formatted);
            checked += 1;
        }
    }
    assert!(checked >= 80, "{checked} files checked");
}

/// The corpus compiled with its imports resolved (options interpreted,
/// names linked) gives the same descriptor set formatted or not.
#[test]
fn the_corpus_compiles_to_the_same_linked_descriptors() {
    let corpus = fixtures().join("corpus");
    let files = protos_under(&corpus);
    let formatted = tempfile::tempdir().unwrap();
    for file in &files {
        let text = std::fs::read_to_string(corpus.join(file)).unwrap();
        let target = formatted.path().join(file);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, protofmt::format(&text).unwrap()).unwrap();
    }
    let compile = |dir: &Path| {
        let mut compiler = protox::Compiler::new([dir]).unwrap();
        compiler.include_source_info(false);
        compiler
            .open_files(&files)
            .unwrap_or_else(|e| panic!("{e}"));
        compiler.file_descriptor_set().encode_to_vec()
    };
    assert_eq!(compile(&corpus), compile(formatted.path()));
}

/// Line starts of a text: inserting whole lines there keeps it valid
/// (inside a block comment they only lengthen the comment).
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    /// format(format(x)) == format(x), and the descriptor is kept, for
    /// corpus files with blank lines and comments inserted.
    #[test]
    fn formatting_is_idempotent_and_keeps_descriptors(
        file in 0usize..49,
        inserts in prop::collection::vec((any::<prop::sample::Index>(), 0usize..5), 0..6),
    ) {
        let all = inputs();
        let input = &all[file % all.len()];
        let mut text = std::fs::read_to_string(fixtures().join(input)).unwrap();
        for (at, kind) in inserts {
            let starts = line_starts(&text);
            let offset = starts[at.index(starts.len())];
            // No block comment: inside another one its `*/` would end both.
            let line = ["\n", "\n\n", "// inserted\n", "  // indented\n", "\t\n"][kind];
            text.insert_str(offset, line);
        }
        let name = input.display().to_string();
        let once = protofmt::format(&text).unwrap();
        let twice = protofmt::format(&once).unwrap();
        prop_assert_eq!(&twice, &once, "{} is not idempotent", name);
        if protox_parse::parse(&name, &text).is_ok() {
            assert_same_descriptor(&name, &text, &once);
        }
    }
}

/// Pieces of .proto text, for random token soup.
const PIECES: &[&str] = &[
    "message",
    "enum",
    "service",
    "rpc",
    "returns",
    "stream",
    "option",
    "import",
    "package",
    "syntax",
    "oneof",
    "map",
    "reserved",
    "extensions",
    "to",
    "max",
    "repeated",
    "optional",
    "group",
    "extend",
    "M",
    "f",
    "int32",
    "a.b",
    ".c",
    "=",
    ";",
    ",",
    ":",
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    "<",
    ">",
    "-",
    "1",
    "0x1F",
    "1.5e3",
    "\"s\"",
    "'t'",
    "\"proto3\"",
    "// c\n",
    "/* c */",
    "/* a\n b */",
    "\n",
    "\n\n",
    " ",
    "\t",
    "inf",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    /// Any token soup: no panic; what formats, formats again to itself.
    #[test]
    fn token_soup_never_panics_and_formats_stably(
        pieces in prop::collection::vec(prop::sample::select(PIECES), 0..80),
    ) {
        let text = pieces.join(" ");
        if let Ok(once) = protofmt::format(&text) {
            let twice = protofmt::format(&once);
            prop_assert_eq!(twice.as_ref(), Ok(&once), "input: {:?}", text);
        }
    }

    /// Declarations built to parse, so the soup above is not all errors.
    #[test]
    fn generated_files_format_stably(
        fields in prop::collection::vec((0usize..4, 0usize..6, any::<bool>()), 1..12),
    ) {
        let mut text = String::from("syntax = \"proto3\";\nmessage M {\n");
        for (i, (kind, comment, options)) in fields.into_iter().enumerate() {
            let kind = ["int32", "string", ".a.B", "map<string, M>"][kind];
            let comment = ["", " // c", "\n// above\n", " /* b */", "\n\n", "/* x\n y */"][comment];
            let options = if options { " [deprecated = true, (o) = {a: 1 b: [1, 2]}]" } else { "" };
            text.push_str(&format!("{comment}{kind} f{i} = {}{options};{comment}\n", i + 1));
        }
        text.push_str("}\n");
        let once = protofmt::format(&text).unwrap();
        prop_assert_eq!(protofmt::format(&once).unwrap(), once.clone(), "input: {:?}", text);
        assert_same_descriptor("generated.proto", &text, &once);
    }
}

// ----- the command -----

fn opensergo() -> Command {
    let mut cmd = Command::cargo_bin("opensergo").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

const UNFORMATTED: &str = "syntax = \"proto3\";\npackage a.v1;\nmessage M{int32 x=1;}\n";
const FORMATTED: &str = "syntax = \"proto3\";\npackage a.v1;\nmessage M {\n  int32 x = 1;\n}\n";

fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn prints_the_formatted_file() {
    let dir = workspace(&[("a/v1/m.proto", UNFORMATTED)]);
    opensergo()
        .args(["proto", "format", "a/v1/m.proto"])
        .current_dir(dir.path())
        .assert()
        .success()
        .stdout(FORMATTED);
}

#[test]
fn exit_code_says_whether_anything_would_change() {
    let dir = workspace(&[("a/v1/m.proto", UNFORMATTED), ("b/v1/n.proto", FORMATTED)]);
    opensergo()
        .args(["proto", "format", "--exit-code", "b/v1/n.proto"])
        .current_dir(dir.path())
        .assert()
        .code(0);
    opensergo()
        .args(["proto", "format", "--exit-code", "--diff"])
        .current_dir(dir.path())
        .assert()
        .code(1);
}

#[test]
fn diff_prints_a_unified_diff_and_writes_nothing() {
    let dir = workspace(&[("a/v1/m.proto", UNFORMATTED)]);
    let out = opensergo()
        .args(["proto", "format", "--diff", "a/v1/m.proto"])
        .current_dir(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    insta::assert_snapshot!(String::from_utf8(out).unwrap());
    let text = std::fs::read_to_string(dir.path().join("a/v1/m.proto")).unwrap();
    assert_eq!(text, UNFORMATTED);
}

#[test]
fn write_rewrites_the_workspace_in_place() {
    let dir = workspace(&[
        (
            "buf.yaml",
            "version: v2\nmodules:\n  - path: proto\n    excludes: [proto/vendor]\n",
        ),
        ("proto/a/v1/m.proto", UNFORMATTED),
        ("proto/vendor/v.proto", UNFORMATTED),
    ]);
    opensergo()
        .args(["proto", "format", "--write"])
        .current_dir(dir.path())
        .assert()
        .success()
        .stdout("");
    let read = |p: &str| std::fs::read_to_string(dir.path().join(p)).unwrap();
    assert_eq!(read("proto/a/v1/m.proto"), FORMATTED);
    assert_eq!(
        read("proto/vendor/v.proto"),
        UNFORMATTED,
        "excluded by buf.yaml"
    );
    // A second run has nothing to do.
    opensergo()
        .args(["proto", "format", "--exit-code"])
        .current_dir(dir.path())
        .assert()
        .code(0);
}

#[test]
fn a_file_that_does_not_parse_is_reported_and_left_alone() {
    let broken = "syntax = \"proto3\";\nmessage M {\n  int32 x = 1\n}\n";
    let dir = workspace(&[("a.proto", broken), ("b.proto", UNFORMATTED)]);
    let out = opensergo()
        .args(["proto", "format", "--write", "a.proto", "b.proto"])
        .current_dir(dir.path())
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(out).unwrap();
    assert!(stderr.contains("a.proto:4:1"), "{stderr}");
    assert!(stderr.contains("OS9801"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.proto")).unwrap(),
        broken
    );
    // The other file is still formatted.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("b.proto")).unwrap(),
        FORMATTED
    );
}

#[test]
fn deep_nesting_is_a_finding_not_a_crash() {
    let deep = format!(
        "syntax = \"proto3\";\n{}{}",
        "message M {".repeat(50_000),
        "}".repeat(50_000)
    );
    let dir = workspace(&[("deep.proto", &deep)]);
    let out = opensergo()
        .args(["proto", "format", "deep.proto"])
        .current_dir(dir.path())
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8(out).unwrap().contains("OS9802"));
}

#[test]
fn without_protos_the_embedded_opensergo_protos_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    // They predate the formatter: their file options are not sorted.
    opensergo()
        .args(["proto", "format", "--exit-code", "--diff"])
        .current_dir(dir.path())
        .assert()
        .code(1)
        .stdout(predicates::str::contains(
            "+++ b/envoy/config/core/v3/extension.proto",
        ));
    opensergo()
        .args(["proto", "format", "--write"])
        .current_dir(dir.path())
        .assert()
        .code(2);
}

#[test]
fn stdin_is_formatted_to_stdout() {
    opensergo()
        .args(["proto", "format", "-"])
        .write_stdin(UNFORMATTED)
        .assert()
        .success()
        .stdout(FORMATTED);
}
