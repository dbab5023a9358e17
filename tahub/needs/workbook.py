"""The questionnaire as an XLSX workbook and back: download pre-filled, fill offline, upload.

One sheet per section (named by the section's code), one row per question (an amounts question: one row per
year and source); the answer goes in column E. A hidden, protected sheet "tahub" names the cycle, the kind,
the respondent, the questionnaire version and the response version the workbook was made from, so that a
workbook of another cycle or respondent is refused, and an upload over answers saved since is refused too.

The upload is checked whole before anything is written; every problem names its sheet, row and column; the
answers are then saved by one `services.save_answers` call (one transaction): all or nothing.
"""

import io
import zipfile
from dataclasses import dataclass
from itertools import groupby

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, Protection
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from tahub.core.exports import FORMULA_STARTS, spreadsheet_safe
from tahub.core.workflow import Stale
from tahub.parties.models import Party

from . import services
from .models import Level, Question
from .selectors import respondents
from .services import answering

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
META = "tahub"
MAX_BYTES = 5 * 1024 * 1024
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 5000
COLUMNS = ("code", "year", "source", "question", "answer", "allowed")
ANSWER_COLUMN = "E"
LIST_KINDS = (Question.Kind.OBSTACLES, Question.Kind.LANGUAGES, Question.Kind.OFFER, Question.Kind.REGIONS)


@dataclass
class Problem:
    sheet: str
    row: int | None
    column: str
    message: str

    def __str__(self):
        if self.row is None:
            return _("Sheet “%(sheet)s”: %(message)s") % {"sheet": self.sheet, "message": self.message}
        return _("Sheet “%(sheet)s”, row %(row)d, column %(column)s: %(message)s") % vars(self)


