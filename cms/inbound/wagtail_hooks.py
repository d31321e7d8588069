from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PartnerFeed


class PartnerFeedViewSet(SnippetViewSet):
    model = PartnerFeed
    icon = "link-external"
    menu_label = _("Partner feeds")
    add_to_admin_menu = False
    list_display = ["partner", "url", "locale", "is_active", "last_fetched_at", "last_error"]
    list_filter = ["is_active", "locale"]


register_snippet(PartnerFeedViewSet)
