"""Language facts Django does not ship."""

from django.conf.locale import LANG_INFO

AMHARIC = {
    "bidi": False,
    "code": "am",
    "name": "Amharic",
    "name_local": "አማርኛ",
}


def register_amharic():
    """Django has no Amharic entry; without one `get_language_info('am')` raises KeyError."""
    LANG_INFO.setdefault("am", AMHARIC)
