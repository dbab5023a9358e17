"""Decision SC-2/16, paragraph 5: "the United Nations Offices and Specialized Agencies, the IAEA and the GEF"
need no admission. The exemption follows each body's status in the UN system (data/un_system.csv), not its
directory category: the World Bank, a specialized agency filed as a financial institution, is exempt; an NGO
is not."""

import pytest
from django.core.exceptions import ValidationError

from tahub.directory.models import Organisation
from tahub.observers import selectors, un_system
from tahub.observers.models import Registration
from tests.accounts import cast

from .conftest import make_ngo
from .test_applications import submit
from .test_registrations import register

pytestmark = pytest.mark.django_db

# One body per term of the paragraph: (directory code, name, acronym, the words that cover it).
COVERED = [
    ("unep", "United Nations Environment Programme", "UNEP", "one of the United Nations Offices"),
    ("world-bank", "World Bank", "", "one of the Specialized Agencies of the United Nations"),
    ("fao", "Food and Agriculture Organization of the United Nations", "FAO",
     "one of the Specialized Agencies of the United Nations"),
    ("who", "World Health Organization", "WHO", "one of the Specialized Agencies of the United Nations"),
    ("iaea", "International Atomic Energy Agency", "IAEA", "the International Atomic Energy Agency, named in it"),
    ("gef", "Global Environment Facility", "GEF", "the Global Environment Facility, named in it"),
]  # fmt: skip


@pytest.mark.parametrize("code, name, acronym, covered_as", COVERED)
def test_each_body_of_paragraph_5_is_exempt_and_told_so_when_it_applies(code, name, acronym, covered_as):
    organisation = Organisation.objects.get(slug=code)  # the IAEA too: it is in the directory
    assert selectors.admission_status(organisation) == "exempt"
    assert selectors.admission_statuses([organisation]) == {organisation.pk: "exempt"}
    with pytest.raises(ValidationError) as error:
        submit(name=name, short_name=acronym, kind="igo")
    assert error.value.message_dict["name"] == [
        f"{organisation.name} is exempt from admission under decision SC-2/16, paragraph 5, as {covered_as}: no "
        "application is needed. Its focal point registers its representatives for each meeting."
    ]


def test_the_world_bank_is_exempt_by_its_status_not_its_category(meeting):
    world_bank = Organisation.objects.get(slug="world-bank")
    assert world_bank.kind == "financial-institution"
    assert un_system.standing(world_bank).status == "specialized-agency"
    person = cast.member("focal@worldbank.example.org", world_bank)
    world_bank.observer_focal_points.create(user=person)
    assert register(meeting, world_bank, person).state == Registration.State.APPROVED


def test_an_ngo_is_not_exempt_and_applies():
    ipen = Organisation.objects.get(slug="ipen")
    assert un_system.standing(ipen).exempt is False
    assert selectors.admission_status(ipen) is None
    assert selectors.admission_status(make_ngo("new-ngo", "New NGO", admitted=False)) is None
    application = submit(name="International Pollutants Elimination Network", short_name="IPEN", kind="ngo")
    assert application.organisation == ipen


def test_every_row_of_the_data_file_names_a_directory_body():
    codes = set(un_system.standings())
    assert codes <= set(Organisation.objects.values_list("slug", flat=True))
    assert {"unep", "world-bank", "fao", "who", "iaea", "gef"} <= un_system.exempt_codes()


def test_the_public_page_lists_the_exempt_bodies_with_their_status(client):
    text = client.get("/observers/").content.decode()
    assert "World Bank — Specialized agency of the United Nations (decision SC-2/16, paragraph 5)" in text
    assert "International Atomic Energy Agency — Related organization of the United Nations system" in text


def test_an_exempt_category_is_told_in_a_sentence_that_reads(client):
    """Not "UN specialised agency are exempt": the message is built for any category's label."""
    from .test_pages import application_form

    response = client.post("/observers/apply/", application_form(kind="un-agency"))
    assert response.status_code == 400
    assert (
        "Bodies of the category “UN specialised agency” are exempt from admission (decision SC-2/16): no "
        "application is needed." in response.content.decode()
    )


def test_the_provenance_states_the_files_row_count():
    import re

    text = (un_system.DATA.parent / "PROVENANCE-un-system.md").read_text(encoding="utf-8")
    (stated,) = re.findall(r"## un_system\.csv \((\d+) rows\)", text)
    assert int(stated) == len(un_system.standings())
