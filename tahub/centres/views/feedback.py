"""A Party's feedback on a centre's services, given by its contact or focal points."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tahub.core.forms import add_service_errors

from .. import selectors, services
from ..forms import FeedbackForm
from .centres import CentreScopedView


class FeedbackView(CentreScopedView):
    permission = "centres.give_feedback"

    def _form(self, data=None):
        return FeedbackForm(data, parties=selectors.parties_of(self.request.user))

    def get(self, request, code):
        return render(request, "centres/feedback_form.html", {"centre": self.centre, "form": self._form()})

    def post(self, request, code):
        form = self._form(request.POST)
        if form.is_valid():
            try:
                services.give_feedback(centre=self.centre, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Thank you for your feedback."))
                return redirect(self.centre)
        return render(request, "centres/feedback_form.html", {"centre": self.centre, "form": form}, status=400)
