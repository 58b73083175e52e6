//! The YAML loader must never panic, every span it reports must lie
//! inside the input on character boundaries, and where its own block
//! reader takes a stream, the documents must be libyaml's, positions
//! included.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opensergo::yaml::{Node, load_stream, load_stream_with_libyaml, reads_as_plain_block};

fn check(node: &Node, text: &str) {
    let span = node.span();
    assert!(span.start <= span.end && span.end <= text.len());
    for child in node.as_seq() {
        check(child, text);
    }
    for (k, v) in node.as_map() {
        check(k, text);
        check(v, text);
    }
}

fuzz_target!(init: opensergo::yaml::quiet_contained_parser_panics(), |data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (docs, error) = load_stream(text);
    for doc in &docs {
        check(&doc.root, text);
    }
    if let Some(e) = &error {
        assert!(e.span.end <= text.len());
    }
    if reads_as_plain_block(text) {
        let (theirs, their_error) = load_stream_with_libyaml(text);
        assert_eq!(error, their_error);
        assert_eq!(format!("{docs:?}"), format!("{theirs:?}"));
    }
});
