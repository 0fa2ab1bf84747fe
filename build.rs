//! Checks and bundles Mend's content. Guides are TOML so counsellors can
//! read and write them. The build validates every guide with the domain's
//! own validator (src/domain/guide_build.rs brings that code in here), so an
//! invalid guide fails `trunk build` and `cargo build` with the file, the
//! place and the problem. Then:
//!
//! - the app embeds each guide's *outline* (`Guide::outline`: ids, rules,
//!   titles; no question words) as OUTLINE, and the intake whole, since the
//!   first question must not wait for a download;
//! - each whole guide, validated, is written to `guides/<id>-<hash>.json`
//!   (WORDS maps ids to those names): in OUT_DIR, and beside the profile's
//!   build output in `guide-words/`, where scripts/precache.py picks them up
//!   for the site and the service worker. The hash makes a file belong to
//!   one build.
//! - Engine test guides (src/domain/fixtures/) are in debug builds only
//!   (unlisted, for the browser tests); a release build does not have them.
//! - Native builds (tests, examples) also get the raw JSON of every file
//!   (GUIDES, FIXTURES), so the content tests exercise the validator.
//!
//! PATHS, HELPLINES and FIRST_SCREEN (the words of the pages that also ship
//! as static HTML) are bundled here too.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

#[allow(dead_code, unused_imports)]
#[path = "src/domain/guide_build.rs"]
mod domain;

use domain::guide::{Guide, Library};

/// Guides whose words ship in the app itself: the intake is the first
/// question a new user answers (`domain::program::intake::INTAKE_GUIDE`).
const EMBEDDED_WHOLE: [&str; 1] = ["start"];

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let native = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch != "wasm32");
    let mut generated = String::new();

    let shipped = guide_files("content/guides");
    let fixtures = guide_files("src/domain/fixtures");
    if native {
        for (name, files) in [("GUIDES", &shipped), ("FIXTURES", &fixtures)] {
            writeln!(generated, "pub const {name}: &[(&str, &str)] = &[").unwrap();
            for (file, json) in files {
                writeln!(generated, "    ({file:?}, {json:?}),").unwrap();
            }
            writeln!(generated, "];").unwrap();
        }
    }
    // Test guides never ship: a release build validates and bundles the
    // shipped guides alone (debug builds and the browser tests have them).
    let release = env::var("PROFILE").is_ok_and(|profile| profile == "release");
    let files: Vec<(&str, &str)> = shipped
        .iter()
        .chain(if release { &[][..] } else { &fixtures[..] })
        .map(|(f, j)| (f.as_str(), j.as_str()))
        .collect();
    let library = Library::from_json(&files).unwrap_or_else(|errors| {
        eprintln!("The guides have problems:\n{errors}");
        panic!("invalid guides (listed above)");
    });
    let words = write_words(&library, &out);
    let outline = outline_json(&library);
    writeln!(generated, "pub const OUTLINE: &str = {outline:?};").unwrap();
    translations(&shipped, &fixtures, release, &out, &mut generated);
    writeln!(generated, "pub const WORDS: &[(&str, &str)] = &[").unwrap();
    for (id, name) in &words {
        writeln!(generated, "    ({id:?}, {name:?}),").unwrap();
    }
    writeln!(generated, "];").unwrap();
    let shipped_ids: Vec<String> = shipped
        .iter()
        .filter_map(|(_, json)| serde_json::from_str::<serde_json::Value>(json).ok())
        .filter_map(|value| value.get("id")?.as_str().map(str::to_owned))
        .collect();
    writeln!(generated, "pub const SHIPPED: &[&str] = &{shipped_ids:?};").unwrap();

    // The path rules and the helplines, as Rust constants the app reads
    // with no parser. Native builds also get each file as JSON, which the
    // content tests check with the domain's own readers and compare.
    let paths = toml_file("content/paths.toml");
    let helplines = toml_file("content/helplines.toml");
    if native {
        for (name, value) in [("PATHS", &paths), ("HELPLINES", &helplines)] {
            let json = serde_json::to_string(value).expect("TOML values convert to JSON");
            writeln!(generated, "pub const {name}: &str = {json:?};").unwrap();
        }
    }
    path_lists(&paths, &mut generated);
    helpline_data(&helplines, &mut generated);

    first_screens(&mut generated);

    fs::write(out.join("guides.rs"), generated).expect("write guides.rs");
    messages(&out, native);
}

