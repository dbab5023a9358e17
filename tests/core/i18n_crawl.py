"""Finding interface strings that are not translated on a rendered page (issue 14, "Done when").

Two questions, two tools:

- **Is every interface string marked for translation?** The page is rendered once in English with a *marking*
  translation (`marking()`): every string that goes through gettext (`{% translate %}`, `{% blocktranslate %}`,
  gettext_lazy labels, Django's own) comes out between two private-use characters. A visible text left outside
  the marks, once data (names, numbers, codes, dates, addresses) is set aside, was never marked: `unmarked()`.
  This is sharper than comparing the English and the French pages: a string marked but not yet translated is
  told apart from one never marked, and the msgids the page used are recorded (`Marking.seen`), so those a
  language's catalogue still lacks are listed as "to translate" (`to_translate()`), apart from the failures.
- **Is every marked string translated when the page is in another language?** `untranslated()`: a visible text of
  the page that is exactly an English msgid the language's compiled catalogue translates (to something else) was
  left in English: a string translated too early (a module-level gettext), or in another language than the page's.
"""

import re
from contextlib import contextmanager

import lxml.html
from django.utils.translation import trans_real

OPEN, CLOSE = "\ue000", "\ue001"
CONTEXT = trans_real.CONTEXT_SEPARATOR
SKIPPED_TAGS = {"script", "style", "template", "code", "kbd", "samp"}  # code is not translated
TEXT_ATTRIBUTES = ("title", "aria-label", "aria-description", "placeholder", "alt")
BUTTON_TYPES = {"submit", "button", "reset"}
# Between two pieces of data: punctuation and symbols (a hyphen only with spaces around it: "Asia-Pacific" is one).
SEPARATORS = re.compile(r"\s+-\s+|[–—−·•|,;:()\[\]{}/\\«»\"“”‘’!?…→←↑↓×*=#%&<>]+|\s{2,}")
CODE = re.compile(r"[A-Z0-9][A-Z0-9._/-]*")  # SC-1/15, KEN, AFR, GRULAC, UNEP/POPS/COP.12
ADDRESS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|/\S*")
# Proper names that stay as they are in every language, and why.
PROPER_NAMES = {
    "TA Hub",  # the product's name
    "htmx",
}


class Marking:
    """A translation object around English's that marks each translated string and records the msgids asked."""

    def __init__(self, inner):
        self.inner, self.seen = inner, set()

    def _marked(self, message, result):
        if CONTEXT in result:  # not found with its context: pgettext falls back to the message, marked here
            result = result.split(CONTEXT, 1)[1]
        return f"{OPEN}{result}{CLOSE}"

    def gettext(self, message):
        self.seen.add(message)
        return self._marked(message, self.inner.gettext(message))

    def ngettext(self, singular, plural, number):
        self.seen.add((singular, plural))
        return self._marked(singular, self.inner.ngettext(singular, plural, number))

    def __getattr__(self, name):
        return getattr(self.inner, name)


@contextmanager
def marking(language="en"):
    """While it lasts, pages in `language` mark their translated strings (see the module's docstring)."""
    marker = Marking(trans_real.translation(language))
    saved = trans_real._translations[language]
    trans_real._translations[language] = marker
    try:
        yield marker
    finally:
        trans_real._translations[language] = saved


def without_marks(text):
    return text.replace(OPEN, "").replace(CLOSE, "")


def outside_marks(text):
    """`text` with every marked part (and the data interpolated in it) removed, nested marks included. On a whole
    page, before it is parsed: a translated string may hold elements (a link, emphasis), its text then in several
    nodes; the elements go with it."""
    kept, depth = [], 0
    for char in text:
        if char == OPEN:
            depth += 1
            kept.append(" ")
        elif char == CLOSE:
            depth = max(0, depth - 1)
            kept.append(" ")
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def _skipped(element, page_language):
    if not isinstance(element.tag, str) or element.tag in SKIPPED_TAGS:
        return True
    if element.get("translate") == "no" or element.get("hidden") is not None:
        return True
    # A part in another language (the language switch names each language in itself; content in its own language)
    own = element.get("lang")
    return own is not None and element.tag != "html" and own != page_language


def visible_texts(html, page_language):
    """The texts a person reads (or hears) on the page: text nodes, and the title, aria-label, placeholder and
    alt attributes and the value of buttons; each with its white space collapsed."""
    root = lxml.html.document_fromstring(html)
    texts = []

    def add(value):
        value = " ".join((value or "").split())
        if value:
            texts.append(value)

    def walk(element):
        if not _skipped(element, page_language):
            add(element.text)
            for name in TEXT_ATTRIBUTES:
                add(element.get(name))
            if element.tag == "input" and element.get("type") in BUTTON_TYPES:
                add(element.get("value"))
            for child in element:
                walk(child)
                add(child.tail)

    walk(root)
    return texts


def is_data(piece, data):
    """Whether `piece` (a text outside the marks) is data: no letters, a code, an address, a proper name, or a
    part of a value stored in the database (`data`: all of them, one per line)."""
    words = piece.strip().rstrip(".…").split()
    while words and _is_code(words[0]):  # "SC-1/9 Guidance to the financial mechanism", "GEN1-00013 Inventories"
        words.pop(0)
    while words and _is_code(words[-1]):  # "14 UTC"
        words.pop()
    rest = " ".join(words)
    return not rest or rest in PROPER_NAMES or rest in data


def _is_code(word):
    return not any(char.isalpha() for char in word) or bool(CODE.fullmatch(word) or ADDRESS.fullmatch(word))


def unmarked(html, data, page_language="en"):
    """The visible texts of a page rendered under `marking()` that were not marked and are not data."""
    found = []
    for text in visible_texts(outside_marks(html), page_language):
        for piece in SEPARATORS.split(text):
            piece = piece.strip()
            if piece and not is_data(piece, data):
                found.append(piece)
    return found


def translated_msgids(language):
    """{English msgid: translation} of the msgids the compiled catalogues of `language` translate to something
    else (without context or plural: the forms a page shows as they are)."""
    catalog = trans_real.translation(language)._catalog
    return {
        key: value
        for key, value in catalog.items()
        if isinstance(key, str) and key and CONTEXT not in key and value and value != key
    }


def untranslated(html, language, translated):
    """The visible texts of a page in `language` that are an English msgid `translated` (translated_msgids)."""
    return [text for text in visible_texts(html, language) if text in translated]


def to_translate(seen, language):
    """The msgids among `seen` (Marking.seen) that the catalogues of `language` do not translate yet."""
    catalog = trans_real.translation(language)._catalog
    missing = set()
    for message in seen:
        key = (message[0], 0) if isinstance(message, tuple) else message
        if key not in catalog:
            missing.add((message[0] if isinstance(message, tuple) else message).split(CONTEXT)[-1])
    return missing
