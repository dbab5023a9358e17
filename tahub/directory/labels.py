"""Words for people in place of the codes stored on directory entries and centres (roles, languages).

The codes stay in the CSV files and the API; pages show these labels. A code without a label is shown in words
("waste-guidelines" → "Waste guidelines"), never as the raw code.
"""

from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

ROLE_LABELS = {
    "action-plans": _("Action plans"),
    "advocacy": _("Advocacy"),
    "awareness": _("Public awareness"),
    "bat-bep-investment": _("Investment in BAT/BEP"),
    "capacity-building": _("Capacity building"),
    "cleaner-technology": _("Cleaner technology"),
    "coordination": _("Coordination"),
    "costing": _("Costing"),
    "ddt-alternatives": _("Alternatives to DDT"),
    "financing": _("Financing"),
    "gef-agency": _("GEF agency"),
    "guidance": _("Guidance"),
    "health": _("Health"),
    "host": _("Hosts the Secretariat"),
    "information-exchange": _("Information exchange"),
    "legal": _("Legal assistance"),
    "monitoring": _("Monitoring"),
    "nip": _("National implementation plans"),
    "pesticides": _("Pesticides"),
    "policy": _("Policy"),
    "projects": _("Projects"),
    "regional-centres": _("Regional centres"),
    "research": _("Research"),
    "stockpiles": _("Stockpiles"),
    "synergies": _("Synergies among the conventions"),
    "training": _("Training"),
    "waste-guidelines": _("Waste guidelines"),
}

# Languages Django does not name by their bare code.
LANGUAGE_LABELS = {"zh": _("Chinese")}


def _words(code):
    return code.replace("-", " ").replace("_", " ").capitalize()


def role_labels(codes):
    """Role codes ("guidance;monitoring", or a list) as labels in the reader's language."""
    if isinstance(codes, str):
        codes = codes.split(";")
    return [str(ROLE_LABELS.get(code, "")) or _words(code) for code in (c.strip() for c in codes) if code]


def language_names(codes):
    """Language codes ("en;ar", or a list) as names in the reader's language ("English", "Arabic")."""
    if isinstance(codes, str):
        codes = codes.replace(",", ";").split(";")
    names = []
    for code in (c.strip() for c in codes):
        if not code:
            continue
        if code in LANGUAGE_LABELS:
            names.append(str(LANGUAGE_LABELS[code]))
            continue
        try:
            names.append(str(get_language_info(code.lower())["name_translated"]))
        except KeyError:
            names.append(code)
    return names
