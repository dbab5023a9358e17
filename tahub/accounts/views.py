"""Invitation pages: staff invite contact points, a contact point invites focal points, the invitee accepts; the
profile, personal API tokens, the language switch and the page of whom to contact.

Each view loads, checks access, then acts (through services), in that order.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from tahub.core import contact
from tahub.core import views as core_views
from tahub.core.i18n import offered
from tahub.core.rules import require
from tahub.parties.models import ContactPoint

from . import invitations, selectors, services
from .forms import AcceptInvitationForm, ApiTokenForm, InviteContactPointForm, InviteFocalPointForm, ProfileForm


def _apply_service_errors(form, error):
    """Show a service's ValidationError next to the field it names (or above the form)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class StaffHomeView(PermissionRequiredMixin, TemplateView):
    """The Secretariat's starting page: links to the staff tools."""

    permission_required = "accounts.view_staff_pages"
    template_name = "accounts/staff_home.html"


class InviteContactPointView(PermissionRequiredMixin, FormView):
    """Secretariat staff invite an official contact point (or a focal point) of any Party."""

    permission_required = "accounts.invite_contact_point"
    template_name = "accounts/invite_contact_point.html"
    form_class = InviteContactPointForm

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.invite_contact_point(
                email=data["email"], party=data["party"], kind=data["kind"], by=self.request.user,
                language=data["language"],
            )  # fmt: skip
        except ValidationError as error:
            _apply_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Invitation sent to %(email)s.") % {"email": data["email"]})
        return redirect("accounts:invite_contact_point")


class InviteFocalPointView(PermissionRequiredMixin, FormView):
    """A Party's official contact point (or staff) invites a focal point of that Party."""

    permission_required = "accounts.invite_focal_point"
    template_name = "accounts/invite_focal_point.html"
    form_class = InviteFocalPointForm

    def get_permission_object(self):
        self.party = selectors.party_for_iso3(self.kwargs["iso3"])
        return self.party

    def get_context_data(self, **kwargs):
        return super().get_context_data(party=self.party, **kwargs)

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        try:
            services.invite_contact_point(
                email=email, party=self.party, kind=ContactPoint.Kind.FOCAL, by=self.request.user,
                language=form.cleaned_data["language"],
            )  # fmt: skip
        except ValidationError as error:
            _apply_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Invitation sent to %(email)s.") % {"email": email})
        return redirect("accounts:invite_focal_point", iso3=self.party.country.iso3)


def _in_invitation_language(request, invitation):
    """The invitee reads the page in the language of their invitation e-mail, unless they chose one with the
    language switch (its cookie) on this browser."""
    language = offered(invitation.language)
    if language and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
        translation.activate(language)
        request.LANGUAGE_CODE = language


