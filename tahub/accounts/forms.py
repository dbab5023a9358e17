"""The forms of the invitation and staff pages."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from tahub.parties.models import ContactPoint, Eligibility

from . import selectors
from .services import ERRORS


class PartyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.country.name


class _EmailForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), help_text=_("For example: name@ministry.gov"))

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if selectors.account_exists(email):
            raise forms.ValidationError(ERRORS["account_exists"])
        return email


class InviteContactPointForm(_EmailForm):
    """Staff invite a contact point or focal point of any Party."""

    party = PartyChoiceField(queryset=selectors.parties_for_invitation(), label=_("Party"))
    kind = forms.ChoiceField(label=_("Role"), choices=ContactPoint.Kind.choices, initial=ContactPoint.Kind.OFFICIAL)


class InviteFocalPointForm(_EmailForm):
    """An official contact point invites a focal point of its own Party (the Party comes from the address)."""


class AcceptInvitationForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=200)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password (again)"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, email="", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ. Type the same password twice."))
        elif password1:
            from .models import User

            probe = User(email=self.email, name=cleaned.get("name", ""))
            try:
                password_validation.validate_password(password1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class EligibilityOverrideForm(forms.Form):
    eligibility = forms.ChoiceField(
        label=_("Eligibility class"),
        choices=[("", _("The class given by the source (no override)")), *Eligibility.choices],
        required=False,
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on the Party page and kept in the history. For example: reclassified by COP decision."),
    )


class ApiTokenForm(forms.Form):
    """A person names a new personal API token."""

    name = forms.CharField(
        label=_("What the token is for"),
        max_length=100,
        help_text=_("For example: “reporting script” or “laptop”. Shown in your list so you know which to revoke."),
    )
