"""The demo data set: one account per role, all sharing DEMO_PASSWORD (given in the README).

Staff pages need two-factor sign-in, so the staff demo accounts get an authenticator with the fixed,
published DEMO_TOTP_SECRET: add it to any authenticator app (or compute codes from it) to sign in. Demo
mode only (load_demo_data refuses production settings); never use these secrets anywhere else.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from tahub.accounts.models import StaffRole, User
from tahub.centres.models import RegionalCentre
from tahub.directory.models import Membership, Organisation
from tahub.funding.models import Donor
from tahub.parties.models import ContactPoint, Country, Party, Region

DEMO_PASSWORD = "tahub-demo-2026"
DEMO_TOTP_SECRET = "TAHUBDEMOTAHUBDEMOTAHUBDEMOTAHUB"  # base32; published on purpose, demo only
DEMO_PARTY = "KEN"
DEMO_REGION = "AFR"
DEMO_PROVIDER = "unitar"
DEMO_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"  # a supporting document for the demo applications


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
    StaffRole.objects.get_or_create(user=user, role=role, region=region, defaults={"show_on_contact_page": True})
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
        ("Regional centre member", "member.centre@demo.tahub.localhost", _centre_note(centre)),
    ]
    accounts += _donor_account()
    admin = User.objects.get(email="admin@demo.tahub.localhost")
    accounts += _observer_account(admin)
    accounts += _applicant_account(admin)
    return accounts


def _url(name, *args):
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)


def _centre_note(centre):
    if centre is None:
        return ""
    return f"lands on {_url('dashboard:home')}; its centre's workspace: {_url('centres:workspace', centre.code)}"


def _donor_account():
    """A member of an organisation that gives (a Donor with pledges): the dashboard links to its pledges."""
    donor = (
        Donor.objects.filter(kind=Donor.Kind.ORGANISATION, pledges__isnull=False)
        .select_related("organisation")
        .order_by("pk")
        .first()
    )
    if donor is None:
        return []
    _member("donor@demo.tahub.localhost", f"Demo donor ({donor.organisation.name})", donor.organisation)
    note = f"member of {donor.organisation.name}, a donor; its pledges: {_url('funding:our_pledges')}"
    return [("Donor (organisation member)", "donor@demo.tahub.localhost", note)]


def _demo_pdf(name):
    return SimpleUploadedFile(name, DEMO_PDF, content_type="application/pdf")


def _observer_account(admin):
    """An NGO whose application for admission was submitted by its demo account and admitted by the Secretariat:
    the account is the body's observer focal point, who registers representatives for meetings."""
    from tahub.observers.models import FocalPoint, ObserverApplication
    from tahub.observers.services import applications as observer_applications

    email = "observer.ngo@demo.tahub.localhost"
    user = _user(email, "Demo observer focal point (NGO)")
    country = Country.objects.filter(iso3="SEN").first()
    if country is None:
        return []
    if not FocalPoint.objects.filter(user=user).exists():
        application = ObserverApplication.objects.filter(contact_email=email).first()
        if application is None:
            data = {
                "name": "Demo Network of Farmers Against Pesticides", "short_name": "DNFAP", "kind": "ngo",
                "country": country, "description": "A demo network of farmers' associations in West Africa.",
                "programmes": "Trainings on alternatives to endosulfan and on safe storage of obsolete pesticides.",
                "contact_name": "Demo observer focal point", "contact_email": email,
            }  # fmt: skip
            application = observer_applications.submit_application(
                data=data, documents=[_demo_pdf("statutes.pdf")], by=user
            )
        if application.state in ObserverApplication.OPEN_STATES:
            observer_applications.admit_application(application, by=admin)
    return [("NGO observer (admitted; focal point)", email, f"registers representatives: {_url('observers:index')}")]


def _applicant_account(admin):
    """An organisation asking to be listed in the directory; the Secretariat asked for more information, so
    the applicant has something to do on its private link (there is no account: the link is the access)."""
    from tahub.directory.models import ListingRequest
    from tahub.directory.services import ask_listing_information, submit_listing_request

    email = "applicant@demo.tahub.localhost"
    listing = ListingRequest.objects.filter(contact_email=email).first()
    country = Country.objects.filter(iso3="KEN").first()
    if listing is None and country is not None:
        data = {
            "name": "Demo Laboratory Services for POPs Analysis", "short_name": "DLSPA",
            "kind": "ngo", "country": country,
            "summary": "A demo laboratory that trains analysts to measure POPs in food and the environment.",
            "contact_name": "Demo applicant", "contact_email": email,
            "themes": [], "assistance_types": [], "regions_served": [],
        }  # fmt: skip
        listing = submit_listing_request(data=data, documents=[_demo_pdf("proof-of-work.pdf")])
        ask_listing_information(
            listing, by=admin, message="Please add a report of the trainings you delivered last year."
        )
    if listing is None:
        return []
    link = _url("directory:listing_status", listing.token)
    return [("Applicant organisation (listing request)", email, f"no account needed; private link: {link}")]
