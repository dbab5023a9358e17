from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from tahub.core.mail import recipient_languages


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created from invitations only: there is no open sign-up. allauth's e-mails (password reset)
    are written in the language of the account they go to, like every other e-mail (core.mail)."""

    def is_open_for_signup(self, request):
        return False

    def send_mail(self, template_prefix, email, context):
        [(language, _addresses)] = recipient_languages([email])
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix, email, context, headers=None):
        headers = {**(headers or {}), "Content-Language": translation.get_language()}
        return super().render_mail(template_prefix, email, context, headers=headers)
