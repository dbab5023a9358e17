"""The mandate coverage: for each decision paragraph that asks for technical assistance, what answers it.

"What answers it" is every record that cites the paragraph through a `LegalBasisField` (plan activities,
proposals, and events or requests once their apps declare one): the relations are found on DecisionParagraph,
not listed here. Proposals that cite only the whole decision (funding's older `decisions` field) are shown
apart, as are events citing a decision. Cost: one query for the paragraphs with every count, one per citing
relation, one per relation citing whole decisions — whatever the number of paragraphs or records.
"""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce

from .models import Decision, DecisionParagraph, LegalBasisField

SHOWN = 10  # records listed per paragraph and kind; the count and a link give the rest

# Who may see which citing records: a function (user -> Q) per model label. Models not listed are shown to the
# Secretariat only, so a private record (e.g. a Party's request) never reaches the public page by default.
VISIBLE = {
    "planning.programmeactivity": lambda user: Q(),
    "funding.proposal": lambda user: Q() if user.is_staff else Q(state="published"),
    "events.event": lambda user: Q() if user.is_staff else Q(state__in=["published", "cancelled"]),
}


def register_visibility(label, visible):
    """Another app says who sees its citing records on the coverage page, e.g. events: public once announced."""
    VISIBLE[label] = visible


def visible(model, user):
    rule = VISIBLE.get(model._meta.label_lower)
    if rule is not None:
        return rule(user)
    return Q() if user.is_staff else Q(pk__in=[])


def citing_relations():
    """(accessor on DecisionParagraph, citing model, name of its LegalBasisField) for every citing model."""
    return [
        (rel.get_accessor_name(), rel.related_model, rel.field.name)
        for rel in DecisionParagraph._meta.related_objects
        if isinstance(rel.field, LegalBasisField)
    ]


def _count(model, field, seen):
    rows = model._default_manager.filter(seen, **{field: OuterRef("pk")}).order_by().values(field)
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n"), output_field=IntegerField()), 0)


def _shown(model, seen):
    queryset = model._default_manager.filter(seen)
    if model._meta.label_lower == "planning.programmeactivity":
        queryset = queryset.select_related("biennium")
    return queryset.order_by("-pk")


def coverage(user, *, convention=None):
    """(paragraphs, kinds): the paragraphs that ask for technical assistance, each with `.answers` — a list of
    (kind, count, first records) — `.answered` and `.whole_decision_proposals`; `kinds` names the columns."""
    relations = citing_relations()
    paragraphs = DecisionParagraph.objects.filter(asks_for_assistance=True).select_related(
        "decision", "decision__convention"
    )
    if convention:
        paragraphs = paragraphs.filter(decision__convention__code=convention)
    prefetches = []
    for accessor, model, field in relations:
        seen = visible(model, user)
        paragraphs = paragraphs.annotate(**{f"n_{accessor}": _count(model, field, seen)})
        shown = _shown(model, seen)[:SHOWN]
        prefetches.append(Prefetch(accessor, queryset=shown, to_attr=f"shown_{accessor}"))
    whole = whole_decision_relations()
    for accessor, model in whole:
        shown = _shown(model, visible(model, user))[:SHOWN]
        prefetches.append(Prefetch(f"decision__{accessor}", queryset=shown, to_attr=f"whole_{accessor}"))
    paragraphs = list(
        paragraphs.prefetch_related(*prefetches).order_by("decision__year", "decision__number", "position")
    )
    kinds = [model._meta.verbose_name_plural for _accessor, model, _field in relations]
    for paragraph in paragraphs:
        paragraph.answers = [
            (model._meta.verbose_name_plural, getattr(paragraph, f"n_{a}"), getattr(paragraph, f"shown_{a}"))
            for a, model, _field in relations
        ]
        paragraph.answered = any(count for _kind, count, _shown_rows in paragraph.answers)
        paragraph.whole_decision = [
            (model._meta.verbose_name_plural, getattr(paragraph.decision, f"whole_{a}"))
            for a, model in whole
            if getattr(paragraph.decision, f"whole_{a}")
        ]
    return paragraphs, kinds


def whole_decision_relations():
    """(accessor on Decision, model) for the records citing decisions as a whole (many-to-many to Decision):
    proposals' and events' `decisions`. Shown apart: they do not say which paragraph they answer."""
    return [
        (rel.get_accessor_name(), rel.related_model)
        for rel in Decision._meta.related_objects
        if rel.many_to_many and not rel.related_model._meta.auto_created
    ]