class AcceptInvitationView(FormView):
    """The invitee chooses a name and password; the account and its role are created."""

    template_name = "accounts/accept_invitation.html"
    form_class = AcceptInvitationForm

    def dispatch(self, request, *args, **kwargs):
        self.invitation = selectors.invitation_get(invitations.decode_id(kwargs["uidb64"]))
        try:
            services.validate_invitation_link(self.invitation, kwargs["token"])
        except ValidationError as error:
            return render(request, "accounts/invitation_unusable.html", {"errors": error.messages}, status=410)
        _in_invitation_language(request, self.invitation)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "email": self.invitation.email}

    def get_context_data(self, **kwargs):
        return super().get_context_data(invitation=self.invitation, **kwargs)

    def form_valid(self, form):
        try:
            services.accept_invitation(
                invitation_id=self.invitation.pk,
                token=self.kwargs["token"],
                name=form.cleaned_data["name"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as error:
            _apply_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your account is ready. Sign in with your e-mail address and password."))
        return redirect("account_login")


class ApiTokensView(LoginRequiredMixin, View):
    """A signed-in person's personal API tokens: create one (shown once, on the answer to the form), list them
    (name, created, last used, revoked) and revoke them."""

    template_name = "accounts/api_tokens.html"

    def _render(self, request, form, new_token=None, status=200):
        context = {"form": form, "tokens": selectors.api_tokens_of(request.user), "new_token": new_token}
        return render(request, self.template_name, context, status=status)

    def get(self, request):
        require(request.user, "accounts.manage_own_api_tokens")
        return self._render(request, ApiTokenForm())

    def post(self, request):
        require(request.user, "accounts.manage_own_api_tokens")
        form = ApiTokenForm(request.POST)
        if form.is_valid():
            try:
                raw = services.create_personal_api_token(by=request.user, name=form.cleaned_data["name"])
            except ValidationError as error:
                _apply_service_errors(form, error)
            else:
                response = self._render(request, ApiTokenForm(), new_token=raw)
                response["Cache-Control"] = "no-store"  # the token in clear is not kept by any cache
                return response
        return self._render(request, form, status=400)


class RevokeApiTokenView(LoginRequiredMixin, View):
    """Revoking a token cannot be undone: GET asks to confirm (a page, no JavaScript needed), POST with
    ``confirm=yes`` revokes; a POST without it only asks again."""

    template_name = "accounts/confirm_revoke_api_token.html"

    def get(self, request, pk):
        token = selectors.own_api_token_get(request.user, pk)
        if token.revoked_at:
            return redirect("accounts:api_tokens")
        return render(request, self.template_name, {"token": token})

    def post(self, request, pk):
        token = selectors.own_api_token_get(request.user, pk)
        if request.POST.get("confirm") != "yes":
            return render(request, self.template_name, {"token": token}, status=400)
        try:
            services.revoke_api_token(token, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The token “%(name)s” is revoked: it no longer works.") % {"name": token.name})
        return redirect("accounts:api_tokens")


class ProfileView(LoginRequiredMixin, View):
    """A signed-in person's own account: their name and preferred language (of their pages and e-mails)."""

    template_name = "accounts/profile.html"

    def _render(self, request, form, status=200):
        return render(request, self.template_name, {"form": form}, status=status)

    def get(self, request):
        require(request.user, "accounts.edit_own_profile", request.user)
        initial = {"name": request.user.name, "language": request.user.language}
        return self._render(request, ProfileForm(initial=initial))

    def post(self, request):
        require(request.user, "accounts.edit_own_profile", request.user)
        form = ProfileForm(request.POST)
        if not form.is_valid():
            return self._render(request, form, status=400)
        try:
            user = services.update_profile(request.user, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _apply_service_errors(form, error)
            return self._render(request, form, status=400)
        if user.language:
            translation.activate(user.language)  # the confirmation is already in the language just chosen
        messages.success(request, _("Your account is saved."))
        response = redirect("accounts:profile")
        if user.language:  # the pages stay in it after signing out
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language, **_language_cookie_options())
        return response


def _language_cookie_options():
    return {
        "max_age": settings.LANGUAGE_COOKIE_AGE,
        "path": settings.LANGUAGE_COOKIE_PATH,
        "domain": settings.LANGUAGE_COOKIE_DOMAIN,
        "secure": settings.LANGUAGE_COOKIE_SECURE,
        "httponly": settings.LANGUAGE_COOKIE_HTTPONLY,
        "samesite": settings.LANGUAGE_COOKIE_SAMESITE,
    }


@require_POST
def set_language(request):
    """The language switch (core.views.set_language: a cookie, offered languages only); a signed-in person's
    account keeps the choice too, so their pages and e-mails follow it on any device."""
    response = core_views.set_language(request)
    if settings.LANGUAGE_COOKIE_NAME in response.cookies:
        services.remember_language(request.user, response.cookies[settings.LANGUAGE_COOKIE_NAME].value)
    return response


class ContactView(View):
    """Whom to contact: the Secretariat's technical assistance contacts and address, the regional focal points by
    UN regional group (those who chose to be shown), and a general feedback form (e-mailed to the Secretariat's
    administrators). Here, not in core: the people come from the Secretariat's roles (StaffRole); the address, the
    form and the sending are core's (tahub/core/contact.py), and so is the template."""

    template_name = "core/contact.html"

    def _render(self, request, form, status=200):
        context = {
            "form": form,
            "address": contact.SECRETARIAT_ADDRESS,
            "postal_address": contact.SECRETARIAT_POSTAL_ADDRESS,
            "phone": contact.SECRETARIAT_PHONE,
            "fax": contact.SECRETARIAT_FAX,
            "secretariat": selectors.secretariat_contacts(),
            "regions": selectors.regional_focal_points(),
            "ask_url": reverse("assistance:create"),
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request):
        require(request.user, "core.view_public_page")
        return self._render(request, contact.FeedbackForm())

    def post(self, request):
        require(request.user, "core.view_public_page")
        form = contact.FeedbackForm(request.POST)
        if form.is_valid():
            try:
                contact.send_feedback(
                    data=form.cleaned_data,
                    client_ip=request.META.get("REMOTE_ADDR", ""),
                    recipients=selectors.administrator_emails(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Thank you: your message was sent to the Secretariat."))
                return redirect("contact")
        return self._render(request, form, status=400)
