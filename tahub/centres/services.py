"""Every write of a centre's lifecycle: work plans, activity reports, evaluations and Parties' feedback.

Each runs in one transaction, checks the permission, locks what it moves, and records a dotted audit reason.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tahub.accounts.rules import require
from tahub.core import workflow
from tahub.directory.models import Organisation

from . import selectors
from .models import (
    Activity,
    ActivityReport,
    Criterion,
    Endorsement,
    Evaluation,
    Feedback,
    Nomination,
    RegionalCentre,
    Score,
    WorkPlan,
)
from .tasks import task_notify_report_returned

M2M = ("parties_benefited", "themes", "partners")


def _move(model, obj, action, reason, **changes):
    return workflow.move(model, obj, action, reason=reason, changes=changes)


@transaction.atomic
def draft_work_plan(*, centre, by, data):
    """The centre drafts its work plan for an endorsement period (template sections, optional document)."""
    require(by, "centres.report_activities", centre)
    plan = WorkPlan(centre=centre, **data)
    plan.full_clean(exclude=["state"])
    plan._change_reason = "centres.workplan.drafted"
    plan.save()
    return plan


@transaction.atomic
def submit_work_plan(plan, *, by):
    require(by, "centres.report_activities", plan.centre)
    return _move(WorkPlan, plan, "submit", "centres.workplan.submitted")


@transaction.atomic
def approve_work_plan(plan, *, by, decision):
    """The Secretariat records that the COP approved the work plan by the decision that endorses the centre."""
    require(by, "centres.evaluate")
    if decision is None:
        raise ValidationError({"decision": _("Name the COP decision that approved the work plan.")})
    return _move(WorkPlan, plan, "approve", "centres.workplan.approved", approved_by=decision)


@transaction.atomic
def add_activity(report, *, by, data):
    """Log one activity in a draft report: type, dates, Parties benefited, themes, partners, budget, evidence."""
    require(by, "centres.report_activities", report.centre)
    report = ActivityReport.objects.select_for_update().get(pk=report.pk)  # the state now, not as the page saw it
    if report.state != ActivityReport.State.DRAFT:
        raise ValidationError(_("This report is submitted: activities can no longer be added."))
    activity = Activity(report=report, **{k: v for k, v in data.items() if k not in M2M})
    activity.full_clean()
    _check_within_period(activity, report.period)
    if not data.get("parties_benefited"):
        raise ValidationError({"parties_benefited": _("Name at least one Party that benefited.")})
    activity._change_reason = "centres.activity.logged"
    activity.save()
    for name in M2M:
        getattr(activity, name).set(data.get(name) or [])
    return activity


def _check_within_period(activity, period):
    """An activity is reported in the report of the period it took place in: its dates lie inside the period."""
    outside = _("The activity must take place within the period of the report, %(start)s to %(end)s.") % {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
    }
    errors = {}
    if not period.start <= activity.start <= period.end:
        errors["start"] = outside
    if not period.start <= activity.end <= period.end:
        errors["end"] = outside
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def remove_activity(activity, *, by):
    """Take an activity out of a draft report (e.g. one the Secretariat asked to correct); kept in its history."""
    require(by, "centres.report_activities", activity.report.centre)
    report = ActivityReport.objects.select_for_update().get(pk=activity.report_id)
    if report.state != ActivityReport.State.DRAFT:
        raise ValidationError(_("This report is submitted: activities can no longer be removed."))
    activity._change_reason = "centres.activity.removed"
    activity.delete()


@transaction.atomic
def attach_evidence(activity, *, by, evidence):
    """Attach (or replace) the evidence file of an activity in a draft report; checked as on the page."""
    require(by, "centres.report_activities", activity.report.centre)
    report = ActivityReport.objects.select_for_update().get(pk=activity.report_id)
    if report.state != ActivityReport.State.DRAFT:
        raise ValidationError(_("This report is submitted: its evidence can no longer be changed."))
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    activity.evidence = evidence
    activity.full_clean()
    activity._change_reason = "centres.activity.evidence_attached"
    activity.save()
    return activity


@transaction.atomic
def submit_report(report, *, by):
    """Submit the period's report; it must log at least one activity (or say none by logging none and the
    Secretariat will follow up)."""
    require(by, "centres.report_activities", report.centre)
    if not report.activities.exists():
        raise ValidationError(_("Log the period's activities before submitting the report."))
    return _move(ActivityReport, report, "submit", "centres.report.submitted", submitted_at=timezone.now())


@transaction.atomic
def open_report(*, centre, period, by):
    """The centre's report for a period, opened (as a draft) the first time the centre asks for it."""
    require(by, "centres.report_activities", centre)
    report = ActivityReport.objects.filter(centre=centre, period=period).first()
    if report is None:
        report = ActivityReport(centre=centre, period=period)
        report._change_reason = "centres.report.opened"
        report.save()
    return report


