"""The admin panel of a story's bylines."""

from wagtail.admin.panels import InlinePanel

from .forms import BylineFormSet


class BylinesPanel(InlinePanel):
    """The story's bylines, checked together (BylineFormSet) when the story is saved."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = BylineFormSet
        return options
