"""How django-axes names the account being guessed at.

allauth authenticates with `email=` (not `login=`), so axes's default look-up (AXES_USERNAME_FORM_FIELD in
the credentials) finds nothing and would lock out an address (IP) rather than an account.
"""


def username_for_lockout(request, credentials):
    """The e-mail address tried, lower-cased, from the credentials or the sign-in form."""
    credentials = credentials or {}
    value = credentials.get("email") or credentials.get("username") or credentials.get("login")
    if value is None and request is not None:
        value = getattr(request, "POST", {}).get("login")
    return value.strip().lower() if isinstance(value, str) else value
