from simple_history.admin import SimpleHistoryAdmin


class ReadOnlyHistoryAdmin(SimpleHistoryAdmin):
    """For records written only through their services (which check, lock, audit and notify each step):
    the admin shows them and their history, and changes nothing."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PrivateLinkApplicationAdmin(ReadOnlyHistoryAdmin):
    """Private-link applications (core/applications.py) are reviewed on their staff page, where each step is
    checked, audited and notified; the admin lists them. An app adds its own columns and filters."""

    list_display = ["__str__", "state", "contact_email", "created_at", "decided_at"]
    list_filter = ["state"]
    search_fields = ["contact_name", "contact_email"]
    exclude = ["token"]
