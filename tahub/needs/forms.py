from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Level, Question, Questionnaire


class QuestionnaireForm(forms.Form):
    """One field per question, named by its code; all optional here: completeness is checked on submit."""

    def __init__(self, *args, questions, answers=None, readonly=False, **kwargs):
        answers = answers or {}
        super().__init__(*args, **kwargs)
        for question in questions:
            answer = answers.get(question.pk)
            if question.kind == Question.Kind.LEVEL:
                field = forms.ChoiceField(choices=[("", "—"), *Level.choices], required=False)
                initial = answer.level if answer else ""
            else:
                field = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
                initial = answer.text if answer else ""
            field.label, field.initial, field.disabled = question.label, initial, readonly
            self.fields[question.code] = field

    def section_fields(self, sections):
        """[(section title, [bound fields])] for the template, in the questionnaire's order."""
        return [(title, [self[q.code] for q in questions]) for title, questions in sections]


class CycleForm(forms.Form):
    slug = forms.SlugField(label=_("Code"), help_text=_("For example: needs-2026"))
    title = forms.CharField(label=_("Title"), max_length=300)
    period = forms.CharField(label=_("Period covered"), max_length=40, help_text=_("For example: 2026-2029"))
    deadline = forms.DateField(label=_("Deadline"), help_text=_("For example: 2026-09-30"))
    questionnaire = forms.ModelChoiceField(
        label=_("Questionnaire"), queryset=Questionnaire.objects.filter(kind=Questionnaire.Kind.NEEDS)
    )
