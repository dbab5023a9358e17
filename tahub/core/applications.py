"""Private-link applications: anyone applies with documents, follows the application by an unguessable link,
and the Secretariat reviews it — asks for more information, accepts or declines with a reason.

Domain-free. An app declares its application model on `PrivateLinkApplication` (naming its accepted and
declined states) and one `ReviewProcess` (its permission, audit reasons, notification and verbs); the review
use cases below and the review/status/document views in `core/application_views.py` serve every such app.
The directory's listing requests and the observers' applications for admission are two of them.
"""

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, can_proceed, transition

from .models import DomainModel, private_link_token
from .workflow import move

SUBMITTED, INFO_NEEDED = "submitted", "info_needed"
OPEN_STATES = (SUBMITTED, INFO_NEEDED)

NO_DOCUMENTS = _("Attach at least one supporting document.")
NO_QUESTION = _("Say what information is needed.")
NO_ANSWER = _("Write your answer or attach a document.")
NO_REASON = _("Give the reason; the requester will read it.")
NOT_ALLOWED = _("An application that is “%(state)s” cannot be changed this way.")


def state_field(choices):
    """The `state` of a private-link application, protected: only the declared transitions move it."""
    return FSMField(_("status"), max_length=20, choices=choices, default=SUBMITTED, protected=True)


