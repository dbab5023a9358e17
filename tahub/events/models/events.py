"""Events (workshops, trainings, webinars and briefings) and what they are described with: kind, mode, way of
registering, state, languages, time zone and the range of dates an event may lie in.

An event's times are aware datetimes stored in UTC with the IANA time zone of the event beside them; its
local start and end dates are derived on save, so the calendar's month filter and the dates people read are
those of the place (or the organiser), even for an event that crosses midnight UTC. The registration
deadline is a date in that same time zone.
"""

import datetime
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from tahub.core.models import DomainModel
from tahub.core.rules import on_object
from tahub.directory.models import Organisation
from tahub.parties.models import Region
from tahub.planning.models import Decision
from tahub.vocabularies.models import Theme

# The languages an event is held in, by code (the six UN languages): people read the names, never the codes.
LANGUAGE_NAMES = {"en": _("English"), "fr": _("French"), "es": _("Spanish"), "ar": _("Arabic"), "ru": _("Russian"),
                  "zh": _("Chinese")}  # fmt: skip


def language_name(code):
    """The name of a language, in the reader's language: English, not "en"."""
    if code in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[code]
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return code


@cache
def _zone_names():
    return frozenset(available_timezones())


def validate_time_zone(value):
    """An IANA zone name the server knows (Europe/Zurich); not an offset, an abbreviation or a folder name."""
    if value not in _zone_names():
        raise ValidationError(
            _("“%(zone)s” is not a time zone name. Use an IANA name, for example Europe/Zurich for Geneva."),
            params={"zone": value},
        )


FIRST_YEAR = 2000  # before the Convention (adopted 2001): no event of its technical assistance
YEARS_AHEAD = 10  # events are planned a year or two ahead; ten years is room enough
OUT_OF_RANGE = _("Give a date between %(first)s and %(last)s (you gave %(given)s).")

# Who may take each transition (rules.py; core/workflow.py asks it): the Secretariat manages events and their
# participants (registrations.py declares who cancels a place).
MANAGE = on_object("events.manage_events")


def date_range(today=None):
    """The first and last days an event (its start, end and registration deadline) may lie on: a date outside
    (year 1, year 9999) is a typing slip, and near the ends of the calendar a conversion to UTC overflows."""
    today = today or timezone.localdate()
    return datetime.date(FIRST_YEAR, 1, 1), datetime.date(today.year + YEARS_AHEAD, 12, 31)


class Kind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    TRAINING = "training", _("Training")
    WEBINAR = "webinar", _("Webinar")
    BRIEFING = "briefing", _("Briefing")