@transaction.atomic
def accept_report(report, *, by):
    """The Secretariat accepts a submitted report; its activities then count in the centre's evaluation as
    before, and the record says who accepted it and when."""
    require(by, "centres.accept_report")
    return _move(
        ActivityReport, report, "accept", "centres.report.accepted", accepted_by=by, accepted_at=timezone.now()
    )


@transaction.atomic
def return_report(report, *, by, reason):
    """The Secretariat returns a submitted report to the centre for revision, saying what to revise: it is a
    draft again (the centre corrects it and submits it again), and the centre's members are e-mailed the
    reason by the worker."""
    require(by, "centres.accept_report")
    if not reason.strip():
        raise ValidationError({"reason": _("Say what the centre should revise; the centre will read it.")})
    report = _move(
        ActivityReport, report, "return_for_revision", "centres.report.returned",
        returned_at=timezone.now(), return_reason=reason.strip(),
    )  # fmt: skip
    task_notify_report_returned.enqueue(report_id=report.pk)
    return report


@transaction.atomic
def review_report(report, *, by, decision, reason=""):
    """One review decision on a submitted report: "accept", or "return" for revision with a reason."""
    if decision == "accept":
        return accept_report(report, by=by)
    if decision == "return":
        return return_report(report, by=by, reason=reason)
    raise ValidationError({"decision": _("Choose: accept the report, or return it for revision.")})


@transaction.atomic
def start_evaluation(*, centre, by, start, end):
    """Open a score sheet for a centre over a period, with the countable indicators pre-filled from the
    activities the centre logged in submitted reports (and linked to them on the sheet)."""
    require(by, "centres.evaluate")
    if end < start:
        raise ValidationError({"end": _("The period must end after it starts.")})
    evaluation = Evaluation.objects.create(centre=centre, start=start, end=end, evaluator=by)
    counts = selectors.countable_indicators(centre, start, end)
    for criterion in Criterion.objects.all():
        count = counts.get(criterion.counts)
        score = criterion.score_for(count) if count is not None else None
        Score.objects.create(evaluation=evaluation, criterion=criterion, count=count, score=score)
    return evaluation


@transaction.atomic
def score_criterion(score, *, by, value, comment=""):
    """The evaluator sets a criterion's score (within its range) and comments."""
    require(by, "centres.evaluate")
    score = Score.objects.select_for_update().select_related("criterion", "evaluation").get(pk=score.pk)
    if score.evaluation.finalised_at:
        raise ValidationError(_("This evaluation is final."))
    if value is None or not 0 <= value <= score.criterion.max_score:
        raise ValidationError(
            {"score": _("Give a score from 0 to %(max)d for this criterion.") % {"max": score.criterion.max_score}}
        )
    score.score, score.comment = value, comment
    score._change_reason = "centres.evaluation.scored"
    score.save()
    return score


@transaction.atomic
def finalise_evaluation(evaluation, *, by):
    require(by, "centres.evaluate")
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    missing = [s.criterion.code for s in evaluation.scores.select_related("criterion") if s.score is None]
    if missing:
        raise ValidationError(_("Score every criterion first: %s.") % ", ".join(missing))
    evaluation.finalised_at = timezone.now()
    evaluation._change_reason = "centres.evaluation.finalised"
    evaluation.save()
    return evaluation


@transaction.atomic
def give_feedback(*, centre, party, by, rating, comment=""):
    """A Party's contact or focal point rates the centre's services (1–5), with a comment."""
    require(by, "centres.give_feedback")
    if not by.contact_points.filter(party=party).exists():
        raise PermissionDenied(_("You may give feedback only for your own Party."))
    feedback = Feedback(centre=centre, party=party, rating=rating, comment=comment, given_by=by)
    feedback.full_clean()
    feedback._change_reason = "centres.feedback.given"
    feedback.save()
    return feedback


