"""What the source keys of the reference data mean, for the pages: the plan, activity, decision and regional centre
files name their sources by key ("informea-rc9-ta;brs-ta-plan-news", see tahub/core/data/PROVENANCE-programme.md and
tools/build_programme.py); a person reads the source's name instead, linked where it is on the web. A part the key
list does not know (what staff typed, such as "UNEP/POPS/COP.5/36, annex I") is shown as it is."""

from django.utils.translation import gettext_lazy as _

POPS = "https://chm.pops.int/"
INFORMEA = "https://informea.org/en/decision/"
BASEL = "https://www.basel.int/"
BRS = "https://www.brsmeas.org/"

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
    # The regional centres' sources (regional_centres.csv), named for what the page is and the centre it is cited for.
    "lesoir-cntpp": (
        _("Le Soir d'Algérie: article on the CNTPP centre"),
        "https://djazairess.com/fr/lesoirdalgerie/199765",
    ),
    "elwatan-cntpp": (_("El Watan: article on the CNTPP centre"), "https://djazairess.com/fr/elwatan/1472967"),
    "brs-rc-archived": (
        _("BRS Secretariat: regional centres (archived page)"),
        BRS + "Implementation/TechnicalAssistance(archived)/RegionalCentres/tabid/2636/language/en-US/Default.aspx",
    ),
    "pops-brazil": (_("Stockholm Convention website: the regional centre in Brazil"), POPS + "Default.aspx?tabid=5277"),
    "cetesb": (_("CETESB: its regional centre page"), "https://cetesb.sp.gov.br/centroregional"),
    "pops-workshop-2009": (
        _("Stockholm Convention website: the second workshop of the regional and subregional centres"),
        POPS + "Partners/RegionalCentres/Activities/Workshops/2ndworkshopforRegionalandSubregionalCentres/tabid/718/"
        "mctl/ViewDetails/EventModID/1007/EventID/56/xmid/2933/Default.aspx",
    ),
    "basel-china": (
        _("Basel Convention website: the regional centre in China"),
        BASEL + "Partners/RegionalCentres/TheCentres/BCRCChina/tabid/4844/Default.aspx",
    ),
    "pops-china": (
        _("Stockholm Convention website: the regional centre in Beijing, China"),
        "https://pops.int/Partners/RegionalCentres/TheCentres/SCRCBeijing,China/tabid/648/Default.aspx",
    ),
    "bcrc-china-2015": (
        _("BCRC China: a 2015 news item of the centre"),
        "http://sc.bcrc.cn/col/1253687306000/2015/05/16/1435025934458.html",
    ),
    "pops-czech": (
        _("Stockholm Convention website: the regional centre in the Czech Republic"),
        POPS + "Default.aspx?tabid=5265",
    ),
    "neeri": (
        _("CSIR-NEERI: its Stockholm Convention page"),
        "http://www.neeri.res.in/divisions/details/international-affairs-stockholm-convention",
    ),
    "neeri-scrc": (
        _("CSIR-NEERI: the centre's workshop on persistent organic pollutants in India"),
        "https://www.neeriathome.neeri.res.in/scrc/events/"
        "workshop-on-management-of-persistent-organic-pollutants-in-india-need-and-gap-analysis/",
    ),
    "bcrc-sea-2015": (
        _("BCRC South-East Asia: a 2015 news item"),
        "http://bcrc-sea.org/index.php?content=news_detail&id=32",
    ),
    "brs-asia-prep-2022": (
        _("BRS Secretariat: the Asia-Pacific preparatory meeting for the 2021–2022 COPs"),
        "http://www.brsmeas.org/Decisionmaking/COPsandExCOPs/20212022COPs/RegionalPreparatoryMeetings/"
        "COP2021regionalprepmtgAsia/tabid/8811/language/fr-CH/Default.aspx",
    ),
    "basel-iran": (
        _("Basel Convention website: the regional centre in Iran"),
        "http://www.basel.int/Partners/RegionalCentres/TheCentres/SCRCIran/tabid/4846/StyleSheetWidget",
    ),
    "brs-kenya": (_("BRS Secretariat: the regional centre in Kenya"), BRS + "Default.aspx?tabid=5098"),
    "icipe": (
        _("icipe: its page as a Stockholm Convention regional centre"),
        "http://www.icipe.org/about/afiliations/icipe-stockholm-convention-regional-centre",
    ),
    "pops-kuwait": (
        _("Stockholm Convention website: news feature on the regional centre in Kuwait"),
        POPS + "Implementation/PublicAwareness/NewsFeatures/RegionalfocusswitchestoKuwait/tabid/5338/Default.aspx",
    ),
    "kuna-2025": (
        _("Kuwait News Agency (KUNA): a 2025 article on the centre in Kuwait"),
        "https://www.kuna.net.kw/ArticlePrintPage.aspx?id=3233051&language=en",
    ),
    "pops-inecc": (_("Stockholm Convention website: the regional centre in Mexico"), POPS + "Default.aspx?tabid=3557"),
    "ccbasilea-inst": (
        _("Basel and Stockholm regional centre in Uruguay: its institutional page"),
        "https://ccbasilea-crestocolmo.org.uy/en/institutional",
    ),
    "pic-panama-2024": (
        _("Rotterdam Convention website: the workshop in Panama (January 2024)"),
        "https://www.pic.int/Implementation/CapacityDevelopment/Workshops/WorkshopPanamaJan2024/tabid/9777/"
        "language/en-US/StyleSheetWidget",
    ),
    "up-panama": (
        _("University of Panama: news on the regional centre"),
        "http://launiversidad.up.ac.pa/index.php/node/2434",
    ),
    "ensegundos-panama": (
        _("En Segundos (Panama): article on the regional centre"),
        "https://ensegundos.com.pa/?p=270455",
    ),
    "basel-elsalvador": (
        _("Basel Convention website: the regional centre in El Salvador"),
        BASEL + "Default.aspx?tabid=4840",
    ),
    "pops-russia-nioch": (
        _("Stockholm Convention website: the regional centre in the Russian Federation"),
        POPS + "Default.aspx?tabid=600",
    ),
    "basel-russia": (
        _("Basel Convention website: the regional centre in the Russian Federation"),
        BASEL + "Partners/RegionalCentres/TheCentres/ANOCIP/tabid/4847/Default.aspx",
    ),
    "nioch-news": (
        _("NIOCH: news and events of the regional centre"),
        "http://web.nioch.nsc.ru/scregion2018/index.php/news-and-events",
    ),
    "basel-senegal": (_("Basel Convention website: the regional centre in Senegal"), BASEL + "?tabid=4842"),
    "pops-senegal": (
        _("Stockholm Convention website: the regional centre in Dakar, Senegal"),
        "https://pops.int/Implementation/RegionalCentres/TheCentres/SCRCSenegalDakarSenegal/tabid/653/Default.aspx",
    ),
    "basel-southafrica": (
        _("Basel Convention website: the regional centre in South Africa"),
        BASEL + "default.aspx?tabid=4843",
    ),
    "brs-southafrica": (_("BRS Secretariat: the regional centre in South Africa"), BRS + "Default.aspx?tabid=5489"),
    "cprac-inst": (
        _("SCP/RAC: its institutional framework"),
        "http://www.cprac.org/en/about-us/institutional-framework",
    ),
    "pops-spain": (
        _("Stockholm Convention website: news feature on the Stockholm and Barcelona Conventions"),
        "http://chm.pops.int/Implementation/PublicAwareness/NewsFeatures/StockholmandBarcelonaConvention/tabid/6239/"
        "Default.aspx",
    ),
    "basel-caribbean": (
        _("Basel Convention website: the regional centre in Trinidad and Tobago"),
        BASEL + "?tabid=4841",
    ),
    "basel-uruguay": (
        _("Basel Convention website: the regional centre in Uruguay"),
        BASEL + "Partners/RegionalCentres/TheCentres/SCRCUruguay/tabid/4848/Default.aspx",
    ),
    "brs-montevideo-2023": (_("BRS Secretariat: a 2023 meeting in Montevideo"), BRS + "Default.aspx?tabid=9544"),
}


def source_list(text):
    """[(name, address or "")] of a `sources` value ("a;b"), in its order: a known key by its name, anything else
    as it was typed."""
    parts = [part.strip() for part in (text or "").split(";") if part.strip()]
    return [SOURCES.get(part, (part, "")) for part in parts]
