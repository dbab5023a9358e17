"""The controlled vocabularies shared by requests, needs, offers, plan activities and events."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tahub.core.models import DomainModel, NaturalKeyManager


class Vocabulary(DomainModel):
    slug = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)

    objects = NaturalKeyManager()

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class NeedsCluster(Vocabulary):
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta(Vocabulary.Meta):
        verbose_name = _("needs cluster")
        verbose_name_plural = _("needs clusters")


class Theme(Vocabulary):
    cluster = models.ForeignKey(NeedsCluster, models.PROTECT, related_name="themes", verbose_name=_("cluster"))
    convention_basis = models.CharField(
        _("basis in the Convention"), max_length=100, blank=True, help_text=_("For example: Art. 7")
    )
    note = models.TextField(_("note"), blank=True)

    class Meta(Vocabulary.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class AssistanceType(Vocabulary):
    delivery = models.CharField(_("delivery"), max_length=60, help_text=_("For example: in-person or online"))

    class Meta(Vocabulary.Meta):
        verbose_name = _("type of assistance")
        verbose_name_plural = _("types of assistance")


class Chemical(Vocabulary):
    annexes = models.CharField(
        _("annexes"),
        max_length=10,
        validators=[RegexValidator(r"^[ABC](;[ABC])*$", _("Annexes are A, B or C, separated by ';'"))],
        help_text=_("Annexes listing it, for example: A;C"),
    )
    listed_by = models.CharField(_("listed by"), max_length=60, help_text=_("Decision, or 'original' (2001)"))
    year_listed = models.PositiveSmallIntegerField(_("year listed"))
    cas_numbers = models.CharField(_("CAS numbers"), max_length=500, blank=True)
    category = models.CharField(_("category"), max_length=60, help_text=_("For example: pesticide;unintentional"))
    sources = models.CharField(_("sources"), max_length=500, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta(Vocabulary.Meta):
        verbose_name = _("chemical")
        verbose_name_plural = _("chemicals")

    @property
    def annex_list(self):
        return self.annexes.split(";")
