"""Machine translation through DeepL or LibreTranslate, mocked only at the HTTP edge."""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs

import pytest
import requests
import responses
from wagtail.models import Locale
from wagtail_localize.strings import StringValue

from cms.localization.machine_translators import NewsroomDeepLTranslator, NewsroomLibreTranslator

ROOT = Path(__file__).resolve().parents[2]
PAYLOADS = ROOT / "tests" / "data" / "machine_translation"

DEEPL_PRO_URL = "https://api.deepl.com/v2/translate"
DEEPL_FREE_URL = "https://api-free.deepl.com/v2/translate"
LIBRETRANSLATE_URL = "https://translate.newsroom.example"

HEADLINE = "Port traffic grew by a fifth"
LEAD = 'Container volumes at <a id="a1">the northern terminal</a> reached a record in March.'

ALL_LOCALES = ["en", "ru", "pt", "zh-hans", "hi", "ar", "fa", "am"]

TRANSLATIONS = {
    "ru": (
        "Грузооборот порта вырос на пятую часть",
        'Объём контейнерных перевозок на <a id="a1">северном терминале</a> '
        "в марте достиг рекорда.",
    ),
    "ar": (
        "ارتفعت حركة الميناء بمقدار الخُمس",
        'بلغت أحجام الحاويات في <a id="a1">المحطة الشمالية</a> مستوى قياسيًا في مارس.',
    ),
    "zh-hans": (
        "港口吞吐量增长五分之一",
        '<a id="a1">北部码头</a>的集装箱吞吐量在三月创下纪录。',
    ),
}


def payload(name):
    return (PAYLOADS / name).read_text(encoding="utf-8")


def locale(code):
    # Unsaved: the translators read only the language code, so no database is needed.
    return Locale(language_code=code)


def article_strings():
    return [StringValue(HEADLINE), StringValue(LEAD)]


@pytest.fixture
def http():
    with responses.RequestsMock() as mock:
        yield mock


# DeepL


@pytest.mark.parametrize(
    "target,deepl_code,payload_file",
    [
        ("ru", "RU", "deepl_translate_ru.json"),
        ("ar", "AR", "deepl_translate_ar.json"),
        ("zh-hans", "ZH-HANS", "deepl_translate_zh_hans.json"),
    ],
)
def test_deepl_translates_headline_and_lead(http, target, deepl_code, payload_file):
    http.post(DEEPL_PRO_URL, body=payload(payload_file), content_type="application/json")
    strings = article_strings()

    translated = NewsroomDeepLTranslator({"AUTH_KEY": "pro-key"}).translate(
        locale("en"), locale(target), strings
    )

    assert [translated[string].data for string in strings] == list(TRANSLATIONS[target])
    request = http.calls[0].request
    assert request.headers["Authorization"] == "DeepL-Auth-Key pro-key"
    sent = parse_qs(request.body)
    assert sent["target_lang"] == [deepl_code]
    assert sent["source_lang"] == ["EN"]
    assert sent["text"] == [HEADLINE, LEAD]
    assert sent["tag_handling"] == ["xml"]


def test_deepl_free_key_is_sent_to_the_free_api_host(http):
    http.post(DEEPL_FREE_URL, body=payload("deepl_translate_ru.json"))

    NewsroomDeepLTranslator({"AUTH_KEY": "free-key:fx"}).translate(
        locale("en"), locale("ru"), article_strings()
    )

    assert http.calls[0].request.headers["Authorization"] == "DeepL-Auth-Key free-key:fx"


@pytest.mark.parametrize(
    "target,deepl_code",
    [("ru", "RU"), ("pt", "PT-BR"), ("zh-hans", "ZH-HANS"), ("ar", "AR"), ("en", "EN-GB")],
)
def test_deepl_is_asked_for_an_explicit_variant(target, deepl_code):
    source = "ru" if target == "en" else "en"
    parameters = NewsroomDeepLTranslator({"AUTH_KEY": "pro-key"}).get_parameters(
        locale(source), locale(target), article_strings()
    )
    assert parameters["target_lang"] == deepl_code


@pytest.mark.parametrize(
    "target,offered",
    [
        ("en", False),
        ("ru", True),
        ("pt", True),
        ("zh-hans", True),
        ("hi", False),
        ("ar", True),
        ("fa", False),
        ("am", False),
    ],
)
def test_deepl_is_offered_only_for_languages_it_translates(target, offered):
    translator = NewsroomDeepLTranslator({"AUTH_KEY": "pro-key"})
    assert translator.can_translate(locale("en"), locale(target)) is offered


@pytest.mark.parametrize(
    "status,payload_file",
    [
        (403, "deepl_403_forbidden.json"),
        (429, "deepl_429_too_many_requests.json"),
        (456, "deepl_456_quota_exceeded.json"),
    ],
)
def test_deepl_refusal_raises_http_error(http, status, payload_file):
    http.post(DEEPL_PRO_URL, body=payload(payload_file), status=status)

    with pytest.raises(requests.HTTPError) as error:
        NewsroomDeepLTranslator({"AUTH_KEY": "wrong-key"}).translate(
            locale("en"), locale("ru"), article_strings()
        )
    assert error.value.response.status_code == status