fn toml_file(file: &str) -> toml::Value {
    println!("cargo:rerun-if-changed={file}");
    let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{file} is not valid TOML:\n{e}"))
}

/// A TOML array of strings as a Rust `&[&str]`.
fn str_slice(value: &toml::Value, at: &str) -> String {
    let items = value
        .as_array()
        .unwrap_or_else(|| panic!("{at} must be a list of strings"))
        .iter()
        .map(|item| {
            let text = item
                .as_str()
                .unwrap_or_else(|| panic!("{at} must be a list of strings"));
            format!("{text:?}")
        })
        .collect::<Vec<_>>();
    format!("&[{}]", items.join(", "))
}

/// Refuses keys the app would not read (as `deny_unknown_fields` does).
fn only_keys(table: &toml::Table, known: &[&str], at: &str) {
    for key in table.keys() {
        if !known.contains(&key.as_str()) {
            panic!("{at}: unknown field `{key}` (known: {known:?})");
        }
    }
}

/// content/paths.toml as `PATH_LISTS` (`domain::program::path::PathLists`).
fn path_lists(paths: &toml::Value, generated: &mut String) {
    const LISTS: [&str; 9] = [
        "together",
        "danger",
        "recent",
        "held_for_harm",
        "needs_contact",
        "done_first",
        "presumes_repair",
        "only_after_infidelity",
        "only_when_unwilling",
    ];
    let at = "content/paths.toml";
    let table = paths.as_table().expect("a TOML file is a table");
    let known: Vec<&str> = LISTS.iter().copied().chain(["roles", "library"]).collect();
    only_keys(table, &known, at);
    let field = |key: &str| {
        table
            .get(key)
            .unwrap_or_else(|| panic!("{at}: `{key}` is missing"))
    };
    writeln!(
        generated,
        "pub const PATH_LISTS: crate::domain::program::path::PathLists = crate::domain::program::path::PathLists {{"
    )
    .unwrap();
    for key in LISTS {
        writeln!(
            generated,
            "    {key}: {},",
            str_slice(field(key), &format!("{at}: `{key}`"))
        )
        .unwrap();
    }
    let roles = field("roles")
        .as_table()
        .unwrap_or_else(|| panic!("{at}: `roles` must be a table"));
    writeln!(generated, "    roles: &[").unwrap();
    for (role, list) in roles {
        let list = str_slice(list, &format!("{at}: `roles.{role}`"));
        writeln!(generated, "        ({role:?}, {list}),").unwrap();
    }
    writeln!(generated, "    ],").unwrap();
    writeln!(generated, "    library: &[").unwrap();
    for group in field("library")
        .as_array()
        .unwrap_or_else(|| panic!("{at}: `library` must be a list of groups"))
    {
        let group = group
            .as_table()
            .unwrap_or_else(|| panic!("{at}: each `library` group is a table"));
        only_keys(group, &["title", "guides"], &format!("{at}: library"));
        let title = group
            .get("title")
            .and_then(toml::Value::as_str)
            .unwrap_or_else(|| panic!("{at}: a library group has no title"));
        let guides = group
            .get("guides")
            .unwrap_or_else(|| panic!("{at}: library \"{title}\" has no guides"));
        let guides = str_slice(guides, &format!("{at}: library \"{title}\""));
        writeln!(generated, "        ({title:?}, {guides}),").unwrap();
    }
    writeln!(generated, "    ],\n}};").unwrap();
}

