"""The English title and description become the base fields modeltranslation translates (issue 14.3): the columns
title_en/description_en are renamed to title/description here; the next migration adds one column per language
and copies the English text back into title_en/description_en."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("events", "0002_staff_editing")]

    operations = [
        migrations.RenameField("event", "title_en", "title"),
        migrations.RenameField("event", "description_en", "description"),
        migrations.RenameField("historicalevent", "title_en", "title"),
        migrations.RenameField("historicalevent", "description_en", "description"),
    ]
