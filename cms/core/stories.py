"""The story types: every page class built on StoryPage, found once in Django's app registry.

Listings of every story, related stories, feeds, partner formats, search and the purge
path ask here rather than naming articles and interviews. A new story type (a photo
gallery, say) is a StoryPage subclass in its own app: it is listed here because it is
installed, in INSTALLED_APPS order.
"""

from django.apps import apps
from wagtail.admin.panels import PageChooserPanel
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page

from .pages import StoryPage


def story_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, StoryPage) and not model._meta.abstract
    ]


def story_sections():
    """Every section page stories are written in (news, interviews), in every locale: the
    pages the newsroom's roles and review workflow sit on."""
    models = dict.fromkeys(
        parent
        for model in story_models()
        for parent in model.allowed_parent_page_models()
        if parent is not Page
    )
    return [section for model in models for section in model.objects.order_by("path")]


class StoryChooserPanel(PageChooserPanel):
    """An admin field choosing one of our stories, of any story type."""

    def get_form_options(self):
        options = super().get_form_options()
        chooser = AdminPageChooser(target_models=story_models())
        options.setdefault("widgets", {})[self.field_name] = chooser
        return options
