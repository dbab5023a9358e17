"""The Secretariat's pages to create and edit an event and its materials (through content.py), and the
download of a material: public ones for anyone who may see the event, the others for staff and, through
their private link, accepted participants."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from tahub.core.forms import add_service_errors

from . import content, selectors
from .forms import EventForm, MaterialForm
from .models import Event, Material
from .staff_views import StaffMixin


class EventFormView(StaffMixin, View):
    """Create an event (no slug) or edit one; a save from a stale page is refused with a message."""

    def _event(self, slug):
        return get_object_or_404(Event, slug=slug) if slug else None

    def _render(self, request, form, event, status=200):
        return render(request, "events/staff/event_form.html", {"form": form, "e": event}, status=status)

    def get(self, request, slug=None):
        event = self._event(slug)
        return self._render(request, EventForm(instance=event), event)

    def post(self, request, slug=None):
        event = self._event(slug)
        form = EventForm(request.POST, instance=event)
        if form.is_valid():
            try:
                if event is None:
                    event = content.create_event(by=request.user, data=form.data_for_service())
                else:
                    version = form.cleaned_data.get("version")
                    event = content.update_event(event, by=request.user, data=form.data_for_service(), version=version)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Event saved."))
                return redirect("events_staff:registrations", event.slug)
        return self._render(request, form, event, status=422)


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
