"""The staff page listing, per kind of content, the items that lack a text in some language (issue 14.3).

One query per kind: the rows that have an English text but where a translated field (tahub/*/translation.py) is
empty in some language; at most LIMIT rows per kind, the first by the model's order. A row is named by its
`__str__` (in the reader's language), linked to the page where staff edit its texts.
"""

from django.db.models import Q
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from modeltranslation.utils import build_localized_fieldname
from rules.contrib.views import PermissionRequiredMixin

from tahub.centres.models import RegionalCentre
from tahub.core.translated import language_fields, missing_languages
from tahub.directory.models import Organisation
from tahub.events.models import Event
from tahub.needs.models import Question
from tahub.planning.models import Decision, DecisionParagraph, Objective, ProgrammeActivity, TAPlan

LIMIT = 100


def _admin(name):
    return lambda row: reverse(f"admin:{name}_change", args=[row.pk])


# (label, model, translated fields, the relations its name reads, its edit address)
KINDS = [
    (_("Decisions"), Decision, ("title",), (), _admin("planning_decision")),
    (
        capfirst(DecisionParagraph._meta.verbose_name_plural),
        DecisionParagraph,
        ("text",),
        ("decision",),
        lambda row: reverse("planning_staff:paragraph_text", args=[row.pk]),
    ),
    (
        capfirst(TAPlan._meta.verbose_name_plural),
        TAPlan,
        ("title",),
        (),
        lambda row: reverse("planning_staff:plan_edit", args=[row.start_year]),
    ),
    (
        capfirst(Objective._meta.verbose_name_plural),
        Objective,
        ("title",),
        ("plan",),
        lambda row: reverse("planning_staff:plan_edit", args=[row.plan.start_year]),
    ),
    (
        _("Programme activities"),
        ProgrammeActivity,
        ("title",),
        ("biennium",),
        lambda row: reverse("planning_staff:activity_edit", args=[row.pk]),
    ),
    (_("Events"), Event, ("title", "description"), (), lambda row: reverse("events_staff:edit", args=[row.slug])),
    (_("Questionnaire questions"), Question, ("label", "section_title"), (), _admin("needs_question")),
    (_("Directory descriptions"), Organisation, ("summary",), (), _admin("directory_organisation")),
    (_("Regional centres"), RegionalCentre, ("name",), (), _admin("centres_regionalcentre")),
]


def _lacking(fields):
    """Rows with some field empty (blank or NULL) in some language, among those that have a text at all."""
    condition = Q()
    for name in language_fields(*fields):
        condition |= Q(**{name: ""}) | Q(**{f"{name}__isnull": True})
    return condition


def _has_text(fields):
    condition = Q()
    for field in fields:
        english = build_localized_fieldname(field, "en")
        condition |= ~Q(**{english: ""}) & Q(**{f"{english}__isnull": False})
    return condition


def missing_translations():
    """[{label, rows: [{name, url, missing: [(field label, [language names])]}]}], one query per kind."""
    result = []
    for label, model, fields, related, url in KINDS:
        query = model.objects.rewrite(False).filter(_has_text(fields)).filter(_lacking(fields))
        rows = []
        for obj in query.select_related(*related)[:LIMIT]:
            gaps = [(model._meta.get_field(f).verbose_name, missing_languages(obj, f)) for f in fields]
            rows.append({"object": obj, "url": url(obj), "missing": [gap for gap in gaps if gap[1]]})
        result.append({"label": label, "rows": rows, "more": len(rows) == LIMIT})
    return result


class MissingTranslationsView(PermissionRequiredMixin, TemplateView):
    permission_required = "reports.view_missing_translations"
    template_name = "reports/missing_translations.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(kinds=missing_translations(), **kwargs)
