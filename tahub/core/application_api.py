"""The API's view of a private-link application (core/applications.py): what its applicant reads by token.

Domain-free. An app's schema extends `ApplicationStatusOut` and narrows `kind` and `state` to its own enums
(named for the OpenAPI document, e.g. ListingState) and, where its words differ, the descriptions; a field
redeclared in a subclass keeps its place, so the document lists the fields in this order for every app.
"""

from datetime import datetime

from ninja import Field, Schema


class ApplicationStatusOut(Schema):
    token: str = Field(description="The private token: keep it; it is the only way to follow the application")
    name: str
    kind: str
    state: str
    message: str = Field(description="Questions from the Secretariat and the answers, in order")
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