class WorkbookError(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def respondent_key(respondent):
    return respondent.country.iso3 if isinstance(respondent, Party) else f"organisation:{respondent.slug}"


def filename(cycle, kind, respondent):
    return f"{cycle.slug}-{kind}-{respondent_key(respondent).replace('organisation:', '')}.xlsx"


def _allowed(question, words):
    kind = question.kind
    if kind == Question.Kind.LEVEL:
        return ", ".join(Level.values)
    if kind == Question.Kind.RANK:
        return _("a whole number from 1")
    if kind == Question.Kind.OBSTACLES:
        return "; ".join(c["code"] for c in question.options["choices"])
    if kind == Question.Kind.LANGUAGES:
        return "; ".join(answering.LANGUAGES)
    if kind == Question.Kind.OFFER:
        return "; ".join(words["types"])
    if kind == Question.Kind.REGIONS:
        return "; ".join(words["regions"])
    if kind == Question.Kind.AMOUNTS:
        return _("an amount in %s, at least 0") % question.options.get("currency", "USD")
    return ""


def _rows(question, value, words):
    """[(code, year, source, label, answer, allowed)] for one question."""
    allowed = _allowed(question, words)
    if question.kind == Question.Kind.AMOUNTS:
        amounts = {(a["year"], a["source"]): a["amount"] for a in value or []}
        return [
            (question.code, year, source["code"], f"{question.label} — {year}, {source['label']}",
             amounts.get((year, source["code"])), allowed)
            for year in words.get("years") or question.options["years"] for source in question.options["sources"]
        ]  # fmt: skip
    if question.kind in LIST_KINDS:
        value = "; ".join(value or [])
    return [(question.code, None, None, question.label, value if value not in (None, "") else None, allowed)]


def _validations(sheet):
    levels = DataValidation(type="list", formula1='"' + ",".join(Level.values) + '"', allow_blank=True)
    ranks = DataValidation(type="whole", operator="between", formula1="1", formula2=str(answering.MAX_RANK),
                           allow_blank=True)  # fmt: skip
    amounts = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    for validation, message in ((levels, _("Choose high, medium, low or none.")), (ranks, answering.BAD_RANK % {
            "max": answering.MAX_RANK}), (amounts, _("An amount of at least 0."))):  # fmt: skip
        validation.error, validation.showErrorMessage = str(message), True
        sheet.add_data_validation(validation)
    return {Question.Kind.LEVEL: levels, Question.Kind.RANK: ranks, Question.Kind.AMOUNTS: amounts}


def _append(sheet, row):
    """One row, every cell through `spreadsheet_safe`: an answer typed as "=HYPERLINK(…)" stays text."""
    sheet.append([spreadsheet_safe(value) for value in row])


def _section_sheet(book, code, questions, values, words):
    sheet = book.create_sheet(code[:31])
    _append(sheet, [_("Question code"), _("Year"), _("Source"), _("Question"), _("Answer"), _("Allowed values")])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    validations = _validations(sheet)
    for question in questions:
        for row in _rows(question, values.get(question.code), words):
            _append(sheet, row)
            cell = sheet[f"{ANSWER_COLUMN}{sheet.max_row}"]
            cell.protection = Protection(locked=False)
            if question.kind in validations:
                validations[question.kind].add(cell)
    for column, width in zip("ABCDEF", (28, 6, 12, 70, 30, 40), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.protection.sheet = True
    sheet.freeze_panes = "A2"


def build(cycle, kind, respondent, response):
    """The workbook as bytes, pre-filled with `response`'s answers (this cycle's or an earlier one's)."""
    questionnaire = cycle.questionnaire_of(kind)
    questions = respondents.questions(questionnaire)
    values = {a.question.code: answering.raw(a) for a in response.answers.all()} if response else {}
    current = respondents.response_for(cycle, kind, respondent)
    words = answering.vocabularies(cycle)
    book = Workbook()
    about = book.active
    about.title = _("Instructions")[:31]
    _append(about, [cycle.title])
    _append(about, [str(respondent)])
    _append(about, [_("Answer in column E of each sheet; do not rename sheets or change columns A to D.")])
    _append(about, [_("Lists: separate the codes with “;”. Formulas are not accepted.")])
    if response is not None and response.cycle_id != cycle.pk:
        _append(about, [_("Pre-filled with your answers to %s.") % response.cycle.title])
    for code, items in groupby(questions, key=lambda q: q.section):
        _section_sheet(book, code, list(items), values, words)
    meta = book.create_sheet(META)
    for row in (("cycle", cycle.slug), ("kind", kind), ("respondent", respondent_key(respondent)),
                ("questionnaire", questionnaire.code), ("questionnaire_version", questionnaire.version),
                ("response_version", current.version if current else 0)):  # fmt: skip
        _append(meta, row)
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _open(upload):
    """The workbook, or WorkbookError: too big (checked before parsing), not an XLSX, or a zip bomb."""
    if upload.size > MAX_BYTES:
        raise WorkbookError([Problem("—", None, "—", _("The file is larger than 5 MB."))])
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED_BYTES:
                raise WorkbookError([Problem("—", None, "—", _("The workbook is too large once unpacked."))])
        upload.seek(0)
        return load_workbook(upload, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError, TypeError):
        message = _("This is not an Excel workbook (.xlsx): download the workbook from this page and fill it in.")
        raise WorkbookError([Problem("—", None, "—", message)]) from None


def _check_meta(book, cycle, kind, respondent):
    if META not in book.sheetnames:
        message = _("This workbook was not downloaded from TA Hub (its sheet “%s” is missing).") % META
        return [Problem(META, None, "—", message)]
    meta = {str(row[0]): row[1] for row in book[META].iter_rows(values_only=True) if row and row[0]}
    questionnaire = cycle.questionnaire_of(kind)
    expected = {"cycle": cycle.slug, "kind": kind, "respondent": respondent_key(respondent),
                "questionnaire": questionnaire.code, "questionnaire_version": questionnaire.version}  # fmt: skip
    problems = []
    for name, value in expected.items():
        if str(meta.get(name)) != str(value):
            message = _("This workbook is for %(name)s “%(found)s”, not “%(expected)s”: download the workbook "
                        "from this page.") % {"name": name, "found": meta.get(name), "expected": value}  # fmt: skip
            problems.append(Problem(META, None, name, message))
    return problems


def _unescape(text):
    """The person's text back from a cell `spreadsheet_safe` wrote: "'=HYPERLINK(…)" reads "=HYPERLINK(…)"."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def _read_cell(sheet, row_number, question, cell, problems):
    """A cell's text value, or None after adding the problem it has. A formula is refused; text that only looks
    like one (escaped by the download, or typed with Excel's leading apostrophe) is the person's text."""
    raw = cell.value
    if cell.data_type == "f" or (isinstance(raw, str) and raw.startswith("=") and cell.data_type != "s"):
        problems.append(Problem(sheet, row_number, ANSWER_COLUMN, _("Formulas are not accepted: type the value.")))
        return None
    if isinstance(raw, str):
        raw = _unescape(raw)
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return str(raw).strip()


def _read_sheet(book, code, questions, answers, where, problems):
    if code[:31] not in book.sheetnames:
        message = _("The sheet “%s” is missing: do not rename or delete the sheets.") % code[:31]
        problems.append(Problem(code[:31], None, "—", message))
        return
    sheet = book[code[:31]]
    by_code = {q.code: q for q in questions}
    for row_number, row in enumerate(sheet.iter_rows(min_row=2, max_row=MAX_ROWS, max_col=5), start=2):
        question_code, year, source, _label = (c.value for c in row[:4])
        cell = row[4]
        if question_code is None and cell.value is None:
            continue
        question = by_code.get(str(question_code))
        if question is None:
            problems.append(Problem(sheet.title, row_number, "A", _("Unknown question code “%s”.") % question_code))
            continue
        value = _read_cell(sheet.title, row_number, question, cell, problems)
        where.setdefault(question.code, (sheet.title, row_number))
        if value is None:
            continue
        if question.kind == Question.Kind.AMOUNTS:
            answers.setdefault(question.code, [])
            if value != "":
                answers[question.code].append({"year": year, "source": source, "amount": value})
                where[(question.code, len(answers[question.code]))] = (sheet.title, row_number)
        else:
            answers[question.code] = value


def _check_values(cycle, questions, answers, where, problems):
    words = answering.vocabularies(cycle)
    by_code = {q.code: q for q in questions}
    for code, value in answers.items():
        question = by_code[code]
        items = [[item] for item in value] if question.kind == Question.Kind.AMOUNTS else [value]
        for index, item in enumerate(items, start=1):
            try:
                answering.clean_value(question, item, words)
            except ValidationError as error:
                sheet, row = where.get((code, index)) or where[code]
                problems.append(Problem(sheet, row, ANSWER_COLUMN, " ".join(error.messages)))


def import_workbook(upload, *, cycle, kind, respondent, by):
    """Check the whole workbook, then save its answers as a draft in one transaction; WorkbookError lists
    every problem (nothing is saved then)."""
    book = _open(upload)
    problems = _check_meta(book, cycle, kind, respondent)
    if problems:
        raise WorkbookError(problems)
    questions = respondents.questions(cycle.questionnaire_of(kind))
    answers, where = {}, {}
    for code, items in groupby(questions, key=lambda q: q.section):
        _read_sheet(book, code, list(items), answers, where, problems)
    _check_values(cycle, questions, answers, where, problems)
    if problems:
        raise WorkbookError(problems)
    version = dict(row[:2] for row in book[META].iter_rows(values_only=True)).get("response_version")
    target = {"party": respondent} if isinstance(respondent, Party) else {"organisation": respondent}
    try:
        return services.save_answers(cycle=cycle, kind=kind, answers=answers, by=by, version=version, **target)
    except Stale as stale:
        raise WorkbookError([Problem(META, None, "—", " ".join(stale.messages))]) from None
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        raise WorkbookError(
            [Problem(*where.get(code, ("—", None)), ANSWER_COLUMN, " ".join(msgs))
             for code, msgs in error.message_dict.items()]
        ) from None  # fmt: skip
