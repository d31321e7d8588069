from django import template
from django.core.signals import setting_changed
from django.template.loader import render_to_string
from django.utils.translation import get_language

from cms.newsletter.forms import SubscribeForm

register = template.Library()

BOX_TEMPLATE = "newsletter/includes/subscribe_box.html"

# The empty box of each language, rendered once per process: it holds no data and no
# token, only the language's labels and addresses, yet its form widgets cost a reader's
# page some 2 ms to render every time.
_empty_boxes = {}


@register.simple_tag(takes_context=True)
def newsletter_subscribe_box(context):
    """The subscribe box of every page's footer, the page's language ticked.

    Left out where the page itself is the subscribe form, which shows its errors.
    """
    if "newsletter_form" in context:
        return render_to_string(BOX_TEMPLATE, {"newsletter_form": None})
    language = get_language()
    box = _empty_boxes.get(language)
    if box is None:
        form = SubscribeForm(initial={"languages": [language]})
        box = _empty_boxes[language] = render_to_string(BOX_TEMPLATE, {"newsletter_form": form})
    return box


def _forget_boxes(**kwargs):
    _empty_boxes.clear()  # a test's settings (languages, static files) may change the box


setting_changed.connect(_forget_boxes, dispatch_uid="newsletter-empty-boxes")
