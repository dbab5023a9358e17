"""The demo data set: one account per role, all sharing DEMO_PASSWORD (given in the README)."""

from django.db import transaction

from .models import User

DEMO_PASSWORD = "tahub-demo-2026"


@transaction.atomic
def load_demo_accounts():
    """Create (or leave as they are) the demo accounts; returns (role, e-mail) pairs."""
    accounts = [("Secretariat administrator", "admin@demo.tahub.localhost", {"is_staff": True, "is_superuser": True})]
    for _role, email, flags in accounts:
        user, created = User.objects.get_or_create(email=email, defaults=flags)
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
    return [(role, email) for role, email, _flags in accounts]
