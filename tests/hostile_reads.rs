//! Hostile input, reads (issue #9): a walk reads only what lies in the
//! walked tree unless told otherwise, and every read is bounded by the
//! size limit before it is read whole.
#![cfg(unix)]

mod common;

use std::os::unix::fs::symlink;
use std::time::Duration;

use common::hostile::*;

const SECRET: &str = "apiVersion: v1\nkind: Secret\nmetadata: {name: TOP-SECRET-VALUE}\n";

/// Links leading out of the walked directory (a directory, a file, a
/// system directory) are skipped with a note naming --follow-symlinks;
/// their content never reaches the output. Links inside the tree are
/// followed; files named on the command line are read as given.
#[test]
fn walks_do_not_follow_links_out_of_the_tree() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("secret/key.yaml"), SECRET);
    write(
        &dir.path().join("secret/id_ed25519"),
        "threshold: [TOP-SECRET-VALUE\n",
    );
    write(&dir.path().join("repo/real.yaml"), strategy("a"));
    symlink("../secret", dir.path().join("repo/rules")).unwrap();
    symlink(
        dir.path().join("secret/id_ed25519"),
        dir.path().join("repo/deploy.yaml"),
    )
    .unwrap();
    symlink("/usr", dir.path().join("repo/usr")).unwrap();
    symlink("real.yaml", dir.path().join("repo/inside.yaml")).unwrap();

    for format in ["human", "short", "json"] {
        let r = run(dir.path(), &["validate", "repo", "-f", format]);
        assert_eq!(r.code, 0, "{format}: {}{}", r.stdout, r.stderr);
        assert!(!r.stdout.contains("TOP-SECRET-VALUE"), "{}", r.stdout);
        for link in ["repo/rules", "repo/deploy.yaml", "repo/usr"] {
            assert!(
                r.stderr.contains(&format!("skipped {link}")),
                "{link}: {}",
                r.stderr
            );
        }
        assert!(r.stderr.contains("--follow-symlinks"), "{}", r.stderr);
        // The link inside the tree is followed: two documents, both `a`.
        if format == "short" {
            assert!(r.stdout.contains("2 files, 2 documents"), "{}", r.stdout);
        }
    }
    let r = run(dir.path(), &["lint", "repo", "-f", "short"]);
    assert!(!r.stdout.contains("TOP-SECRET-VALUE"), "{}", r.stdout);

    // Asked for: followed (not into all of /usr: minutes on a loaded machine).
    std::fs::remove_file(dir.path().join("repo/usr")).unwrap();
    let r = run(
        dir.path(),
        &["validate", "--follow-symlinks", "repo", "-f", "short"],
    );
    assert!(
        r.stdout.contains("TOP-SECRET") || r.stdout.contains("deploy.yaml"),
        "{}",
        r.stdout
    );
    // Named on the command line: read as given.
    let r = run(dir.path(), &["validate", "repo/deploy.yaml", "-f", "short"]);
    assert!(r.stdout.contains("repo/deploy.yaml"), "{}", r.stdout);

    // diff walks both sides the same way and takes the flag its note names.
    write(&dir.path().join("old/real.yaml"), strategy("a"));
    std::fs::remove_file(dir.path().join("repo/inside.yaml")).unwrap();
    let r = run(dir.path(), &["diff", "old", "repo"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(!r.stdout.contains("TOP-SECRET-VALUE"), "{}", r.stdout);
    assert!(
        r.stderr.contains("skipped repo/rules") && r.stderr.contains("--follow-symlinks"),
        "{}",
        r.stderr
    );
    let r = run(dir.path(), &["diff", "--follow-symlinks", "old", "repo"]);
    assert!(
        r.stderr.contains("repo/deploy.yaml") && !r.stderr.contains("skipped repo/rules"),
        "{}{}",
        r.stdout,
        r.stderr
    );
}

/// `--schema-dir` is walked as inputs are: a schema reached through a
/// link out of the directory (a file or a directory) is skipped with a
/// note naming --follow-symlinks, a link inside it is followed, and
/// --follow-symlinks follows them all. Lint reads the same directories
/// (from opensergo.yaml) the same way.
#[test]
fn schema_dir_walks_do_not_follow_links_out_of_the_tree() {
    let dir = tempfile::tempdir().unwrap();
    let schema = r#"{"type": "object", "required": ["zzz"]}"#;
    write(&dir.path().join("secret/x.io/v1/Foo.json"), schema);
    write(&dir.path().join("secret/y.io/v1/Bar.json"), schema);
    write(&dir.path().join("schemas/z.io/v1/Baz.json"), schema);
    std::fs::create_dir_all(dir.path().join("schemas/x.io/v1")).unwrap();
    std::fs::create_dir_all(dir.path().join("schemas/w.io/v1")).unwrap();
    symlink(
        "../../../secret/x.io/v1/Foo.json",
        dir.path().join("schemas/x.io/v1/Foo.json"),
    )
    .unwrap();
    symlink("../secret/y.io", dir.path().join("schemas/y.io")).unwrap();
    symlink(
        "../../z.io/v1/Baz.json",
        dir.path().join("schemas/w.io/v1/Qux.json"),
    )
    .unwrap();
    let docs: Vec<String> = [("x.io", "Foo"), ("y.io", "Bar"), ("w.io", "Qux")]
        .iter()
        .map(|(group, kind)| {
            format!("apiVersion: {group}/v1\nkind: {kind}\nmetadata: {{name: a}}\n")
        })
        .collect();
    write(&dir.path().join("rules.yaml"), docs.join("---\n"));

    let r = run(
        dir.path(),
        &[
            "validate",
            "--schema-dir",
            "schemas",
            "rules.yaml",
            "-f",
            "short",
        ],
    );
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    for link in ["schemas/x.io/v1/Foo.json", "schemas/y.io"] {
        assert!(
            r.stderr.contains(&format!("skipped {link}")),
            "{link}: {}",
            r.stderr
        );
    }
    assert!(r.stderr.contains("--follow-symlinks"), "{}", r.stderr);
    assert_eq!(r.stdout.matches("`zzz`").count(), 1, "{}", r.stdout);
    assert!(
        r.stdout.contains("2 skipped (1 Bar, 1 Foo)"),
        "{}",
        r.stdout
    );

    let r = run(
        dir.path(),
        &[
            "validate",
            "--follow-symlinks",
            "--schema-dir",
            "schemas",
            "rules.yaml",
            "-f",
            "short",
        ],
    );
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stdout.matches("`zzz`").count(), 3, "{}", r.stdout);

    write(
        &dir.path().join("opensergo.yaml"),
        "validate:\n  schemaDirs: [schemas]\n",
    );
    let r = run_in(
        dir.path(),
        &["lint", "rules.yaml", "-f", "short"],
        Duration::from_secs(120),
    );
    assert!(
        r.stderr.contains("schemas/y.io: a symbolic link to"),
        "{}{}",
        r.stdout,
        r.stderr
    );
}

