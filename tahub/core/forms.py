"""Helpers shared by the forms of every app."""

import html

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.choices import BaseChoiceIterator
from django.utils.safestring import mark_safe

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


def _attributes(attrs):
    """HTML attributes as Django's widgets/attrs.html writes them: False left out, True bare, the rest escaped."""
    return "".join(
        f" {name}" if value is True else f' {name}="{_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _escape(value):
    """As the template engine's autoescape does: safe strings kept, the rest str() and escaped."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


class Select(forms.Select):
    """Django's select, written in Python: the same HTML as its widget templates (select.html, select_option.html
    and its last newline, attrs.html: compared by tests/core/test_select_widget.py), at ~16 calls an option
    instead of ~290 (each option an included template). Every list page's filter form uses it (issue 13); a
    single choice only."""

    def render(self, name, value, attrs=None, renderer=None):
        values = set(self.format_value(value))
        parts = [f'<select name="{_escape(name)}"{_attributes(self.build_attrs(self.attrs, attrs))}>']
        selected = False
        for option_value, option_label in self.choices:
            if isinstance(option_label, list | tuple):
                parts.append(f'\n  <optgroup label="{_escape(option_value)}">')
                choices = option_label
            else:
                choices = ((option_value, option_label),)
            for subvalue, sublabel in choices:
                string = "" if subvalue is None else str(subvalue)
                chosen = not selected and string in values
                selected |= chosen
                chosen_attribute = " selected" if chosen else ""
                parts.append(
                    f'\n  <option value="{html.escape(string)}"{chosen_attribute}>{_escape(sublabel)}</option>\n'
                )
            if choices is option_label:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 (every value and label escaped above)


def _div(context):
    """django/forms/div.html."""
    errors, fields, hidden_fields = context["errors"], context["fields"], context["hidden_fields"]
    hidden = "".join(_escape(field) for field in hidden_fields)
    parts = [_escape(errors), "\n"]
    if errors and not fields:
        parts.append(f"\n  <div>{hidden}</div>\n")
    parts.append("\n")
    last = len(fields) - 1
    for index, (field, _errors) in enumerate(fields):
        classes = field.css_classes()
        classes = f' class="{_escape(classes)}"' if classes else ""
        parts.append(f"\n  <div{classes}>\n    {_escape(field.as_field_group())}\n    ")
        if index == last:
            parts.append(f"\n      {hidden}\n    ")
        parts.append("\n</div>\n")
    parts.append("\n")
    if not fields and not errors:
        parts.append(f"\n  {hidden}\n")
    return "".join(parts)


def _field(context):
    """django/forms/field.html."""
    field = context["field"]
    fieldset = field.use_fieldset
    if fieldset:
        described = field.aria_describedby
        described = f' aria-describedby="{_escape(described)}"' if described else ""
        label = _escape(field.legend_tag()) if field.label else ""
        parts = [f"\n  <fieldset{described}>\n  {label}\n"]
    else:
        parts = [f"\n  {_escape(field.label_tag()) if field.label else ''}\n"]
    parts.append("\n")
    if field.help_text:
        auto_id = field.auto_id
        helptext_id = f' id="{_escape(auto_id)}_helptext"' if auto_id else ""
        parts.append(f'<div class="helptext"{helptext_id}>{field.help_text}</div>')
    parts.append(f"\n{_escape(field.errors)}\n{_escape(field)}{'</fieldset>' if fieldset else ''}\n")
    return "".join(parts)


def _label(context):
    """django/forms/label.html."""
    label = _escape(context["label"])
    if not context["use_tag"]:
        return label
    tag = _escape(context["tag"])
    return f"<{tag}{_attributes(context['attrs'] or {})}>{label}</{tag}>"


def _error_list(context):
    """django/forms/errors/list/default.html (ul.html)."""
    errors = context["errors"]
    if not errors:
        return ""
    field_id = errors.field_id
    list_id = f' id="{_escape(field_id)}_error"' if field_id else ""
    items = "".join(f"<li>{_escape(error)}</li>" for error in errors)
    return f'<ul class="{_escape(context["error_class"])}"{list_id}>{items}</ul>'


def _input(context):
    """django/forms/widgets/input.html, which text.html, date.html, checkbox.html… include."""
    widget = context["widget"]
    value = widget["value"]
    value = "" if value is None else f' value="{_escape(value)}"'
    attributes = _attributes(widget["attrs"])
    return f'<input type="{_escape(widget["type"])}" name="{_escape(widget["name"])}"{value}{attributes}>'


class PythonFormRenderer(DjangoTemplates):
    """Django's form renderer, with the templates of a form's fields written in Python: the form (div.html), each
    field (field.html), its label, its errors and its input (the widgets that only include input.html). The same
    HTML (tests/core/test_form_renderer.py compares them), for a few dozen Python calls a field instead of
    thousands: every list page's filter form uses it (`FilterForm`, issue 13). Other templates as Django's."""

    WRITTEN = {
        "django/forms/div.html": _div,
        "django/forms/field.html": _field,
        "django/forms/label.html": _label,
        "django/forms/errors/list/default.html": _error_list,
        "django/forms/errors/list/ul.html": _error_list,
        **{
            f"django/forms/widgets/{name}.html": _input
            for name in ("input", "text", "number", "email", "url", "password", "hidden", "date", "checkbox")
        },
    }

    def render(self, template_name, context, request=None):
        write = self.WRITTEN.get(template_name)
        if write is None:
            return super().render(template_name, context, request=request)
        return write(context).strip()


class FilterForm(forms.Form):
    """A list page's filter form: rendered by `PythonFormRenderer`."""

    default_renderer = PythonFormRenderer()


