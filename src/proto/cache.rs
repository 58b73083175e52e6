//! The generation cache, under the user's cache directory, at two levels.
//!
//! **Whole runs.** A run's output is a function of what [`RunKey`]
//! records, all of it known before anything is compiled: this tool (its
//! version and the identity of its executable, which also stands for the
//! embedded OpenSergo protos and the compiler's built-in well-known
//! types), the current directory (where every `out` is), the resolved
//! template (every plugin's settings, managed mode, inputs, `clean`), the
//! plugins chosen and each one's identity (below), the compiler choice
//! and the identity of the `protoc` on PATH (the fallback compiler), and
//! for each input its selection (`paths`, `exclude_paths`, a
//! `proto_file`'s package) and content: a workspace's configuration
//! (module layout) and every file's import path, workspace path and
//! bytes, the files of a git revision or an archive as read from it (so
//! a moved ref or a changed archive misses; a ref name alone is never a
//! key), a binary image's bytes. The walk and the reads still happen
//! (some milliseconds for hundreds of files); the compile, the plugins
//! and the assembly of requests do not. One entry is kept per
//! invocation (the current directory, the template and the input named
//! on the command line name its slot), replaced by each run that misses,
//! so the run cache does not grow with every edit.
//!
//! **Plugin responses.** A plugin's response to one request, keyed by the
//! plugin's identity and the exact request bytes (descriptors,
//! parameter): when one file changes, only the requests that hold it run
//! their plugin again.
//!
//! Neither can change the output. A slot's file name is only a hash: a
//! hit compares the stored key (or identity and request) with the
//! current one in full. An entry is read within [`MAX_ENTRY_BYTES`] and
//! decoded defensively: a truncated, corrupt or oversized entry is a
//! miss; a whole-run entry's files go through the same assembly as a
//! plugin's response (every name checked to stay below its `out`, no
//! link followed), and one that fails it is a miss too. Entries are
//! written through the confined writer, below the cache directory only.
//!
//! **Not in the key, by decision.** A plugin's identity is its resolved
//! path and its program's size, mtime, ctime and inode (an upgrade or a
//! rebuild misses; a script's interpreter is not looked at), and a plugin
//! given as a command line with arguments (`go run ./cmd/gen`) has none,
//! so no run with it is cached. The plugin protocol makes the request the
//! plugin's whole input, and protoc and buf pass nothing else; but a
//! plugin inherits the environment and could read it, the clock or other
//! files. Neither protoc nor buf caches local plugins at all (buf's
//! only cache is of downloaded modules, checked against buf.lock
//! digests), so they never face this; build systems that cache
//! generation (Bazel) key on declared inputs and a fixed environment. We
//! do the same: the environment is not in the key (keying on all of it
//! would miss on every shell's `PWD`, `SHLVL` or terminal size), so a
//! plugin that depends on more than its request must run with
//! `--no-cache`. Plugins' stderr and feature warnings, and the compile's
//! notes, are not replayed on a hit.

use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};

use prost::bytes::Bytes;

use super::plugin::GeneratedFile;
use crate::protobuild::workspace::Opened;

/// No entry larger than this is written or read: a hit must stay cheaper
/// than the run it saves, and a planted entry cannot make a run read
/// without bound.
pub const MAX_ENTRY_BYTES: u64 = 512 << 20;

/// The most the cache keeps, entries of both levels together: a run that
/// finds more removes the entries used longest ago until it holds three
/// quarters of this (ccache trims the same way). Plugin responses
/// accumulate with every edit, so without a bound the cache would grow
/// for as long as a repository is worked on.
pub const MAX_CACHE_BYTES: u64 = 1 << 30;

/// One cached plugin response.
#[derive(Clone, PartialEq, prost::Message)]
struct ResponseEntry {
    #[prost(string, tag = "1")]
    identity: String,
    #[prost(bytes = "vec", tag = "2")]
    request: Vec<u8>,
    #[prost(message, repeated, tag = "3")]
    files: Vec<GeneratedFile>,
}

/// One cached run: its key in full and what each plugin generated.
#[derive(Clone, PartialEq, prost::Message)]
struct RunEntry {
    #[prost(bytes = "bytes", tag = "1")]
    key: Bytes,
    #[prost(message, repeated, tag = "2")]
    outputs: Vec<PluginOutput>,
}

