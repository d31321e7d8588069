"""Who is told of translation work, and when.

When a person first publishes an English story, each translator of each other language is
mailed once, in the admin language they chose, a link to the story's draft in their
language. When a chief editor sends a translation back ("Request changes"), nothing is
added here: Wagtail mails the translator who submitted it (the page's title, the reviewer's
comment and a link to its editor), unless they turned off its "rejected" notifications
(wagtail.admin.mail.WorkflowStateRejectionEmailNotifier).
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.admin.mail import OpenedConnection, send_mail
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from .roles import translator_group_name

logger = logging.getLogger(__name__)


class DraftsNotReady(Exception):
    """The job drafting the story's translations has not made them yet."""


def is_first_publication_by_a_person(page, revision):
    # Code that writes pages with their translations (the demo, imports) publishes with no
    # user. Wagtail stamps first_published_at only when it has none, with the same time as
    # last_published_at: a story unpublished and published again is not new. A republish
    # sends nothing either: the translation editor and the status report already show the
    # change, and a mail for every corrected typo would teach translators to ignore them.
    # `live` is false when the publication is only scheduled; the scheduler's comes later.
    return (
        revision is not None
        and revision.user_id is not None
        and page.live
        and page.first_published_at == page.last_published_at
    )


def tell_translators_of_new_story(story):
    """Mail each translator of each other language a link to the story's draft in theirs."""
    locales = list(Locale.objects.exclude(pk=story.locale_id).order_by("pk"))
    translations = {
        page.locale_id: page
        for page in Page.objects.filter(translation_key=story.translation_key).exclude(pk=story.pk)
    }
    if locales and not translations:
        # Both jobs are enqueued on the same commit, the drafting one first: in-process they
        # run in that order, but two Celery workers may take them at once. Failing here
        # makes Celery run this again a few seconds later (cms/jobs/tasks.py RETRY_POLICY).
        raise DraftsNotReady(f"Page {story.pk} has no translation drafts yet")
    messages = [
        new_story_message(story, locale, translations.get(locale.pk), translator)
        for locale in locales
        for translator in translators_to_tell(locale)
    ]
    send(messages)
    return len(messages)


def translators_to_tell(locale):
    # Wagtail has no preference for "work is waiting for you"; its closest is "submitted"
    # (a page is waiting for your review), so a translator who turned that off is not
    # mailed new stories either. A profile never saved holds Wagtail's default: on.
    return (
        get_user_model()
        .objects.filter(groups__name=translator_group_name(locale.language_code), is_active=True)
        .exclude(email="")
        .exclude(wagtail_userprofile__submitted_notifications=False)
        .select_related("wagtail_userprofile")
        .order_by("pk")
    )


def admin_language(user):
    try:
        chosen = user.wagtail_userprofile.preferred_language
    except UserProfile.DoesNotExist:
        chosen = ""
    return chosen or settings.LANGUAGE_CODE


def new_story_message(story, locale, draft, translator):
    """(recipient, subject, body) in the translator's admin language."""
    context = {
        "user": translator,
        "story": story,
        "locale": locale,
        "draft": draft,
        "edit_url": admin_edit_url(draft or story),
    }
    with translation.override(admin_language(translator)):
        subject = render_to_string("localization/new_story_email_subject.txt", context)
        body = render_to_string("localization/new_story_email.txt", context)
    return translator.email, " ".join(subject.split()), body.strip()


def admin_edit_url(page):
    # A translated page's edit view is wagtail-localize's translation editor.
    return get_admin_base_url() + reverse("wagtailadmin_pages:edit", args=[page.pk])


def send(messages):
    # Over one connection, as Wagtail sends its own (its sender and Auto-Submitted header).
    # A failure is logged, never raised: the story is published, and a job run again would
    # mail twice those it had reached.
    try:
        with OpenedConnection(get_connection()) as connection:
            for recipient, subject, body in messages:
                try:
                    send_mail(subject, body, [recipient], connection=connection)
                except Exception:
                    logger.exception("Could not mail %r to %s", subject, recipient)
    except Exception:
        logger.exception("Could not mail translators: no connection to the mail server")
