"""The API's view of a private-link application (core/applications.py): what its applicant reads by token.

Domain-free. An app's schema extends `ApplicationStatusOut` and narrows `kind` and `state` to its own enums
(named for the OpenAPI document, e.g. ListingState) and, where its words differ, the descriptions; a field
redeclared in a subclass keeps its place, so the document lists the fields in this order for every app.
"""

from datetime import datetime
from typing import Literal

from ninja import Field, Schema


class ApplicationMessageOut(Schema):
    sender: Literal["applicant", "secretariat"] = Field(description="Who sent it: the applicant or the Secretariat")
    sent_at: datetime
    text: str
    documents: list[str] = Field(description="Names of the documents sent with it")

    @staticmethod
    def resolve_sender(obj):
        return "applicant" if obj.from_applicant else "secretariat"

    @staticmethod
    def resolve_documents(obj):
        return [str(d) for d in obj.documents.all()]


class ApplicationStatusOut(Schema):
    token: str = Field(description="The private token: keep it; it is the only way to follow the application")
    name: str
    kind: str
    state: str
    messages: list[ApplicationMessageOut] = Field(description="The Secretariat's questions and the answers, in order")
    reason: str = Field(description="Why the application was declined")
    organisation: str | None = Field(description="Code of the organisation, once accepted")
    documents: list[str] = Field(description="Names of the documents sent")
    created_at: datetime
    decided_at: datetime | None

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.slug if obj.organisation_id else None

    @staticmethod
    def resolve_documents(obj):
        return [str(d) for d in obj.documents.all()]

    @staticmethod
    def resolve_messages(obj):
        return list(obj.messages.all())
