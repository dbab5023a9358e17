"""A paragraph's English text becomes the base field modeltranslation translates (issue 14.3): the column text_en
is renamed to text here; the next migration adds one column per language (text_fr, which holds the French texts,
stays) and copies the English text back into text_en. As events 0003 did."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("planning", "0004_content_in_each_language")]

    operations = [
        migrations.RenameField("decisionparagraph", "text_en", "text"),
        migrations.RenameField("historicaldecisionparagraph", "text_en", "text"),
    ]
