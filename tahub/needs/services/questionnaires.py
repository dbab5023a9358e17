"""Loading a questionnaire version from its file: check the whole file, then write in one transaction.

Idempotent by natural keys (questionnaire code and version; question code): an unchanged row is left alone
(no save, no history row), a changed one is updated, a new one created. Questions the file no longer has are
kept (answers point at them) and reported.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tahub.core.reference import ReferenceDataError
from tahub.vocabularies.models import AssistanceType, Theme

from ..models import Part, Question, Questionnaire

CHANGE_REASON = "needs.questionnaire.loaded"
QUESTION_FIELDS = (
    "section", "section_title", "position", "theme", "assistance_type", "part", "kind", "label", "required", "options"
)  # fmt: skip


def _check_options(kind: str, options: dict[str, Any], where: str) -> None:
    """An obstacles question lists its choices; an amounts question its years and sources."""
    if kind == Question.Kind.OBSTACLES:
        choices = options.get("choices")
        if not choices or not all(isinstance(c, dict) and c.get("code") and c.get("label") for c in choices):
            raise ReferenceDataError(where + _("an obstacles question lists its choices (code and label)"))
    if kind == Question.Kind.AMOUNTS:
        years, sources = options.get("years"), options.get("sources")
        if not years or not all(isinstance(y, int) for y in years):
            raise ReferenceDataError(where + _("an amounts question lists its years"))
        if not sources or not all(isinstance(c, dict) and c.get("code") and c.get("label") for c in sources):
            raise ReferenceDataError(where + _("an amounts question lists its sources (code and label)"))


def _question(
    item: dict[str, Any],
    section: dict[str, Any],
    position: int,
    where: str,
    vocabularies: tuple[dict[str, Theme], dict[str, AssistanceType]],
    default_part: str,
) -> dict[str, Any]:
    themes, types = vocabularies
    if item.get("kind") not in Question.Kind.values:
        raise ReferenceDataError(where + _("unknown kind “%s”") % item.get("kind"))
    if item.get("theme") and item["theme"] not in themes:
        raise ReferenceDataError(where + _("unknown theme “%s”") % item["theme"])
    if item.get("assistance_type") and item["assistance_type"] not in types:
        raise ReferenceDataError(where + _("unknown type of assistance “%s”") % item["assistance_type"])
    part = section.get("part", default_part)
    if part not in Part.values:
        raise ReferenceDataError(where + _("unknown part “%s”") % part)
    options = item.get("options") or {}
    if not isinstance(options, dict):
        raise ReferenceDataError(where + _("options must be an object"))
    _check_options(item["kind"], options, where)
    return {
        "code": item["code"],
        "section": section["code"],
        "section_title": section["title"],
        "position": position,
        "theme": themes.get(item.get("theme") or ""),
        "assistance_type": types.get(item.get("assistance_type") or ""),
        "part": part,
        "kind": item["kind"],
        "label": item["label"],
        "required": bool(item.get("required")),
        "options": options,
    }


def _parse(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        header = {k: document[k] for k in ("code", "version", "kind", "title")}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ReferenceDataError(f"{path.name}: " + _("not a questionnaire file: %s") % error) from error
    if header["kind"] not in Questionnaire.Kind.values:
        raise ReferenceDataError(f"{path.name}: " + _("unknown kind “%s”") % header["kind"])
    header["source"] = document.get("source", "")
    vocabularies = ({t.slug: t for t in Theme.objects.all()}, {t.slug: t for t in AssistanceType.objects.all()})
    default_part = Part.OFFERS if header["kind"] == Questionnaire.Kind.OFFERS else Part.NEEDS
    questions: list[dict[str, Any]] = []
    position = 0
    for section in document.get("sections", []):
        for item in section.get("questions", []):
            position += 1
            where = f"{path.name}: {section.get('code')}/{item.get('code')}: "
            questions.append(_question(item, section, position, where, vocabularies, default_part))
    codes = [q["code"] for q in questions]
    if len(codes) != len(set(codes)):
        raise ReferenceDataError(f"{path.name}: " + _("question codes must be unique"))
    return header, questions


def _save_if_changed(obj: Any, fields: dict[str, Any], stats: dict[str, Any]) -> Any:
    changed = [name for name, value in fields.items() if getattr(obj, name) != value]
    if obj.pk and not changed:
        stats["unchanged"] += 1
        return obj
    stats["created" if obj.pk is None else "updated"] += 1
    for name, value in fields.items():
        setattr(obj, name, value)
    obj._change_reason = CHANGE_REASON
    obj.save()
    return obj


@transaction.atomic
def load_questionnaire(path: Path) -> tuple[Questionnaire, dict[str, Any]]:
    """Create or update one questionnaire version and its questions from `path`; returns the counts."""
    header, questions = _parse(path)
    stats: dict[str, Any] = {"created": 0, "updated": 0, "unchanged": 0, "stale": []}
    questionnaire = Questionnaire.objects.filter(code=header["code"], version=header["version"]).first()
    questionnaire = _save_if_changed(questionnaire or Questionnaire(), header, stats)
    existing = {q.code: q for q in questionnaire.questions.all()}
    for fields in questions:
        question = existing.pop(fields["code"], None) or Question(questionnaire=questionnaire)
        _save_if_changed(question, fields, stats)
    stats["stale"] = sorted(existing)
    return questionnaire, stats
