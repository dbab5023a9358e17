"""The needs assessment's pages, one module a topic: `cycles` (the cycle lists, opening and changing a cycle,
publishing its results), `responses` (a respondent's questionnaire online and its workbook), `reopen_requests`
(asking to reopen a submitted response, and staff reopening or declining), `analysis` (the gap analysis, the
trend across cycles, a Party's matrix, the summary report). The URLconfs name each view by its module."""
