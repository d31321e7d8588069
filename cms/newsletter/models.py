"""Subscribers of the weekly newsletter and the digests each has been sent."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


class Subscriber(models.Model):
    """An email address, the languages its owner reads the digest in, and their consent."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")

    # Stored lower-case (SubscribeForm), so one address is one row whatever its spelling.
    email = models.EmailField(_("email address"), unique=True)
    locales = models.ManyToManyField(
        "wagtailcore.Locale", verbose_name=_("languages"), related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    # The language of the page the reader subscribed on.
    language = models.CharField(_("signed up in"), max_length=10, choices=settings.LANGUAGES)
    consent_version = models.CharField(_("consent text version"), max_length=40)
    consented_at = models.DateTimeField(_("consent given at"))
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    # Signed into unsubscribe links; random, so a link reveals nothing about the row.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status"])]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        if self.status == self.Status.UNSUBSCRIBED and self.unsubscribed_at is None:
            self.unsubscribed_at = timezone.now()
        super().save(*args, **kwargs)

    def clean(self):
        # Only the reader's own click makes an address confirmed, never an editor's form.
        reader_confirmed = self.confirmed_at and not (
            self.unsubscribed_at and self.unsubscribed_at > self.confirmed_at
        )
        if self.status == self.Status.CONFIRMED and not reader_confirmed:
            raise ValidationError(
                {"status": _("Only the reader can confirm, with the link we mailed them.")}
            )

    def language_codes(self):
        return ", ".join(sorted(locale.language_code for locale in self.locales.all()))

    language_codes.short_description = _("languages")

    def confirm(self, language_codes, consent_version, consented_at):
        """Start (or resume) sending digests in these languages, under this consent."""
        self.status = self.Status.CONFIRMED
        self.consent_version = consent_version
        self.consented_at = consented_at
        self.confirmed_at = timezone.now()
        self.save()
        self.locales.set(Locale.objects.filter(language_code__in=language_codes))

    def unsubscribe(self):
        if self.status != self.Status.UNSUBSCRIBED:
            self.status = self.Status.UNSUBSCRIBED
            self.unsubscribed_at = timezone.now()
            self.save(update_fields=["status", "unsubscribed_at"])


class Delivery(models.Model):
    """One subscriber's digest of one language and ISO week, claimed before it is sent.

    The unique constraint is what makes sending idempotent: a retry or a second run finds
    the claim and skips the subscriber.
    """

    subscriber = models.ForeignKey(
        Subscriber, verbose_name=_("subscriber"), on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("language"), max_length=10)
    week = models.CharField(_("ISO week"), max_length=8)  # "2026-W47"
    claimed_at = models.DateTimeField(_("claimed at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "language", "week"],
                name="newsletter_one_digest_per_language_and_week",
            )
        ]

    def __str__(self):
        return f"{self.week} {self.language} → {self.subscriber_id}"
