"""The XLSX round-trip: download → fill → upload → the same answers; bad workbooks refused, nothing saved."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from tahub.needs import services, workbook
from tahub.needs.models import Answer, Response
from tahub.needs.selectors import respondents
from tahub.needs.services import answering
from tests.accounts.cast import sign_in

from . import world

pytestmark = pytest.mark.django_db


def urls(cycle, kind="needs", who="parties", key="KEN"):
    args = [cycle.slug, kind, who, key]
    return reverse("needs:workbook", args=args), reverse("needs:upload", args=args)


def download(client, cycle, **kwargs):
    reply = client.get(urls(cycle, **kwargs)[0])
    assert reply.status_code == 200
    assert reply["Content-Type"] == workbook.CONTENT_TYPE
    return load_workbook(io.BytesIO(reply.content))


def upload(client, cycle, book, name="answers.xlsx", **kwargs):
    output = io.BytesIO()
    book.save(output)
    return client.post(urls(cycle, **kwargs)[1], {"workbook": SimpleUploadedFile(name, output.getvalue())})


def fill(book, values):
    """Set column E of the row of each (code) or (code, year, source)."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2, max_col=5):
            if sheet.title in ("tahub", "Instructions"):
                break
            key = (row[0].value, row[1].value, row[2].value)
            for wanted, value in values.items():
                if (wanted if isinstance(wanted, tuple) else (wanted, None, None)) == key:
                    row[4].value = value


def stored(cycle, party):
    response = respondents.response_for(cycle, "needs", party)
    return {a.question.code: answering.raw(a) for a in response.answers.all() if not a.is_empty}


def test_the_workbook_has_a_sheet_per_section_a_hidden_meta_sheet_and_level_lists(client, cycle, contact_a):
    book = download(sign_in(client, contact_a), cycle)

    assert book.sheetnames[1:3] == ["convention-specific", "technical"] and "funding" in book.sheetnames
    meta = dict(row[:2] for row in book["tahub"].iter_rows(values_only=True))
    assert (meta["cycle"], meta["respondent"], meta["questionnaire_version"]) == (cycle.slug, "KEN", 2024)
    assert book["tahub"].sheet_state == "hidden" and book["tahub"].protection.sheet
    lists = [v.formula1 for v in book["technical"].data_validations.dataValidation if v.type == "list"]
    assert lists == ['"high,medium,low,none"']


def test_round_trip_download_fill_upload_gives_the_same_answers(client, cycle, party_a, contact_a):
    sign_in(client, contact_a)
    book = download(client, cycle)
    wanted = {
        **world.complete_answers(cycle, "medium"),
        "ddt-level": "high",
        "nip-rank": 1,
        "obstacles": "funding; data",
        ("funding-legal", 2026, "gef"): 2500.5,
        ("funding-legal", 2028, "domestic"): 100,
    }
    fill(book, wanted)

    reply = upload(client, cycle, book)

    assert reply.status_code == 302, reply.context and reply.context["problems"]
    answers = stored(cycle, party_a)
    assert answers["ddt-level"] == "high" and answers["inventories-level"] == "medium"
    assert (answers["nip-rank"], answers["obstacles"], answers["nip-text"]) == (
        1,
        ["funding", "data"],
        "Our plan dates from 2010.",
    )
    assert answers["funding-legal"] == [
        {"year": 2026, "source": "gef", "amount": Decimal("2500.50")},
        {"year": 2028, "source": "domestic", "amount": Decimal("100.00")},
    ]
    # Download again: the workbook holds exactly what was uploaded; uploading it unchanged changes nothing.
    again = download(client, cycle)
    before = stored(cycle, party_a)
    assert upload(client, cycle, again).status_code == 302
    assert stored(cycle, party_a) == before


def test_the_workbook_is_prefilled_from_the_previous_cycle(client, cycle, party_a, contact_a, admin, questionnaire):
    import datetime

    earlier = services.open_cycle(
        by=admin,
        slug="needs-2024",
        title="2024",
        period="2022-2025",
        deadline=cycle.deadline - datetime.timedelta(days=700),
        questionnaire=questionnaire,
    )
    Response.objects.create(cycle=earlier, party=party_a, state="submitted").answers.create(
        question=questionnaire.questions.get(code="ddt-level"), level="low"
    )
    book = download(sign_in(client, contact_a), cycle)

    levels = {row[0]: row[4] for row in book["convention-specific"].iter_rows(min_row=2, values_only=True)}
    assert levels["ddt-level"] == "low"
    assert dict(row[:2] for row in book["tahub"].iter_rows(values_only=True))["cycle"] == cycle.slug


