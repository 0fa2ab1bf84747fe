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
- guides/start.html: the intake's introduction and its first question,
  which can be answered before the app arrives (the app keeps the answer);
- shell.html: the plain "Opening Mend…" page, for every other address
  (404.html is a copy of it), so a deep link never flashes the home screen.

Each page holds a copy in every language Mend speaks (first-screen.toml
and first-screen.<lang>.toml, with the few interface words the app takes
from content/i18n/<lang>/), and first-screen.js shows the one the app will
show; without JavaScript, English shows with a link to each other copy.
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
# The app's navigation (src/routes.rs, Page::NAVIGATION): each link and the
# key of its name in content/i18n/<lang>/shell.toml.
NAVIGATION = [("./", "page_start"), ("guides", "page_guides"), ("history", "page_history"), ("settings", "page_settings")]
# The placeholder, as written or as Trunk's minifier leaves it (unquoted).
OPENING = re.compile(r'<div id="?opening"?>.*?</div>\s*</body>', re.S)
TITLE = re.compile(r"<title>.*?</title>", re.S)
INTERNATIONAL = "INTL"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


# The addresses that have a static page of their own (the rest get the shell).
STATIC_ADDRESSES = {"./", "safety", "right-now", "guides/start"}

# The languages of the static pages, as the app speaks them (Lang::ALL in
# src/domain/msg.rs). English, which shows when nothing else decides, comes
# last: the style sheet shows another copy in its place with a sibling
# selector (`#es:target ~ #en`).
LANGUAGES = ["es", "en"]
# A language's name in its own words, for the link to it (Lang::own_name).
OWN_NAMES = {"en": "English", "es": "Español"}
# What the link to another language says, in that language.
SWITCH = {"en": "Read this page in English", "es": "Leer esta página en español"}


class Words:
    """One language's words for the static pages: its first-screen file and
    the few interface words the app takes from its catalogs."""

    _read: dict[str, "Words"] = {}

    @classmethod
    def get(cls, lang: str) -> "Words":
        """The words of `lang`, read once."""
        if lang not in cls._read:
            cls._read[lang] = cls(lang)
        return cls._read[lang]

    @classmethod
    def english(cls) -> "Words":
        return cls.get("en")

    def __init__(self, lang: str):
        self.lang = lang
        name = "first-screen.toml" if lang == "en" else f"first-screen.{lang}.toml"
        self.screen = tomllib.loads((ROOT / "content" / name).read_text(encoding="utf-8"))
        self.ui: dict[str, str] = {}
        for area in ("shell", "safety", "domain"):
            catalog = ROOT / "content" / "i18n" / lang / f"{area}.toml"
            for key, value in tomllib.loads(catalog.read_text(encoding="utf-8")).items():
                if isinstance(value, str):
                    self.ui[f"{area}.{key}"] = value

    def t(self, key: str, **values: str) -> str:
        """A catalog message with its placeholders filled (msg::tf)."""
        text = self.ui[key]
        for name, value in values.items():
            text = text.replace("{" + name + "}", value)
        return text

    def country(self, country: dict) -> str:
        """A country's name in this language (Country::shown_name): the
        catalog's, else the one helplines.toml gives."""
        return self.ui.get(f"domain.country_{country['code'].lower()}", country["name"])

    def href(self, page: str) -> str:
        """A link to another page, to its static copy in this language where
        it has one: a reader without JavaScript stays in the language they
        chose. Pages that need the app get the plain address."""
        if self.lang == "en" or page not in STATIC_ADDRESSES:
            return page
        return f"{page}#{self.lang}"

    @property
    def before(self) -> dict:
        return self.screen["before_the_app"]

    @property
    def tags(self) -> dict:
        return self.screen["tags"]

    def fill(self, text: str, emergency: str) -> str:
        """The static form of a sentence: {emergency} in words, {right_now} as a link."""
        out = esc(text.replace("{emergency}", emergency))
        link = f'<a href="{self.href("right-now")}">{esc(self.t("safety.right_now_link"))}</a>'
        return out.replace("{right_now}", link)


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


