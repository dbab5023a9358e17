"""Shared arrangements of the observer tests: a meeting, an admitted NGO with its focal point and a member."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tahub.directory.models import Organisation
from tahub.observers.models import FocalPoint, ObserverApplication, ObserverMeeting
from tahub.parties.models import Country
from tests.accounts import cast

PDF = b"%PDF-1.4\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def pdf(name="letter.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def png(name="photo.png"):
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def representative(name="Ana Pereira", **overrides):
    return {"name": name, "function": "Policy adviser", "photo": png(), "nomination_letter": pdf(), **overrides}


def make_meeting(code="cop-13", deadline_days=30, **fields):
    today = timezone.localdate()
    return ObserverMeeting.objects.create(
        code=code,
        title=fields.pop("title", "Thirteenth meeting of the Conference of the Parties"),
        start=today + datetime.timedelta(days=60),
        end=today + datetime.timedelta(days=70),
        registration_deadline=today + datetime.timedelta(days=deadline_days),
        **fields,
    )


def make_ngo(slug="green-ngo", name="Green Chemistry Watch", admitted=True):
    organisation = Organisation.objects.create(
        slug=slug, name=name, kind="ngo", country=Country.objects.get(iso3="UGA"), listed=False
    )
    if admitted:
        ObserverApplication.objects.create(
            organisation=organisation, name=name, kind="ngo", country=organisation.country, description="-",
            programmes="-", contact_name="C", contact_email="c@example.org", state=ObserverApplication.State.ADMITTED,
        )  # fmt: skip
    return organisation


@pytest.fixture
def meeting():
    return make_meeting()


@pytest.fixture
def ngo():
    return make_ngo()


@pytest.fixture
def focal_point(ngo):
    person = cast.member("focal@green.example.org", ngo)
    FocalPoint.objects.create(user=person, organisation=ngo)
    return person


@pytest.fixture
def member(ngo):
    return cast.member("member@green.example.org", ngo)


@pytest.fixture
def staff():
    return cast.staff("reviewer@secretariat.example")
