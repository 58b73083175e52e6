//! The protoc plugin protocol: a CodeGeneratorRequest on the plugin's
//! stdin, a CodeGeneratorResponse on its stdout.
//!
//! The messages are declared here rather than taken from prost-types,
//! whose copy of plugin.proto predates `source_file_descriptors` (17),
//! `minimum_edition`/`maximum_edition` (3/4) and
//! `FEATURE_SUPPORTS_EDITIONS`. File descriptors travel as the
//! compiler's encoded bytes (wire-identical to embedded messages), so
//! nothing a newer compiler wrote is lost on the way to the plugin.

use std::ffi::OsString;
use std::io::{Read as _, Write as _};
use std::os::unix::process::CommandExt as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::{Context as _, anyhow, bail};
use prost::Message as _;
use wait_timeout::ChildExt as _;

use crate::error::Result;

/// `google.protobuf.compiler.CodeGeneratorRequest`, as buf fills it: no
/// `compiler_version` (3), since buf sends none.
#[derive(Clone, PartialEq, prost::Message)]
pub struct CodeGeneratorRequest {
    #[prost(string, repeated, tag = "1")]
    pub file_to_generate: Vec<String>,
    #[prost(string, optional, tag = "2")]
    pub parameter: Option<String>,
    /// Encoded FileDescriptorProtos: the files to generate and all they
    /// import, imports first.
    #[prost(bytes = "vec", repeated, tag = "15")]
    pub proto_file: Vec<Vec<u8>>,
    /// Encoded FileDescriptorProtos of the files to generate only.
    #[prost(bytes = "vec", repeated, tag = "17")]
    pub source_file_descriptors: Vec<Vec<u8>>,
}

/// `google.protobuf.compiler.CodeGeneratorResponse`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct CodeGeneratorResponse {
    #[prost(string, optional, tag = "1")]
    pub error: Option<String>,
    #[prost(uint64, optional, tag = "2")]
    pub supported_features: Option<u64>,
    #[prost(int32, optional, tag = "3")]
    pub minimum_edition: Option<i32>,
    #[prost(int32, optional, tag = "4")]
    pub maximum_edition: Option<i32>,
    #[prost(message, repeated, tag = "15")]
    pub file: Vec<GeneratedFile>,
}

/// `CodeGeneratorResponse.File`. `content` is read as bytes so that a
/// plugin writing non-UTF-8 output is reported, not a decode failure;
/// shared bytes, so that a cache entry's files are slices of the entry,
/// never copied on the way to the disk.
#[derive(Clone, PartialEq, prost::Message)]
pub struct GeneratedFile {
    #[prost(string, optional, tag = "1")]
    pub name: Option<String>,
    #[prost(string, optional, tag = "2")]
    pub insertion_point: Option<String>,
    #[prost(bytes = "bytes", optional, tag = "15")]
    pub content: Option<prost::bytes::Bytes>,
}

/// `CodeGeneratorResponse.Feature` bits.
pub const FEATURE_PROTO3_OPTIONAL: u64 = 1;
pub const FEATURE_SUPPORTS_EDITIONS: u64 = 2;

pub use crate::protobuild::compile::find_program;

/// Text from a plugin, safe for a terminal: control characters other
/// than line breaks and tabs are shown escaped.
pub fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// What a process printed, once it exited zero.
pub struct Finished {
    pub stdout: Vec<u8>,
    pub stderr: String,
}

