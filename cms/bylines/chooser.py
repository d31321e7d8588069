"""The author chooser a byline opens: authors by name, with their role to tell two apart
(Wagtail's snippet chooser heads its one column "Title"). The headings are the fields'
own names, translated with the model."""

from django.utils.text import capfirst
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet

from .models import Author


def heading(field_name):
    return capfirst(Author._meta.get_field(field_name).verbose_name)


class AuthorColumnsMixin:
    @property
    def columns(self):
        name, *rest = super().columns
        name.label = heading("name")
        return [name, Column("role", label=heading("role")), *rest]


class AuthorChooseView(AuthorColumnsMixin, ChooseView):
    pass


class AuthorChooseResultsView(AuthorColumnsMixin, ChooseResultsView):
    pass


class AuthorChooserViewSet(SnippetChooserViewSet):
    choose_view_class = AuthorChooseView
    choose_results_view_class = AuthorChooseResultsView
