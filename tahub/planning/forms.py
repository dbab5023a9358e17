from django import forms
from django.utils.translation import gettext_lazy as _

from . import selectors


class DecisionFilterForm(forms.Form):
    """The decisions list's filters; a GET form, so it works without JavaScript."""

    topic = forms.ChoiceField(label=_("Topic"), required=False)
    meeting = forms.ModelChoiceField(
        label=_("Meeting"),
        queryset=selectors.meeting_list(),
        to_field_name="code",
        required=False,
        empty_label=_("All meetings"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Topics are reference data (English slugs), read once per form.
        topics = [(t, t.replace("-", " ")) for t in selectors.decision_topics()]
        self.fields["topic"].choices = [("", _("All topics")), *topics]

    def filters(self):
        """The valid filters only: a bad value is reported beside its field and the others still apply."""
        if not self.is_bound:
            return {}
        self.is_valid()
        meeting = self.cleaned_data.get("meeting")
        return {"topic": self.cleaned_data.get("topic") or None, "meeting": meeting.code if meeting else None}
