"""The participant's own page, reached by the private link in their e-mails: their status, cancelling their
place, and their certificate of attendance."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from .. import certificates, selectors, services


class ParticipationView(View):
    """The participant's page, reached by the private link in their e-mails."""

    def get(self, request, slug, token):
        registration = selectors.registration_by_token(selectors.published_event(slug), token)
        materials = registration.event.materials.all() if selectors.may_see_participant_materials(registration) else []
        context = {"r": registration, "e": registration.event, "materials": materials}
        return render(request, "events/participation.html", context)

    def post(self, request, slug, token):
        registration = selectors.registration_by_token(selectors.published_event(slug), token)
        try:
            services.cancel_registration(registration, token=token)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your registration is cancelled."))
        return redirect(registration)


class CertificateView(View):
    def get(self, request, slug, token):
        registration = selectors.registration_by_token(selectors.published_event(slug), token)
        try:
            pdf = certificates.certificate_pdf(registration)
        except PermissionDenied:
            raise
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="certificate-{registration.event.slug}.pdf"'
        return response
