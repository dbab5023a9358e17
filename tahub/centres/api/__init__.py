"""The regional centres' API, one router a topic: `centres` (public: the centres, their endorsements and reported
activities), `reports` (a centre's activity reports), `work_plans`, `feedback` (Parties' feedback), `nominations`
and `evaluations` (the Secretariat's). `router` (tagged "regional centres", the one tahub/api.py adds) holds them,
as the funding app's does.

Every endpoint names its operationId as it was before these modules were a package
(`tahub_centres_<old module>_<function>`): the OpenAPI document is the contract, and clients generated from it
keep their method names."""

from ninja import Router

from . import centres, evaluations, feedback, nominations, reports, work_plans

router = Router(tags=["regional centres"])
for topic in (centres, reports, work_plans, feedback, nominations, evaluations):
    router.add_router("", topic.router)

__all__ = ["router"]
