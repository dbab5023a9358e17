"""Every audit reason the code may record has a translatable label (tahub/core/change_reasons.py), and no label
is kept for a code nothing records.

The codes are read from the source as they are passed: as literals (to `_change_reason`, to `reason=`, as a
function's positional argument, in a dict of actions, in a tuple), as module constants named *REASON (the two-part
codes of the loaders: "reference.loaded", "demo.generated"), as f-strings (expanded over the values they take,
listed below), and as the prefix of an application review (`ReviewProcess(events=...)`: its five steps).
"""

import ast
import importlib
import re
from pathlib import Path

from django.utils.functional import Promise

from tahub.core.applications import ReviewProcess
from tahub.core.change_reasons import LABELS, reason_label

ROOT = Path(__file__).resolve().parents[2] / "tahub"
APPS = sorted(path.parent.name for path in ROOT.glob("*/apps.py"))
CODE = re.compile(rf"^({'|'.join(APPS)})\.[a-z_]+\.[a-z_-]+$")
FSTRING_PREFIX = re.compile(rf"^({'|'.join(APPS)})\.[a-z_]+\.$")


def _survey_kinds():
    from tahub.events.surveys import CURRENT

    return list(CURRENT)


def _entry_kinds():
    from tahub.funding.models import PledgeEntry

    return list(PledgeEntry.Kind.values)


# The f-strings that build a code, and the values their placeholder takes. A new one fails the test until listed.
FSTRINGS = {
    "f'events.survey.{kind}'": _survey_kinds,
    "f'funding.pledge.{entry.kind}'": _entry_kinds,
}
# Names of notification events (what an e-mail is about), never recorded as a change's reason.
NOTIFICATION_EVENTS = {"events.registration.again", "events.registration.reminder", "assistance.request.overdue"}
NOTIFICATION_FSTRINGS = {"f'events.registration.{registration.state}'"}


def _modules():
    return [path for path in sorted(ROOT.rglob("*.py")) if "locale" not in path.parts]


def _is_reason_constant(node):
    """NAME_REASON = "a.code": a module constant holding a code (the loaders' two-part ones among them)."""
    if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)):
        return False
    named = any(isinstance(target, ast.Name) and target.id.endswith("REASON") for target in node.targets)
    return named and isinstance(node.value.value, str)


def _literal_codes(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.match(node.value):
            yield node.value
        if _is_reason_constant(node):
            yield node.value.value


def _fstrings(tree):
    for node in ast.walk(tree):
        head = node.values[0] if isinstance(node, ast.JoinedStr) and node.values else None
        if isinstance(head, ast.Constant) and FSTRING_PREFIX.match(str(head.value)):
            yield ast.unparse(node)


def _review_process_codes(path, tree):
    if not any(isinstance(n, ast.Call) and ast.unparse(n.func).endswith("ReviewProcess") for n in ast.walk(tree)):
        return
    module = importlib.import_module(".".join(path.relative_to(ROOT.parent).with_suffix("").parts))
    for process in vars(module).values():
        if isinstance(process, ReviewProcess):
            steps = ["submitted", "information_asked", "answered", process.accept_verb[1], process.decline_verb[1]]
            yield from (process.event(step) for step in steps)


def codes_in_use():
    """{code: [files]} for every audit reason the source may record; raises on an f-string nobody expanded."""
    found = {}
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        codes = [*_literal_codes(tree), *_review_process_codes(path, tree)]
        for source in _fstrings(tree):
            if source in NOTIFICATION_FSTRINGS:
                continue
            assert source in FSTRINGS, f"{path}: {source} builds an audit reason; list its values in FSTRINGS"
            prefix = source[2 : source.index("{")]
            codes += [prefix + value for value in FSTRINGS[source]()]
        for code in codes:
            if code not in NOTIFICATION_EVENTS:
                found.setdefault(code, []).append(str(path.relative_to(ROOT.parent)))
    return found


def test_every_recorded_reason_has_a_label():
    missing = {code: files for code, files in codes_in_use().items() if code not in LABELS}
    assert not missing, f"add a label to tahub/core/change_reasons.py for: {missing}"


def test_no_label_is_kept_for_a_code_nothing_records():
    assert set(LABELS) - set(codes_in_use()) == set()


def test_the_scan_finds_codes_however_they_are_passed():
    found = codes_in_use()
    assert {
        "centres.nomination.endorsed",  # a positional argument of a helper
        "funding.proposal.returned",  # a value of a dict of actions
        "needs.questionnaire.loaded",  # a module constant
        "reference.loaded",  # a two-part constant
        "funding.pledge.receipt",  # an f-string, expanded over the entry kinds
        "events.survey.follow-up",  # an f-string, expanded over the survey kinds
        "directory.listing.rejected",  # a review process's decline step
        "centres.endorsement.term_of_four_years",  # a data migration's
    } <= set(found)
    assert not NOTIFICATION_EVENTS & set(found)


def test_labels_are_translatable_and_looked_up_in_one_place():
    assert all(isinstance(label, Promise) for label in LABELS.values())
    assert reason_label("assistance.request.submitted") == "Submitted by the Party"
    assert reason_label(None) == reason_label("") == ""
    assert reason_label("an.old.code") == "an.old.code"  # recorded by an earlier version: shown, not hidden
