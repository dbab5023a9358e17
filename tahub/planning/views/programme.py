"""The programme of work: the list, filtered, and an activity with what delivered it; the staff add or edit an
activity (through the services, audited)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import LoginRequiredMixin

from tahub.core.forms import add_service_errors
from tahub.core.pagination import paginate
from tahub.core.rules import require

from .. import selectors, services
from ..forms import ActivityFilterForm, ActivityForm

VIEW = "planning.view_programme"
EDIT = "planning.change_programme"


class ActivityListView(View):
    """The programme of work, filtered by biennium, status, convention, objective or cited paragraph; 50 a page."""

    def get(self, request):
        require(request.user, VIEW)
        form = ActivityFilterForm(request.GET or None)
        page, query = paginate(request, selectors.activity_list(**form.filters()))
        context = {"form": form, "page": page, "activities": page.object_list, "query": query}
        return render(request, "planning/activity_list.html", context)


class ActivityView(View):
    def get(self, request, start_year, number):
        require(request.user, VIEW)
        activity = selectors.activity_get(start_year, number)
        context = {
            "activity": activity,
            "delivery": selectors.delivery_of(activity, request.user),
            "may_change": request.user.has_perm(EDIT),
        }
        return render(request, "planning/activity_detail.html", context)


class ActivityFormView(LoginRequiredMixin, View):
    """Staff add or edit a programme activity (through the services, audited)."""

    activity = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        require(request.user, EDIT)
        if "pk" in kwargs:
            self.activity = get_object_or_404(selectors.activity_list(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def render_form(self, request, form, status=200):
        context = {"form": form, "activity": self.activity}
        return render(request, "planning/activity_form.html", context, status=status)

    def get(self, request, **kwargs):
        return self.render_form(request, ActivityForm(instance=self.activity))

    def post(self, request, **kwargs):
        form = ActivityForm(request.POST, instance=self.activity)
        if form.is_valid():
            try:
                activity = self.save(request, form)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Activity saved."))
                return redirect(activity.get_absolute_url())
        return self.render_form(request, form, status=400)

    def save(self, request, form):
        data = form.data_for_service()
        if self.activity is None:
            return services.create_activity(by=request.user, data=data)
        version = form.cleaned_data.get("version")
        return services.update_activity(self.activity, by=request.user, data=data, version=version)
