from django import template
from django.utils.translation import get_language

from cms.newsletter.forms import SubscribeForm

register = template.Library()


@register.inclusion_tag("newsletter/includes/subscribe_box.html", takes_context=True)
def newsletter_subscribe_box(context):
    """The subscribe box of every page's footer, the page's language ticked.

    Left out where the page itself is the subscribe form, which shows its errors.
    """
    if "newsletter_form" in context:
        return {"newsletter_form": None}
    return {"newsletter_form": SubscribeForm(initial={"languages": [get_language()]})}
