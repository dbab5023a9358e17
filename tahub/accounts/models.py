"""People who sign in. What each may do follows from their roles (see rules.py), not from flags here."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tahub.core.models import DomainModel
from tahub.parties.models import ContactPoint


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """A person, identified by e-mail address."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("full name"), max_length=200, blank=True)
    language = models.CharField(_("preferred language"), max_length=10, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.name or self.email


class ApiToken(models.Model):
    """A personal API token. Only a hash is stored; the token itself is shown once, when it is created."""

    user = models.ForeignKey(User, models.CASCADE, related_name="api_tokens", verbose_name=_("user"))
    name = models.CharField(_("name"), max_length=100, blank=True, help_text=_("What the token is for"))
    prefix = models.CharField(_("prefix"), max_length=8, help_text=_("The first characters, to recognise it"))
    digest = models.CharField(_("digest"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    # Created and revoked through services (audited); the digest stays out of the history, and a use
    # (last_used_at, written by a queryset update) adds no history row.
    history = HistoricalRecords(excluded_fields=["digest", "last_used_at"])

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.prefix}… ({self.user})"


class StaffRole(DomainModel):
    """A Secretariat role: an administrator, or the regional focal point of one UN regional group."""

    class Role(models.TextChoices):
        ADMINISTRATOR = "administrator", _("Administrator")
        REGIONAL_FOCAL_POINT = "regional-focal-point", _("Regional focal point")

    user = models.ForeignKey(User, models.CASCADE, related_name="staff_roles", verbose_name=_("user"))
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    region = models.ForeignKey(
        "parties.Region",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="staff_roles",
        verbose_name=_("UN regional group"),
        help_text=_("Only for a regional focal point: the group they look after."),
    )
    show_on_contact_page = models.BooleanField(
        _("show on the public contact page"),
        default=False,
        help_text=_("Whether the public contact page gives this person's name and e-mail address for this role."),
    )

    class Meta:
        verbose_name = _("Secretariat role")
        verbose_name_plural = _("Secretariat roles")
        ordering = ["user__email", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "region"], name="staffrole_unique"),
            models.CheckConstraint(
                condition=models.Q(role="administrator", region__isnull=True)
                | models.Q(role="regional-focal-point", region__isnull=False),
                name="staffrole_region_only_for_regional_focal_point",
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()}" + (f" ({self.region.code})" if self.region_id else "")


class Invitation(DomainModel):
    """An invitation, by e-mail, to become a Party's official contact point or focal point.

    The link in the e-mail carries a token (see invitations.py) that hashes the invitation's state, so it
    stops working once the invitation is accepted, and after INVITATION_TIMEOUT seconds.
    """

    email = models.EmailField(_("e-mail address"))
    party = models.ForeignKey("parties.Party", models.CASCADE, related_name="invitations", verbose_name=_("Party"))
    kind = models.CharField(_("role"), max_length=20, choices=ContactPoint.Kind.choices)
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        help_text=_("The language of the invitation e-mail, and the account's preferred language once accepted."),
    )
    invited_by = models.ForeignKey(User, models.PROTECT, related_name="invitations_sent", verbose_name=_("invited by"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_user = models.ForeignKey(
        User, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("account created")
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.party} ({self.get_kind_display()})"
