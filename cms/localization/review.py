"""Translations go live through their section's review, like the English stories.

wagtail-localize's translation editor has one way out, "Publish in <language>", which
publishes at once. For whoever may not publish the page (translators), the same button
saves the translation as a draft and submits it to the workflow of its section
("Translation review": a chief editor approves and publishes, or sends it back with a
comment). Chief editors, who may publish, keep the button as it is.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from cms.core.page_permissions import NewsroomPagePermissionTester


class ReviewedTranslatorPermissions(NewsroomPagePermissionTester):
    """What the translation editor is told of a user whose translations are reviewed: its
    primary button is there (submitting, see translations_go_to_review) and says where to."""

    def __init__(self, user, page, workflow):
        super().__init__(user, page)
        self.review = workflow

    def can_publish(self):
        return True


def reviewed_permissions(page, user):
    """The permissions to show the translation editor for `user`, or None when the user
    publishes directly (or may not edit: Wagtail refuses them before this is asked)."""
    if page.permissions_for_user(user).can_publish():
        return None
    workflow = page.get_workflow()
    if workflow is None:
        return None
    return ReviewedTranslatorPermissions(user, page, workflow)


def submit_for_review(request, translation, page, workflow):
    """Save the translation as a draft of the page and put it in `workflow`, its
    section's (reviewed_permissions found it): started, resumed after changes were
    requested, or restarted if already in review so the reviewer approves what was
    submitted last."""
    try:
        translation.save_target(user=request.user, publish=False)
    except ValidationError:
        messages.error(
            request,
            _("The translation of “%(title)s” has errors; fix them and submit again.")
            % {"title": page.get_admin_display_title()},
        )
        return redirect(request.path)
    page = page.specific_class.objects.get(pk=page.pk)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(request.user)
    else:
        if state is not None:
            state.cancel(user=request.user)
        workflow.start(page, request.user)
    messages.success(
        request,
        _("“%(title)s” in %(language)s has been submitted to %(workflow)s.")
        % {
            "title": page.get_admin_display_title(),
            "language": translation.target_locale.get_display_name(),
            "workflow": workflow.name,
        },
    )
    return redirect(request.path)
