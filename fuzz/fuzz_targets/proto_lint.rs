//! Arbitrary text as a `.proto` file: whatever compiles is linted with
//! every proto lint rule and rendered in every format, and checked for
//! breaking changes against itself, which must find none. No input may
//! panic or hang.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use opensergo::engine::{Levels, Selection};
use opensergo::protobreaking;
use opensergo::protobuild::compile::{self, CompilerChoice};
use opensergo::protobuild::workspace::{ModuleConfig, Workspace};
use opensergo::protolint;

fn all_rules<C>(family: &opensergo::engine::RuleFamily<C>) -> Levels {
    Selection {
        select: vec!["ALL".into()],
        ..Selection::default()
    }
    .resolve(family)
    .unwrap()
}

fuzz_target!(|data: &[u8]| {
    static LINT: OnceLock<Levels> = OnceLock::new();
    static BREAKING: OnceLock<Levels> = OnceLock::new();
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let module = ModuleConfig::whole_directory();
    let files = [("fuzz/v1/fuzz.proto".to_string(), text.to_string())];
    let Ok(workspace) = Workspace::from_files("fuzz", "", &[module], &files) else {
        return;
    };
    let targets = vec!["fuzz/v1/fuzz.proto".to_string()];
    let Ok(Ok(built)) = compile::build(&workspace, &targets, CompilerChoice::Protox) else {
        return;
    };
    let sources: Vec<_> = workspace.files().collect();
    let all_files = std::sync::Arc::new(
        built
            .image
            .files
            .iter()
            .map(|f| (f.name.clone(), f.descriptor.clone()))
            .collect(),
    );
    let Ok(pool) = prost_reflect::DescriptorPool::decode(built.image.encode().as_slice()) else {
        return;
    };
    let set = protolint::from_image(
        &built.image,
        &sources,
        all_files,
        &pool,
        protolint::Options::default(),
    );
    let linted = protolint::lint(&set, LINT.get_or_init(|| all_rules(&protolint::FAMILY)), true);
    use opensergo::report::buf::{BufFormat, buf_output};
    for format in [BufFormat::Text, BufFormat::Json, BufFormat::GithubActions, BufFormat::Msvc] {
        let out = buf_output(&linted.diagnostics, format);
        assert!(!out.contains('\u{1b}'));
    }
    let side = || protobreaking::Side::compiled(&built.image, &sources);
    let (previous, current) = (side(), side());
    let found = protobreaking::check(
        &previous,
        &current,
        BREAKING.get_or_init(|| all_rules(&protobreaking::FAMILY)),
    );
    assert!(found.is_empty(), "a file breaks itself: {:?}", found[0].message);
});
