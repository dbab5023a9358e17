"""Directory pages: thin. Public list and entries, "list my organisation", corrections; staff review."""

import html

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from tahub.core import application_views, throttle
from tahub.core.forms import add_service_errors
from tahub.core.links import url_pattern
from tahub.core.pagination import paginate
from tahub.core.rules import require

from . import selectors, services
from .forms import (
    CorrectionForm,
    CorrectionResolveForm,
    DirectoryFilterForm,
    ListingRequestForm,
)
from .labels import language_names
from .models import Correction, Organisation


class DirectoryView(TemplateView):
    template_name = "directory/organisation_list.html"

    def get_context_data(self, **kwargs):
        form = DirectoryFilterForm(self.request.GET or None)
        f = form.cleaned_data if form.is_valid() else {}
        organisations = selectors.organisation_rows(
            kind=f.get("kind") or None,
            theme=f.get("theme") or None,
            region=f.get("region") or None,
            search=f.get("q") or None,
        )
        page, query = paginate(self.request, organisations)
        rows = list(page.object_list)
        return super().get_context_data(
            form=form, page=page, organisations=rows, rows=organisation_rows_html(rows), query=query, **kwargs
        )


def organisation_rows_html(organisations):
    """A page of the directory's rows (`selectors.organisation_rows`) as HTML: the organisation's link, its
    category and the themes it offers ("; " between them, "—" for none). Written here, not in the template:
    there, a row cost ~1,700 Python calls (its category's label looked up among all the choices, a URL
    reversed, its themes' model instances); here the labels and the URL pattern are made once a page and a row
    costs a few calls, its names escaped."""
    url = url_pattern("directory:detail")
    kinds = {kind.value: escape(str(kind.label)) for kind in Organisation.Kind}  # translated once
    themes = selectors.theme_names([o["id"] for o in organisations])
    escaped = {name: html.escape(name) for name in {name for names in themes.values() for name in names}}
    rows = []
    for o in organisations:
        offered = themes.get(o["id"])
        rows.append(
            f'<tr><td><a href="{html.escape(url.format(o["slug"]))}">{html.escape(o["name"])}</a></td>'
            f"<td>{kinds.get(o['kind']) or html.escape(o['kind'])}</td>"
            f"<td>{'; '.join([escaped[name] for name in offered]) if offered else '—'}</td></tr>\n  "
        )
    return mark_safe("".join(rows))  # noqa: S308 (every value above is escaped)


class OrganisationView(View):
    def get(self, request, slug):
        organisation = selectors.organisation_get(slug, user=request.user)
        require(request.user, "directory.view_organisation", organisation)
        context = {
            "organisation": organisation,
            "may_confirm": request.user.has_perm("directory.change_organisation", organisation),
            "corrections": (
                list(organisation.corrections.all()) if request.user.has_perm("directory.view_corrections") else []
            ),
        }
        return render(request, "directory/organisation_detail.html", context)


class LogoView(View):
    """An organisation's logo, shown inline: public while the organisation is listed; an unlisted one's logo is
    for the Secretariat only (404 to anyone else, as its page)."""

    def get(self, request, slug):
        organisation = selectors.organisation_for_file(slug, user=request.user)
        require(request.user, "directory.view_organisation", organisation)
        if not organisation.logo:
            raise Http404
        name = organisation.logo.name.rsplit("/", 1)[-1]
        return FileResponse(organisation.logo.open("rb"), as_attachment=False, filename=name)


class ConfirmListingView(View):
    def post(self, request, slug):
        organisation = selectors.organisation_get(slug, include_unlisted=True)
        services.confirm_listing(organisation, by=request.user)
        messages.success(request, _("Thank you: the entry is confirmed for another year."))
        return redirect(organisation)


