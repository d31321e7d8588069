"""The author chooser a byline opens: authors by name, with their role to tell two apart
(Wagtail's snippet chooser heads its one column "Title")."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet


class AuthorColumnsMixin:
    @property
    def columns(self):
        name, *rest = super().columns
        name.label = _("Name")
        return [name, Column("role", label=_("Role")), *rest]


class AuthorChooseView(AuthorColumnsMixin, ChooseView):
    pass


class AuthorChooseResultsView(AuthorColumnsMixin, ChooseResultsView):
    pass


class AuthorChooserViewSet(SnippetChooserViewSet):
    choose_view_class = AuthorChooseView
    choose_results_view_class = AuthorChooseResultsView
