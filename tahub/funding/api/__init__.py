"""API for proposals and the money: the same selectors, services and rules as the pages. Amounts are decimal
strings ("1000000.00"), never floats.

Public: published proposals with their computed totals (`proposals`), the contributions per activity
(`contributions`) and the money per trust fund (`trust_funds`). A staff member's API token: every proposal,
drafting and moving one (`drafts`); donors (`donors`); pledges (`pledges`) and the commitments and receipts
that settle them (`entries`). `fields` holds the field types they share.

Each topic has its router; `router` (tagged "funding", the one tahub/api.py adds) holds them. Every operationId
is pinned to the one the endpoint had in api.py, money_api.py or proposal_api.py (ninja derives it from the
module's path), so the OpenAPI document and the clients generated from it do not change with the layout.
"""

from ninja import Router

from . import contributions, donors, drafts, entries, pledges, proposals, trust_funds

router = Router(tags=["funding"])
for topic in (proposals, drafts, contributions, donors, pledges, entries, trust_funds):
    router.add_router("", topic.router)

__all__ = ["router"]
