"""Reference-data loaders for COP meetings, decisions and their paragraphs, plans, bienniums and activities."""

from tahub.core.reference import Loader, RowError, choice, date_or_none, int_or_none, lookup, text, yes_no
from tahub.core.translated import language_fields
from tahub.parties.models import Convention, Country

from .models import Biennium, Decision, DecisionParagraph, Meeting, ProgrammeActivity, TAPlan


def _meeting(row):
    return {
        "code": text(row, "code", required=True),
        "number": int_or_none(row, "number", required=True),
        "kind": choice(row, "kind", Meeting.Kind.values),
        "city": text(row, "city", required=True),
        "country": lookup(row, "country_iso3", Country, "iso3"),
        "start": date_or_none(row, "start", required=True),
        "end": date_or_none(row, "end", required=True),
        "sources": text(row, "sources"),
        "notes": text(row, "notes"),
    }


def _decision(row):
    # French titles only where a file gives them: a staff-entered one is kept otherwise.
    french = {"title_fr": text(row, "title_fr")} if "title_fr" in row else {}
    return french | {
        "number": text(row, "number", required=True),
        "convention": lookup(row, "convention", Convention, "code"),
        "meeting": lookup(row, "meeting", Meeting, "code"),
        "year": int_or_none(row, "year", required=True),
        "title": text(row, "title"),
        "topics": text(row, "topic"),
        "verified": choice(row, "verified", Decision.Verified.values),
        "sources": text(row, "sources"),
        "notes": text(row, "notes"),
    }


# Set by staff who hold the official text (services.update_paragraph_text): the file does not undo it.
STAFF_TEXT_REASON = "planning.paragraph.text_edited"
STAFF_TEXT_FIELDS = (*language_fields("text"), "sources", "notes")  # as services.PARAGRAPH_TEXT_FIELDS


def _paragraph(row):
    fields = {
        "decision_id": lookup(row, "decision", Decision, "number").pk,
        "number": text(row, "number", required=True),
        "position": int_or_none(row, "position", required=True),
        "text_en": text(row, "text_en"),  # the files hold the English and French texts only
        "text_fr": text(row, "text_fr"),
        "asks_for_assistance": yes_no(row, "asks_for_assistance"),
        "sources": text(row, "sources"),
        "notes": text(row, "notes"),
    }
    # A paragraph whose text staff entered keeps it (and its sources and notes) when the file is loaded again.
    key = {"decision_id": fields["decision_id"], "number": fields["number"]}
    if DecisionParagraph.history.filter(**key, history_change_reason=STAFF_TEXT_REASON).exists():
        fields.update(DecisionParagraph.objects.filter(**key).values(*STAFF_TEXT_FIELDS).first() or {})
    return fields


def _plan(row):
    return {
        "start_year": int_or_none(row, "start_year", required=True),
        "end_year": int_or_none(row, "end_year", required=True),
        "title_en": text(row, "title", required=True),  # the file's title is the English one
        "title_fr": text(row, "title_fr"),
        "sources": text(row, "sources"),
        "notes": text(row, "notes"),
    }


def _biennium(row):
    plan = int_or_none(row, "plan")
    return {
        "start_year": int_or_none(row, "start_year", required=True),
        "end_year": int_or_none(row, "end_year", required=True),
        "plan": lookup(row, "plan", TAPlan, "start_year") if plan else None,
        "budget_decision": lookup(row, "budget_decision", Decision, "number", required=False),
        "notes": text(row, "notes"),
    }


def _activity(row):
    # Keys by id, so reading the existing rows costs one query however many activities staff have added.
    title = text(row, "title")  # blank where no source gives it: a title staff typed is then kept
    return {
        "biennium_id": lookup(row, "biennium", Biennium, "start_year").pk,
        "number": int_or_none(row, "number", required=True),
        **({"title": title} if title else {}),
        "sources": text(row, "sources"),
        "notes": text(row, "notes"),
    }


def _activity_convention(row):
    """The activity's convention (one per row), written into the many-to-many table."""
    try:
        activity = ProgrammeActivity.objects.get(biennium__start_year=row["biennium"], number=row["number"])
    except (ProgrammeActivity.DoesNotExist, ValueError) as exc:
        raise RowError("number", "unknown activity") from exc
    return {"programmeactivity_id": activity.pk, "convention_id": lookup(row, "convention", Convention, "code").pk}


def loaders():
    return [
        Loader(
            "meetings.csv", Meeting, ("code",), _meeting, ("code", "number", "city", "country_iso3", "start", "end")
        ),
        Loader("decisions.csv", Decision, ("number",), _decision, ("number", "convention", "meeting", "year", "title")),
        Loader(
            "decision_paragraphs.csv",
            DecisionParagraph,
            ("decision_id", "number"),
            _paragraph,
            ("decision", "number", "position", "text_en", "text_fr", "asks_for_assistance", "sources", "notes"),
            report_stale=False,  # staff add paragraphs as they read the decisions
        ),
        Loader("ta_plans.csv", TAPlan, ("start_year",), _plan, ("start_year", "end_year", "title"), report_stale=False),
        Loader(
            "bienniums.csv",
            Biennium,
            ("start_year",),
            _biennium,
            ("start_year", "end_year", "plan"),
            report_stale=False,
        ),
        Loader(
            "programme_activities.csv",
            ProgrammeActivity,
            ("biennium_id", "number"),
            _activity,
            ("biennium", "number", "convention", "title"),
            report_stale=False,  # staff keep the programme of work; the file holds only sourced rows
        ),
        Loader(
            "programme_activities.csv",
            ProgrammeActivity.conventions.through,
            ("programmeactivity_id", "convention_id"),
            _activity_convention,
            ("biennium", "number", "convention"),
            report_stale=False,
        ),
    ]
