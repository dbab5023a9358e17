"""An organisation's logo is answered by its checked view: public while the organisation is listed, for the
Secretariat only when it is not (issue 18.5)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tahub.directory.models import Organisation
from tests.accounts import cast

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def unitar(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    organisation = Organisation.objects.get(slug="unitar")
    organisation.logo = SimpleUploadedFile("unitar-logo.png", PNG, content_type="image/png")
    organisation.save()
    return organisation


def test_a_listed_organisations_logo_is_public_under_its_own_name(client, unitar):
    assert unitar.logo.name != "logos/unitar-logo.png"  # stored under a random folder

    response = client.get("/directory/unitar/logo/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Disposition"] == 'inline; filename="unitar-logo.png"'
    assert 'src="/directory/unitar/logo/"' in client.get("/directory/unitar/").content.decode()


def test_an_unlisted_organisations_logo_is_for_the_secretariat_only(client, unitar):
    unitar.listed = False
    unitar.save()

    assert client.get("/directory/unitar/logo/").status_code == 404
    cast.sign_in(client, cast.contact_point("c@ken.example", "KEN"))
    assert client.get("/directory/unitar/logo/").status_code == 404
    cast.sign_in(client, cast.staff("rc@secretariat.example"), second_factor=True)
    assert client.get("/directory/unitar/logo/").status_code == 200


def test_an_organisation_without_a_logo_has_none(client):
    assert client.get("/directory/unitar/logo/").status_code == 404
