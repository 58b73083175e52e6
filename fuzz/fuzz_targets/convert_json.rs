//! Decoding arbitrary text as proto3 JSON never panics or overflows the
//! stack, and whatever decodes can be written in every format and read back.
#![no_main]

#[path = "convert_common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use opensergo::convert::{self, Encoding, depth};

fuzz_target!(init: opensergo::yaml::quiet_contained_parser_panics(), |data: &[u8]| {
    let Some((desc, _, bytes)) = common::pick(data) else {
        return;
    };
    if let Ok(messages) =
        convert::read_messages(bytes, Encoding::Json, &desc, false, depth::DEFAULT_MAX_DEPTH)
    {
        common::check_messages(&messages);
    }
});
