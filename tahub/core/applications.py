"""Private-link applications: anyone applies with documents, follows the application by an unguessable link,
and the Secretariat reviews it — asks for more information, accepts or declines with a reason.

Domain-free. An app declares its application model on `PrivateLinkApplication` (naming its accepted and
declined states, writing out its transitions with who may take them) and one `ReviewProcess` (its audit
reasons, notification and verbs); the review use cases below and the review/status/document views in
`core/application_views.py` serve every such app. The directory's listing requests and the observers'
applications for admission are two of them.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, can_proceed

from .models import DomainModel, private_link_token
from .workflow import move, require_transition

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

    A concrete model declares `state = state_field(State.choices)`, names its outcomes in ACCEPTED and DECLINED
    (e.g. "approved" and "rejected") and writes out its four transitions as its own `@transition` methods
    (django-fsm binds a transition to one model's field), each reviewer's step with its review permission:
    `ask_information` (submitted → info_needed), `answer` (info_needed → submitted: the holder of the private
    link, no permission), `accept` (submitted → ACCEPTED) and `decline` (submitted or info_needed → DECLINED)."""

    ACCEPTED = "accepted"
    DECLINED = "declined"
    OPEN_STATES = OPEN_STATES

    token = models.CharField(max_length=64, unique=True, default=private_link_token, editable=False)
    contact_name = models.CharField(_("your name"), max_length=200)
    contact_email = models.EmailField(_("your e-mail address"))
    reason = models.TextField(_("reason for the decision"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("last reviewed by"),
    )  # fmt: skip
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_open(self):
        return self.state in OPEN_STATES


class ApplicationMessageBase(DomainModel):
    """One message of an application's conversation: from a reviewer (`author`), or from the applicant by the
    private link (`from_applicant`). A concrete model adds the foreign key to its application (named as the
    document's, ReviewProcess.document_field, with related_name="messages"); the files sent with a message are
    the application's documents whose `message` is this one."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("from"),
    )  # fmt: skip
    from_applicant = models.BooleanField(_("from the applicant"), default=False)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    text = models.TextField(_("message"), blank=True)

    class Meta:
        abstract = True
        ordering = ["sent_at", "pk"]

    def __str__(self):
        return self.text[:80]


class ApplicationDocumentBase(DomainModel):
    """A supporting document of an application; a concrete model adds the foreign key to the application, the
    file field and `message` (the message it was sent with; empty for the documents of the submission)."""

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
    message_model: Any
    events: str
    notify: Any
    accept_verb: tuple = ("accept", "accepted")
    decline_verb: tuple = ("decline", "declined")
    not_allowed: Any = NOT_ALLOWED
    labels: dict = field(default_factory=dict)

    def event(self, what):
        return f"{self.events}.{what}"


def add_documents(process, application, documents, message=None):
    """Save each upload as a document of `application` (checked by its model's validators, core/uploads.py),
    sent with `message` if given."""
    for upload in documents:
        document = process.document_model(**{process.document_field: application, "file": upload, "message": message})
        document.full_clean()
        document.save()


def add_message(process, application, *, text, by=None, documents=()):
    """A message of the conversation: from the reviewer `by`, or (None) from the applicant by the private link;
    `documents` are sent with it."""
    message = process.message_model(
        **{process.document_field: application}, author=by, from_applicant=by is None, text=text.strip()
    )
    message.save()
    add_documents(process, application, documents, message=message)
    return message


def _step(process, application, *, action, event, changes, by=None):
    application = move(
        process.model, application, action, by=by, reason=process.event(event), changes=changes,
        not_allowed=process.not_allowed, lock=False,
    )  # fmt: skip
    process.notify(application.pk, process.event(event))
    return application


def _locked(process, application, action, by=None):
    """The application, row-locked; refused unless the transition `action` lets `by` take it (a reviewer's step;
    None: the holder of the private link), then unless its state allows it now."""
    locked = process.model.objects.select_for_update().get(pk=application.pk)
    if by is not None:
        require_transition(by, locked, action)
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
    """A reviewer asks for more; the question is a message of the conversation the applicant reads by the
    private link."""
    locked = _locked(process, application, "ask_information", by)
    if not message.strip():
        raise ValidationError({"message": NO_QUESTION})
    add_message(process, locked, text=message, by=by)
    changes = {"reviewed_by": by}
    return _step(process, locked, action="ask_information", event="information_asked", changes=changes, by=by)


@transaction.atomic
def answer(process, application, *, answer, documents=()):
    """The holder of the private link answers (a message, with the documents it adds); back for review."""
    if not answer.strip() and not documents:
        raise ValidationError({"answer": NO_ANSWER})
    locked = _locked(process, application, "answer")
    add_message(process, locked, text=answer, documents=documents)
    return _step(process, locked, action="answer", event="answered", changes={})


@transaction.atomic
def accept(process, application, *, by, prepare=None):
    """A reviewer accepts. `prepare(locked_application)` does the app's part (e.g. create the directory entry)
    under the row lock and returns more fields to set."""
    locked = _locked(process, application, "accept", by)
    changes = {"reviewed_by": by, "decided_at": timezone.now(), **(prepare(locked) if prepare else {})}
    return _step(process, locked, action="accept", event=process.accept_verb[1], changes=changes, by=by)


@transaction.atomic
def decline(process, application, *, by, reason):
    """A reviewer declines, with the reason the applicant reads (also a message of the conversation)."""
    locked = _locked(process, application, "decline", by)
    if not reason.strip():
        raise ValidationError({"message": NO_REASON})
    add_message(process, locked, text=reason, by=by)
    changes = {"reason": reason, "reviewed_by": by, "decided_at": timezone.now()}
    return _step(process, locked, action="decline", event=process.decline_verb[1], changes=changes, by=by)


def review(process, application, *, by, action, message="", prepare=None):
    """One review decision named by its verb ("ask", or the process's accept or decline verb)."""
    if action == "ask":
        return ask_information(process, application, by=by, message=message)
    if action == process.accept_verb[0]:
        return accept(process, application, by=by, prepare=prepare)
    if action == process.decline_verb[0]:
        return decline(process, application, by=by, reason=message)
    raise ValidationError(_("Unknown decision “%(action)s”.") % {"action": action})


# --- the conversation as it was kept before messages: one text, each step appended ---------------------------

ANSWERED = re.compile(r"^— [^:\n]{1,40}:\s*")  # "— Answer: …", as the thread began an answer (in any language)


def thread_messages(thread, records, documents=()):
    """The messages of a conversation kept as one text, `thread`, told apart as well as the history allows.

    `records` are the application's history records, oldest first, as (thread then, user id, when, change
    reason); `documents` its documents as (id, created_at). Each record that grew the thread sent what it added:
    the applicant's answer when the reason ends in ".answered" (without the "— Answer: " put before it, and with
    the documents saved since the record before), else a reviewer's message (the record's user). What the records
    do not explain stays one message from the Secretariat, so no word of the thread is lost. Returns dicts with
    from_applicant, author_id, sent_at, text and document_ids."""
    messages, seen, previous_when, last_when = [], "", None, None
    for value, user_id, when, reason in records:
        value = value or ""
        if value != seen and value.startswith(seen) and thread.startswith(value):
            added, seen = value[len(seen) :].strip(), value
            applicant = (reason or "").endswith(".answered")
            if applicant:
                added = ANSWERED.sub("", added, count=1)
            ids = [pk for pk, created in documents if applicant and previous_when and previous_when < created <= when]
            messages.append(
                {"from_applicant": applicant, "author_id": None if applicant else user_id, "sent_at": when,
                 "text": added, "document_ids": ids}
            )  # fmt: skip
        previous_when = last_when = when
    rest = thread[len(seen) :].strip()
    if rest:
        messages.append(
            {"from_applicant": False, "author_id": None, "sent_at": last_when, "text": rest, "document_ids": []}
        )
    return messages


def threads_to_messages(apps, app_label, *, application, message, document, field):
    """The data migration of an app's applications: each thread becomes its messages (thread_messages), the
    documents sent with an answer linked to it. `field` names the foreign key of the message and the document."""
    applications = apps.get_model(app_label, application)
    history = apps.get_model(app_label, f"Historical{application}")
    messages, documents = apps.get_model(app_label, message), apps.get_model(app_label, document)
    for item in applications.objects.exclude(message=""):
        records = history.objects.filter(id=item.pk).order_by("history_date", "history_id")
        records = records.values_list("message", "history_user_id", "history_date", "history_change_reason")
        sent = documents.objects.filter(**{field: item}).values_list("pk", "created_at")
        for told in thread_messages(item.message, list(records), list(sent)):
            saved = messages.objects.create(
                **{field: item}, author_id=told["author_id"], from_applicant=told["from_applicant"],
                sent_at=told["sent_at"] or item.updated_at, text=told["text"],
            )  # fmt: skip
            documents.objects.filter(pk__in=told["document_ids"]).update(message=saved)
