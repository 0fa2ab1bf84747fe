//! Bundles the guide files into the app. Guides are TOML so counsellors can
//! read and write them; this turns each into JSON (the app already parses
//! JSON for storage, so no TOML parser ships in the bundle) and generates
//! `guides.rs` with two lists of (file name, JSON): GUIDES from
//! content/guides/ (shown to users) and FIXTURES from src/domain/fixtures/
//! (engine test guides, reachable by address only), plus PATHS from
//! content/paths.toml, HELPLINES and FIRST_SCREEN (the words of the pages
//! that also ship as static HTML). Validation happens in
//! `content::library()` and in its tests, with precise messages.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let mut generated = String::new();
    for (name, dir) in [
        ("GUIDES", "content/guides"),
        ("FIXTURES", "src/domain/fixtures"),
    ] {
        println!("cargo:rerun-if-changed={dir}");
        writeln!(generated, "pub const {name}: &[(&str, &str)] = &[").unwrap();
        for file in toml_files(Path::new(dir)) {
            let text = fs::read_to_string(&file)
                .unwrap_or_else(|e| panic!("{}: cannot be read: {e}", file.display()));
            let value: toml::Value = toml::from_str(&text)
                .unwrap_or_else(|e| panic!("{} is not valid TOML:\n{e}", file.display()));
            let json = serde_json::to_string(&value).expect("TOML values convert to JSON");
            let shown = file.to_string_lossy().replace('\\', "/");
            writeln!(generated, "    ({shown:?}, {json:?}),").unwrap();
        }
        writeln!(generated, "];").unwrap();
    }
    // The path rules and the helplines: one file each, same treatment.
    for (name, file) in [
        ("PATHS", "content/paths.toml"),
        ("HELPLINES", "content/helplines.toml"),
    ] {
        println!("cargo:rerun-if-changed={file}");
        let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{file} is not valid TOML:\n{e}"));
        let json = serde_json::to_string(&value).expect("TOML values convert to JSON");
        writeln!(generated, "pub const {name}: &str = {json:?};").unwrap();
    }

    first_screen(&mut generated);

    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("guides.rs"), generated).expect("write guides.rs");
}

/// content/first-screen.toml as a Rust value of `domain::first_screen::FirstScreen`:
/// the compiler checks every field is there and no other is, so a missing or
/// misspelt key fails the build, and the wasm carries no parser for it.
fn first_screen(generated: &mut String) {
    const FILE: &str = "content/first-screen.toml";
    const TABLES: [(&str, &str); 6] = [
        ("home", "Home"),
        ("safety", "SafetyWords"),
        ("tech_safety", "TechSafetyWords"),
        ("tags", "Tags"),
        ("right_now", "RightNowWords"),
        ("before_the_app", "BeforeTheApp"),
    ];
    println!("cargo:rerun-if-changed={FILE}");
    let text = fs::read_to_string(FILE).unwrap_or_else(|e| panic!("{FILE}: {e}"));
    let value: toml::Table =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{FILE} is not valid TOML:\n{e}"));
    let module = "crate::domain::first_screen";
    writeln!(
        generated,
        "pub static FIRST_SCREEN: {module}::FirstScreen = {module}::FirstScreen {{"
    )
    .unwrap();
    if let Some(key) = value.keys().find(|k| !TABLES.iter().any(|(t, _)| t == k)) {
        panic!("{FILE}: `[{key}]` is not a part Mend knows");
    }
    for (table, type_name) in TABLES {
        let fields = value
            .get(table)
            .and_then(toml::Value::as_table)
            .unwrap_or_else(|| panic!("{FILE}: `[{table}]` is missing"));
        writeln!(generated, "    {table}: {module}::{type_name} {{").unwrap();
        for (field, value) in fields {
            let rust = match value {
                toml::Value::String(text) => format!("{text:?}"),
                toml::Value::Array(items) => {
                    let items: Vec<String> = items
                        .iter()
                        .map(|item| match item {
                            toml::Value::String(text) => format!("{text:?}"),
                            other => panic!("{FILE}: `{table}.{field}` holds {other}, not text"),
                        })
                        .collect();
                    format!("&[{}]", items.join(", "))
                }
                other => panic!("{FILE}: `{table}.{field}` is {other}, not text"),
            };
            writeln!(generated, "        {field}: {rust},").unwrap();
        }
        writeln!(generated, "    }},").unwrap();
    }
    writeln!(generated, "}};").unwrap();
}

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: cannot be listed: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    files
}
