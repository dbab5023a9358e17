"""Each translated field gets a column per language (issue 14.3, modeltranslation); English holds today's text."""

from django.db import migrations, models

FIELDS = {
    "Decision": ["title"],
    "ProgrammeActivity": ["title"],
}  # model: its translated fields; today's text is English


def copy_into_english(apps, schema_editor):
    """Today's single text is the English one: copy it into the English column, for the model and its history."""
    for name, fields in FIELDS.items():
        for model in (apps.get_model("planning", name), apps.get_model("planning", "Historical" + name)):
            model.objects.update(**{f"{field}_en": models.F(field) for field in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("planning", "0002_squashed_0003_decision_natural_order"),
    ]

    operations = [
        migrations.AddField(
            model_name="decision",
            name="title_ar",
            field=models.CharField(blank=True, default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="decision",
            name="title_en",
            field=models.CharField(blank=True, default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="decision",
            name="title_es",
            field=models.CharField(blank=True, default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="decision",
            name="title_ru",
            field=models.CharField(blank=True, default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="decision",
            name="title_zh_hans",
            field=models.CharField(blank=True, default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="title_ar",
            field=models.CharField(blank=True, default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="title_en",
            field=models.CharField(blank=True, default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="title_es",
            field=models.CharField(blank=True, default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="title_ru",
            field=models.CharField(blank=True, default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="title_zh_hans",
            field=models.CharField(blank=True, default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="historicalprogrammeactivity",
            name="title_ar",
            field=models.TextField(blank=True, default="", null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="historicalprogrammeactivity",
            name="title_en",
            field=models.TextField(blank=True, default="", null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="historicalprogrammeactivity",
            name="title_es",
            field=models.TextField(blank=True, default="", null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="historicalprogrammeactivity",
            name="title_ru",
            field=models.TextField(blank=True, default="", null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="historicalprogrammeactivity",
            name="title_zh_hans",
            field=models.TextField(blank=True, default="", null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="programmeactivity",
            name="title_ar",
            field=models.TextField(blank=True, default="", null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="programmeactivity",
            name="title_en",
            field=models.TextField(blank=True, default="", null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="programmeactivity",
            name="title_es",
            field=models.TextField(blank=True, default="", null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="programmeactivity",
            name="title_ru",
            field=models.TextField(blank=True, default="", null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="programmeactivity",
            name="title_zh_hans",
            field=models.TextField(blank=True, default="", null=True, verbose_name="title"),
        ),
        migrations.AlterField(
            model_name="decision",
            name="title",
            field=models.CharField(blank=True, default="", max_length=300, verbose_name="title"),
        ),
        migrations.AlterField(
            model_name="decision",
            name="title_fr",
            field=models.CharField(blank=True, default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AlterField(
            model_name="historicaldecision",
            name="title",
            field=models.CharField(blank=True, default="", max_length=300, verbose_name="title"),
        ),
        migrations.AlterField(
            model_name="historicaldecision",
            name="title_fr",
            field=models.CharField(blank=True, default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AlterField(
            model_name="historicalprogrammeactivity",
            name="title",
            field=models.TextField(blank=True, default="", verbose_name="title"),
        ),
        migrations.AlterField(
            model_name="historicalprogrammeactivity",
            name="title_fr",
            field=models.TextField(blank=True, default="", null=True, verbose_name="title"),
        ),
        migrations.AlterField(
            model_name="programmeactivity",
            name="title",
            field=models.TextField(blank=True, default="", verbose_name="title"),
        ),
        migrations.AlterField(
            model_name="programmeactivity",
            name="title_fr",
            field=models.TextField(blank=True, default="", null=True, verbose_name="title"),
        ),
        migrations.RunPython(copy_into_english, migrations.RunPython.noop),
    ]
