"""Builds the demo newsroom from the content files; running it twice changes nothing."""

from datetime import datetime, timedelta
from html import escape

from django.conf import settings
from django.core.files import File
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtailmedia.models import Media

from articles.models import ArticleIndexPage, ArticlePage
from cms.taxonomy.models import Category, Country, PageCountry
from home.models import HomePage
from interviews.models import InterviewIndexPage, InterviewPage
from partners.models import PartnerIndexPage, PartnerLanguage, PartnerPage, PartnerRepublication
from search import indexing as search_indexing

from . import images
from .bylines import sign_demo_stories
from .files import CONTENT, SOURCE_LANGUAGE, read, target_languages
from .front_page import curate_front_pages
from .renditions import make_renditions
from .staff import ensure_admin, ensure_staff
from .syndication import seed_syndication
from .translating import translate
from .widgets import seed_widgets

TRANSLATION_DELAY = timedelta(minutes=95)
# The network's own photo desk is named in each language; an agency keeps its name.
PHOTO_DESK = {
    "en": "Network photo desk",
    "ru": "Фотослужба Сети",
    "pt": "Equipe de fotografia da Rede",
    "zh-hans": "网络图片部",
    "hi": "नेटवर्क फ़ोटो डेस्क",
    "ar": "قسم الصور في الشبكة",
    "fa": "میز عکس شبکه",
    "am": "የአውታረ መረቡ የፎቶ ክፍል",
}


def credit_in(credit, language):
    return PHOTO_DESK[language] if credit == PHOTO_DESK["en"] else credit


def segment_strings(pairs):
    """English -> translated, for plain-text segments and for rich-text ones (escaped HTML)."""
    strings = {}
    for english, translated in pairs:
        if english and translated:
            strings[english] = translated
            strings[escape(english, quote=False)] = escape(translated, quote=False)
    return strings


def tag_pairs(item, text, language):
    """Each English tag with its translation: the content files list them in the same order."""
    translated = text.get("tags", [])
    if len(translated) != len(item["tags"]):
        # Paired by position, one tag missing would give every later tag the wrong name.
        raise ValueError(
            f"{item['slug']} has {len(item['tags'])} tags in English and "
            f"{len(translated)} in {language}: translations/{language}.json must list "
            "one translation per English tag, in the same order"
        )
    return list(zip(item["tags"], translated, strict=True))


