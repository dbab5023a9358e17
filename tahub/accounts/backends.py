"""Signing in with a password, without Django's model permissions (issue 13).

TA Hub's permissions are its rules (`rules.permissions.ObjectPermissionBackend`, tahub/*/rules.py). Django's
groups and per-user permissions are assigned nowhere (the user admin does not show them, no migration or
service sets them), yet `django.contrib.auth.backends.ModelBackend` was asked after every rule that said no: two
queries (the user's permissions, its groups') on each signed-in request that checks one. Superusers, who use
the admin, never reach a backend (`PermissionsMixin.has_perm` answers True for them first); staff reach the
admin's pages through the rules, as before."""

from django.contrib.auth.backends import ModelBackend


class PasswordBackend(ModelBackend):
    """Django's ModelBackend for authenticate() only: no model permissions, so no query to find there are none."""

    def _get_permissions(self, user_obj, obj, from_name):
        return set()
