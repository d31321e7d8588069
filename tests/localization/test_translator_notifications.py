"""Translators are mailed when a new English story goes live, and when a chief editor sends
their translation back."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale, Page, WorkflowState
from wagtail.users.models import UserProfile

from cms.localization import notifications

from .test_drafts_follow_source import as_user, edit_story, start_story

User = get_user_model()
TRANSLATORS = {
    language: f"translator-{language}@newsroom.example"
    for language in ("ru", "pt", "zh-hans", "hi", "ar", "fa", "am")
}


def edit_url(page):
    return settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[page.pk])


def draft_in(story, language):
    return story.get_translation(Locale.objects.get(language_code=language))


def new_story_mails(outbox, story):
    """Ours, not Wagtail's review mails (which name the story too)."""
    subject = f'New story to translate: "{story.title}"'
    return [message for message in outbox if message.subject == subject]


def new_story_mail_to(outbox, story, address):
    [message] = [message for message in new_story_mails(outbox, story) if message.to == [address]]
    return message


def new_story_recipients(outbox, story):
    return sorted(address for message in new_story_mails(outbox, story) for address in message.to)


def chief_publishes_new_story(client, capture, slug):
    """The chief editor writes a story and publishes it at once, with its jobs run."""
    chief = as_user(client, "chief")
    with capture(execute=True):
        story = start_story(chief, slug)
        edit_story(chief, story, "The port reopened.", "action-publish")
    story.refresh_from_db()
    assert story.live
    return story


