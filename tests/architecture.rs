//! The shape of the code, checked: the core knows no terminal and no command line, its modules
//! form a DAG with the file-system leaf at the bottom, statistics name no input format, the
//! library returns no `Result<_, String>`, and no source file passes 600 lines.

#![allow(clippy::unwrap_used)] // a failing unwrap in a test is a failing test

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("dir") {
        let p = entry.expect("entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without its `#[cfg(test)]` modules (tests may do as they like).
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("read");
    match text.find("#[cfg(test)]\nmod ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// The core's files, by top-level module: `src/x.rs` and `src/x/**`.
fn core_modules() -> BTreeMap<String, Vec<PathBuf>> {
    let mut files = Vec::new();
    rust_files(&Path::new(ROOT).join("src"), &mut files);
    let mut modules: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for f in files {
        let rel = f.strip_prefix(Path::new(ROOT).join("src")).expect("in src");
        let top = rel
            .components()
            .next()
            .expect("component")
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if ["tui", "cli", "main", "lib"].contains(&top.as_str()) {
            continue;
        }
        modules.entry(top).or_default().push(f);
    }
    modules
}

/// The top-level core modules a module's code names through `crate::`.
fn imports(modules: &BTreeMap<String, Vec<PathBuf>>) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (name, files) in modules {
        let mut deps = BTreeSet::new();
        for f in files {
            let text = code(f);
            for (at, _) in text.match_indices("crate::") {
                let rest = &text[at + "crate::".len()..];
                let word: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !word.is_empty() {
                    deps.insert(word);
                }
                if rest.starts_with('{') {
                    let group = &rest[1..rest.find('}').unwrap_or(1)];
                    for part in group.split(',') {
                        let w = part.trim().split("::").next().unwrap_or("").to_string();
                        if !w.is_empty() {
                            deps.insert(w);
                        }
                    }
                }
            }
        }
        deps.remove(name);
        deps.retain(|d| modules.contains_key(d));
        out.insert(name.clone(), deps);
    }
    out
}

#[test]
fn the_core_knows_no_terminal_and_no_command_line() {
    for (name, files) in core_modules() {
        for f in files {
            let text = code(&f);
            for word in ["ratatui", "crossterm", "clap"] {
                assert!(
                    !text.contains(word),
                    "core module {name} ({}) names {word}",
                    f.display()
                );
            }
        }
    }
}

#[test]
fn the_core_modules_form_a_dag_with_files_as_a_leaf() {
    let graph = imports(&core_modules());
    assert!(
        graph["files"].is_empty(),
        "files imports {:?}",
        graph["files"]
    );
    assert!(!graph["stats"].contains("formats"), "stats names a format");
    // Depth-first search for a cycle.
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) {
        path.push(n.to_string());
        state.insert(n.to_string(), 1);
        for d in &graph[n] {
            match state.get(d.as_str()) {
                Some(1) => panic!("import cycle: {} -> {d}", path.join(" -> ")),
                Some(_) => {}
                None => visit(d, graph, state, path),
            }
        }
        state.insert(n.to_string(), 2);
        path.pop();
    }
    let mut state = BTreeMap::new();
    for n in graph.keys() {
        if !state.contains_key(n) {
            visit(n, &graph, &mut state, &mut Vec::new());
        }
    }
}

/// The error type of every `Result<T, E>` in `text` (generic arguments balanced).
fn result_errors(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("Result<") {
        let mut depth = 0;
        let mut args = vec![String::new()];
        for c in text[at + "Result<".len()..].chars() {
            match c {
                '<' | '(' => depth += 1,
                '>' | ')' if depth == 0 => break,
                '>' | ')' => depth -= 1,
                ',' if depth == 0 => {
                    args.push(String::new());
                    continue;
                }
                _ => {}
            }
            args.last_mut().expect("an argument").push(c);
        }
        if args.len() == 2 {
            out.push(args[1].split_whitespace().collect());
        }
    }
    out
}

#[test]
fn the_library_returns_typed_errors() {
    assert_eq!(
        result_errors("fn f() -> Result<Vec<(u8, u8)>, String> {"),
        ["String"]
    );
    for files in core_modules().values() {
        for f in files {
            let strings: Vec<String> = result_errors(&code(f))
                .into_iter()
                .filter(|e| e == "String" || e == "std::string::String")
                .collect();
            assert!(
                strings.is_empty(),
                "{} returns Result<_, String>",
                f.display()
            );
        }
    }
}

#[test]
fn no_source_file_passes_600_lines() {
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches"] {
        rust_files(&Path::new(ROOT).join(dir), &mut files);
    }
    let long: Vec<String> = files
        .iter()
        .map(|f| (f, std::fs::read_to_string(f).expect("read").lines().count()))
        .filter(|(_, n)| *n > 600)
        .map(|(f, n)| format!("{} ({n} lines)", f.display()))
        .collect();
    assert!(long.is_empty(), "{long:#?}");
}
