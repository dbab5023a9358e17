"""The mandates, decision paragraphs: the coverage (what answers each paragraph that asks for technical
assistance) and the staff's entry of a paragraph's official text per language (through the service, audited)."""

from itertools import groupby
from operator import attrgetter
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import conditional_escape as escape
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views import View
from modeltranslation.utils import build_localized_fieldname
from rules.contrib.views import LoginRequiredMixin

from tahub.core.forms import add_service_errors
from tahub.core.links import url_pattern
from tahub.core.rules import require
from tahub.core.translated import languages

from .. import coverage, services
from ..forms import ParagraphTextForm
from ..models import DecisionParagraph

SAFE = RFC3986_SUBDELIMS + "/~:@"  # what reverse() leaves unquoted in a URL
VIEW = "planning.view_programme"
EDIT = "planning.change_programme"


class CoverageView(View):
    """For each paragraph that asks for technical assistance: what answers it, and what nothing answers."""

    def get(self, request):
        require(request.user, VIEW)
        paragraphs, kinds = coverage.coverage(request.user)
        unanswered = [p for p in paragraphs if not p.answered]
        context = {
            "paragraphs": paragraphs,
            "kinds": kinds,
            "unanswered": unanswered,
            "unanswered_html": mark_safe(  # noqa: S308 (the label is escaped)
                "".join([f'<li><a href="#p{p.pk}">{escape(p.label)}</a></li>' for p in unanswered])
            ),
            "sections": coverage_html(paragraphs),
            "shown": coverage.SHOWN,
        }
        return render(request, "planning/coverage.html", context)


def coverage_html(paragraphs):
    """The coverage's decisions, each with its paragraphs and what answers them (`coverage.coverage`), as HTML.
    Written here, not in the template: there, a paragraph cost ~970 Python calls (its variables looked up, an
    included partial a kind, the text's language worked out, a URL reversed a decision); here the texts and the
    decisions' URL pattern are made once a page. The markup is the template's, as it was."""
    url = url_pattern("planning:decision", placeholders=("SC-0/0",))
    texts = _coverage_texts()
    sections = []
    for _decision_id, group in groupby(paragraphs, key=attrgetter("decision_id")):
        group = list(group)
        decision = group[0].decision
        title = f": {escape(decision.localized_title)}" if decision.title else ""
        sections.append(
            f'<section aria-labelledby="d{decision.pk}">\n'
            f'<h3 id="d{decision.pk}"><a href="{escape(url.format(quote(decision.number, safe=SAFE)))}">'
            f"{escape(decision.number)}</a>"
            f"{title}</h3>\n"
        )
        if decision.whole_decision:
            answers = "".join([_answer_html(answer, texts, "") for answer in decision.whole_decision])
            sections.append(f'<dl class="facts">{answers}</dl>')
        sections.append("\n")
        sections.extend(_paragraph_html(p, texts) for p in group)
        sections.append("\n</section>\n")
    return mark_safe("".join(sections))  # noqa: S308 (every value is escaped)


def _coverage_texts():
    """What every paragraph may say, translated once a page (not escaped: the template's literal texts were not
    either); the languages a text is looked for in, in order."""
    reader = get_language() or settings.LANGUAGE_CODE
    order = [reader, settings.LANGUAGE_CODE, *languages()]
    return {
        "reader": reader,
        "languages": [
            (build_localized_fieldname("text", code), code)
            for code in dict.fromkeys(code for code in order if code in languages())
        ],
        "text_missing": _("Text not in the data."),
        "other_language": _("The text in your language is not in the data: this is another language's."),
        "unanswered": _("nothing answers it yet"),
        "list_them": _("List them in the programme of work"),
        "find_them": _("Find them through the activities in the programme of work"),
    }


def _paragraph_html(p, texts):
    """One paragraph's section: its label, its text (or that none is in the data) and what answers it."""
    unanswered = "" if p.answered else f" — {texts['unanswered']}"
    parts = [f'<section id="p{p.pk}" aria-labelledby="h{p.pk}">\n<h4 id="h{p.pk}">{escape(p.label)}{unanswered}</h4>\n']
    text, language = next(((getattr(p, f), code) for f, code in texts["languages"] if getattr(p, f)), ("", ""))
    if text:
        other = f'<p class="note">{texts["other_language"]}</p>' if language != texts["reader"] else ""
        parts.append(f'<blockquote lang="{language}">{escape(text)}</blockquote>{other}')
    else:
        notes = f" {escape(p.notes)}" if p.notes else ""
        parts.append(f'\n    <p class="note">{texts["text_missing"]}{notes}</p>')
    parts.append("\n")
    if p.answered:
        answers = [_answer_html(answer, texts, "\n") for answer in p.answers if answer.count]
        answers += [_answer_html(answer, texts, "\n") for answer in p.deliveries]
        parts.append(f'<dl class="facts">{"".join(answers)}</dl>')
    parts.append("</section>")
    return "".join(parts)


def _answer_html(answer, texts, after):
    """One kind of answer: its label and count, then the link to them all or the few records listed
    (what planning/partials/coverage_records.html wrote)."""
    if answer.url:
        text = texts["find_them"] if answer.through_activities else texts["list_them"]
        records = f'<a href="{escape(answer.url)}">{text}</a>'
    else:
        records = "; ".join([_record_html(record) for record in answer.records]) or "—"
        if not answer.complete:
            count = answer.count
            records += " " + ngettext("(the newest of %(count)s)", "(the newest of %(count)s)", count) % {
                "count": count
            }
    return f"<dt>{escape(answer.label)} ({answer.count})</dt>\n<dd>{records}</dd>{after}"


def _record_html(record):
    link = getattr(record, "get_absolute_url", None)
    url = link() if link else ""
    return f'<a href="{escape(url)}">{escape(record)}</a>' if url else escape(record)


class ParagraphTextView(LoginRequiredMixin, View):
    """Staff who hold the official texts enter a decision paragraph's text per language (audited); the doubt
    stays visible on the public pages wherever a text is still missing."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        require(request.user, EDIT)
        self.paragraph = get_object_or_404(DecisionParagraph.objects.select_related("decision"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def render_form(self, request, form, status=200):
        context = {"form": form, "paragraph": self.paragraph}
        return render(request, "planning/paragraph_text_form.html", context, status=status)

    def get(self, request, pk):
        return self.render_form(request, ParagraphTextForm(instance=self.paragraph))

    def post(self, request, pk):
        form = ParagraphTextForm(request.POST, instance=self.paragraph)
        if form.is_valid():
            try:
                services.update_paragraph_text(
                    self.paragraph, by=request.user, data=form.data_for_service(), seen=form.cleaned_data["seen"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                url = f"{self.paragraph.decision.get_absolute_url()}#paragraph-{slugify(self.paragraph.number)}"
                messages.success(request, _("Saved."))
                return redirect(url)
        return self.render_form(request, form, status=400)
