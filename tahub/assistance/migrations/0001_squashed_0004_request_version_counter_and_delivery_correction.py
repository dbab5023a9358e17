import django.core.validators
import django.db.models.deletion
import django_fsm
import simple_history.models
import tahub.core.uploads
from django.conf import settings
from django.db import migrations, models


# From 0002_request_newest_first_index_and_year_statistics (see there why): on PostgreSQL, statistics on the year
# of submission, the expression the public statistics group by.
YEAR_STATISTICS = (
    "CREATE STATISTICS IF NOT EXISTS assistance_tarequest_submitted_year "
    "ON (EXTRACT(YEAR FROM (submitted_at AT TIME ZONE 'UTC'))) FROM assistance_tarequest"
)


def create_year_statistics(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(YEAR_STATISTICS)


def drop_year_statistics(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP STATISTICS IF EXISTS assistance_tarequest_submitted_year")


class Migration(migrations.Migration):

    replaces = [('assistance', '0001_initial'), ('assistance', '0002_request_newest_first_index_and_year_statistics'), ('assistance', '0003_historicaltarequest_programme_activity_and_more'), ('assistance', '0004_request_version_counter_and_delivery_correction')]

    initial = True

    dependencies = [
        ('accounts', '__first__'),
        ('directory', '0001_initial'),
        ('parties', '0002_historicalcontactpoint_contactpoint'),
        ('planning', '0002_mandates_plan_programme'),
        ('vocabularies', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='ServiceLevel',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('step', models.CharField(choices=[('acknowledge', 'Acknowledge (start the review) after submission'), ('decide', 'Decide (accept or decline) after submission')], max_length=20, unique=True, verbose_name='step')),
                ('working_days', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1)], verbose_name='working days')),
            ],
            options={
                'verbose_name': 'service level',
                'verbose_name_plural': 'service levels',
                'ordering': ['working_days'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalServiceLevel',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('step', models.CharField(choices=[('acknowledge', 'Acknowledge (start the review) after submission'), ('decide', 'Decide (accept or decline) after submission')], db_index=True, max_length=20, verbose_name='step')),
                ('working_days', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1)], verbose_name='working days')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical service level',
                'verbose_name_plural': 'historical service levels',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='TARequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('reference', models.CharField(help_text='For example: TA-2026-0042', max_length=20, unique=True, verbose_name='reference')),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('description', models.TextField(help_text='What the Party needs, and why', verbose_name='description')),
                ('expected_results', models.TextField(blank=True, verbose_name='expected results')),
                ('language', models.CharField(choices=[('en', 'English'), ('fr', 'French'), ('es', 'Spanish'), ('ar', 'Arabic'), ('ru', 'Russian'), ('zh', 'Chinese')], default='en', max_length=2, verbose_name='preferred language')),
                ('desired_start', models.DateField(blank=True, null=True, verbose_name='desired start')),
                ('desired_end', models.DateField(blank=True, null=True, verbose_name='desired end')),
                ('state', django_fsm.FSMField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('under_review', 'Under review'), ('info_needed', 'More information needed'), ('accepted', 'Accepted'), ('declined', 'Declined'), ('assigned', 'Assigned to providers'), ('in_delivery', 'In delivery'), ('delivered', 'Delivered'), ('closed', 'Closed'), ('withdrawn', 'Withdrawn')], default='draft', max_length=20, protected=True, verbose_name='status')),
                ('received_by_letter', models.BooleanField(default=False, help_text="Recorded by the Secretariat on the Party's behalf", verbose_name='received by letter')),
                ('message', models.TextField(blank=True, help_text='Information asked, or reason', verbose_name='last message to the Party')),
                ('satisfaction', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='satisfaction')),
                ('feedback', models.TextField(blank=True, verbose_name="the Party's feedback")),
                ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='submitted')),
                ('reviewed_at', models.DateTimeField(blank=True, null=True, verbose_name='review started')),
                ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided')),
                ('delivered_at', models.DateTimeField(blank=True, null=True, verbose_name='delivered')),
                ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='closed')),
                ('assistance_types', models.ManyToManyField(blank=True, related_name='requests', to='vocabularies.assistancetype', verbose_name='types of assistance')),
                ('chemicals', models.ManyToManyField(blank=True, related_name='requests', to='vocabularies.chemical', verbose_name='chemicals')),
                ('conventions', models.ManyToManyField(blank=True, related_name='requests', to='parties.convention', verbose_name='conventions')),
                ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='filed by')),
                ('owner', models.ForeignKey(blank=True, help_text='The regional focal point the request was routed to', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='owned_requests', to=settings.AUTH_USER_MODEL, verbose_name='handled by')),
                ('party', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='requests', to='parties.party', verbose_name='Party')),
                ('themes', models.ManyToManyField(blank=True, related_name='requests', to='vocabularies.theme', verbose_name='themes')),
                ('programme_activity', models.ForeignKey(blank=True, help_text='The activity of the programme of work this request delivers (set by the Secretariat)', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='ta_requests', to='planning.programmeactivity', verbose_name='programme of work activity')),
                ('creation_token', models.CharField(blank=True, editable=False, max_length=64, null=True, unique=True)),
                ('last_changed', models.CharField(blank=True, editable=False, max_length=300, verbose_name='fields changed by the last edit')),
                ('version', models.PositiveIntegerField(default=0, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'technical assistance request',
                'verbose_name_plural': 'technical assistance requests',
                'ordering': ['-created_at'],
                'indexes': [models.Index(fields=['state', 'submitted_at'], name='assistance__state_837e93_idx'), models.Index(fields=['-submitted_at', '-created_at'], name='request_newest_first')],
                'constraints': [models.CheckConstraint(condition=models.Q(('desired_end__isnull', True), ('desired_start__isnull', True), ('desired_end__gte', models.F('desired_start')), _connector='OR'), name='request_timeframe_order')],
            },
            bases=(django_fsm.ConcurrentTransitionMixin, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalAttachment',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('file', models.TextField(max_length=100, validators=[tahub.core.uploads.DocumentValidator()], verbose_name='file')),
                ('title', models.CharField(blank=True, max_length=200, verbose_name='title')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('uploaded_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('request', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='assistance.tarequest', verbose_name='request')),
            ],
            options={
                'verbose_name': 'historical attachment',
                'verbose_name_plural': 'historical attachments',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalAssignment',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('role', models.CharField(blank=True, max_length=300, verbose_name='what they deliver')),
                ('warning', models.CharField(blank=True, max_length=300, verbose_name='warning at assignment')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('assigned_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directory.organisation', verbose_name='provider')),
                ('request', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='assistance.tarequest', verbose_name='request')),
            ],
            options={
                'verbose_name': 'historical assignment',
                'verbose_name_plural': 'historical assignments',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Attachment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('file', models.FileField(upload_to='requests/%Y/', validators=[tahub.core.uploads.DocumentValidator()], verbose_name='file')),
                ('title', models.CharField(blank=True, max_length=200, verbose_name='title')),
                ('uploaded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('request', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attachments', to='assistance.tarequest', verbose_name='request')),
            ],
            options={
                'verbose_name': 'attachment',
                'verbose_name_plural': 'attachments',
                'ordering': ['created_at'],
            },
        ),
        migrations.CreateModel(
            name='Assignment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('role', models.CharField(blank=True, max_length=300, verbose_name='what they deliver')),
                ('warning', models.CharField(blank=True, max_length=300, verbose_name='warning at assignment')),
                ('assigned_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='assignments', to='directory.organisation', verbose_name='provider')),
                ('request', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assignments', to='assistance.tarequest', verbose_name='request')),
            ],
            options={
                'verbose_name': 'assignment',
                'verbose_name_plural': 'assignments',
                'ordering': ['created_at'],
                'constraints': [models.UniqueConstraint(fields=('request', 'organisation'), name='assignment_unique')],
            },
        ),
        migrations.CreateModel(
            name='RequestCounter',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(unique=True, verbose_name='year')),
                ('last', models.PositiveIntegerField(default=0, verbose_name='last number given')),
            ],
            options={
                'verbose_name': 'request counter',
                'verbose_name_plural': 'request counters',
            },
        ),
        migrations.CreateModel(
            name='DeliveryReport',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('start', models.DateField(verbose_name='from')),
                ('end', models.DateField(verbose_name='until')),
                ('activities', models.TextField(help_text='What was done: missions, trainings, advice', verbose_name='activities')),
                ('document', models.FileField(blank=True, upload_to='deliveries/%Y/', validators=[tahub.core.uploads.DocumentValidator()], verbose_name='document')),
                ('assignment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reports', to='assistance.assignment', verbose_name='assignment')),
                ('parties_benefited', models.ManyToManyField(related_name='+', to='parties.party', verbose_name='Parties benefited')),
                ('reported_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('correction', models.TextField(blank=True, help_text='Set by the Secretariat when it corrects the report', verbose_name='why it was corrected')),
            ],
            options={
                'verbose_name': 'delivery report',
                'verbose_name_plural': 'delivery reports',
                'ordering': ['start'],
                'constraints': [models.CheckConstraint(condition=models.Q(('end__gte', models.F('start'))), name='delivery_order')],
            },
        ),
        migrations.CreateModel(
            name='HistoricalDeliveryReport',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('start', models.DateField(verbose_name='from')),
                ('end', models.DateField(verbose_name='until')),
                ('activities', models.TextField(help_text='What was done: missions, trainings, advice', verbose_name='activities')),
                ('document', models.TextField(blank=True, max_length=100, validators=[tahub.core.uploads.DocumentValidator()], verbose_name='document')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('assignment', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='assistance.assignment', verbose_name='assignment')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('reported_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('correction', models.TextField(blank=True, help_text='Set by the Secretariat when it corrects the report', verbose_name='why it was corrected')),
            ],
            options={
                'verbose_name': 'historical delivery report',
                'verbose_name_plural': 'historical delivery reports',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalTARequest',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('reference', models.CharField(db_index=True, help_text='For example: TA-2026-0042', max_length=20, verbose_name='reference')),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('description', models.TextField(help_text='What the Party needs, and why', verbose_name='description')),
                ('expected_results', models.TextField(blank=True, verbose_name='expected results')),
                ('language', models.CharField(choices=[('en', 'English'), ('fr', 'French'), ('es', 'Spanish'), ('ar', 'Arabic'), ('ru', 'Russian'), ('zh', 'Chinese')], default='en', max_length=2, verbose_name='preferred language')),
                ('desired_start', models.DateField(blank=True, null=True, verbose_name='desired start')),
                ('desired_end', models.DateField(blank=True, null=True, verbose_name='desired end')),
                ('state', django_fsm.FSMField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('under_review', 'Under review'), ('info_needed', 'More information needed'), ('accepted', 'Accepted'), ('declined', 'Declined'), ('assigned', 'Assigned to providers'), ('in_delivery', 'In delivery'), ('delivered', 'Delivered'), ('closed', 'Closed'), ('withdrawn', 'Withdrawn')], default='draft', max_length=20, protected=True, verbose_name='status')),
                ('received_by_letter', models.BooleanField(default=False, help_text="Recorded by the Secretariat on the Party's behalf", verbose_name='received by letter')),
                ('message', models.TextField(blank=True, help_text='Information asked, or reason', verbose_name='last message to the Party')),
                ('satisfaction', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='satisfaction')),
                ('feedback', models.TextField(blank=True, verbose_name="the Party's feedback")),
                ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='submitted')),
                ('reviewed_at', models.DateTimeField(blank=True, null=True, verbose_name='review started')),
                ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided')),
                ('delivered_at', models.DateTimeField(blank=True, null=True, verbose_name='delivered')),
                ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='closed')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('created_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='filed by')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('owner', models.ForeignKey(blank=True, db_constraint=False, help_text='The regional focal point the request was routed to', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='handled by')),
                ('party', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='parties.party', verbose_name='Party')),
                ('programme_activity', models.ForeignKey(blank=True, db_constraint=False, help_text='The activity of the programme of work this request delivers (set by the Secretariat)', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='planning.programmeactivity', verbose_name='programme of work activity')),
                ('creation_token', models.CharField(blank=True, db_index=True, editable=False, max_length=64, null=True)),
                ('last_changed', models.CharField(blank=True, editable=False, max_length=300, verbose_name='fields changed by the last edit')),
                ('version', models.PositiveIntegerField(default=0, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'historical technical assistance request',
                'verbose_name_plural': 'historical technical assistance requests',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RunPython(create_year_statistics, drop_year_statistics, elidable=False),
    ]
