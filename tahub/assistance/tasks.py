"""Background work for requests: the e-mails that follow each move."""

from django_tasks import task

from . import notifications


@task()
def task_notify_request(*, request_id, event):
    """Tell the people concerned that a request moved; fetched fresh, so the e-mail shows the state now."""
    notifications.send_request_event(request_id=request_id, event=event)


@task()
def task_remind_overdue():
    """Daily: e-mail the owner of each request past its service level (the administrators if none)."""
    from . import selectors

    for request_id in selectors.overdue_requests().values_list("pk", flat=True):
        notifications.send_request_event(request_id=request_id, event="assistance.request.overdue")
