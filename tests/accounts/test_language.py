"""A person's language: the switch, used signed in, is kept by their account and follows them to another browser;
their account page changes it; an invitation in Spanish is e-mailed in Spanish and makes a Spanish account."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tahub.accounts import emails, invitations, services
from tahub.accounts.models import Invitation, User
from tahub.parties.models import ContactPoint

from . import cast

pytestmark = pytest.mark.django_db

PARTIES_H1 = "Parties to the Stockholm Convention"


def in_language(code, english):
    with translation.override(code):
        return gettext(english)


def h1(response):
    return re.search(r"<h1>(.*?)</h1>", response.content.decode(), re.S).group(1).strip()


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def sign_in_with_password(client, email):
    response = client.post(reverse("account_login"), {"login": email, "password": cast.PASSWORD})
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_language_chosen_signed_in_follows_the_person_to_another_browser(official_a):
    first = Client()
    sign_in_with_password(first, official_a.email)
    first.post("/i18n/setlang/", {"language": "es", "next": "/"})
    official_a.refresh_from_db()
    assert official_a.language == "es"
    first.post(reverse("account_logout"))

    other = Client(headers={"accept-language": "en-GB,en;q=0.9"})  # a new browser, with no cookie, in English
    assert html_lang(other.get("/parties/")) == "en"
    sign_in_with_password(other, official_a.email)
    response = other.get("/parties/")
    assert html_lang(response) == "es"
    assert h1(response) == in_language("es", PARTIES_H1) != PARTIES_H1


def test_the_account_language_wins_over_the_cookie_of_the_browser(client, official_a):
    official_a.language = "ru"
    official_a.save()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    cast.sign_in(client, official_a)
    assert html_lang(client.get("/parties/")) == "ru"


def test_the_account_page_shows_and_changes_the_preferred_language(client, official_a):
    cast.sign_in(client, official_a)
    page = client.get(reverse("accounts:profile"))
    assert page.status_code == 200
    body = page.content.decode()
    assert '<option value="" selected>' in body  # no preference yet
    # each language named in itself, then in the reader's language when that differs
    assert '<option value="en">English</option>' in body
    assert '<option value="es">español (Spanish)</option>' in body
    assert '<option value="ar">العربيّة (Arabic)</option>' in body

    response = client.post(reverse("accounts:profile"), {"name": "Amina Odhiambo", "language": "es"}, follow=True)

    official_a.refresh_from_db()
    assert (official_a.name, official_a.language) == ("Amina Odhiambo", "es")
    assert html_lang(response) == "es"
    assert in_language("es", "Your account is saved.") in response.content.decode()
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"  # kept after signing out
    assert '<option value="es" selected>español</option>' in response.content.decode()  # named once in Spanish


def test_the_account_page_refuses_a_language_not_offered_next_to_the_field(client, official_a):
    official_a.language = "fr"
    official_a.save()
    cast.sign_in(client, official_a)

    response = client.post(reverse("accounts:profile"), {"name": "X", "language": "xx"})

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["language"]
    official_a.refresh_from_db()
    assert (official_a.name, official_a.language) == ("", "fr")


def test_no_preference_leaves_the_language_to_the_switch(client, official_a):
    official_a.language = "ar"
    official_a.save()
    cast.sign_in(client, official_a)
    client.post(reverse("accounts:profile"), {"name": "", "language": ""})
    official_a.refresh_from_db()
    assert official_a.language == ""
    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    assert html_lang(client.get("/parties/")) == "fr"


def test_an_invitation_in_spanish_is_emailed_in_spanish_and_makes_a_spanish_account(client, admin_user, mailoutbox):
    invitation = services.invite_contact_point(
        email="nuevo@ministerio.example",
        party=cast.party(cast.PARTY_A),
        kind=ContactPoint.Kind.OFFICIAL,
        by=admin_user,
        language="es",
    )
    assert invitation.language == "es"

    emails.send_invitation(invitation)  # what task_send_invitation does in the worker

    (message,) = mailoutbox
    assert message.extra_headers["Content-Language"] == "es"
    with translation.override("es"):
        assert message.subject == gettext("TA Hub: you are invited to act for %(party)s") % {"party": "Kenya"}
        assert gettext("To accept, choose your password here:") in message.body
    assert gettext("To accept, choose your password here:") not in message.body  # not the English

    token = invitations.make_token(invitation)
    url = reverse("accounts:accept_invitation", args=[invitations.encode_id(invitation), token])
    page = client.get(url, headers={"accept-language": "en-GB,en;q=0.9"})  # the link, opened in an English browser
    assert (html_lang(page), h1(page)) == ("es", in_language("es", "Accept the invitation"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"  # a language they chose on this browser wins
    assert html_lang(client.get(url)) == "fr"
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    password = "kilimanjaro-sunrise-42"
    assert client.post(url, {"name": "Ana", "password1": password, "password2": password}).status_code == 302
    user = User.objects.get(email="nuevo@ministerio.example")
    assert user.language == "es"
    client.force_login(user, backend="tahub.accounts.backends.PasswordBackend")
    assert html_lang(client.get("/parties/")) == "es"


def test_the_invite_page_offers_the_six_languages_and_saves_the_choice(client, admin_user):
    cast.sign_in(client, admin_user, second_factor=True)
    url = reverse("accounts:invite_contact_point")
    body = client.get(url).content.decode()
    for code, _name in settings.LANGUAGES:
        assert f'<option value="{code}"' in body
    party = cast.party(cast.PARTY_B)
    data = {"email": "novo@ministerio.example", "party": party.pk, "kind": ContactPoint.Kind.OFFICIAL}
    assert client.post(url, {**data, "language": "xx"}).context["form"].errors.keys() == {"language"}
    assert not Invitation.objects.exists()
    assert client.post(url, {**data, "language": "ar"}).status_code == 302
    assert Invitation.objects.get().language == "ar"


def test_the_service_refuses_an_invitation_language_not_offered(admin_user):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.invite_contact_point(
            email="x@ministry.example", party=cast.party(cast.PARTY_A), kind="official", by=admin_user, language="xx"
        )
    assert list(error.value.error_dict) == ["language"]
    assert not Invitation.objects.exists()
