"""The readers' Content-Security-Policy that settings/base.py builds, given the video
players interview pages may embed (EMBED_FRAME_SOURCES, read from the environment there).
The readers' site runs no inline script or style, so the policy allows only our own origin.
"""

# The server error page's one style block (cms/templates/500.html), allowed by its hash so
# that the page fetches nothing when the server is failing; a test keeps the two in step.
ERROR_PAGE_STYLE_HASH = "'sha256-753KCw0Q0D3fa44BKYRIUh59J/z7FBlFP+RqSIpDMnA='"


def content_security_policy(frame_sources):
    return {
        # The Wagtail admin (and the page previews it renders under /admin/) relies on
        # inline scripts and styles throughout; a strict policy would break it, and a loose
        # one for all pages would protect readers less. Editors are authenticated staff, so
        # the admin keeps the protection of its own CSRF and X-Frame-Options instead.
        "EXCLUDE_URL_PREFIXES": ["/admin/"],
        "DIRECTIVES": {
            "default-src": ["'self'"],
            "script-src": ["'self'"],
            "style-src": ["'self'", ERROR_PAGE_STYLE_HASH],
            "img-src": ["'self'", "data:"],
            "media-src": ["'self'"],
            "font-src": ["'self'"],
            "connect-src": ["'self'"],
            "frame-src": ["'self'", *frame_sources],
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
            "form-action": ["'self'"],
            "frame-ancestors": ["'self'"],
        },
    }
