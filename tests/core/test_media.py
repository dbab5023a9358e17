"""Uploaded files are answered only by their permission-checked views, in every mode, and are stored under
random, unguessable folders (issue 18.5)."""

import importlib
import re

import pytest
from django.apps import apps
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import clear_url_caches, get_resolver

from tahub.assistance import services
from tahub.core.uploads import UploadStorage
from tests.accounts import cast
from tests.assistance.conftest import complete_data

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
RANDOM_FOLDER = r"[A-Za-z0-9_-]{22}"

# Every file field, and the view that serves it after checking who asks (None: no view serves it at all, so the
# file can only be read by staff on the server — never through a URL).
SERVED_BY = {
    ("assistance", "attachment", "file"): "assistance:attachment",
    ("assistance", "deliveryreport", "document"): None,
    ("centres", "workplan", "document"): "centres:work_plan_document",
    ("centres", "activity", "evidence"): "centres:activity_evidence",
    ("centres", "nomination", "dossier"): "centres_staff:nomination_dossier",
    ("directory", "organisation", "logo"): "directory:logo",
    ("directory", "listingdocument", "file"): "directory_staff:document",
    ("events", "material", "file"): "events:material",
    ("events", "registration", "letter"): "events:letter",
    ("observers", "applicationdocument", "file"): "observers_staff:document",
    ("observers", "registration", "photo"): "observers:registration_file",
    ("observers", "registration", "nomination_letter"): "observers:registration_file",
}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def attachment(media):
    contact = cast.contact_point("contact.a@example.org", cast.PARTY_A)
    ta_request = services.create_request(party=cast.party(cast.PARTY_A), by=contact, data=complete_data())
    upload = SimpleUploadedFile("terms.pdf", PDF, content_type="application/pdf")
    return services.add_attachment(ta_request, by=contact, upload=upload), contact


@pytest.fixture
def debug_urls(settings):
    """The URL configuration as `make run` builds it (DEBUG=true)."""
    import tahub.urls

    settings.DEBUG = True
    importlib.reload(tahub.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(tahub.urls)
    clear_url_caches()


def test_an_upload_is_stored_in_a_random_folder_under_its_own_name(attachment):
    stored, contact = attachment

    assert re.fullmatch(rf"requests/\d{{4}}/{RANDOM_FOLDER}/terms\.pdf", stored.file.name), stored.file.name
    assert default_storage.exists(stored.file.name)
    second = services.add_attachment(
        stored.request, by=contact, upload=SimpleUploadedFile("terms.pdf", PDF, content_type="application/pdf")
    )
    assert second.file.name.rsplit("/", 1)[-1] == "terms.pdf"
    assert second.file.name.split("/")[2] != stored.file.name.split("/")[2]


def test_a_long_name_still_fits_the_field(media):
    name = UploadStorage().generate_filename("observers/letters/2026/" + "n" * 120 + ".pdf")
    assert re.fullmatch(rf"observers/letters/2026/{RANDOM_FOLDER}/n+\.pdf", name)
    saved = default_storage.save(name, SimpleUploadedFile("x.pdf", PDF), max_length=100)
    assert len(saved) <= 100 and saved.endswith(".pdf")


def test_no_media_route_even_in_debug_mode(client, attachment, debug_urls):
    stored, _ = attachment

    response = client.get("/media/" + stored.file.name)

    assert response.status_code == 404
    assert b"%PDF" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_the_checked_view_serves_the_file_under_its_own_name(client, attachment):
    stored, contact = attachment
    url = f"/requests/{stored.request.reference}/attachments/{stored.pk}/"

    assert client.get(url).status_code in (302, 404)  # the public: sent to sign in, never the file
    cast.sign_in(client, cast.contact_point("contact.b@example.org", cast.PARTY_B))
    assert client.get(url).status_code == 404  # another Party
    cast.sign_in(client, contact)
    response = client.get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"] == 'attachment; filename="terms.pdf"'


def test_every_file_field_is_stored_by_the_upload_storage_and_listed_with_its_view():
    fields = {
        (model._meta.app_label, model._meta.model_name, field.name): field
        for model in apps.get_models()
        if not model._meta.app_label.startswith(("django", "allauth", "axes"))
        and not model.__name__.startswith("Historical")
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    }

    assert set(fields) == set(SERVED_BY)
    assert isinstance(default_storage._wrapped, UploadStorage)
    for key, field in fields.items():
        assert field.storage is default_storage, key
    resolver = get_resolver()
    for view in filter(None, SERVED_BY.values()):
        namespace, name = view.split(":")
        assert name in resolver.namespace_dict[namespace][1].reverse_dict, view
