from wagtail import hooks

from .bulk_actions import (
    DeleteWithTranslationsBulkAction,
    PublishWithTranslationsBulkAction,
    UnpublishWithTranslationsBulkAction,
)
from .listing import article_listing_viewset

for bulk_action in (
    UnpublishWithTranslationsBulkAction,
    PublishWithTranslationsBulkAction,
    DeleteWithTranslationsBulkAction,
):
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("register_admin_viewset")
def register_article_listing():
    return article_listing_viewset
