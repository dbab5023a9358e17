"""The cast's roles and the outcomes the permission matrix's rows expect, in ROLES order."""

ROLES = ("public", "contact_point_a", "focal_point_b", "provider", "regional_staff", "admin")
STAFF = {"regional_staff", "admin"}
LOGIN = "login"  # a redirect to the sign-in page
ALL_200 = (200,) * 6
STAFF_ONLY = (LOGIN, 403, 403, 403, 200, 200)
GONE = (410,) * 6  # an unusable invitation link says so to anyone
MEMBERS_ONLY = (LOGIN, 403, 403, 200, 403, 403)  # the provider role is a member of UNITAR
