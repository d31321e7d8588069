"""A story's bylines as editors enter them: persons in order, or one organisation."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet

MIXED = _(
    "A story is signed by one or more persons, or by one organisation (an agency credit), "
    "not both."
)
MANY_ORGANISATIONS = _("Credit one organisation only.")
REPEATED = _("Each author appears once in a byline.")


def byline_error(authors):
    """Why these authors, in order, cannot sign a story together; None when they can."""
    if len({author.pk for author in authors}) < len(authors):
        return REPEATED
    organisations = [author for author in authors if not author.is_person]
    if organisations and len(organisations) < len(authors):
        return MIXED
    if len(organisations) > 1:
        return MANY_ORGANISATIONS
    return None


class BylineFormSet(BaseChildFormSet):
    def clean(self):
        super().clean()
        kept = [
            form.cleaned_data["author"]
            for form in self.forms
            if form.cleaned_data.get("author") and not form.cleaned_data.get("DELETE")
        ]
        if error := byline_error(kept):
            raise ValidationError(error)