/// Runs `argv` with `stdin` as its input, killing it (and everything it
/// started) after `timeout`. A non-zero exit, a signal or the timeout is
/// an error carrying the escaped stderr.
pub fn run_process(
    argv: &[OsString],
    stdin: &[u8],
    timeout: Duration,
    cwd: Option<&Path>,
) -> Result<Finished> {
    let (program, args) = argv.split_first().context("an empty command line")?;
    let mut command = Command::new(program);
    command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // Its own process group, so a timeout kills what it spawned too.
        .process_group(0);
    if let Some(cwd) = cwd {
        command.current_dir(cwd);
    }
    let mut child = command
        .spawn()
        .with_context(|| format!("cannot start {}", program.to_string_lossy()))?;
    let input = stdin.to_vec();
    let mut child_stdin = child.stdin.take().expect("piped");
    // A plugin may exit without reading its input: a broken pipe is fine.
    let writer = std::thread::spawn(move || {
        let _ = child_stdin.write_all(&input);
    });
    let mut child_stdout = child.stdout.take().expect("piped");
    let mut child_stderr = child.stderr.take().expect("piped");
    let stdout_reader = std::thread::spawn(move || {
        let mut buffer = Vec::new();
        let _ = child_stdout.read_to_end(&mut buffer);
        buffer
    });
    let stderr_reader = std::thread::spawn(move || {
        let mut buffer = Vec::new();
        let _ = child_stderr.read_to_end(&mut buffer);
        buffer
    });
    let status = child
        .wait_timeout(timeout)
        .context("waiting for the plugin")?;
    let timed_out = status.is_none();
    if timed_out {
        // SAFETY: killpg only sends a signal to the group we created.
        unsafe {
            libc::killpg(child.id() as libc::pid_t, libc::SIGKILL);
        }
    }
    let status = match status {
        Some(status) => status,
        None => child.wait().context("waiting for the killed plugin")?,
    };
    let _ = writer.join();
    let stdout = stdout_reader.join().unwrap_or_default();
    let stderr = escape_controls(&String::from_utf8_lossy(
        &stderr_reader.join().unwrap_or_default(),
    ));
    let with_stderr = |message: String| {
        if stderr.trim().is_empty() {
            anyhow!(message)
        } else {
            anyhow!("{message}; its stderr:\n{}", stderr.trim_end())
        }
    };
    if timed_out {
        return Err(with_stderr(format!(
            "did not finish within {}s (--timeout) and was killed",
            timeout.as_secs_f64()
        )));
    }
    if !status.success() {
        return Err(with_stderr(format!("failed ({status})")));
    }
    Ok(Finished { stdout, stderr })
}

/// Sends one request to a plugin and reads its response; an `error` in
/// the response is an error too.
pub fn call(
    argv: &[OsString],
    request: &CodeGeneratorRequest,
    timeout: Duration,
) -> Result<(CodeGeneratorResponse, String)> {
    let finished = run_process(argv, &request.encode_to_vec(), timeout, None)?;
    let response = CodeGeneratorResponse::decode(finished.stdout.as_slice())
        .context("its output is not a CodeGeneratorResponse")?;
    if let Some(error) = &response.error {
        bail!("reported an error: {}", escape_controls(error));
    }
    Ok((response, finished.stderr))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(escape_controls("a\u{1b}[31mb\nc"), "a\\u{1b}[31mb\nc");
    }

    #[test]
    fn responses_keep_the_edition_fields_prost_types_lacks() {
        let response = CodeGeneratorResponse {
            supported_features: Some(FEATURE_PROTO3_OPTIONAL | FEATURE_SUPPORTS_EDITIONS),
            minimum_edition: Some(998),
            maximum_edition: Some(1000),
            ..Default::default()
        };
        let bytes = response.encode_to_vec();
        assert_eq!(
            CodeGeneratorResponse::decode(bytes.as_slice()).unwrap(),
            response
        );
    }

    #[test]
    fn a_hanging_process_is_killed_at_the_timeout() {
        let argv: Vec<OsString> = ["sh", "-c", "sleep 30"].map(OsString::from).to_vec();
        let started = std::time::Instant::now();
        let error = run_process(&argv, b"", Duration::from_millis(200), None)
            .err()
            .unwrap();
        assert!(error.to_string().contains("did not finish"), "{error}");
        assert!(started.elapsed() < Duration::from_secs(10));
    }
}
