"""The demo data set: one account per role, all sharing DEMO_PASSWORD (given in the README).

Staff pages need two-factor sign-in, so the staff demo accounts get an authenticator with the fixed,
published DEMO_TOTP_SECRET: add it to any authenticator app (or compute codes from it) to sign in. Demo
mode only (load_demo_data refuses production settings); never use these secrets anywhere else.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.db import transaction

from tahub.centres.models import RegionalCentre
from tahub.directory.models import Membership, Organisation
from tahub.parties.models import ContactPoint, Party, Region

from .models import StaffRole, User

DEMO_PASSWORD = "tahub-demo-2026"
DEMO_TOTP_SECRET = "TAHUBDEMOTAHUBDEMOTAHUBDEMOTAHUB"  # base32; published on purpose, demo only
DEMO_PARTY = "KEN"
DEMO_REGION = "AFR"
DEMO_PROVIDER = "unitar"


def _user(email, name, **flags):
    user, created = User.objects.get_or_create(email=email, defaults={"name": name, **flags})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def _give_totp(user):
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, DEMO_TOTP_SECRET)
        RecoveryCodes.activate(user)


def _staff(email, name, role, region=None, superuser=False):
    user = _user(email, name, is_staff=True, is_superuser=superuser)
    StaffRole.objects.get_or_create(user=user, role=role, region=region)
    _give_totp(user)
    return user


def _party_people(party):
    official = _user("contact.ken@demo.tahub.localhost", "Demo official contact point (Kenya)")
    ContactPoint.objects.get_or_create(user=official, party=party, defaults={"kind": ContactPoint.Kind.OFFICIAL})
    focal = _user("focal.ken@demo.tahub.localhost", "Demo focal point (Kenya)")
    ContactPoint.objects.get_or_create(
        user=focal, party=party, defaults={"kind": ContactPoint.Kind.FOCAL, "delegated_by": official}
    )


def _member(email, name, organisation):
    user = _user(email, name)
    if organisation is not None:
        Membership.objects.get_or_create(user=user, organisation=organisation)


@transaction.atomic
def load_demo_accounts():
    """Create (or leave as they are) one account per role; returns (role, e-mail, note) triples.

    Needs the reference data (Kenya, AFR, UNITAR, a regional centre); without it only the administrator
    is created.
    """
    totp = f"TOTP secret {DEMO_TOTP_SECRET}"
    accounts = [("Secretariat administrator", "admin@demo.tahub.localhost", totp)]
    _staff("admin@demo.tahub.localhost", "Demo administrator", StaffRole.Role.ADMINISTRATOR, superuser=True)
    region = Region.objects.filter(code=DEMO_REGION).first()
    party = Party.objects.filter(country__iso3=DEMO_PARTY, convention__code="SC").select_related("country").first()
    if region is None or party is None:
        return accounts
    _staff(
        "rfp.afr@demo.tahub.localhost", "Demo regional focal point (AFR)", StaffRole.Role.REGIONAL_FOCAL_POINT, region
    )
    accounts.append(("Regional focal point, African States", "rfp.afr@demo.tahub.localhost", totp))
    _party_people(party)
    accounts += [
        ("Official contact point, Kenya", "contact.ken@demo.tahub.localhost", ""),
        ("Focal point, Kenya", "focal.ken@demo.tahub.localhost", ""),
    ]
    _member(
        "member.unitar@demo.tahub.localhost",
        "Demo UNITAR member",
        Organisation.objects.filter(slug=DEMO_PROVIDER).first(),
    )
    centre = RegionalCentre.objects.filter(organisation__isnull=False).select_related("organisation").first()
    _member("member.centre@demo.tahub.localhost", "Demo regional centre member", centre and centre.organisation)
    accounts += [
        ("Provider member, UNITAR", "member.unitar@demo.tahub.localhost", ""),
        ("Regional centre member", "member.centre@demo.tahub.localhost", ""),
    ]
    return accounts
