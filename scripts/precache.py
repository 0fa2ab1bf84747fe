#!/usr/bin/env python3
"""Trunk post_build hook: links, locks down and precaches this build.

First links the app that build_wasm.py (the pre_build hook) staged in
app-<hash>/: its start module, with preloads of the glue and the main wasm.
For release builds, then minifies the JavaScript (the wasm-bindgen glue,
the chunk loader and the snippets) with terser from ./node_modules, and
adds the Content-Security-Policy meta tag to index.html. Then copies each
guide's words file (written by build.rs) into guides/, lists every file
staged (hashed names included), names the cache after a hash of their
contents, and fills src/pwa/sw.template.js into sw.js. Before that,
first_screen.py writes the pages that show before the app starts (the home
screen's first view in index.html, safety.html, right-now.html, and
shell.html for every other address), so they are precached too. Also
writes 404.html, a copy of shell.html that static hosts serve for deep
links.
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
    # Every script is a file of this origin; an inline one (none today)
    # would be allowed by its hash.
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in INLINE_SCRIPT.findall(html)
    )
    policy = CSP.format(hashes=hashes).replace("  ", " ").replace(" ;", ";")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}" />'
    # After <base>: a policy with base-uri 'none' placed before it would void
    # the base URL the sub-path build depends on. Before any script, so it
    # governs them all.
    base = BASE_TAG.search(html)
    if not base:
        raise SystemExit("precache.py: index.html has no <base>; cannot place the CSP")
    html = html[: base.end()] + "\n    " + meta + html[base.end():]
    index.write_text(html, encoding="utf-8")


def link_app(staging: Path, index: Path) -> None:
    """Links the app build_wasm.py staged: its start module, and preloads of
    what it imports at once (the glue, the chunk loader, the snippets) and of
    the main wasm, so they download together rather than one after another.
    The page chunks are not linked: each downloads when its page opens."""
    starts = sorted(staging.glob("app-*/start.js"))
    if len(starts) != 1:
        raise SystemExit(f"precache.py: expected one app-*/start.js in staging, found {len(starts)}")
    folder = starts[0].parent
    modules = [folder / "mend.js", folder / "__wasm_split.js", *sorted((folder / "snippets").rglob("*.js"))]
    rel = lambda p: p.relative_to(staging).as_posix()  # noqa: E731
    preloads = [f'<link rel="preload" href="{rel(folder / "mend_bg.wasm")}" as="fetch" type="application/wasm" crossorigin />']
    preloads += [f'<link rel="modulepreload" href="{rel(m)}" />' for m in modules]
    start = f'<script type="module" src="{rel(starts[0])}"></script>'
    # Trunk leaves its switched-off Rust link (index.html) in the page.
    html = re.sub(r"<link data-trunk[^>]*data-trunk-skip[^>]*>", "", index.read_text(encoding="utf-8"))
    base = BASE_TAG.search(html)
    if "</head>" not in html or not base:
        raise SystemExit("precache.py: index.html has no <base> or no </head>")
    # The preloads come first in <head> (add_csp then puts the policy
    # between <base> and them, so it governs them): the wasm is the long
    # download, and a browser holds back what follows the style sheet and
    # a parser-blocking script until those have arrived (about 250 ms on
    # the phone profile). The start module stays last; it runs after
    # parsing anyway.
    html = html[: base.end()] + "\n    " + "\n    ".join(preloads) + html[base.end():]
    html = html.replace("</head>", "  " + start + "\n  </head>", 1)
    index.write_text(html, encoding="utf-8")


def minify_scripts(staging: Path) -> None:
    terser = ROOT / "node_modules" / ".bin" / "terser"
    if not terser.exists():
        raise SystemExit("precache.py: node_modules/.bin/terser is missing; run scripts/setup.sh")
    for script in sorted(staging.rglob("*.js")):
        # ES modules: export and import names stay; only local names shrink.
        subprocess.run(
            [str(terser), str(script), "--module", "--compress", "--mangle", "--output", str(script)],
            check=True,
        )


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
    # The interface's words in each language but English (src/i18n.rs).
    words = source.parent / "i18n"
    packs = sorted(words.glob("*.json")) if words.is_dir() else []
    if not packs:
        raise SystemExit(f"precache.py: no language files in {words}; did build.rs run?")
    (staging / "i18n").mkdir(exist_ok=True)
    for file in packs:
        shutil.copyfile(file, staging / "i18n" / file.name)


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

    link_app(staging, index)
    if os.environ.get("TRUNK_PROFILE") == "release":
        minify_scripts(staging)
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