/// What one plugin of a run generated, before assembly.
#[derive(Clone, PartialEq, prost::Message)]
pub struct PluginOutput {
    /// Index into the template's plugins.
    #[prost(uint64, tag = "1")]
    pub plugin: u64,
    /// How many requests the plugin was sent.
    #[prost(uint64, tag = "2")]
    pub requests: u64,
    /// The files of every response, in request order.
    #[prost(message, repeated, tag = "3")]
    pub files: Vec<GeneratedFile>,
}

/// What a whole run's output is a function of (see the module
/// documentation), written as labelled, length-prefixed parts, so two
/// different runs never write the same bytes.
#[derive(Debug, Clone)]
pub struct RunKey {
    /// Names the entry: which invocation this is.
    slot: String,
    material: Vec<u8>,
}

impl RunKey {
    /// A key for the invocation `slot` names, starting with this tool's
    /// identity.
    pub fn new(slot: String) -> RunKey {
        let mut key = RunKey {
            slot,
            material: Vec::new(),
        };
        key.part("tool", env!("CARGO_PKG_VERSION"));
        let executable = std::env::current_exe().unwrap_or_default();
        key.part("executable", program_identity(&executable));
        key
    }

    pub fn part(&mut self, label: &str, value: impl AsRef<[u8]>) {
        for piece in [label.as_bytes(), value.as_ref()] {
            self.material
                .extend_from_slice(&(piece.len() as u64).to_le_bytes());
            self.material.extend_from_slice(piece);
        }
    }

    /// A workspace input: its module layout and every file, by name and
    /// content.
    pub fn workspace(&mut self, opened: &Opened) {
        self.part("workspace", &opened.workspace.origin);
        self.part("modules", format!("{:?}", opened.config.modules));
        for module in &opened.workspace.modules {
            self.part("root", &module.root);
            for file in &module.files {
                self.part("import path", &file.name);
                self.part("workspace path", &file.workspace_path);
                self.part("text", &file.source.text);
            }
        }
    }
}

/// The cache directory of `opensergo gen`.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    max_bytes: u64,
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
        Cache {
            dir,
            max_bytes: MAX_CACHE_BYTES,
        }
    }

    /// The files a plugin with `identity` generated for exactly `request`.
    pub fn lookup(&self, identity: &str, request: &[u8]) -> Option<Vec<GeneratedFile>> {
        let name = response_name(identity, request);
        let entry: ResponseEntry = self.read(&name)?;
        let hit = entry.identity == identity && entry.request == request;
        hit.then(|| {
            self.touch(&name);
            entry.files
        })
    }

    /// Remembers a successful response.
    pub fn store(&self, identity: &str, request: &[u8], files: &[GeneratedFile]) {
        let entry = ResponseEntry {
            identity: identity.to_string(),
            request: request.to_vec(),
            files: files.to_vec(),
        };
        self.write(&response_name(identity, request), &entry);
    }

    /// What each plugin generated in the last run of `key`'s invocation,
    /// when that run had exactly this key.
    pub fn lookup_run(&self, key: &RunKey) -> Option<Vec<PluginOutput>> {
        let name = run_name(key);
        let entry: RunEntry = self.read(&name)?;
        (entry.key == key.material).then(|| {
            self.touch(&name);
            entry.outputs
        })
    }

    /// Removes the entries used longest ago while the cache holds more
    /// than its bound. Only regular files named as entries are counted or
    /// removed; a link is never followed (removing one removes the link).
    pub fn trim(&self) {
        let mut entries = Vec::new();
        for dir in [self.dir.clone(), self.dir.join("runs")] {
            let Ok(listing) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in listing.flatten() {
                let path = entry.path();
                // `DirEntry::metadata` does not follow links.
                let Ok(meta) = entry.metadata() else {
                    continue;
                };
                if meta.is_file() && path.extension().is_some_and(|e| e == "binpb") {
                    let used = meta.modified().unwrap_or(std::time::UNIX_EPOCH);
                    entries.push((used, meta.len(), path));
                }
            }
        }
        let mut held: u64 = entries.iter().map(|(_, len, _)| len).sum();
        if held <= self.max_bytes {
            return;
        }
        entries.sort();
        for (_, len, path) in entries {
            if held <= self.max_bytes / 4 * 3 {
                break;
            }
            if std::fs::remove_file(&path).is_ok() {
                held -= len;
            }
        }
    }

    /// Marks an entry used now (its modification time), for [`Cache::trim`].
    fn touch(&self, name: &Path) {
        use std::os::unix::fs::OpenOptionsExt as _;
        let opened = std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NOFOLLOW)
            .open(self.dir.join(name));
        if let Ok(file) = opened {
            let _ = file.set_modified(std::time::SystemTime::now());
        }
    }

    /// Remembers a successful run, replacing the invocation's last one.
    pub fn store_run(&self, key: &RunKey, outputs: Vec<PluginOutput>) {
        let entry = RunEntry {
            key: key.material.clone().into(),
            outputs,
        };
        self.write(&run_name(key), &entry);
    }

    /// An entry, when it is there, within the size cap and decodes. Its
    /// byte fields are slices of the bytes read, not copies.
    fn read<M: prost::Message + Default>(&self, name: &Path) -> Option<M> {
        let bytes = crate::input::read_bounded(&self.dir.join(name), MAX_ENTRY_BYTES).ok()?;
        M::decode(Bytes::from(bytes)).ok()
    }

    /// Writes an entry below the cache directory (atomically, no link
    /// followed). A cache that cannot be written only costs the next run
    /// time, so failures are ignored.
    fn write(&self, name: &Path, entry: &impl prost::Message) {
        if entry.encoded_len() as u64 > MAX_ENTRY_BYTES {
            return;
        }
        let Ok(mut batch) = crate::output::Batch::new(&self.dir) else {
            return;
        };
        if batch.stage(name, &entry.encode_to_vec()).is_ok() {
            let _ = batch.commit();
        }
    }
}