# The catalog key of the name of each language a line may answer in (the
# app's LANGUAGE_NAMES and shown_language_name in
# src/domain/program/helplines.rs): keep the two in step.
LANGUAGE_KEYS = {code: f"domain.lang_{code}" for code in ("en", "es", "fr", "ga", "mi", "ase", "fcs")}


def primary(tag: str) -> str:
    return re.split(r"[-_]", tag.strip())[0].lower()


def answers_in(line: dict, lang: str) -> bool:
    return any(primary(tag) == lang for tag in line["languages"])


def names_list(names: list[str], words: Words) -> str:
    """"Spanish", "French and Spanish" (Spanish writes "e" before an "i" sound)."""
    if len(names) == 1:
        return names[0]
    last = names[-1].lower()
    i_sound = last.startswith(("i", "í")) or (last.startswith(("hi", "hí")) and last[2:3] not in "aeiouáéíóú")
    key = "domain.names_and_i" if i_sound else "domain.names_and"
    return words.t(key, names=", ".join(names[:-1]), last=names[-1])


def language_tag(line: dict, words: Words) -> str | None:
    """The line's "Also in Spanish" / "In Spanish" tag (Line::language_tag)."""
    page = words.lang
    english = Words.english()
    others: list[tuple[str, str]] = []
    for lang in line["languages"]:
        code = primary(lang)
        if code != page and code in LANGUAGE_KEYS:
            pair = (english.t(LANGUAGE_KEYS[code]), words.t(LANGUAGE_KEYS[code]))
            if pair not in others:
                others.append(pair)
    if not others:
        return None
    if line.get("audience") and any(name in line["audience"] for name, _ in others):
        return None
    names = names_list([shown for _, shown in others], words)
    return words.t("domain.also_in" if answers_in(line, page) else "domain.only_in", names=names)


def line_item(line: dict, shown_for: set[str], words: Words) -> str:
    """One line as the app draws it (components/safety.rs, line_item)."""
    parts = [f"<strong>{esc(line['service'])}</strong>"]
    purposes = [p for p in line["for"] if not shown_for or p in shown_for]
    # A line for anyone that also serves men or LGBTQ+ people is not "for men".
    if "abuse" in line["for"]:
        purposes = [p for p in purposes if p not in ("men", "lgbtq")]
    shown = [words.tags[TAG_KEYS[p]] for p in purposes] + ([line["audience"]] if line.get("audience") else [])
    language = language_tag(line, words)
    if language:
        shown.append(language)
    if shown:
        inner = "".join(f'<span class="tag">{esc(t)}</span>' for t in shown)
        parts.append(f' <span class="helpline__tags">{inner}</span>')
    number = dial(line)
    if number:
        link = f'<a class="helpline__number" href="tel:{esc(number)}">{esc(line["call"])}</a>'
        before, _, after = words.t("safety.call_line").partition("{number}")
        parts.append(f" {esc(before)}{link}{esc(after)}")
    # `text` and `hours` in the page's language where the data has them (Line::text_in).
    text = line.get(f"text_{words.lang}") or line.get("text")
    if text:
        parts.append(f" {esc(text)}.")
    if line.get("web"):
        shown = line["web"].removeprefix("https://").rstrip("/")
        parts.append(f' <a href="{esc(line["web"])}" rel="noopener noreferrer">{esc(shown)}</a>')
    hours = line.get(f"hours_{words.lang}") or line.get("hours")
    if hours:
        parts.append(f' <span class="muted">{esc(hours)}</span>')
    if line.get("note"):
        parts.append(f'<br /><span class="muted">{esc(line["note"])}</span>')
    return f'<li class="helpline">{"".join(parts)}</li>'


def in_language_order(lines: list[dict], lang: str) -> list[dict]:
    """Lines that answer in `lang` first, file order kept within each group
    (Helplines::lines_for_language); English keeps the file's order."""
    if lang == "en":
        return lines
    return sorted(lines, key=lambda l: not answers_in(l, lang))


