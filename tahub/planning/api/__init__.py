"""The planning API, one router a topic: `decisions` (the COP decisions; tagged "decisions"), `mandates` (decision
paragraphs and the mandate coverage), `plans` (the four-year plans with their objectives, and the bienniums: the
public reads and the staff's writes) and `programme` (the programme of work's activities: the public reads and
the staff's additions), the last three tagged "plan". `router` (untagged, so each topic keeps its tag) holds them
and is the one tahub/api.py adds. `fields` holds the field types they share.

A path's reads and writes are on one topic's router, as ninja serves one path (`/plans/{start_year}`) from one
router only. Every endpoint names its operationId as it was before these modules were a package
(`tahub_planning_api_<function>`, `tahub_planning_programme_api_<function>`, `tahub_planning_plan_api_<function>`):
the OpenAPI document is the contract, and clients generated from it keep their method names."""

from ninja import Router

from . import decisions, mandates, plans, programme

router = Router()
for topic in (decisions, mandates, plans, programme):
    router.add_router("", topic.router)

__all__ = ["router"]