class CorrectionView(View):
    template_name = "directory/correction_form.html"

    def get(self, request, slug):
        organisation = selectors.organisation_get(slug)
        return render(request, self.template_name, {"organisation": organisation, "form": CorrectionForm()})

    def post(self, request, slug):
        organisation = selectors.organisation_get(slug)
        form = CorrectionForm(request.POST)
        if form.is_valid():
            services.report_correction(organisation=organisation, **form.cleaned_data)
            messages.success(request, _("Thank you. The Secretariat will check and reply by e-mail."))
            return redirect(organisation)
        return render(request, self.template_name, {"organisation": organisation, "form": form})


class ListingRequestView(View):
    """ "List my organisation": anyone may ask, with supporting documents."""

    template_name = "directory/listing_form.html"

    def get(self, request):
        return render(request, self.template_name, {"form": ListingRequestForm()})

    def post(self, request):
        form = ListingRequestForm(request.POST, request.FILES)
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "documents"}
            try:
                throttle.check("listing", throttle.client_ip(request))
                listing = services.submit_listing_request(data=data, documents=form.cleaned_data["documents"])
            except ValidationError as error:
                add_service_errors(form, error)
                status = 429 if isinstance(error, throttle.Throttled) else 200
                return render(request, self.template_name, {"form": form}, status=status)
            else:
                messages.success(request, _("Thank you. We sent you a private link to follow your request."))
                return redirect(listing)
        return render(request, self.template_name, {"form": form})


class ListingStatusView(application_views.ApplicationStatusView):
    """The requester's private page: where the request is, and a place to answer questions."""

    template_name = "directory/listing_status.html"
    context_name = "listing"

    def get_application(self, token):
        return selectors.listing_by_token(token)

    def answer(self, application, *, answer, documents):
        services.answer_listing_request(application, answer=answer, documents=documents)


class ReviewQueueView(PermissionRequiredMixin, TemplateView):
    permission_required = "directory.review_listing"
    template_name = "directory/review_queue.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            listings=selectors.listing_requests_to_review(), corrections=selectors.open_corrections(), **kwargs
        )


class ListingReviewView(application_views.ApplicationReviewView):
    permission_required = "directory.review_listing"
    process = services.REVIEW
    facts_template = "directory/listing_facts.html"
    heading = gettext_lazy("Request to list %(name)s")
    document_url = "directory_staff:document"
    success_url = "directory_staff:queue"
    done_message = gettext_lazy("Done: the requester has been told by e-mail.")

    published_heading = gettext_lazy("What approval publishes in the directory")

    def get_queryset(self):
        return selectors.listing_requests_to_review()

    def decide(self, application, *, by, action, message):
        services.review_listing_request(application, by=by, action=action, message=message)

    def published(self, application):
        """Every field the public entry will show, as approval writes it (services.published_entry)."""
        fields, m2m = services.published_entry(application)
        rows = []
        for name in services.PUBLISHED:
            label = Organisation._meta.get_field(name).verbose_name
            if name in m2m:
                value = "; ".join(str(o) for o in m2m[name])
            elif name == "kind":
                value = Organisation.Kind(fields[name]).label
            elif name == "country":
                value = fields[name].name
            elif name == "languages":
                value = ", ".join(language_names(fields[name]))
            elif name == "contact_email" and not fields[name]:
                value = _("Not published: the requester did not consent (%(email)s stays private).") % {
                    "email": application.contact_email
                }
            else:
                value = fields[name]
            rows.append((label, value))
        return rows


class CorrectionResolveView(PermissionRequiredMixin, View):
    permission_required = "directory.review_listing"

    def post(self, request, pk):
        correction = get_object_or_404(Correction, pk=pk)
        form = CorrectionResolveForm(request.POST)
        if form.is_valid():
            try:
                services.resolve_correction(correction, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Resolved; the reply was sent."))
        else:
            messages.error(request, _("Choose a resolution and write a reply."))
        return redirect("directory_staff:queue")


class ListingDocumentView(application_views.ApplicationDocumentView):
    """Supporting documents are private: only the Secretariat downloads them."""

    permission_required = "directory.review_listing"
    process = services.REVIEW
