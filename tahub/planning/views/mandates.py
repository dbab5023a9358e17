"""The mandates, decision paragraphs: the coverage (what answers each paragraph that asks for technical
assistance) and the staff's entry of a paragraph's official text per language (through the service, audited)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import LoginRequiredMixin

from tahub.core.forms import add_service_errors
from tahub.core.rules import require

from .. import coverage, services
from ..forms import ParagraphTextForm
from ..models import DecisionParagraph

VIEW = "planning.view_programme"
EDIT = "planning.change_programme"


class CoverageView(View):
    """For each paragraph that asks for technical assistance: what answers it, and what nothing answers."""

    def get(self, request):
        require(request.user, VIEW)
        paragraphs, kinds = coverage.coverage(request.user)
        context = {
            "paragraphs": paragraphs,
            "kinds": kinds,
            "unanswered": [p for p in paragraphs if not p.answered],
            "shown": coverage.SHOWN,
        }
        return render(request, "planning/coverage.html", context)


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
