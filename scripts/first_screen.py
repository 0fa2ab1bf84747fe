#!/usr/bin/env python3
"""Writes the pages that show before Mend's app has started, as plain HTML.

Called by precache.py (Trunk's post_build hook) with the staged index.html,
after the Content-Security-Policy is in place, so every page carries it.
From content/first-screen.toml and content/helplines.toml (the same data the
app draws these pages from) it writes:

- index.html: the home screen's first view, in place of "Opening Mend…";
- safety.html and right-now.html: the Safety page and the crisis page, with
  every country's lines as tel: links, grouped by country (the country is
  not known before the app runs), and working with JavaScript turned off;
- shell.html: the plain "Opening Mend…" page, for every other address
  (404.html is a copy of it), so a deep link never flashes the home screen.

Each page keeps Trunk's loader, so the app takes over in place when it
starts: lib.rs removes the #opening element, and the app draws the same
header and the same words. No inline script or style is added; Quick exit
is a plain link to Mend's default neutral site.
"""
from __future__ import annotations

import html
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The default neutral site of Quick exit (src/domain/prefs.rs, DEFAULT_EXIT_URL).
EXIT_URL = "https://www.bbc.com/weather"
# The app's navigation (src/routes.rs, Page::NAVIGATION), as plain links.
NAVIGATION = [("./", "Your path"), ("guides", "Guides"), ("history", "History"), ("settings", "Settings")]
# The placeholder, as written or as Trunk's minifier leaves it (unquoted).
OPENING = re.compile(r'<div id="?opening"?>.*?</div>\s*</body>', re.S)
TITLE = re.compile(r"<title>.*?</title>", re.S)
INTERNATIONAL = "INTL"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def fill(text: str, emergency: str) -> str:
    """The static form of a sentence: {emergency} in words, {right_now} as a link."""
    out = esc(text.replace("{emergency}", emergency))
    return out.replace("{right_now}", '<a href="right-now">Right now</a>')


def dial(line: dict) -> str | None:
    """What a phone dials (Helplines::dial_for): `dial`, else the digits of `call`."""
    if line.get("dial"):
        return line["dial"]
    call = line.get("call")
    if not call:
        return None
    return "".join(c for i, c in enumerate(call) if c.isdigit() or (i == 0 and c == "+"))


# The `tags` key of each `for` purpose in helplines.toml.
TAG_KEYS = {
    "crisis": "crisis", "abuse": "abuse", "uses-harm": "uses_harm", "men": "men",
    "lgbtq": "lgbtq", "workplace": "workplace", "relay": "relay",
}


# The language of the pages (the app's PAGE_LANGUAGE in components/safety.rs),
# and the names of the languages a line may answer in (LANGUAGE_NAMES in
# src/domain/program/helplines.rs): keep both in step with the app.
PAGE_LANGUAGE = "en"
LANGUAGE_NAMES = {
    "en": "English", "es": "Spanish", "fr": "French", "ga": "Irish", "mi": "Māori",
    "ase": "ASL", "fcs": "LSQ",
}


def primary(tag: str) -> str:
    return re.split(r"[-_]", tag.strip())[0].lower()


def language_tag(line: dict, page: str = PAGE_LANGUAGE) -> str | None:
    """The line's "Also in Spanish" / "In Spanish" tag (Line::language_tag)."""
    page = primary(page)
    others: list[str] = []
    for lang in line["languages"]:
        if primary(lang) != page:
            name = LANGUAGE_NAMES[primary(lang)]
            if name not in others:
                others.append(name)
    if not others:
        return None
    if line.get("audience") and any(name in line["audience"] for name in others):
        return None
    names = others[0] if len(others) == 1 else ", ".join(others[:-1]) + " and " + others[-1]
    answers_in_page = any(primary(lang) == page for lang in line["languages"])
    return f"Also in {names}" if answers_in_page else f"In {names}"


