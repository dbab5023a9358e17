"""An organisation member's dashboard and navigation show what their organisation does: "Assigned to us" where it
delivers assistance (saying what the section is for while it is empty), "Our pledges" where it gives."""

import lxml.html
import pytest
from django.urls import reverse

from tahub.directory.models import Organisation
from tahub.funding.models import Donor
from tahub.vocabularies.models import Theme
from tests.accounts import cast

pytestmark = pytest.mark.django_db

EMPTY_ASSIGNED = "When the Secretariat asks your organisation to deliver assistance"


def _organisation(slug, kind, **extra):
    return Organisation.objects.create(slug=slug, name=slug.title(), kind=kind, **extra)


def _my_work(client, person):
    cast.sign_in(client, person)
    page = lxml.html.fromstring(client.get(reverse("dashboard:home")).content.decode())
    (mine,) = page.xpath('//nav[@aria-label="Main"]//li[span[@id="nav-mine"]]')
    links = {" ".join(a.text_content().split()): a.get("href") for a in mine.iter("a")}
    return page, links


def test_a_donors_member_has_our_pledges_in_the_navigation_and_no_empty_assigned_section(client):
    agency = _organisation("dev-agency", Organisation.Kind.BILATERAL)
    Donor.objects.create(kind=Donor.Kind.ORGANISATION, organisation=agency, email="funds@agency.example")
    page, links = _my_work(client, cast.member("officer@agency.example", agency))
    assert links["Our pledges"] == reverse("funding:our_pledges")
    assert not page.xpath('//section[@id="assigned"]')
    assert page.xpath('//section[@id="pledges"]')


def test_a_providers_member_sees_what_assigned_to_us_is_for_and_no_pledges_link(client):
    lab = _organisation("pops-lab", Organisation.Kind.RESEARCH)
    lab.themes.add(Theme.objects.order_by("pk").first())
    page, links = _my_work(client, cast.member("analyst@lab.example", lab))
    (section,) = page.xpath('//section[@id="assigned"]')
    assert EMPTY_ASSIGNED in section.text_content()
    assert "Our pledges" not in links


def test_a_regional_centres_member_sees_assigned_to_us(client):
    centre = _organisation("brc-test", Organisation.Kind.REGIONAL_CENTRE)
    page, _links = _my_work(client, cast.member("staff@brc.example", centre))
    assert page.xpath('//section[@id="assigned"]')


def test_an_organisation_that_neither_gives_nor_delivers_has_neither(client):
    body = _organisation("watch-ngo", Organisation.Kind.NGO)
    page, links = _my_work(client, cast.member("someone@ngo.example", body))
    assert not page.xpath('//section[@id="assigned"]') and "Our pledges" not in links
