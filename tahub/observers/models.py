"""Observer admission to meetings of the Conference of the Parties (decision SC-2/16).

A body applies once for admission; the Secretariat admits it, asks for more or declines. Bodies admitted (or
exempt: Parties, the UN and its agencies, the IAEA, the GEF, non-Party States) register representatives per
meeting, and the organisation's focal point approves them.
"""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from tahub.core.applications import (
    ApplicationDocumentBase,
    ApplicationMessageBase,
    PrivateLinkApplication,
    state_field,
)
from tahub.core.models import DomainModel, NaturalKeyManager, private_link_token
from tahub.core.rules import on_object
from tahub.core.uploads import DocumentValidator
from tahub.directory.models import Organisation
from tahub.parties.models import Country
from tahub.planning.models import Meeting

PHOTO_MAX_BYTES = 2 * 1024 * 1024


def validate_time_zone(value):
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _("“%(zone)s” is not a time zone name. Use an IANA name, for example Europe/Zurich for Geneva."),
            params={"zone": value},
        ) from None


class ObserverMeeting(DomainModel):
    """A meeting open to observers: a COP meeting (linked to planning's Meeting) or a subsidiary body's."""

    class Body(models.TextChoices):
        COP = "cop", _("Conference of the Parties")
        POPRC = "poprc", _("Persistent Organic Pollutants Review Committee")
        OTHER = "other", _("Other subsidiary body")

    code = models.SlugField(_("code"), max_length=30, unique=True, help_text=_("For example: cop-12 or poprc-21"))
    title = models.CharField(_("title"), max_length=200, help_text=_("For example: Twelfth meeting of the COP"))
    body = models.CharField(_("body"), max_length=10, choices=Body.choices, default=Body.COP)
    meeting = models.ForeignKey(
        Meeting, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("COP meeting")
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    registration_deadline = models.DateField(
        _("registration deadline"), help_text=_("Last day of registration, in the organiser's time zone")
    )
    time_zone = models.CharField(
        _("organiser's time zone"), max_length=60, default="Europe/Zurich",
        help_text=_("IANA name; Geneva is in Europe/Zurich"), validators=[validate_time_zone],
    )  # fmt: skip
    # Raised by every edit on the staff pages (services/meetings.py): an edit from an older version is refused.
    version = models.PositiveIntegerField(default=0, editable=False)

    objects = NaturalKeyManager("code")

    class Meta:
        verbose_name = _("meeting open to observers")
        verbose_name_plural = _("meetings open to observers")
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="observer_meeting_dates"),
        ]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.code,)

    def get_absolute_url(self):
        return reverse("observers:meeting", args=[self.code])

    def registration_open(self, now=None):
        """Open until the end of the deadline day where the organiser is (Geneva), whatever the server's zone."""
        local = (now or timezone.now()).astimezone(ZoneInfo(self.time_zone))
        return local.date() <= self.registration_deadline


class Exemption(DomainModel):
    """Who needs no admission: a category of organisation (UN bodies, the GEF) or one organisation (the IAEA)."""

    kind = models.CharField(_("category"), max_length=30, choices=Organisation.Kind.choices, blank=True)
    organisation = models.ForeignKey(
        Organisation, models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("organisation")
    )
    basis = models.CharField(_("basis"), max_length=200, help_text=_("For example: decision SC-2/16, paragraph 5"))

    class Meta:
        verbose_name = _("exemption from admission")
        verbose_name_plural = _("exemptions from admission")
        ordering = ["kind"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(kind="") & models.Q(organisation__isnull=False))
                | (~models.Q(kind="") & models.Q(organisation__isnull=True)),
                name="exemption_kind_or_organisation",
            ),
            models.UniqueConstraint(fields=["kind"], condition=~models.Q(kind=""), name="exemption_kind_unique"),
            models.UniqueConstraint(fields=["organisation"], name="exemption_organisation_unique"),
        ]

    def __str__(self):
        return str(self.organisation or self.get_kind_display())


