"""The demo's pictures in every size and format the reader's pages ask for, made at load.

Without them the first reader of each page waits for a dozen AVIF, WebP and JPEG encodes
per card, and every test that renders a listing makes them again (its rows roll back).
The specs are spelled as the templates and the code that read them spell them;
tests/demo/test_demo_newsroom.py checks that every spec in the templates is listed here.
"""

from wagtail.images import get_image_model
from wagtail.images.models import Filter

from articles.models import ArticlePage
from cms.core.listing import LISTING_RENDITIONS
from cms.core.seo import STORY_RENDITIONS
from interviews.models import InterviewPage
from partners.models import PartnerPage

# core/includes/hero_figure.html, core/blocks/image_block.html, partners' and interviews'
# templates.
HERO_RENDITIONS = Filter.expand_spec(["format-{avif,webp,jpeg}", "width-{480,800,1200}"])
BODY_RENDITIONS = Filter.expand_spec(["format-{webp,jpeg}", "width-{480,800,1200}"])
# A video's poster, and the picture shared with a partner page's link (its logo).
POSTER_RENDITION = "width-1200|format-jpeg"
LOGO_RENDITIONS = ["fill-160x160", "fill-96x96", POSTER_RENDITION]
PORTRAIT_RENDITIONS = ["fill-96x96"]


def specs_by_image():
    """{image id: specs} for every picture a demo page shows."""
    wanted = {}

    def want(image_ids, specs):
        for image_id in image_ids:
            if image_id is not None:
                wanted.setdefault(image_id, set()).update(specs)

    story_specs = [*LISTING_RENDITIONS, *HERO_RENDITIONS, *STORY_RENDITIONS, POSTER_RENDITION]
    for model in (ArticlePage, InterviewPage):
        want(model.objects.values_list("hero_image_id", flat=True), story_specs)
    want(InterviewPage.objects.values_list("portrait_id", flat=True), PORTRAIT_RENDITIONS)
    want(PartnerPage.objects.values_list("logo_id", flat=True), LOGO_RENDITIONS)
    for body in ArticlePage.objects.values_list("body", flat=True):
        images = (block.value["image"] for block in body if block.block_type == "image")
        want((image.pk for image in images if image), BODY_RENDITIONS)
    return wanted


def make_renditions():
    """Create the missing renditions; returns how many images were looked at."""
    wanted = specs_by_image()
    for image in get_image_model().objects.filter(pk__in=wanted):
        image.get_renditions(*sorted(wanted[image.pk]))
    return len(wanted)
