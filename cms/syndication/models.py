"""Partner syndication: products (saved filters), partners' accounts, API keys, deliveries."""

import hashlib
import hmac
import secrets
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel

from cms.core.encryption import decrypt, encrypt
from cms.core.outbound import validate_outbound_url
from partners.models import PartnerLanguage

KEY_PREFIX_LENGTH = 8


def in_default_locale():
    # Taxonomy rows exist once per locale; editors pick the source (English) one and a
    # product matches every translation of it through its translation_key.
    return Q(locale__language_code=settings.LANGUAGE_CODE)


def source_sections():
    return Q(
        depth=3,
        locale__language_code=settings.LANGUAGE_CODE,
        content_type__app_label__in=["articles", "interviews"],
        content_type__model__in=["articleindexpage", "interviewindexpage"],
    )


def new_push_secret():
    return secrets.token_urlsafe(32)


def new_encrypted_push_secret():
    return encrypt(new_push_secret())


class Product(models.Model):
    """What a partner receives: a saved filter over the live stories; an empty filter is "all"."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    include_articles = models.BooleanField(_("articles"), default=True)
    include_interviews = models.BooleanField(_("interviews"), default=True)
    sections = models.ManyToManyField(
        "wagtailcore.Page",
        verbose_name=_("sections"),
        blank=True,
        related_name="+",
        limit_choices_to=source_sections,
        help_text=_("Only stories in these sections, in every language. None: every section."),
    )
    categories = models.ManyToManyField(
        "taxonomy.Category",
        verbose_name=_("categories"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_locale,
        help_text=_("Only stories of these categories. None: every category."),
    )
    countries = models.ManyToManyField(
        "taxonomy.Country",
        verbose_name=_("countries"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_locale,
        help_text=_("Only stories about one of these countries. None: every country."),
    )
    locales = models.ManyToManyField(
        "wagtailcore.Locale",
        verbose_name=_("languages"),
        blank=True,
        related_name="+",
        help_text=_(
            "Only stories in these languages (and always only in the partner's). "
            "None: every language."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("include_articles"), FieldPanel("include_interviews")],
            heading=_("Content types"),
        ),
        FieldPanel("sections", widget=forms.CheckboxSelectMultiple),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("countries", widget=forms.CheckboxSelectMultiple),
        FieldPanel("locales", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = _("syndication product")
        verbose_name_plural = _("syndication products")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        if not (self.include_articles or self.include_interviews):
            raise ValidationError(_("A product holds articles, interviews or both."))


class PartnerAccount(models.Model):
    """A partner's syndication account: its products, its push endpoint and secret.

    Chosen as one translation of the partner page, but it is the partner's: all its
    translations share the translation_key, and its languages are the page's. The push
    secret is stored encrypted and never shown again once issued (it can be rotated).
    """

    class PushFormat(models.TextChoices):
        NINJS = "ninjs", "ninjs"
        NEWSML = "newsml", "NewsML-G2"
        RSS = "rss", "RSS"
        ATOM = "atom", "Atom"
        WAGTAIL_API = "wagtail-api", "Wagtail API"

    partner = models.ForeignKey(
        "partners.PartnerPage",
        verbose_name=_("partner"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The partner's identity, shared by every translation of its page: the page above is
    # only the translation an editor picked, and may be deleted while others remain.
    partner_key = models.UUIDField(unique=True, editable=False)
    products = models.ManyToManyField(
        Product, verbose_name=_("products"), blank=True, related_name="subscribers"
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("An inactive partner can neither pull nor is pushed."),
    )
    endpoint_url = models.URLField(
        _("push endpoint"),
        blank=True,
        validators=[validate_outbound_url],
        help_text=_("New and updated stories are POSTed here. Empty: the partner only pulls."),
    )
    push_format = models.CharField(
        _("push format"), max_length=20, choices=PushFormat.choices, default=PushFormat.NINJS
    )
    # Signs every push (HMAC-SHA256); read it through `push_secret`.
    push_secret_encrypted = models.TextField(default=new_encrypted_push_secret, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    panels = [
        PageChooserPanel("partner", "partners.PartnerPage"),
        FieldPanel("is_active"),
        FieldPanel("products", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("endpoint_url"), FieldPanel("push_format")],
            heading=_("Push"),
            help_text=_(
                "Every push is signed with the partner's push secret. It is shown once, when "
                "the account is added or the secret rotated, and never again."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("partner account")
        verbose_name_plural = _("partner accounts")

    def __str__(self):
        return self.partner.title if self.partner else str(self.partner_key)

    def save(self, *args, **kwargs):
        if self.partner_id:
            self.partner_key = self.partner.translation_key
        super().save(*args, **kwargs)

    def clean(self):
        if not self.partner_id:
            return
        others = PartnerAccount.objects.exclude(pk=self.pk).filter(
            partner_key=self.partner.translation_key
        )
        if others.exists():
            raise ValidationError(
                {"partner": _("This partner already has an account (in another language).")}
            )

    def language_codes(self):
        """The languages the partner republishes in (its pages share them)."""
        links = PartnerLanguage.objects.filter(partner__translation_key=self.partner_key)
        return sorted(set(links.order_by().values_list("language", flat=True)))

    @property
    def push_secret(self):
        return decrypt(self.push_secret_encrypted)

    @push_secret.setter
    def push_secret(self, value):
        self.push_secret_encrypted = encrypt(value)

    def rotate_push_secret(self):
        """A new push secret, saved; returns it, the only time it is readable in the admin."""
        secret = new_push_secret()
        self.push_secret = secret
        self.save(update_fields=["push_secret_encrypted"])
        return secret

    def sign(self, body, *, timestamp, delivery_id):
        """The X-Newsroom-Signature of a push: the time and the delivery are signed with the
        body, so a captured push cannot be sent again later (docs/partner-push.md)."""
        message = f"{timestamp}.{delivery_id}.".encode() + body
        digest = hmac.new(self.push_secret.encode(), message, hashlib.sha256).hexdigest()
        return f"sha256={digest}"


def hash_key(raw_key):
    # Keys are long random strings, so a fast hash is as safe as a slow one here.
    return hashlib.sha256(raw_key.encode()).hexdigest()


class ApiKey(models.Model):
    """A partner's key to pull; only its hash and a short prefix are stored."""

    account = models.ForeignKey(
        PartnerAccount,
        verbose_name=_("partner account"),
        on_delete=models.CASCADE,
        related_name="api_keys",
    )
    label = models.CharField(_("label"), max_length=100, blank=True)
    prefix = models.CharField(_("prefix"), max_length=KEY_PREFIX_LENGTH, unique=True)
    key_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.prefix}… {self.label}".strip()

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    def generate(self):
        """Give this key a new secret value; returns it, the only time it is readable."""
        self.prefix = secrets.token_hex(KEY_PREFIX_LENGTH // 2)
        raw_key = f"nk_{self.prefix}_{secrets.token_urlsafe(32)}"
        self.key_hash = hash_key(raw_key)
        return raw_key

    def matches(self, raw_key):
        return hmac.compare_digest(self.key_hash, hash_key(raw_key))

    def revoke(self):
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    def rotate(self):
        """A new key for the same partner, and this one revoked; returns (key, raw value)."""
        successor = ApiKey(account=self.account, label=self.label)
        raw_key = successor.generate()
        successor.save()
        self.revoke()
        return successor, raw_key


class Delivery(models.Model):
    """One version of one story pushed to one partner, attempted until it succeeds or gives up."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    delivery_id = models.UUIDField(_("delivery id"), default=uuid.uuid4, unique=True)
    account = models.ForeignKey(
        PartnerAccount,
        verbose_name=_("partner account"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("story"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    guid = models.CharField(_("item id"), max_length=200)
    version = models.PositiveIntegerField(_("version"))
    media_type = models.CharField(_("media type"), max_length=100)
    payload = models.TextField(_("payload"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.guid} v{self.version} → {self.account}"


class DeliveryAttempt(models.Model):
    """One POST of a delivery to the partner's endpoint: the delivery log."""

    delivery = models.ForeignKey(
        Delivery, verbose_name=_("delivery"), on_delete=models.CASCADE, related_name="log"
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    attempted_at = models.DateTimeField(_("time"), default=timezone.now)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    # Our own words for what went wrong, never the partner's reply: an address the partner
    # manager typed could be an internal service whose answer must not be shown back.
    error = models.TextField(_("error"), blank=True)
    succeeded = models.BooleanField(_("succeeded"), default=False)

    class Meta:
        verbose_name = _("delivery attempt")
        verbose_name_plural = _("delivery log")
        ordering = ["-attempted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["delivery", "number"], name="unique_delivery_attempt")
        ]

    def __str__(self):
        return f"{self.delivery} #{self.number}"