def line_item(line: dict, shown_for: set[str], tags: dict) -> str:
    """One line as the app draws it (components/safety.rs, line_item)."""
    parts = [f"<strong>{esc(line['service'])}</strong>"]
    purposes = [p for p in line["for"] if not shown_for or p in shown_for]
    # A line for anyone that also serves men or LGBTQ+ people is not "for men".
    if "abuse" in line["for"]:
        purposes = [p for p in purposes if p not in ("men", "lgbtq")]
    shown = [tags[TAG_KEYS[p]] for p in purposes] + ([line["audience"]] if line.get("audience") else [])
    language = language_tag(line)
    if language:
        shown.append(language)
    if shown:
        inner = "".join(f'<span class="tag">{esc(t)}</span>' for t in shown)
        parts.append(f' <span class="helpline__tags">{inner}</span>')
    number = dial(line)
    if number:
        parts.append(f' Call <a class="helpline__number" href="tel:{esc(number)}">{esc(line["call"])}</a>.')
    if line.get("text"):
        parts.append(f" {esc(line['text'])}.")
    if line.get("web"):
        shown = line["web"].removeprefix("https://").rstrip("/")
        parts.append(f' <a href="{esc(line["web"])}" rel="noopener noreferrer">{esc(shown)}</a>')
    if line.get("hours"):
        parts.append(f' <span class="muted">{esc(line["hours"])}</span>')
    if line.get("note"):
        parts.append(f'<br /><span class="muted">{esc(line["note"])}</span>')
    return f'<li class="helpline">{"".join(parts)}</li>'


def every_country(helplines: dict, purposes: set[str], words: dict, tags: dict) -> str:
    """Each country's emergency number and lines for `purposes`, then the directory."""
    out = [f'<p class="muted">{esc(words["call_log"])}</p>', f"<p>{esc(words['every_country'])}</p>"]
    for country in helplines["countries"]:
        lines = [
            l for l in helplines["lines"]
            if l["country"] == country["code"] and purposes & set(l["for"])
        ]
        emergency = "".join(c for c in country["emergency"] if c.isdigit())
        out.append(f'<section class="helplines-country" aria-label="{esc(country["name"])}">')
        out.append(f"<h3>{esc(country['name'])}</h3>")
        out.append(
            f'<p>{esc(words["emergency"])}: <a class="helpline__number" href="tel:{emergency}">'
            f'{esc(country["emergency"])}</a></p>'
        )
        if country.get("silent_call"):
            out.append(f'<p class="silent-call">{esc(country["silent_call"])}</p>')
        # As the app (country_lines): a relay service alone is not a line of this kind.
        if any(p != "relay" and p in purposes for l in lines for p in l["for"]):
            out.append('<ul class="helplines">' + "".join(line_item(l, purposes, tags) for l in lines) + "</ul>")
        else:
            out.append(
                f"<p>Mend has no confirmed line of this kind for {esc(country['name'])} yet. "
                "The directory below lists services everywhere.</p>"
            )
        out.append("</section>")
    directory = [l for l in helplines["lines"] if l["country"] == INTERNATIONAL]
    if directory:
        out.append(f'<p class="muted">{esc(words["elsewhere"])}</p>')
        out.append('<ul class="helplines">' + "".join(line_item(l, set(), tags) for l in directory) + "</ul>")
    return "\n".join(out)


def header(words: dict) -> str:
    nav = "".join(f'<li><a href="{href}">{esc(label)}</a></li>' for href, label in NAVIGATION)
    return (
        '<header class="site-header"><div class="site-header__inner"><div class="site-header__top">'
        '<a class="brand" href="./"><img class="brand__mark" src="icons/mend.svg" alt="" width="28" height="28" />'
        "<span>Mend</span></a>"
        '<a class="safety-link" href="safety">Safety</a>'
        f'<a class="quick-exit" href="{EXIT_URL}" rel="noreferrer" title="{esc(words["quick_exit_title"])}">'
        f'{esc(words["quick_exit"])}</a>'
        "</div>"
        f'<nav class="site-nav" aria-label="Main"><ul>{nav}</ul></nav>'
        "</div></header>"
    )


def page(template: str, title: str, main: str, words: dict) -> str:
    body = (
        '<div id="opening">'
        + header(words)
        + f'<main id="main" class="page">{main}'
        + f'<noscript><p class="notice">{esc(words["noscript"])}</p></noscript></main>'
        + "</div>\n  </body>"
    )
    out = OPENING.sub(lambda _: body, template, count=1)
    return TITLE.sub(lambda _: f"<title>{esc(title)}</title>", out, count=1)