def test_deepl_refusal_with_empty_body_raises_http_error(http):
    http.post(DEEPL_PRO_URL, body="", status=403)

    with pytest.raises(requests.HTTPError):
        NewsroomDeepLTranslator({"AUTH_KEY": "wrong-key"}).translate(
            locale("en"), locale("ru"), article_strings()
        )


def test_deepl_malformed_body_raises(http):
    http.post(DEEPL_PRO_URL, body=payload("deepl_malformed.json"))

    with pytest.raises(ValueError):
        NewsroomDeepLTranslator({"AUTH_KEY": "pro-key"}).translate(
            locale("en"), locale("ru"), article_strings()
        )


def test_deepl_answer_missing_a_string_raises_rather_than_misaligning(http):
    http.post(DEEPL_PRO_URL, body=payload("deepl_translate_ru.json"))
    strings = [*article_strings(), StringValue("Cranes were idle for two days")]

    with pytest.raises(ValueError):
        NewsroomDeepLTranslator({"AUTH_KEY": "pro-key"}).translate(
            locale("en"), locale("ru"), strings
        )


# LibreTranslate


@pytest.mark.parametrize(
    "target,service_code,payload_file",
    [
        ("ru", "ru", "libretranslate_translate_ru.json"),
        ("ar", "ar", "libretranslate_translate_ar.json"),
        ("zh-hans", "zh", "libretranslate_translate_zh_hans.json"),
    ],
)
def test_libretranslate_translates_headline_and_lead(http, target, service_code, payload_file):
    http.post(f"{LIBRETRANSLATE_URL}/translate", body=payload(payload_file))
    strings = article_strings()
    translator = NewsroomLibreTranslator(
        {"LIBRETRANSLATE_URL": LIBRETRANSLATE_URL, "API_KEY": "newsroom-key"}
    )

    translated = translator.translate(locale("en"), locale(target), strings)

    assert [translated[string].data for string in strings] == list(TRANSLATIONS[target])
    assert json.loads(http.calls[0].request.body) == {
        "q": [HEADLINE, LEAD],
        "source": "en",
        "target": service_code,
        "api_key": "newsroom-key",
        "format": "html",
    }


@pytest.mark.parametrize(
    "target,offered",
    [
        ("en", False),
        ("ru", True),
        ("pt", True),
        ("zh-hans", True),
        ("hi", True),
        ("ar", True),
        ("fa", True),
        ("am", False),
    ],
)
def test_libretranslate_is_offered_only_for_languages_it_translates(target, offered):
    translator = NewsroomLibreTranslator({"LIBRETRANSLATE_URL": LIBRETRANSLATE_URL, "API_KEY": ""})
    assert translator.can_translate(locale("en"), locale(target)) is offered


@pytest.mark.parametrize(
    "status,payload_file",
    [(403, "libretranslate_403_invalid_key.json"), (429, "libretranslate_429_slowdown.json")],
)
def test_libretranslate_refusal_raises_http_error(http, status, payload_file):
    http.post(f"{LIBRETRANSLATE_URL}/translate", body=payload(payload_file), status=status)
    translator = NewsroomLibreTranslator(
        {"LIBRETRANSLATE_URL": LIBRETRANSLATE_URL, "API_KEY": "wrong-key"}
    )

    with pytest.raises(requests.HTTPError) as error:
        translator.translate(locale("en"), locale("ar"), article_strings())
    assert error.value.response.status_code == status


def test_libretranslate_malformed_body_raises(http):
    http.post(f"{LIBRETRANSLATE_URL}/translate", body=payload("libretranslate_malformed.json"))
    translator = NewsroomLibreTranslator({"LIBRETRANSLATE_URL": LIBRETRANSLATE_URL, "API_KEY": ""})

    with pytest.raises(ValueError):
        translator.translate(locale("en"), locale("ru"), article_strings())


# Configuration

MT_VARIABLES = {"DEEPL_API_KEY", "LIBRETRANSLATE_URL", "LIBRETRANSLATE_API_KEY"}

REPORT_TRANSLATOR = """
import json
import django
django.setup()
from django.conf import settings
from wagtail_localize.machine_translators import get_machine_translator
translator = get_machine_translator()
print(json.dumps({
    "configured": hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR"),
    "options": getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", {}).get("OPTIONS"),
    "translator": type(translator).__name__ if translator else None,
}))
"""


def configured_translator(**env):
    clean = {k: v for k, v in os.environ.items() if k not in MT_VARIABLES}
    clean.update(env, DJANGO_SETTINGS_MODULE="cms.settings.test")
    result = subprocess.run(
        [sys.executable, "-c", REPORT_TRANSLATOR],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_machine_translation_is_off_without_a_service():
    assert configured_translator() == {"configured": False, "options": None, "translator": None}


def test_deepl_key_turns_on_deepl_even_when_libretranslate_is_set():
    report = configured_translator(
        DEEPL_API_KEY="pro-key", LIBRETRANSLATE_URL="http://127.0.0.1:5000"
    )
    assert report["translator"] == "NewsroomDeepLTranslator"
    assert report["options"] == {"AUTH_KEY": "pro-key"}


def test_libretranslate_url_turns_on_libretranslate_with_an_empty_key_by_default():
    report = configured_translator(LIBRETRANSLATE_URL="http://127.0.0.1:5000/")
    assert report["translator"] == "NewsroomLibreTranslator"
    assert report["options"] == {"LIBRETRANSLATE_URL": "http://127.0.0.1:5000", "API_KEY": ""}
