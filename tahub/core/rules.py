"""Predicates shared by every app's rules.py: who a user is, in terms of roles."""

import rules

is_authenticated = rules.is_authenticated
is_public = rules.always_allow

# The public pages of core (home, data notes) are open to everyone.
rules.add_perm("core.view_public_page", rules.always_allow)
