"""No text is translated inside an f-string: xgettext (makemessages) does not read calls there, so such a text would
leave the catalogues at the next makemessages and show in English in every language (it happened to "Skip to
content", "Main" and "API" when base.html's texts moved into Python)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "tahub"
TRANSLATING = {"gettext", "gettext_lazy", "_", "pgettext", "pgettext_lazy", "ngettext", "ngettext_lazy"}


def _translated_in_fstrings(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and inner.func.id in TRANSLATING:
                    yield inner.lineno, ast.unparse(inner)


def test_no_text_is_translated_inside_an_fstring():
    found = [
        f"{path.relative_to(ROOT.parent)}:{line}: {call}"
        for path in sorted(ROOT.rglob("*.py"))
        if "migrations" not in path.parts
        for line, call in _translated_in_fstrings(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == []


def test_the_scan_finds_one():
    source = "label = f\"<b>{escape(gettext('Main'))}</b>\""
    assert [call for _line, call in _translated_in_fstrings(ast.parse(source))] == ["gettext('Main')"]
