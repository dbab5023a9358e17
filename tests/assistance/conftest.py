"""The cast for request tests: Party A (Kenya) and Party B (Brazil) contact points, a provider, staff."""

import pytest

from tahub.accounts.models import StaffRole, User
from tahub.assistance import services
from tahub.directory.models import Membership, Organisation
from tahub.parties.models import ContactPoint, Convention, Party
from tahub.vocabularies.models import AssistanceType, Theme
from tests.accounts.cast import sign_in, staff


def make_user(email, **extra):
    return User.objects.create_user(email, "a-long-password-1", **extra)


def login(client, user):
    """Sign in as the pages see it: staff with the second factor their pages require."""
    return sign_in(client, user, second_factor=user.is_staff)


@pytest.fixture
def party_a():
    return Party.objects.get(country__iso3="KEN", convention__code="SC")


@pytest.fixture
def party_b():
    return Party.objects.get(country__iso3="BRA", convention__code="SC")


@pytest.fixture
def contact_a(party_a):
    user = make_user("contact@ken.example")
    ContactPoint.objects.create(user=user, party=party_a, kind=ContactPoint.Kind.OFFICIAL)
    return user


@pytest.fixture
def focal_b(party_b):
    user = make_user("focal@bra.example")
    ContactPoint.objects.create(user=user, party=party_b, kind=ContactPoint.Kind.FOCAL)
    return user


@pytest.fixture
def provider():
    return Organisation.objects.get(slug="unitar")


@pytest.fixture
def provider_member(provider):
    user = make_user("member@unitar.example")
    Membership.objects.create(user=user, organisation=provider)
    return user


@pytest.fixture
def afr_focal_point():
    return staff("afr@secretariat.example", StaffRole.Role.REGIONAL_FOCAL_POINT, "AFR")


@pytest.fixture
def grulac_focal_point():
    return staff("grulac@secretariat.example", StaffRole.Role.REGIONAL_FOCAL_POINT, "GRULAC")


@pytest.fixture
def administrator():
    return staff("admin@secretariat.example")


def complete_data(**overrides):
    data = {
        "title": "Inventory of PCB-containing equipment",
        "description": "We need help to build a national inventory of PCB in transformers and capacitors.",
        "expected_results": "An inventory and a plan to phase out PCB by 2028.",
        "themes": list(Theme.objects.filter(slug__in=["inventories", "stockpiles-wastes"])),
        "assistance_types": list(AssistanceType.objects.filter(slug__in=["training", "expert-advice"])),
        "conventions": list(Convention.objects.filter(code="SC")),
    }
    data.update(overrides)
    return data


@pytest.fixture
def draft(party_a, contact_a):
    return services.create_request(party=party_a, by=contact_a, data=complete_data())


@pytest.fixture
def submitted(draft, contact_a, afr_focal_point):
    return services.submit_request(draft, by=contact_a)


@pytest.fixture
def centres_offer_no_themes():
    """The regional centres offer the themes of their mandate (reference data): with seventeen of them a request's
    suggestions are all centres. Tests of how other organisations rank take those themes away."""
    from tahub.directory.models import Organisation

    for centre in Organisation.objects.filter(regional_centre__isnull=False):
        centre.themes.clear()
