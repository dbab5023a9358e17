"""Paragraph texts and plan and objective titles in each language (issue 14.3): the migration keeps today's texts,
pages read the reader's language, else English, else any."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.utils import translation

from tahub.planning import services
from tahub.planning.models import DecisionParagraph, Objective, TAPlan
from tahub.reports.missing_translations import missing_translations

from .factories import paragraph, plan_2026

pytestmark = pytest.mark.django_db

migration = importlib.import_module("tahub.planning.migrations.0006_content_in_each_language_paragraphs_plans")


def _set_columns(table, pk, **columns):
    """Write the columns themselves (modeltranslation would read `text` as the reader's language)."""
    assignments = ", ".join(f"{name} = %s" for name in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {assignments} WHERE id = %s", [*columns.values(), pk])


def test_the_migration_copies_today_s_text_into_english_and_keeps_the_french(admin):
    p = paragraph()
    _set_columns(DecisionParagraph._meta.db_table, p.pk, text="Requests the Secretariat", text_en="", text_fr="Prie")
    plan, objective, _biennium = plan_2026(admin)
    _set_columns(TAPlan._meta.db_table, plan.pk, title="Plan title", title_en="", title_fr="Plan FR")
    _set_columns(Objective._meta.db_table, objective.pk, title="Objective title", title_en="")

    migration.copy_into_english(apps, None)

    p, plan, objective = (
        model.objects.get(pk=o.pk) for model, o in ((DecisionParagraph, p), (TAPlan, plan), (Objective, objective))
    )
    assert (p.text_en, p.text_fr) == ("Requests the Secretariat", "Prie")
    assert (plan.title_en, plan.title_fr) == ("Plan title", "Plan FR")
    assert objective.title_en == "Objective title"


def test_the_decision_page_shows_the_french_text_in_french_and_the_english_in_spanish(client):
    DecisionParagraph.objects.filter(pk=paragraph().pk).update(text_en="Requests the Secretariat", text_fr="Prie le")
    french = client.get("/decisions/SC-5/20/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    spanish = client.get("/decisions/SC-5/20/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<span lang="fr">Prie le</span>' in french and "Requests the Secretariat" not in french
    assert '<span lang="en">Requests the Secretariat</span>' in spanish and "Prie le" not in spanish


def test_text_shown_falls_back_to_any_language():
    DecisionParagraph.objects.filter(pk=paragraph().pk).update(text_en="", text_fr="", text_es="Pide")
    with translation.override("ru"):
        assert paragraph().text_shown == ("Pide", "es")
    with translation.override("zh-hans"):
        DecisionParagraph.objects.filter(pk=paragraph().pk).update(text_zh_hans="请")
        assert paragraph().text_shown == ("请", "zh-hans")


def test_a_plan_saved_from_a_french_page_keeps_its_title_in_english(admin):
    with translation.override("fr"):
        plan, objective, _biennium = plan_2026(admin)
    plan, objective = TAPlan.objects.get(pk=plan.pk), Objective.objects.get(pk=objective.pk)
    assert (plan.title_en, plan.title_fr) == ("TA plan 2026–2029", "")
    assert (objective.title_en, objective.title_fr) == ("Capacity to implement", "")
    services.update_plan(plan, by=admin, data={"title_fr": "Plan d'assistance"})
    with translation.override("fr"):
        assert TAPlan.objects.get(pk=plan.pk).localized_title == "Plan d'assistance"


def test_the_missing_translations_page_lists_paragraphs_and_plans(admin):
    DecisionParagraph.objects.filter(pk=paragraph().pk).update(text_en="Requests the Secretariat", text_fr="Prie")
    plan_2026(admin)
    kinds = {str(kind["label"]): kind["rows"] for kind in missing_translations()}
    assert [row["object"] for row in kinds["Decision paragraphs"]] == [paragraph()]
    assert "/staff/planning/plans/2026/edit/" in [row["url"] for row in kinds["Technical assistance plans"]]
    assert "Capacity to implement" in [row["object"].title for row in kinds["Objectives"]]
