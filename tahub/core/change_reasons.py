"""What each audit reason means, in words people read: the history page shows these labels, never the codes.

Services record why a record changed as a code ("assistance.request.submitted") in django-simple-history's
`history_change_reason`. Every code a service, a migration or a loader may record has a label here;
tests/core/test_history_reasons.py reads the source for the codes and fails when one lacks its label.
"""

from django.utils.translation import gettext_lazy as _

LABELS = {
    # accounts and Parties
    "accounts.api_token.created": _("Personal API token created"),
    "accounts.api_token.revoked": _("Personal API token revoked"),
    "accounts.invitation.created": _("Invitation sent"),
    "accounts.invitation.accepted": _("Invitation accepted"),
    "parties.contact_point.created_from_invitation": _("Contact point added when the invitation was accepted"),
    "parties.country.eligibility_overridden": _("Eligibility overridden by the Secretariat"),
    # technical assistance requests
    "assistance.request.created": _("Draft saved by the Party"),
    "assistance.request.edited": _("Request edited"),
    "assistance.request.submitted": _("Submitted by the Party"),
    "assistance.request.resubmitted": _("Information given and submitted again by the Party"),
    "assistance.request.review_started": _("Acknowledged: the Secretariat started the review"),
    "assistance.request.information_asked": _("The Secretariat asked the Party for more information"),
    "assistance.request.accepted": _("Accepted by the Secretariat"),
    "assistance.request.declined": _("Declined by the Secretariat"),
    "assistance.request.assigned": _("Providers assigned"),
    "assistance.request.delivery_started": _("Delivery started"),
    "assistance.request.delivered": _("Delivered"),
    "assistance.request.closed": _("Closed"),
    "assistance.request.withdrawn": _("Withdrawn by the Party"),
    "assistance.request.attachment_added": _("Document attached"),
    "assistance.request.programme_activity": _("Linked to a programme activity"),
    "assistance.delivery.reported": _("Delivery reported by the provider"),
    "assistance.delivery.corrected": _("Delivery report corrected"),
    # regional centres
    "centres.nomination.submitted": _("Nomination submitted"),
    "centres.nomination.endorsed": _("Nomination endorsed"),
    "centres.nomination.not_endorsed": _("Nomination not endorsed"),
    "centres.endorsement.recorded": _("Endorsement recorded"),
    "centres.endorsement.term_of_four_years": _("Endorsement set to a term of four years"),
    "centres.workplan.drafted": _("Work plan drafted"),
    "centres.workplan.submitted": _("Work plan submitted"),
    "centres.workplan.approved": _("Work plan approved"),
    "centres.activity.logged": _("Activity logged"),
    "centres.activity.removed": _("Activity removed"),
    "centres.activity.evidence_attached": _("Evidence attached to the activity"),
    "centres.report.opened": _("Report opened"),
    "centres.report.submitted": _("Report submitted"),
    "centres.report.accepted": _("Report accepted"),
    "centres.report.returned": _("Report returned for revision"),
    "centres.evaluation.scored": _("Evaluation score given"),
    "centres.evaluation.finalised": _("Evaluation finalised"),
    "centres.feedback.given": _("Feedback given by a Party"),
    # directory
    "directory.listing.submitted": _("Listing request submitted"),
    "directory.listing.information_asked": _("The Secretariat asked the requester for more information"),
    "directory.listing.answered": _("The requester answered"),
    "directory.listing.approved": _("Listing request approved"),
    "directory.listing.rejected": _("Listing request rejected"),
    "directory.correction.reported": _("Correction reported"),
    "directory.correction.resolved": _("Correction resolved"),
    "directory.organisation.confirmed": _("Entry confirmed as current by the organisation"),
    # events
    "events.event.created": _("Event created"),
    "events.event.edited": _("Event edited"),
    "events.event.published": _("Event published"),
    "events.event.cancelled": _("Event cancelled"),
    "events.material.added": _("Material added"),
    "events.material.removed": _("Material removed"),
    "events.registration.nominated": _("Participant nominated by the Party"),
    "events.registration.registered": _("Registered"),
    "events.registration.accepted": _("Registration accepted"),
    "events.registration.waitlisted": _("Put on the waiting list"),
    "events.registration.promoted": _("Given a place from the waiting list"),
    "events.registration.declined": _("Registration declined"),
    "events.registration.cancelled": _("Registration cancelled"),
    "events.registration.attendance": _("Attendance recorded"),
    "events.survey.evaluation": _("Evaluation survey answered"),
    "events.survey.follow-up": _("Follow-up survey answered"),
    # proposals and funding
    "funding.donor.saved": _("Donor saved"),
    "funding.pledge.recorded": _("Pledge recorded"),
    "funding.pledge.edited": _("Pledge edited"),
    "funding.pledge.commitment": _("Commitment recorded"),
    "funding.pledge.receipt": _("Receipt recorded"),
    "funding.pledge.entry_corrected": _("A commitment or receipt was corrected"),
    "funding.pledge.entry_voided": _("A commitment or receipt was voided"),
    "funding.entry.corrected": _("Corrected"),
    "funding.entry.voided": _("Voided"),
    "funding.proposal.drafted": _("Proposal drafted"),
    "funding.proposal.edited": _("Proposal edited"),
    "funding.proposal.budget_set": _("Budget set"),
    "funding.proposal.co_funding_set": _("Co-funding set"),
    "funding.proposal.submitted": _("Proposal submitted for review"),
    "funding.proposal.returned": _("Proposal returned to draft"),
    "funding.proposal.published": _("Proposal published"),
    # needs assessment
    "needs.questionnaire.loaded": _("Questionnaire loaded"),
    "needs.cycle.opened": _("Cycle opened"),
    "needs.cycle.changed": _("Cycle changed"),
    "needs.cycle.results_published": _("Results published"),
    "needs.cycle.results_republished": _("Results published again"),
    "needs.cycle.results_withdrawn": _("Results withdrawn"),
    "needs.response.saved": _("Response saved"),
    "needs.response.submitted": _("Response submitted"),
    "needs.response.reopened": _("Response reopened"),
    "needs.answer.saved": _("Answer saved"),
    "needs.reopen_request.made": _("Reopening asked for"),
    "needs.reopen_request.granted": _("Reopening granted"),
    "needs.reopen_request.declined": _("Reopening declined"),
    # observers
    "observers.application.submitted": _("Observer application submitted"),
    "observers.application.information_asked": _("The Secretariat asked the applicant for more information"),
    "observers.application.answered": _("The applicant answered"),
    "observers.application.admitted": _("Admitted as an observer"),
    "observers.application.declined": _("Observer application declined"),
    "observers.meeting.created": _("Meeting created"),
    "observers.meeting.edited": _("Meeting edited"),
    "observers.registration.proposed": _("Representative proposed"),
    "observers.registration.approved": _("Representative approved"),
    "observers.registration.refused": _("Representative refused"),
    # planning
    "planning.biennium.created": _("Biennium created"),
    "planning.biennium.edited": _("Biennium edited"),
    "planning.plan.created": _("Plan created"),
    "planning.plan.edited": _("Plan edited"),
    "planning.objective.created": _("Objective created"),
    "planning.objective.edited": _("Objective edited"),
    "planning.activity.created": _("Programme activity created"),
    "planning.activity.edited": _("Programme activity edited"),
    "planning.paragraph.added": _("Decision paragraph added"),
    "planning.paragraph.text_edited": _("Paragraph text entered by staff"),
    # loaders
    "reference.loaded": _("Loaded from the reference data"),
    "demo.generated": _("Generated as demo data"),
}


def reason_label(code):
    """The label of an audit reason; "" for none. A code without a label (recorded by an older version) is shown
    as recorded rather than hidden: the test of this registry keeps the codes in use all labelled."""
    if not code:
        return ""
    return LABELS.get(code, code)
