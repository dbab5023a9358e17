"""Issue 17.7 (needs): a double click or one's own second upload is not "someone else"; a stale save names who
saved and when; levels and codes are read whatever their case, and in the person's language."""

import pytest
from django.urls import reverse
from django.utils import translation

from tahub.needs import services
from tahub.needs.models import Question
from tahub.needs.selectors import respondents
from tahub.needs.services import answering
from tests.accounts.cast import sign_in

from .test_workbook import download, fill, stored, upload

pytestmark = pytest.mark.django_db


def _page(cycle):
    return reverse("needs:respond", args=[cycle.slug, "needs", "parties", "KEN"])


def test_a_double_click_on_save_saves_once_and_blames_nobody(client, cycle, party_a, contact_a):
    sign_in(client, contact_a)
    data = {"version": "0", "nip-level": "high", "nip-text": "Plan of 2010", "save": ""}

    first = client.post(_page(cycle), data)
    second = client.post(_page(cycle), data)  # the same form, the same version, a moment later

    assert (first.status_code, second.status_code) == (302, 302)
    assert respondents.response_for(cycle, "needs", party_a).version == 1
    assert stored(cycle, party_a) == {"nip-level": "high", "nip-text": "Plan of 2010"}


def test_a_stale_save_by_the_same_person_says_so(client, cycle, party_a, contact_a):
    sign_in(client, contact_a)
    client.post(_page(cycle), {"version": "0", "nip-level": "high", "save": ""})

    page = client.post(_page(cycle), {"version": "0", "nip-level": "low", "save": ""})  # an older tab

    assert page.status_code == 409
    text = page.content.decode()
    assert "You saved this response yourself on" in text and "Someone else" not in text
    assert stored(cycle, party_a) == {"nip-level": "high"}


def test_a_stale_save_names_who_saved_and_when(client, cycle, party_a, contact_a, admin):
    admin.name = "Ana Secretariat"
    admin.save()
    services.save_answers(cycle=cycle, party=party_a, answers={"nip-level": "none"}, by=admin)
    sign_in(client, contact_a)

    page = client.post(_page(cycle), {"version": "0", "nip-level": "low", "save": ""})

    assert page.status_code == 409
    message = str(page.context["form"].non_field_errors())
    assert "Ana Secretariat saved this response on" in message
    last = respondents.response_for(cycle, "needs", party_a).history.latest("history_date").history_date
    assert f"{last:%Y}" in message


def test_re_uploading_ones_own_workbook_is_no_conflict_and_a_changed_one_says_who(client, cycle, party_a, contact_a):
    sign_in(client, contact_a)
    book = download(client, cycle)
    fill(book, {"nip-level": "high"})
    assert upload(client, cycle, book).status_code == 302

    again = upload(client, cycle, book)  # the same file a second time
    assert again.status_code == 302

    fill(book, {"nip-level": "low"})  # the old workbook, changed
    changed = upload(client, cycle, book)
    assert changed.status_code == 400
    problem = str(changed.context["problems"][0])
    assert "You saved this response yourself on" in problem and "Someone else" not in problem
    assert stored(cycle, party_a) == {"nip-level": "high"}


def test_levels_and_codes_in_any_case_are_accepted_from_the_workbook(client, cycle, party_a, contact_a):
    sign_in(client, contact_a)
    book = download(client, cycle)
    fill(book, {"nip-level": "Medium", "inventories-level": " HIGH ", "ddt-level": "None",
                "obstacles": "Funding; DATA"})  # fmt: skip

    reply = upload(client, cycle, book)

    assert reply.status_code == 302, reply.context and reply.context["problems"]
    answers = stored(cycle, party_a)
    assert (answers["nip-level"], answers["inventories-level"], answers["ddt-level"]) == ("medium", "high", "none")
    assert answers["obstacles"] == ["funding", "data"]


def test_a_level_in_the_persons_language_and_a_region_in_lower_case_are_read(cycle):
    questions = Question.objects.filter(questionnaire=cycle.questionnaire)
    level = questions.get(code="nip-level")
    regions = Question.objects.filter(questionnaire=cycle.offers_questionnaire, kind="regions").first()

    with translation.override("fr"):
        words = answering.vocabularies()
        french = answering.clean_value(level, "Moyen", words)
    english = answering.clean_value(level, "Low", answering.vocabularies())

    assert (french.level, english.level) == ("medium", "low")
    assert answering.clean_value(regions, "afr; Grulac", words).regions == frozenset(
        words["regions"][code] for code in ("AFR", "GRULAC")
    )
    with pytest.raises(Exception, match="Choose high"):
        answering.clean_value(level, "urgent", words)