/// FNV-1a, 64 bits, over `parts` each followed by a zero byte: only a
/// file name; hits are verified in full.
fn name_hash<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in part.iter().chain(&[0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

fn response_name(identity: &str, request: &[u8]) -> PathBuf {
    PathBuf::from(format!(
        "{:016x}.binpb",
        name_hash([identity.as_bytes(), request])
    ))
}

fn run_name(key: &RunKey) -> PathBuf {
    Path::new("runs").join(format!("{:016x}.binpb", name_hash([key.slot.as_bytes()])))
}

/// What identifies a program: its path, size, modification and change
/// times and inode, so an upgraded or rebuilt plugin misses the cache
/// (the change time cannot be set back, as `cp -p` sets the mtime).
pub fn program_identity(program: &Path) -> String {
    let stamp = std::fs::metadata(program).ok().map(|m| {
        format!(
            "{}:{}.{}:{}.{}:{}",
            m.len(),
            m.mtime(),
            m.mtime_nsec(),
            m.ctime(),
            m.ctime_nsec(),
            m.ino()
        )
    });
    format!("{}@{}", program.display(), stamp.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Vec<GeneratedFile> {
        vec![GeneratedFile {
            name: Some("a.go".into()),
            insertion_point: None,
            content: Some(Bytes::from_static(b"package a\n")),
        }]
    }

    #[test]
    fn hits_need_the_same_identity_and_request() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path().to_path_buf());
        assert!(cache.lookup("go@1", b"req").is_none());
        cache.store("go@1", b"req", &files());
        assert_eq!(cache.lookup("go@1", b"req"), Some(files()));
        assert!(cache.lookup("go@2", b"req").is_none());
        assert!(cache.lookup("go@1", b"other").is_none());
    }

    fn key(slot: &str, parts: &[(&str, &str)]) -> RunKey {
        let mut key = RunKey::new(slot.into());
        for (label, value) in parts {
            key.part(label, value);
        }
        key
    }

    #[test]
    fn run_hits_need_the_whole_key_and_a_slot_keeps_one_run() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path().to_path_buf());
        let first = key("here", &[("text", "a")]);
        let outputs = vec![PluginOutput {
            plugin: 0,
            requests: 2,
            files: files(),
        }];
        assert!(cache.lookup_run(&first).is_none());
        cache.store_run(&first, outputs.clone());
        assert_eq!(cache.lookup_run(&first), Some(outputs.clone()));
        // The same slot with another key misses; so does another slot.
        assert!(cache.lookup_run(&key("here", &[("text", "b")])).is_none());
        assert!(cache.lookup_run(&key("there", &[("text", "a")])).is_none());
        // Parts are delimited: moving a byte across a boundary misses.
        assert!(cache.lookup_run(&key("here", &[("tex", "ta")])).is_none());
        // A newer run of the slot replaces the entry.
        let second = key("here", &[("text", "b")]);
        cache.store_run(&second, Vec::new());
        assert!(cache.lookup_run(&first).is_none());
        assert_eq!(cache.lookup_run(&second), Some(Vec::new()));
        assert_eq!(
            std::fs::read_dir(dir.path().join("runs")).unwrap().count(),
            1
        );
    }

    #[test]
    fn truncated_corrupt_and_oversized_entries_are_misses() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path().to_path_buf());
        let run = key("here", &[("text", "a")]);
        cache.store_run(
            &run,
            vec![PluginOutput {
                plugin: 0,
                requests: 1,
                files: files(),
            }],
        );
        let path = dir.path().join(run_name(&run));
        let whole = std::fs::read(&path).unwrap();
        for damaged in [
            whole[..whole.len() - 3].to_vec(),
            whole[..whole.len() / 2].to_vec(),
            b"\xff\xff\xff\xff not an entry".to_vec(),
            Vec::new(),
        ] {
            std::fs::write(&path, &damaged).unwrap();
            assert!(cache.lookup_run(&run).is_none(), "{damaged:?}");
        }
        // Over the cap: refused before it is read.
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_ENTRY_BYTES + 1).unwrap();
        assert!(cache.lookup_run(&run).is_none());
    }

    #[test]
    fn the_cache_trims_the_entries_used_longest_ago() {
        let dir = tempfile::tempdir().unwrap();
        let mut cache = Cache::at(dir.path().to_path_buf());
        for i in 0..8u8 {
            cache.store("plugin", &[i], &files());
        }
        let entry_size = std::fs::metadata(dir.path().join(response_name("plugin", &[0])))
            .unwrap()
            .len();
        // Make the order of use certain: entry i was used at second i.
        for i in 0..8u8 {
            let file = std::fs::File::options()
                .write(true)
                .open(dir.path().join(response_name("plugin", &[i])))
                .unwrap();
            let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000 + u64::from(i));
            file.set_modified(at).unwrap();
        }
        // A hit marks entry 0 used now.
        assert!(cache.lookup("plugin", &[0]).is_some());
        cache.max_bytes = entry_size * 4;
        cache.trim();
        let kept: Vec<u8> = (0..8u8)
            .filter(|i| cache.lookup("plugin", &[*i]).is_some())
            .collect();
        assert_eq!(
            kept,
            [0, 6, 7],
            "three quarters of four entries are kept, the newest"
        );
        // Under the bound nothing goes.
        cache.trim();
        assert_eq!(
            (0..8u8)
                .filter(|i| cache.lookup("plugin", &[*i]).is_some())
                .count(),
            3
        );
    }

    #[test]
    fn a_link_in_the_cache_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let target = elsewhere.path().join("victim");
        std::fs::write(&target, "keep").unwrap();
        let cache = Cache::at(dir.path().to_path_buf());
        let run = key("here", &[]);
        std::fs::create_dir_all(dir.path().join("runs")).unwrap();
        std::os::unix::fs::symlink(&target, dir.path().join(run_name(&run))).unwrap();
        cache.store_run(&run, Vec::new());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
        assert_eq!(cache.lookup_run(&run), Some(Vec::new()));
    }

    #[test]
    fn a_program_rewritten_with_its_old_mtime_has_another_identity() {
        let dir = tempfile::tempdir().unwrap();
        let program = dir.path().join("protoc-gen-x");
        std::fs::write(&program, "one").unwrap();
        let before = program_identity(&program);
        let mtime = std::fs::metadata(&program).unwrap().modified().unwrap();
        // Past the file system's timestamp granularity.
        std::thread::sleep(std::time::Duration::from_millis(50));
        std::fs::write(&program, "two").unwrap();
        let file = std::fs::File::options().write(true).open(&program).unwrap();
        file.set_modified(mtime).unwrap();
        assert_eq!(
            std::fs::metadata(&program).unwrap().modified().unwrap(),
            mtime
        );
        assert_ne!(program_identity(&program), before, "as `cp -p` leaves it");
    }
}
