from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tahub.core.exports import ListExporter

from . import service_levels


class RequestExporter(ListExporter):
    """The staff queue as filtered, one request per row."""

    identifier = "requests"
    filename = "ta-requests"

    def __init__(self, requests, levels):
        self.requests = requests
        self.levels = levels

    def header(self):
        return [
            _("Reference"), _("Party"), _("Region"), _("Title"), _("Status"), _("Themes"), _("Types of assistance"),
            _("Conventions"), _("Submitted"), _("Decided"), _("Delivered"), _("Working days waiting"), _("Overdue"),
            _("Handled by"), _("Providers"),
        ]  # fmt: skip

    def rows(self):
        for request in self.requests.iterator(chunk_size=500):
            status = service_levels.status_for(request, levels=self.levels)
            yield [
                request.reference,
                request.party.country.name,
                request.party.country.region.code if request.party.country.region else "",
                request.title,
                str(request.get_state_display()),
                "; ".join(t.name for t in request.themes.all()),
                "; ".join(t.name for t in request.assistance_types.all()),
                "; ".join(c.code for c in request.conventions.all()),
                timezone.localdate(request.submitted_at) if request.submitted_at else None,
                timezone.localdate(request.decided_at) if request.decided_at else None,
                timezone.localdate(request.delivered_at) if request.delivered_at else None,
                status["age"] if status["age"] is not None else "",
                str(_("yes")) if status["overdue"] else "",
                str(request.owner or ""),
                "; ".join(str(a.organisation) for a in request.assignments.all()),
            ]
