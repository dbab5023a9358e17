"""Issue 17.10: the questionnaire page starts short (each section a <details>, the first one open, the others
closed; a section with errors open and saying how many) and its funding section names the cycle's period, not
the years the questionnaire file was written for."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tahub.needs import services
from tahub.needs.forms import section_title
from tahub.needs.models import Question
from tests.accounts.cast import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def later(admin, questionnaire):
    """A cycle for 2029–2032 on the questionnaire whose file names 2026–2029."""
    return services.open_cycle(
        by=admin, slug="needs-2028", title="Needs assessment 2028", period="2029-2032",
        deadline=timezone.localdate() + datetime.timedelta(days=60), questionnaire=questionnaire,
    )  # fmt: skip


def _url(cycle):
    return reverse("needs:respond", args=[cycle.slug, "needs", "parties", "KEN"])


def _sections(html):
    """[(summary text, open)] of the page's sections, in order."""
    found = re.findall(r'<details class="section" id="section-\d+"( open)?>\s*<summary>(.*?)</summary>', html, re.S)
    return [(re.sub(r"<[^>]+>", "", summary).strip(), bool(opened)) for opened, summary in found]


def test_a_section_title_names_the_cycles_period_instead_of_the_files():
    amounts = Question(kind=Question.Kind.AMOUNTS, options={"years": [2026, 2027, 2028, 2029], "sources": []})
    level = Question(kind=Question.Kind.LEVEL)
    title = "Part II: funding needs for the next period (2026-2029)"

    later = section_title(title, [amounts], [2029, 2030, 2031, 2032])
    assert later == "Part II: funding needs for the next period (2029-2032)"
    assert section_title("Funding 2026–2029", [amounts], [2030, 2031]) == "Funding 2030-2031"
    assert section_title(title, [amounts], []) == title  # a cycle whose period is not two years: the file's
    assert section_title("Technical (2026-2029)", [level], [2029, 2030]) == "Technical (2026-2029)"  # no amounts


def test_the_page_opens_with_the_first_section_open_and_the_others_closed(client, later, contact_a):
    html = sign_in(client, contact_a).get(_url(later)).content.decode()

    sections = _sections(html)
    assert len(sections) == 7
    assert [opened for _summary, opened in sections] == [True] + [False] * 6
    assert sections[-1][0] == "Part II: funding needs for the next period (2029-2032)"
    assert "2026-2029" not in html


def test_a_section_with_errors_is_open_and_says_how_many(client, later, contact_a):
    sign_in(client, contact_a)

    page = client.post(
        _url(later),
        {"version": "0", "funding-legal__2029__gef": "-5", "funding-legal__2030__gef": "x", "save": ""},
    )

    sections = _sections(page.content.decode())
    assert [opened for _summary, opened in sections] == [False] * 6 + [True]  # only the one with errors
    assert sections[-1][0].endswith("2 problems")
