"""Issue 19.12: nothing in the needs app is translated at import time. A module first imported while French is
active (a French visitor's request, a management command) must not give English pages "Élevé, Moyen…"."""

import ast
import importlib
from pathlib import Path

import pytest
from django.utils import translation

import tahub.needs
from tahub.core.charts import stacked_bar_chart

NEEDS = Path(tahub.needs.__file__).parent
EAGER = {"gettext", "ngettext", "pgettext", "npgettext"}


def _eager_names(tree):
    """The local names bound to django.utils.translation's eager functions (`gettext as _`, …)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
            names |= {alias.asname or alias.name for alias in node.names if alias.name in EAGER}
    return names


def _import_time_calls(node, names):
    """Calls to `names` evaluated when the module is imported: module and class bodies, decorators and default
    values, not function bodies or lambdas."""
    found = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            for part in [*child.decorator_list, *child.args.defaults, *child.args.kw_defaults]:
                if part is not None:
                    found += _import_time_calls(ast.Expression(part), names)
            continue
        if isinstance(child, ast.Lambda):
            continue
        if isinstance(child, ast.Call) and isinstance(child.func, ast.Name) and child.func.id in names:
            found.append(child.lineno)
        found += _import_time_calls(child, names)
    return found


def test_no_module_of_the_needs_app_translates_at_import_time():
    offenders = []
    for path in sorted(NEEDS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = _eager_names(tree)
        offenders += [f"{path.relative_to(NEEDS)}:{line}" for line in _import_time_calls(tree, names)]

    assert offenders == []


@pytest.mark.parametrize("module", ["tahub.needs.views.analysis", "tahub.needs.exporters"])
def test_level_names_follow_the_language_of_the_page_not_of_the_import(module):
    with translation.override("fr"):
        reloaded = importlib.reload(importlib.import_module(module))

    try:
        with translation.override("en"):
            names = getattr(reloaded, "LEVEL_HEADER", None)
            series = reloaded.LEVEL_SERIES if names is None else [(name, "#000") for name in names]
            chart = str(stacked_bar_chart([("Theme", [1, 1, 1, 1])], series=series, title="t"))
            assert [str(name) for name, _colour in series] == ["High", "Medium", "Low", "None"]
            assert "Élevé" not in chart and ">High<" in chart
        with translation.override("fr"):
            assert str(series[0][0]) == "Élevé"
    finally:
        importlib.reload(reloaded)
