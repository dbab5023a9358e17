"""Each translated field gets a column per language (issue 14.3, modeltranslation); English holds today's text."""

from django.db import migrations, models

FIELDS = {"Organisation": ["summary"]}  # model: its translated fields; today's text is English


def copy_into_english(apps, schema_editor):
    """Today's single text is the English one: copy it into the English column, for the model and its history."""
    for name, fields in FIELDS.items():
        for model in (apps.get_model("directory", name), apps.get_model("directory", "Historical" + name)):
            model.objects.update(**{f"{field}_en": models.F(field) for field in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0005_application_messages"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalorganisation",
            name="summary_ar",
            field=models.TextField(blank=True, default="", null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="historicalorganisation",
            name="summary_en",
            field=models.TextField(blank=True, default="", null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="historicalorganisation",
            name="summary_es",
            field=models.TextField(blank=True, default="", null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="historicalorganisation",
            name="summary_fr",
            field=models.TextField(blank=True, default="", null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="historicalorganisation",
            name="summary_ru",
            field=models.TextField(blank=True, default="", null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="historicalorganisation",
            name="summary_zh_hans",
            field=models.TextField(blank=True, default="", null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="summary_ar",
            field=models.TextField(blank=True, default="", null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="summary_en",
            field=models.TextField(blank=True, default="", null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="summary_es",
            field=models.TextField(blank=True, default="", null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="summary_fr",
            field=models.TextField(blank=True, default="", null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="summary_ru",
            field=models.TextField(blank=True, default="", null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="summary_zh_hans",
            field=models.TextField(blank=True, default="", null=True, verbose_name="summary"),
        ),
        migrations.AlterField(
            model_name="historicalorganisation",
            name="summary",
            field=models.TextField(blank=True, default="", verbose_name="summary"),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="summary",
            field=models.TextField(blank=True, default="", verbose_name="summary"),
        ),
        migrations.RunPython(copy_into_english, migrations.RunPython.noop),
    ]
