"""Free tags that wagtail-localize translates, through its extension points for fields.

Each tag of the source page is a segment of its own in the translation editor, listed
under the field's label ("Tags"); publishing the translation gives the translated page
the translated names as its tags. taggit's tags are shared by every language and told
apart by name, so "логистика" is a tag of its own: each language's archive, keywords and
search read its own words. A tag nobody translated keeps the source's name, as every
other segment does when wagtail-localize publishes with fallback.
"""

from operator import attrgetter

from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail_localize.fields import TranslatableField
from wagtail_localize.segments import StringSegmentValue


class TranslatableTaggableManager(ClusterTaggableManager):
    """modelcluster's taggable manager, whose tags wagtail-localize offers for translation."""

    def get_translatable_segments(self, tags):
        # Keyed by the tag, not its position: a translation stays with its tag when the
        # source's tags are reordered, added to or removed (a slug has no "." to split on).
        # A tag deleted since a revision was saved comes back from it as None.
        return [StringSegmentValue(tag.slug, tag.name) for tag in tags if tag is not None]

    def restore_translated_segments(self, tags, segments):
        names = [segment.render_text() for segment in sorted(segments, key=attrgetter("order"))]
        # Two source tags may share a translation ("economy", "economics").
        return list(dict.fromkeys(names))

    def value_from_object(self, instance):
        # modelcluster reads each tagged item's tag with a query of its own; the editor's
        # form (and each revision compared) reads them all in one.
        accessor = self.through._meta.get_field("content_object").remote_field.get_accessor_name()
        items = list(getattr(instance, accessor).all())
        tag_field = self.through._meta.get_field("tag")
        unread = {item.tag_id for item in items if not tag_field.is_cached(item)}
        tags = tag_field.related_model._default_manager.in_bulk(unread) if unread else {}
        for item in items:
            if item.tag_id in tags:
                item.tag = tags[item.tag_id]
        # A tag deleted since a revision was saved is left out.
        return [item.tag for item in items if tag_field.is_cached(item)]

    def __set__(self, instance, tags):
        # wagtail-localize assigns what restore_translated_segments returns, and copies a
        # synchronised field by assigning the source's manager. taggit's manager is a
        # descriptor without __set__, so an assignment would hide it behind a plain list;
        # this one sets the tags instead, in memory (modelcluster's tagged_items) until the
        # page or its revision is saved.
        if hasattr(tags, "all"):
            tags = tags.all()
        getattr(instance, self.name).set(list(tags))


class TranslatableTags(TranslatableField):
    """The translatable_fields entry of a TranslatableTaggableManager."""

    def is_synchronized(self, source):
        # A source with no tags offers no segment, and wagtail-localize only restores a
        # field it has segments for: copying the empty list clears the translation's tags
        # (as it does for a text field the source cleared).
        return not self.get_value(source)
