"""A Party's nominations for an event: its contact and focal points see and add them; staff see them too.

Another Party's list, or a letter of another Party, answers 404 (not 403), so nothing can be probed."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import LoginRequiredMixin

from tahub.core.forms import add_service_errors
from tahub.parties.models import Party

from .. import selectors, services
from ..forms import NominationForm


def _load(request, slug, iso3):
    event = selectors.published_event(slug)
    party = get_object_or_404(
        Party.objects.select_related("country"), country__iso3=iso3.upper(), convention__code="SC"
    )
    if not request.user.has_perm("events.view_party_nominations", party):
        raise Http404
    return event, party


class PartyNominationsView(LoginRequiredMixin, View):
    template_name = "events/party_nominations.html"

    def _render(self, request, event, party, form, status=200):
        context = {
            "e": event,
            "party": party,
            "nominations": selectors.party_nominations(event, party),
            "form": form if request.user.has_perm("events.nominate_for_party", party) else None,
            "open": event.registration_open(),
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request, slug, iso3):
        event, party = _load(request, slug, iso3)
        return self._render(request, event, party, NominationForm())

    def post(self, request, slug, iso3):
        event, party = _load(request, slug, iso3)
        form = NominationForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.nominate(
                    event, party=party, by=request.user, language=request.LANGUAGE_CODE, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            except PermissionDenied as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _("Nomination sent. The Secretariat will confirm the place by e-mail."))
                return redirect("events:party_nominations", event.slug, party.country.iso3)
        return self._render(request, event, party, form, status=422)


def _nomination(request, slug, pk):
    event = selectors.published_event(slug)
    registration = get_object_or_404(event.registrations.select_related("party"), pk=pk, party__isnull=False)
    if not request.user.has_perm("events.view_party_nominations", registration.party):
        raise Http404
    return registration


class LetterView(LoginRequiredMixin, View):
    def get(self, request, slug, pk):
        registration = _nomination(request, slug, pk)
        if not registration.letter:
            raise Http404
        name = registration.letter.name.rsplit("/")[-1]
        return FileResponse(registration.letter.open("rb"), as_attachment=True, filename=name)


class CancelNominationView(LoginRequiredMixin, View):
    def post(self, request, slug, pk):
        registration = _nomination(request, slug, pk)
        try:
            services.cancel_registration(registration, by=request.user)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("The nomination of %(name)s is cancelled.") % {"name": registration.name})
        return redirect("events:party_nominations", slug, registration.party.country.iso3)
