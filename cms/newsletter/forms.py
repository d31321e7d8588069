"""The subscribe form: address, languages, consent, and a trap for robots."""

import unicodedata

from django import forms
from django.conf import settings
from django.core.validators import validate_email
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

# The text the reader agrees to. Change settings.NEWSLETTER_CONSENT_VERSION with it.
CONSENT_TEXT = _(
    "I want to receive the weekly newsletter of Network News by email, and I agree that "
    "Network News keeps my email address and languages for that purpose. I can "
    "unsubscribe at any time with the link in every email."
)


def language_choices():
    """Each site language in its own name and script, as the language switcher shows it."""
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


# What a ticked consent box sends: "on" from a browser (the box has no value attribute),
# "true", "1" or "yes" from a script. Django's CheckboxInput reads any other non-empty
# value as ticked, "0", "off", "no" and " false" included, and BooleanField's own check
# for "0" comes after the widget has already made it True; consent must be explicit.
CONSENT_GIVEN = frozenset({"on", "true", "1", "yes"})


class ConsentCheckbox(forms.CheckboxInput):
    """Ticked only when every value posted for it says yes: a post that also says no
    (two values, the last one "on") has not consented either."""

    def value_from_datadict(self, data, files, name):
        if hasattr(data, "getlist"):
            values = data.getlist(name)
        else:
            values = [data[name]] if name in data else []
        return bool(values) and all(says_yes(value) for value in values)


def says_yes(value):
    return value is True or (isinstance(value, str) and value.lower() in CONSENT_GIVEN)


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=language_choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language.")},
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        widget=ConsentCheckbox,
        error_messages={"required": _("We can only send the newsletter with your consent.")},
    )
    # The honeypot: hidden from people (off-screen, aria-hidden, out of the tab order);
    # robots that fill every field fill it too.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "newsletter-%s")
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"]
        # Django's validator lets invisible and direction-changing characters through in
        # the domain (U+202E shows "exa\u202emple.org" reversed); the admin lists addresses.
        if any(unicodedata.category(character) in {"Cc", "Cf"} for character in email):
            raise forms.ValidationError(validate_email.message, code="invalid")
        return email.lower()

    def is_robot(self):
        return bool(self.data.get("website"))
