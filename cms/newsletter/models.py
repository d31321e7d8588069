"""Subscribers of the weekly newsletter and the digests each has been sent."""

import uuid

from django.conf import settings
from django.db import models, transaction
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

    def language_codes(self):
        return ", ".join(sorted(locale.language_code for locale in self.locales.all()))

    language_codes.short_description = _("languages")

    @classmethod
    @transaction.atomic
    def sign_up(cls, email, language_codes, language, consent_version, consented_at):
        """The address's subscriber: a new address is stored pending, with the consent given
        on the form; a known one is left as it is, for only its owner's link changes it."""
        subscriber, created = cls.objects.get_or_create(
            email=email,
            defaults={
                "language": language,
                "consent_version": consent_version,
                "consented_at": consented_at,
            },
        )
        if created:
            subscriber.locales.set(Locale.objects.filter(language_code__in=language_codes))
            subscriber.record(
                ConsentEvent.Kind.SUBSCRIBED,
                ConsentEvent.Actor.FORM,
                consent_version=consent_version,
                at=consented_at,
            )
        return subscriber

    @transaction.atomic
    def confirm(self, language_codes, consent_version, consented_at):
        """Start (or resume) sending digests in these languages, under this consent."""
        self.consented_at = consented_at
        self.record(
            ConsentEvent.Kind.CONFIRMED, ConsentEvent.Actor.LINK, consent_version=consent_version
        )
        self.locales.set(Locale.objects.filter(language_code__in=language_codes))

    def unsubscribe(self, user=None):
        """Stop every digest; `user` is the administrator who did it, None for the reader."""
        if self.status != self.Status.UNSUBSCRIBED:
            actor = ConsentEvent.Actor.ADMIN if user else ConsentEvent.Actor.LINK
            self.record(ConsentEvent.Kind.UNSUBSCRIBED, actor, user=user)

    @transaction.atomic
    def record(self, kind, actor, *, user=None, consent_version="", at=None):
        """Append a step to the consent history and bring the status and dates in line."""
        event = ConsentEvent.objects.create(
            subscriber=self,
            kind=kind,
            actor=actor,
            user=user,
            user_name=user.get_username() if user else "",
            consent_version=consent_version,
            at=at or timezone.now(),
        )
        self.status = STATUS_AFTER[kind]
        if kind == ConsentEvent.Kind.UNSUBSCRIBED:
            self.unsubscribed_at = event.at
        else:
            self.consent_version = consent_version
        if kind == ConsentEvent.Kind.CONFIRMED:
            self.confirmed_at = event.at
        self.save()
        return event

    def last_event_id(self):
        """What a confirmation link is bound to: an unsubscribe after it outranks the link."""
        return self.consent_events.order_by("-pk").values_list("pk", flat=True).first() or 0

    def unsubscribed_since(self, event_id):
        unsubscribes = self.consent_events.filter(kind=ConsentEvent.Kind.UNSUBSCRIBED)
        return unsubscribes.filter(pk__gt=event_id).exists()


class ConsentEventQuerySet(models.QuerySet):
    def delete(self):
        raise TypeError("The consent history is only ever added to.")

    def update(self, **kwargs):
        # Deleting an administrator's account unlinks their events (on_delete=SET_NULL);
        # their name stays in user_name.
        if kwargs != {"user": None}:
            raise TypeError("The consent history is only ever added to.")
        return super().update(**kwargs)


class ConsentEvent(models.Model):
    """One step of a subscriber's consent, who took it and when; only ever appended to.

    The subscriber's status and dates follow from these. They go only with their
    subscriber, when the address itself is erased.
    """

    class Kind(models.TextChoices):
        SUBSCRIBED = "subscribed", _("subscribed")
        CONFIRMED = "confirmed", _("confirmed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")

    class Actor(models.TextChoices):
        FORM = "form", _("the subscribe form")
        LINK = "link", _("the subscriber, with the link we mailed")
        ADMIN = "admin", _("an administrator")
        RECORD = "record", _("recorded when the consent history began")

    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        on_delete=models.CASCADE,
        related_name="consent_events",
    )
    kind = models.CharField(_("step"), max_length=12, choices=Kind.choices)
    at = models.DateTimeField(_("at"), default=timezone.now)
    actor = models.CharField(_("taken by"), max_length=6, choices=Actor.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("administrator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept when the account is deleted.
    user_name = models.CharField(_("administrator's user name"), max_length=150, blank=True)
    # The version of the consent text agreed to, for subscribing and confirming.
    consent_version = models.CharField(_("consent text version"), max_length=40, blank=True)

    objects = ConsentEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent event")
        verbose_name_plural = _("consent history")
        ordering = ["pk"]
        # No add, change or delete permission to give anyone: events come from the
        # subscriber's own steps and an administrator's unsubscribe, nowhere else.
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("The consent history is only ever added to.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("The consent history is only ever added to.")


STATUS_AFTER = {
    ConsentEvent.Kind.SUBSCRIBED: Subscriber.Status.PENDING,
    ConsentEvent.Kind.CONFIRMED: Subscriber.Status.CONFIRMED,
    ConsentEvent.Kind.UNSUBSCRIBED: Subscriber.Status.UNSUBSCRIBED,
}


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
