"""Invitation pages: staff invite contact points, a contact point invites focal points, the invitee accepts.

Each view loads, checks access, then acts (through services), in that order.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from tahub.parties.models import ContactPoint

from . import invitations, selectors, services
from .forms import AcceptInvitationForm, ApiTokenForm, InviteContactPointForm, InviteFocalPointForm
from .rules import require


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
                email=data["email"], party=data["party"], kind=data["kind"], by=self.request.user
            )
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
                email=email, party=self.party, kind=ContactPoint.Kind.FOCAL, by=self.request.user
            )
        except ValidationError as error:
            _apply_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Invitation sent to %(email)s.") % {"email": email})
        return redirect("accounts:invite_focal_point", iso3=self.party.country.iso3)


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
    def post(self, request, pk):
        token = selectors.own_api_token_get(request.user, pk)
        try:
            services.revoke_api_token(token, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The token “%(name)s” is revoked: it no longer works.") % {"name": token.name})
        return redirect("accounts:api_tokens")
