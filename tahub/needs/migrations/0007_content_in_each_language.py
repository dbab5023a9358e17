"""Each translated field gets a column per language (issue 14.3, modeltranslation); English holds today's text."""

from django.db import migrations, models

FIELDS = {"Question": ["label", "section_title"]}  # model: its translated fields; today's text is English


def copy_into_english(apps, schema_editor):
    """Today's single text is the English one: copy it into the English column, for the model and its history."""
    for name, fields in FIELDS.items():
        for model in (apps.get_model("needs", name), apps.get_model("needs", "Historical" + name)):
            model.objects.update(**{f"{field}_en": models.F(field) for field in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("needs", "0001_squashed_0006_published_results"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalquestion",
            name="label_ar",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="question"),
        ),
        migrations.AddField(
            model_name="historicalquestion",
            name="label_en",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="question"),
        ),
        migrations.AddField(
            model_name="historicalquestion",
            name="label_es",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="question"),
        ),
        migrations.AddField(
            model_name="historicalquestion",
            name="label_fr",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="question"),
        ),
        migrations.AddField(
            model_name="historicalquestion",
            name="label_ru",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="question"),
        ),
        migrations.AddField(
            model_name="historicalquestion",
            name="label_zh_hans",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="question"),
        ),
        migrations.AddField(
            model_name="historicalquestion",
            name="section_title_ar",
            field=models.CharField(default="", max_length=200, null=True, verbose_name="section title"),
        ),
        migrations.AddField(
            model_name="historicalquestion",
            name="section_title_en",
            field=models.CharField(default="", max_length=200, null=True, verbose_name="section title"),
        ),
        migrations.AddField(
            model_name="historicalquestion",
            name="section_title_es",
            field=models.CharField(default="", max_length=200, null=True, verbose_name="section title"),
        ),
        migrations.AddField(
            model_name="historicalquestion",
            name="section_title_fr",
            field=models.CharField(default="", max_length=200, null=True, verbose_name="section title"),
        ),
        migrations.AddField(
            model_name="historicalquestion",
            name="section_title_ru",
            field=models.CharField(default="", max_length=200, null=True, verbose_name="section title"),
        ),
        migrations.AddField(
            model_name="historicalquestion",
            name="section_title_zh_hans",
            field=models.CharField(default="", max_length=200, null=True, verbose_name="section title"),
        ),
        migrations.AddField(
            model_name="question",
            name="label_ar",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="question"),
        ),
        migrations.AddField(
            model_name="question",
            name="label_en",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="question"),
        ),
        migrations.AddField(
            model_name="question",
            name="label_es",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="question"),
        ),
        migrations.AddField(
            model_name="question",
            name="label_fr",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="question"),
        ),
        migrations.AddField(
            model_name="question",
            name="label_ru",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="question"),
        ),
        migrations.AddField(
            model_name="question",
            name="label_zh_hans",
            field=models.CharField(default="", max_length=300, null=True, verbose_name="question"),
        ),
        migrations.AddField(
            model_name="question",
            name="section_title_ar",
            field=models.CharField(default="", max_length=200, null=True, verbose_name="section title"),
        ),
        migrations.AddField(
            model_name="question",
            name="section_title_en",
            field=models.CharField(default="", max_length=200, null=True, verbose_name="section title"),
        ),
        migrations.AddField(
            model_name="question",
            name="section_title_es",
            field=models.CharField(default="", max_length=200, null=True, verbose_name="section title"),
        ),
        migrations.AddField(
            model_name="question",
            name="section_title_fr",
            field=models.CharField(default="", max_length=200, null=True, verbose_name="section title"),
        ),
        migrations.AddField(
            model_name="question",
            name="section_title_ru",
            field=models.CharField(default="", max_length=200, null=True, verbose_name="section title"),
        ),
        migrations.AddField(
            model_name="question",
            name="section_title_zh_hans",
            field=models.CharField(default="", max_length=200, null=True, verbose_name="section title"),
        ),
        migrations.AlterField(
            model_name="historicalquestion",
            name="label",
            field=models.CharField(default="", max_length=300, verbose_name="question"),
        ),
        migrations.AlterField(
            model_name="historicalquestion",
            name="section_title",
            field=models.CharField(default="", max_length=200, verbose_name="section title"),
        ),
        migrations.AlterField(
            model_name="question",
            name="label",
            field=models.CharField(default="", max_length=300, verbose_name="question"),
        ),
        migrations.AlterField(
            model_name="question",
            name="section_title",
            field=models.CharField(default="", max_length=200, verbose_name="section title"),
        ),
        migrations.RunPython(copy_into_english, migrations.RunPython.noop),
    ]