/// A discovered opensergo.yaml that is no regular file (a link to
/// /dev/zero, a FIFO, a link to nothing) is an error naming it, found at
/// once: never passed over silently for a parent's configuration or the
/// defaults, and never opened (a FIFO would block the run).
#[test]
fn a_discovered_config_that_is_no_regular_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("opensergo.yaml"),
        "version: v1\nfailOn: info\n",
    );
    let project = dir.path().join("project");
    write(&project.join("rule.yaml"), strategy("a"));
    let config = project.join("opensergo.yaml");
    let plant: [(&str, &dyn Fn()); 3] = [
        ("a link to /dev/zero", &|| {
            symlink("/dev/zero", &config).unwrap()
        }),
        ("a FIFO", &|| mkfifo(&config)),
        ("a dangling link", &|| {
            symlink("missing.yaml", &config).unwrap()
        }),
    ];
    for (what, plant) in plant {
        let _ = std::fs::remove_file(&config);
        plant();
        let r = run_in(
            &project,
            &["validate", "rule.yaml"],
            Duration::from_secs(30),
        );
        assert_eq!(r.code, 2, "{what}: {}{}", r.stdout, r.stderr);
        assert!(
            r.flat().contains("opensergo.yaml is not a regular file"),
            "{what}: {}",
            r.stderr
        );
    }
}

