import os

from django.core.wsgi import get_wsgi_application

# Production by default so a forgotten variable never serves with DEBUG on.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()