def every_country(helplines: dict, purposes: set[str], words: Words) -> str:
    """Each country's emergency number and lines for `purposes`, then the directory."""
    before = words.before
    out = [f'<p class="muted">{esc(before["call_log"])}</p>', f"<p>{esc(before['every_country'])}</p>"]
    for country in helplines["countries"]:
        lines = in_language_order(
            [l for l in helplines["lines"] if l["country"] == country["code"] and purposes & set(l["for"])],
            words.lang,
        )
        emergency = "".join(c for c in country["emergency"] if c.isdigit())
        name = words.country(country)
        out.append(f'<section class="helplines-country" aria-label="{esc(name)}">')
        out.append(f"<h3>{esc(name)}</h3>")
        out.append(
            f'<p>{esc(before["emergency"])}: <a class="helpline__number" href="tel:{emergency}">'
            f'{esc(country["emergency"])}</a></p>'
        )
        if country.get("silent_call"):
            out.append(f'<p class="silent-call">{esc(country["silent_call"])}</p>')
        # As the app (country_lines): a relay service alone is not a line of this kind.
        if any(p != "relay" and p in purposes for l in lines for p in l["for"]):
            out.append('<ul class="helplines">' + "".join(line_item(l, purposes, words) for l in lines) + "</ul>")
        else:
            out.append(f"<p>{esc(words.t('safety.no_line', country=name))}</p>")
        out.append("</section>")
    directory = in_language_order([l for l in helplines["lines"] if l["country"] == INTERNATIONAL], words.lang)
    if directory:
        out.append(f'<p class="muted">{esc(before["elsewhere"])}</p>')
        out.append('<ul class="helplines">' + "".join(line_item(l, set(), words) for l in directory) + "</ul>")
    return "\n".join(out)


def header(words: Words, here: str) -> str:
    """The app's header; the link to the page `here` belongs to is marked
    as the app marks it (the intake belongs to Guides)."""
    def current(href: str) -> str:
        return ' aria-current="page"' if here and href != "./" and here.split("/")[0] == href else ""

    nav = "".join(
        f'<li><a href="{words.href(href)}"{current(href)}>{esc(words.t("shell." + key))}</a></li>'
        for href, key in NAVIGATION
    )
    return (
        '<header class="site-header"><div class="site-header__inner"><div class="site-header__top">'
        f'<a class="brand" href="{words.href("./")}">'
        '<img class="brand__mark" src="icons/mend.svg" alt="" width="28" height="28" />'
        "<span>Mend</span></a>"
        f'<a class="safety-link" href="{words.href("safety")}">{esc(words.t("shell.page_safety"))}</a>'
        f'<a class="quick-exit" href="{EXIT_URL}" rel="noreferrer" title="{esc(words.before["quick_exit_title"])}">'
        f'{esc(words.before["quick_exit"])}</a>'
        "</div>"
        f'<nav class="site-nav" aria-label="{esc(words.t("shell.nav_main"))}"><ul>{nav}</ul></nav>'
        "</div></header>"
    )


def switch_links(words: Words, here: str) -> str:
    """Links to the page in the other languages, for a reader without
    JavaScript (first-screen.js otherwise shows the reader's language): in
    <noscript>, so the app, which has its own choice in Settings, takes over
    without a line moving. Each link names the page (`here`), since index.html
    sets <base href>, against which a bare "#es" is the home page."""
    links = "".join(
        f'<a href="{here}#{lang}" hreflang="{lang}" lang="{lang}">{esc(SWITCH[lang])}</a>'
        for lang in LANGUAGES
        if lang != words.lang
    )
    return f'<noscript><p class="first-lang__switch">{links}</p></noscript>'


