"""Helpers shared by the forms of every app."""

from django import forms

from .uploads import DocumentValidator


def add_service_errors(form, error):
    """Show a service's ValidationError on the form: each message next to the field it names when the form
    has that field, the rest at the top of the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleDocumentsField(forms.FileField):
    """Several files in one input; each one checked for type, size and content."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("validators", [DocumentValidator()])
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if self.required and not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return [super(MultipleDocumentsField, self).clean(f, initial) for f in files]
