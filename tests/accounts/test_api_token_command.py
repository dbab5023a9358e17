from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tahub.accounts.models import ApiToken, User
from tahub.accounts.tokens import user_for_token

pytestmark = pytest.mark.django_db


def test_create_api_token_prints_a_token_that_authenticates():
    user = User.objects.create_user("ana@example.org", "a-long-password")
    out = StringIO()
    call_command("create_api_token", "ANA@example.org", stdout=out)
    raw = out.getvalue().strip()
    assert raw.startswith("tah_")
    assert user_for_token(raw) == user
    assert ApiToken.objects.get().digest != raw  # only the digest is stored


def test_create_api_token_for_unknown_email_fails_clearly():
    with pytest.raises(CommandError, match="No user with the e-mail address nobody@example.org"):
        call_command("create_api_token", "nobody@example.org", stdout=StringIO())
    assert ApiToken.objects.count() == 0


def test_revoked_or_bad_token_finds_no_user():
    user = User.objects.create_user("ben@example.org", "a-long-password")
    out = StringIO()
    call_command("create_api_token", user.email, stdout=out)
    raw = out.getvalue().strip()
    assert user_for_token(raw + "x") is None
    assert user_for_token("") is None
    ApiToken.objects.update(revoked_at="2026-01-01T00:00Z")
    assert user_for_token(raw) is None
