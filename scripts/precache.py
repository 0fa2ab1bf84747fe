#!/usr/bin/env python3
"""Trunk post_build hook: writes the service worker for this build.

Lists every file Trunk staged (hashed names included), names the cache after
a hash of their contents, and fills src/pwa/sw.template.js into sw.js. Also
writes 404.html, a copy of index.html that static hosts serve for deep links.
"""
import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "src" / "pwa" / "sw.template.js"
# Generated here, or only useful to hosts: never part of the precache.
NOT_PRECACHED = {"sw.js", "404.html"}


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
    shutil.copyfile(index, staging / "404.html")
    print(f"precache.py: sw.js for build {build_id} precaches {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
