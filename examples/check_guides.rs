//! Checks guide files the way the app's tests do, with the same messages:
//!
//! `cargo run --example check_guides -- content/guides [more dirs or files]`
//!
//! `--planned id,id` adds stand-ins for guides not written yet, so links to
//! them resolve while a set of guides is being drafted.

use std::path::{Path, PathBuf};
use std::{env, fs, process};

use mend::domain::guide::Library;

const STAND_IN: &str = r#"
id = "__ID__"
title = "Stand-in"
summary = "Stand-in for a guide not written yet."
intro = "Stand-in."
sources = ["000_74b60a4c028f30fb.txt"]
[[steps]]
id = "only"
  [[steps.questions]]
  id = "only"
  kind = "yes_no"
  text = "Stand-in?"
"#;

fn main() {
    let mut paths = Vec::new();
    let mut planned = Vec::new();
    let mut args = env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--planned" {
            planned.extend(
                args.next()
                    .unwrap_or_default()
                    .split(',')
                    .map(str::to_owned),
            );
        } else {
            paths.push(PathBuf::from(arg));
        }
    }
    let mut files = Vec::new();
    for path in &paths {
        collect(path, &mut files);
    }
    let mut sources: Vec<(String, String)> = Vec::new();
    let mut failed = false;
    for file in &files {
        let text = fs::read_to_string(file).unwrap_or_default();
        match toml::from_str::<toml::Value>(&text) {
            Ok(value) => sources.push((
                file.display().to_string(),
                serde_json::to_string(&value).unwrap(),
            )),
            Err(e) => {
                eprintln!("{}: not valid TOML: {e}", file.display());
                failed = true;
            }
        }
    }
    let present: Vec<String> = sources
        .iter()
        .filter_map(|(_, json)| serde_json::from_str::<serde_json::Value>(json).ok())
        .filter_map(|v| v.get("id")?.as_str().map(str::to_owned))
        .collect();
    for id in planned
        .iter()
        .filter(|id| !id.is_empty() && !present.contains(id))
    {
        let value: toml::Value = toml::from_str(&STAND_IN.replace("__ID__", id)).unwrap();
        sources.push((
            format!("(stand-in for {id})"),
            serde_json::to_string(&value).unwrap(),
        ));
    }
    let borrowed: Vec<(&str, &str)> = sources
        .iter()
        .map(|(f, j)| (f.as_str(), j.as_str()))
        .collect();
    match Library::from_json(&borrowed) {
        Ok(library) if !failed => {
            println!(
                "{} guide files are valid ({} with stand-ins).",
                files.len(),
                library.guides().len()
            );
        }
        Ok(_) => process::exit(1),
        Err(errors) => {
            eprintln!("{errors}");
            process::exit(1);
        }
    }
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = fs::read_dir(path)
            .map(|dir| dir.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for entry in entries {
            if entry.extension().is_some_and(|ext| ext == "toml") {
                files.push(entry);
            }
        }
    } else {
        files.push(path.to_path_buf());
    }
}
