"""Technical assistance requests: the requests with their states and numbering, the documents attached to them,
the providers assigned to deliver them with what they report delivered, and the Secretariat's service levels.
One module a topic; import the models from here (`tahub.assistance.models`)."""

from .assignments import Assignment, DeliveryReport
from .attachments import Attachment
from .requests import Language, RequestCounter, State, TARequest
from .service_levels import ServiceLevel

__all__ = [
    "Assignment",
    "Attachment",
    "DeliveryReport",
    "Language",
    "RequestCounter",
    "ServiceLevel",
    "State",
    "TARequest",
]