/// content/helplines.toml as `COUNTRIES` and `LINES`
/// (`domain::program::helplines::{CountryData, LineData}`).
fn helpline_data(helplines: &toml::Value, generated: &mut String) {
    let at = "content/helplines.toml";
    let table = helplines.as_table().expect("a TOML file is a table");
    only_keys(table, &["countries", "lines"], at);
    let tables = |key: &str| -> Vec<&toml::Table> {
        table
            .get(key)
            .and_then(toml::Value::as_array)
            .unwrap_or_else(|| panic!("{at}: `{key}` is missing"))
            .iter()
            .map(|item| {
                item.as_table()
                    .unwrap_or_else(|| panic!("{at}: `{key}` holds tables"))
            })
            .collect()
    };
    // (field, how it is written): text, optional text, list of text, purposes.
    let countries: [(&str, char); 7] = [
        ("code", 't'),
        ("name", 't'),
        ("emergency", 't'),
        ("emergency_source", 'o'),
        ("emergency_checked", 'o'),
        ("languages", 'l'),
        ("silent_call", 'o'),
    ];
    let lines: [(&str, char); 15] = [
        ("country", 't'),
        ("service", 't'),
        ("for", 'p'),
        ("call", 'o'),
        ("dial", 'o'),
        ("text", 'o'),
        ("web", 'o'),
        ("hours", 'o'),
        ("text_es", 'o'),
        ("hours_es", 'o'),
        ("note", 'o'),
        ("audience", 'o'),
        ("languages", 'l'),
        ("source", 't'),
        ("checked", 't'),
    ];
    let module = "crate::domain::program::helplines";
    for (name, kind, key, fields) in [
        ("COUNTRIES", "CountryData", "countries", &countries[..]),
        ("LINES", "LineData", "lines", &lines[..]),
    ] {
        writeln!(generated, "pub const {name}: &[{module}::{kind}] = &[").unwrap();
        for item in tables(key) {
            let known: Vec<&str> = fields.iter().map(|(f, _)| *f).collect();
            only_keys(item, &known, &format!("{at}: {key}"));
            writeln!(generated, "    {module}::{kind} {{").unwrap();
            for (field, how) in fields {
                let value = item.get(*field);
                let where_ = format!("{at}: {key} `{field}`");
                let text = |v: &toml::Value| {
                    let s = v
                        .as_str()
                        .unwrap_or_else(|| panic!("{where_} must be text"));
                    format!("{s:?}")
                };
                let rust = match (how, value) {
                    ('t', Some(v)) => text(v),
                    ('t', None) => panic!("{where_} is missing"),
                    ('o', Some(v)) => format!("Some({})", text(v)),
                    ('o', None) => "None".to_owned(),
                    ('l', Some(v)) => str_slice(v, &where_),
                    ('l', None) => "&[]".to_owned(),
                    ('p', Some(v)) => {
                        let purposes = v
                            .as_array()
                            .unwrap_or_else(|| panic!("{where_} must be a list"))
                            .iter()
                            .map(|p| {
                                let p = p.as_str().unwrap_or_else(|| panic!("{where_} holds text"));
                                // kebab-case to the variant's name: an unknown
                                // purpose fails to compile.
                                let variant: String = p
                                    .split('-')
                                    .map(|w| {
                                        let mut c = w.chars();
                                        c.next()
                                            .map(|f| {
                                                f.to_ascii_uppercase().to_string() + c.as_str()
                                            })
                                            .unwrap_or_default()
                                    })
                                    .collect();
                                format!("{module}::Purpose::{variant}")
                            })
                            .collect::<Vec<_>>();
                        format!("&[{}]", purposes.join(", "))
                    }
                    _ => panic!("{where_} is missing"),
                };
                let field = if *field == "for" { "purposes" } else { field };
                writeln!(generated, "        {field}: {rust},").unwrap();
            }
            writeln!(generated, "    }},").unwrap();
        }
        writeln!(generated, "];").unwrap();
    }
}

/// The library as the app holds it: each guide's outline (ids, rules,
/// titles; no question words), the intake whole.
fn outline_json(library: &Library) -> String {
    let outline: Vec<Guide> = library
        .guides()
        .iter()
        .map(|guide| {
            if EMBEDDED_WHOLE.contains(&guide.id().as_str()) {
                guide.clone()
            } else {
                guide.outline()
            }
        })
        .collect();
    serde_json::to_string(&Library::of(outline)).expect("guides convert to JSON")
}

