"""Background work of accounts, run by `manage.py db_worker`."""

from django_tasks import task

from . import emails, selectors


@task()
def task_send_invitation(*, invitation_id):
    """E-mail an invitation its link; an invitation since accepted or deleted is skipped."""
    invitation = selectors.invitation_get(invitation_id)
    if invitation is None or invitation.accepted_at is not None:
        return
    emails.send_invitation(invitation)
