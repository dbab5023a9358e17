"""The staff page of e-mails that could not be delivered (tahub/core/mail.py), with "send again"."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

from . import mail

PAGE_SIZE = 200


class FailedEmailsView(PermissionRequiredMixin, TemplateView):
    permission_required = "core.resend_email"
    template_name = "core/failed_emails.html"

    def get_context_data(self, **kwargs):
        failures = [mail.describe_failure(result) for result in mail.failed_emails()[:PAGE_SIZE]]
        return super().get_context_data(failures=failures, **kwargs)


class SendAgainView(PermissionRequiredMixin, View):
    permission_required = "core.resend_email"

    def post(self, request, pk):
        if mail.send_failed_again(pk, by=request.user) is None:
            messages.warning(request, _("This e-mail was already sent again, or is no longer in the list."))
        else:
            messages.success(request, _("The e-mail is queued again; the worker sends it within a minute."))
        return redirect("failed_emails")