@pytest.mark.django_db
def test_a_new_story_published_by_a_person_mails_each_languages_translators_a_link_to_their_draft(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    story = chief_publishes_new_story(client, django_capture_on_commit_callbacks, "told-story")

    assert new_story_recipients(mailoutbox, story) == sorted(TRANSLATORS.values())
    for language, address in TRANSLATORS.items():
        message = new_story_mail_to(mailoutbox, story, address)
        assert story.title in message.subject
        assert edit_url(draft_in(story, language)) in message.body
        assert edit_url(story) not in message.body


@pytest.mark.django_db
def test_the_mail_is_in_the_admin_language_the_translator_chose(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    translator = User.objects.get(username="translator-ru")
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "ru"
    profile.save()

    story = chief_publishes_new_story(client, django_capture_on_commit_callbacks, "russian-mail")

    [russian] = [message for message in mailoutbox if message.to == [translator.email]]
    portuguese = new_story_mail_to(mailoutbox, story, TRANSLATORS["pt"])
    # Our lines from the newsroom's catalogues, Wagtail's from its own.
    assert russian.subject == f"Новый материал для перевода: «{story.title}»"
    assert "отредактируйте свои настройки уведомлений" in russian.body
    assert "Edit your notification preferences here" in portuguese.body


@pytest.mark.django_db
def test_an_approval_at_the_end_of_the_review_chain_mails_the_translators(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    reporter = as_user(client, "reporter")
    with django_capture_on_commit_callbacks(execute=True):
        story = start_story(reporter, "approved-story")
        edit_story(reporter, story, "The port reopened.", "action-submit")
    for username in ("editor", "chief"):
        state = WorkflowState.objects.for_instance(story).get(
            status=WorkflowState.STATUS_IN_PROGRESS
        )
        with django_capture_on_commit_callbacks(execute=True):
            response = as_user(client, username).post(
                reverse(
                    "wagtailadmin_pages:workflow_action",
                    args=[story.pk, "approve", state.current_task_state.pk],
                ),
                {"comment": ""},
            )
        assert response.status_code == 302
    story.refresh_from_db()
    assert story.live

    assert new_story_recipients(mailoutbox, story) == sorted(TRANSLATORS.values())


@pytest.mark.django_db
def test_a_translator_who_turned_off_submitted_notifications_is_not_mailed(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    translator = User.objects.get(username="translator-fa")
    profile = UserProfile.get_for_user(translator)
    profile.submitted_notifications = False
    profile.save()

    story = chief_publishes_new_story(client, django_capture_on_commit_callbacks, "quiet-story")

    assert set(new_story_recipients(mailoutbox, story)) == set(TRANSLATORS.values()) - {
        translator.email
    }


@pytest.mark.django_db
def test_inactive_translators_and_translators_without_an_address_are_not_mailed(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    User.objects.filter(username="translator-hi").update(is_active=False)
    User.objects.filter(username="translator-am").update(email="")

    story = chief_publishes_new_story(client, django_capture_on_commit_callbacks, "few-told")

    assert set(new_story_recipients(mailoutbox, story)) == set(TRANSLATORS.values()) - {
        TRANSLATORS["hi"],
        TRANSLATORS["am"],
    }


@pytest.mark.django_db
def test_a_story_published_by_code_with_no_user_mails_nobody(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        story = start_story(as_user(client, "chief"), "loaded-story")
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()  # as the demo loader and imports do

    assert Page.objects.get(pk=story.pk).live
    assert mailoutbox == []


@pytest.mark.django_db
def test_republishing_a_story_sends_no_second_new_story_mail(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    story = chief_publishes_new_story(client, django_capture_on_commit_callbacks, "twice-story")
    assert new_story_mails(mailoutbox, story)
    mailoutbox.clear()
    chief = as_user(client, "chief")

    with django_capture_on_commit_callbacks(execute=True):
        edit_story(chief, story, "The port reopened at dawn.", "action-publish")
    story.refresh_from_db()
    story.unpublish(user=User.objects.get(username="chief"))
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision(user=User.objects.get(username="chief")).publish()

    assert Page.objects.get(pk=story.pk).live
    assert new_story_mails(mailoutbox, story) == []


@pytest.mark.django_db
def test_a_language_whose_draft_was_deleted_is_mailed_the_draft_the_publication_makes_again(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    reporter = as_user(client, "reporter")
    with django_capture_on_commit_callbacks(execute=True):
        story = start_story(reporter, "no-amharic")
        edit_story(reporter, story, "The port reopened.", "action-submit")
    deleted = draft_in(story, "am")
    deleted.delete()

    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision(user=User.objects.get(username="chief")).publish()

    amharic = new_story_mail_to(mailoutbox, story, TRANSLATORS["am"])
    assert draft_in(story, "am").pk != deleted.pk
    assert edit_url(draft_in(story, "am")) in amharic.body


@pytest.mark.django_db
def test_translators_are_not_mailed_before_the_story_has_drafts(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    # On Celery the mailing and drafting jobs may run at once on two workers: the mailing
    # one fails, and Celery runs it again once the drafting one is done.
    with django_capture_on_commit_callbacks(execute=True):
        story = start_story(as_user(client, "chief"), "not-drafted-yet")
        story.save_revision().publish()
    mailoutbox.clear()

    with pytest.raises(notifications.DraftsNotReady):
        notifications.tell_translators_of_new_story(Page.objects.get(pk=story.pk).specific)
    assert mailoutbox == []


@pytest.mark.django_db
def test_a_language_with_no_draft_when_the_job_runs_is_sent_the_english_story(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    story = chief_publishes_new_story(client, django_capture_on_commit_callbacks, "late-draft")
    draft_in(story, "am").delete()  # or not made yet: the drafting job is between languages
    mailoutbox.clear()

    notifications.tell_translators_of_new_story(story)

    amharic = new_story_mail_to(mailoutbox, story, TRANSLATORS["am"])
    russian = new_story_mail_to(mailoutbox, story, TRANSLATORS["ru"])
    assert edit_url(story) in amharic.body
    assert edit_url(draft_in(story, "ru")) in russian.body


@pytest.mark.django_db
def test_a_translation_sent_back_mails_its_translator_the_comment_and_a_link(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    story = chief_publishes_new_story(client, django_capture_on_commit_callbacks, "sent-back")
    translator = User.objects.get(username="translator-ru")
    chief = User.objects.get(username="chief")
    russian = draft_in(story, "ru").specific
    russian.title = "Портовая история"
    with django_capture_on_commit_callbacks(execute=True):
        russian.save_revision(user=translator)
        workflow_state = russian.get_workflow().start(russian, translator)
    mailoutbox.clear()

    task_state = workflow_state.current_task_state
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(
            task_state, chief, "reject", comment="Второй абзац не переведён."
        )

    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    [message] = [m for m in mailoutbox if m.to == [translator.email]]
    assert "Портовая история" in message.subject
    assert "Второй абзац не переведён." in message.body
    assert edit_url(russian) in message.body
