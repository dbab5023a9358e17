"""The forms of the invitation and staff pages."""

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from tahub.parties.models import ContactPoint, Eligibility

from . import selectors
from .services import ERRORS


class PartyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.country.name


def language_name(code, name):
    """A language named in itself ("español", "العربيّة") and, when the reader's language names it otherwise, in
    theirs after it ("español (Spanish)"), so both its speakers and the reader recognise it; `name` is its
    settings.LANGUAGES name (translated in the reader's language)."""
    local, translated = get_language_info(code)["name_local"], str(name)
    return local if local.casefold() == translated.casefold() else f"{local} ({translated})"


def language_choices(blank_label=None):
    """The offered languages (see `language_name`), with a first blank choice if `blank_label`."""
    choices = [(code, language_name(code, name)) for code, name in settings.LANGUAGES]
    return [("", blank_label), *choices] if blank_label else choices


def _invitation_language():
    return forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=language_choices,
        initial=settings.LANGUAGE_CODE,
        required=False,  # the menu always sends one; a form sent without it (an older page) means the default
        help_text=_("The invitation e-mail is written in it, and it becomes the person's preferred language: "
                    "their pages and e-mails. They can change it on their account page."),
    )  # fmt: skip


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
    language = _invitation_language()


class InviteFocalPointForm(_EmailForm):
    """An official contact point invites a focal point of its own Party (the Party comes from the address)."""

    language = _invitation_language()


class ProfileForm(forms.Form):
    """A person's own name and preferred language."""

    name = forms.CharField(label=_("Full name"), max_length=200, required=False)
    language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=lambda: language_choices(_("No preference: the language chosen in the page header")),
        required=False,
        help_text=_("Your pages, and every e-mail and file TA Hub sends you, are in this language."),
    )


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
