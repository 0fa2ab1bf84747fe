#!/usr/bin/env python3
"""Checks that each translated guide (content/guides/<lang>/<id>.toml) has
exactly the structure of its English guide (content/guides/<id>.toml): the
same keys, ids, kinds, options, scores, gates, flags and sources, in the
same order, with only the words people read translated. Placeholders
({name}, {Name}, {relationship}, ...) must be the same in each text.

Usage: python3 scripts/check_translation.py [lang] [guide-id ...]
Exits non-zero, naming the file and the place, on the first problem in
each file. Words people read are the values of these keys; everything
else must be equal to the English: TEXT_KEYS below, plus the values of a
scale's `labels` table.
"""

import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
GUIDES = ROOT / "content" / "guides"
TEXT_KEYS = {
    "title", "summary", "intro", "closing", "text", "help", "label",
    "min_label", "max_label", "description", "message",
}
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_]+)\}(?!\})")


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def compare(en, tr, where, problems, in_labels=False):
    if isinstance(en, dict):
        if not isinstance(tr, dict) or list(en) != list(tr):
            problems.append(f"{where}: keys differ: {list(en)} vs {list(tr) if isinstance(tr, dict) else tr!r}")
            return
        for key in en:
            compare(en[key], tr[key], f"{where}.{key}", problems, in_labels=(key == "labels" or in_labels))
            if key in TEXT_KEYS and isinstance(en[key], str):
                check_text(en[key], tr[key], f"{where}.{key}", problems)
            if in_labels and isinstance(en[key], str):
                check_text(en[key], tr[key], f"{where}.{key}", problems)
    elif isinstance(en, list):
        if not isinstance(tr, list) or len(en) != len(tr):
            problems.append(f"{where}: {len(en)} items in English, {len(tr) if isinstance(tr, list) else tr!r} here")
            return
        for i, (a, b) in enumerate(zip(en, tr)):
            compare(a, b, f"{where}[{i}]", problems)
    elif isinstance(en, str):
        leaf = where.rsplit(".", 1)[-1]
        if leaf in TEXT_KEYS or in_labels:
            return  # checked by check_text
        if en != tr:
            problems.append(f"{where}: must stay {en!r} (not words people read), found {tr!r}")
    elif en != tr:
        problems.append(f"{where}: must stay {en!r}, found {tr!r}")


def check_text(en, tr, where, problems):
    if not isinstance(tr, str) or not tr.strip():
        problems.append(f"{where}: no translation")
        return
    if placeholders(en) != placeholders(tr):
        problems.append(f"{where}: placeholders {placeholders(en)} in English, {placeholders(tr)} here")


def main():
    lang = sys.argv[1] if len(sys.argv) > 1 else "es"
    only = set(sys.argv[2:])
    folder = GUIDES / lang
    failed = False
    files = sorted(folder.glob("*.toml"))
    if not files:
        print(f"no translated guides in {folder}")
    for path in files:
        if only and path.stem not in only:
            continue
        english = GUIDES / path.name
        if not english.exists():
            print(f"{path.relative_to(ROOT)}: no English guide {english.name}")
            failed = True
            continue
        try:
            tr = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            print(f"{path.relative_to(ROOT)}: not valid TOML: {error}")
            failed = True
            continue
        en = tomllib.loads(english.read_text(encoding="utf-8"))
        problems = []
        compare(en, tr, path.stem, problems)
        if problems:
            failed = True
            print(f"{path.relative_to(ROOT)}: {len(problems)} problem(s)")
            for problem in problems[:20]:
                print(f"  {problem}")
        else:
            print(f"{path.relative_to(ROOT)}: same structure as {english.name}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
