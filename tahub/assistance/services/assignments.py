"""Assigning providers to an accepted request, each with the warning when it offers none of what is asked."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .. import routing
from ..models import Assignment, TARequest
from .moves import move_request

if TYPE_CHECKING:
    from tahub.accounts.models import User
    from tahub.directory.models import Organisation


@transaction.atomic
def assign_providers(
    request: TARequest,
    *,
    by: User,
    organisations: Iterable[Organisation],
    role: str = "",
    seen_state: str | None = None,
) -> tuple[TARequest, list[Assignment]]:
    """Assign one or more providers. A provider that offers none of the request's themes or types of
    assistance may still be assigned: the assignment records the warning, which the caller shows."""
    organisations = list(organisations)
    if not organisations:
        raise ValidationError({"organisations": _("Choose at least one provider.")})
    request = move_request(
        request,
        by=by,
        action="assign",
        reason="assistance.request.assigned",
        seen_state=seen_state,
    )
    assignments: list[Assignment] = []
    for organisation in organisations:
        warning = routing.fit_warning(request, organisation)
        assignment, _created = Assignment.objects.get_or_create(
            request=request, organisation=organisation, defaults={"role": role, "assigned_by": by, "warning": warning}
        )
        assignments.append(assignment)
    return request, assignments