def page(template: str, here: str | None, titles: dict[str, str], mains: dict[str, str]) -> str:
    """The page with one copy per language, English shown unless
    first-screen.js (the reader's language) or the address (#es) says
    otherwise; the app removes #opening, all copies with it. `here` is the
    page's address, for the links between copies; the shell, which stands
    for every other address, has none."""
    copies = []
    for lang in LANGUAGES:
        words = Words.get(lang)
        # The app's skip link goes to #main; the other copies' ids differ.
        main_id = "main" if lang == "en" else f"main-{lang}"
        copies.append(
            # `hidden` as well as the style sheet: should it fail to load, only
            # English shows, not every copy one after another.
            f'<div class="first-lang" id="{lang}" lang="{lang}" data-title="{esc(titles[lang])}"'
            + ("" if lang == "en" else " hidden")
            + ">"
            + header(words, here)
            + f'<main id="{main_id}" class="page">{switch_links(words, here) if here else ""}{mains[lang]}'
            + f'<noscript><p class="notice">{esc(words.before["noscript"])}</p></noscript></main>'
            + "</div>"
        )
    body = '<div id="opening">' + "".join(copies) + "</div>\n  </body>"
    out = OPENING.sub(lambda _: body, template, count=1)
    return TITLE.sub(lambda _: f"<title>{esc(titles['en'])}</title>", out, count=1)


def card(heading_id: str, heading: str, inner: str, extra: str = "") -> str:
    return (
        f'<section class="card{extra}" aria-labelledby="{heading_id}">'
        f'<h2 id="{heading_id}">{esc(heading)}</h2>{inner}</section>'
    )


def tech_safety(words: Words, suffix: str) -> str:
    """"If someone checks your phone", as the app draws it (TechSafety)."""
    tech = words.screen["tech_safety"]
    points = "".join(
        f"<li><strong>{esc(lead)}</strong> {esc(text)}</li>"
        for lead, text in zip(tech["leads"], tech["texts"], strict=True)
    )
    return card("tech-safety" + suffix, tech["heading"], f"<ul>{points}</ul>", " tech-safety")


def tab_title(words: Words, page_key: str) -> str:
    return words.t("shell.tab_title", page=words.t(page_key))


def shell_main(words: Words) -> str:
    return f'<p class="opening">{esc(words.t("shell.opening", what="Mend"))}</p>'


def home_main(words: Words, suffix: str) -> str:
    home = words.screen["home"]
    return (
        '<div class="first-view">'
        f'<h1 tabindex="-1">{esc(home["heading"])}</h1>'
        f'<p class="lead">{esc(home["lead"])}</p>'
        f'<p class="actions"><a class="button button--primary" href="{words.href("guides/start")}">{esc(home["start"])}</a></p>'
        f'<p class="muted">{esc(home["start_note"])}</p>'
        + card("start-private" + suffix, home["private_heading"], f"<p>{esc(home['private'])}</p>")
        + card("start-safety" + suffix, home["safety_heading"], f"<p>{esc(home['safety'])}</p>")
        + "</div>"
        # first-screen.js shows this instead to someone who has already started.
        + f'<p class="opening opening--returning">{esc(words.t("shell.opening", what="Mend"))}</p>'
    )


def safety_main(words: Words, helplines: dict, suffix: str) -> str:
    safety = words.screen["safety"]
    local = words.t("safety.call_local")
    return (
        f'<h1 tabindex="-1">{esc(safety["heading"])}</h1>'
        '<div class="card notice--safety" role="note">'
        f'<h2>{esc(safety["now_heading"])}</h2>'
        f"<p>{words.fill(safety['now'], local)}</p>"
        f"<p>{words.fill(safety['crisis'], local)}</p></div>"
        + tech_safety(words, suffix)
        + card(
            "safety-help" + suffix,
            safety["help_heading"],
            f"<p>{esc(safety['help'])}</p>"
            + every_country(helplines, {"abuse", "men", "lgbtq", "workplace", "relay"}, words),
        )
        + card("safety-fault" + suffix, safety["fault_heading"], f"<p>{esc(safety['fault'])}</p>")
    )