/// `convert` walks the same way.
#[test]
fn convert_walks_do_not_follow_links_out_of_the_tree() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("outside/x.yaml"),
        strategy("outside-object"),
    );
    write(&dir.path().join("repo/a.yaml"), strategy("a"));
    symlink("../outside/x.yaml", dir.path().join("repo/x.yaml")).unwrap();
    let r = run(dir.path(), &["convert", "repo", "--to", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains("outside-object"), "{}", r.stdout);
    assert!(r.stderr.contains("skipped repo/x.yaml"), "{}", r.stderr);
}

/// Every read is bounded: `--config /dev/zero`, a discovered config, a
/// descriptor set, .proto files, schema files and inputs over the limit
/// are refused quickly, not read whole.
#[test]
fn every_read_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("rule.yaml"), strategy("a"));
    let quick = Duration::from_secs(30);

    let r = run_in(
        dir.path(),
        &[
            "--config",
            "/dev/zero",
            "validate",
            "--max-file-size",
            "1048576",
            "rule.yaml",
        ],
        quick,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.flat()
            .contains("config /dev/zero is larger than the 1 MiB limit"),
        "{}",
        r.stderr
    );

    // Every command that reads the configuration reads it within its own
    // --max-file-size, the flag the message names.
    for command in [
        &["lint", "rule.yaml"][..],
        &["diff", "rule.yaml", "rule.yaml"],
        &["gen"],
        &["proto", "build"],
        &["proto", "lint"],
        &["proto", "breaking", "--against", "."],
        &["proto", "format"],
        &["config", "show"],
    ] {
        let mut args = vec!["--config", "/dev/zero"];
        args.extend_from_slice(command);
        args.extend_from_slice(&["--max-file-size", "1000"]);
        let r = run_in(dir.path(), &args, quick);
        assert_eq!(r.code, 2, "{command:?}: {}", r.stderr);
        assert!(
            r.flat()
                .contains("larger than the 1000 bytes limit (raise it with --max-file-size)"),
            "{command:?}: {}",
            r.stderr
        );
    }

    // A discovered opensergo.yaml over the limit.
    let project = dir.path().join("project");
    write(&project.join("rule.yaml"), strategy("a"));
    write(
        &project.join("opensergo.yaml"),
        format!("version: v1\n#{}\n", "x".repeat(5000)),
    );
    let r = run_in(
        &project,
        &["validate", "--max-file-size", "1000", "rule.yaml"],
        quick,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.flat().contains("config"), "{}", r.stderr);

    // An input file over the limit is refused before it is read: a sparse
    // 4 GiB file takes no time.
    let big = std::fs::File::create(dir.path().join("big.yaml")).unwrap();
    big.set_len(4 << 30).unwrap();
    let r = run_in(dir.path(), &["--no-config", "validate", "big.yaml"], quick);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.flat().contains("larger than the 256 MiB limit"),
        "{}",
        r.stdout
    );

    // --descriptor-set from an endless device.
    let r = run_in(
        dir.path(),
        &[
            "--no-config",
            "convert",
            "rule.yaml",
            "--from",
            "binpb",
            "--type",
            "x.Y",
            "--descriptor-set",
            "/dev/zero",
            "--to",
            "json",
            "--max-file-size",
            "4096",
        ],
        quick,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.flat()
            .contains("--descriptor-set /dev/zero is larger than the 4096 bytes limit"),
        "{}",
        r.stderr
    );

    // The schema commands read their inputs within their own limit too.
    for args in [
        &["schema", "from-crd", "rule.yaml", "-o", "out"][..],
        &["proto", "from-schema", "rule.yaml"],
        &[
            "proto",
            "from-schema",
            "--kind",
            "RateLimitStrategy",
            "--previous",
            "rule.yaml",
        ],
    ] {
        let mut args = args.to_vec();
        args.extend_from_slice(&["--max-file-size", "10"]);
        let r = run_in(dir.path(), &args, quick);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(
            r.flat().contains("larger than the 10 bytes limit"),
            "{args:?}: {}",
            r.stderr
        );
    }

    // A .proto file over the limit, under --proto-path.
    write(
        &dir.path().join("protos/big.proto"),
        format!(
            "syntax = \"proto3\";\npackage t;\nmessage M {{}}\n//{}\n",
            "x".repeat(10_000)
        ),
    );
    write(&dir.path().join("m.txtpb"), "");
    let r = run_in(
        dir.path(),
        &[
            "--no-config",
            "convert",
            "m.txtpb",
            "--from",
            "txtpb",
            "--type",
            "t.M",
            "--proto-path",
            "protos",
            "--to",
            "json",
            "--max-file-size",
            "4096",
        ],
        quick,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.flat().contains("larger than the 4096 bytes limit"),
        "{}",
        r.stderr
    );

    // A schema file over the limit.
    write(
        &dir.path().join("schemas/foo_v1.json"),
        format!("{{\"description\": \"{}\"}}", "x".repeat(5000)),
    );
    let r = run_in(
        dir.path(),
        &[
            "--no-config",
            "validate",
            "--schema-dir",
            "schemas",
            "--max-file-size",
            "1000",
            "rule.yaml",
        ],
        quick,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.flat().contains("larger than the 1000 bytes limit"),
        "{}",
        r.stderr
    );
}

