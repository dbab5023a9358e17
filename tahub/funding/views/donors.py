"""Staff: the donors of the money, recording one and changing one (from the version read)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import LoginRequiredMixin

from tahub.core.forms import add_service_errors
from tahub.core.pagination import paginate
from tahub.core.rules import require
from tahub.core.workflow import Stale

from .. import selectors, services
from ..forms import DonorForm
from ..models import Donor

MONEY = "funding.change_pledge"


class DonorsView(LoginRequiredMixin, View):
    """Staff: the donors, and the form to record one (or change one: ?donor=<pk>)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        require(request.user, MONEY)
        pk = kwargs.get("pk")
        self.donor = get_object_or_404(Donor, pk=pk) if pk else None
        return super().dispatch(request, *args, **kwargs)

    def render_form(self, request, form, status=200):
        page, _query = paginate(request, selectors.donor_list())
        context = {"form": form, "page": page, "donors": page.object_list, "donor": self.donor}
        return render(request, "funding/donors.html", context, status=status)

    def get(self, request, pk=None):
        return self.render_form(request, DonorForm(instance=self.donor))

    def post(self, request, pk=None):
        form = DonorForm(request.POST, instance=self.donor)
        if form.is_valid():
            data = {name: form.cleaned_data[name] for name in form.Meta.fields}
            try:
                services.save_donor(by=request.user, data=data, donor=self.donor,
                                    seen_version=form.cleaned_data["version"])  # fmt: skip
            except Stale as stale:
                form.add_error(None, stale)  # the person's input stays on the page; nothing was saved
                return self.render_form(request, form, status=409)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Donor saved."))
                return redirect("funding_staff:donors")
        return self.render_form(request, form, status=400)
