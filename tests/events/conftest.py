"""The cast for event tests: Party A (Kenya) and Party B (Brazil) contact points, staff, and events."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tahub.accounts.models import StaffRole
from tahub.events.models import Event, EventState, Kind, Mode, RegistrationMode
from tahub.vocabularies.models import Theme
from tests.accounts import cast

PDF = b"%PDF-1.4 nomination letter\n%%EOF"


def letter(name="letter.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def make_event(slug="pcb-workshop", *, state=EventState.PUBLISHED, mode=RegistrationMode.NOMINATION, **extra):
    now = timezone.now()
    fields = {
        "kind": Kind.WORKSHOP if mode == RegistrationMode.NOMINATION else Kind.WEBINAR,
        "title_en": f"Workshop {slug}",
        "title_fr": f"Atelier {slug}",
        "description_en": "Managing PCB in electrical equipment.",
        "start": now + datetime.timedelta(days=30),
        "end": now + datetime.timedelta(days=32),
        "time_zone": "Africa/Nairobi",
        "mode": Mode.IN_PERSON,
        "venue": "UN Gigiri, Nairobi",
        "capacity": 10,
        "party_quota": 2,
        "registration_mode": mode,
        "registration_deadline": (now + datetime.timedelta(days=20)).date(),
        "joining_instructions": "Room 4, badge pick-up from 08:00.",
    }
    fields.update(extra)
    event = Event(slug=slug, state=state, **fields)
    event.save()
    event.themes.add(Theme.objects.get(slug="inventories"))
    return event


@pytest.fixture
def event():
    return make_event()


@pytest.fixture
def webinar():
    return make_event("pcb-webinar", mode=RegistrationMode.OPEN, capacity=2)


@pytest.fixture
def party_a():
    return cast.party("KEN")


@pytest.fixture
def party_b():
    return cast.party("BRA")


@pytest.fixture
def contact_a():
    return cast.contact_point("contact@ken.example", "KEN")


@pytest.fixture
def focal_b():
    return cast.contact_point("focal@bra.example", "BRA", cast.ContactPoint.Kind.FOCAL)


@pytest.fixture
def administrator():
    return cast.staff("admin@secretariat.example")


@pytest.fixture
def regional_staff():
    return cast.staff("afr@secretariat.example", StaffRole.Role.REGIONAL_FOCAL_POINT, "AFR")


def login(client, user):
    return cast.sign_in(client, user, second_factor=user.is_staff)
