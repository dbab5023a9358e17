"""Project proposals on the Secretariat's template, their budget lines and co-funding, and the trust funds;
the money: donors, their pledges to a trust fund and the commitments and receipts that settle them.

Amounts are Decimal in their own currency (ISO 4217), with the rate to USD used and its date. Totals (budget,
co-funding, funds still to raise; pledged, committed, received per activity, fund and proposal) are never
stored: selectors compute them in SQL, so they cannot disagree with the rows. One module a topic
(`trust_funds`, `proposals`, `donors`, `pledges`; `amounts`: the field options the amounts share); import the
models from here (`tahub.funding.models`).
"""

from .donors import Donor
from .pledges import Pledge, PledgeEntry
from .proposals import BudgetLine, CoFunding, Proposal
from .trust_funds import TrustFund

__all__ = ["BudgetLine", "CoFunding", "Donor", "Pledge", "PledgeEntry", "Proposal", "TrustFund"]
