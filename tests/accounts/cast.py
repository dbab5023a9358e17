"""The fixed cast of the permission tests (after healthchecks' Alice, Bob and Charlie).

Party A is Kenya (AFR), Party B is Brazil (GRULAC). Staff get a real TOTP authenticator; `sign_in` gives a
test client the session allauth leaves after a password and a TOTP step (tests/accounts/test_two_factor.py
walks that real flow once).
"""

import time

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

from tahub.accounts.models import StaffRole, User
from tahub.centres.models import RegionalCentre
from tahub.directory.models import Membership, Organisation
from tahub.parties.models import ContactPoint, Party, Region

PASSWORD = "a-long-test-password-2026"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PARTY_A, PARTY_B = "KEN", "BRA"


def party(iso3):
    return Party.objects.select_related("country").get(country__iso3=iso3, convention__code="SC")


def user(email, **flags):
    return User.objects.create_user(email, PASSWORD, **flags)


def contact_point(email, iso3, kind=ContactPoint.Kind.OFFICIAL):
    person = user(email)
    ContactPoint.objects.create(user=person, party=party(iso3), kind=kind)
    return person


def member(email, organisation):
    person = user(email)
    Membership.objects.create(user=person, organisation=organisation)
    return person


def staff(email, role=StaffRole.Role.ADMINISTRATOR, region=None, totp=True):
    person = user(email, is_staff=True)
    StaffRole.objects.create(user=person, role=role, region=Region.objects.get(code=region) if region else None)
    if totp:
        TOTP.activate(person, TOTP_SECRET)
    return person


def current_code(secret=TOTP_SECRET, *, steps=0):
    """The TOTP code an authenticator app would show now (or `steps` 30-second steps from now)."""
    counter = int(time.time()) // 30 + steps
    return format_hotp_value(hotp_value(secret, counter))


def sign_in(client, person, *, second_factor=False):
    """Sign `person` in; with second_factor, record a TOTP step in the session as allauth does."""
    client.force_login(person, backend="tahub.accounts.backends.PasswordBackend")
    if second_factor:
        authenticator = Authenticator.objects.get(user=person, type=Authenticator.Type.TOTP)
        session = client.session
        now = time.time()
        session["account_authentication_methods"] = [
            {"method": "password", "at": now, "email": person.email},
            {"method": "mfa", "at": now, "id": authenticator.pk, "type": "totp"},
        ]
        session["account_authentication_methods_user"] = str(person.pk)
        session.save()
    return client


def build_cast():
    """Every role of the matrix, as users (None for the public)."""
    unitar = Organisation.objects.get(slug="unitar")
    centre = RegionalCentre.objects.filter(organisation__isnull=False).select_related("organisation").first()
    return {
        "public": None,
        "contact_point_a": contact_point("contact.a@example.org", PARTY_A),
        "focal_point_b": contact_point("focal.b@example.org", PARTY_B, ContactPoint.Kind.FOCAL),
        "provider": member("member@unitar.example.org", unitar),
        "centre_member": member("member@centre.example.org", centre.organisation if centre else unitar),
        "regional_staff": staff("rfp.afr@example.org", StaffRole.Role.REGIONAL_FOCAL_POINT, "AFR"),
        "admin": staff("admin@example.org"),
    }
