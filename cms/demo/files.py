"""Where the demo's content files are, and how they are read."""

import json
from pathlib import Path

from django.conf import settings

CONTENT = Path(__file__).parent / "content"
SOURCE_LANGUAGE = "en"


def read(name):
    return json.loads((CONTENT / name).read_text(encoding="utf-8"))


def target_languages():
    return [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]
