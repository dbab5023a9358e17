"""What every generated row shares: the audit reason of its history, and the natural keys built from
(seed, index) that make generation idempotent and tell generated rows from real ones."""

CHANGE_REASON = "demo.generated"


def organisation_slug(seed, index):
    return f"gen{seed}-{index:05d}"


def request_reference(seed, index):
    # Not "TA-<year>-<n>": services.next_reference numbers real requests after the last of that form.
    return f"GEN{seed}-{index:05d}"


def user_email(seed, name):
    return f"{name}@gen{seed}.tahub.localhost"
