from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tahub.core.exports import ListExporter


class MeetingObserverExporter(ListExporter):
    """The admitted observers at one meeting, one approved representative per row."""

    identifier = "observers"

    def __init__(self, meeting, organisations, statuses):
        self.meeting = meeting
        self.organisations = organisations
        self.statuses = statuses
        self.filename = f"observers-{meeting.code}"

    def header(self):
        return [_("Organisation"), _("Category"), _("Country of seat"), _("Admission"), _("Representative"),
                _("Function"), _("Approved")]  # fmt: skip

    def rows(self):
        for organisation in self.organisations:
            status = str(self.statuses.get(organisation.pk, ""))
            for registration in organisation.representatives:
                yield [
                    organisation.name,
                    str(organisation.get_kind_display()),
                    organisation.country.name if organisation.country else "",
                    status,
                    registration.name,
                    registration.function,
                    timezone.localdate(registration.updated_at),
                ]
