//! The module graph is a tree read top to bottom:
//!
//! ```text
//! cli -> commands -> checks (validate, lint, convert, ...) -> core
//!                 -> report (formats)                      -> core
//! ```
//!
//! A lower layer never imports a higher one, no check imports another
//! check (no command reaches into another command's internals), and the
//! core modules import each other without cycles. This test reads every
//! `crate::` path in `src/` (test code left out) and fails on any edge
//! that breaks those rules, naming the file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layer of every top-level module; a new module must be placed here.
fn layer_of(module: &str) -> Option<Layer> {
    Some(match module {
        "cli" => Layer::Cli,
        "commands" => Layer::Commands,
        "validate" | "lint" | "convert" | "diff" | "proto" | "gen" | "protolint"
        | "protobreaking" | "schemagen" | "protofmt" => Layer::Check,
        "report" => Layer::Report,
        "allocator" | "casing" | "changeset" | "codes" | "config" | "crd" | "diagnostic"
        | "document" | "duration" | "engine" | "error" | "escape" | "findings" | "gitrev"
        | "input" | "kinds" | "output" | "path" | "protobuild" | "schema" | "source"
        | "suggest" | "suppress" | "typecheck" | "walk" | "yaml" | "yaml_out" => Layer::Core,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    Core,
    Report,
    Check,
    Commands,
    Cli,
}

/// Whether `from` may import `to`.
fn allowed(from: Layer, to: Layer) -> bool {
    match (from, to) {
        // Checks and report formats are siblings: neither imports the other.
        (Layer::Check, Layer::Report) | (Layer::Report, Layer::Check) => false,
        // Checks never import each other; core modules may (acyclically).
        (Layer::Check, Layer::Check) => false,
        _ => to < from || (from == Layer::Core && to == Layer::Core),
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules a file's non-test code names through `crate::`.
fn imports(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let mut found = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a::X, b};`: every first segment in the group.
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.insert(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.insert(name);
        }
    }
    found
}

fn graph() -> BTreeMap<String, BTreeMap<String, PathBuf>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut edges: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap();
        let top = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if top == "lib" || top == "main" {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let entry = edges.entry(top.clone()).or_default();
        for to in imports(&text) {
            if to != top && layer_of(&to).is_some() {
                entry.entry(to).or_insert_with(|| relative.to_path_buf());
            }
        }
    }
    edges
}

#[test]
fn every_module_has_a_layer() {
    for module in graph().keys() {
        assert!(
            layer_of(module).is_some(),
            "src/{module}: place the new module in a layer in tests/architecture.rs"
        );
    }
}

#[test]
fn no_module_imports_a_higher_layer_or_another_check() {
    let mut broken = Vec::new();
    for (from, targets) in graph() {
        let Some(from_layer) = layer_of(&from) else {
            continue;
        };
        for (to, file) in targets {
            let to_layer = layer_of(&to).unwrap();
            if !allowed(from_layer, to_layer) {
                broken.push(format!(
                    "src/{} imports crate::{to} ({from_layer:?} -> {to_layer:?})",
                    file.display()
                ));
            }
        }
    }
    assert!(broken.is_empty(), "layering broken:\n{}", broken.join("\n"));
}

#[test]
fn the_module_graph_has_no_cycles() {
    let graph = graph();
    // Depth-first search with colours: grey nodes are on the current path.
    fn visit<'g>(
        node: &'g str,
        graph: &'g BTreeMap<String, BTreeMap<String, PathBuf>>,
        state: &mut BTreeMap<&'g str, bool>,
        path: &mut Vec<&'g str>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(true) => {
                let start = path.iter().position(|n| *n == node).unwrap();
                let mut cycle: Vec<String> = path[start..].iter().map(|s| s.to_string()).collect();
                cycle.push(node.to_string());
                return Some(cycle);
            }
            Some(false) => return None,
            None => {}
        }
        state.insert(node, true);
        path.push(node);
        for next in graph.get(node).into_iter().flat_map(|t| t.keys()) {
            if let Some(cycle) = visit(next, graph, state, path) {
                return Some(cycle);
            }
        }
        path.pop();
        state.insert(node, false);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, &graph, &mut state, &mut Vec::new()) {
            panic!("module cycle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn the_import_reader_sees_groups_and_paths() {
    let found = imports(
        "use crate::{codes::Code, diagnostic};\nfn f() { crate::walk::collect(); }\n#[cfg(test)]\nuse crate::lint;",
    );
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        ["codes", "diagnostic", "walk"]
    );
}