/// Keys whose text people read in a guide (and every value of a scale's
/// `labels`): the only things a translation changes.
const GUIDE_TEXT_KEYS: [&str; 11] = [
    "title",
    "summary",
    "intro",
    "closing",
    "text",
    "help",
    "label",
    "min_label",
    "max_label",
    "description",
    "message",
];

/// A guide's JSON with every text people read emptied: what a translation
/// must have exactly as its English guide does.
fn shape(value: &serde_json::Value, labels: bool) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, value)| {
                    let value = match value {
                        Value::String(_) if labels || GUIDE_TEXT_KEYS.contains(&key.as_str()) => {
                            Value::String(String::new())
                        }
                        other => shape(other, key == "labels"),
                    };
                    (key.clone(), value)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|v| shape(v, false)).collect()),
        other => other.clone(),
    }
}

/// Guides in other languages: content/guides/<lang>/<id>.toml. Each must be
/// its English guide with only the words people read changed (same ids,
/// steps, options, scores, gates, flags, sources), and pass the same
/// validator; every shipped guide needs one. Each is written like the
/// English ones, as `guides/<id>.<lang>-<hash>.json`, with the language's
/// outline (the intake whole) as `guides/outline.<lang>-<hash>.json`,
/// fetched when someone chooses the language; `TRANSLATED` names them.
fn translations(
    shipped: &[(String, String)],
    fixtures: &[(String, String)],
    release: bool,
    out: &Path,
    generated: &mut String,
) {
    let root = Path::new("content/guides");
    let mut languages: Vec<String> = fs::read_dir(root)
        .unwrap_or_else(|e| panic!("content/guides: {e}"))
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().is_dir())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect();
    languages.sort();
    let site = out
        .ancestors()
        .nth(3)
        .expect("OUT_DIR sits in a profile folder")
        .join("guide-words")
        .join("guides");
    writeln!(
        generated,
        "/// (language, its outline file, (guide id, its words file) for each guide).\n\
         pub type Translation = (&'static str, &'static str, &'static [(&'static str, &'static str)]);\n\
         pub const TRANSLATED: &[Translation] = &["
    )
    .unwrap();
    for lang in languages {
        let dir = format!("content/guides/{lang}");
        let translated = guide_files(&dir);
        let mut problems = Vec::new();
        for (english_file, english) in shipped {
            let name = Path::new(english_file)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let Some((file, json)) = translated
                .iter()
                .find(|(f, _)| f.ends_with(&format!("/{name}")))
            else {
                problems.push(format!(
                    "{dir}/{name}: missing (every guide needs its translation)"
                ));
                continue;
            };
            let parse = |text: &str| {
                serde_json::from_str::<serde_json::Value>(text).expect("JSON from TOML")
            };
            if shape(&parse(english), false) != shape(&parse(json), false) {
                problems.push(format!(
                    "{file}: its structure differs from {english_file} (ids, kinds, options, scores, gates, flags or sources); `python3 scripts/check_translation.py {lang}` shows where"
                ));
            }
        }
        for (file, _) in &translated {
            let name = Path::new(file)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            if !shipped
                .iter()
                .any(|(f, _)| f.ends_with(&format!("/{name}")))
            {
                problems.push(format!("{file}: there is no English guide {name}"));
            }
        }
        if !problems.is_empty() {
            panic!("the {lang} guides have problems:\n{}", problems.join("\n"));
        }
        // Test guides have no translation: debug builds show them in English.
        let files: Vec<(&str, &str)> = translated
            .iter()
            .chain(if release { &[][..] } else { fixtures })
            .map(|(f, j)| (f.as_str(), j.as_str()))
            .collect();
        let library = Library::from_json(&files).unwrap_or_else(|errors| {
            eprintln!("The {lang} guides have problems:\n{errors}");
            panic!("invalid {lang} guides (listed above)");
        });
        fs::create_dir_all(&site).unwrap_or_else(|e| panic!("{}: {e}", site.display()));
        let write = |stem: &str, json: &str| -> String {
            let name = format!("guides/{stem}.{lang}-{:016x}.json", fnv1a(json.as_bytes()));
            for dir in [
                out.to_path_buf(),
                site.parent().expect("guide-words").to_path_buf(),
            ] {
                fs::create_dir_all(dir.join("guides")).unwrap_or_else(|e| panic!("{e}"));
                fs::write(dir.join(&name), json).unwrap_or_else(|e| panic!("{name}: {e}"));
            }
            name
        };
        let outline_file = write("outline", &outline_json(&library));
        writeln!(generated, "    ({lang:?}, {outline_file:?}, &[").unwrap();
        for guide in library.guides() {
            let json = serde_json::to_string(guide).expect("guides convert to JSON");
            let file = write(guide.id().as_str(), &json);
            writeln!(generated, "        ({:?}, {file:?}),", guide.id().as_str()).unwrap();
        }
        writeln!(generated, "    ]),").unwrap();
    }
    writeln!(generated, "];").unwrap();
}

