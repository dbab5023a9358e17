import django.db.models.deletion
import django_fsm
import simple_history.models
import tahub.core.models
import tahub.core.uploads
import tahub.observers.models
from django.conf import settings
from django.db import migrations, models


# From 0002_exempt_categories: a fresh database needs these rows (tests/conftest.py adds them again after a flush).
# Categories of organisation exempt from admission as observers (decision SC-2/16, paragraph 5).
EXEMPT_BASIS = "SC-2/16, para. 5: United Nations, its specialised agencies, the IAEA and the GEF"
EXEMPT_KINDS = ("un-programme", "un-division", "un-agency", "financial-mechanism")


def add_exempt_categories(apps, schema_editor):
    Exemption = apps.get_model("observers", "Exemption")
    for kind in EXEMPT_KINDS:
        Exemption.objects.get_or_create(kind=kind, defaults={"basis": EXEMPT_BASIS})


def remove_exempt_categories(apps, schema_editor):
    Exemption = apps.get_model("observers", "Exemption")
    Exemption.objects.filter(kind__in=EXEMPT_KINDS, organisation__isnull=True).delete()


class Migration(migrations.Migration):

    replaces = [('observers', '0001_initial'), ('observers', '0002_exempt_categories'), ('observers', '0003_private_link_application_base'), ('observers', '0004_observer_meeting_version')]

    initial = True

    dependencies = [
        ('accounts', '__first__'),
        ('directory', '0002_offerings_listing_requests_corrections'),
        ('parties', '0002_historicalcontactpoint_contactpoint'),
        ('planning', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalExemption',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('kind', models.CharField(blank=True, choices=[('un-programme', 'UN programme'), ('un-division', 'UN division or branch'), ('un-agency', 'UN specialised agency'), ('igo', 'Intergovernmental organisation'), ('coordination-mechanism', 'Inter-organisation coordination mechanism'), ('financial-mechanism', 'Financial mechanism'), ('financial-institution', 'Financial institution'), ('mea', 'Secretariat of another convention'), ('bilateral', 'Bilateral development agency'), ('ngo', 'Non-governmental organisation'), ('research', 'Research or academic institution'), ('private', 'Private sector'), ('regional-centre', 'Regional centre'), ('other', 'Other')], max_length=30, verbose_name='category')),
                ('basis', models.CharField(help_text='For example: decision SC-2/16, paragraph 5', max_length=200, verbose_name='basis')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directory.organisation', verbose_name='organisation')),
            ],
            options={
                'verbose_name': 'historical exemption from admission',
                'verbose_name_plural': 'historical exemptions from admission',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalFocalPoint',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directory.organisation', verbose_name='organisation')),
                ('user', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='user')),
            ],
            options={
                'verbose_name': 'historical observer focal point',
                'verbose_name_plural': 'historical observer focal points',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='ObserverApplication',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('token', models.CharField(default=tahub.core.models.private_link_token, editable=False, max_length=64, unique=True)),
                ('state', django_fsm.FSMField(choices=[('submitted', 'Submitted'), ('info_needed', 'More information needed'), ('admitted', 'Admitted'), ('declined', 'Declined')], default='submitted', max_length=20, protected=True, verbose_name='status')),
                ('name', models.CharField(max_length=300, verbose_name='name of the body')),
                ('short_name', models.CharField(blank=True, max_length=60, verbose_name='short name or acronym')),
                ('kind', models.CharField(choices=[('un-programme', 'UN programme'), ('un-division', 'UN division or branch'), ('un-agency', 'UN specialised agency'), ('igo', 'Intergovernmental organisation'), ('coordination-mechanism', 'Inter-organisation coordination mechanism'), ('financial-mechanism', 'Financial mechanism'), ('financial-institution', 'Financial institution'), ('mea', 'Secretariat of another convention'), ('bilateral', 'Bilateral development agency'), ('ngo', 'Non-governmental organisation'), ('research', 'Research or academic institution'), ('private', 'Private sector'), ('regional-centre', 'Regional centre'), ('other', 'Other')], max_length=30, verbose_name='category')),
                ('website', models.URLField(blank=True, verbose_name='website')),
                ('description', models.TextField(verbose_name='description of the body')),
                ('affiliations', models.TextField(blank=True, verbose_name='affiliations')),
                ('programmes', models.TextField(help_text="Show the body's qualification in matters covered by the Convention.", verbose_name='programmes and activities')),
                ('network', models.TextField(blank=True, verbose_name='network or membership')),
                ('contact_name', models.CharField(max_length=200, verbose_name='your name')),
                ('contact_email', models.EmailField(max_length=254, verbose_name='your e-mail address')),
                ('message', models.TextField(blank=True, verbose_name='messages')),
                ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided')),
                ('country', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='parties.country', verbose_name='country of seat')),
                ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='observer_applications', to='directory.organisation', verbose_name='organisation')),
                ('submitted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='submitted by')),
                ('reason', models.TextField(blank=True, verbose_name='reason for the decision')),
                ('reviewed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='last reviewed by')),
            ],
            options={
                'verbose_name': 'observer application',
                'verbose_name_plural': 'observer applications',
                'ordering': ['-created_at'],
            },
            bases=(django_fsm.ConcurrentTransitionMixin, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalApplicationDocument',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('file', models.TextField(max_length=100, validators=[tahub.core.uploads.DocumentValidator()], verbose_name='document')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('application', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='observers.observerapplication')),
            ],
            options={
                'verbose_name': 'historical application document',
                'verbose_name_plural': 'historical application documents',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='ApplicationDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('file', models.FileField(upload_to='observers/%Y/', validators=[tahub.core.uploads.DocumentValidator()], verbose_name='document')),
                ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='documents', to='observers.observerapplication')),
            ],
            options={
                'verbose_name': 'application document',
                'verbose_name_plural': 'application documents',
                'ordering': ['created_at'],
            },
        ),
        migrations.CreateModel(
            name='ObserverMeeting',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('code', models.SlugField(help_text='For example: cop-12 or poprc-21', max_length=30, unique=True, verbose_name='code')),
                ('title', models.CharField(help_text='For example: Twelfth meeting of the COP', max_length=200, verbose_name='title')),
                ('body', models.CharField(choices=[('cop', 'Conference of the Parties'), ('poprc', 'Persistent Organic Pollutants Review Committee'), ('other', 'Other subsidiary body')], default='cop', max_length=10, verbose_name='body')),
                ('city', models.CharField(blank=True, max_length=100, verbose_name='city')),
                ('start', models.DateField(verbose_name='start')),
                ('end', models.DateField(verbose_name='end')),
                ('registration_deadline', models.DateField(help_text="Last day of registration, in the organiser's time zone", verbose_name='registration deadline')),
                ('time_zone', models.CharField(default='Europe/Zurich', help_text='IANA name; Geneva is in Europe/Zurich', max_length=60, validators=[tahub.observers.models.validate_time_zone], verbose_name="organiser's time zone")),
                ('meeting', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='planning.meeting', verbose_name='COP meeting')),
                ('version', models.PositiveIntegerField(default=0, editable=False)),
            ],
            options={
                'verbose_name': 'meeting open to observers',
                'verbose_name_plural': 'meetings open to observers',
                'ordering': ['-start'],
                'constraints': [models.CheckConstraint(condition=models.Q(('end__gte', models.F('start'))), name='observer_meeting_dates')],
            },
        ),
        migrations.CreateModel(
            name='HistoricalRegistration',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('state', django_fsm.FSMField(choices=[('proposed', 'Awaiting the focal point'), ('approved', 'Approved'), ('refused', 'Refused by the focal point')], default='proposed', max_length=20, protected=True, verbose_name='status')),
                ('name', models.CharField(max_length=200, verbose_name='full name')),
                ('name_key', models.CharField(editable=False, max_length=200)),
                ('function', models.CharField(help_text='For example: Policy adviser', max_length=200, verbose_name='function')),
                ('photo', models.TextField(help_text='PNG or JPEG, at most 2 MB.', max_length=100, validators=[tahub.core.uploads.DocumentValidator(('.png', '.jpg', '.jpeg'), 2097152)], verbose_name='photo for the badge')),
                ('nomination_letter', models.TextField(help_text='PDF signed by the head of the organisation.', max_length=100, validators=[tahub.core.uploads.DocumentValidator(('.pdf',))], verbose_name='nomination letter')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('approved_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='approved by')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directory.organisation', verbose_name='organisation')),
                ('registered_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='registered by')),
                ('meeting', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='observers.observermeeting', verbose_name='meeting')),
            ],
            options={
                'verbose_name': 'historical registration of a representative',
                'verbose_name_plural': 'historical registrations of representatives',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Registration',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('state', django_fsm.FSMField(choices=[('proposed', 'Awaiting the focal point'), ('approved', 'Approved'), ('refused', 'Refused by the focal point')], default='proposed', max_length=20, protected=True, verbose_name='status')),
                ('name', models.CharField(max_length=200, verbose_name='full name')),
                ('name_key', models.CharField(editable=False, max_length=200)),
                ('function', models.CharField(help_text='For example: Policy adviser', max_length=200, verbose_name='function')),
                ('photo', models.FileField(help_text='PNG or JPEG, at most 2 MB.', upload_to='observers/photos/%Y/', validators=[tahub.core.uploads.DocumentValidator(('.png', '.jpg', '.jpeg'), 2097152)], verbose_name='photo for the badge')),
                ('nomination_letter', models.FileField(help_text='PDF signed by the head of the organisation.', upload_to='observers/letters/%Y/', validators=[tahub.core.uploads.DocumentValidator(('.pdf',))], verbose_name='nomination letter')),
                ('approved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='approved by')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='registrations', to='observers.observermeeting', verbose_name='meeting')),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='observer_registrations', to='directory.organisation', verbose_name='organisation')),
                ('registered_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='registered by')),
            ],
            options={
                'verbose_name': 'registration of a representative',
                'verbose_name_plural': 'registrations of representatives',
                'ordering': ['organisation__name', 'name'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('state', 'refused'), _negated=True), fields=('meeting', 'organisation', 'name_key'), name='registration_one_per_representative')],
            },
            bases=(django_fsm.ConcurrentTransitionMixin, models.Model),
        ),
        migrations.CreateModel(
            name='Exemption',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('kind', models.CharField(blank=True, choices=[('un-programme', 'UN programme'), ('un-division', 'UN division or branch'), ('un-agency', 'UN specialised agency'), ('igo', 'Intergovernmental organisation'), ('coordination-mechanism', 'Inter-organisation coordination mechanism'), ('financial-mechanism', 'Financial mechanism'), ('financial-institution', 'Financial institution'), ('mea', 'Secretariat of another convention'), ('bilateral', 'Bilateral development agency'), ('ngo', 'Non-governmental organisation'), ('research', 'Research or academic institution'), ('private', 'Private sector'), ('regional-centre', 'Regional centre'), ('other', 'Other')], max_length=30, verbose_name='category')),
                ('basis', models.CharField(help_text='For example: decision SC-2/16, paragraph 5', max_length=200, verbose_name='basis')),
                ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='directory.organisation', verbose_name='organisation')),
            ],
            options={
                'verbose_name': 'exemption from admission',
                'verbose_name_plural': 'exemptions from admission',
                'ordering': ['kind'],
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('kind', ''), ('organisation__isnull', False)), models.Q(models.Q(('kind', ''), _negated=True), ('organisation__isnull', True)), _connector='OR'), name='exemption_kind_or_organisation'), models.UniqueConstraint(condition=models.Q(('kind', ''), _negated=True), fields=('kind',), name='exemption_kind_unique'), models.UniqueConstraint(fields=('organisation',), name='exemption_organisation_unique')],
            },
        ),
        migrations.CreateModel(
            name='FocalPoint',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='observer_focal_points', to='directory.organisation', verbose_name='organisation')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='user')),
            ],
            options={
                'verbose_name': 'observer focal point',
                'verbose_name_plural': 'observer focal points',
                'constraints': [models.UniqueConstraint(fields=('user', 'organisation'), name='observer_focal_point_unique')],
            },
        ),
        migrations.CreateModel(
            name='HistoricalObserverApplication',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('token', models.CharField(db_index=True, default=tahub.core.models.private_link_token, editable=False, max_length=64)),
                ('state', django_fsm.FSMField(choices=[('submitted', 'Submitted'), ('info_needed', 'More information needed'), ('admitted', 'Admitted'), ('declined', 'Declined')], default='submitted', max_length=20, protected=True, verbose_name='status')),
                ('name', models.CharField(max_length=300, verbose_name='name of the body')),
                ('short_name', models.CharField(blank=True, max_length=60, verbose_name='short name or acronym')),
                ('kind', models.CharField(choices=[('un-programme', 'UN programme'), ('un-division', 'UN division or branch'), ('un-agency', 'UN specialised agency'), ('igo', 'Intergovernmental organisation'), ('coordination-mechanism', 'Inter-organisation coordination mechanism'), ('financial-mechanism', 'Financial mechanism'), ('financial-institution', 'Financial institution'), ('mea', 'Secretariat of another convention'), ('bilateral', 'Bilateral development agency'), ('ngo', 'Non-governmental organisation'), ('research', 'Research or academic institution'), ('private', 'Private sector'), ('regional-centre', 'Regional centre'), ('other', 'Other')], max_length=30, verbose_name='category')),
                ('website', models.URLField(blank=True, verbose_name='website')),
                ('description', models.TextField(verbose_name='description of the body')),
                ('affiliations', models.TextField(blank=True, verbose_name='affiliations')),
                ('programmes', models.TextField(help_text="Show the body's qualification in matters covered by the Convention.", verbose_name='programmes and activities')),
                ('network', models.TextField(blank=True, verbose_name='network or membership')),
                ('contact_name', models.CharField(max_length=200, verbose_name='your name')),
                ('contact_email', models.EmailField(max_length=254, verbose_name='your e-mail address')),
                ('message', models.TextField(blank=True, verbose_name='messages')),
                ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('country', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='parties.country', verbose_name='country of seat')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directory.organisation', verbose_name='organisation')),
                ('submitted_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='submitted by')),
                ('reason', models.TextField(blank=True, verbose_name='reason for the decision')),
                ('reviewed_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='last reviewed by')),
            ],
            options={
                'verbose_name': 'historical observer application',
                'verbose_name_plural': 'historical observer applications',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalObserverMeeting',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('code', models.SlugField(help_text='For example: cop-12 or poprc-21', max_length=30, verbose_name='code')),
                ('title', models.CharField(help_text='For example: Twelfth meeting of the COP', max_length=200, verbose_name='title')),
                ('body', models.CharField(choices=[('cop', 'Conference of the Parties'), ('poprc', 'Persistent Organic Pollutants Review Committee'), ('other', 'Other subsidiary body')], default='cop', max_length=10, verbose_name='body')),
                ('city', models.CharField(blank=True, max_length=100, verbose_name='city')),
                ('start', models.DateField(verbose_name='start')),
                ('end', models.DateField(verbose_name='end')),
                ('registration_deadline', models.DateField(help_text="Last day of registration, in the organiser's time zone", verbose_name='registration deadline')),
                ('time_zone', models.CharField(default='Europe/Zurich', help_text='IANA name; Geneva is in Europe/Zurich', max_length=60, validators=[tahub.observers.models.validate_time_zone], verbose_name="organiser's time zone")),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('meeting', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='planning.meeting', verbose_name='COP meeting')),
                ('version', models.PositiveIntegerField(default=0, editable=False)),
            ],
            options={
                'verbose_name': 'historical meeting open to observers',
                'verbose_name_plural': 'historical meetings open to observers',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RunPython(add_exempt_categories, remove_exempt_categories),
    ]
