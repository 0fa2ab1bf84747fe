#!/usr/bin/env python3
"""Trunk post_build hook: locks down and precaches this build.

For release builds, first minifies the JavaScript (the wasm-bindgen glue
and its snippets, which Trunk's own minifier leaves alone) with terser
from ./node_modules, updating each file's integrity hash in index.html,
then adds the Content-Security-Policy meta tag to index.html, allowing Trunk's inline loader script by its sha256 hash (the
script names the hashed file names, so its hash changes with every build).
Then copies each guide's words file (written by build.rs) into guides/, lists every file Trunk staged (hashed names included), names the cache
after a hash of their contents, and fills src/pwa/sw.template.js into sw.js.
Before that, first_screen.py writes the pages that show before the app
starts (the home screen's first view in index.html, safety.html,
right-now.html, and shell.html for every other address), so they are
precached too. Also writes 404.html, a copy of shell.html that static hosts
serve for deep links.
"""
import base64
import hashlib
import re
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import first_screen  # noqa: E402  (a sibling script)

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "src" / "pwa" / "sw.template.js"
# Generated here, or only useful to hosts: never part of the precache.
NOT_PRECACHED = {"sw.js", "404.html"}


# No 'unsafe-inline', no 'unsafe-eval'. 'wasm-unsafe-eval' only lets
# WebAssembly compile; the inline loader is allowed by hash (filled in below).
CSP = (
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' {hashes}; "
    "style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'"
)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)
BASE_TAG = re.compile(r"<base [^>]*>")


def add_csp(index: Path) -> None:
    html = index.read_text(encoding="utf-8")
    if "Content-Security-Policy" in html:
        return
    scripts = INLINE_SCRIPT.findall(html)
    if not scripts:
        raise SystemExit("precache.py: no inline loader script found; has Trunk changed?")
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in scripts
    )
    meta = f'<meta http-equiv="Content-Security-Policy" content="{CSP.format(hashes=hashes)}" />'
    # After <base>: a policy with base-uri 'none' placed before it would void
    # the base URL the sub-path build depends on. Before any script, so it
    # governs them all.
    base = BASE_TAG.search(html)
    if not base:
        raise SystemExit("precache.py: index.html has no <base>; cannot place the CSP")
    html = html[: base.end()] + "\n    " + meta + html[base.end():]
    index.write_text(html, encoding="utf-8")


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def minify_scripts(staging: Path, index: Path) -> None:
    terser = ROOT / "node_modules" / ".bin" / "terser"
    if not terser.exists():
        raise SystemExit("precache.py: node_modules/.bin/terser is missing; run scripts/setup.sh")
    html = index.read_text(encoding="utf-8")
    for script in sorted(staging.rglob("*.js")):
        before = script.read_bytes()
        # ES modules: export and import names stay; only local names shrink.
        subprocess.run(
            [str(terser), str(script), "--module", "--compress", "--mangle", "--output", str(script)],
            check=True,
        )
        old, new = sri(before), sri(script.read_bytes())
        if old in html:
            html = html.replace(old, new)
        elif script.name not in ("sw.js", "first-screen.js"):
            # Trunk lists every script it links with its integrity hash.
            print(f"precache.py: no integrity hash for {script.name} in index.html", file=sys.stderr)
    index.write_text(html, encoding="utf-8")


def copy_guide_words(staging: Path) -> None:
    """Each guide's words live in a file of their own that its pages fetch
    (src/content/words.rs). build.rs validated the guides and wrote the files
    beside this profile's wasm; they join the site here, to be precached."""
    profile = "release" if os.environ.get("TRUNK_PROFILE") == "release" else "debug"
    target = Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target")
    source = target / "wasm32-unknown-unknown" / profile / "guide-words" / "guides"
    files = sorted(source.glob("*.json")) if source.is_dir() else []
    if not files:
        raise SystemExit(f"precache.py: no guide files in {source}; did build.rs run?")
    dest = staging / "guides"
    dest.mkdir(exist_ok=True)
    for file in files:
        shutil.copyfile(file, dest / file.name)


def main() -> int:
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        print("precache.py: TRUNK_STAGING_DIR is not set; run it from Trunk", file=sys.stderr)
        return 1
    staging = Path(staging)
    index = staging / "index.html"
    if not index.is_file():
        print(f"precache.py: {index} is missing; cannot build the offline cache", file=sys.stderr)
        return 1

    if os.environ.get("TRUNK_PROFILE") == "release":
        minify_scripts(staging, index)
        add_csp(index)
    copy_guide_words(staging)
    # After the policy is in index.html, so every page written from it has it.
    first_screen.write(staging)

    files = sorted(
        p.relative_to(staging).as_posix()
        for p in staging.rglob("*")
        if p.is_file() and p.relative_to(staging).as_posix() not in NOT_PRECACHED
    )
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update((staging / name).read_bytes())
    build_id = digest.hexdigest()[:16]

    worker = (
        TEMPLATE.read_text(encoding="utf-8")
        .replace("__BUILD_ID__", build_id)
        .replace("__PRECACHE__", json.dumps(files, indent=2))
    )
    (staging / "sw.js").write_text(worker, encoding="utf-8")
    shutil.copyfile(staging / "shell.html", staging / "404.html")
    print(f"precache.py: sw.js for build {build_id} precaches {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
