"""Uploads by their /media/ address: renditions and recordings are public, originals are not.

A picture's original may belong to a story still in draft (an embargoed photo); readers
are only ever shown renditions. Documents are read through Wagtail's view
(/documents/<id>/<name>), which applies their collection's privacy. In production a web
server serves the public folders itself and sends original_images/ here
(docs/security.md); in development Django serves all of it.
"""

import posixpath

from django.conf import settings
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views import static
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

# Renditions, interviews' recordings and their posters (wagtailmedia's two folders).
PUBLIC_FOLDERS = {"images", "media", "media_thumbnails"}


def public_media(request, path):
    """The public folders of MEDIA_ROOT, for the development server."""
    # Normalised first, as static.serve does: "images/../original_images/x" is an original.
    path = posixpath.normpath(path).lstrip("/")
    if path.split("/", 1)[0] not in PUBLIC_FOLDERS:
        raise Http404
    return static.serve(request, path, document_root=settings.MEDIA_ROOT)


def original_image(request, path):
    """An image's original, to those who may choose or change the image; others get a 404."""
    image_model = get_image_model()
    image = image_model.objects.filter(file=f"original_images/{path}").first()
    policy = policy_registry.get_by_type(image_model)
    if image is None or not policy.user_has_any_permission_for_instance(
        request.user, ["choose", "change"], image
    ):
        raise Http404
    response = FileResponse(image.file.open("rb"))
    # An uploaded SVG is a document that can run script: never on the site's origin.
    response["Content-Security-Policy"] = "default-src 'none'"
    patch_cache_control(response, private=True)
    patch_vary_headers(response, ["Cookie"])
    return response
