"""Needs assessment: versioned questionnaires (loaded from files), cycles, respondents' responses and answers,
and what happens around them. One module a topic; import the models from here (`tahub.needs.models`)."""

from .cycles import BAD_PERIOD, Cycle, period_years
from .notices import Notice
from .questionnaires import Level, Part, Question, Questionnaire
from .reopen_requests import ReopenRequest
from .responses import Amount, Answer, Response, respondent_url
from .results import PublishedResults

__all__ = [
    "BAD_PERIOD",
    "Amount",
    "Answer",
    "Cycle",
    "Level",
    "Notice",
    "Part",
    "PublishedResults",
    "Question",
    "Questionnaire",
    "ReopenRequest",
    "Response",
    "period_years",
    "respondent_url",
]
