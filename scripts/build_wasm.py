#!/usr/bin/env python3
"""Trunk pre_build hook: builds the app's WebAssembly, split by page.

Trunk's own Rust pipeline runs cargo, wasm-bindgen and wasm-opt in one go,
with no step between them, and splitting must happen between the linker and
wasm-bindgen. So this hook does the whole chain and hands Trunk the result
in its staging folder:

1. cargo build of the `mend` binary for wasm32 (release or debug, as Trunk
   builds). `.cargo/config.toml` links it with `--emit-relocs`, which the
   splitter needs to move code between modules.
2. wasm-split-cli (crate wasm_split_cli_support, installed by setup.sh)
   cuts out every function marked `#[wasm_split]` (src/pages/lazy.rs) with
   the code only it uses, one chunk per page: split_<page>.wasm, and
   __wasm_split.js, which fetches a chunk when its page first opens.
3. wasm-bindgen (web target) writes the JS glue for the main module.
4. wasm-opt -Oz, in release builds, on the main module and every chunk.
5. Everything goes into `app-<hash of the files>/` in Trunk's staging
   folder, with `start.js`, which starts the app. The folder's name makes
   every file in it belong to one build: an older tab keeps asking for its
   own build's chunks by their own names. precache.py links start.js from
   index.html (with preloads) and precaches the folder.
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target")
# The features Rust's wasm32 output uses; wasm-opt must be told.
WASM_FEATURES = [
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
]
START = """import init, * as bindings from "./mend.js";
// The bindings are on window for one e2e test, which calls a deliberate
// panic to prove the panic screen (src/lib.rs).
window.wasmBindings = bindings;
init();
"""


def tool(name: str) -> str:
    local = ROOT / "node_modules" / ".bin" / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"build_wasm.py: {name} is missing; run scripts/setup.sh")
    return found


def run(*command: str) -> None:
    subprocess.run(command, cwd=ROOT, check=True)


# One loader in __wasm_split.js: `const <name> = makeLoad(() => { … new
# URL("./<file>") … }, [<the loaders it needs first>])`, a page's wrapped in
# wrapAsyncCb and exported as __wasm_split_load_<page>.
LOADER = re.compile(
    r'(?:export )?const (\w+) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{.*?new URL\("\./([\w.]+)".*?\n\}\n, \[([^\]]*)\]',
    re.S,
)


def pages(loader_js: str) -> dict[str, list[str]]:
    """Each page's chunk files, its own first, then the shared ones it needs."""
    loaders = {
        m.group(1): (m.group(2), [d.strip() for d in m.group(3).split(",") if d.strip()])
        for m in LOADER.finditer(loader_js)
    }

    def files(name: str) -> list[str]:
        own, deps = loaders[name]
        found = [own]
        for dep in deps:
            found += [f for f in files(dep) if f not in found]
        return found

    prefix = "__wasm_split_load_"
    return {name[len(prefix):]: files(name) for name in loaders if name.startswith(prefix)}


def main() -> int:
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        print("build_wasm.py: TRUNK_STAGING_DIR is not set; run it from Trunk", file=sys.stderr)
        return 1
    release = os.environ.get("TRUNK_PROFILE") == "release"
    profile = "release" if release else "debug"

    run("cargo", "build", "--target", "wasm32-unknown-unknown", "--bin", "mend", "--features", "split",
        *(["--release"] if release else []))
    linked = TARGET / "wasm32-unknown-unknown" / profile / "mend.wasm"

    work = TARGET / "split" / profile
    shutil.rmtree(work, ignore_errors=True)
    split, app = work / "split", work / "app"
    split.mkdir(parents=True)
    run(tool("wasm-split-cli"), str(linked), str(split), "--out-name", "mend")
    # --keep-lld-exports: the chunks share the main module's function table,
    # which wasm-bindgen would otherwise stop exporting.
    run(tool("wasm-bindgen"), "--target", "web", "--no-typescript", "--keep-lld-exports", "--out-dir", str(app),
        "--out-name", "mend", str(split / "mend.wasm"))
    shutil.copyfile(split / "__wasm_split.js", app / "__wasm_split.js")
    # split_<page>.wasm per page, and chunk_<n>.wasm for code that several
    # pages share (fetched with the first page that needs it).
    chunks = sorted(p for p in split.glob("*.wasm") if p.name != "mend.wasm")
    if not any(c.name.startswith("split_") for c in chunks):
        raise SystemExit("build_wasm.py: the splitter made no chunks; is src/pages/lazy.rs used?")
    for chunk in chunks:
        shutil.copyfile(chunk, app / chunk.name)
    if release:
        for module in [app / "mend_bg.wasm", *(app / c.name for c in chunks)]:
            run(tool("wasm-opt"), "-Oz", *WASM_FEATURES, str(module), "-o", str(module))
    (app / "start.js").write_text(START, encoding="utf-8")
    # For scripts/bench.mjs: what opening each page downloads.
    page_files = pages((split / "__wasm_split.js").read_text(encoding="utf-8"))
    (work / "pages.json").write_text(json.dumps(page_files, indent=2), encoding="utf-8")

    digest = hashlib.sha256()
    for file in sorted(p for p in app.rglob("*") if p.is_file()):
        digest.update(file.relative_to(app).as_posix().encode())
        digest.update(b"\0")
        digest.update(file.read_bytes())
    dest = Path(staging) / f"app-{digest.hexdigest()[:16]}"
    shutil.copytree(app, dest)
    print(f"build_wasm.py: {dest.name} with {len(chunks)} chunks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
