#!/usr/bin/env python3
"""Fails if any guide repeats a run of words from the source articles.

Guides take ideas from ../shared/seeds/, never sentences. This finds every
run of RUN or more consecutive words (case and punctuation ignored) that a
guide file shares with an article, and prints where. Without the articles
beside the repository it skips with a notice, unless MEND_ORIGINALITY is
"required" (scripts/test.sh, and so CI, set it): then missing articles fail
the check, since a skipped check would pass any copied sentence.
"""
import os
import re
import sys
import tomllib
from pathlib import Path

RUN = 8
ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "seeds"


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


def runs(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def main() -> int:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        if os.environ.get("MEND_ORIGINALITY") == "required":
            print(
                f"check_originality: no source articles (*.txt) in {SEEDS}, and MEND_ORIGINALITY=required;\n"
                "  the guides cannot be checked against them. Put the articles in ../shared/seeds/ beside\n"
                "  the repository, or pass their folder as the first argument.",
                file=sys.stderr,
            )
            return 1
        print(f"check_originality: no source articles (*.txt) in {SEEDS}; skipped")
        return 0
    seed_runs: dict[tuple[str, ...], str] = {}
    for seed in seeds:
        for run in runs(words(seed.read_text(encoding="utf-8"))):
            seed_runs.setdefault(run, seed.name)
    problems = 0
    guides = sorted((ROOT / "content" / "guides").glob("*.toml"))
    for guide in guides:
        # Only the words a user reads: every string value, not keys.
        text = " | ".join(strings(tomllib.loads(guide.read_text(encoding="utf-8"))))
        for run in sorted(runs(words(text)) & seed_runs.keys()):
            print(f"{guide.relative_to(ROOT)}: \"{' '.join(run)}\" also appears in {seed_runs[run]}")
            problems += 1
    print(f"check_originality: {len(guides)} guides, {len(seeds)} articles, {problems} shared runs of {RUN}+ words")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
