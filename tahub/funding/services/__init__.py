"""Every write of a proposal: draft and edit (with its budget lines and co-funding), review, publish; and of
the money: donors, pledges, and the commitments and receipts that settle them.

Each runs in one transaction, checks the permission, and records a dotted audit reason. A proposal can be
edited only while it is a draft, and only from the version the editor read; its totals are never written, they
are computed from its lines. A commitment or receipt is corrected or voided (with a reason) from the pledge's
version the editor read; its history keeps what it was.

Callers import this package for the use cases (`services.record_pledge`); they live in `proposals`, `donors`,
`pledges` and `entries`. `co_funding` (a donor's money counted once) and `recording` (a row saved checked with
its audit reason, rates to USD, the frame of the money's dates) are the helpers they share.
"""

from .donors import save_donor
from .entries import correct_entry, record_entry, void_entry
from .pledges import mark_reminded, record_pledge, update_pledge
from .proposals import NOT_A_DRAFT, ProposalNotDraft, draft_proposal, move_proposal, update_proposal

__all__ = [
    "NOT_A_DRAFT",
    "ProposalNotDraft",
    "correct_entry",
    "draft_proposal",
    "mark_reminded",
    "move_proposal",
    "record_entry",
    "record_pledge",
    "save_donor",
    "update_pledge",
    "update_proposal",
    "void_entry",
]
