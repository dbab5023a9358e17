"""The apps' layering (docs/architecture.md, "Which app may import which"): import-linter's contracts in
pyproject.toml ([tool.importlinter]) hold on the code, and they do refuse what they should, shown on a tiny
package with the same app names and the same contracts."""

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def lint_imports(directory, config):
    """(passed, output) of `lint-imports` run in `directory` (its `tahub` package) with the given config file."""
    command = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run(  # noqa: S603 (our own tool, fixed arguments)
        [command, "--no-cache", "--no-logo", "--config", str(config)],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.returncode == 0, result.stdout + result.stderr


def contracts():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]


def layer_names():
    layers = next(c for c in contracts()["contracts"] if c["type"] == "layers")["layers"]
    return [name.strip() for line in layers for name in re.split(r"[|:]", line)]


def test_the_apps_keep_their_layers_and_no_cycle():
    passed, output = lint_imports(ROOT, ROOT / "pyproject.toml")
    assert passed, output


def test_every_app_has_a_layer():
    apps = {p.name for p in (ROOT / "tahub").iterdir() if (p / "__init__.py").exists()}
    assert apps <= set(layer_names())


class TinyHub:
    """A `tahub` package of empty apps named as ours, checked with our contracts."""

    def __init__(self, path):
        self.path = path
        (path / "tahub").mkdir()
        (path / "tahub" / "__init__.py").write_text("")
        for name in layer_names():
            self.module(f"{name}/__init__.py", "")
        config = (ROOT / "pyproject.toml").read_text()
        self.config = path / "pyproject.toml"
        self.config.write_text(config[config.index("[tool.importlinter]") :])

    def module(self, name, text):
        file = self.path / "tahub" / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text)
        if not (file.parent / "__init__.py").exists():
            (file.parent / "__init__.py").write_text("")

    def lint(self):
        return lint_imports(self.path, self.config)


def test_the_contracts_pass_a_package_that_keeps_the_layers(tmp_path):
    hub = TinyHub(tmp_path)
    hub.module("accounts/rules.py", "from tahub.core import rules\nfrom tahub.parties import models\n")
    hub.module("centres/views.py", "from tahub.assistance import selectors\n")
    passed, output = hub.lint()
    assert passed, output


def test_an_import_upwards_breaks_the_layers_even_inside_a_function(tmp_path):
    hub = TinyHub(tmp_path)
    hub.module("core/views.py", "def page():\n    from tahub.accounts import selectors\n")
    passed, output = hub.lint()
    assert not passed
    assert "tahub.core is not allowed to import tahub.accounts" in output
    assert "tahub.core.views -> tahub.accounts (l.2)" in output  # the line of the import, in the function


def test_an_import_between_apps_of_one_layer_breaks_it(tmp_path):
    hub = TinyHub(tmp_path)
    hub.module("funding/services.py", "from tahub.observers import models\n")
    passed, output = hub.lint()
    assert not passed
    assert "tahub.funding is not allowed to import tahub.observers" in output


def test_a_cycle_between_apps_is_refused(tmp_path):
    hub = TinyHub(tmp_path)
    hub.module("parties/views.py", "from tahub.centres import selectors\n")
    hub.module("centres/selectors.py", "from tahub.parties import models\n")
    passed, output = hub.lint()
    assert not passed
    assert "No cycle between the apps BROKEN" in output
    assert ".parties -> .centres" in output


def test_a_new_app_needs_a_layer(tmp_path):
    hub = TinyHub(tmp_path)
    hub.module("newapp/models.py", "")
    passed, output = hub.lint()
    assert not passed
    assert "tahub.newapp" in output