class PrivateLinkApplication(ConcurrentTransitionMixin, DomainModel):
    """Submitted → (more information needed ↔ submitted) → accepted | declined, followed by `token`.

    A concrete model declares `state = state_field(State.choices)` and names its outcomes in ACCEPTED and
    DECLINED (e.g. "approved" and "rejected"). The transitions are declared once, in TRANSITIONS, and put on
    each concrete model as its own methods (django-fsm binds a transition method to one model's field)."""

    ACCEPTED = "accepted"
    DECLINED = "declined"
    OPEN_STATES = OPEN_STATES
    # name → (source states, target state or the name of the class attribute that holds it)
    TRANSITIONS = {
        "ask_information": ([SUBMITTED], INFO_NEEDED),
        "answer": ([INFO_NEEDED], SUBMITTED),
        "accept": ([SUBMITTED], "ACCEPTED"),
        "decline": ([SUBMITTED, INFO_NEEDED], "DECLINED"),
    }

    token = models.CharField(max_length=64, unique=True, default=private_link_token, editable=False)
    contact_name = models.CharField(_("your name"), max_length=200)
    contact_email = models.EmailField(_("your e-mail address"))
    message = models.TextField(_("messages"), blank=True)
    reason = models.TextField(_("reason for the decision"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("last reviewed by"),
    )  # fmt: skip
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        abstract = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for name, (sources, target) in cls.TRANSITIONS.items():
            setattr(cls, name, _declared(name, sources, getattr(cls, target, target)))

    @property
    def is_open(self):
        return self.state in OPEN_STATES


def _declared(name, sources, target):
    def step(self):
        pass

    step.__name__ = step.__qualname__ = name
    return transition("state", source=sources, target=target)(step)


class ApplicationDocumentBase(DomainModel):
    """A supporting document of an application; a concrete model adds the foreign key and the file field."""

    class Meta:
        abstract = True

    def __str__(self):
        return self.file.name.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class ReviewProcess:
    """How one app's applications are reviewed: who reviews, what each step is called and who is told.

    `events` prefixes the audit reasons ("directory.listing" → "directory.listing.information_asked");
    `verbs` names the accept and decline steps (("approve", "approved"), ("reject", "rejected")) in forms,
    the API and the audit; `notify(application_id, event)` enqueues the e-mail to the applicant."""

    model: Any
    document_model: Any
    document_field: str
    permission: str
    refusal: Any
    events: str
    notify: Any
    accept_verb: tuple = ("accept", "accepted")
    decline_verb: tuple = ("decline", "declined")
    not_allowed: Any = NOT_ALLOWED
    labels: dict = field(default_factory=dict)

    def event(self, what):
        return f"{self.events}.{what}"

    def check_reviewer(self, by):
        if not by.has_perm(self.permission):
            raise PermissionDenied(self.refusal)


def _append(thread, text):
    return f"{thread}\n\n{text}".strip()


def add_documents(process, application, documents):
    for upload in documents:
        document = process.document_model(**{process.document_field: application, "file": upload})
        document.full_clean()
        document.save()


def _step(process, application, *, action, event, changes):
    application = move(
        process.model, application, action, reason=process.event(event), changes=changes,
        not_allowed=process.not_allowed, lock=False,
    )  # fmt: skip
    process.notify(application.pk, process.event(event))
    return application


def _locked(process, application, action):
    locked = process.model.objects.select_for_update().get(pk=application.pk)
    if not can_proceed(getattr(locked, action)):
        raise ValidationError(process.not_allowed % {"state": locked.get_state_display()})
    return locked


@transaction.atomic
def submit(process, application, *, documents, m2m=None):
    """Save a new application (validated, state "submitted") with its documents (at least one); the applicant
    is sent the private link. `m2m` sets many-to-many fields after the save."""
    if not documents:
        raise ValidationError({"documents": NO_DOCUMENTS})
    application.full_clean(exclude=["state"])
    application._change_reason = process.event("submitted")
    application.save()
    for name, values in (m2m or {}).items():
        getattr(application, name).set(values or [])
    add_documents(process, application, documents)
    process.notify(application.pk, process.event("submitted"))
    return application


@transaction.atomic
def ask_information(process, application, *, by, message):
    """A reviewer asks for more; the question joins the thread the applicant reads by the private link."""
    process.check_reviewer(by)
    if not message.strip():
        raise ValidationError({"message": NO_QUESTION})
    locked = _locked(process, application, "ask_information")
    changes = {"message": _append(locked.message, message), "reviewed_by": by}
    return _step(process, locked, action="ask_information", event="information_asked", changes=changes)


@transaction.atomic
def answer(process, application, *, answer, documents=()):
    """The holder of the private link answers, may add documents; the application is back for review."""
    if not answer.strip() and not documents:
        raise ValidationError({"answer": NO_ANSWER})
    locked = _locked(process, application, "answer")
    add_documents(process, locked, documents)
    changes = {"message": _append(locked.message, f"— {_('Answer')}: {answer}")}
    return _step(process, locked, action="answer", event="answered", changes=changes)


@transaction.atomic
def accept(process, application, *, by, prepare=None):
    """A reviewer accepts. `prepare(locked_application)` does the app's part (e.g. create the directory entry)
    under the row lock and returns more fields to set."""
    process.check_reviewer(by)
    locked = _locked(process, application, "accept")
    changes = {"reviewed_by": by, "decided_at": timezone.now(), **(prepare(locked) if prepare else {})}
    return _step(process, locked, action="accept", event=process.accept_verb[1], changes=changes)


@transaction.atomic
def decline(process, application, *, by, reason):
    """A reviewer declines, with the reason the applicant reads."""
    process.check_reviewer(by)
    if not reason.strip():
        raise ValidationError({"message": NO_REASON})
    locked = _locked(process, application, "decline")
    changes = {"message": _append(locked.message, reason), "reason": reason, "reviewed_by": by,
               "decided_at": timezone.now()}  # fmt: skip
    return _step(process, locked, action="decline", event=process.decline_verb[1], changes=changes)


def review(process, application, *, by, action, message="", prepare=None):
    """One review decision named by its verb ("ask", or the process's accept or decline verb)."""
    if action == "ask":
        return ask_information(process, application, by=by, message=message)
    if action == process.accept_verb[0]:
        return accept(process, application, by=by, prepare=prepare)
    if action == process.decline_verb[0]:
        return decline(process, application, by=by, reason=message)
    raise ValidationError(_("Unknown decision “%(action)s”.") % {"action": action})
