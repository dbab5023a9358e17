"""Partner organisations: the providers of technical assistance and the members who act for them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import transition

from tahub.core.applications import (
    ApplicationDocumentBase,
    ApplicationMessageBase,
    PrivateLinkApplication,
    state_field,
)
from tahub.core.models import DomainModel, NaturalKeyManager, private_link_token
from tahub.core.rules import on_object
from tahub.core.uploads import DocumentValidator
from tahub.parties.models import Country, Party, Region
from tahub.vocabularies.models import AssistanceType, Theme


class Organisation(DomainModel):
    class Kind(models.TextChoices):
        UN_PROGRAMME = "un-programme", _("UN programme")
        UN_DIVISION = "un-division", _("UN division or branch")
        UN_AGENCY = "un-agency", _("UN specialised agency")
        IGO = "igo", _("Intergovernmental organisation")
        COORDINATION_MECHANISM = "coordination-mechanism", _("Inter-organisation coordination mechanism")
        FINANCIAL_MECHANISM = "financial-mechanism", _("Financial mechanism")
        FINANCIAL_INSTITUTION = "financial-institution", _("Financial institution")
        MEA = "mea", _("Secretariat of another convention")
        BILATERAL = "bilateral", _("Bilateral development agency")
        NGO = "ngo", _("Non-governmental organisation")
        RESEARCH = "research", _("Research or academic institution")
        PRIVATE = "private", _("Private sector")
        REGIONAL_CENTRE = "regional-centre", _("Regional centre")
        OTHER = "other", _("Other")

    slug = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("category"), max_length=30, choices=Kind.choices)
    roles = models.CharField(_("roles"), max_length=300, blank=True, help_text=_("For example: gef-agency;projects"))
    summary = models.TextField(_("summary"), blank=True, default="")  # per language: translation.py
    website = models.URLField(_("website"), blank=True)
    country = models.ForeignKey(
        Country, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("country of seat")
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    logo = models.FileField(
        _("logo"), upload_to="logos/", blank=True, validators=[DocumentValidator((".png", ".jpg", ".jpeg"), 512 * 1024)]
    )
    # What it offers, in the shared vocabularies: the basis for matching providers to requests.
    themes = models.ManyToManyField(Theme, blank=True, related_name="providers", verbose_name=_("themes offered"))
    assistance_types = models.ManyToManyField(
        AssistanceType, blank=True, related_name="providers", verbose_name=_("types of assistance offered")
    )
    regions_served = models.ManyToManyField(
        Region, blank=True, related_name="providers", verbose_name=_("regions served")
    )
    parties_served = models.ManyToManyField(
        Party, blank=True, related_name="providers", verbose_name=_("Parties served")
    )
    languages = models.CharField(
        _("working languages"), max_length=60, blank=True, help_text=_("Language codes, for example: en;fr;es")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    listed = models.BooleanField(_("listed in the public directory"), default=True)
    review_due = models.DateField(
        _("review due"), null=True, blank=True, help_text=_("When the owners are next asked to confirm the entry")
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organisations", verbose_name=_("members")
    )

    objects = NaturalKeyManager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        return reverse("directory:detail", args=[self.slug])

    @property
    def language_list(self):
        return [code for code in self.languages.split(";") if code]

    @property
    def language_names(self):
        """The working languages as names, for people ("English, Arabic"); codes stay in the API."""
        from .labels import language_names

        return language_names(self.language_list)

    @property
    def role_labels(self):
        """The roles as labels, for people ("Guidance, Monitoring"); codes stay in the CSV and the API."""
        from .labels import role_labels

        return role_labels(self.roles)


class Membership(DomainModel):
    """A person who acts for an organisation (a provider, or a regional centre's host)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique")]

    def __str__(self):
        return f"{self.user} — {self.organisation}"


# Migrations written before private_link_token moved to core name it by this old place.
_new_token = private_link_token


# Who reviews listing requests (rules.py).
REVIEWER = on_object("directory.review_listing")


class ListingRequest(PrivateLinkApplication):
    """Anyone may ask to list an organisation, with supporting documents; the Secretariat reviews it.

    The requester follows the request through a private link (the token) sent by e-mail; the review is the
    shared private-link application workflow (core/applications.py)."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        INFO_NEEDED = "info_needed", _("More information needed")
        APPROVED = "approved", _("Approved: listed")
        REJECTED = "rejected", _("Rejected")

    ACCEPTED, DECLINED = State.APPROVED, State.REJECTED

    state = state_field(State.choices)
    name = models.CharField(_("name of the organisation"), max_length=300)
    short_name = models.CharField(_("short name or acronym"), max_length=60, blank=True)
    kind = models.CharField(_("category"), max_length=30, choices=Organisation.Kind.choices)
    country = models.ForeignKey(Country, models.PROTECT, related_name="+", verbose_name=_("country of seat"))
    website = models.URLField(_("website"), blank=True)
    summary = models.TextField(_("what the organisation does in the field of the Convention"))
    themes = models.ManyToManyField(Theme, blank=True, related_name="+", verbose_name=_("themes offered"))
    assistance_types = models.ManyToManyField(
        AssistanceType, blank=True, related_name="+", verbose_name=_("types of assistance offered")
    )
    regions_served = models.ManyToManyField(Region, blank=True, related_name="+", verbose_name=_("regions served"))
    languages = models.CharField(_("working languages"), max_length=60, blank=True, help_text=_("For example: en;fr"))
    publish_contact_email = models.BooleanField(
        _("publish my e-mail address in the directory as the organisation's contact"),
        default=False,
        help_text=_("Without your consent the address is used only to reply to you about this request."),
    )
    organisation = models.ForeignKey(
        Organisation, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("listed as")
    )

    class Meta:
        verbose_name = _("listing request")
        verbose_name_plural = _("listing requests")
        ordering = ["-created_at"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:listing_status", args=[self.token])

    # The review (core/applications.py): the Secretariat's steps, and the holder of the private link's answer.

    @transition(state, source=State.SUBMITTED, target=State.INFO_NEEDED, permission=REVIEWER)
    def ask_information(self):
        pass

    @transition(state, source=State.INFO_NEEDED, target=State.SUBMITTED)
    def answer(self):
        """Taken by the holder of the private link (the token), not a signed-in person: no permission."""

    @transition(state, source=State.SUBMITTED, target=State.APPROVED, permission=REVIEWER)
    def accept(self):
        pass

    @transition(state, source=[State.SUBMITTED, State.INFO_NEEDED], target=State.REJECTED, permission=REVIEWER)
    def decline(self):
        pass


class ListingMessage(ApplicationMessageBase):
    """A message between the Secretariat and the requester about a listing request."""

    listing_request = models.ForeignKey(ListingRequest, models.CASCADE, related_name="messages")

    class Meta(ApplicationMessageBase.Meta):
        verbose_name = _("message")
        verbose_name_plural = _("messages")


class ListingDocument(ApplicationDocumentBase):
    """A supporting document: statutes, proof of work in the field of the Convention."""

    listing_request = models.ForeignKey(ListingRequest, models.CASCADE, related_name="documents")
    file = models.FileField(_("document"), upload_to="listings/%Y/", validators=[DocumentValidator()])
    message = models.ForeignKey(
        ListingMessage, models.SET_NULL, null=True, blank=True, related_name="documents", verbose_name=_("sent with")
    )

    class Meta:
        verbose_name = _("supporting document")
        verbose_name_plural = _("supporting documents")
        ordering = ["created_at"]


class Correction(DomainModel):
    """Someone reports inaccurate information on a directory entry; staff resolve it, with a reply."""

    class Resolution(models.TextChoices):
        CHANGED = "changed", _("Change made")
        NO_CHANGE = "no_change", _("No change")

    organisation = models.ForeignKey(Organisation, models.CASCADE, related_name="corrections")
    reporter_email = models.EmailField(_("your e-mail address"), help_text=_("So that we can reply"))
    text = models.TextField(_("what is inaccurate, and what is right"))
    resolution = models.CharField(_("resolution"), max_length=20, choices=Resolution.choices, blank=True)
    reply = models.TextField(_("reply"), blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+")
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.organisation}: {self.text[:60]}"
