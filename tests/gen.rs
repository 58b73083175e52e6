//! End-to-end tests of `opensergo proto build` and `opensergo gen`.
//!
//! Plugin misbehaviour (crash, hang, error response, bad paths, duplicate
//! files, insertion points) is driven by testdata/gen/protoc-gen-fake, a
//! plugin written for these tests; real-plugin parity is checked with
//! protoc-gen-go against protoc itself (installed by .ci/run).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use prost::Message as _;

mod common;
use common::{copy_tree, git, root};

/// The PATH the tests run with: the fake plugin's directory first.
fn path_with_fake() -> String {
    let fake_dir = root().join("testdata/gen");
    format!(
        "{}:{}",
        fake_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// A temporary project: a two-package module under `proto/` and a template.
struct Project {
    dir: tempfile::TempDir,
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

const COMMON: &str =
    "syntax = \"proto3\";\npackage acme.common.v1;\nmessage Money { int64 units = 1; }\n";
const ORDER: &str = "syntax = \"proto3\";\npackage acme.order.v1;\nimport \"acme/common/v1/money.proto\";\nimport \"google/protobuf/timestamp.proto\";\nmessage Order {\n  acme.common.v1.Money total = 1;\n  google.protobuf.Timestamp at = 2;\n}\n";

impl Project {
    fn new(template: &str) -> Project {
        let project = Project {
            dir: tempfile::tempdir().unwrap(),
        };
        project.write("buf.yaml", "version: v2\nmodules:\n  - path: proto\n");
        project.write("proto/acme/common/v1/money.proto", COMMON);
        project.write("proto/acme/order/v1/order.proto", ORDER);
        project.write("buf.gen.yaml", &template.replace("FAKE", "protoc-gen-fake"));
        project
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap()
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_with_path(args, &path_with_fake())
    }

    fn run_with_path(&self, args: &[&str], path: &str) -> Run {
        let output = Command::cargo_bin("opensergo")
            .unwrap()
            .current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .env("PATH", path)
            .env("XDG_CACHE_HOME", self.path(".cache"))
            .args(args)
            .timeout(std::time::Duration::from_secs(120))
            .output()
            .unwrap();
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Every file under `dir`, with its content.
    fn tree(&self, dir: &str) -> BTreeMap<String, String> {
        let base = self.path(dir);
        let mut found = BTreeMap::new();
        let mut pending = vec![base.clone()];
        while let Some(dir) = pending.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    pending.push(path);
                } else {
                    let name = path.strip_prefix(&base).unwrap().display().to_string();
                    found.insert(name, std::fs::read_to_string(&path).unwrap_or_default());
                }
            }
        }
        found
    }
}

const ONE_PLUGIN: &str =
    "version: v2\nplugins:\n  - local: FAKE\n    out: gen\n    opt: [a=1, b=2]\n";

#[test]
fn generates_per_directory_and_leaves_unchanged_files_alone() {
    let project = Project::new(ONE_PLUGIN);
    let run = project.run(&["gen"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let tree = project.tree("gen");
    assert_eq!(
        tree.keys().collect::<Vec<_>>(),
        [
            "acme/common/v1/money.proto.fake.txt",
            "acme/order/v1/order.proto.fake.txt"
        ]
    );
    assert!(tree["acme/order/v1/order.proto.fake.txt"].contains("(a=1,b=2)"));
    assert!(
        run.stderr.contains("2 files from 2 requests"),
        "{}",
        run.stderr
    );

    let file = project.path("gen/acme/common/v1/money.proto.fake.txt");
    let before = std::fs::metadata(&file).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let again = project.run(&["gen"]);
    assert_eq!(again.code, 0);
    assert!(
        again.stderr.contains("0 written, 2 unchanged"),
        "{}",
        again.stderr
    );
    assert_eq!(
        std::fs::metadata(&file).unwrap().modified().unwrap(),
        before
    );
}

#[test]
fn the_request_matches_what_buf_sends() {
    let project = Project::new(
        "version: v2\nplugins:\n  - local: FAKE\n    out: gen\n    opt: [dump=req, x=y]\n    strategy: all\n",
    );
    let run = project.run(&["gen"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bytes = std::fs::read(project.path("req.0")).unwrap();
    assert!(
        !project.path("req.1").exists(),
        "strategy: all sends one request"
    );
    let request = opensergo::proto::plugin::CodeGeneratorRequest::decode(bytes.as_slice()).unwrap();
    assert_eq!(
        request.file_to_generate,
        ["acme/common/v1/money.proto", "acme/order/v1/order.proto"]
    );
    assert_eq!(request.parameter.as_deref(), Some("dump=req,x=y"));
    let names = |files: &[Vec<u8>]| -> Vec<String> {
        files
            .iter()
            .map(|f| {
                prost_types::FileDescriptorProto::decode(f.as_slice())
                    .unwrap()
                    .name()
                    .to_string()
            })
            .collect()
    };
    // Imports first (topological), the well-known type included.
    let all = names(&request.proto_file);
    let position = |n: &str| all.iter().position(|a| a == n).unwrap();
    assert!(position("google/protobuf/timestamp.proto") < position("acme/order/v1/order.proto"));
    assert!(position("acme/common/v1/money.proto") < position("acme/order/v1/order.proto"));
    assert_eq!(
        names(&request.source_file_descriptors),
        request.file_to_generate
    );
    let order = prost_types::FileDescriptorProto::decode(request.proto_file[2].as_slice()).unwrap();
    assert!(order.source_code_info.is_some(), "source info is sent");
}

#[test]
fn unchanged_inputs_are_answered_from_the_cache_unless_no_cache() {
    let project = Project::new(
        "version: v2\nplugins:\n  - local: FAKE\n    out: gen\n    opt: dump=req\n    strategy: all\n",
    );
    assert_eq!(project.run(&["gen"]).code, 0);
    let again = project.run(&["gen"]);
    assert_eq!(again.code, 0);
    assert!(
        again.stderr.contains("(all cached: inputs unchanged)"),
        "{}",
        again.stderr
    );
    assert!(!project.path("req.1").exists(), "the plugin did not run");
    let uncached = project.run(&["gen", "--no-cache"]);
    assert_eq!(uncached.code, 0);
    assert!(project.path("req.1").exists(), "--no-cache runs the plugin");
    // A changed input misses.
    project.write(
        "proto/acme/common/v1/money.proto",
        &COMMON.replace("units", "amount"),
    );
    let changed = project.run(&["gen"]);
    assert!(!changed.stderr.contains("cached"), "{}", changed.stderr);
    assert!(project.path("req.2").exists());
}

#[test]
fn a_crashing_plugin_writes_nothing_anywhere_and_its_stderr_is_shown_escaped() {
    let project = Project::new(
        "version: v2\nclean: true\nplugins:\n  - local: FAKE\n    out: gen/good\n  - local: FAKE\n    out: gen/bad\n    opt: crash\n",
    );
    project.write("gen/good/keep.txt", "old\n");
    let run = project.run(&["gen"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("failed (exit status: 3)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert!(
        run.stderr.contains("fake plugin crashed \\u{1b}[31mred"),
        "escape sequences are shown, not sent: {}",
        run.stderr
    );
    assert!(!run.stderr.contains('\u{1b}'));
    assert_eq!(
        project.tree("gen").keys().collect::<Vec<_>>(),
        ["good/keep.txt"]
    );
}

#[test]
fn a_hanging_plugin_is_killed_at_the_timeout() {
    let project =
        Project::new("version: v2\nplugins:\n  - local: FAKE\n    out: gen\n    opt: hang\n");
    let started = std::time::Instant::now();
    let run = project.run(&["gen", "--timeout", "1s"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("did not finish within 1s"),
        "{}",
        run.stderr
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    assert!(!project.path("gen").exists());
}

#[test]
fn error_responses_and_garbage_fail_the_run() {
    let project =
        Project::new("version: v2\nplugins:\n  - local: FAKE\n    out: gen\n    opt: error\n");
    let run = project.run(&["gen"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("reported an error: bad input in"),
        "{}",
        run.stderr
    );

    let project =
        Project::new("version: v2\nplugins:\n  - local: FAKE\n    out: gen\n    opt: garbage\n");
    let run = project.run(&["gen"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("not a CodeGeneratorResponse"),
        "{}",
        run.stderr
    );
}

/// Names from plugins are hostile input (issue #9): they go through the
/// confined output batch like every other writer's, so nothing lands
/// outside `out`, no symbolic link planted below it is followed, and a
/// refused name leaves every output directory as it was, the good
/// plugin's included.
#[test]
fn paths_leaving_out_are_refused() {
    for name in [
        "../escaped.txt",
        "/tmp/opensergo-absolute.txt",
        "link/escaped.txt",
        "inner-link/escaped.txt",
        "a/../../escaped.txt",
        "a//b.txt",
        "./a.txt",
        "a\\b.txt",
        "new\nline.txt",
        "esc\u{1b}[31m.txt",
    ] {
        let project = Project::new(&format!(
            "version: v2\nplugins:\n  - local: FAKE\n    out: gen/good\n  - local: FAKE\n    out: gen\n    opt: \"name={}\"\n    strategy: all\n",
            yaml_quoted(name)
        ));
        std::fs::create_dir(project.path("gen")).unwrap();
        std::fs::create_dir(project.path("gen/inner")).unwrap();
        std::fs::create_dir(project.path("outside")).unwrap();
        std::os::unix::fs::symlink(project.path("outside"), project.path("gen/link")).unwrap();
        std::os::unix::fs::symlink(project.path("gen/inner"), project.path("gen/inner-link"))
            .unwrap();
        let run = project.run(&["gen"]);
        assert_eq!(run.code, 2, "{name:?}: {}", run.stderr);
        assert!(run.stderr.contains("refusing"), "{name:?}: {}", run.stderr);
        assert!(!run.stderr.contains('\u{1b}'), "{name:?}: {}", run.stderr);
        assert!(!project.path("escaped.txt").exists());
        assert!(!project.path("outside/escaped.txt").exists());
        assert!(!project.path("gen/inner/escaped.txt").exists());
        assert!(!Path::new("/tmp/opensergo-absolute.txt").exists());
        assert!(
            !project.path("gen/good").exists(),
            "{name:?}: all or nothing"
        );
        assert_eq!(
            project.tree("gen").len(),
            0,
            "{name:?}: {:?}",
            project.tree("gen")
        );
    }
}

/// `text` inside a YAML double-quoted string.
fn yaml_quoted(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
        .replace('\u{1b}', "\\x1b")
}

/// A generated file that is a symbolic link planted below `out` is
/// replaced by the file: its target (outside) is neither written nor
/// read, not even to compare, and `--check` reports it missing.
#[test]
fn a_planted_link_at_an_output_file_is_replaced_not_followed() {
    let project = Project::new(ONE_PLUGIN);
    assert_eq!(project.run(&["gen"]).code, 0);
    let file = "gen/acme/common/v1/money.proto.fake.txt";
    let generated = project.read(file);
    project.write("outside/victim.txt", &generated);
    std::fs::remove_file(project.path(file)).unwrap();
    std::os::unix::fs::symlink(project.path("outside/victim.txt"), project.path(file)).unwrap();

    let check = project.run(&["gen", "--check", "--format", "short"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert!(check.stdout.contains("missing"), "{}", check.stdout);

    std::fs::write(project.path("outside/victim.txt"), "precious\n").unwrap();
    let run = project.run(&["gen"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("1 written, 1 unchanged"),
        "{}",
        run.stderr
    );
    assert_eq!(project.read("outside/victim.txt"), "precious\n");
    let meta = std::fs::symlink_metadata(project.path(file)).unwrap();
    assert!(meta.is_file(), "the link is replaced by the file");
    assert_eq!(project.read(file), generated);
}

/// A failing run leaves files written by an earlier run exactly as they
/// were, content and mtime.
#[test]
fn old_outputs_stay_intact_when_a_name_is_refused() {
    let project = Project::new(ONE_PLUGIN);
    assert_eq!(project.run(&["gen"]).code, 0);
    let file = project.path("gen/acme/common/v1/money.proto.fake.txt");
    let before = (
        std::fs::read(&file).unwrap(),
        std::fs::metadata(&file).unwrap().modified().unwrap(),
    );
    project.write(
        "buf.gen.yaml",
        "version: v2\nplugins:\n  - local: protoc-gen-fake\n    out: gen\n    opt: suffix=fake\n  - local: protoc-gen-fake\n    out: gen\n    opt: name=../x.txt\n",
    );
    let run = project.run(&["gen"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let after = (
        std::fs::read(&file).unwrap(),
        std::fs::metadata(&file).unwrap().modified().unwrap(),
    );
    assert_eq!(before, after);
    assert_eq!(project.tree("gen").len(), 2);
}

#[test]
fn two_plugins_writing_one_file_is_an_error_naming_both() {
    let project = Project::new(
        "version: v2\nplugins:\n  - local: FAKE\n    out: gen\n  - local: [FAKE]\n    out: gen\n",
    );
    let run = project.run(&["gen"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is generated twice"), "{}", run.stderr);
    assert!(!project.path("gen").exists());
}

#[test]
fn insertion_points_go_into_earlier_plugins_files() {
    let project = Project::new(
        "version: v2\nplugins:\n  - local: FAKE\n    out: gen\n  - local: FAKE\n    out: gen\n    opt: insert=fake\n",
    );
    let run = project.run(&["gen"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        project.read("gen/acme/common/v1/money.proto.fake.txt"),
        "fake fake for acme/common/v1/money.proto ()\n  inserted\n  // @@protoc_insertion_point(body)\n"
    );
}

#[test]
fn check_lists_stale_missing_and_extra_files_and_writes_nothing() {
    let project = Project::new(&format!("clean: true\n{ONE_PLUGIN}"));
    assert_eq!(project.run(&["gen"]).code, 0);
    let current = project.run(&["gen", "--check"]);
    assert_eq!(current.code, 0, "{}", current.stderr);
    assert!(current.stderr.contains("2 files current"));

    project.write(
        "gen/acme/common/v1/money.proto.fake.txt",
        "edited by hand\n",
    );
    std::fs::remove_file(project.path("gen/acme/order/v1/order.proto.fake.txt")).unwrap();
    project.write("gen/acme/stray.txt", "x\n");
    let before = project.tree("gen");
    let run = project.run(&["gen", "--check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(project.tree("gen"), before, "--check writes nothing");
    insta::assert_snapshot!(run.stdout);

    // A real run restores the files and cleans the stray one.
    assert_eq!(project.run(&["gen"]).code, 0);
    assert_eq!(project.run(&["gen", "--check"]).code, 0);
    assert!(!project.path("gen/acme/stray.txt").exists());
}

/// A file planted where output goes is compared without being read whole:
/// a sparse 64 GiB file would otherwise be read into memory by `gen` and
/// `gen --check`.
#[test]
fn a_huge_file_at_an_output_path_is_not_read_whole() {
    let project = Project::new(ONE_PLUGIN);
    assert_eq!(project.run(&["gen"]).code, 0);
    let planted = project.path("gen/acme/common/v1/money.proto.fake.txt");
    std::fs::File::create(&planted)
        .unwrap()
        .set_len(64 << 30)
        .unwrap();
    let check = project.run(&["gen", "--check", "--format", "short"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert!(
        check.stdout.contains("money.proto.fake.txt"),
        "{}",
        check.stdout
    );
    let run = project.run(&["gen"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        std::fs::metadata(&planted).unwrap().len() < 1 << 20,
        "the run replaced it"
    );
}

#[test]
fn plugin_filter_runs_a_subset() {
    let project = Project::new(
        "version: v2\nplugins:\n  - local: FAKE\n    out: gen/a\n  - local: FAKE\n    out: gen/b\n    opt: crash\n  - protoc_builtin: java\n    out: gen/java\n",
    );
    let run = project.run(&["gen", "--plugin", "protoc-gen-fake"]);
    // Both fake plugins match the name; the crashing one fails the run.
    assert_eq!(run.code, 2);
    let unknown = project.run(&["gen", "--plugin", "nope"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("the template has no such plugin"),
        "{}",
        unknown.stderr
    );
    let project = Project::new(
        "version: v2\nplugins:\n  - local: FAKE\n    out: gen/a\n  - local: [sh, -c, 'exit 9']\n    out: gen/b\n",
    );
    let run = project.run(&["gen", "--plugin", "fake"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(project.path("gen/a").exists() && !project.path("gen/b").exists());
}

#[test]
fn template_errors_point_at_the_key() {
    let project = Project::new(
        "version: v2\nplugins:\n  - local: FAKE\n    out: gen\n    opts: x\n  - remote: buf.build/protocolbuffers/go\n    out: gen\n",
    );
    let run = project.run(&["gen"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("buf.gen.yaml:5:5"), "{}", run.stderr);
    assert!(run.stderr.contains("did you mean `opt`?"), "{}", run.stderr);
    assert!(
        run.stderr.contains("local: protoc-gen-go"),
        "{}",
        run.stderr
    );
}

#[test]
fn without_protos_the_embedded_opensergo_protos_are_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let template =
        "version: v2\nplugins:\n  - local: protoc-gen-fake\n    out: gen\n    strategy: all\n";
    let run = Command::cargo_bin("opensergo")
        .unwrap()
        .current_dir(dir.path())
        .env("PATH", path_with_fake())
        .env("XDG_CACHE_HOME", dir.path().join(".cache"))
        .args(["gen", "--template", template])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        dir.path()
            .join("gen/opensergo/traffic/v1alpha1/traffic_router.proto.fake.txt")
            .is_file()
    );
}

#[test]
fn build_writes_an_image_with_imports() {
    let project = Project::new(ONE_PLUGIN);
    let run = project.run(&["proto", "build", "-o", "image.binpb"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("2 files and 1 import compiled with protox"),
        "{}",
        run.stderr
    );
    let bytes = std::fs::read(project.path("image.binpb")).unwrap();
    let set = prost_types::FileDescriptorSet::decode(bytes.as_slice()).unwrap();
    assert_eq!(set.file.len(), 3);
    let run = project.run(&[
        "proto",
        "build",
        "-o",
        "image.json",
        "--path",
        "acme/common",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        project
            .read("image.json")
            .contains("\"name\": \"acme/common/v1/money.proto\"")
    );
}

#[test]
fn build_errors_show_the_source_and_the_import_that_works() {
    let project = Project::new(ONE_PLUGIN);
    project.write(
        "proto/acme/order/v1/order.proto",
        &ORDER.replace(
            "\"acme/common/v1/money.proto\"",
            "\"proto/acme/common/v1/money.proto\"",
        ),
    );
    let run = project.run(&["proto", "build"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn what_protox_cannot_compile_without_protoc_is_an_error_naming_the_file() {
    let project = Project::new(ONE_PLUGIN);
    project.write(
        "proto/acme/ed/v1/ed.proto",
        "edition = \"2023\";\npackage acme.ed.v1;\n",
    );
    let empty = tempfile::tempdir().unwrap();
    let run = project.run_with_path(&["proto", "build"], &empty.path().display().to_string());
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("proto/acme/ed/v1/ed.proto: protox cannot compile editions syntax"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("no protoc on PATH"), "{}", run.stderr);
}

#[test]
fn protoc_compiles_when_asked_and_gives_the_same_image() {
    if !common::available("protoc") {
        return;
    }
    let project = Project::new(ONE_PLUGIN);
    let protox = project.run(&["proto", "build", "-o", "protox.binpb"]);
    let protoc = project.run(&[
        "proto",
        "build",
        "--compiler",
        "protoc",
        "-o",
        "protoc.binpb",
    ]);
    assert_eq!(protoc.code, 0, "{}", protoc.stderr);
    assert!(protoc.stderr.contains("compiled with protoc"));
    assert_eq!(protox.code, 0);
    let names = |file: &str| -> Vec<String> {
        let bytes = std::fs::read(project.path(file)).unwrap();
        prost_types::FileDescriptorSet::decode(bytes.as_slice())
            .unwrap()
            .file
            .into_iter()
            .map(|f| f.name().to_string())
            .collect()
    };
    assert_eq!(names("protox.binpb"), names("protoc.binpb"));
}

/// protoc-gen-go run by `opensergo gen` and by protoc itself on the
/// OpenSergo protos: the stubs are byte-identical except the version
/// comment, where buf (which sends no compiler version either) also
/// writes `(unknown)`.
#[test]
fn protoc_gen_go_output_matches_protoc_byte_for_byte() {
    if !common::available("protoc-gen-go") || !common::available("protoc") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let template = "version: v2\nplugins:\n  - local: protoc-gen-go\n    out: gen\n    opt: paths=source_relative\n";
    let opensergo = |args: &[&str]| {
        let output = Command::cargo_bin("opensergo")
            .unwrap()
            .current_dir(dir.path())
            .env("XDG_CACHE_HOME", dir.path().join(".cache"))
            .args(args)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    opensergo(&["gen", "--template", template]);
    opensergo(&["proto", "export", "exported"]);
    let exported = dir.path().join("exported");
    std::fs::create_dir(dir.path().join("by-protoc")).unwrap();
    let protos: Vec<String> = opensergo::convert::descriptors::proto_sources()
        .iter()
        .map(|(name, _)| name.to_string())
        .filter(|name| name.ends_with(".proto"))
        .collect();
    let status = std::process::Command::new("protoc")
        .current_dir(&exported)
        .args([
            "-I",
            ".",
            "--go_out=../by-protoc",
            "--go_opt=paths=source_relative",
        ])
        .args(&protos)
        .status()
        .unwrap();
    assert!(status.success());
    let project = Project { dir };
    let ours = project.tree("gen");
    let theirs = project.tree("by-protoc");
    assert_eq!(
        ours.keys().collect::<Vec<_>>(),
        theirs.keys().collect::<Vec<_>>()
    );
    assert_eq!(ours.len(), protos.len());
    let version = regex::Regex::new(r"(?m)^// \tprotoc +.*$").unwrap();
    for (name, text) in &ours {
        assert!(text.contains("// \tprotoc        (unknown)"), "{name}");
        assert_eq!(
            version.replace(text, "PROTOC"),
            version.replace(&theirs[name], "PROTOC"),
            "{name}"
        );
    }
}

/// Copies a fixture directory into a temporary one.
/// The real `buf generate` and `opensergo gen`, same template and input:
/// byte-identical trees, for a multi-package module and for the
/// embedded OpenSergo protos (exported for buf).
#[test]
fn buf_generate_and_gen_write_identical_trees() {
    if !common::available("buf") || !common::available("protoc-gen-go") {
        return;
    }
    let multi = tempfile::tempdir().unwrap();
    copy_tree(&root().join("testdata/gen/multi"), multi.path());
    let opensergo_protos = tempfile::tempdir().unwrap();
    let export = Command::cargo_bin("opensergo")
        .unwrap()
        .current_dir(opensergo_protos.path())
        .args(["proto", "export", "."])
        .output()
        .unwrap();
    assert!(export.status.success());
    std::fs::remove_file(opensergo_protos.path().join("README.md")).unwrap();
    std::fs::copy(
        root().join("testdata/gen/multi/buf.gen.yaml"),
        opensergo_protos.path().join("buf.gen.yaml"),
    )
    .unwrap();
    for dir in [multi, opensergo_protos] {
        assert_same_as_buf(&Project { dir }, 11);
    }
}

/// Runs the real `buf generate` (into by-buf/) and `opensergo gen` in the
/// project (the fake plugin on PATH for both) and asserts both wrote the
/// same tree of at least `at_least` files under gen/.
fn assert_same_as_buf(project: &Project, at_least: usize) {
    let buf = std::process::Command::new("buf")
        .current_dir(project.dir.path())
        .env("PATH", path_with_fake())
        .args(["generate", "-o", "by-buf"])
        .output()
        .unwrap();
    assert!(
        buf.status.success(),
        "{}",
        String::from_utf8_lossy(&buf.stderr)
    );
    let ours = project.run(&["gen"]);
    assert_eq!(ours.code, 0, "{}", ours.stderr);
    let expected = project.tree("by-buf/gen");
    assert!(expected.len() >= at_least, "{expected:?}");
    assert_eq!(project.tree("gen"), expected);
}

/// Managed mode (defaults, a path-scoped `disable`, value, prefix and
/// suffix overrides) over the multi-package module: eight generators
/// that print the managed options into their output write the same
/// bytes under `buf generate` and `opensergo gen`.
#[test]
fn managed_mode_matches_buf_generate_byte_for_byte() {
    if !common::available("buf") || !common::available("protoc-gen-go") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("testdata/gen/multi"), dir.path());
    std::fs::copy(
        root().join("testdata/gen/managed/buf.gen.yaml"),
        dir.path().join("buf.gen.yaml"),
    )
    .unwrap();
    let project = Project { dir };
    assert_same_as_buf(&project, 11);
    let go = project.read("gen/go/acme/order/v1/order.pb.go");
    assert!(go.contains("money \"example.com/money\""), "{go}");
    assert!(
        project
            .path("gen/java/net/acme/acme/order/v1/OrderProto.java")
            .exists()
    );
}

/// The managed options reach plugins in the descriptors of the files to
/// generate and of their imports, not the well-known types; the .proto
/// files on disk are not touched.
/// The first request the fake plugin dumped (`dump=req`), and its
/// files decoded, by name.
fn dumped_request(
    project: &Project,
) -> (
    opensergo::proto::plugin::CodeGeneratorRequest,
    BTreeMap<String, prost_types::FileDescriptorProto>,
) {
    let bytes = std::fs::read(project.path("req.0")).unwrap();
    let request = opensergo::proto::plugin::CodeGeneratorRequest::decode(bytes.as_slice()).unwrap();
    let files = request
        .proto_file
        .iter()
        .map(|f| {
            let d = prost_types::FileDescriptorProto::decode(f.as_slice()).unwrap();
            (d.name().to_string(), d)
        })
        .collect();
    (request, files)
}

#[test]
fn managed_options_are_set_in_the_request_only() {
    let project = Project::new(
        "version: v2\nmanaged:\n  enabled: true\n  override:\n    - file_option: go_package_prefix\n      value: example.com/gen\nplugins:\n  - local: FAKE\n    out: gen\n    opt: dump=req\n    strategy: all\n",
    );
    let run = project.run(&["gen", "--path", "proto/acme/order"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (_, files) = dumped_request(&project);
    let options = |name: &str| files[name].options.clone().unwrap_or_default();
    let order = options("acme/order/v1/order.proto");
    assert_eq!(order.go_package(), "example.com/gen/acme/order/v1;orderv1");
    assert_eq!(order.java_package(), "com.acme.order.v1");
    assert!(order.java_multiple_files());
    assert_eq!(order.java_outer_classname(), "OrderProto");
    assert_eq!(order.csharp_namespace(), "Acme.Order.V1");
    assert_eq!(order.objc_class_prefix(), "AOX");
    assert_eq!(order.php_namespace(), "Acme\\Order\\V1");
    assert_eq!(
        order.php_metadata_namespace(),
        "Acme\\Order\\V1\\GPBMetadata"
    );
    assert_eq!(order.ruby_package(), "Acme::Order::V1");
    // An import is managed too: generators read its go_package.
    assert_eq!(
        options("acme/common/v1/money.proto").go_package(),
        "example.com/gen/acme/common/v1;commonv1"
    );
    assert_eq!(
        options("google/protobuf/timestamp.proto").go_package(),
        "google.golang.org/protobuf/types/known/timestamppb"
    );
    assert_eq!(project.read("proto/acme/order/v1/order.proto"), ORDER);
}

#[test]
fn managed_rules_that_do_nothing_are_warned_about() {
    let project = Project::new(
        "version: v2\nmanaged:\n  override:\n    - file_option: java_package\n      value: x\nplugins:\n  - local: FAKE\n    out: gen\n",
    );
    let run = project.run(&["gen"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("not `enabled: true`"), "{}", run.stderr);

    project.write(
        "buf.gen.yaml",
        "version: v2\nmanaged:\n  enabled: true\n  disable:\n    - module: buf.build/googleapis/googleapis\nplugins:\n  - local: protoc-gen-fake\n    out: gen\n",
    );
    let run = project.run(&["gen"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`module: buf.build/googleapis/googleapis` applies to no file"),
        "{}",
        run.stderr
    );
}

/// Runs git in `dir`, failing the test when it fails.
/// A repository (made by the test, no network) with the two-package
/// module under `apis/`: tag `v1` has two files, the next commit adds a
/// third and a symbolic link.
fn api_repository() -> (tempfile::TempDir, String) {
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    git(dir, &["init", "--quiet"]);
    let write = |relative: &str, text: &str| {
        let path = dir.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("apis/buf.yaml", "version: v2\nmodules:\n  - path: proto\n");
    write("apis/proto/acme/common/v1/money.proto", COMMON);
    write("apis/proto/acme/order/v1/order.proto", ORDER);
    write("README.md", "not a proto\n");
    git(dir, &["add", "."]);
    git(dir, &["commit", "--quiet", "-m", "v1"]);
    git(dir, &["tag", "v1"]);
    let v1 = git(dir, &["rev-parse", "HEAD"]);
    write(
        "apis/proto/acme/extra/v1/extra.proto",
        "syntax = \"proto3\";\npackage acme.extra.v1;\n",
    );
    std::os::unix::fs::symlink("/etc/passwd", dir.join("apis/proto/leak.proto")).unwrap();
    git(dir, &["add", "."]);
    git(dir, &["commit", "--quiet", "-m", "more"]);
    (repo, v1)
}

/// `git_repo` inputs are read by git from the object store: a local
/// repository in place at a tag, a file:// URL fetched at a commit with
/// `depth`, and HEAD by default, with `subdir` and its buf.yaml; the
/// symbolic link in the tree is skipped, never followed.
#[test]
fn git_inputs_read_a_revision_with_git_itself() {
    let (repo, v1) = api_repository();
    let repo_path = repo.path().display().to_string();
    let project = Project::new(ONE_PLUGIN);
    let generated = |inputs: &str| -> (Run, Vec<String>) {
        let _ = std::fs::remove_dir_all(project.path("gen"));
        project.write(
            "buf.gen.yaml",
            &format!(
                "version: v2\nplugins:\n  - local: protoc-gen-fake\n    out: gen\ninputs:\n{inputs}"
            ),
        );
        let run = project.run(&["gen", "--no-cache"]);
        let files = project.tree("gen").into_keys().collect();
        (run, files)
    };
    let two = [
        "acme/common/v1/money.proto.fake.txt",
        "acme/order/v1/order.proto.fake.txt",
    ];

    let (run, files) = generated(&format!(
        "  - git_repo: {repo_path}\n    tag: v1\n    subdir: apis\n"
    ));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(files, two);

    let (run, files) = generated(&format!(
        "  - git_repo: file://{repo_path}\n    commit: {v1}\n    depth: 1\n    subdir: apis\n"
    ));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(files, two);

    let (run, files) = generated(&format!("  - git_repo: {repo_path}\n    subdir: apis/\n"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(files.len(), 3, "{files:?}");
    assert!(
        run.stderr.contains("skipping apis/proto/leak.proto"),
        "{}",
        run.stderr
    );
    assert!(!project.tree("gen").values().any(|t| t.contains("root:")));

    let fails_with = |inputs: String, expected: &str| {
        let (run, _) = generated(&inputs);
        assert_eq!(run.code, 2, "{inputs}: {}", run.stderr);
        assert!(run.stderr.contains(expected), "{inputs}: {}", run.stderr);
    };
    fails_with(
        format!("  - git_repo: {repo_path}\n    branch: no-such-branch\n"),
        "unknown revision `no-such-branch`",
    );
    fails_with(
        format!("  - git_repo: file://{repo_path}\n    ref: no-such-ref\n"),
        "cannot fetch `no-such-ref`",
    );
    fails_with(
        format!("  - git_repo: {repo_path}\n    subdir: ../x\n"),
        "inside the repository",
    );
}

/// Inputs and plugins that need the Buf Schema Registry are refused
/// with what to do instead.
#[test]
fn bsr_modules_and_remote_plugins_say_what_to_use_instead() {
    let project = Project::new(
        "version: v2\nplugins:\n  - remote: buf.build/protocolbuffers/go:v1.31.0\n    out: gen\ninputs:\n  - module: buf.build/googleapis/googleapis\n  - json_image: x.json\n",
    );
    let run = project.run(&["gen"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    for expected in [
        "local: protoc-gen-go",
        "Buf Schema Registry module",
        "git_repo",
        "`json_image` inputs are not supported",
    ] {
        assert!(run.stderr.contains(expected), "{expected}: {}", run.stderr);
    }
}

/// A binary image (`proto build -o`) as the input generates what the
/// directory it was built from generates.
#[test]
fn a_binary_image_input_generates_what_its_directory_does() {
    let project = Project::new(ONE_PLUGIN);
    assert_eq!(project.run(&["gen"]).code, 0);
    let from_directory = project.tree("gen");
    assert_eq!(
        project.run(&["proto", "build", "-o", "image.binpb"]).code,
        0
    );
    std::fs::remove_dir_all(project.path("gen")).unwrap();
    std::fs::remove_dir_all(project.path("proto")).unwrap();
    project.write(
        "buf.gen.yaml",
        &format!(
            "{}inputs:\n  - binary_image: image.binpb\n",
            ONE_PLUGIN.replace("FAKE", "protoc-gen-fake")
        ),
    );
    let run = project.run(&["gen", "--no-cache"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(project.tree("gen"), from_directory);
}

const ITEM: &str =
    "syntax = \"proto3\";\npackage acme.order.v1;\nmessage Item { string sku = 1; }\n";

/// An input's `paths` and `exclude_paths` choose the files generated for
/// (`--path` and `--exclude-path`, when given, win); a `proto_file`
/// input with `include_package_files` brings the rest of its package.
#[test]
fn input_paths_and_package_files_choose_what_is_generated() {
    let generated = |inputs: &str, args: &[&str]| {
        let project = Project::new(&format!("{ONE_PLUGIN}inputs:\n{inputs}"));
        project.write("proto/acme/order/v1/item.proto", ITEM);
        let run = project.run(&[&["gen"], args].concat());
        assert_eq!(run.code, 0, "{inputs}: {}", run.stderr);
        project.tree("gen").into_keys().collect::<Vec<_>>()
    };
    let order = "acme/order/v1/order.proto.fake.txt";
    let item = "acme/order/v1/item.proto.fake.txt";
    let money = "acme/common/v1/money.proto.fake.txt";
    assert_eq!(
        generated("  - directory: .\n    paths: [acme/order]\n", &[]),
        [item, order]
    );
    assert_eq!(
        generated(
            "  - directory: .\n    exclude_paths: [proto/acme/order/v1/item.proto]\n",
            &[]
        ),
        [money, order]
    );
    assert_eq!(
        generated(
            "  - directory: .\n    paths: [acme/order]\n",
            &["--path", "acme/common"]
        ),
        [money]
    );
    assert_eq!(
        generated("  - proto_file: proto/acme/order/v1/order.proto\n", &[]),
        [order]
    );
    assert_eq!(
        generated(
            "  - proto_file: proto/acme/order/v1/order.proto\n    include_package_files: true\n",
            &[]
        ),
        [item, order]
    );
}

/// The same inputs under the real `buf generate` write the same trees.
#[test]
fn input_paths_and_package_files_match_buf_generate() {
    if !common::available("buf") {
        return;
    }
    for inputs in [
        "  - directory: .\n    paths: [proto/acme/order]\n",
        "  - directory: .\n    exclude_paths: [proto/acme/order/v1/item.proto]\n",
        "  - proto_file: proto/acme/order/v1/order.proto\n    include_package_files: true\n",
    ] {
        let project = Project::new(&format!("{ONE_PLUGIN}inputs:\n{inputs}"));
        project.write("proto/acme/order/v1/item.proto", ITEM);
        assert_same_as_buf(&project, 1);
    }
}

/// A tar archive of `entries` (name, content); names are written as
/// given, `..` included, as a hostile archive would have them.
fn tar_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut builder = tar::Builder::new(Vec::new());
    for (name, content) in entries {
        let mut header = tar::Header::new_gnu();
        header.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
        header.set_size(content.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        builder.append(&header, *content).unwrap();
    }
    builder.into_inner().unwrap()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write as _;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in entries {
        writer
            .start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(content).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// `tarball` and `zip_archive` inputs are read in memory, configured as
/// the directory they hold would be (its buf.yaml), and generate what
/// that directory generates.
#[test]
fn archive_inputs_generate_what_their_directory_does() {
    let entries: &[(&str, &[u8])] = &[
        (
            "apis-1.0/buf.yaml",
            b"version: v2\nmodules:\n  - path: proto\n",
        ),
        (
            "apis-1.0/proto/acme/common/v1/money.proto",
            COMMON.as_bytes(),
        ),
        ("apis-1.0/proto/acme/order/v1/order.proto", ORDER.as_bytes()),
        ("apis-1.0/README.md", b"not read"),
    ];
    let expected = [
        "acme/common/v1/money.proto.fake.txt",
        "acme/order/v1/order.proto.fake.txt",
    ];
    for (name, bytes, keys) in [
        ("apis.tar.gz", gzip(&tar_of(entries)), "tarball"),
        ("apis.tar", tar_of(entries), "tarball"),
        ("apis.zip", zip_of(entries), "zip_archive"),
    ] {
        let project = Project::new(&format!(
            "{ONE_PLUGIN}inputs:\n  - {keys}: {name}\n    strip_components: 1\n"
        ));
        std::fs::remove_dir_all(project.path("proto")).unwrap();
        std::fs::write(project.path(name), bytes).unwrap();
        let run = project.run(&["gen"]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        assert_eq!(
            project.tree("gen").into_keys().collect::<Vec<_>>(),
            expected,
            "{name}"
        );
    }
    // `subdir` picks the workspace inside; without buf.yaml there, every
    // .proto file below it is one module.
    let project = Project::new(&format!(
        "{ONE_PLUGIN}inputs:\n  - tarball: apis.tgz\n    strip_components: 1\n    subdir: proto\n    paths: [acme/order]\n"
    ));
    std::fs::write(project.path("apis.tgz"), gzip(&tar_of(entries))).unwrap();
    let run = project.run(&["gen"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        project.tree("gen").into_keys().collect::<Vec<_>>(),
        ["acme/order/v1/order.proto.fake.txt"]
    );
}

/// Hostile archives: an entry that climbs out, a link, and one that
/// unpacks past the size limit. Nothing is written anywhere.
#[test]
fn hostile_archives_are_refused_or_skipped_visibly() {
    let run_with = |name: &str, bytes: Vec<u8>, args: &[&str]| {
        let project = Project::new(&format!("{ONE_PLUGIN}inputs:\n  - tarball: {name}\n"));
        std::fs::write(project.path(name), bytes).unwrap();
        let run = project.run(&[&["gen"], args].concat());
        assert!(!project.path("evil.proto").exists());
        (run, project)
    };
    let (run, project) = run_with(
        "climb.tar",
        tar_of(&[("../evil.proto", COMMON.as_bytes())]),
        &[],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("refusing the entry `../evil.proto`"),
        "{}",
        run.stderr
    );
    assert!(!project.path("gen").exists());

    let mut link = tar::Header::new_gnu();
    link.set_entry_type(tar::EntryType::Symlink);
    link.set_size(0);
    let mut builder = tar::Builder::new(Vec::new());
    builder
        .append_link(&mut link, "acme/v1/secret.proto", "/etc/passwd")
        .unwrap();
    let mut file = tar::Header::new_gnu();
    file.set_size(COMMON.len() as u64);
    file.set_mode(0o644);
    builder
        .append_data(&mut file, "acme/common/v1/money.proto", COMMON.as_bytes())
        .unwrap();
    let (run, project) = run_with("link.tar", builder.into_inner().unwrap(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("skipping acme/v1/secret.proto (not a regular file)"),
        "{}",
        run.stderr
    );
    assert_eq!(project.tree("gen").len(), 1);

    // 1 MiB of spaces compresses to about 1 KB.
    let bomb = gzip(&tar_of(&[("zeros.proto", &vec![b' '; 1 << 20])]));
    assert!(bomb.len() < 20_000);
    let (run, _) = run_with("bomb.tar.gz", bomb, &["--max-file-size", "100000"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("unpacks to more than the 100000 bytes limit"),
        "{}",
        run.stderr
    );
}

/// The `proto:` section of opensergo.yaml lays out a directory input
/// that is its directory: here the module root `proto`, without which
/// the imports would not resolve.
#[test]
fn a_directory_input_is_laid_out_by_the_proto_section() {
    let project = Project::new(ONE_PLUGIN);
    std::fs::remove_file(project.path("buf.yaml")).unwrap();
    project.write(
        "opensergo.yaml",
        "version: v1\nproto:\n  modules:\n    - path: proto\n",
    );
    let run = project.run(&["gen"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(project.tree("gen").len(), 2);
    let run = project.run(&["--no-config", "gen", "--no-cache"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("acme/common/v1/money.proto"),
        "{}",
        run.stderr
    );
}

/// A plugin's `types`: the request holds the named declarations, what
/// they use across files, and only the files still holding something,
/// comments on their (renumbered) elements; errors are errors.
#[test]
fn plugin_types_send_only_what_the_types_use() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("testdata/gen/prune"), dir.path());
    let project = Project { dir };
    project.write(
        "buf.gen.yaml",
        "version: v2\nplugins:\n  - local: protoc-gen-fake\n    out: gen\n    opt: dump=req\n    strategy: all\n    types: [acme.order.v1.Orders]\n",
    );
    let run = project.run(&["gen"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (request, files) = dumped_request(&project);
    assert_eq!(
        request.file_to_generate,
        ["acme/common/v1/money.proto", "acme/order/v1/order.proto"],
        "note.proto holds nothing the service uses"
    );
    let money = &files["acme/common/v1/money.proto"];
    assert_eq!(money.message_type.len(), 1, "Coupon is dropped");
    let order = &files["acme/order/v1/order.proto"];
    let messages: Vec<&str> = order.message_type.iter().map(|m| m.name()).collect();
    assert_eq!(messages, ["Order"], "Legacy is dropped");
    assert_eq!(
        order.dependency,
        [
            "acme/common/v1/money.proto",
            "google/protobuf/timestamp.proto"
        ]
    );
    let info = order.source_code_info.as_ref().unwrap();
    let at = |path: &[i32]| {
        info.location
            .iter()
            .find(|l| l.path == path)
            .and_then(|l| l.leading_comments.clone())
    };
    assert_eq!(at(&[4, 0]).as_deref(), Some(" An order.\n"));
    assert_eq!(at(&[4, 0, 2, 1]).as_deref(), Some(" When it was placed.\n"));

    for (types, error) in [
        (
            "[acme.order.v1.Nope]",
            "which no file of the image declares",
        ),
        ("[.acme.order.v1.Order]", "leading dot"),
    ] {
        project.write(
            "buf.gen.yaml",
            &format!("version: v2\nplugins:\n  - local: protoc-gen-fake\n    out: gen\n    types: {types}\n"),
        );
        let run = project.run(&["gen"]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(run.stderr.contains(error), "{}", run.stderr);
    }
}

/// The same `types` under the real `buf generate`: protoc-gen-go and
/// protoc's Python generator (which embeds the serialized descriptor)
/// write byte-identical trees.
#[test]
fn plugin_types_match_buf_generate() {
    if !common::available("buf") || !common::available("protoc-gen-go") {
        return;
    }
    for types in [
        "[acme.order.v1.Orders]",
        "[acme.common.v1.Money]",
        "[acme.order.v1.Legacy, acme.order.v1.Status]",
    ] {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&root().join("testdata/gen/prune"), dir.path());
        let project = Project { dir };
        project.write(
            "buf.gen.yaml",
            &format!(
                "version: v2\nplugins:\n  - local: protoc-gen-go\n    out: gen\n    opt: paths=source_relative\n    types: {types}\n  - protoc_builtin: python\n    out: gen\n    types: {types}\n"
            ),
        );
        assert_same_as_buf(&project, 2);
    }
}

// The run cache: a no-change re-run compiles nothing and starts no plugin.

/// The files the fake plugin's `dump=req` saved: one per request it answered.
fn plugin_runs(project: &Project) -> usize {
    (0..)
        .take_while(|n| project.path(&format!("req.{n}")).exists())
        .count()
}

const HIT: &str = "nothing compiled, no plugin started";

/// One request a run (`strategy: all`): parallel requests would race
/// for the fake plugin's dump numbers.
const DUMPING: &str = "version: v2\nplugins:\n  - local: FAKE\n    out: gen\n    opt: [dump=req, a=1]\n    strategy: all\n";

#[test]
fn a_no_change_rerun_compiles_nothing_and_starts_no_plugin() {
    if !common::available("protoc") {
        return;
    }
    // A protoc that counts its runs, so that compiling is observable.
    let project = Project::new(DUMPING);
    let real = which("protoc");
    project.write(
        "bin/protoc",
        &format!(
            "#!/bin/sh\necho run >>\"{}\"\nexec \"{}\" \"$@\"\n",
            project.path("protoc.log").display(),
            real.display()
        ),
    );
    make_executable(&project.path("bin/protoc"));
    let path = format!("{}:{}", project.path("bin").display(), path_with_fake());
    let generate =
        |project: &Project| project.run_with_path(&["gen", "--compiler", "protoc"], &path);
    let compiles = |project: &Project| {
        std::fs::read_to_string(project.path("protoc.log"))
            .unwrap_or_default()
            .lines()
            .count()
    };
    let first = generate(&project);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(!first.stderr.contains(HIT), "{}", first.stderr);
    assert_eq!((compiles(&project), plugin_runs(&project)), (1, 1));
    let before = project.tree("gen");

    let again = generate(&project);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stderr.contains(HIT), "{}", again.stderr);
    assert!(
        again.stderr.contains("0 written, 2 unchanged"),
        "{}",
        again.stderr
    );
    assert_eq!((compiles(&project), plugin_runs(&project)), (1, 1));
    assert_eq!(project.tree("gen"), before);

    // A file no request holds is still walked: its broken import misses
    // the cache, and the compile reports it.
    project.write(
        "proto/acme/unrelated/v1/broken.proto",
        "syntax = \"proto3\";\npackage acme.unrelated.v1;\nimport \"acme/nowhere.proto\";\n",
    );
    let broken = generate(&project);
    assert_eq!(broken.code, 1, "{}", broken.stderr);
    assert!(
        broken.stderr.contains("acme/nowhere.proto"),
        "{}",
        broken.stderr
    );
    assert_eq!(compiles(&project), 2);
    assert_eq!(project.tree("gen"), before);
}

fn which(program: &str) -> PathBuf {
    std::env::split_paths(&std::env::var_os("PATH").unwrap())
        .map(|dir| dir.join(program))
        .find(|path| path.is_file())
        .unwrap_or_else(|| panic!("{program} is not on PATH"))
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn an_input_byte_the_template_the_plugin_binary_or_opt_rerun() {
    // The plugin is a copy in the project, so that it can be rewritten.
    let project = Project::new(DUMPING);
    let fake = std::fs::read_to_string(root().join("testdata/gen/protoc-gen-fake")).unwrap();
    project.write("bin/protoc-gen-fake", &fake);
    make_executable(&project.path("bin/protoc-gen-fake"));
    let path = format!("{}:{}", project.path("bin").display(), path_with_fake());
    let generate = |project: &Project| {
        let run = project.run_with_path(&["gen"], &path);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run
    };
    generate(&project);
    assert_eq!(plugin_runs(&project), 1);
    assert!(generate(&project).stderr.contains(HIT));
    assert_eq!(plugin_runs(&project), 1);

    // One byte of one input.
    project.write(
        "proto/acme/common/v1/money.proto",
        &COMMON.replace("units = 1", "units = 2"),
    );
    let changed = generate(&project);
    assert!(!changed.stderr.contains(HIT), "{}", changed.stderr);
    assert_eq!(plugin_runs(&project), 2);
    assert!(generate(&project).stderr.contains(HIT));

    // The template (a new `out`): the run is redone, though every
    // request is answered from the response cache.
    let template = project.read("buf.gen.yaml");
    project.write("buf.gen.yaml", &template.replace("out: gen", "out: gen2"));
    let moved = generate(&project);
    assert!(!moved.stderr.contains(HIT), "{}", moved.stderr);
    assert!(moved.stderr.contains("(all cached: inputs unchanged)"));
    assert_eq!(project.tree("gen2"), project.tree("gen"));
    assert_eq!(plugin_runs(&project), 2);

    // The plugin binary rewritten (same size, same content even): it runs.
    std::fs::remove_file(project.path("bin/protoc-gen-fake")).unwrap();
    project.write("bin/protoc-gen-fake", &fake);
    make_executable(&project.path("bin/protoc-gen-fake"));
    assert!(!generate(&project).stderr.contains(HIT));
    assert_eq!(plugin_runs(&project), 3);

    // `opt`: a new parameter is a new request.
    project.write("buf.gen.yaml", &template.replace("a=1", "a=2"));
    assert!(!generate(&project).stderr.contains(HIT));
    assert_eq!(plugin_runs(&project), 4);
    assert!(
        project
            .read("gen/acme/common/v1/money.proto.fake.txt")
            .contains("a=2")
    );
    assert!(generate(&project).stderr.contains(HIT));
    assert_eq!(plugin_runs(&project), 4);
}

#[test]
fn check_answers_from_the_run_cache_and_misses_on_a_change() {
    let project = Project::new(&format!("clean: true\n{DUMPING}"));
    assert_eq!(project.run(&["gen"]).code, 0);
    let current = project.run(&["gen", "--check"]);
    assert_eq!(current.code, 0, "{}", current.stderr);
    assert!(current.stderr.contains(HIT), "{}", current.stderr);
    assert!(current.stderr.contains("2 files current"));

    // A hit still compares with the disk: stale, missing and extra.
    project.write("gen/acme/common/v1/money.proto.fake.txt", "by hand\n");
    std::fs::remove_file(project.path("gen/acme/order/v1/order.proto.fake.txt")).unwrap();
    project.write("gen/stray.txt", "x\n");
    let drift = project.run(&["gen", "--check"]);
    assert_eq!(drift.code, 1, "{}", drift.stderr);
    assert!(drift.stderr.contains(HIT), "{}", drift.stderr);
    for expected in ["stale", "missing", "extra"] {
        assert!(drift.stdout.contains(expected), "{}", drift.stdout);
    }
    // `clean:` behaves on a hit: the stray file goes, the others return.
    let restored = project.run(&["gen"]);
    assert!(restored.stderr.contains(HIT), "{}", restored.stderr);
    assert!(
        restored
            .stderr
            .contains("2 written, 0 unchanged, 1 deleted"),
        "{}",
        restored.stderr
    );
    assert_eq!(plugin_runs(&project), 1);

    // A new input file: --check misses, runs the plugin, and finds the
    // file missing.
    project.write(
        "proto/acme/common/v1/rate.proto",
        "syntax = \"proto3\";\npackage acme.common.v1;\nmessage Rate { int64 per_mille = 1; }\n",
    );
    let missing = project.run(&["gen", "--check"]);
    assert_eq!(missing.code, 1, "{}", missing.stderr);
    assert!(!missing.stderr.contains(HIT), "{}", missing.stderr);
    assert!(
        missing.stdout.contains("rate.proto.fake.txt"),
        "{}",
        missing.stdout
    );
    assert!(missing.stdout.contains("missing"), "{}", missing.stdout);
    assert_eq!(plugin_runs(&project), 2);
}

#[test]
fn output_trees_are_identical_with_and_without_the_cache() {
    // Two plugins, one inserting into the other's files, and `clean`.
    let project = Project::new(
        "version: v2\nclean: true\nplugins:\n  - local: FAKE\n    out: gen\n    opt: suffix=x\n  - local: FAKE\n    out: gen\n    opt: insert=x\n  - local: FAKE\n    out: gen/all\n    strategy: all\n",
    );
    let uncached = project.run(&["gen", "--no-cache"]);
    assert_eq!(uncached.code, 0, "{}", uncached.stderr);
    let reference = project.tree("gen");
    assert!(reference.values().any(|text| text.contains("inserted\n")));
    for round in ["miss", "hit"] {
        std::fs::remove_dir_all(project.path("gen")).unwrap();
        let run = project.run(&["gen"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(run.stderr.contains(HIT), round == "hit", "{}", run.stderr);
        assert_eq!(project.tree("gen"), reference, "{round}");
    }
}

/// The run cache's entry, as tests/gen.rs sees it (src/proto/cache.rs).
#[derive(Clone, PartialEq, prost::Message)]
struct RunEntry {
    #[prost(bytes = "vec", tag = "1")]
    key: Vec<u8>,
    #[prost(message, repeated, tag = "2")]
    outputs: Vec<opensergo::proto::cache::PluginOutput>,
}

fn run_entry_path(project: &Project) -> PathBuf {
    let runs = project.path(".cache/opensergo/gen/runs");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&runs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(entries.len(), 1, "one entry per invocation");
    entries.pop().unwrap()
}

#[test]
fn corrupt_truncated_and_escaping_run_entries_are_misses() {
    let project = Project::new(DUMPING);
    assert_eq!(project.run(&["gen"]).code, 0);
    let reference = project.tree("gen");
    let entry_path = run_entry_path(&project);
    let good = std::fs::read(&entry_path).unwrap();
    let entry = RunEntry::decode(good.as_slice()).unwrap();
    let with_name = |name: &str| {
        let mut hostile = entry.clone();
        hostile.outputs[0].files[0].name = Some(name.to_string());
        hostile.encode_to_vec()
    };
    let mut other_plugin = entry.clone();
    other_plugin.outputs[0].plugin = 7;
    let outside = project.path("outside.txt");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("corrupt", b"\xff\xff\xff\xff not an entry".to_vec()),
        ("truncated", good[..good.len() / 2].to_vec()),
        ("empty", Vec::new()),
        ("dot-dot", with_name("../outside.txt")),
        ("absolute", with_name(&outside.display().to_string())),
        ("not a plugin of the run", other_plugin.encode_to_vec()),
    ];
    for (case, bytes) in cases {
        std::fs::remove_dir_all(project.path("gen")).unwrap();
        std::fs::write(&entry_path, &bytes).unwrap();
        let runs_before = plugin_runs(&project);
        let run = project.run(&["gen"]);
        assert_eq!(run.code, 0, "{case}: {}", run.stderr);
        assert!(!run.stderr.contains(HIT), "{case}: {}", run.stderr);
        assert_eq!(
            plugin_runs(&project),
            runs_before,
            "{case}: answered per request"
        );
        assert_eq!(project.tree("gen"), reference, "{case}");
        assert!(!outside.exists(), "{case}");
        // The run replaced the entry with a good one.
        assert!(project.run(&["gen"]).stderr.contains(HIT), "{case}");
    }
}

/// A git input is keyed on what its ref resolves to now (the files of
/// that revision), never on the ref's name; a binary image on its bytes.
#[test]
fn a_moved_ref_or_a_rebuilt_image_misses_the_run_cache() {
    let (repo, _) = api_repository();
    let project = Project::new(ONE_PLUGIN);
    project.write(
        "buf.gen.yaml",
        &format!(
            "version: v2\nplugins:\n  - local: protoc-gen-fake\n    out: gen\ninputs:\n  - git_repo: {}\n    branch: main\n    subdir: apis\n",
            repo.path().display()
        ),
    );
    let generate = |project: &Project| {
        let run = project.run(&["gen"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run
    };
    assert!(!generate(&project).stderr.contains(HIT));
    assert!(generate(&project).stderr.contains(HIT));
    assert_eq!(project.tree("gen").len(), 3);
    let moved = repo.path().join("apis/proto/acme/extra/v1/more.proto");
    std::fs::write(&moved, "syntax = \"proto3\";\npackage acme.extra.v1;\n").unwrap();
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "--quiet", "-m", "more"]);
    assert!(!generate(&project).stderr.contains(HIT));
    assert_eq!(project.tree("gen").len(), 4);

    // A binary image rebuilt with another file.
    let project = Project::new(ONE_PLUGIN);
    let build = |project: &Project| {
        let run = project.run(&["proto", "build", "-o", "image.binpb"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    };
    build(&project);
    project.write(
        "buf.gen.yaml",
        &format!(
            "{}inputs:\n  - binary_image: image.binpb\n",
            ONE_PLUGIN.replace("FAKE", "protoc-gen-fake")
        ),
    );
    assert!(!generate(&project).stderr.contains(HIT));
    assert!(generate(&project).stderr.contains(HIT));
    project.write("proto/acme/order/v1/item.proto", ITEM);
    build(&project);
    assert!(!generate(&project).stderr.contains(HIT));
    assert!(
        project
            .path("gen/acme/order/v1/item.proto.fake.txt")
            .exists()
    );
}

/// `types` and `exclude_types`, on plugins and on the input, over a
/// module built to exercise each case (testdata/gen/exclude/README.md):
/// protoc-gen-go and protoc's python generator write the same bytes
/// under `buf generate` and `opensergo gen`.
#[test]
fn type_filters_match_buf_generate_byte_for_byte() {
    if !common::available("buf") || !common::available("protoc-gen-go") {
        return;
    }
    let cases = [
        // A message used by fields elsewhere and as a proto3 optional
        // field (its synthetic oneof goes too), with the map entry, the
        // service and the package that use it.
        (
            "",
            "exclude_types: [shop.common.v1.Money, shop.order.v1.Order.PricesEntry, shop.order.v1.Orders, shop.admin.v1]",
        ),
        // A message used by a field in a oneof, an enum used by a field.
        (
            "",
            "exclude_types: [shop.common.v1.Coupon, shop.common.v1.Currency]",
        ),
        (
            "",
            "exclude_types: [shop.order.v1.Order.Line, shop.order.v1.Order.Kind]",
        ),
        (
            "",
            "exclude_types: [google.protobuf.Timestamp, shop.order.v1.Orders]",
        ),
        ("", "exclude_types: [shop.admin.**]"),
        (
            "",
            "types: [shop.order.v1.Order.Line.Note, shop.order.v1.Orders.Get]",
        ),
        (
            "",
            "types: [shop.order.v1]\n    exclude_types: [shop.order.v1.Order.Line]",
        ),
        (
            "",
            "types: [shop.**]\n    exclude_types: [shop.common.v1.Coupon]",
        ),
        // The input's filters first, then the plugin's, as buf does.
        (
            "types: [shop.order.v1.Orders]",
            "exclude_types: [shop.common.v1.Coupon]",
        ),
        (
            "exclude_types: [shop.admin.v1]",
            "types: [shop.order.v1.Order]",
        ),
    ];
    assert_filters_match_buf("testdata/gen/exclude", &cases);
}

/// Under each (input filter, plugin filter) of `cases` over the module
/// `fixture`, protoc-gen-go and protoc's python generator write the same
/// trees under `buf generate` and `opensergo gen`.
fn assert_filters_match_buf(fixture: &str, cases: &[(&str, &str)]) {
    for (input, plugin) in cases {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&root().join(fixture), dir.path());
        let project = Project { dir };
        let inputs = match *input {
            "" => String::new(),
            filter => format!("inputs:\n  - directory: .\n    {filter}\n"),
        };
        project.write(
            "buf.gen.yaml",
            &format!(
                "version: v2\nplugins:\n  - local: protoc-gen-go\n    out: gen\n    opt: paths=source_relative\n    {plugin}\n  - protoc_builtin: python\n    out: gen\n    {plugin}\n{inputs}"
            ),
        );
        assert_same_as_buf(&project, 2);
    }
}

/// Where buf refuses a filter, so does `gen`, writing nothing: a method
/// whose request or response is excluded, a kept type that is excluded,
/// a type of an imported file kept by name.
#[test]
fn type_filters_buf_refuses_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("testdata/gen/exclude"), dir.path());
    let project = Project { dir };
    for (filter, error) in [
        (
            "exclude_types: [shop.common.v1.Money]",
            "cannot keep method `shop.order.v1.Orders.Price`",
        ),
        (
            "types: [shop.order.v1.Order.Line]\n    exclude_types: [shop.order.v1.Order]",
            "which `exclude_types` excludes",
        ),
        ("types: [google.protobuf.Timestamp]", "an imported file"),
        ("types: [shop]", "write `shop.**`"),
    ] {
        project.write(
            "buf.gen.yaml",
            &format!(
                "version: v2\nplugins:\n  - local: protoc-gen-fake\n    out: gen\n    {filter}\n"
            ),
        );
        let run = project.run(&["gen"]);
        assert_eq!(run.code, 2, "{filter}: {}", run.stderr);
        assert!(run.stderr.contains(error), "{filter}: {}", run.stderr);
        assert!(!project.path("gen").exists(), "{filter}");
        if common::available("buf") {
            let buf = std::process::Command::new("buf")
                .current_dir(project.path(""))
                .env("PATH", path_with_fake())
                .arg("generate")
                .output()
                .unwrap();
            assert!(!buf.status.success(), "buf accepts {filter}");
        }
    }
}

/// Keeping or excluding any one declaration of the OpenSergo protos
/// (every message, enum, service, method and extension, nested ones
/// too) leaves an image prost-reflect accepts as a descriptor pool, or
/// is buf's error for a method whose message is excluded, or a refusal
/// where buf would write an invalid descriptor (a map entry without its
/// value, stale oneof indexes).
#[test]
fn filtering_any_opensergo_declaration_leaves_a_well_formed_pool() {
    use opensergo::protobuild::compile::Image;
    use opensergo::protobuild::prune::{TypeFilter, filter_types};
    let dir = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for (name, text) in opensergo::convert::descriptors::proto_sources() {
        if name.ends_with(".proto") {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
            names.push(*name);
        }
    }
    let mut compiler = protox::Compiler::new([dir.path()]).unwrap();
    compiler.include_imports(true).include_source_info(true);
    compiler.open_files(&names).unwrap();
    let targets = names.iter().copied().collect();
    let image = Image::decode(&compiler.encode_file_descriptor_set(), &targets).unwrap();
    let pool = prost_reflect::DescriptorPool::decode(image.encode().as_slice()).unwrap();
    let mut declarations: Vec<String> = Vec::new();
    for file in pool.files().filter(|f| names.contains(&f.name())) {
        declarations.extend(file.services().flat_map(|s| {
            let methods: Vec<String> = s.methods().map(|m| m.full_name().to_string()).collect();
            std::iter::once(s.full_name().to_string()).chain(methods)
        }));
        declarations.extend(file.extensions().map(|x| x.full_name().to_string()));
    }
    for message in pool
        .all_messages()
        .filter(|m| names.contains(&m.parent_file().name()))
    {
        declarations.push(message.full_name().to_string());
        declarations.extend(message.child_enums().map(|e| e.full_name().to_string()));
        declarations.extend(
            message
                .child_extensions()
                .map(|x| x.full_name().to_string()),
        );
    }
    for e in pool.all_enums().filter(|e| e.parent_message().is_none()) {
        if names.contains(&e.parent_file().name()) {
            declarations.push(e.full_name().to_string());
        }
    }
    assert!(declarations.len() > 50, "{declarations:?}");
    let mut refused = 0;
    for name in &declarations {
        for filter in [
            TypeFilter {
                types: vec![name.clone()],
                exclude_types: Vec::new(),
            },
            TypeFilter {
                types: Vec::new(),
                exclude_types: vec![name.clone()],
            },
        ] {
            match filter_types(&image, &filter) {
                Ok(filtered) => {
                    let encoded = filtered.encode();
                    if let Err(error) = prost_reflect::DescriptorPool::decode(encoded.as_slice()) {
                        panic!("{filter:?}: {error}");
                    }
                }
                Err(error) => {
                    let error = error.to_string();
                    let refusals = ["cannot keep method", "oneof `", "map entry `"];
                    assert!(
                        refusals.iter().any(|r| error.contains(r)),
                        "{filter:?}: {error}"
                    );
                    refused += 1;
                }
            }
        }
    }
    assert!(
        refused < declarations.len(),
        "{refused} of {}",
        declarations.len()
    );
}

/// Custom options: what is kept brings the extensions of the options
/// set on it (and on its fields, values, methods and file) along, with
/// their types and imports, as `buf generate` does.
#[test]
fn type_filters_follow_custom_options_as_buf_generate_does() {
    if !common::available("buf") || !common::available("protoc-gen-go") {
        return;
    }
    assert_filters_match_buf(
        "testdata/gen/exclude-options",
        &[
            ("", "types: [a.B]"),
            ("", "types: [a.C]"),
            ("", "types: [a.S.X]"),
            ("", "types: [a.D]"),
            ("", "types: [a.E]"),
            ("", "exclude_types: [a.S, a.A]"),
            ("", "exclude_types: [o.Unused]"),
            // Options whose extension is excluded are removed where set.
            ("", "exclude_types: [o.Tag]"),
            ("", "exclude_types: [o.f, o.ev, o.mo, o.fo, o.so]"),
            ("", "types: [a.S]\n    exclude_types: [o.mo, o.Tag]"),
        ],
    );
}

/// The input's `types` apply before the plugin's `exclude_types`: the
/// plugin sees the service's closure without the coupon, and a name the
/// input's filter removed is unknown to the plugin's.
#[test]
fn input_type_filters_apply_before_the_plugins() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("testdata/gen/exclude"), dir.path());
    let project = Project { dir };
    project.write(
        "buf.gen.yaml",
        "version: v2\nplugins:\n  - local: protoc-gen-fake\n    out: gen\n    opt: dump=req\n    strategy: all\n    exclude_types: [shop.common.v1.Coupon]\ninputs:\n  - directory: .\n    types: [shop.order.v1.Orders]\n",
    );
    let run = project.run(&["gen"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (request, files) = dumped_request(&project);
    assert_eq!(
        request.file_to_generate,
        ["shop/common/v1/money.proto", "shop/order/v1/order.proto"],
        "admin.proto is not used by the service"
    );
    let money: Vec<&str> = files["shop/common/v1/money.proto"]
        .message_type
        .iter()
        .map(|m| m.name())
        .collect();
    assert_eq!(money, ["Money"]);
    let order = &files["shop/order/v1/order.proto"].message_type[0];
    assert!(order.field.iter().all(|f| f.name() != "coupon"));
    project.write(
        "buf.gen.yaml",
        "version: v2\nplugins:\n  - local: protoc-gen-fake\n    out: gen\n    exclude_types: [shop.admin.v1]\ninputs:\n  - directory: .\n    types: [shop.order.v1.Order]\n",
    );
    let run = project.run(&["gen"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`exclude_types` names `shop.admin.v1`, which no file"),
        "{}",
        run.stderr
    );
}

/// Public and unused imports: a filtered file imports exactly what its
/// kept declarations use (a type reached through a public import is
/// imported directly), as `buf generate` writes it.
#[test]
fn type_filters_rewrite_imports_as_buf_generate_does() {
    if !common::available("buf") || !common::available("protoc-gen-go") {
        return;
    }
    assert_filters_match_buf(
        "testdata/gen/exclude-public",
        &[
            ("", "types: [c.C]"),
            ("", "types: [c.D, x.X]"),
            ("", "exclude_types: [c.Spare]"),
            ("", "exclude_types: [b.Other]"),
        ],
    );
}
