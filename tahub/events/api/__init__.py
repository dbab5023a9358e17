"""The events' API, on one router (ninja serves one path from one router only: `GET /events` and the staff's
`POST /events` share theirs): `events` (the router; the public calendar and one event), `registrations`
(nominations, open registration, the staff's decisions), `content` (the staff create, edit, publish and cancel
an event) and `attendance` (the staff record who attended). tahub/api.py adds `router`.

The modules are imported in the order their endpoints joined the router before it was a package, so the URL
patterns and the OpenAPI document list them as before; every endpoint names its operationId as it was then
(`tahub_events_api_<function>`, `tahub_events_staff_api_<function>`): clients generated from the document keep
their method names.
"""

# isort: off
from .events import router
from . import registrations, content, attendance  # noqa: F401  (their endpoints join the router, in this order)

# isort: on

__all__ = ["router"]
