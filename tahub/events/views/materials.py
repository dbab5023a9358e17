"""An event's materials: the Secretariat's page to add and remove them (through content.py), and their download:
public ones for anyone who may see the event, the others for staff and, through their private link, accepted
participants."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from tahub.core.forms import add_service_errors

from .. import content, selectors
from ..forms import MaterialForm
from ..models import Event, Material
from .events import StaffMixin


class MaterialsView(StaffMixin, View):
    def _render(self, request, event, form, status=200):
        context = {"e": event, "materials": event.materials.all(), "form": form}
        return render(request, "events/staff/materials.html", context, status=status)

    def get(self, request, slug):
        return self._render(request, get_object_or_404(Event, slug=slug), MaterialForm())

    def post(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        form = MaterialForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                content.add_material(event, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Material added."))
                return redirect("events_staff:materials", slug)
        return self._render(request, event, form, status=422)


class MaterialRemoveView(StaffMixin, View):
    def post(self, request, slug, pk):
        material = get_object_or_404(Material, event__slug=slug, pk=pk)
        content.remove_material(material, by=request.user)
        messages.success(request, _("“%(title)s” removed.") % {"title": material.title})
        return redirect("events_staff:materials", slug)


def _file(material):
    if not material.file:
        raise Http404
    return FileResponse(material.file.open("rb"), as_attachment=True, filename=material.file.name.rsplit("/")[-1])


class MaterialView(View):
    """A document of the event: public ones to whoever may see the event; the others to staff only (404)."""

    def get(self, request, slug, pk):
        event = selectors.event_get(request.user, slug)
        material = get_object_or_404(event.materials.all(), pk=pk)
        if not material.public and not request.user.has_perm("events.manage_events"):
            raise Http404
        return _file(material)


class ParticipantMaterialView(View):
    """Any document of the event, to an accepted participant through their private link."""

    def get(self, request, slug, token, pk):
        registration = selectors.registration_by_token(selectors.published_event(slug), token)
        if not selectors.may_see_participant_materials(registration):
            raise Http404
        return _file(get_object_or_404(registration.event.materials.all(), pk=pk))
