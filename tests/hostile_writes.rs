//! Hostile input, writes (issue #9): nothing is written outside the place
//! the user asked for. Each test builds its inputs in a temp directory
//! (CRDs with climbing names, planted symbolic links, FIFOs, devices) and
//! checks the exit code, the diagnostic, and that nothing else changed.
#![cfg(unix)]

mod common;

use std::os::unix::fs::{FileTypeExt, symlink};
use std::path::Path;

use common::hostile::*;

/// `schema from-crd` with input-made path components: every variant is a
/// usage error, nothing is written, the victim directory is untouched.
#[test]
fn from_crd_names_cannot_climb_out_of_the_output_directory() {
    let cases = [
        ("../../victim/x", "v1", "package"),
        ("example.io", "..", "package"),
        ("example.io", "v1", "../../../victim/package"),
        ("/tmp/absolute-group", "v1", "Foo"),
        ("example.io", "v1/../..", "Foo"),
        ("\"a\\nb\"", "v1", "Foo"),
        ("example.io", "\".\"", "Foo"),
        ("example.io", "\"\"", "Foo"),
        ("example.io", "v1", "\"a\\u001b[31mb\""),
    ];
    for (group, version, kind) in cases {
        let dir = tempfile::tempdir().unwrap();
        let work = dir.path().join("a/b");
        write(&work.join("crd.yaml"), crd(group, version, kind));
        write(&dir.path().join("victim/package.json"), "{\"keep\": true}");
        let before = snapshot(dir.path());
        let r = run(&work, &["schema", "from-crd", "crd.yaml", "-o", "out"]);
        assert_eq!(r.code, 2, "{group} {version} {kind}: {}", r.stderr);
        assert!(
            r.stderr.contains("cannot be used as a file name"),
            "{group} {version} {kind}: {}",
            r.stderr
        );
        assert!(!r.stderr.contains('\u{1b}'), "raw ESC in {:?}", r.stderr);
        let mut after = snapshot(dir.path());
        // An empty output directory may be left; nothing else.
        after.retain(|p, _| p != Path::new("a/b/out"));
        assert_eq!(before, after, "{group} {version} {kind}");
    }
}

/// Symbolic links planted inside the output directory are not written
/// through, at any level; a planted link at the file itself is replaced,
/// its target untouched.
#[test]
fn from_crd_does_not_write_through_planted_links() {
    for planted in ["example.io", "example.io/v1"] {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("crd.yaml"), crd("example.io", "v1", "Foo"));
        write(&dir.path().join("victim/keep"), "x");
        let link = dir.path().join("out").join(planted);
        std::fs::create_dir_all(link.parent().unwrap()).unwrap();
        symlink(dir.path().join("victim"), &link).unwrap();
        let victim_before = snapshot(&dir.path().join("victim"));
        let r = run(dir.path(), &["schema", "from-crd", "crd.yaml", "-o", "out"]);
        assert_eq!(r.code, 2, "{planted}: {}", r.stderr);
        assert!(r.stderr.contains("symbolic link"), "{}", r.stderr);
        assert_eq!(victim_before, snapshot(&dir.path().join("victim")));
    }

    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("crd.yaml"), crd("example.io", "v1", "Foo"));
    write(&dir.path().join("victim/passwd"), "root:x:0:0");
    std::fs::create_dir_all(dir.path().join("out/example.io/v1")).unwrap();
    symlink(
        dir.path().join("victim/passwd"),
        dir.path().join("out/example.io/v1/Foo.json"),
    )
    .unwrap();
    let r = run(dir.path(), &["schema", "from-crd", "crd.yaml", "-o", "out"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("victim/passwd")).unwrap(),
        "root:x:0:0"
    );
    let written = dir.path().join("out/example.io/v1/Foo.json");
    assert!(std::fs::symlink_metadata(&written).unwrap().is_file());
}