/// Every TOML file in `dir` as (file name, JSON), sorted by name.
fn guide_files(dir: &str) -> Vec<(String, String)> {
    println!("cargo:rerun-if-changed={dir}");
    toml_files(Path::new(dir))
        .into_iter()
        .map(|file| {
            let text = fs::read_to_string(&file)
                .unwrap_or_else(|e| panic!("{}: cannot be read: {e}", file.display()));
            let value: toml::Value = toml::from_str(&text)
                .unwrap_or_else(|e| panic!("{} is not valid TOML:\n{e}", file.display()));
            let json = serde_json::to_string(&value).expect("TOML values convert to JSON");
            (file.to_string_lossy().replace('\\', "/"), json)
        })
        .collect()
}

/// Writes each whole guide as validated JSON; returns (id, file name).
/// The files go to OUT_DIR and to `<profile dir>/guide-words/`, which this
/// build empties first so a removed guide does not linger.
fn write_words(library: &Library, out: &Path) -> Vec<(String, String)> {
    // OUT_DIR is <target>/[<triple>/]<profile>/build/<crate>-<hash>/out.
    let profile_dir = out
        .ancestors()
        .nth(3)
        .expect("OUT_DIR sits in a profile folder");
    let site = profile_dir.join("guide-words");
    let _ = fs::remove_dir_all(&site);
    for dir in [out.join("guides"), site.join("guides")] {
        fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
    let mut names = Vec::new();
    for guide in library.guides() {
        let json = serde_json::to_string(guide).expect("guides convert to JSON");
        let name = format!("guides/{}-{:016x}.json", guide.id(), fnv1a(json.as_bytes()));
        for dir in [out, site.as_path()] {
            fs::write(dir.join(&name), &json).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        names.push((guide.id().to_string(), name));
    }
    names
}

/// One message of a catalog: a text, or a count's forms (`one`, `other`).
#[derive(Debug, Clone, PartialEq)]
enum Message {
    Text(String),
    Plural(Vec<(String, String)>),
}

/// The plural forms every language gives a counted message, in order.
const PLURAL_FORMS: [&str; 2] = ["one", "other"];

/// The interface's words: content/i18n/<language>/<area>.toml. English
/// defines the messages; every other language must have each of them, no
/// other, of the same kind, with the same placeholders, or the build fails
/// naming the file and the key. Writes `messages.rs` (the keys as constants,
/// English as a table, and each other language's file name) to OUT_DIR, and
/// each other language as a JSON list in the same order beside the guides'
/// words (guide-words/i18n/), fetched when someone chooses it. Native
/// builds also get every language's table, for the tests.
fn messages(out: &Path, native: bool) {
    const ROOT: &str = "content/i18n";
    println!("cargo:rerun-if-changed={ROOT}");
    let read = |lang: &str| -> Vec<(String, Vec<(String, Message)>)> {
        let dir = Path::new(ROOT).join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        toml_files(&dir)
            .into_iter()
            .map(|path| {
                println!("cargo:rerun-if-changed={}", path.display());
                let area = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
                let value = toml_file(&path.to_string_lossy());
                let table = value.as_table().expect("a TOML file is a table");
                let messages = table
                    .iter()
                    .map(|(key, value)| {
                        let at = format!("{}: `{key}`", path.display());
                        let message = match value {
                            toml::Value::String(text) => Message::Text(text.clone()),
                            toml::Value::Table(forms) => Message::Plural(
                                PLURAL_FORMS
                                    .iter()
                                    .map(|form| {
                                        let text = forms
                                            .get(*form)
                                            .and_then(toml::Value::as_str)
                                            .unwrap_or_else(|| panic!("{at} has no `{form}` form"));
                                        ((*form).to_owned(), text.to_owned())
                                    })
                                    .collect(),
                            ),
                            _ => panic!("{at} must be text, or a table of `one` and `other`"),
                        };
                        if let toml::Value::Table(forms) = value {
                            for form in forms.keys() {
                                if !PLURAL_FORMS.contains(&form.as_str()) {
                                    panic!("{at}: unknown plural form `{form}` (forms: {PLURAL_FORMS:?})");
                                }
                            }
                        }
                        (key.clone(), message)
                    })
                    .collect();
                (area, messages)
            })
            .collect()
    };
    let english = read("en");
    let languages: Vec<String> = fs::read_dir(ROOT)
        .unwrap_or_else(|e| panic!("{ROOT}: {e}"))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name != "en" && Path::new(ROOT).join(name).is_dir())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut problems = Vec::new();
    let mut tables: Vec<(String, Vec<String>)> = Vec::new();
    let flatten = |catalog: &[(String, Vec<(String, Message)>)]| -> Vec<String> {
        catalog
            .iter()
            .flat_map(|(_, messages)| messages.iter())
            .flat_map(|(_, message)| match message {
                Message::Text(text) => vec![text.clone()],
                Message::Plural(forms) => forms.iter().map(|(_, t)| t.clone()).collect(),
            })
            .collect()
    };
    for lang in &languages {
        let catalog = read(lang);
        for (area, messages) in &english {
            let file = format!("{ROOT}/{lang}/{area}.toml");
            let Some((_, theirs)) = catalog.iter().find(|(a, _)| a == area) else {
                problems.push(format!(
                    "{file}: missing (every file of {ROOT}/en/ needs its translation)"
                ));
                continue;
            };
            for (key, message) in messages {
                match theirs.iter().find(|(k, _)| k == key) {
                    None => problems.push(format!("{file}: `{key}` is missing")),
                    Some((_, translated)) => {
                        check_message(message, translated, &file, key, &mut problems)
                    }
                }
            }
            for (key, _) in theirs {
                if !messages.iter().any(|(k, _)| k == key) {
                    problems.push(format!("{file}: `{key}` is not in {ROOT}/en/{area}.toml"));
                }
            }
        }
        for (area, _) in &catalog {
            if !english.iter().any(|(a, _)| a == area) {
                problems.push(format!(
                    "{ROOT}/{lang}/{area}.toml: there is no {ROOT}/en/{area}.toml"
                ));
            }
        }
        if problems.is_empty() {
            // In English's order, so one index finds a message in each.
            let ordered: Vec<(String, Vec<(String, Message)>)> = english
                .iter()
                .map(|(area, messages)| {
                    let theirs = &catalog.iter().find(|(a, _)| a == area).expect("checked").1;
                    let in_order = messages
                        .iter()
                        .map(|(key, _)| {
                            theirs
                                .iter()
                                .find(|(k, _)| k == key)
                                .expect("checked")
                                .clone()
                        })
                        .collect();
                    (area.clone(), in_order)
                })
                .collect();
            tables.push((lang.clone(), flatten(&ordered)));
        }
    }
    if !problems.is_empty() {
        panic!(
            "the interface's words have problems:\n{}",
            problems.join("\n")
        );
    }

    let mut generated = String::new();
    let mut index = 0usize;
    for (area, messages) in &english {
        writeln!(generated, "/// The words of {ROOT}/en/{area}.toml.").unwrap();
        writeln!(generated, "pub mod {area} {{").unwrap();
        writeln!(
            generated,
            "    #[allow(unused_imports)]\n    use super::{{Counted, CountedDef, Text, TextDef}};"
        )
        .unwrap();
        for (key, message) in messages {
            let name = key.to_ascii_uppercase();
            match message {
                // The English words travel with the key (English needs no
                // table to be looked up in). A key is a pointer to its static (index, English): one
                // word to pass at each of the hundreds of places that show
                // a message.
                Message::Text(text) => {
                    writeln!(
                        generated,
                        "    pub const {name}: Text = Text::new(&TextDef::new({index}, {text:?}));"
                    )
                    .unwrap();
                    index += 1;
                }
                Message::Plural(forms) => {
                    let [one, other] = [&forms[0].1, &forms[1].1];
                    writeln!(
                        generated,
                        "    pub const {name}: Counted = Counted::new(&CountedDef::new({index}, [{one:?}, {other:?}]));"
                    )
                    .unwrap();
                    index += forms.len();
                }
            }
        }
        writeln!(generated, "}}").unwrap();
    }
    let english_table = flatten(&english);
    writeln!(generated, "/// How many texts each language's table holds.").unwrap();
    writeln!(
        generated,
        "pub const COUNT: usize = {};",
        english_table.len()
    )
    .unwrap();
    if native {
        writeln!(
            generated,
            "/// Every message in English, by index (native builds: tests)."
        )
        .unwrap();
        writeln!(generated, "pub const EN: &[&str] = &{english_table:?};").unwrap();
    }
    // Other languages: a file each, named by its contents.
    let profile_dir = out
        .ancestors()
        .nth(3)
        .expect("OUT_DIR sits in a profile folder");
    let site = profile_dir.join("guide-words").join("i18n");
    let _ = fs::remove_dir_all(&site);
    fs::create_dir_all(&site).unwrap_or_else(|e| panic!("{}: {e}", site.display()));
    writeln!(
        generated,
        "/// Each other language's words, as the file the app fetches."
    )
    .unwrap();
    // The pseudo-locale (`en-XA`, as Android names its own): every English message accented and 40%
    // longer, so a word left out of the catalogs, or a label cut off by a
    // longer language, shows in the tests. Test builds only: MEND_PSEUDO=1
    // (scripts/test.sh builds the sub-path copy with it); never shipped.
    println!("cargo:rerun-if-env-changed=MEND_PSEUDO");
    println!("cargo::rustc-check-cfg=cfg(mend_pseudo)");
    if env::var_os("MEND_PSEUDO").is_some() {
        println!("cargo:rustc-cfg=mend_pseudo");
        tables.push((
            "en-XA".to_owned(),
            english_table.iter().map(|t| pseudo(t)).collect(),
        ));
    }
    writeln!(generated, "pub const PACKS: &[(&str, &str)] = &[").unwrap();
    for (lang, table) in &tables {
        let json = serde_json::to_string(table).expect("text converts to JSON");
        let name = format!("i18n/{lang}-{:016x}.json", fnv1a(json.as_bytes()));
        fs::write(site.join(name.trim_start_matches("i18n/")), &json)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        writeln!(generated, "    ({lang:?}, {name:?}),").unwrap();
    }
    writeln!(generated, "];").unwrap();
    if native {
        writeln!(
            generated,
            "/// Every other language's messages, by index (native builds: tests)."
        )
        .unwrap();
        writeln!(generated, "pub const TABLES: &[(&str, &[&str])] = &[").unwrap();
        for (lang, table) in &tables {
            writeln!(generated, "    ({lang:?}, &{table:?}),").unwrap();
        }
        writeln!(generated, "];").unwrap();
    }
    fs::write(out.join("messages.rs"), generated).expect("write messages.rs");
}

/// `text` in the pseudo-locale: letters accented (placeholders and the
/// `{link}` markers kept as they are), bracketed, and padded to 140%.
fn pseudo(text: &str) -> String {
    let mut out = String::from("[");
    let mut in_placeholder = false;
    for c in text.chars() {
        match c {
            '{' => in_placeholder = true,
            '}' => in_placeholder = false,
            _ => {}
        }
        out.push(if in_placeholder {
            c
        } else {
            match c {
                'a' => 'á',
                'e' => 'é',
                'i' => 'í',
                'o' => 'ó',
                'u' => 'ú',
                'c' => 'ç',
                'n' => 'ñ',
                'A' => 'Å',
                'E' => 'É',
                'I' => 'Í',
                'O' => 'Ø',
                'U' => 'Ü',
                other => other,
            }
        });
    }
    // Padding in short runs a line can break between, as a real language's
    // longer words would be.
    let padding = (text.chars().count() * 2).div_ceil(5);
    for i in 0..padding {
        out.push(if i % 4 == 0 { ' ' } else { '·' });
    }
    out.push(']');
    out
}

/// The placeholders of a text: `{name}` (not `{{`).
fn placeholders(text: &str) -> std::collections::BTreeSet<String> {
    let mut found = std::collections::BTreeSet::new();
    let mut rest = text.replace("{{", "").replace("}}", "");
    while let Some(start) = rest.find('{') {
        let Some(end) = rest[start..].find('}') else {
            break;
        };
        found.insert(rest[start + 1..start + end].to_owned());
        rest = rest[start + end + 1..].to_owned();
    }
    found
}

/// A translation must be the same kind of message with the same placeholders.
fn check_message(
    english: &Message,
    translated: &Message,
    file: &str,
    key: &str,
    problems: &mut Vec<String>,
) {
    match (english, translated) {
        (Message::Text(en), Message::Text(tr)) => {
            if placeholders(en) != placeholders(tr) {
                problems.push(format!(
                    "{file}: `{key}` has placeholders {:?}, English has {:?}",
                    placeholders(tr),
                    placeholders(en)
                ));
            }
        }
        (Message::Plural(en), Message::Plural(tr)) => {
            let all = |forms: &[(String, String)]| {
                forms
                    .iter()
                    .flat_map(|(_, t)| placeholders(t))
                    .collect::<std::collections::BTreeSet<_>>()
            };
            if all(en) != all(tr) {
                problems.push(format!(
                    "{file}: `{key}` has placeholders {:?}, English has {:?}",
                    all(tr),
                    all(en)
                ));
            }
        }
        _ => problems.push(format!(
            "{file}: `{key}` must be the same kind as in English (text, or `one`/`other` forms)"
        )),
    }
}

/// A content hash for file names (FNV-1a, 64 bits): a changed guide gets a
/// new name, so no cache can hand an old build's words to a new build.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// content/first-screen.toml as a Rust value of `domain::first_screen::FirstScreen`:
/// the compiler checks every field is there and no other is, so a missing or
/// misspelt key fails the build, and the wasm carries no parser for it.
/// Each other language's first screen is content/first-screen.<lang>.toml,
/// checked the same way (built in too: help must never wait for a download).
fn first_screens(generated: &mut String) {
    first_screen(generated, "content/first-screen.toml", "FIRST_SCREEN");
    let mut others = Vec::new();
    // Every language the interface speaks besides English (content/i18n/).
    let mut languages: Vec<String> = fs::read_dir("content/i18n")
        .map(|dir| {
            dir.filter_map(|entry| entry.ok()?.file_name().into_string().ok())
                .filter(|name| name != "en")
                .collect()
        })
        .unwrap_or_default();
    languages.sort();
    for lang in &languages {
        let file = format!("content/first-screen.{lang}.toml");
        println!("cargo:rerun-if-changed={file}");
        if Path::new(&file).exists() {
            let name = format!("FIRST_SCREEN_{}", lang.to_ascii_uppercase());
            first_screen(generated, &file, &name);
            others.push((lang, name));
        }
    }
    let module = "crate::domain::first_screen";
    writeln!(
        generated,
        "pub static FIRST_SCREENS: &[(&str, &{module}::FirstScreen)] = &["
    )
    .unwrap();
    for (lang, name) in others {
        writeln!(generated, "    ({lang:?}, &{name}),").unwrap();
    }
    writeln!(generated, "];").unwrap();
}

fn first_screen(generated: &mut String, file: &str, name: &str) {
    #[allow(non_snake_case)]
    let FILE = file;
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
        "pub static {name}: {module}::FirstScreen = {module}::FirstScreen {{"
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
