"""The observers' API, one router a topic: `meetings` (public: the meetings open to observers and the bodies
admitted to one; the Secretariat's list of the observers at a meeting with their representatives),
`applications` (a body applies once, with documents, and follows its application by the private token; the
Secretariat reviews it) and `registrations` (an admitted or exempt body's representatives at a meeting). The same
services, selectors and permissions as the pages. `router` (tagged "observers", the one tahub/api.py adds) holds
them.

Every endpoint names its operationId as it was before these modules were a package
(`tahub_observers_api_<function>`, `tahub_observers_registration_api_<function>`): the OpenAPI document is the
contract, and clients generated from it keep their method names."""

from ninja import Router

from . import applications, meetings, registrations

router = Router(tags=["observers"])
for topic in (meetings, applications, registrations):
    router.add_router("", topic.router)

__all__ = ["router"]
