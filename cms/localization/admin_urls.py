"""wagtail-localize's addresses answered by our narrower views (translation_views.py):
cms/urls.py lists these before Wagtail's admin, so they answer there whichever order the
apps' admin hooks happen to load in (a hook list would put wagtail-localize's own first as
soon as any module imported its hooks early), behind the same admin login."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import display_custom_404
from wagtail.utils.urlpatterns import decorate_urlpatterns

from . import translation_views

LOCALIZE = "localize/"

urlpatterns = decorate_urlpatterns(
    [
        path(
            f"{LOCALIZE}submit/page/<int:page_id>/",
            translation_views.SubmitPageTranslationView.as_view(),
        ),
        path(
            f"{LOCALIZE}submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            translation_views.SubmitSnippetTranslationView.as_view(),
        ),
        path(
            f"{LOCALIZE}update/<int:translation_source_id>/",
            translation_views.UpdateTranslationsView.as_view(),
        ),
        path(
            f"{LOCALIZE}page/<int:page_id>/convert_to_alias/",
            translation_views.convert_to_alias,
        ),
    ],
    lambda view: never_cache(display_custom_404(require_admin_access(view))),
)