/// `-o` to something that is not a regular file writes into it: the
/// device, the FIFO, the symbolic link stay what they were.
#[test]
fn output_into_non_regular_files_is_written_directly() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("rule.yaml"), strategy("a"));

    // /dev/null stays a character device, for validate and convert.
    for args in [
        vec!["validate", "rule.yaml", "-o", "/dev/null"],
        vec!["convert", "rule.yaml", "--to", "json", "-o", "/dev/null"],
    ] {
        let r = run(dir.path(), &args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        let meta = std::fs::metadata("/dev/null").unwrap();
        assert!(meta.file_type().is_char_device(), "/dev/null was replaced");
    }

    // A FIFO gets the report through a reader; it stays a FIFO.
    let fifo = dir.path().join("report.fifo");
    mkfifo(&fifo);
    let reader_path = fifo.clone();
    let reader = std::thread::spawn(move || std::fs::read_to_string(reader_path).unwrap());
    let r = run(
        dir.path(),
        &["validate", "rule.yaml", "-f", "json", "-o", "report.fifo"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let got = reader.join().unwrap();
    assert!(got.contains("\"command\": \"validate\""), "{got}");
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );

    // A link to a FIFO: written through, both stay.
    let link = dir.path().join("to-fifo");
    symlink(&fifo, &link).unwrap();
    let reader_path = fifo.clone();
    let reader = std::thread::spawn(move || std::fs::read_to_string(reader_path).unwrap());
    let r = run(
        dir.path(),
        &["convert", "rule.yaml", "--to", "json", "-o", "to-fifo"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let got = reader.join().unwrap();
    assert!(got.contains("\"name\": \"a\""), "{got}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

/// A symbolic link to a regular file: the file it points to is replaced,
/// the link stays a link.
#[test]
fn output_through_a_link_replaces_the_file_it_points_to() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("rule.yaml"), strategy("a"));
    write(&dir.path().join("reports/real.json"), "old");
    symlink("reports/real.json", dir.path().join("report.json")).unwrap();
    let r = run(
        dir.path(),
        &["validate", "rule.yaml", "-f", "json", "-o", "report.json"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let link = std::fs::symlink_metadata(dir.path().join("report.json")).unwrap();
    assert!(link.file_type().is_symlink());
    let text = std::fs::read_to_string(dir.path().join("reports/real.json")).unwrap();
    assert!(text.contains("\"command\": \"validate\""), "{text}");
    // Nothing else was created beside either (no temp files left).
    assert_eq!(
        std::fs::read_dir(dir.path().join("reports"))
            .unwrap()
            .count(),
        1
    );
}

/// A dangling link as output could point anywhere: refused, nothing made.
#[test]
fn output_to_a_dangling_link_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("rule.yaml"), strategy("a"));
    symlink(
        dir.path().join("victim/made.json"),
        dir.path().join("report.json"),
    )
    .unwrap();
    let r = run(dir.path(), &["validate", "rule.yaml", "-o", "report.json"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("does not exist"), "{}", r.stderr);
    assert!(!dir.path().join("victim").exists());
}

/// The output is an input (by any name: itself, a link, a hard link):
/// a usage error, the input untouched.
#[test]
fn output_equal_to_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let rule = strategy("a");
    write(&dir.path().join("in.yaml"), &rule);
    symlink("in.yaml", dir.path().join("alias.yaml")).unwrap();
    std::fs::hard_link(dir.path().join("in.yaml"), dir.path().join("hard.yaml")).unwrap();
    for args in [
        vec!["convert", "in.yaml", "--to", "json", "-o", "in.yaml"],
        vec!["convert", "in.yaml", "--to", "json", "-o", "alias.yaml"],
        vec!["convert", "in.yaml", "--to", "json", "-o", "hard.yaml"],
        vec!["convert", "in.yaml", "--to", "json", "-o", "./in.yaml"],
        vec!["validate", "--output", "in.yaml", "in.yaml"],
        vec!["validate", "-f", "json", "-o", "hard.yaml", "in.yaml"],
        vec!["lint", "-o", "alias.yaml", "in.yaml"],
    ] {
        let before = snapshot(dir.path());
        let r = run(dir.path(), &args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains("input") && r.stderr.contains("refusing"),
            "{args:?}: {}",
            r.stderr
        );
        assert_eq!(before, snapshot(dir.path()), "{args:?}");
    }
}

/// A report written inside the walked tree is not read back on the next run.
#[test]
fn a_report_in_the_walked_tree_is_not_read_back() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("rules/a.yaml"), strategy("a"));
    for _ in 0..2 {
        let r = run(
            dir.path(),
            &["validate", "rules", "-f", "json", "-o", "rules/report.json"],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        let report = std::fs::read_to_string(dir.path().join("rules/report.json")).unwrap();
        assert!(report.contains("\"files\": 1,"), "{report}");
    }
}

/// `convert --out-dir` with many objects under `ulimit -n 256`: each file
/// is written and closed in turn; no temp file is left.
#[test]
fn out_dir_works_under_a_small_file_descriptor_limit() {
    let dir = tempfile::tempdir().unwrap();
    let docs: Vec<String> = (0..1500).map(|i| strategy(&format!("s{i}"))).collect();
    write(&dir.path().join("rules.yaml"), docs.join("---\n"));
    let status = std::process::Command::new("sh")
        .current_dir(dir.path())
        .arg("-c")
        .arg(format!(
            "ulimit -n 256 && exec '{}' --no-config convert rules.yaml --to binpb --out-dir out",
            bin().display()
        ))
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let names: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1500);
    assert!(names.iter().all(|n| n.ends_with(".binpb")), "{names:?}");
}

/// Ctrl-C while `--out-dir` files are staged: the temp files are removed.
#[test]
fn an_interrupt_while_staging_leaves_no_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let docs: Vec<String> = (0..20_000).map(|i| strategy(&format!("s{i}"))).collect();
    write(&dir.path().join("rules.yaml"), docs.join("---\n"));
    let out = dir.path().join("out");
    let mut child = std::process::Command::new(bin())
        .current_dir(dir.path())
        .args([
            "--no-config",
            "convert",
            "rules.yaml",
            "--to",
            "binpb",
            "--out-dir",
            "out",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until staging has begun (a temp file exists), then interrupt.
    let started = std::time::Instant::now();
    let mut staged = false;
    while started.elapsed() < std::time::Duration::from_secs(60) {
        if std::fs::read_dir(&out).is_ok_and(|mut d| d.next().is_some()) {
            staged = true;
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let _ = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let status = child.wait().unwrap();
    let left: Vec<String> = std::fs::read_dir(&out)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        left.iter().all(|n| !n.ends_with(".tmp")),
        "temp files left after the interrupt (staged: {staged}, {status:?}): {} of {}",
        left.iter().filter(|n| n.ends_with(".tmp")).count(),
        left.len()
    );
    // Either it was interrupted (nothing renamed yet) or it had finished.
    assert!(left.is_empty() || left.len() == 20_000, "{}", left.len());
}

/// `config init` over a dangling link: refused without --force; with it,
/// the link itself is replaced and its target is never created.
#[test]
fn config_init_over_a_dangling_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("victim/evil.yaml");
    symlink(&target, dir.path().join("opensergo.yaml")).unwrap();
    let run_init = |force: bool| {
        let mut args = vec!["config", "init"];
        if force {
            args.push("--force");
        }
        run(dir.path(), &args)
    };
    let first = run_init(false);
    assert_eq!(first.code, 2, "{}", first.stderr);
    assert!(first.stderr.contains("--force"), "{}", first.stderr);
    assert!(
        std::fs::symlink_metadata(dir.path().join("opensergo.yaml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let second = run_init(true);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        std::fs::symlink_metadata(dir.path().join("opensergo.yaml"))
            .unwrap()
            .is_file()
    );
    assert!(!target.exists() && !dir.path().join("victim").exists());
}
