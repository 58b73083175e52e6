//! The generation cache: a plugin's response for one request, kept under
//! the user's cache directory, so a re-run whose inputs did not change
//! starts no plugin process.
//!
//! An entry is keyed by the plugin's identity (its resolved command line
//! and the size and mtime of its program) and the exact request bytes
//! (descriptors, parameter). The file name is a hash of both, but a hit
//! also compares both in full, so a hash collision can only miss, never
//! return another request's files: the cache cannot change the output.

use std::path::{Path, PathBuf};

use prost::Message as _;

use super::plugin::GeneratedFile;

/// One cached response.
#[derive(Clone, PartialEq, prost::Message)]
struct Entry {
    #[prost(string, tag = "1")]
    identity: String,
    #[prost(bytes = "vec", tag = "2")]
    request: Vec<u8>,
    #[prost(message, repeated, tag = "3")]
    files: Vec<GeneratedFile>,
}

/// The cache directory of `opensergo gen`.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// `$XDG_CACHE_HOME/opensergo/gen`, else `~/.cache/opensergo/gen`;
    /// `None` when neither is set.
    pub fn user() -> Option<Cache> {
        let base = std::env::var_os("XDG_CACHE_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("HOME")
                    .filter(|v| !v.is_empty())
                    .map(|home| PathBuf::from(home).join(".cache"))
            })?;
        Some(Cache::at(base.join("opensergo").join("gen")))
    }

    pub fn at(dir: PathBuf) -> Cache {
        Cache { dir }
    }

    fn path(&self, identity: &str, request: &[u8]) -> PathBuf {
        // FNV-1a over both, 64 bits: only a file name; hits are verified.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in identity.bytes().chain([0]).chain(request.iter().copied()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.dir.join(format!("{hash:016x}.binpb"))
    }

    /// The files a plugin with `identity` generated for exactly `request`.
    pub fn lookup(&self, identity: &str, request: &[u8]) -> Option<Vec<GeneratedFile>> {
        let bytes = std::fs::read(self.path(identity, request)).ok()?;
        let entry = Entry::decode(bytes.as_slice()).ok()?;
        (entry.identity == identity && entry.request == request).then_some(entry.files)
    }

    /// Remembers a successful response. A cache that cannot be written
    /// only costs the next run time, so failures are ignored.
    pub fn store(&self, identity: &str, request: &[u8], files: &[GeneratedFile]) {
        let entry = Entry {
            identity: identity.to_string(),
            request: request.to_vec(),
            files: files.to_vec(),
        };
        let _ = crate::output::write_file(&self.path(identity, request), &entry.encode_to_vec());
    }
}

/// What identifies a program: its path, size and modification time, so
/// an upgraded plugin misses the cache.
pub fn program_identity(program: &Path) -> String {
    let stamp = std::fs::metadata(program).ok().map(|m| {
        let modified = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        format!("{}:{modified}", m.len())
    });
    format!("{}@{}", program.display(), stamp.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_need_the_same_identity_and_request() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path().to_path_buf());
        let files = vec![GeneratedFile {
            name: Some("a.go".into()),
            insertion_point: None,
            content: Some(b"package a\n".to_vec()),
        }];
        assert!(cache.lookup("go@1", b"req").is_none());
        cache.store("go@1", b"req", &files);
        assert_eq!(cache.lookup("go@1", b"req"), Some(files));
        assert!(cache.lookup("go@2", b"req").is_none());
        assert!(cache.lookup("go@1", b"other").is_none());
    }
}
