"""Paragraph texts and plan and objective titles get a column per language (issue 14.3, modeltranslation); the
English column receives today's text (the French one, text_fr/title_fr, keeps the French). As planning 0004 did."""

from django.db import migrations, models

FIELDS = {"DecisionParagraph": ["text"], "TAPlan": ["title"], "Objective": ["title"]}  # today's text is English


def copy_into_english(apps, schema_editor):
    """Today's single text is the English one: copy it into the English column, for the model and its history."""
    for name, fields in FIELDS.items():
        for model in (apps.get_model("planning", name), apps.get_model("planning", "Historical" + name)):
            rows = model.objects.all()
            if hasattr(rows, "rewrite"):  # today's model (a test calls this): `text` must name the base column
                rows = rows.rewrite(False)
            rows.update(**{f"{field}_en": models.F(field) for field in fields})


class Migration(migrations.Migration):

    dependencies = [
        ('planning', '0005_paragraph_text_translated'),
    ]

    operations = [
        migrations.AddField(
            model_name='decisionparagraph',
            name='text_ar',
            field=models.TextField(blank=True, default='', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='decisionparagraph',
            name='text_en',
            field=models.TextField(blank=True, default='', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='decisionparagraph',
            name='text_es',
            field=models.TextField(blank=True, default='', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='decisionparagraph',
            name='text_ru',
            field=models.TextField(blank=True, default='', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='decisionparagraph',
            name='text_zh_hans',
            field=models.TextField(blank=True, default='', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='historicaldecisionparagraph',
            name='text_ar',
            field=models.TextField(blank=True, default='', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='historicaldecisionparagraph',
            name='text_en',
            field=models.TextField(blank=True, default='', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='historicaldecisionparagraph',
            name='text_es',
            field=models.TextField(blank=True, default='', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='historicaldecisionparagraph',
            name='text_ru',
            field=models.TextField(blank=True, default='', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='historicaldecisionparagraph',
            name='text_zh_hans',
            field=models.TextField(blank=True, default='', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='historicalobjective',
            name='title_ar',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalobjective',
            name='title_en',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalobjective',
            name='title_es',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalobjective',
            name='title_ru',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalobjective',
            name='title_zh_hans',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicaltaplan',
            name='title_ar',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicaltaplan',
            name='title_en',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicaltaplan',
            name='title_es',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicaltaplan',
            name='title_ru',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicaltaplan',
            name='title_zh_hans',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='objective',
            name='title_ar',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='objective',
            name='title_en',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='objective',
            name='title_es',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='objective',
            name='title_ru',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='objective',
            name='title_zh_hans',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='taplan',
            name='title_ar',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='taplan',
            name='title_en',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='taplan',
            name='title_es',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='taplan',
            name='title_ru',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='taplan',
            name='title_zh_hans',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='decisionparagraph',
            name='text',
            field=models.TextField(blank=True, default='', verbose_name='text'),
        ),
        migrations.AlterField(
            model_name='decisionparagraph',
            name='text_fr',
            field=models.TextField(blank=True, default='', null=True, verbose_name='text'),
        ),
        migrations.AlterField(
            model_name='historicaldecisionparagraph',
            name='text',
            field=models.TextField(blank=True, default='', verbose_name='text'),
        ),
        migrations.AlterField(
            model_name='historicaldecisionparagraph',
            name='text_fr',
            field=models.TextField(blank=True, default='', null=True, verbose_name='text'),
        ),
        migrations.AlterField(
            model_name='historicalobjective',
            name='title',
            field=models.CharField(default='', max_length=300, verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='historicalobjective',
            name='title_fr',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='historicaltaplan',
            name='title',
            field=models.CharField(default='', max_length=300, verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='historicaltaplan',
            name='title_fr',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='objective',
            name='title',
            field=models.CharField(default='', max_length=300, verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='objective',
            name='title_fr',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='taplan',
            name='title',
            field=models.CharField(default='', max_length=300, verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='taplan',
            name='title_fr',
            field=models.CharField(default='', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.RunPython(copy_into_english, migrations.RunPython.noop),
    ]
