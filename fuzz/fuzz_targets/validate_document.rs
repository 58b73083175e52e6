//! Reading, parsing and validating arbitrary bytes never panics.
#![no_main]

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use opensergo::document::{ReadOutcome, bytes_to_text, parse_source};
use opensergo::schema::SchemaSet;
use opensergo::source::SourceFile;
use opensergo::validate::{Options, check_document};

static SCHEMAS: OnceLock<SchemaSet> = OnceLock::new();

fuzz_target!(init: opensergo::yaml::quiet_contained_parser_panics(), |data: &[u8]| {
    let schemas = SCHEMAS.get_or_init(SchemaSet::builtin);
    let ReadOutcome::Text(text) = bytes_to_text("fuzz.yaml", data.to_vec()) else {
        return;
    };
    let source = Arc::new(SourceFile::new("fuzz.yaml", text));
    let loaded = parse_source(&source);
    for doc in &loaded.documents {
        for d in check_document(doc, schemas, &Options::default()).diagnostics {
            if let Some(loc) = d.location {
                let _ = (loc.start(), loc.end());
            }
        }
    }
});
