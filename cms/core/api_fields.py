"""Serializer fields for what our pages hold beyond plain columns (read-only API)."""

from rest_framework.fields import Field
from wagtail.api.utils import get_full_url

from cms.bylines.addresses import author_url

# Shared with the feeds' enclosures, so one rendition file serves both.
API_RENDITION = "width-1200|format-jpeg"


class ImageDownloadUrlField(Field):
    """An image's `download_url`: its API rendition. The original file is not public (it
    may be an embargoed photo's), and Wagtail's field gives the original's address."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        return image.get_rendition(API_RENDITION).url


class CountriesField(Field):
    """A story's countries as `[{"code": "BR", "name": "Brazil"}]`, from prefetched links."""

    def get_attribute(self, instance):
        return instance.countries

    def to_representation(self, countries):
        return [{"code": country.code, "name": country.name} for country in countries]


class AuthorsField(Field):
    """A story's bylines in order, each with its author page; empty when the network signs."""

    def get_attribute(self, instance):
        return instance.authors

    def to_representation(self, authors):
        request = self.context.get("request")
        return [
            {
                "name": author.name,
                "slug": author.slug,
                "kind": author.kind,
                "role": author.role,
                "url": author_url(author, request),
            }
            for author in authors
        ]


class TagNamesField(Field):
    """Free tags by name; reads the listing's prefetch (Wagtail's TagsField queries per page)."""

    def to_representation(self, manager):
        return sorted(tag.name for tag in manager.all())


class LanguageCodesField(Field):
    """The languages a partner republishes in, as language codes."""

    def to_representation(self, manager):
        return [item.language for item in manager.all()]


class MediaFileField(Field):
    """An uploaded recording: its absolute address, type and duration."""

    def to_representation(self, media):
        source = media.sources[0]
        return {
            # On the same host as the API's own links (the Site's, or WAGTAILAPI_BASE_URL).
            "url": get_full_url(self.context["request"], source["src"]),
            "content_type": source["type"],
            "duration": media.duration,
        }


class LocaleCodeField(Field):
    """A translatable snippet's locale as its language code, as pages show theirs."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        return instance.locale.language_code
