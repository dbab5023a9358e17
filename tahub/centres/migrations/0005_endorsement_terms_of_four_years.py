"""A term of endorsement is four calendar years (2026–2029), not five: terms recorded as start + 4 end a year
earlier. Each change is kept in the endorsement's history, with its own reason."""

from django.db import migrations
from django.db.models import F
from django.utils import timezone

REASON = "centres.endorsement.term_of_four_years"


def _fix(apps, shift):
    Endorsement = apps.get_model("centres", "Endorsement")
    History = apps.get_model("centres", "HistoricalEndorsement")
    now = timezone.now()
    span = 4 if shift < 0 else 3
    for endorsement in Endorsement.objects.filter(end_year=F("start_year") + span):
        endorsement.end_year += shift
        Endorsement.objects.filter(pk=endorsement.pk).update(end_year=endorsement.end_year, updated_at=now)
        History.objects.create(
            id=endorsement.pk, created_at=endorsement.created_at, updated_at=now,
            decision_reference=endorsement.decision_reference, start_year=endorsement.start_year,
            end_year=endorsement.end_year, decision_id=endorsement.decision_id, centre_id=endorsement.centre_id,
            history_date=now, history_type="~", history_change_reason=REASON,
        )  # fmt: skip


def forwards(apps, schema_editor):
    _fix(apps, -1)


def backwards(apps, schema_editor):
    _fix(apps, +1)


class Migration(migrations.Migration):
    dependencies = [("centres", "0004_activity_programme_activity")]
    operations = [migrations.RunPython(forwards, backwards, elidable=True)]  # a fix of old rows: not in the squash
