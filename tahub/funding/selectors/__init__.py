"""Reads of proposals and of the money, shared by pages, API and exports. Totals are computed in SQL, never
stored or typed: `totals` defines the money's figures (pledged, committed, received, funding, still to raise;
the FTS rule) once, and every read builds on it. A proposal has one figure of what is left, funds to raise
(`proposals.with_totals`).

Callers import this package for the reads (`selectors.pledge_list`); they live in `proposals`, `contributions`
(the public money per activity and per trust fund) and `pledges` (donors, pledges, their commitments and
receipts, reminders, IATI transactions).
"""

from .contributions import activity_contributions, attach_donors, trust_fund_list, trust_funds_with_money
from .pledges import (
    donor_list,
    donors_of,
    entry_get,
    pledge_get,
    pledge_list,
    pledges_to_remind,
    pledges_visible_to,
    transactions_for_activities,
    voided_entries,
)
from .proposals import proposal_get, proposal_list

__all__ = [
    "activity_contributions",
    "attach_donors",
    "donor_list",
    "donors_of",
    "entry_get",
    "pledge_get",
    "pledge_list",
    "pledges_to_remind",
    "pledges_visible_to",
    "proposal_get",
    "proposal_list",
    "transactions_for_activities",
    "trust_fund_list",
    "trust_funds_with_money",
    "voided_entries",
]
