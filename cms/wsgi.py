import os

from django.core.wsgi import get_wsgi_application

# Production by default so a forgotten variable never serves with DEBUG on.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

from cms.core.serving import ready_to_serve  # noqa: E402 (needs the apps loaded)

ready_to_serve()
