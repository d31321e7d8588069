"""The explorer's filters with choices that do not read the archive.

Wagtail offers as owners the users who own some page and as editors those who edited one:
two queries over every page and every edit in the log, each time the explorer is drawn.
Here both offer the newsroom's people (members of a role, and administrators) from one
query, and the page types come from Django's content-type cache.
"""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.pages.listing import GenericPageFilterSet
from wagtail.coreutils import get_content_type_label
from wagtail.models import Page, get_page_models

PEOPLE_FILTERS = ("owner", "edited_by")


def newsroom_people():
    """The users who work in the admin: members of a role (group) and administrators."""
    return (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(groups__isnull=False))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def page_type_choices():
    """Every page type but Wagtail's base page, as Wagtail's own filter lists them."""
    models = [model for model in get_page_models() if model is not Page]
    types = sorted(ContentType.objects.get_for_models(*models).values(), key=lambda t: t.model)
    return [(content_type.pk, get_content_type_label(content_type)) for content_type in types]


class NewsroomPageFilterSet(GenericPageFilterSet):
    """Wagtail's explorer filters; the people offered are read once for both people
    filters, only when the filters are drawn, and the page types not at all."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in PEOPLE_FILTERS:
            # What a chosen value is checked against: the people offered.
            self.filters[name].queryset = lambda request: newsroom_people()

    @property
    def form(self):
        form = super().form
        if not getattr(form, "choices_read_once", False):

            @cache
            def people():
                return [(user.pk, get_user_display_name(user)) for user in newsroom_people()]

            # The widgets draw these, called when drawn (a callable stays lazy); the fields
            # still check a chosen value against their querysets.
            for name in PEOPLE_FILTERS:
                form.fields[name].widget.choices = people
            if "content_type" in form.fields:
                form.fields["content_type"].widget.choices = page_type_choices
            form.choices_read_once = True
        return form
