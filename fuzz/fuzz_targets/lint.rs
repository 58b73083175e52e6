//! Linting arbitrary bytes as one rule set with every rule enabled never
//! panics, and every report format renders the findings.
#![no_main]

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use opensergo::document::{ReadOutcome, bytes_to_text, parse_source};
use opensergo::engine::{Levels, Selection};
use opensergo::lint::{self, registry};
use opensergo::report::{self, Format, RenderOptions};
use opensergo::source::SourceFile;

fn levels() -> &'static Levels {
    static LEVELS: OnceLock<Levels> = OnceLock::new();
    LEVELS.get_or_init(|| {
        Selection {
            extend_select: registry::RULES.iter().map(|r| r.code.id.to_string()).collect(),
            ..Selection::default()
        }
        .resolve(&registry::FAMILY)
        .unwrap()
    })
}

fuzz_target!(init: opensergo::yaml::quiet_contained_parser_panics(), |data: &[u8]| {
    let ReadOutcome::Text(text) = bytes_to_text("fuzz.yaml", data.to_vec()) else {
        return;
    };
    let source = Arc::new(SourceFile::new("fuzz.yaml", text));
    let sources = vec![parse_source(&source)];
    let outcome = lint::lint_sources(&sources, levels());
    let report = lint::build_report(sources, Vec::new(), outcome);
    let options = RenderOptions {
        color: false,
        quiet: false,
        counts: true,
    };
    for format in [
        Format::Human,
        Format::Short,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Junit,
    ] {
        let out = report::render(format, &report, &options);
        assert!(!out.contains('\u{1b}'));
    }
});
