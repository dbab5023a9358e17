"""Regional centres: the centres and their endorsements by the COP, their work plans, the activity reports they
file each reporting period, their evaluations on the COP's score sheet, Parties' feedback on their services and
the nominations of institutions to become centres. One module a topic; import the models from here
(`tahub.centres.models`)."""

from .centres import Endorsement, RegionalCentre
from .evaluations import Criterion, Evaluation, Score
from .feedback import Feedback
from .nominations import Nomination
from .reports import Activity, ActivityReport, ReportingPeriod
from .work_plans import WorkPlan

__all__ = [
    "Activity",
    "ActivityReport",
    "Criterion",
    "Endorsement",
    "Evaluation",
    "Feedback",
    "Nomination",
    "RegionalCentre",
    "ReportingPeriod",
    "Score",
    "WorkPlan",
]
