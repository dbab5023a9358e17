"""The three forms of core.workflow's Stale message, for tests of every version-checked edit: "You saved this …
yourself at <time>", "<who> changed this … at <time>", "This … was changed at <time>"."""

import re


def stale_pattern(what):
    """A regular expression matching the refusal of a stale edit of a `what` (its verbose name)."""
    when = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"
    what = rf"(?:[\w-]+ )*{what}"  # "plan" matches "technical assistance plan"
    forms = (f"You saved this {what} yourself", f"changed this {what}", f"This {what} was changed")
    return "(" + "|".join(forms) + rf") at {when}"


def is_stale_message(what, text):
    return re.search(stale_pattern(what), text) is not None
