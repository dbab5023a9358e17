"""Each translated field gets a column per language (issue 14.3, modeltranslation); English holds today's text."""

from django.db import migrations, models

FIELDS = {"RegionalCentre": ["name"]}  # model: its translated fields; today's text is English


def copy_into_english(apps, schema_editor):
    """Today's single text is the English one: copy it into the English column, for the model and its history."""
    for name, fields in FIELDS.items():
        for model in (apps.get_model("centres", name), apps.get_model("centres", "Historical" + name)):
            model.objects.update(**{f"{field}_en": models.F(field) for field in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("centres", "0001_squashed_0006_report_returned_for_revision"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalregionalcentre",
            name="name_ar",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="historicalregionalcentre",
            name="name_en",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="historicalregionalcentre",
            name="name_es",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="historicalregionalcentre",
            name="name_fr",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="historicalregionalcentre",
            name="name_ru",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="historicalregionalcentre",
            name="name_zh_hans",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="regionalcentre",
            name="name_ar",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="regionalcentre",
            name="name_en",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="regionalcentre",
            name="name_es",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="regionalcentre",
            name="name_fr",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="regionalcentre",
            name="name_ru",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="regionalcentre",
            name="name_zh_hans",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="historicalregionalcentre",
            name="name",
            field=models.CharField(default="", max_length=300, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="regionalcentre",
            name="name",
            field=models.CharField(default="", max_length=300, verbose_name="name"),
        ),
        migrations.RunPython(copy_into_english, migrations.RunPython.noop),
    ]