class FocalPoint(DomainModel):
    """The person who approves an organisation's representatives at meetings."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+", verbose_name=_("user"))
    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="observer_focal_points", verbose_name=_("organisation")
    )

    class Meta:
        verbose_name = _("observer focal point")
        verbose_name_plural = _("observer focal points")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="observer_focal_point_unique")]

    def __str__(self):
        return f"{self.user} — {self.organisation}"


# Migrations written before private_link_token moved to core name it by this old place.
_new_token = private_link_token


# Who reviews applications for admission (rules.py).
REVIEWER = on_object("observers.review_application")
# Who approves or refuses a proposed representative: the organisation's observer focal point (the permission is
# granted on the organisation, so it is asked on the registration's organisation).
FOCAL_POINT = on_object("observers.approve_registration", of="organisation")


class ObserverApplication(PrivateLinkApplication):
    """A body's one application for admission as an observer; followed by a private link (the token). The review
    is the shared private-link application workflow (core/applications.py)."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        INFO_NEEDED = "info_needed", _("More information needed")
        ADMITTED = "admitted", _("Admitted")
        DECLINED = "declined", _("Declined")

    ACCEPTED, DECLINED = State.ADMITTED, State.DECLINED

    state = state_field(State.choices)
    organisation = models.ForeignKey(
        Organisation, models.PROTECT, null=True, blank=True, related_name="observer_applications",
        verbose_name=_("organisation"),
    )  # fmt: skip
    name = models.CharField(_("name of the body"), max_length=300)
    short_name = models.CharField(_("short name or acronym"), max_length=60, blank=True)
    kind = models.CharField(_("category"), max_length=30, choices=Organisation.Kind.choices)
    country = models.ForeignKey(Country, models.PROTECT, related_name="+", verbose_name=_("country of seat"))
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description of the body"))
    affiliations = models.TextField(_("affiliations"), blank=True)
    programmes = models.TextField(
        _("programmes and activities"),
        help_text=_("Show the body's qualification in matters covered by the Convention."),
    )
    network = models.TextField(_("network or membership"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("submitted by"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("observer application")
        verbose_name_plural = _("observer applications")
        ordering = ["-created_at"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("observers:application_status", args=[self.token])

    # The review (core/applications.py): the Secretariat's steps, and the holder of the private link's answer.

    @transition(state, source=State.SUBMITTED, target=State.INFO_NEEDED, permission=REVIEWER)
    def ask_information(self):
        pass

    @transition(state, source=State.INFO_NEEDED, target=State.SUBMITTED)
    def answer(self):
        """Taken by the holder of the private link (the token), not a signed-in person: no permission."""

    @transition(state, source=State.SUBMITTED, target=State.ADMITTED, permission=REVIEWER)
    def accept(self):
        pass

    @transition(state, source=[State.SUBMITTED, State.INFO_NEEDED], target=State.DECLINED, permission=REVIEWER)
    def decline(self):
        pass


class ApplicationMessage(ApplicationMessageBase):
    """A message between the Secretariat and the applicant about an application for admission."""

    application = models.ForeignKey(ObserverApplication, models.CASCADE, related_name="messages")

    class Meta(ApplicationMessageBase.Meta):
        verbose_name = _("message")
        verbose_name_plural = _("messages")


class ApplicationDocument(ApplicationDocumentBase):
    application = models.ForeignKey(ObserverApplication, models.CASCADE, related_name="documents")
    file = models.FileField(_("document"), upload_to="observers/%Y/", validators=[DocumentValidator()])
    message = models.ForeignKey(
        ApplicationMessage, models.SET_NULL, null=True, blank=True, related_name="documents",
        verbose_name=_("sent with"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        ordering = ["created_at"]


class Registration(ConcurrentTransitionMixin, DomainModel):
    """A representative of an organisation at one meeting; the organisation's focal point approves it."""

    class State(models.TextChoices):
        PROPOSED = "proposed", _("Awaiting the focal point")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused by the focal point")

    meeting = models.ForeignKey(
        ObserverMeeting, models.PROTECT, related_name="registrations", verbose_name=_("meeting")
    )
    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="observer_registrations", verbose_name=_("organisation")
    )
    state = FSMField(_("status"), max_length=20, choices=State.choices, default=State.PROPOSED, protected=True)
    name = models.CharField(_("full name"), max_length=200)
    name_key = models.CharField(max_length=200, editable=False)
    function = models.CharField(_("function"), max_length=200, help_text=_("For example: Policy adviser"))
    photo = models.FileField(
        _("photo for the badge"), upload_to="observers/photos/%Y/",
        validators=[DocumentValidator((".png", ".jpg", ".jpeg"), PHOTO_MAX_BYTES)],
        help_text=_("PNG or JPEG, at most 2 MB."),
    )  # fmt: skip
    nomination_letter = models.FileField(
        _("nomination letter"), upload_to="observers/letters/%Y/", validators=[DocumentValidator((".pdf",))],
        help_text=_("PDF signed by the head of the organisation."),
    )  # fmt: skip
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("registered by")
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("approved by"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("registration of a representative")
        verbose_name_plural = _("registrations of representatives")
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organisation", "name_key"],
                condition=~models.Q(state="refused"),
                name="registration_one_per_representative",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.organisation}, {self.meeting.code})"

    @transition(state, source=State.PROPOSED, target=State.APPROVED, permission=FOCAL_POINT)
    def approve(self):
        pass

    @transition(state, source=State.PROPOSED, target=State.REFUSED, permission=FOCAL_POINT)
    def refuse(self):
        pass
