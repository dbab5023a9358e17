"""Applications for admission as an observer, and their review by the Secretariat.

Each step runs in one transaction with the row locked, records a dotted audit reason, and enqueues the
e-mail to the applicant (with the private link to follow the application) for the worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tahub.core import applications
from tahub.directory.models import Organisation

from .. import selectors, un_system
from ..models import ApplicationDocument, ApplicationMessage, Exemption, FocalPoint, ObserverApplication
from ..tasks import task_notify_application

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.core.files.uploadedfile import UploadedFile

    from tahub.accounts.models import User

EXEMPT_KIND = gettext_lazy(
    "Bodies of the category “%(kind)s” are exempt from admission (decision SC-2/16): no application is needed. "
    "Your focal point registers your representatives for each meeting."
)
EXEMPT_BY_STATUS = gettext_lazy(
    "%(name)s is exempt from admission under decision SC-2/16, paragraph 5, as %(covered_as)s: no application "
    "is needed. Its focal point registers its representatives for each meeting."
)
EXEMPT_BY_NAME = gettext_lazy(
    "%(name)s is exempt from admission (%(basis)s): no application is needed. Its focal point registers its "
    "representatives for each meeting."
)
ALREADY_ADMITTED = gettext_lazy(
    "“%(name)s” is already admitted as an observer: it does not apply again. "
    "Its focal point registers its representatives for each meeting."
)
ALREADY_APPLIED = gettext_lazy("An application for “%(name)s” is already being reviewed. Follow it by its link.")
NO_DOCUMENTS = gettext_lazy("Attach at least one supporting document (statutes, reports of activities).")
NOT_ALLOWED = gettext_lazy("An application that is “%(state)s” cannot be changed this way.")


def _matching_organisation(name: str, short_name: str) -> Organisation | None:
    """The directory entry of the applying body, if it has one (same name or acronym, ignoring case)."""
    keys = {slugify(name)} | ({slugify(short_name)} if short_name else set())
    for organisation in Organisation.objects.only("pk", "name", "short_name", "kind"):
        if keys & {slugify(organisation.name), slugify(organisation.short_name or "-")}:
            return organisation
    return None


def _refuse_repeat(data: dict[str, Any], organisation: Organisation | None) -> None:
    """Exempt bodies need no admission (a body of the directory by its status in the UN system, or by name;
    any body by the category it gives); an admitted body never reapplies; one open application per body."""
    reason = selectors.exemption_of(organisation) if organisation is not None else None
    if isinstance(reason, un_system.Standing):
        raise ValidationError({"name": EXEMPT_BY_STATUS % {"name": organisation.name, "covered_as": reason.covered_as}})  # type: ignore[union-attr]  # a reason needs an organisation
    if reason is not None and reason.organisation_id:
        raise ValidationError({"name": EXEMPT_BY_NAME % {"name": organisation.name, "basis": reason.basis}})  # type: ignore[union-attr]
    kinds = {data["kind"]} | ({organisation.kind} if organisation else set())
    exempt_kind = Exemption.objects.filter(kind__in=kinds).order_by("kind").first()
    if exempt_kind is not None:
        raise ValidationError({"kind": EXEMPT_KIND % {"kind": exempt_kind.get_kind_display()}})
    if organisation is not None and selectors.admission_status(organisation) == "admitted":
        raise ValidationError({"name": ALREADY_ADMITTED % {"name": organisation.name}})
    open_applications = ObserverApplication.objects.filter(state__in=ObserverApplication.OPEN_STATES)
    key = slugify(data["name"])
    if (organisation and open_applications.filter(organisation=organisation).exists()) or any(
        slugify(a.name) == key for a in open_applications.only("name")
    ):
        raise ValidationError({"name": ALREADY_APPLIED % {"name": data["name"]}})


def _notify(application_id: int, event: str) -> None:
    task_notify_application.enqueue(application_id=application_id, event=event)


REVIEW = applications.ReviewProcess(
    model=ObserverApplication,
    document_model=ApplicationDocument,
    document_field="application",
    message_model=ApplicationMessage,
    events="observers.application",
    notify=_notify,
    accept_verb=("admit", "admitted"),
    decline_verb=("decline", "declined"),
    not_allowed=NOT_ALLOWED,
    labels={
        "accept": gettext_lazy("Admit: the criteria appear met"),
        "decline": gettext_lazy("Decline"),
        "message": gettext_lazy("Message to the applicant"),
        "message_help": gettext_lazy("Required to ask for more information or to decline."),
    },
)


@transaction.atomic
def submit_application(
    *, data: dict[str, Any], documents: Sequence[UploadedFile], by: User | AnonymousUser | None
) -> ObserverApplication:
    """A body applies once for admission, with supporting documents. It is matched to its directory entry
    when it has one; exempt, already admitted or already applying bodies are refused with what to do instead.
    The applicant gets the private link by e-mail. `by` is the signed-in applicant, or an anonymous user."""
    if not documents:
        raise ValidationError({"documents": NO_DOCUMENTS})
    organisation = _matching_organisation(data["name"], data.get("short_name", ""))
    _refuse_repeat(data, organisation)
    application = ObserverApplication(**data, organisation=organisation)
    application.submitted_by = by if by is not None and by.is_authenticated else None
    return applications.submit(REVIEW, application, documents=documents)


def ask_application_information(application: ObserverApplication, *, by: User, message: str) -> ObserverApplication:
    """Staff ask the applicant for more; the applicant answers through the private link."""
    return applications.ask_information(REVIEW, application, by=by, message=message)


def answer_application(
    application: ObserverApplication, *, answer: str, documents: Sequence[UploadedFile] = ()
) -> ObserverApplication:
    """The applicant (holder of the private link) answers and may add documents; back to review."""
    return applications.answer(REVIEW, application, answer=answer, documents=documents)


def admit_application(application: ObserverApplication, *, by: User) -> ObserverApplication:
    """Staff confirm that the criteria appear met: the body is admitted for all later meetings. A body new to
    TA Hub gets an (unlisted) organisation record; a signed-in applicant becomes its observer focal point."""
    return applications.accept(REVIEW, application, by=by, prepare=_admit)


def _admit(application: ObserverApplication) -> dict[str, Organisation]:
    """Under the application's row lock: the body's organisation record, and its focal point."""
    organisation = application.organisation or _new_organisation(application)
    if application.submitted_by_id:
        FocalPoint.objects.get_or_create(user_id=application.submitted_by_id, organisation=organisation)
    return {"organisation": organisation}


def _new_organisation(application: ObserverApplication) -> Organisation:
    base = slugify(application.short_name or application.name)[:70] or "observer"
    slug, n = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return Organisation.objects.create(
        slug=slug, name=application.name, short_name=application.short_name, kind=application.kind,
        country=application.country, website=application.website, summary=application.description,
        contact_email=application.contact_email, listed=False,
        source=_("observer application of %s") % timezone.localdate().isoformat(),
    )  # fmt: skip


def decline_application(application: ObserverApplication, *, by: User, reason: str) -> ObserverApplication:
    """Staff decline, with the reason the applicant reads."""
    return applications.decline(REVIEW, application, by=by, reason=reason)


def review_application(
    application: ObserverApplication, *, by: User, action: str, message: str = ""
) -> ObserverApplication:
    """One review decision by its verb: "admit", "ask" (for more information) or "decline"."""
    return applications.review(REVIEW, application, by=by, action=action, message=message, prepare=_admit)
