from wagtail import hooks

from .translation_buttons import ANSWERED_BY_LOCALIZE, translation_buttons

# Wagtail has no way to unregister a hook: wagtail-localize's row-menu hook is swapped, in
# place, for ours, which answers for it where a listing noted its rows' translation facts
# (cms/core/translation_buttons.py). Its page header buttons keep its own hook.
_MENU = "register_page_listing_more_buttons"
hooks._hooks[_MENU] = [
    (translation_buttons if fn is ANSWERED_BY_LOCALIZE else fn, order)
    for fn, order in hooks._hooks.get(_MENU, [])
]
