"""wagtail-localize's DeepL and LibreTranslate clients, fitted to our eight locales."""

import requests
from wagtail_localize.machine_translators.deepl import DeepLTranslator, language_code
from wagtail_localize.machine_translators.libretranslate import LibreTranslator
from wagtail_localize.strings import StringValue


class NewsroomDeepLTranslator(DeepLTranslator):
    """DeepL, asked for explicit language variants and offered only where it is stable."""

    # The built-in mapping sends PT and ZH, which DeepL keeps only for backward
    # compatibility (PT means European Portuguese). Brazilian readers are the larger
    # audience. Hindi, Persian and Amharic are missing here on purpose: DeepL has them
    # at most as beta languages, which need enable_beta_languages and do not promise
    # the XML tag handling wagtail-localize relies on for links inside segments.
    TARGET_LANGUAGES = {
        "en": "EN-GB",
        "ru": "RU",
        "pt": "PT-BR",
        "zh-hans": "ZH-HANS",
        "ar": "AR",
    }

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        parameters["target_lang"] = self.TARGET_LANGUAGES[target_locale.language_code]
        return parameters

    def translate(self, source_locale, target_locale, strings):
        # The built-in client reads the body before checking the status, so a rejected
        # key or an exhausted quota surfaced as a KeyError or a JSON decoding error.
        response = requests.post(
            self.get_api_endpoint(),
            self.get_parameters(source_locale, target_locale, strings),
            timeout=int(self.options.get("TIMEOUT", 30)),
            headers=self.get_headers(),
        )
        response.raise_for_status()
        return {
            string: StringValue(translation["text"])
            for string, translation in zip(strings, response.json()["translations"], strict=True)
        }

    def can_translate(self, source_locale, target_locale):
        source, target = source_locale.language_code, target_locale.language_code
        return (
            source in self.TARGET_LANGUAGES
            and target in self.TARGET_LANGUAGES
            and language_code(source) != language_code(target)
        )


class NewsroomLibreTranslator(LibreTranslator):
    """LibreTranslate, offered only for the languages its Argos models cover."""

    # Argos Translate publishes no Amharic model, so a LibreTranslate server answers
    # "am is not supported" with a 400. Simplified Chinese keeps the built-in "zh",
    # the code of the Argos model a self-hosted server loads.
    SUPPORTED_LANGUAGES = {"en", "ru", "pt", "zh-hans", "hi", "ar", "fa"}

    def can_translate(self, source_locale, target_locale):
        return (
            source_locale.language_code in self.SUPPORTED_LANGUAGES
            and target_locale.language_code in self.SUPPORTED_LANGUAGES
            and super().can_translate(source_locale, target_locale)
        )
