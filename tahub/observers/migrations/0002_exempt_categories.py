"""Categories of organisation exempt from admission as observers (decision SC-2/16, paragraph 5).

Parties and non-Party States are States, not organisations, and attend without admission. The IAEA, when it
is in the directory, is exempted by name in the admin (an exemption of one organisation).
"""

from django.db import migrations

BASIS = "SC-2/16, para. 5: United Nations, its specialised agencies, the IAEA and the GEF"
KINDS = ("un-programme", "un-division", "un-agency", "financial-mechanism")


def add(apps, schema_editor):
    Exemption = apps.get_model("observers", "Exemption")
    for kind in KINDS:
        Exemption.objects.get_or_create(kind=kind, defaults={"basis": BASIS})


def remove(apps, schema_editor):
    apps.get_model("observers", "Exemption").objects.filter(kind__in=KINDS, organisation__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("observers", "0001_initial")]
    operations = [migrations.RunPython(add, remove)]
