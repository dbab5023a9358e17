"""Questionnaires are data: loading a version is idempotent and a changed file updates it in place."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tahub.needs.models import Question, Questionnaire
from tahub.needs.services.questionnaires import load_questionnaire
from tahub.vocabularies.models import Theme

from . import world

pytestmark = pytest.mark.django_db


def test_loading_creates_a_level_and_a_text_question_per_theme():
    questionnaire = world.questionnaire()

    levels = Question.objects.filter(questionnaire=questionnaire, kind=Question.Kind.LEVEL)
    assert (questionnaire.code, questionnaire.version, questionnaire.kind) == ("needs", 2024, "needs")
    assert sorted(levels.values_list("theme__slug", flat=True)) == sorted(Theme.objects.values_list("slug", flat=True))
    assert Question.objects.filter(questionnaire=questionnaire, kind=Question.Kind.TEXT).count() == levels.count()


def test_loading_twice_changes_nothing_and_writes_no_history():
    world.questionnaire()
    history = Question.history.count()

    _questionnaire, stats = load_questionnaire(world.QUESTIONNAIRE)

    assert (stats["created"], stats["updated"]) == (0, 0)
    assert Question.history.count() == history
    assert Questionnaire.objects.count() == 1


def test_a_changed_label_is_updated_and_a_dropped_question_is_kept(tmp_path):
    world.questionnaire()
    document = json.loads(world.QUESTIONNAIRE.read_text())
    document["sections"][0]["questions"][0]["label"] = "Changed label"
    dropped = document["sections"][-1]["questions"].pop()["code"]
    changed = tmp_path / "needs.json"
    changed.write_text(json.dumps(document))
    out = StringIO()

    call_command("load_questionnaire", str(changed), stdout=out)

    assert Question.objects.get(code="nip-level").label == "Changed label"
    assert Question.objects.filter(code=dropped).exists()
    assert f"kept): {dropped}" in out.getvalue()


def test_an_unknown_theme_is_refused_and_nothing_is_written(tmp_path):
    document = json.loads(world.QUESTIONNAIRE.read_text())
    document["sections"][0]["questions"][0]["theme"] = "no-such-theme"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document))

    with pytest.raises(CommandError, match="no-such-theme"):
        call_command("load_questionnaire", str(bad), stdout=StringIO())

    assert Questionnaire.objects.count() == 0