class DemoNewsroom:
    def __init__(self, log=print):
        self.log = log
        self.taxonomy = read("taxonomy.json")
        self.sections = read("sections.json")
        self.articles = read("articles.json") + read("articles_more.json")
        self.interviews = read("interviews.json") + read("interviews_more.json")
        self.partners = read("partners.json")
        self.translations = {
            code: read(f"translations/{code}.json") for code in target_languages()
        }
        self.partner_translations = read("translations/partners.json")

    def load(self):
        # No transaction around the whole load: wagtail-localize publishes translations
        # on commit, and each translation's own date (publish_after_source) must be
        # published after that.
        self.locales = self.ensure_locales()
        self.categories, self.countries = self.build_taxonomy()
        self.home = self.build_home()
        self.news, self.interviews_index, self.partners_index = self.build_sections()
        self.recording = self.demo_recording()
        stories = {}
        for item in self.articles:
            stories[item["slug"]] = self.build_article(item, stories)
        for item in self.interviews:
            stories[item["slug"]] = self.build_interview(item)
        partners = [self.build_partner(item, stories) for item in self.partners]
        sign_demo_stories(stories.values(), self.locales)
        self.translate_everything(stories, partners)
        curate_front_pages(self.home)
        ensure_admin()
        ensure_staff()
        seed_widgets(self.locales)
        seed_syndication(partners)
        make_renditions()
        # Publishing indexed each page as it went live; a rebuild also covers a database
        # whose demo was loaded before the readers' search existed.
        search_indexing.rebuild()

    # Locales and taxonomy

    def ensure_locales(self):
        locales = {}
        for code, _name in settings.LANGUAGES:
            locales[code], _ = Locale.objects.get_or_create(language_code=code)
        return locales

    def build_taxonomy(self):
        english = self.locales[SOURCE_LANGUAGE]
        categories = {}
        for slug, names in self.taxonomy["categories"].items():
            categories[slug], _ = Category.objects.get_or_create(
                slug=slug, locale=english, defaults={"name": names[SOURCE_LANGUAGE]}
            )
        countries = {}
        for code, facts in self.taxonomy["countries"].items():
            countries[code], _ = Country.objects.get_or_create(
                code=code,
                locale=english,
                defaults={"name": facts[SOURCE_LANGUAGE], "is_member": facts["member"]},
            )
        for language in target_languages():
            locale = self.locales[language]
            for slug, category in categories.items():
                names = self.taxonomy["categories"][slug]
                if not category.has_translation(locale):
                    translate(category, locale, {category.name: names[language]})
            for code, country in countries.items():
                names = self.taxonomy["countries"][code]
                if not country.has_translation(locale):
                    translate(country, locale, {country.name: names[language]})
        return categories, countries

    # Page tree

    def build_home(self):
        english = self.locales[SOURCE_LANGUAGE]
        home = HomePage.objects.filter(locale=english).first()
        if home is None:
            root = Page.get_first_root_node()
            home = HomePage(title=self.sections["home"][SOURCE_LANGUAGE], slug="home")
            placeholder = (
                root.get_children().filter(slug="home").exclude(content_type__model="homepage")
            )
            for page in placeholder:
                # Wagtail's installer leaves a "Welcome" page where our home belongs.
                page.slug = f"welcome-{page.pk}"
                page.save(update_fields=["slug"])
            root.add_child(instance=home)
            home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        if site.root_page_id != home.pk or site.site_name != self.sections["home"]["en"]:
            old_root = site.root_page_id
            site.root_page = home
            site.site_name = self.sections["home"][SOURCE_LANGUAGE]
            site.save()
            if old_root and old_root != home.pk:
                Page.objects.filter(pk=old_root, depth=2).exclude(
                    content_type__model="homepage"
                ).delete()
        return home

    def build_sections(self):
        built = []
        for key, model in (
            ("news", ArticleIndexPage),
            ("interviews", InterviewIndexPage),
            ("partners", PartnerIndexPage),
        ):
            section = self.sections[key]
            page = model.objects.child_of(self.home).filter(slug=section["slug"]).first()
            if page is None:
                page = model(
                    title=section["title"][SOURCE_LANGUAGE],
                    slug=section["slug"],
                    intro=section["intro"][SOURCE_LANGUAGE],
                    show_in_menus=True,
                )
                self.publish_child(self.home, page)
            built.append(page)
        return built

    def publish_child(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def existing(self, model, parent, slug):
        return model.objects.child_of(parent).filter(slug=slug).first()

    def hero(self, item):
        picture = images.draw_landscape(item["slug"], item["category"])
        return images.save_image(picture, f"Demo: {item['slug']}", f"{item['slug']}.jpg")

    def country_links(self, codes):
        return [PageCountry(country=self.countries[code]) for code in codes]

    def build_article(self, item, earlier):
        page = self.existing(ArticlePage, self.news, item["slug"])
        if page is not None:
            return page
        body = [("paragraph", RichText(f"<p>{escape(text)}</p>")) for text in item["body"]]
        body.insert(
            min(2, len(body)),
            (
                "quote",
                {"text": item["quote"]["text"], "attribution": item["quote"]["attribution"]},
            ),
        )
        related = next(
            (
                story
                for story in reversed(list(earlier.values()))
                if isinstance(story, ArticlePage)
                and story.category_id == self.categories[item["category"]].pk
            ),
            None,
        )
        if related is not None:
            body.append(("related_link", {"page": related, "url": "", "title": ""}))
        page = ArticlePage(
            title=item["title"],
            slug=item["slug"],
            lead=item["lead"],
            first_published_at=datetime.fromisoformat(item["published_at"]),
            hero_image=self.hero(item),
            hero_caption=item["caption"],
            photo_credit=item["credit"],
            category=self.categories[item["category"]],
            body=body,
            country_links=self.country_links(item["countries"]),
        )
        page.tags.add(*item["tags"])
        return self.publish_child(self.news, page)

    def demo_recording(self):
        """One short clip drawn for the demo stands in for every interview's recording."""
        title = "Demo recording (placeholder clip)"
        recording = Media.objects.filter(title=title).first()
        if recording is None:
            clip = CONTENT / "media" / "interview-clip.mp4"
            recording = Media(title=title, type="video", duration=6, width=640, height=360)
            with clip.open("rb") as stream:
                recording.file.save(clip.name, File(stream), save=False)
            recording.save()
        return recording

    def build_interview(self, item):
        page = self.existing(InterviewPage, self.interviews_index, item["slug"])
        if page is not None:
            return page
        portrait = images.save_image(
            images.draw_portrait(item["slug"]),
            f"Demo portrait: {item['interviewee']}",
            f"portrait-{item['slug']}.jpg",
        )
        transcript = [
            (
                "question_answer",
                {"question": qa["question"], "answer": RichText(f"<p>{escape(qa['answer'])}</p>")},
            )
            for qa in item["transcript"]
        ]
        page = InterviewPage(
            title=item["title"],
            slug=item["slug"],
            lead=item["lead"],
            first_published_at=datetime.fromisoformat(item["published_at"]),
            interviewee_name=item["interviewee"],
            interviewee_role=item["role"],
            organisation=item["organisation"],
            portrait=portrait,
            video_file=self.recording,
            hero_image=self.hero(item),
            photo_credit=PHOTO_DESK["en"],
            duration_seconds=item["duration_seconds"],
            category=self.categories[item["category"]],
            transcript=transcript,
            country_links=self.country_links(item["countries"]),
        )
        return self.publish_child(self.interviews_index, page)

    def build_partner(self, item, stories):
        page = self.existing(PartnerPage, self.partners_index, item["slug"])
        if page is not None:
            return page
        logo = images.save_image(
            images.draw_logo(item["name"], item["slug"]),
            f"Demo logo: {item['name']}",
            f"logo-{item['slug']}.jpg",
        )
        carried = (
            item["carries"]
            or [
                slug
                for slug, story in stories.items()
                if item["country"] in {link.country.code for link in story.country_links.all()}
            ][:3]
        )
        page = PartnerPage(
            title=item["name"],
            slug=item["slug"],
            country=self.countries[item["country"]],
            kind=item["kind"],
            logo=logo,
            website=item["website"],
            description=item["description"],
            languages=[PartnerLanguage(language=code) for code in item["languages"]],
            republications=[PartnerRepublication(page=stories[slug]) for slug in carried],
        )
        return self.publish_child(self.partners_index, page)

    # Translations

    def translate_everything(self, stories, partners):
        for language in target_languages():
            locale = self.locales[language]
            self.log(f"Translating into {language}")
            self.translate_sections(locale, language)
            content = self.translations[language]
            for item in self.articles:
                if item.get("translate"):
                    self.translate_article(stories[item["slug"]], item, locale, content)
            for item in self.interviews:
                if item.get("translate"):
                    self.translate_interview(stories[item["slug"]], item, locale, content)
            for partner in partners:
                self.translate_partner(partner, locale, language)

    def translate_sections(self, locale, language):
        if not self.home.has_translation(locale):
            home_title = self.sections["home"]
            translate(
                self.home,
                locale,
                {home_title[SOURCE_LANGUAGE]: home_title[language], "home": f"home-{language}"},
            )
        for key, page in (
            ("news", self.news),
            ("interviews", self.interviews_index),
            ("partners", self.partners_index),
        ):
            if page.has_translation(locale):
                continue
            section = self.sections[key]
            translate(
                page,
                locale,
                segment_strings(
                    [
                        (page.slug, page.slug),
                        (section["title"][SOURCE_LANGUAGE], section["title"][language]),
                        (section["intro"][SOURCE_LANGUAGE], section["intro"][language]),
                    ]
                ),
            )

    def translate_article(self, page, item, locale, content):
        if page.has_translation(locale):
            return
        text = content["articles"][item["slug"]]
        pairs = [
            (item["slug"], item["slug"]),  # addresses stay in Latin letters in every language
            (item["title"], text["title"]),
            (item["lead"], text["lead"]),
            (item["caption"], text["caption"]),
            (item["credit"], credit_in(item["credit"], locale.language_code)),
            (item["quote"]["text"], text["quote"]["text"]),
            (item["quote"]["attribution"], text["quote"]["attribution"]),
            *zip(item["body"], text["body"], strict=True),
            *tag_pairs(item, text, locale.language_code),
        ]
        self.publish_after_source(translate(page, locale, segment_strings(pairs)), page)

    def translate_interview(self, page, item, locale, content):
        if page.has_translation(locale):
            return
        text = content["interviews"][item["slug"]]
        pairs = [
            (item["slug"], item["slug"]),
            (item["title"], text["title"]),
            (item["lead"], text["lead"]),
            (item["interviewee"], text["interviewee"]),
            (item["role"], text["role"]),
            (item["organisation"], text["organisation"]),
            (PHOTO_DESK["en"], PHOTO_DESK[locale.language_code]),
        ]
        for english, translated in zip(item["transcript"], text["transcript"], strict=True):
            pairs.append((english["question"], translated["question"]))
            pairs.append((english["answer"], translated["answer"]))
        self.publish_after_source(translate(page, locale, segment_strings(pairs)), page)

    def publish_after_source(self, translated, source):
        """A translation goes live a little after its source, as on a real desk."""
        translated.first_published_at = source.first_published_at + TRANSLATION_DELAY
        translated.save_revision().publish()

    def translate_partner(self, page, locale, language):
        if page.has_translation(locale):
            return
        description = self.partner_translations.get(page.slug, {}).get(language)
        # An outlet keeps its own name and address in every language.
        pairs = [(page.title, page.title), (page.slug, page.slug), (page.description, description)]
        translate(page, locale, segment_strings(pairs))
