"""Event questionnaires as versioned data (tahub/core/data/surveys/*.json), read from their files.

A response records the questionnaire's `<code>-v<version>`, so changing the questions means adding a file;
answers already given keep the questions they answered.
"""

import json
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.utils import translation

SURVEY_DIR = settings.REFERENCE_DATA_DIR / "surveys"
# The questionnaire in force for each kind of survey.
CURRENT = {"evaluation": "event-evaluation-v1", "follow-up": "event-follow-up-v1"}


@dataclass(frozen=True)
class Question:
    code: str
    kind: str  # "rating" (1–5) or "text"
    required: bool
    labels: dict

    @property
    def label(self):
        language = (translation.get_language() or "en")[:2]
        return self.labels.get(language) or self.labels["en"]


@dataclass(frozen=True)
class Survey:
    key: str
    kind: str
    titles: dict
    questions: tuple

    @property
    def title(self):
        language = (translation.get_language() or "en")[:2]
        return self.titles.get(language) or self.titles["en"]

    @property
    def ratings(self):
        return [q for q in self.questions if q.kind == "rating"]


@cache
def survey(key):
    """The questionnaire `key` (e.g. "event-evaluation-v1"), read once from its file."""
    document = json.loads((SURVEY_DIR / f"{key}.json").read_text(encoding="utf-8"))
    questions = tuple(
        Question(code=q["code"], kind=q["kind"], required=q.get("required", False), labels=q["label"])
        for q in document["questions"]
    )
    return Survey(key=key, kind=document["kind"], titles=document["title"], questions=questions)


def current(kind):
    return survey(CURRENT[kind])
