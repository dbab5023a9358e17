"""The mandate coverage: for each decision paragraph that asks for technical assistance, what answers it.

"What answers it" is every record that cites the paragraph through a `LegalBasisField` (plan activities,
proposals, and other records once their apps declare one): the relations are found on DecisionParagraph, not
listed here. Beside them, what delivered the plan activities citing it (events, requests, centre activities: every
model with a `programme_activity` foreign key). Records that cite only the whole decision (the older `decisions`
fields of proposals and events) are shown apart, once per decision.

Counts are computed in SQL, one GROUP BY per relation; records are listed only where a paragraph has a few
(`SHOWN`): above that, the count links to the programme of work filtered by the paragraph (the activities, or
the activities those records delivered), else the newest `SHOWN` are listed. Cost: one query for the paragraphs,
then at most two per relation — whatever the number of paragraphs or records (50,000 activities cost what 3 do,
bar the counting).
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy

from tahub.core.rules import is_secretariat

from .models import Decision, DecisionParagraph, LegalBasisField

SHOWN = 5  # records listed per paragraph and kind; above it, the count (with a link to the filtered list)

# Who may see which citing records: a function (user -> Q) per model label. Models not listed are shown to the
# Secretariat only, so a private record (e.g. a Party's request) never reaches the public page by default.
VISIBLE = {
    "planning.programmeactivity": lambda user: Q(),
    "funding.proposal": lambda user: Q() if is_secretariat(user) else Q(state="published"),
    "events.event": lambda user: Q() if is_secretariat(user) else Q(state__in=["published", "cancelled"]),
    # A centre's activities are public once its report is submitted (as on the centre's page); drafts: staff.
    "centres.activity": lambda user: Q() if is_secretariat(user) else Q(report__state__in=["submitted", "accepted"]),
}

# What a record's name and link read, per model label, so that listing records costs no query per row.
RELATED = {"planning.programmeactivity": ["biennium"], "centres.activity": ["report__centre"]}

# The filtered list of a kind's records citing one paragraph, where such a list exists: (URL name, parameter).
LIST_URLS = {"planning.programmeactivity": ("plan:activities", "paragraph")}
ACTIVITIES = "planning.programmeactivity"


def register_visibility(label, visible):
    """Another app says who sees its citing records on the coverage page, e.g. events: public once announced."""
    VISIBLE[label] = visible


def visible(model, user):
    rule = VISIBLE.get(model._meta.label_lower)
    if rule is not None:
        return rule(user)
    return Q() if is_secretariat(user) else Q(pk__in=[])


def related(model):
    return RELATED.get(model._meta.label_lower, [])


# How a kind's answers are headed (translated once per kind and page).
DELIVERING = gettext_lazy("%(kind)s delivering these activities")
WHOLE = gettext_lazy("%(kind)s citing the whole decision, no paragraph given")


@dataclass
class Answer:
    """One kind of record answering a paragraph (or citing its decision): how many, the few listed, and the
    filtered list of all of them when the few are not all."""

    kind: str
    label: str
    count: int = 0
    records: list = field(default_factory=list)
    url: str = ""
    through_activities: bool = False  # the url lists the activities these records delivered, not the records

    @property
    def complete(self):
        return len(self.records) == self.count


def citing_relations():
    """(accessor on DecisionParagraph, citing model, name of its LegalBasisField) for every citing model."""
    return [
        (rel.get_accessor_name(), rel.related_model, rel.field.name)
        for rel in DecisionParagraph._meta.related_objects
        if isinstance(rel.field, LegalBasisField)
    ]


def whole_decision_relations():
    """(accessor on Decision, model, name of its many-to-many) for the records citing decisions as a whole:
    proposals' and events' `decisions`. Shown apart: they do not say which paragraph they answer."""
    return [
        (rel.get_accessor_name(), rel.related_model, rel.field.name)
        for rel in Decision._meta.related_objects
        if rel.many_to_many and not rel.related_model._meta.auto_created
    ]


def delivery_relations():
    """(model, its path to the paragraphs, a filter) for every model that delivers programme activities. The
    explicit "is linked" lets PostgreSQL start from the few linked records (an index scan) rather than hash
    every citation (50,000 requests, none linked: 54 ms → 0.2 ms)."""
    from .selectors import delivery_relations as relations

    linked = Q(programme_activity__isnull=False)
    return [(rel.related_model, "programme_activity__legal_basis", linked) for rel in relations()]


def _counts(model, path, keys, seen):
    """(key, number of records) pairs, grouped in SQL. When every record is visible and `path` is the model's
    own many-to-many, only its link table is read (50,000 activities: 85 ms joined, 20 ms alone)."""
    if not seen and "__" not in path:
        through = model._meta.get_field(path).remote_field.through
        column = next(f.name for f in through._meta.fields if f.related_model is not model and f.is_relation)
        rows = through.objects.filter(**{f"{column}__in": keys}).values_list(column)
    else:
        # One filter() call: a second one on a many-to-many path would join it again.
        rows = model._default_manager.filter(seen, **{f"{path}__in": keys}).values_list(path)
    return rows.order_by().annotate(n=Count("pk"))


def _answers(model, path, keys, user, where=None, *, label, list_url=None):
    """{key: Answer} for the records of `model` the user sees (and `where` selects) whose `path` is one of
    `keys`: two queries at most. Above `SHOWN` records, a key's answer links to `list_url` (name, parameter).
    `label` heads the answers: the kind itself, or a text with `%(kind)s`."""
    kind = str(model._meta.verbose_name_plural)
    label = str(label) % {"kind": capfirst(kind)} if "%(kind)s" in str(label) else str(label)
    seen = visible(model, user) & (where or Q())
    counts = _counts(model, path, keys, seen)
    found = {key: Answer(kind, label, n, through_activities=bool(where)) for key, n in counts}
    if list_url:
        name, parameter = list_url
        base = reverse(name)  # once, not once per paragraph
        for key, answer in found.items():
            answer.url = f"{base}?{parameter}={key}" if answer.count > SHOWN else ""
    wanted = [key for key, answer in found.items() if not answer.url]
    if wanted:
        newest = Window(RowNumber(), partition_by=F(path), order_by=F("pk").desc())
        shown = (
            model._default_manager.filter(seen, **{f"{path}__in": wanted})
            .select_related(*related(model))
            .annotate(coverage_key=F(path), coverage_rank=newest)
            .filter(coverage_rank__lte=SHOWN)
            .order_by("-pk")
        )
        for record in shown:
            found[record.coverage_key].records.append(record)
    return found


def coverage(user, *, convention=None):
    """(paragraphs, kinds): the paragraphs that ask for technical assistance (ordered by decision), each with
    `.label`, `.answers` (an `Answer` per citing kind, also when none), `.deliveries` (an `Answer` per delivering
    kind with records), `.answered`, and `.decision.whole_decision` (an `Answer` per kind citing the whole
    decision); `kinds` names the citing kinds. Labels are translated once per kind, not once per paragraph."""
    # Only what the page and the API show (each text and title in every language, for the fallback): 201
    # paragraphs with their decisions' timestamps and conventions were 600 model instances, 1,200 dates parsed.
    # The decisions are read apart, each once: joined, a decision was built again for each of its paragraphs (201
    # paragraphs of 2 decisions at scale 10: ~11,000 calls, for one query less).
    selected = DecisionParagraph.objects.filter(asks_for_assistance=True)
    if convention:
        selected = selected.filter(decision__convention__code=convention)
    paragraphs = selected.only("number", "notes", "text", "decision")
    paragraphs = list(paragraphs.order_by("decision__year", "decision__sort_key", "position", "number"))
    by_pk = Decision.objects.only("number", "title").in_bulk({p.decision_id for p in paragraphs})
    for paragraph in paragraphs:
        paragraph.decision = by_pk[paragraph.decision_id]
    # The counts select the paragraphs by this subquery, not by a list of their keys: ~40 Python calls a key in
    # each statement's IN (201 keys, five statements: ~40,000 calls); the same paragraphs.
    keys = selected.values("pk")
    kinds = [str(model._meta.verbose_name_plural) for _accessor, model, _field in citing_relations()]
    citing = [
        (kind, _answers(model, path, keys, user, label=capfirst(kind), list_url=LIST_URLS.get(model._meta.label_lower)))
        for kind, (_a, model, path) in zip(kinds, citing_relations(), strict=True)
    ]
    # Many records delivering a paragraph's activities are reached through those activities' list.
    delivered = [
        _answers(model, path, keys, user, where, label=DELIVERING, list_url=LIST_URLS[ACTIVITIES])
        for model, path, where in delivery_relations()
    ]
    decisions = {p.decision_id for p in paragraphs}
    whole = [_answers(model, path, decisions, user, label=WHOLE) for _a, model, path in whole_decision_relations()]
    number = gettext("%(decision)s, paragraph %(number)s")  # DecisionParagraph.__str__, translated once
    headed = [(answers, capfirst(kind)) for answers, kind in zip(citing, kinds, strict=True)]  # once, not a row
    for paragraph in paragraphs:
        paragraph.label = number % {"decision": paragraph.decision.number, "number": paragraph.number}
        paragraph.answers = [found.get(paragraph.pk) or Answer(kind, label) for (kind, found), label in headed]
        paragraph.deliveries = [found[paragraph.pk] for found in delivered if paragraph.pk in found]
        paragraph.answered = any(answer.count for answer in paragraph.answers)
        paragraph.decision.whole_decision = [
            found[paragraph.decision_id] for found in whole if paragraph.decision_id in found
        ]
    return paragraphs, kinds
