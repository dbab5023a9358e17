"""Where a request goes and whether it is complete: the rules behind submission and assignment."""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from tahub.accounts.models import StaffRole, User

M2M_FIELDS = ("themes", "assistance_types", "chemicals", "conventions")


def set_tags(request, data):
    """Set the controlled-vocabulary tags given in `data` (absent keys are left as they are)."""
    for name in M2M_FIELDS:
        if name in data:
            getattr(request, name).set(data[name])


def check_complete(request):
    """A request can be submitted once every field the Secretariat needs to triage it is there."""
    errors = {}
    if not request.title.strip():
        errors["title"] = _("Give the request a title.")
    if len(request.description.strip()) < 20:
        errors["description"] = _("Describe what you need in a few sentences (at least 20 characters).")
    if not request.themes.exists():
        errors["themes"] = _("Choose at least one theme.")
    if not request.assistance_types.exists():
        errors["assistance_types"] = _("Choose at least one type of assistance.")
    if not request.conventions.exists():
        errors["conventions"] = _("Choose the convention(s) the request concerns.")
    if errors:
        raise ValidationError(errors)


def regional_focal_point(party):
    """The Secretariat's regional focal point for the Party's UN region, or None if the post is vacant."""
    region = party.country.region
    if region is None:
        return None
    return (
        User.objects.filter(
            is_active=True, staff_roles__role=StaffRole.Role.REGIONAL_FOCAL_POINT, staff_roles__region=region
        )
        .order_by("pk")
        .first()
    )


def fit_warning(request, organisation):
    """A warning when the provider has declared none of the request's themes or types of assistance."""
    offered_themes = getattr(organisation, "themes", None)
    offered_types = getattr(organisation, "assistance_types", None)
    themes = offered_themes is not None and offered_themes.filter(pk__in=request.themes.all()).exists()
    types = offered_types is not None and offered_types.filter(pk__in=request.assistance_types.all()).exists()
    if themes or types:
        return ""
    return _("%(org)s has not declared that it offers any of this request's themes or types of assistance.") % {
        "org": organisation
    }


def fit_warnings(request, organisations):
    """{organisation id: warning} for the providers that offer none of the request's themes or types of
    assistance, shown next to them before anyone assigns them: two queries, however many providers."""
    from tahub.directory.models import Organisation

    ids = [o.pk for o in organisations]
    fitting = set(
        Organisation.objects.filter(pk__in=ids)
        .filter(Q(themes__in=request.themes.all()) | Q(assistance_types__in=request.assistance_types.all()))
        .values_list("pk", flat=True)
    )
    return {
        o.pk: _("%(org)s has not declared that it offers any of this request's themes or types of assistance.")
        % {"org": o}
        for o in organisations
        if o.pk not in fitting
    }
