"""wagtail-localize's views that start and update translations, narrowed to the languages
the user translates into (roles.translation_locales).

wagtail-localize checks one right for every language at once; a translator of Russian
holds it too, so each view here offers and accepts only the user's languages, and nothing
goes live through them unless the user may publish it (translators submit for review).
These views answer wagtail-localize's own addresses: wagtail_hooks.py registers them first.
"""

import contextlib

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.views import convert, submit_translations, update_translations
from wagtail_localize.views.edit_translation import apply_machine_translation

from cms.core.admin_access import forbidden

from .roles import target_locales, translation_locales


class OwnLanguagesMixin:
    """Refuses users who translate into no language, before wagtail-localize's checks."""

    def dispatch(self, request, *args, **kwargs):
        self.own_locales = translation_locales(request.user)
        if not self.own_locales:
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


class OwnLanguagesChoiceMixin(OwnLanguagesMixin):
    """The "start a translation" form lists only the user's languages."""

    def get_form(self):
        form = super().get_form()
        choices = form.fields["locales"]
        choices.queryset = choices.queryset.filter(pk__in=self.own_locales)
        if len(choices.queryset) < 2:
            form.fields["select_all"].widget = forms.HiddenInput()
        return form


class SubmitPageTranslationView(
    OwnLanguagesChoiceMixin, submit_translations.SubmitPageTranslationView
):
    def get(self, request, *args, **kwargs):
        if not self.get_form().fields["locales"].queryset.exists():
            messages.info(
                request,
                _("“%(title)s” is already translated into your languages.")
                % {"title": self.object.get_admin_display_title()},
            )
            return redirect(self.get_success_url() or "wagtailadmin_home")
        return super().get(request, *args, **kwargs)


class SubmitSnippetTranslationView(
    OwnLanguagesChoiceMixin, submit_translations.SubmitSnippetTranslationView
):
    def dispatch(self, request, *args, **kwargs):
        # Translated snippets (categories, countries) are edited by those who edit the
        # original: starting a translation they could not then open helps nobody.
        model = submit_translations.get_snippet_model_from_url_params(
            kwargs["app_label"], kwargs["model_name"]
        )
        if not request.user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


class UpdateTranslationsForm(update_translations.UpdateTranslationsForm):
    """Without "Publish immediately" for those whose translations are reviewed."""

    def __init__(self, *args, may_publish=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_publish:
            del self.fields["publish_translations"]


class UpdateTranslationsView(OwnLanguagesMixin, update_translations.UpdateTranslationsView):
    def get(self, request, *args, **kwargs):
        return self._refused() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._refused() or super().post(request, *args, **kwargs)

    def _refused(self):
        # A translator of Amharic has nothing to update in a page that has no Amharic.
        if not self.own_translations().exists():
            return forbidden(self.request)
        return None

    def own_translations(self):
        return self.object.translations.filter(
            enabled=True, target_locale__in=self.own_locales
        ).select_related("source", "target_locale")

    def may_publish_all(self):
        source = self.object.get_source_instance()
        if not isinstance(source, Page):
            return True  # snippets here are published as saved; dispatch checked the right
        return all(
            target.permissions_for_user(self.request.user).can_publish()
            for target in self._targets()
        )

    def _targets(self):
        for translation in self.own_translations():
            with contextlib.suppress(Page.DoesNotExist):
                yield translation.get_target_instance()

    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        return UpdateTranslationsForm(data, may_publish=self.may_publish_all())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["translations"] = [
            row for row in context["translations"] if row["locale"].pk in self.own_locales
        ]
        return context

    @transaction.atomic
    def form_valid(self, form):
        # The source is shared by every language: bringing it up to date changes what each
        # translation editor offers, never what a translation has published.
        self.object.update_from_db()
        translations = list(self.own_translations())
        if form.cleaned_data.get("use_machine_translation"):
            translator = get_machine_translator()
            for translation in translations:
                apply_machine_translation(translation.id, self.request.user, translator)
        publish = form.cleaned_data.get("publish_translations", False)
        for translation in translations:
            with contextlib.suppress(ValidationError):
                if publish:
                    translation.save_target(user=self.request.user, publish=True)
                else:
                    translation.source.update_target_view_restrictions(translation.target_locale)
        self.components.save(self.object, sources_and_translations={self.object: translations})
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url() or self.get_default_success_url())


def convert_to_alias(request, page_id):
    """An alias shows the English as it is published: only who may publish the page may
    turn its translation into one (otherwise the English would go live unreviewed)."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        return forbidden(request)
    return convert.convert_to_alias(request, page_id)


@require_POST
def start_from_desk(request, page_id, language_code):
    """The desk's "Translate" on a story with no page yet in the language: its linked draft
    is made and the translation editor opens on it."""
    source = get_object_or_404(Page, pk=page_id, locale__language_code=settings.LANGUAGE_CODE)
    locale = get_object_or_404(target_locales(), language_code=language_code)
    if locale.pk not in translation_locales(request.user):
        return forbidden(request)
    if not source.has_translation(locale):
        TranslationCreator(request.user, [locale]).create_translations(source.specific)
    return redirect("wagtailadmin_pages:edit", source.get_translation(locale).pk)