class _Rows(BaseChoiceIterator):
    """A CodeChoiceField's options: read on first use (a render or a validation), then kept."""

    def __init__(self, read):
        self.read, self.rows = read, None

    def __iter__(self):
        if self.rows is None:
            self.rows = self.read()
        return iter(self.rows)

    def __deepcopy__(self, memo):
        return self  # CodeChoiceField.__deepcopy__ gives each form its own


class CodeChoiceField(forms.ChoiceField):
    """A choice among a table's rows by their code (a filter's region, theme, meeting…), the one way a filter form
    chooses among reference rows. The options are the rows' codes and labels read as values, once a form (on
    first use, neither at import nor at each render), where a ModelChoiceField builds a model instance an option
    at each render and asks the database again for the chosen one (~8,700 Python calls on /events/, issue 13).
    Cleans to the code ("" when empty); a code not among the rows gets ModelChoiceField's message. The labels are
    the label field's values: for a model translated by modeltranslation, `values_list` reads the reader's
    language with the fallbacks the instances have (tests/core/test_code_choice_field.py).

    `queryset` (or a function returning one) gives the rows and their order; `code_field` and `label_field` name
    the columns of the options' values and labels."""

    widget = Select
    default_error_messages = {"invalid_choice": forms.ModelChoiceField.default_error_messages["invalid_choice"]}

    def __init__(self, queryset, *, code_field="code", label_field="name", empty_label="---------", **kwargs):
        super().__init__(**kwargs)
        self.queryset, self.code_field, self.label_field = queryset, code_field, label_field
        self.empty_label = empty_label
        self.choices = _Rows(self._read)

    def _read(self):
        queryset = self.queryset() if callable(self.queryset) else self.queryset
        if self.label_field == self.code_field:
            rows = [(code, code) for code in queryset.values_list(self.code_field, flat=True)]
        else:
            rows = list(queryset.values_list(self.code_field, self.label_field))
        return rows if self.empty_label is None else [("", self.empty_label), *rows]

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.choices = _Rows(result._read)  # the field's and its widget's: one read a form
        return result
