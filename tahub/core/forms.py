"""Helpers shared by the forms of every app."""


def add_service_errors(form, error):
    """Show a service's ValidationError on the form: each message next to the field it names when the form
    has that field, the rest at the top of the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)