def card(heading_id: str, heading: str, inner: str, extra: str = "") -> str:
    return (
        f'<section class="card{extra}" aria-labelledby="{heading_id}">'
        f'<h2 id="{heading_id}">{esc(heading)}</h2>{inner}</section>'
    )


def tech_safety(words: dict) -> str:
    """"If someone checks your phone", as the app draws it (TechSafety)."""
    points = "".join(
        f"<li><strong>{esc(lead)}</strong> {esc(text)}</li>"
        for lead, text in zip(words["leads"], words["texts"], strict=True)
    )
    return card("tech-safety", words["heading"], f"<ul>{points}</ul>", " tech-safety")


def write(staging: Path) -> list[str]:
    index = staging / "index.html"
    template = index.read_text(encoding="utf-8")
    if not OPENING.search(template):
        raise SystemExit("first_screen.py: index.html has no #opening element; has it changed?")
    words = tomllib.loads((ROOT / "content" / "first-screen.toml").read_text(encoding="utf-8"))
    helplines = tomllib.loads((ROOT / "content" / "helplines.toml").read_text(encoding="utf-8"))
    before = words["before_the_app"]
    local = "call your local emergency number"

    tags = words["tags"]
    # Every other address: the same header (Safety and Quick exit from the
    # first moment, no jump when the app's nav arrives), and "Opening Mend…".
    shell_main = '<p class="opening">Opening Mend…</p>'
    (staging / "shell.html").write_text(page(template, "Mend", shell_main, before), encoding="utf-8")

    home = words["home"]
    home_main = (
        '<div class="first-view">'
        f'<h1 tabindex="-1">{esc(home["heading"])}</h1>'
        f'<p class="lead">{esc(home["lead"])}</p>'
        f'<p class="actions"><a class="button button--primary" href="guides/start">{esc(home["start"])}</a></p>'
        f'<p class="muted">{esc(home["start_note"])}</p>'
        + card("start-private", home["private_heading"], f"<p>{esc(home['private'])}</p>")
        + card("start-safety", home["safety_heading"], f"<p>{esc(home['safety'])}</p>")
        + "</div>"
        # first-screen.js shows this instead to someone who has already started.
        + '<p class="opening opening--returning">Opening Mend…</p>'
    )
    index.write_text(page(template, "Mend", home_main, before), encoding="utf-8")

    safety = words["safety"]
    safety_main = (
        f'<h1 tabindex="-1">{esc(safety["heading"])}</h1>'
        '<div class="card notice--safety" role="note">'
        f'<h2>{esc(safety["now_heading"])}</h2>'
        f"<p>{fill(safety['now'], local)}</p>"
        f"<p>{fill(safety['crisis'], local)}</p></div>"
        + tech_safety(words["tech_safety"])
        + card(
            "safety-help",
            safety["help_heading"],
            f"<p>{esc(safety['help'])}</p>"
            + every_country(helplines, {"abuse", "men", "lgbtq", "workplace", "relay"}, before, tags),
        )
        + card("safety-fault", safety["fault_heading"], f"<p>{esc(safety['fault'])}</p>")
    )
    (staging / "safety.html").write_text(
        page(template, "Your safety · Mend", safety_main, before), encoding="utf-8"
    )

    now = words["right_now"]
    minutes = "".join(f"<li>{esc(m)}</li>" for m in now["minutes"])
    now_main = (
        f'<h1 tabindex="-1">{esc(now["heading"])}</h1>'
        '<div class="card notice--safety" role="note">'
        f'<h2>{esc(now["act_heading"])}</h2><p>{fill(now["act"], local)}</p></div>'
        + card("now-minutes", now["minutes_heading"], f"<ul>{minutes}</ul>")
        + card(
            "now-lines",
            now["lines_heading"],
            f"<p>{esc(now['lines'])}</p>" + every_country(helplines, {"crisis", "relay"}, before, tags),
        )
    )
    (staging / "right-now.html").write_text(
        page(template, "Right now · Mend", now_main, before), encoding="utf-8"
    )
    return ["index.html", "safety.html", "right-now.html", "shell.html"]
