//! `.proto` text of any shape through `protofmt::format`: no panic, no
//! stack overflow, no hang; what it formats, formats again to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(once) = opensergo::protofmt::format(text) {
        let twice = opensergo::protofmt::format(&once)
            .unwrap_or_else(|e| panic!("the formatted text does not parse: {e}\n{once}"));
        assert_eq!(once, twice, "formatting is not idempotent");
    }
});
