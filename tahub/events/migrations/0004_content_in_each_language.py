"""Each translated field gets a column per language (issue 14.3, modeltranslation); English holds today's text."""

from django.db import migrations, models

FIELDS = {"Event": ["title", "description"]}  # model: its translated fields; today's text is English


def copy_into_english(apps, schema_editor):
    """Today's single text is the English one: copy it into the English column, for the model and its history."""
    for name, fields in FIELDS.items():
        for model in (apps.get_model("events", name), apps.get_model("events", "Historical" + name)):
            model.objects.update(**{f"{field}_en": models.F(field) for field in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_title_description_translated"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="description_ar",
            field=models.TextField(blank=True, default="", null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="event",
            name="description_en",
            field=models.TextField(blank=True, default="", null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="event",
            name="description_es",
            field=models.TextField(blank=True, default="", null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="event",
            name="description_ru",
            field=models.TextField(blank=True, default="", null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="event",
            name="description_zh_hans",
            field=models.TextField(blank=True, default="", null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_ar",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_en",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_es",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_ru",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_zh_hans",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="historicalevent",
            name="description_ar",
            field=models.TextField(blank=True, default="", null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="historicalevent",
            name="description_en",
            field=models.TextField(blank=True, default="", null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="historicalevent",
            name="description_es",
            field=models.TextField(blank=True, default="", null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="historicalevent",
            name="description_ru",
            field=models.TextField(blank=True, default="", null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="historicalevent",
            name="description_zh_hans",
            field=models.TextField(blank=True, default="", null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="historicalevent",
            name="title_ar",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="historicalevent",
            name="title_en",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="historicalevent",
            name="title_es",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="historicalevent",
            name="title_ru",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="historicalevent",
            name="title_zh_hans",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AlterField(
            model_name="event",
            name="description",
            field=models.TextField(blank=True, default="", verbose_name="description"),
        ),
        migrations.AlterField(
            model_name="event",
            name="description_fr",
            field=models.TextField(blank=True, default="", null=True, verbose_name="description"),
        ),
        migrations.AlterField(
            model_name="event",
            name="title",
            field=models.CharField(default="", max_length=300, verbose_name="title"),
        ),
        migrations.AlterField(
            model_name="event",
            name="title_fr",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AlterField(
            model_name="historicalevent",
            name="description",
            field=models.TextField(blank=True, default="", verbose_name="description"),
        ),
        migrations.AlterField(
            model_name="historicalevent",
            name="description_fr",
            field=models.TextField(blank=True, default="", null=True, verbose_name="description"),
        ),
        migrations.AlterField(
            model_name="historicalevent",
            name="title",
            field=models.CharField(default="", max_length=300, verbose_name="title"),
        ),
        migrations.AlterField(
            model_name="historicalevent",
            name="title_fr",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="title"),
        ),
        migrations.RunPython(copy_into_english, migrations.RunPython.noop),
    ]
