import django.core.validators
import django.db.models.deletion
import simple_history.models
import tahub.funding.currencies
import tahub.planning.models
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('funding', '0002_donors_pledges_legal_basis'), ('funding', '0003_proposal_rate'), ('funding', '0004_pledgeentry_void_reason_proposal_version'), ('funding', '0005_donor_version'), ('funding', '0006_iso_4217_currencies')]

    dependencies = [
        ('accounts', '__first__'),
        ('directory', '0002_offerings_listing_requests_corrections'),
        ('funding', '0001_initial'),
        ('parties', '0002_historicalcontactpoint_contactpoint'),
        ('planning', '0002_mandates_plan_programme'),
    ]

    operations = [
        migrations.AddField(
            model_name='proposal',
            name='activities',
            field=models.ManyToManyField(blank=True, help_text='The activities this proposal raises money for; their public table links to its concept note.', related_name='proposals', to='planning.programmeactivity', verbose_name='programme activities'),
        ),
        migrations.AddField(
            model_name='proposal',
            name='legal_basis',
            field=tahub.planning.models.LegalBasisField(blank=True, related_name='proposals', to='planning.decisionparagraph', verbose_name='legal basis (decision paragraphs)'),
        ),
        migrations.CreateModel(
            name='Donor',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('kind', models.CharField(choices=[('party', 'Party'), ('organisation', 'Organisation'), ('other', 'Other donor')], max_length=20, verbose_name='kind of donor')),
                ('name', models.CharField(blank=True, help_text='Only for another donor.', max_length=200, verbose_name='name')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail for reminders')),
                ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='donors', to='directory.organisation', verbose_name='organisation')),
                ('party', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='donors', to='parties.party', verbose_name='Party')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'donor',
                'verbose_name_plural': 'donors',
                'ordering': ['name', 'pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('kind', 'party'), ('name', ''), ('organisation__isnull', True), ('party__isnull', False)), models.Q(('kind', 'organisation'), ('name', ''), ('organisation__isnull', False), ('party__isnull', True)), models.Q(('kind', 'other'), ('organisation__isnull', True), ('party__isnull', True), models.Q(('name', ''), _negated=True)), _connector='OR'), name='donor_is_one_of_party_organisation_other'), models.UniqueConstraint(fields=('party',), name='donor_unique_party'), models.UniqueConstraint(fields=('organisation',), name='donor_unique_organisation'), models.UniqueConstraint(condition=models.Q(('kind', 'other')), fields=('name',), name='donor_unique_other_name')],
            },
        ),
        migrations.CreateModel(
            name='Pledge',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('kind', models.CharField(choices=[('cash', 'Cash'), ('in_kind', 'In kind')], default='cash', max_length=10, verbose_name='kind')),
                ('in_kind_description', models.TextField(blank=True, verbose_name='what is given in kind')),
                ('currency', models.CharField(default='USD', max_length=3, validators=[tahub.funding.currencies.validate_currency], verbose_name='currency')),
                ('amount', models.DecimalField(decimal_places=2, help_text='In kind: its value.', max_digits=14, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='amount pledged')),
                ('rate_to_usd', models.DecimalField(decimal_places=6, help_text='USD for one unit of the currency; 1 for USD.', max_digits=18, validators=[django.core.validators.MinValueValidator(Decimal('0.000001'))], verbose_name='exchange rate to USD')),
                ('rate_date', models.DateField(verbose_name='date of the rate')),
                ('pledged_on', models.DateField(verbose_name='pledged on')),
                ('due_on', models.DateField(blank=True, null=True, verbose_name='payment expected by')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('last_reminded_on', models.DateField(blank=True, editable=False, null=True, verbose_name='last reminded on')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('activity', models.ForeignKey(blank=True, help_text='Earmarked to this activity; empty if not earmarked.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='pledges', to='planning.programmeactivity', verbose_name='programme activity')),
                ('donor', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='pledges', to='funding.donor', verbose_name='donor')),
                ('proposal', models.ForeignKey(blank=True, help_text='Earmarked to this proposal; empty if not earmarked.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='pledges', to='funding.proposal', verbose_name='proposal')),
                ('trust_fund', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='pledges', to='funding.trustfund', verbose_name='trust fund')),
            ],
            options={
                'verbose_name': 'pledge',
                'verbose_name_plural': 'pledges',
                'ordering': ['-pledged_on', '-pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(('amount__gt', 0)), name='pledge_amount_gt_0'), models.CheckConstraint(condition=models.Q(('rate_to_usd__gt', 0)), name='pledge_rate_gt_0'), models.CheckConstraint(condition=models.Q(models.Q(('currency', 'USD'), _negated=True), ('rate_to_usd', 1), _connector='OR'), name='pledge_usd_rate_is_1'), models.CheckConstraint(condition=models.Q(models.Q(('kind', 'in_kind'), _negated=True), models.Q(('in_kind_description', ''), _negated=True), _connector='OR'), name='pledge_in_kind_described')],
            },
        ),
        migrations.AddField(
            model_name='historicalproposal',
            name='rate_date',
            field=models.DateField(blank=True, null=True, verbose_name='date of the rate'),
        ),
        migrations.AddField(
            model_name='historicalproposal',
            name='rate_to_usd',
            field=models.DecimalField(blank=True, decimal_places=6, help_text='USD for one unit of the currency: required for any currency but USD (1 for USD).', max_digits=18, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0.000001'))], verbose_name='exchange rate to USD'),
        ),
        migrations.AddField(
            model_name='proposal',
            name='rate_date',
            field=models.DateField(blank=True, null=True, verbose_name='date of the rate'),
        ),
        migrations.AddField(
            model_name='proposal',
            name='rate_to_usd',
            field=models.DecimalField(blank=True, decimal_places=6, help_text='USD for one unit of the currency: required for any currency but USD (1 for USD).', max_digits=18, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0.000001'))], verbose_name='exchange rate to USD'),
        ),
        migrations.CreateModel(
            name='HistoricalPledgeEntry',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('kind', models.CharField(choices=[('commitment', 'Commitment'), ('receipt', 'Receipt')], max_length=12, verbose_name='kind')),
                ('date', models.DateField(verbose_name='date')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=14, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='amount')),
                ('rate_to_usd', models.DecimalField(decimal_places=6, max_digits=18, validators=[django.core.validators.MinValueValidator(Decimal('0.000001'))], verbose_name='exchange rate to USD')),
                ('rate_date', models.DateField(verbose_name='date of the rate')),
                ('note', models.TextField(blank=True, help_text='Required when the total exceeds the pledge.', verbose_name='note')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('pledge', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='funding.pledge', verbose_name='pledge')),
                ('void_reason', models.TextField(blank=True, editable=False, help_text='Set when staff void the entry: the row is removed and its history keeps it with this reason.', verbose_name='why it was voided')),
            ],
            options={
                'verbose_name': 'historical commitment or receipt',
                'verbose_name_plural': 'historical commitments and receipts',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name='historicalproposal',
            name='version',
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name='version'),
        ),
        migrations.CreateModel(
            name='PledgeEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('kind', models.CharField(choices=[('commitment', 'Commitment'), ('receipt', 'Receipt')], max_length=12, verbose_name='kind')),
                ('date', models.DateField(verbose_name='date')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=14, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='amount')),
                ('rate_to_usd', models.DecimalField(decimal_places=6, max_digits=18, validators=[django.core.validators.MinValueValidator(Decimal('0.000001'))], verbose_name='exchange rate to USD')),
                ('rate_date', models.DateField(verbose_name='date of the rate')),
                ('note', models.TextField(blank=True, help_text='Required when the total exceeds the pledge.', verbose_name='note')),
                ('pledge', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='entries', to='funding.pledge', verbose_name='pledge')),
                ('void_reason', models.TextField(blank=True, editable=False, help_text='Set when staff void the entry: the row is removed and its history keeps it with this reason.', verbose_name='why it was voided')),
            ],
            options={
                'verbose_name': 'commitment or receipt',
                'verbose_name_plural': 'commitments and receipts',
                'ordering': ['pledge', 'date', 'pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(('amount__gt', 0)), name='pledgeentry_amount_gt_0'), models.CheckConstraint(condition=models.Q(('rate_to_usd__gt', 0)), name='pledgeentry_rate_gt_0')],
            },
        ),
        migrations.AddField(
            model_name='proposal',
            name='version',
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name='version'),
        ),
        migrations.CreateModel(
            name='HistoricalDonor',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('kind', models.CharField(choices=[('party', 'Party'), ('organisation', 'Organisation'), ('other', 'Other donor')], max_length=20, verbose_name='kind of donor')),
                ('name', models.CharField(blank=True, help_text='Only for another donor.', max_length=200, verbose_name='name')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail for reminders')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directory.organisation', verbose_name='organisation')),
                ('party', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='parties.party', verbose_name='Party')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'historical donor',
                'verbose_name_plural': 'historical donors',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalPledge',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('kind', models.CharField(choices=[('cash', 'Cash'), ('in_kind', 'In kind')], default='cash', max_length=10, verbose_name='kind')),
                ('in_kind_description', models.TextField(blank=True, verbose_name='what is given in kind')),
                ('currency', models.CharField(default='USD', max_length=3, validators=[tahub.funding.currencies.validate_currency], verbose_name='currency')),
                ('amount', models.DecimalField(decimal_places=2, help_text='In kind: its value.', max_digits=14, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='amount pledged')),
                ('rate_to_usd', models.DecimalField(decimal_places=6, help_text='USD for one unit of the currency; 1 for USD.', max_digits=18, validators=[django.core.validators.MinValueValidator(Decimal('0.000001'))], verbose_name='exchange rate to USD')),
                ('rate_date', models.DateField(verbose_name='date of the rate')),
                ('pledged_on', models.DateField(verbose_name='pledged on')),
                ('due_on', models.DateField(blank=True, null=True, verbose_name='payment expected by')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('last_reminded_on', models.DateField(blank=True, editable=False, null=True, verbose_name='last reminded on')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('activity', models.ForeignKey(blank=True, db_constraint=False, help_text='Earmarked to this activity; empty if not earmarked.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='planning.programmeactivity', verbose_name='programme activity')),
                ('donor', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='funding.donor', verbose_name='donor')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('proposal', models.ForeignKey(blank=True, db_constraint=False, help_text='Earmarked to this proposal; empty if not earmarked.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='funding.proposal', verbose_name='proposal')),
                ('trust_fund', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='funding.trustfund', verbose_name='trust fund')),
            ],
            options={
                'verbose_name': 'historical pledge',
                'verbose_name_plural': 'historical pledges',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AlterField(
            model_name='historicalproposal',
            name='currency',
            field=models.CharField(default='USD', max_length=3, validators=[tahub.funding.currencies.validate_currency], verbose_name='currency'),
        ),
        migrations.AlterField(
            model_name='proposal',
            name='currency',
            field=models.CharField(default='USD', max_length=3, validators=[tahub.funding.currencies.validate_currency], verbose_name='currency'),
        ),
        migrations.AddConstraint(
            model_name='proposal',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('currency', 'USD'), _negated=True), ('rate_to_usd', 1), _connector='OR'), name='proposal_usd_rate_is_1'),
        ),
    ]
