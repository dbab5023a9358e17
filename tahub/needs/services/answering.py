"""Answers as values: cleaning what a form, the API or a workbook sends, and writing what changed.

A value per question code, by the question's kind (a level or a code in any case, a level also by its label):
level "high" | "medium" | "low" | "none"; rank a whole number from 1; text and support a string;
obstacles a list of the question's option codes; languages a list of language codes; offer a list of types of
assistance (slugs); regions a list of UN regional group codes; amounts a list of {"year", "source", "amount"},
the years those of the cycle's period (the questionnaire file's when the period is not two years).
An empty value ("", None, []) clears the answer. Every error is named by the question's code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from tahub.parties.models import Region
from tahub.vocabularies.models import AssistanceType

from ..models import Amount, Answer, Level, Question

if TYPE_CHECKING:
    from tahub.accounts.models import User

    from ..models import Cycle, Response

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
MAX_RANK = 100
MAX_AMOUNT = Decimal("999999999999.99")

UNKNOWN_QUESTION = _("“%(code)s” is not a question of this questionnaire.")
BAD_LEVEL = _("Choose high, medium, low or none.")
BAD_RANK = _("Give a whole number from 1 to %(max)d.")
BAD_CHOICE = _("Unknown: %(values)s. Choose from: %(allowed)s.")
BAD_AMOUNT = _("Give each amount as a number of at least 0, for a year and a source of the question.")
TOO_LONG = _("At most 20,000 characters.")
NOT_TEXT = _("Give a text.")
NOT_LIST = _("Give a list of codes.")


@dataclass
class Value:
    """A cleaned answer; compare with `of(answer)` to know whether it changed."""

    level: str = ""
    rank: int | None = None
    text: str = ""
    choices: list[str] = field(default_factory=list)
    types: frozenset[int] = frozenset()
    regions: frozenset[int] = frozenset()
    amounts: dict[tuple[int, str], Decimal] = field(default_factory=dict)  # {(year, source): Decimal}


def as_list(value: Any) -> list[str]:
    """A list from a list, or from a string separated by ';' or ','."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.replace(",", ";").split(";")
    if not isinstance(value, list | tuple) or not all(isinstance(v, str | int) for v in value):
        raise ValidationError(NOT_LIST)
    return [str(v).strip() for v in value if str(v).strip()]


def _pick(question: Question, value: Any, allowed: Sequence[str], labels: Iterable[tuple[str, Any]] = ()) -> list[str]:
    """The codes of `allowed` named in `value`, in order, once each: a code or one of `labels` ((code, label)),
    in any case ("afr" is AFR)."""
    words = {str(label).casefold(): code for code, label in labels} | {code.casefold(): code for code in allowed}
    given = as_list(value)
    unknown = [c for c in given if c.casefold() not in words]
    if unknown:
        raise ValidationError(BAD_CHOICE % {"values": ", ".join(unknown), "allowed": ", ".join(allowed)})
    return list(dict.fromkeys(words[c.casefold()] for c in given))