ENDORSEMENT_YEARS = 4  # the COP endorses a centre for four years: four calendar years, 2026–2029


def term_end(start_year):
    """The last year of a term that starts in `start_year`: a term of four years from 2026 runs 2026–2029."""
    return start_year + ENDORSEMENT_YEARS - 1


@transaction.atomic
def nominate_centre(*, by, data):
    """The Secretariat records a region's nomination of an institution, with its dossier."""
    require(by, "centres.evaluate")
    nomination = Nomination(**data)
    nomination.full_clean(exclude=["state"])
    nomination._change_reason = "centres.nomination.submitted"
    nomination.save()
    return nomination


@transaction.atomic
def endorse_nomination(nomination, *, by, decision, start_year):
    """The COP endorsed the nomination: the institution becomes a centre (and a provider in the directory),
    endorsed for four years by `decision`."""
    require(by, "centres.evaluate")
    code = _free_code(f"scrc-{slugify(nomination.host_country.name)}-{start_year}")
    organisation = Organisation.objects.create(
        slug=code, name=nomination.institution, kind=Organisation.Kind.REGIONAL_CENTRE, country=nomination.host_country
    )
    centre = RegionalCentre.objects.create(
        code=code,
        name=nomination.institution,
        host_country=nomination.host_country,
        city=nomination.city,
        host_institution=nomination.institution,
        organisation=organisation,
        region=nomination.region,
    )
    _endorse(centre, decision, start_year)
    return _move(Nomination, nomination, "endorse", "centres.nomination.endorsed", decision=decision, centre=centre)


def _free_code(base):
    """The first of base, base-2, base-3… that neither a centre nor an organisation uses: two institutions of one
    country can be endorsed in the same year."""
    taken = set(RegionalCentre.objects.filter(code__startswith=base).values_list("code", flat=True))
    taken |= set(Organisation.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    code, n = base, 1
    while code in taken:
        n += 1
        code = f"{base}-{n}"
    return code


@transaction.atomic
def decline_nomination(nomination, *, by, decision, note):
    require(by, "centres.evaluate")
    if not note.strip():
        raise ValidationError({"note": _("Say why the nomination was not endorsed.")})
    return _move(Nomination, nomination, "decline", "centres.nomination.not_endorsed", decision=decision, note=note)


@transaction.atomic
def renew_endorsement(centre, *, by, decision, start_year=None):
    """After its evaluation, the COP renews a centre's endorsement for another four years. The renewal follows
    on from the current term (it starts the year after that term ends, the default) and never overlaps it."""
    require(by, "centres.evaluate")
    if start_year is None:
        latest = centre.endorsements.order_by("-end_year").first()
        if latest is None:
            raise ValidationError({"start_year": _("Give the first year of the term.")})
        start_year = latest.end_year + 1
    return _endorse(centre, decision, start_year)


def _endorse(centre, decision, start_year):
    if decision is None:
        raise ValidationError({"decision": _("Name the COP decision.")})
    if centre.endorsements.filter(start_year=start_year).exists():
        raise ValidationError({"start_year": _("The centre already has an endorsement starting in %s.") % start_year})
    end_year = term_end(start_year)
    overlapping = centre.endorsements.filter(start_year__lte=end_year, end_year__gte=start_year).first()
    if overlapping:
        raise ValidationError(
            {
                "start_year": _(
                    "A term from %(start)s would overlap the term %(from)s–%(until)s: a renewal starts in %(next)s "
                    "at the earliest, the year after that term ends."
                )
                % {
                    "start": start_year,
                    "from": overlapping.start_year,
                    "until": overlapping.end_year,
                    "next": overlapping.end_year + 1,
                }
            }
        )
    endorsement = Endorsement(
        centre=centre,
        decision=decision,
        decision_reference=decision.number,
        start_year=start_year,
        end_year=end_year,
    )
    endorsement.full_clean()
    endorsement._change_reason = "centres.endorsement.recorded"
    endorsement.save()
    return endorsement