def _refused(reply, *fragments):
    assert reply.status_code == 400
    text = " ".join(str(p) for p in reply.context["problems"]) or str(reply.context["form"].errors)
    for fragment in fragments:
        assert fragment in text, text
    assert Answer.objects.count() == 0


def test_a_value_outside_the_scale_and_a_formula_are_named_by_sheet_row_and_column(client, cycle, contact_a):
    sign_in(client, contact_a)
    book = download(client, cycle)
    fill(book, {"nip-level": "urgent", "inventories-level": "=1+1", "ddt-level": "high"})

    reply = upload(client, cycle, book)

    _refused(
        reply,
        "Sheet “convention-specific”, row 2, column E: Choose high",
        "Sheet “technical”, row 2, column E: Formulas",
    )


def test_a_renamed_sheet_is_refused(client, cycle, contact_a):
    sign_in(client, contact_a)
    book = download(client, cycle)
    book["technical"].title = "Technique"

    _refused(upload(client, cycle, book), "The sheet “technical” is missing")


def test_a_workbook_of_another_party_or_cycle_is_refused(client, cycle, admin, party_a):
    sign_in(client, admin, second_factor=True)
    brazil = download(client, cycle, key="BRA")
    _refused(upload(client, cycle, brazil), "for respondent “BRA”, not “KEN”")

    other = download(client, cycle)
    meta = other["tahub"]
    meta["B1"] = "needs-2020"
    _refused(upload(client, cycle, other), "for cycle “needs-2020”")


def test_a_non_xlsx_and_a_50_mb_file_are_refused_before_parsing(client, cycle, contact_a):
    sign_in(client, contact_a)
    url = urls(cycle)[1]

    disguised = client.post(url, {"workbook": SimpleUploadedFile("answers.xlsx", b"MZ\x90\x00 not a workbook")})
    huge = client.post(url, {"workbook": SimpleUploadedFile("answers.xlsx", b"PK\x03\x04" + b"0" * (50 * 1024 * 1024))})
    text = client.post(url, {"workbook": SimpleUploadedFile("answers.csv", b"nip-level,high")})

    _refused(disguised, "not a real XLSX file")
    _refused(huge, "the limit is 5.0")
    _refused(text, "files of this type are not accepted")


def test_a_zip_that_is_not_a_workbook_is_refused(client, cycle, contact_a):
    import zipfile

    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("hello.txt", "hello")
    reply = sign_in(client, contact_a).post(
        urls(cycle)[1], {"workbook": SimpleUploadedFile("a.xlsx", output.getvalue())}
    )

    _refused(reply, "not an Excel workbook")


def test_an_upload_over_answers_saved_since_the_download_is_refused(client, cycle, party_a, contact_a, admin):
    sign_in(client, contact_a)
    book = download(client, cycle)
    services.save_answers(cycle=cycle, party=party_a, answers={"nip-level": "none"}, by=admin)
    fill(book, {"nip-level": "high"})

    reply = upload(client, cycle, book)

    assert reply.status_code == 400 and "admin@example.org saved this response on" in str(reply.context["problems"][0])
    assert Answer.objects.get().level == "none"


def test_an_organisation_round_trips_its_offers(client, cycle, unitar, unitar_member):
    sign_in(client, unitar_member)
    kwargs = {"kind": "offers", "who": "organisations", "key": "unitar"}
    book = download(client, cycle, **kwargs)
    fill(book, {"nip-offer": "training; workshop", "regions": "AFR", "languages": "fr"})

    assert upload(client, cycle, book, **kwargs).status_code == 302
    response = respondents.response_for(cycle, "offers", unitar)
    answers = {a.question.code: answering.raw(a) for a in response.answers.all() if not a.is_empty}
    assert answers == {"nip-offer": ["training", "workshop"], "regions": ["AFR"], "languages": ["fr"]}


def test_another_partys_people_get_404_for_the_workbook(client, cycle, focal_b):
    sign_in(client, focal_b)

    assert client.get(urls(cycle)[0]).status_code == 404
    assert client.get(urls(cycle)[1]).status_code == 404
