//! Loading arbitrary bytes as opensergo.yaml never panics; errors point
//! inside the file.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("opensergo-fuzz-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("opensergo.yaml")
    })
}

fuzz_target!(init: opensergo::yaml::quiet_contained_parser_panics(), |data: &[u8]| {
    let path = path();
    std::fs::write(path, data).unwrap();
    let cwd = path.parent().unwrap();
    match opensergo::config::load_bounded(Some(path), cwd, 1 << 20) {
        Ok(config) => {
            let _ = config.to_yaml();
        }
        Err(errors) => {
            for d in errors {
                if let Some(loc) = d.location {
                    assert!(loc.span.end <= loc.source.text.len());
                    let _ = (loc.start(), loc.end());
                }
            }
        }
    }
});