def right_now_main(words: Words, helplines: dict, suffix: str) -> str:
    now = words.screen["right_now"]
    local = words.t("safety.call_local")
    minutes = "".join(f"<li>{esc(m)}</li>" for m in now["minutes"])
    return (
        f'<h1 tabindex="-1">{esc(now["heading"])}</h1>'
        '<div class="card notice--safety" role="note">'
        f'<h2>{esc(now["act_heading"])}</h2><p>{words.fill(now["act"], local)}</p></div>'
        + card("now-minutes" + suffix, now["minutes_heading"], f"<ul>{minutes}</ul>")
        + card(
            "now-lines" + suffix,
            now["lines_heading"],
            f"<p>{esc(now['lines'])}</p>" + every_country(helplines, {"crisis", "relay"}, words),
        )
    )


def prose(text: str) -> str:
    """Guide prose as the app draws it (domain::guide::prose::blocks):
    paragraphs split by a blank line, lines starting "- " as a list."""
    out = []
    for chunk in (c.strip() for c in text.split("\n\n")):
        if not chunk:
            continue
        lead: list[str] = []
        items: list[str] = []
        for line in (l.strip() for l in chunk.splitlines()):
            if line.startswith("- "):
                items.append(line[2:].strip())
            elif items:
                items[-1] += " " + line
            else:
                lead.append(line)
        if lead:
            out.append(f"<p>{esc(' '.join(lead))}</p>")
        if items:
            out.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>")
    return "".join(out)


def intake(lang: str) -> dict:
    """The intake (content/guides/start.toml, or its translation)."""
    folder = ROOT / "content" / "guides" / ("" if lang == "en" else lang)
    return tomllib.loads((folder / "start.toml").read_text(encoding="utf-8"))


# The intake's first question, which the static page lets a person answer
# before the app has started; the app carries the answer over
# (src/pages/guide/first_answer.rs reads these ids).
FIRST_STEP = "your-side"
FIRST_QUESTION = "role"


def intake_main(words: Words, suffix: str) -> str:
    """/guides/start before the app: the intake's introduction with Begin,
    and its first screen (a question with choices, which needs no app to
    answer), shown when Begin makes it the address's target."""
    guide = intake(words.lang)
    step = guide["steps"][0]
    question = step["questions"][0]
    if step["id"] != FIRST_STEP or question["id"] != FIRST_QUESTION or question["kind"] != "single_choice":
        raise SystemExit(
            f"first_screen.py: the intake's first screen is no longer `{FIRST_STEP}` with the choice "
            f"`{FIRST_QUESTION}`; update FIRST_STEP and src/pages/guide/first_answer.rs together"
        )
    shown = [guide["title"], guide["summary"], guide["intro"], step["title"], question["text"], question.get("help", "")]
    shown += [o["label"] for o in question["options"]]
    if any("{" in text for text in shown):
        raise SystemExit("first_screen.py: the intake's first screen uses a placeholder the static page cannot fill")
    # "Question 1 of N", as the app counts it: every question is shown while
    # nothing is answered, as long as none has a condition.
    if any("show_if" in st or any("show_if" in q for q in st["questions"]) for st in guide["steps"]):
        raise SystemExit("first_screen.py: an intake question now has show_if; count the questions shown as the app does")
    total = sum(len(st["questions"]) for st in guide["steps"])
    ui = Words.get(words.lang)
    guide_words = tomllib.loads((ROOT / "content" / "i18n" / words.lang / "guide.toml").read_text(encoding="utf-8"))
    target = f"intake-step{suffix or '-en'}"
    options = "".join(
        '<label class="option">'
        f'<input type="radio" name="{FIRST_QUESTION}" value="{esc(o["id"])}" />'
        f'<span class="option__key" aria-hidden="true">{i + 1}</span>'
        f'<span class="option__label">{esc(o["label"])}</span></label>'
        for i, o in enumerate(question["options"])
    )
    help_id = f"q-{FIRST_QUESTION}-help{suffix}"
    help_text = f'<p class="question__help" id="{help_id}">{esc(question["help"])}</p>' if question.get("help") else ""
    opening = esc(ui.t("shell.opening", what="Mend"))
    return (
        f'<h1 tabindex="-1">{esc(guide["title"])}</h1>'
        # The first screen comes before the introduction it replaces, so the
        # style sheet can hide the introduction once it is the target.
        # method="dialog": should first-screen.js not run, Next still never
        # sends the answer anywhere (outside a dialog it does nothing).
        f'<form class="runner first-intake" id="{target}" method="dialog" novalidate>'
        f'<div class="progress"><p class="progress__text" id="step-progress{suffix}">'
        + esc(guide_words["question_of"].replace("{number}", "1").replace("{total}", str(total)))
        + f'</p><progress max="{total}" value="1" aria-label="{esc(guide_words["progress_label"])}"></progress></div>'
        # Focus lands here after Begin (first-screen.js), as in the app.
        f'<h2 class="runner__heading" tabindex="-1" aria-describedby="step-progress{suffix}">{esc(step["title"])}</h2>'
        f'<fieldset class="question" data-question="{FIRST_QUESTION}"'
        + (f' aria-describedby="{help_id}"' if help_text else "")
        + f'><legend class="question__text">{esc(question["text"])}</legend>{help_text}'
        f'<div class="options">{options}</div></fieldset>'
        '<div class="runner__nav">'
        # Back to the introduction in the same page, as the app's Back.
        f'<a class="button" href="guides/start#{words.lang}">{esc(guide_words["back"])}</a>'
        f'<button type="submit" class="button button--primary">{esc(guide_words["next"])}</button>'
        "</div>"
        # first-screen.js shows this if Next is pressed before the app is here.
        f'<p class="opening first-intake__waiting" role="status" data-waiting="{opening}"></p>'
        f'<p class="runner__hint">{esc(guide_words["saved_as_you_go"])}</p>'
        "</form>"
        '<div class="first-view first-intake__intro">'
        f'<p class="lead">{esc(guide["summary"])}</p>'
        f'<div class="card intro">{prose(guide["intro"])}</div>'
        f'<p class="actions first-intake__begin"><a class="button button--primary" href="guides/start#{target}">'
        f'{esc(guide_words["begin"])}</a></p>'
        "</div>"
        # first-screen.js shows this instead to someone who has already started.
        f'<p class="opening opening--returning">{opening}</p>'
    )