/// `.proto` imports cannot climb out of --proto-path, and say so; links
/// leading out are skipped.
#[test]
fn proto_paths_stay_inside_their_directories() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("secret.proto"),
        "syntax = \"proto3\";\npackage s;\nmessage S {}\n",
    );
    write(
        &dir.path().join("protos/a.proto"),
        "syntax = \"proto3\";\npackage t;\nimport \"../secret.proto\";\nmessage A { string s = 1; }\n",
    );
    write(&dir.path().join("a.txtpb"), "s: \"x\"\n");
    let args = [
        "convert",
        "a.txtpb",
        "--from",
        "txtpb",
        "--type",
        "t.A",
        "--proto-path",
        "protos",
        "--to",
        "json",
    ];
    let r = run(dir.path(), &args);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.flat().contains("invalid import path \"../secret.proto\""),
        "{}",
        r.stderr
    );
    assert!(!r.flat().contains("group name"), "{}", r.stderr);

    write(
        &dir.path().join("protos/a.proto"),
        "syntax = \"proto3\";\npackage t;\nmessage A { string s = 1; }\n",
    );
    symlink(
        dir.path().join("secret.proto"),
        dir.path().join("protos/link.proto"),
    )
    .unwrap();
    let r = run(dir.path(), &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("skipped protos/link.proto"),
        "{}",
        r.stderr
    );
}

/// Special files as inputs: a FIFO with nothing behind it is not waited
/// on by a walk (only named files are opened as given); /dev/zero named
/// on the command line is cut at the limit.
#[test]
fn special_files_as_inputs() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("repo/a.yaml"), strategy("a"));
    mkfifo(&dir.path().join("repo/pipe.yaml"));
    let r = run_in(
        dir.path(),
        &["--no-config", "validate", "repo"],
        Duration::from_secs(30),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);

    let r = run_in(
        dir.path(),
        &[
            "--no-config",
            "validate",
            "--max-file-size",
            "100000",
            "/dev/zero",
        ],
        Duration::from_secs(30),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.flat().contains("larger than the 100000 bytes limit"),
        "{}",
        r.stdout
    );
}