class Mode(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in-person", _("In person")
    HYBRID = "hybrid", _("Hybrid")


class RegistrationMode(models.TextChoices):
    NOMINATION = "nomination", _("Nomination by Parties")
    OPEN = "open", _("Open registration")


class EventState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class Event(ConcurrentTransitionMixin, DomainModel):
    slug = models.SlugField(_("code"), max_length=80, unique=True, help_text=_("For example: 2024-07-pcb-briefing"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # Per language (title_en, title_fr, ...: events/translation.py); `title` reads the reader's language, else
    # English, else any other.
    title = models.CharField(_("title"), max_length=300, default="")
    description = models.TextField(_("description"), blank=True, default="")
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    time_zone = models.CharField(
        _("time zone of the event"), max_length=60, default="Europe/Zurich", validators=[validate_time_zone],
        help_text=_("IANA name, for example Africa/Nairobi; for an online event, the organiser's"),
    )  # fmt: skip
    # Derived on save from start/end in the event's time zone: what the calendar filters and shows.
    starts_on = models.DateField(_("first day (local)"), editable=False)
    ends_on = models.DateField(_("last day (local)"), editable=False)
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices)
    venue = models.CharField(_("venue"), max_length=300, blank=True, help_text=_("Place and city, when in person"))
    region = models.ForeignKey(
        Region, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("UN regional group")
    )
    languages = models.CharField(
        _("languages"), max_length=60, default="en", help_text=_("Language codes, for example: en;fr;es")
    )
    interpretation = models.CharField(
        _("interpretation"), max_length=200, blank=True, help_text=_("For example: simultaneous English–French")
    )
    organisers = models.ManyToManyField(
        Organisation, related_name="events_organised", verbose_name=_("organisers"), blank=True
    )
    partners = models.ManyToManyField(
        Organisation, related_name="events_partnered", verbose_name=_("partners"), blank=True
    )
    themes = models.ManyToManyField(Theme, related_name="events", verbose_name=_("themes"), blank=True)
    decisions = models.ManyToManyField(Decision, related_name="events", verbose_name=_("decisions served"), blank=True)
    programme_activity = models.ForeignKey(
        "planning.ProgrammeActivity", models.SET_NULL, null=True, blank=True, related_name="events",
        verbose_name=_("plan activity"), help_text=_("The activity of the programme of work this event delivers"),
    )  # fmt: skip
    capacity = models.PositiveIntegerField(_("capacity"), help_text=_("How many participants may be accepted"))
    party_quota = models.PositiveSmallIntegerField(
        _("participants per Party"), default=2, help_text=_("Only for nominations: the most accepted per Party")
    )
    eligible_parties_only = models.BooleanField(
        _("developing and transition Parties only"), default=True,
        help_text=_("Only Parties eligible for assistance under Article 12 may nominate"),
    )  # fmt: skip
    eligible_regions = models.ManyToManyField(
        Region, blank=True, related_name="+", verbose_name=_("regions whose Parties may nominate"),
        help_text=_("Leave empty for every region"),
    )  # fmt: skip
    eligible_roles = models.CharField(
        _("who may be nominated"), max_length=300, blank=True,
        help_text=_("For example: officials of the ministry in charge of chemicals"),
    )  # fmt: skip
    registration_mode = models.CharField(_("registration"), max_length=20, choices=RegistrationMode.choices)
    registration_deadline = models.DateField(
        _("registration deadline"), help_text=_("Last day to nominate or register, in the event's time zone")
    )
    agenda = models.TextField(_("agenda"), blank=True)
    joining_instructions = models.TextField(
        _("joining instructions"), blank=True, help_text=_("Sent to accepted participants only: link, room, visa")
    )
    follow_up_after_days = models.PositiveSmallIntegerField(
        _("follow-up survey after (days)"), default=180, help_text=_("Days after the event")
    )
    state = FSMField(_("status"), max_length=20, choices=EventState.choices, default=EventState.DRAFT, protected=True)
    # Raised by every edit of the content (services.update_event): an edit from an older version is refused.
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start", "slug"]
        indexes = [models.Index(fields=["state", "start"]), models.Index(fields=["state", "starts_on"])]
        constraints = [models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="event_ends_after")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.slug])

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    @property
    def language_list(self):
        return [code for code in self.languages.split(";") if code]

    @property
    def language_names(self):
        return [language_name(code) for code in self.language_list]

    def clean(self):
        first, last = date_range()
        for name in ("start", "end"):
            value = getattr(self, name)
            if value and not first <= value.date() <= last:
                given = value.date().isoformat()
                raise ValidationError({name: OUT_OF_RANGE % {"first": first, "last": last, "given": given}})
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event must end after it starts.")})

    def save(self, *args, **kwargs):
        self.starts_on = self.start.astimezone(self.zone).date()
        self.ends_on = self.end.astimezone(self.zone).date()
        super().save(*args, **kwargs)

    def registration_open(self, now=None):
        """Open until the end of the deadline day in the event's time zone, whatever the server's zone."""
        local = (now or timezone.now()).astimezone(self.zone)
        return self.state == EventState.PUBLISHED and local.date() <= self.registration_deadline

    def follow_up_open(self, now=None):
        local = (now or timezone.now()).astimezone(self.zone).date()
        return (local - self.ends_on).days >= self.follow_up_after_days

    @transition(state, source=EventState.DRAFT, target=EventState.PUBLISHED, permission=MANAGE)
    def publish(self):
        pass

    @transition(state, source=[EventState.DRAFT, EventState.PUBLISHED], target=EventState.CANCELLED, permission=MANAGE)
    def cancel(self):
        pass