def _rank(value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        rank = int(str(value).strip())
    except ValueError:
        rank = 0
    if not 1 <= rank <= MAX_RANK:
        raise ValidationError(BAD_RANK % {"max": MAX_RANK})
    return rank


def _amounts(question: Question, value: Any, years: Iterable[int] | None = None) -> dict[tuple[int, str], Decimal]:
    years = set(years or question.options.get("years", []))
    sources = {s["code"] for s in question.options.get("sources", [])}
    amounts: dict[tuple[int, str], Decimal] = {}
    for item in value or []:
        try:
            year, source = int(item["year"]), str(item["source"])
            amount = Decimal(str(item["amount"]).strip())
        except (KeyError, TypeError, ValueError, InvalidOperation):
            raise ValidationError(BAD_AMOUNT) from None
        if year not in years or source not in sources or not amount.is_finite() or not 0 <= amount <= MAX_AMOUNT:
            raise ValidationError(BAD_AMOUNT)
        amounts[(year, source)] = amount.quantize(Decimal("0.01"))
    return amounts


def _check_type(kind: str, value: Any) -> None:
    Kind = Question.Kind
    texts = (Kind.LEVEL, Kind.TEXT, Kind.SUPPORT)
    lists = (Kind.OBSTACLES, Kind.LANGUAGES, Kind.OFFER, Kind.REGIONS)
    if value is None:
        return
    if kind in texts and not isinstance(value, str):
        raise ValidationError(NOT_TEXT)
    if kind in lists and not isinstance(value, str | list | tuple):
        raise ValidationError(NOT_LIST)
    if kind == Kind.AMOUNTS and not isinstance(value, list | tuple):
        raise ValidationError(BAD_AMOUNT)
    if isinstance(value, str) and "\x00" in value:
        raise ValidationError(NOT_TEXT)


def clean_value(question: Question, value: Any, vocabularies: dict[str, Any]) -> Value:
    """One value → Value, or ValidationError with a message for this question."""
    kind, Kind = question.kind, Question.Kind
    _check_type(kind, value)
    if kind == Kind.LEVEL:
        level = (value or "").strip()
        if level:
            level = vocabularies.get("levels", {}).get(level.casefold(), level.casefold())
        if level and level not in Level.values:
            raise ValidationError(BAD_LEVEL)
        return Value(level=level)
    if kind == Kind.RANK:
        return Value(rank=_rank(value))
    if kind in (Kind.TEXT, Kind.SUPPORT):
        text = (value or "").strip()
        if len(text) > 20000:
            raise ValidationError(TOO_LONG)
        return Value(text=text)
    if kind == Kind.OBSTACLES:
        choices = question.options.get("choices", [])
        return Value(choices=_pick(question, value, [c["code"] for c in choices],
                                   [(c["code"], c["label"]) for c in choices if c.get("label")]))  # fmt: skip
    if kind == Kind.LANGUAGES:
        return Value(choices=_pick(question, value, list(LANGUAGES)))
    if kind == Kind.OFFER:
        types = vocabularies["types"]
        return Value(types=frozenset(types[s] for s in _pick(question, value, list(types))))
    if kind == Kind.REGIONS:
        regions = vocabularies["regions"]
        return Value(regions=frozenset(regions[c] for c in _pick(question, value, list(regions))))
    return Value(amounts=_amounts(question, value, vocabularies.get("years")))


def level_words() -> dict[str, str]:
    """{word: level code} for a level typed any way: the codes and their labels ("Medium", "medium", "MEDIUM"),
    in English and in the language active now (the person's: "Moyen", "moyen"), compared case-insensitively."""
    words: dict[str, str] = {}
    for language in ("en", translation.get_language() or "en"):
        with translation.override(language):
            words |= {str(label).casefold(): code for code, label in Level.choices}
    return words | {code: code for code in Level.values}


def vocabularies(cycle: Cycle | None = None) -> dict[str, Any]:
    """{"types": {slug: pk}, "regions": {code: pk}} for cleaning offers (two small queries), the level words
    (`level_words`) and the years amounts are asked for: those of `cycle`'s period (none without a cycle: the
    questionnaire's own)."""
    return {
        "types": dict(AssistanceType.objects.values_list("slug", "pk")),
        "regions": dict(Region.objects.values_list("code", "pk")),
        "levels": level_words(),
        "years": cycle.years if cycle is not None else [],
    }


def clean(questions: Iterable[Question], answers: dict[str, Any], cycle: Cycle | None = None) -> dict[Question, Value]:
    """{code: raw value} → {question: Value}; ValidationError({code: message}) naming every bad one. Amounts are
    for the years of `cycle`'s period."""
    by_code = {q.code: q for q in questions}
    words = vocabularies(cycle)
    cleaned: dict[Question, Value] = {}
    errors: dict[str, Any] = {}
    for code, value in answers.items():
        question = by_code.get(code)
        if question is None:
            errors[code] = UNKNOWN_QUESTION % {"code": code}
            continue
        try:
            cleaned[question] = clean_value(question, value, words)
        except ValidationError as error:
            errors[code] = error.messages
    if errors:
        raise ValidationError(errors)
    return cleaned


def of(answer: Answer) -> Value:
    """The Value an existing answer holds (uses the prefetched relations)."""
    return Value(
        level=answer.level,
        rank=answer.rank,
        text=answer.text,
        choices=list(answer.choices or []),
        types=frozenset(t.pk for t in answer.assistance_types.all()),
        regions=frozenset(r.pk for r in answer.regions.all()),
        amounts={(a.year, a.source): a.amount for a in answer.amounts.all()},
    )


def raw(answer: Answer) -> Any:
    """An existing answer as the raw value a client sends back (the API and the workbook)."""
    kind, Kind = answer.question.kind, Question.Kind
    if kind == Kind.LEVEL:
        return answer.level
    if kind == Kind.RANK:
        return answer.rank
    if kind in (Kind.TEXT, Kind.SUPPORT):
        return answer.text
    if kind in (Kind.OBSTACLES, Kind.LANGUAGES):
        return list(answer.choices or [])
    if kind == Kind.OFFER:
        return sorted(t.slug for t in answer.assistance_types.all())
    if kind == Kind.REGIONS:
        return sorted(r.code for r in answer.regions.all())
    return [{"year": a.year, "source": a.source, "amount": a.amount} for a in answer.amounts.all()]


def _history(model: Any, rows: Iterable[Any], history_type: str, *, by: User | None, reason: str, now: Any) -> None:
    """The history rows simple_history writes on save() or delete() ("+", "~", "-"), for many rows at once."""
    historical = model.history.model
    historical.objects.bulk_create(
        historical(history_date=now, history_user=by, history_change_reason=reason, history_type=history_type,
                   **{f.attname: getattr(row, f.attname) for f in historical.tracked_fields})
        for row in rows
    )  # fmt: skip


def _save_all(
    model: Any, new: list[Any], changed: list[Any], fields: list[str], *, by: User | None, reason: str, now: Any
) -> None:
    """Insert `new` and update `fields` of `changed`, each with its history row: four statements at most."""
    for row in changed:
        row.updated_at = now
    if new:
        model.objects.bulk_create(new)
        _history(model, new, "+", by=by, reason=reason, now=now)
    if changed:
        model.objects.bulk_update(changed, [*fields, "updated_at"])
        _history(model, changed, "~", by=by, reason=reason, now=now)


def _set_links(relation: Any, wanted: list[tuple[Answer, frozenset[int]]]) -> None:
    """[(answer, {target pk})] → exactly those links of each answer (a many-to-many without history)."""
    if not wanted:
        return
    through = relation.through
    source, target = relation.field.m2m_field_name(), relation.field.m2m_reverse_field_name()
    through.objects.filter(**{f"{source}_id__in": [a.pk for a, _pks in wanted]}).delete()
    through.objects.bulk_create(
        [through(**{f"{source}_id": a.pk, f"{target}_id": pk}) for a, pks in wanted for pk in sorted(pks)]
    )


def write_all(
    response: Response, values: dict[Question, Value], existing: dict[int, Answer], *, by: User | None, reason: str
) -> list[Answer]:
    """Create or update the answers of `values` ({question: Value}, those that changed) in a fixed number of
    statements whatever their number: bulk inserts and updates, each row with the history row its save()
    would have written (by `by`, with `reason`). Returns the answers written."""
    now = timezone.now()
    new: list[Answer] = []
    changed: list[Answer] = []
    links: dict[str, list[tuple[Answer, frozenset[int]]]] = {Question.Kind.OFFER: [], Question.Kind.REGIONS: []}
    amounts: list[
        tuple[Answer, dict[tuple[int, str], Decimal]]
    ] = []  # unsaved answers are not hashable: pairs, not dicts
    for question, value in values.items():
        answer = existing.get(question.pk)
        if answer is None:
            answer = Answer(response=response, question=question)
            new.append(answer)
        else:
            changed.append(answer)
        answer.level, answer.rank, answer.text, answer.choices = value.level, value.rank, value.text, value.choices
        if question.kind in links:
            links[question.kind].append(
                (answer, value.types if question.kind == Question.Kind.OFFER else value.regions)
            )
        elif question.kind == Question.Kind.AMOUNTS:
            amounts.append((answer, value.amounts))
    _save_all(Answer, new, changed, ["level", "rank", "text", "choices"], by=by, reason=reason, now=now)
    _set_links(Answer.assistance_types, links[Question.Kind.OFFER])
    _set_links(Answer.regions, links[Question.Kind.REGIONS])
    _write_amounts(amounts, {a.pk for a in new}, by=by, reason=reason, now=now)
    return new + changed


def _write_amounts(
    wanted: list[tuple[Answer, dict[tuple[int, str], Decimal]]],
    created: set[int],
    *,
    by: User | None,
    reason: str,
    now: Any,
) -> None:
    """[(answer, {(year, source): amount})] → exactly those Amount rows, the unchanged ones left alone; `created`:
    the pks of answers just inserted (they have no rows yet)."""
    gone: list[Amount] = []
    new: list[Amount] = []
    changed: list[Amount] = []
    for answer, amounts in wanted:
        current = {} if answer.pk in created else {(a.year, a.source): a for a in answer.amounts.all()}
        gone += [row for key, row in current.items() if key not in amounts]
        currency = answer.question.options.get("currency", "USD")
        for (year, source), amount in amounts.items():
            row = current.get((year, source))
            if row is None:
                new.append(Amount(answer=answer, year=year, source=source, amount=amount, currency=currency))
            elif (row.amount, row.currency) != (amount, currency):
                row.amount, row.currency = amount, currency
                changed.append(row)
    if gone:
        _history(Amount, gone, "-", by=by, reason=reason, now=now)
        # One DELETE: QuerySet.delete() would send post_delete for each row, and simple_history would write a
        # second history row for each (without the reason or the person).
        with connection.cursor() as cursor:
            table, marks = Amount._meta.db_table, ", ".join(["%s"] * len(gone))
            cursor.execute(f"DELETE FROM {table} WHERE id IN ({marks})", [row.pk for row in gone])  # noqa: S608
    _save_all(Amount, new, changed, ["amount", "currency"], by=by, reason=reason, now=now)
