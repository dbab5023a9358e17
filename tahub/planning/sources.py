"""What the source keys of the planning data mean, for the pages: the plan, activity and decision files name their
sources by key ("informea-rc9-ta;brs-ta-plan-news", see tahub/core/data/PROVENANCE-programme.md and
tools/build_programme.py); a person reads the source's name instead, linked where it is on the web. A part the key
list does not know (what staff typed, such as "UNEP/POPS/COP.5/36, annex I") is shown as it is."""

from django.utils.translation import gettext_lazy as _

POPS = "https://chm.pops.int/"
INFORMEA = "https://informea.org/en/decision/"

SOURCES = {
    "seed-000": (_("the partners page of the Stockholm Convention"), ""),
    "seed-003": (_("the project proposal of the technical assistance programme"), ""),
    "doczz-sc5-20-es": (
        _("the Spanish text of decision SC-5/20 (copy on doczz.net)"),
        "https://es.doczz.net/doc/5816870/nations-unies",
    ),
    "informea-rc9-ta": (_("InforMEA: the Rotterdam Convention COP-9 decision on technical assistance"), ""),
    "brs-ta-plan-news": (_("BRS Secretariat news on the technical assistance plan"), ""),
    "brs-workplans": (
        _("BRS Secretariat: work plans and reports (2019)"),
        "https://www.brsmeas.org/Secretariat/ManagementReports/Workplansandreports/2019/tabid/8099/Default.aspx",
    ),
    "cop8-16": (_("document UNEP/POPS/COP.8/16/Rev.1 (28 March 2017)"), "https://docsbay.net/unep-pops-cop-8-16-rev-1"),
    "cprac-sc": (
        _("SCP/RAC: its page on the Stockholm Convention"),
        "http://www.cprac.org/en/chemical/stockholm-convention",
    ),
    "recetox-rc": (
        _("RECETOX: its regional centre page"),
        "https://www.recetox.muni.cz/en/cooperation/science-and-society/regional-centre",
    ),
    "informea-fm-guidance": (
        _("InforMEA: guidance to the financial mechanism"),
        INFORMEA + "guidance-financial-mechanism-0",
    ),
    "informea-sc1-16": (
        _("InforMEA: technical assistance, regional and subregional centres"),
        INFORMEA + "technical-assistance-regional-and-subregional-centres",
    ),
    "informea-sc2-9": (_("InforMEA: decision SC-2/9 on technical assistance"), INFORMEA + "technical-assistance-4"),
    "informea-sc3-12": (
        _("InforMEA: terms of reference for the selection of regional and subregional centres"),
        INFORMEA + "terms-reference-selection-regional-and-subregional-centres-capacity-building-and-transfer",
    ),
    "informea-sc7-20": (
        _("InforMEA: fourth review of the financial mechanism"),
        INFORMEA + "fourth-review-financial-mechanism-1",
    ),
    "informea-ta-cop7": (
        _("InforMEA: the COP-7 decision on technical assistance"),
        INFORMEA + "technical-assistance-7",
    ),
    "informea-ta-cop9": (
        _("InforMEA: the COP-9 decision on technical assistance"),
        INFORMEA + "technical-assistance-advance",
    ),
    "pops-fm-decisions-676": (
        _("Stockholm Convention website: decisions on the financial mechanism"),
        POPS + "Implementation/FinancialMechanism/Decisions/tabid/676/Default.aspx",
    ),
    "pops-needs-questionnaires-3746": (
        _("Stockholm Convention website: needs assessment surveys"),
        "http://www.pops.int/Implementation/TechnicalAssistance/NeedsAssessment/"
        "Informationcollectionthroughsurveys/tabid/3746/Default.aspx",
    ),
    "pops-rc-decisions": (
        _("Stockholm Convention website: decisions on regional centres (document)"),
        "http://www.pops.int/LinkClick.aspx?link=230&tabid=583&portalid=0&mid=1458",
    ),
    "pops-rc-decisions-230": (
        _("Stockholm Convention website: decisions on regional centres"),
        POPS + "Partners/RegionalCentres/Decisions/tabid/230/Default.aspx",
    ),
    "pops-rc-evaluation": (
        _("Stockholm Convention website: evaluation of regional centres"),
        POPS + "Default.aspx?tabid=4456",
    ),
    "pops-ta-752": (_("Stockholm Convention website: technical assistance"), POPS + "Default.aspx?tabid=752"),
}


def source_list(text):
    """[(name, address or "")] of a `sources` value ("a;b"), in its order: a known key by its name, anything else
    as it was typed."""
    parts = [part.strip() for part in (text or "").split(";") if part.strip()]
    return [SOURCES.get(part, (part, "")) for part in parts]
