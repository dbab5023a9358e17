"""Who is told what in observer admission. Runs in the worker."""

from django.conf import settings
from django.utils.translation import gettext_lazy

from tahub.core.mail import send_localized

from .models import FocalPoint, ObserverApplication, Registration

APPLICATION_SUBJECTS = {
    "observers.application.submitted": gettext_lazy("We received the application of %(name)s for admission"),
    "observers.application.information_asked": gettext_lazy("Admission of %(name)s: more information needed"),
    "observers.application.answered": gettext_lazy("Admission of %(name)s: your answer was received"),
    "observers.application.admitted": gettext_lazy("%(name)s is admitted as an observer"),
    "observers.application.declined": gettext_lazy("The application of %(name)s for admission was declined"),
}
REGISTRATION_SUBJECTS = {
    "observers.registration.proposed": gettext_lazy("%(meeting)s: a representative of %(name)s awaits approval"),
    "observers.registration.approved": gettext_lazy("%(meeting)s: %(person)s is registered for %(name)s"),
    "observers.registration.refused": gettext_lazy("%(meeting)s: %(person)s was not registered for %(name)s"),
}


def _link(path):
    return settings.SITE_URL.rstrip("/") + path


def send_application_event(*, application_id, event):
    application = ObserverApplication.objects.get(pk=application_id)
    return send_localized(
        [application.contact_email],
        subject=lambda: str(APPLICATION_SUBJECTS[event]) % {"name": application.name},
        template="observers/email/application.txt",
        context={"application": application, "link": _link(application.get_absolute_url())},
    )


def send_registration_event(*, registration_id, event):
    """A proposal goes to the focal points; a decision to the person who proposed."""
    registration = Registration.objects.select_related("meeting", "organisation", "registered_by").get(
        pk=registration_id
    )
    if event == "observers.registration.proposed":
        focal_points = FocalPoint.objects.filter(organisation=registration.organisation).select_related("user")
        recipients = [f.user for f in focal_points if f.user.is_active]
    else:
        recipients = [registration.registered_by]
    link = _link(registration.meeting.get_absolute_url())
    return send_localized(
        recipients,
        subject=lambda: str(REGISTRATION_SUBJECTS[event]) % {
            "meeting": registration.meeting.code.upper(),
            "name": registration.organisation.name,
            "person": registration.name,
        },
        template="observers/email/registration.txt",
        context={"registration": registration, "link": link},
    )  # fmt: skip