def write(staging: Path) -> list[str]:
    index = staging / "index.html"
    template = index.read_text(encoding="utf-8")
    if not OPENING.search(template):
        raise SystemExit("first_screen.py: index.html has no #opening element; has it changed?")
    helplines = tomllib.loads((ROOT / "content" / "helplines.toml").read_text(encoding="utf-8"))
    every = {lang: Words.get(lang) for lang in LANGUAGES}
    # Ids are unique across the copies: English keeps the app's, others add "-<lang>".
    suffix = {lang: "" if lang == "en" else f"-{lang}" for lang in LANGUAGES}

    def both(make) -> dict[str, str]:
        return {lang: make(words, suffix[lang]) for lang, words in every.items()}

    mend = {lang: "Mend" for lang in LANGUAGES}
    # Every other address: the same header (Safety and Quick exit from the
    # first moment, no jump when the app's nav arrives), and "Opening Mend…".
    (staging / "shell.html").write_text(page(template, None, mend, both(lambda w, _: shell_main(w))), encoding="utf-8")
    index.write_text(page(template, "./", mend, both(home_main)), encoding="utf-8")
    # The crisis pages: address, the catalog key of the tab title's page name, the page.
    for here, title_key, main in [
        ("safety", "shell.title_safety", safety_main),
        ("right-now", "shell.page_right_now", right_now_main),
    ]:
        titles = {lang: tab_title(w, title_key) for lang, w in every.items()}
        mains = both(lambda w, s, main=main: main(w, helplines, s))
        (staging / f"{here}.html").write_text(page(template, here, titles, mains), encoding="utf-8")
    # The intake, before the app: its first question can be answered at once.
    (staging / "guides").mkdir(exist_ok=True)
    (staging / "guides" / "start.html").write_text(
        page(
            template,
            "guides/start",
            {lang: w.t("shell.tab_title", page=intake(lang)["title"]) for lang, w in every.items()},
            both(intake_main),
        ),
        encoding="utf-8",
    )
    return ["index.html", "safety.html", "right-now.html", "shell.html", "guides/start.html"]
