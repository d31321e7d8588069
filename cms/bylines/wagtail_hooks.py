from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .chooser import AuthorChooserViewSet
from .models import Author


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Authors")
    menu_name = "authors"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "role", "kind", "slug", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name", "role"]
    ordering = ["name"]
    chooser_viewset_class = AuthorChooserViewSet


register_snippet(AuthorViewSet)