/// The walk checks a file, the read opens it: a file (or a directory on
/// its way) swapped for a link out of the tree in between is not read
/// through it. Reads resolve beneath the walked directory's descriptor,
/// so there is no window to race; links that stay inside still work.
#[test]
fn a_file_swapped_for_a_link_after_the_walk_is_not_read() {
    use opensergo::document::{DEFAULT_MAX_FILE_SIZE, load_source};
    use opensergo::walk::{WalkOptions, collect};

    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("secret/a.yaml"), SECRET);
    write(&dir.path().join("secret/sub/b.yaml"), SECRET);
    write(&dir.path().join("repo/a.yaml"), strategy("a"));
    write(&dir.path().join("repo/sub/b.yaml"), strategy("b"));
    write(&dir.path().join("repo/c.yaml"), strategy("c"));
    write(&dir.path().join("repo/inside/d.yaml"), strategy("d"));
    let repo = dir.path().join("repo");
    let walked = collect(&[repo.display().to_string()], &WalkOptions::default()).unwrap();
    assert_eq!(walked.inputs.len(), 4);

    // The attacker's moves, after the walk and before the read.
    std::fs::remove_file(repo.join("a.yaml")).unwrap();
    symlink(dir.path().join("secret/a.yaml"), repo.join("a.yaml")).unwrap();
    std::fs::rename(repo.join("sub"), repo.join("sub-old")).unwrap();
    symlink(dir.path().join("secret/sub"), repo.join("sub")).unwrap();
    // A link that stays inside the tree is still followed.
    std::fs::remove_file(repo.join("c.yaml")).unwrap();
    symlink("inside/d.yaml", repo.join("c.yaml")).unwrap();

    for input in &walked.inputs {
        let loaded = load_source(input, DEFAULT_MAX_FILE_SIZE);
        let name = input.display_name();
        assert!(
            !loaded.source.text.contains("TOP-SECRET-VALUE"),
            "{name} was read out of the tree"
        );
        if name.ends_with("c.yaml") || name.ends_with("d.yaml") {
            assert!(loaded.errors.is_empty(), "{name}: {:?}", loaded.errors);
            assert_eq!(loaded.documents.len(), 1, "{name}");
        } else {
            assert_eq!(loaded.errors.len(), 1, "{name} is refused, visibly");
            assert_eq!(loaded.errors[0].code.id, "OS0001", "{name}");
            assert!(
                loaded.errors[0].message.contains("leads out of"),
                "{}",
                loaded.errors[0].message
            );
        }
    }
}

/// An import that resolves through a link out of --proto-path is refused
/// at the read itself (beneath the include directory's descriptor), not
/// by a check before it that a swapped link could outrun.
#[test]
fn an_import_through_a_link_out_of_the_proto_path_is_refused_at_the_read() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("secret/dep.proto"),
        "syntax = \"proto3\";\npackage s;\nmessage TopSecretValue {}\n",
    );
    write(
        &dir.path().join("protos/a.proto"),
        "syntax = \"proto3\";\npackage t;\nimport \"dep.proto\";\nmessage A { s.TopSecretValue s = 1; }\n",
    );
    symlink("../secret/dep.proto", dir.path().join("protos/dep.proto")).unwrap();
    write(&dir.path().join("a.txtpb"), "");
    let r = run(
        dir.path(),
        &[
            "convert",
            "a.txtpb",
            "--from",
            "txtpb",
            "--type",
            "t.A",
            "--proto-path",
            "protos",
            "--to",
            "json",
        ],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.flat().contains("leads out of protos"), "{}", r.flat());
}

/// A `.proto` file under `--proto-path` (read through the confined root
/// without a walk) or a `buf.yaml` that is a FIFO is refused, not waited
/// on for a writer that never comes (convert hung on the first).
#[test]
fn fifos_below_a_root_are_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("protos/w.proto"),
        "syntax = \"proto3\";\npackage acme.v1;\nimport \"dep.proto\";\nmessage Widget { string name = 1; }\n",
    );
    mkfifo(&dir.path().join("protos/dep.proto"));
    write(&dir.path().join("w.json"), "{\"name\": \"w\"}\n");
    let r = run_in(
        dir.path(),
        &[
            "--no-config",
            "convert",
            "w.json",
            "--from",
            "json",
            "--type",
            "acme.v1.Widget",
            "--proto-path",
            "protos",
            "--to",
            "binpb",
            "-o",
            "w.binpb",
        ],
        Duration::from_secs(30),
    );
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.flat().contains("protos/dep.proto: it is no regular file"),
        "{}",
        r.stderr
    );
    assert!(!dir.path().join("w.binpb").exists());

    let workspace = dir.path().join("workspace");
    write(
        &workspace.join("a.proto"),
        "syntax = \"proto3\";\npackage a;\n",
    );
    mkfifo(&workspace.join("buf.yaml"));
    let r = run_in(
        dir.path(),
        &["--no-config", "proto", "build", "workspace"],
        Duration::from_secs(30),
    );
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(r.flat().contains("regular file"), "{}", r.stderr);
}
