"""Workshops, trainings, webinars and briefings: the events (`events`), their materials (`materials`), who takes
part (`registrations`: nominations and open registrations, one workflow) and what they said afterwards
(`surveys`). One module a topic; import the models from here (`tahub.events.models`)."""

from .events import (
    LANGUAGE_NAMES,
    MANAGE,
    OUT_OF_RANGE,
    Event,
    EventState,
    Kind,
    Mode,
    RegistrationMode,
    date_range,
    language_name,
    validate_time_zone,
)
from .materials import Material
from .registrations import CANCEL, Registration, RegistrationState
from .surveys import SurveyAnswer, SurveyResponse

__all__ = [
    "CANCEL",
    "LANGUAGE_NAMES",
    "MANAGE",
    "OUT_OF_RANGE",
    "Event",
    "EventState",
    "Kind",
    "Material",
    "Mode",
    "Registration",
    "RegistrationMode",
    "RegistrationState",
    "SurveyAnswer",
    "SurveyResponse",
    "date_range",
    "language_name",
    "validate_time_zone",
]
