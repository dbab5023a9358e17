"""The permission layer every app's rules.py builds on: a permission registered with the reason its refusal gives,
`check` and `require`, and the predicates that need no domain table (who is signed in, who is Secretariat staff).

Role predicates live with the tables that own the roles: StaffRole in accounts/rules.py, ContactPoint in
parties/rules.py, Membership in directory/rules.py. A refusal says why (`check(user, name, obj)` returns
`(allowed, reason)`, after Hypha's permissions). A workflow transition declares its own with
`permission=on_object(name)`.
"""

import rules
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

# The reason a refusal gives, per permission.
REASONS = {}
NOT_PERMITTED = _("You do not have permission to do this.")


def add_perm(name, predicate, reason):
    """Register a permission together with the translatable reason shown when it is refused."""
    rules.add_perm(name, predicate)
    REASONS[name] = reason


def check(user, name, obj=None):
    """(allowed, reason): whether `user` has permission `name` (on `obj`), and if not, why not."""
    if user.has_perm(name, obj):
        return True, ""
    return False, REASONS.get(name, NOT_PERMITTED)


def require(user, name, obj=None):
    """Raise PermissionDenied with the permission's reason unless `user` has permission `name` (on `obj`)."""
    allowed, reason = check(user, name, obj)
    if not allowed:
        raise PermissionDenied(reason)


class on_object:  # noqa: N801 - read as a function where a transition declares it
    """A transition's `permission=` (django-fsm-2): the rules permission `name` on the object the transition
    moves, or on what its attribute path `of` leads to (`of="centre"`: a report's centre, for a permission
    granted on centres). (django-fsm's own string form would also grant it when the permission holds without
    the object.)"""

    def __init__(self, name, of=None):
        self.name = name
        self.of = of

    def target(self, instance):
        """The object the permission is asked on: `instance`, or what `of` leads to from it."""
        for attribute in self.of.split(".") if self.of else ():
            instance = getattr(instance, attribute)
        return instance

    def __call__(self, instance, user):
        return bool(user.has_perm(self.name, self.target(instance)))

    def __repr__(self):
        return f"on_object({self.name!r}, of={self.of!r})" if self.of else f"on_object({self.name!r})"


@rules.predicate
def is_secretariat(user):
    """A member of the Secretariat staff (administrator or regional focal point): an active staff account."""
    return bool(user.is_authenticated and user.is_active and user.is_staff)


is_authenticated = rules.is_authenticated
is_public = rules.always_allow

# The public pages of core (home, data notes) are open to everyone.
rules.add_perm("core.view_public_page", rules.always_allow)
