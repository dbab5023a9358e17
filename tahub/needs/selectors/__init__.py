"""Every read of the needs assessment used by pages, the API and exports: each costs a fixed number of queries.

Callers import this package for the reads of cycles and responses (`selectors.cycle_get`; they live in
`cycles`); the other topics are modules imported by name: `respondents` (who is invited, who answers for whom,
a respondent's response, response rates), `analysis` (needs, offers, gaps, trends), `delivery` (assistance
delivered), `matrix` (one Party's picture) and `published` (the published results the public reads).
"""

from .cycles import (
    analysed_cycle,
    cycle_get,
    cycle_list,
    cycles_visible_to,
    eligible_parties,
    gap_table,
    invited_party,
    matrix_target,
    parties_answered_by,
    response_of,
    response_rates,
    sections,
)

__all__ = [
    "analysed_cycle",
    "cycle_get",
    "cycle_list",
    "cycles_visible_to",
    "eligible_parties",
    "gap_table",
    "invited_party",
    "matrix_target",
    "parties_answered_by",
    "response_of",
    "response_rates",
    "sections",
]
