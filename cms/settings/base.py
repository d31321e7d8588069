"""Settings shared by every environment; the one place that reads the environment (the
builders in caches.py are handed what it read)."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from cms.core.languages import register_amharic

from .caches import django_caches, frontend_caches
from .security_headers import ERROR_PAGE_STYLE_HASH, content_security_policy  # noqa: F401 - a setting the tests read

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "cms"

ENV = os.environ


def env_list(name, default=""):
    return [item.strip() for item in ENV.get(name, default).split(",") if item.strip()]


SECRET_KEY = ENV.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

# The demo newsroom (load_demo_newsroom) and the benchmarks (make bench): installed by the
# dev, test and bench settings only, so production has neither their commands nor their
# demo staff.
DEMO_APPS = ["cms.demo", "cms.bench"]

INSTALLED_APPS = [
    "home",
    "articles",
    "interviews",
    "partners",
    "search",
    "cms.core",
    "cms.caching",
    "cms.taxonomy",
    "cms.bylines",
    "cms.localization",
    "cms.widgets",
    "cms.editorial",
    "cms.jobs",
    "cms.newsletter",
    "cms.distribution",
    "cms.inbound",
    "cms.syndication",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailmedia",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_celery_beat",
    "csp",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Finds a reader's page in two queries, for Wagtail's serve view (cms/caching/routing.py).
    "cms.caching.routing.ReaderRoutingMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.localization.middleware.MachineTranslationErrorMiddleware",
    "csp.middleware.CSPMiddleware",
    # Inside CSP and the security headers: a page served from the cache still gets them.
    "cms.caching.page_cache.PageCacheMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cms.core.context_processors.newsroom",
            ],
        },
    },
]

# Embedded default: a SQLite file next to the code. DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        ENV.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_health_checks=True,
    )
}
# A new PostgreSQL connection per request costs a server process and its catalogue
# caches, warmed again on every page (the uncached article ran at 3.1% of the bare view
# that way, docs/performance.md): a worker keeps its connection for a minute, checked
# before reuse, so that a restarted server costs no reader a 500. A SQLite connection
# only opens a file. The development server (settings/dev.py) keeps none.
_KEEP_SECONDS = "60" if DATABASES["default"]["ENGINE"].endswith("postgresql") else "0"
DATABASES["default"]["CONN_MAX_AGE"] = int(ENV.get("DATABASE_CONN_MAX_AGE", _KEEP_SECONDS))
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # PostgreSQL compiles a query to machine code when its estimated cost is high: the
    # translators' desk counts (correlated subqueries, over-estimated) paid 20-45 ms of
    # compiling for 80 ms of work. The newsroom's queries are short; no JIT. (Behind
    # PgBouncer, let it pass the option: ignore_startup_parameters = options.)
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} -c jit=off".strip()
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A transaction that reads before it writes would otherwise fail at once with
    # "database is locked" while another worker writes; IMMEDIATE takes the write lock
    # up front and waits for it (the soak in `make bench` found the 500s).
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = ENV.get("REDIS_URL", "")
CACHES = django_caches(REDIS_URL)

# Whole pages for anonymous readers (cms/caching/page_cache.py). Purges reach every process
# only through a shared cache: serve with more than one process only with REDIS_URL set.
PAGE_CACHE_ENABLED = ENV.get("PAGE_CACHE", "on").lower() not in ("off", "0", "false")
PAGE_CACHE_SECONDS = int(ENV.get("PAGE_CACHE_SECONDS", "600"))
# A CDN or a caching proxy in front, purged through Wagtail's frontend-cache backends on the
# same path as the page cache (cms/core/purge.py). Each is configured by its variables.
WAGTAILFRONTENDCACHE = frontend_caches(ENV)
# We purge each locale's own addresses; Wagtail would otherwise rewrite every address
# into all eight language prefixes.
WAGTAILFRONTENDCACHE_LANGUAGES = []
FRONTEND_CACHE_SECONDS = int(ENV.get("FRONTEND_CACHE_SECONDS", "3600"))

# Failed logins are counted per client address (django-axes); past the limit the login
# answers 429 until the cool-off ends, while other clients still log in.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(ENV.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = int(ENV.get("LOGIN_COOLOFF_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_LOCKOUT_CALLABLE = "cms.core.login_lockout.login_locked_out"
AXES_RESET_ON_SUCCESS = True
# The client address that the newsletter's limit counts too: one rule behind our proxies
# (it takes precedence over the AXES_IPWARE_* settings, which are left unset).
AXES_CLIENT_IP_CALLABLE = "cms.core.client_address.client_address"
# Reverse proxies in front of the site, each appending the address it was connected from
# to X-Forwarded-For; the client's address is the one the outermost appended. Unset, it is
# None: production then trusts one proxy when it trusts a proxy's HTTPS header, and other
# settings use REMOTE_ADDR. NEWSLETTER_TRUSTED_PROXIES is the variable's former name.
_TRUSTED_PROXIES = ENV.get("TRUSTED_PROXIES") or ENV.get("NEWSLETTER_TRUSTED_PROXIES", "")
TRUSTED_PROXIES = max(0, int(_TRUSTED_PROXIES)) if _TRUSTED_PROXIES.strip() else None

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages and locales: English is the source of every translation.
register_amharic()
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
    ("pt", _("Portuguese")),
    ("zh-hans", _("Simplified Chinese")),
    ("hi", _("Hindi")),
    ("ar", _("Arabic")),
    ("fa", _("Persian")),
    ("am", _("Amharic")),
]
WAGTAIL_I18N_ENABLED = True
# Translations start as drafts that a translator publishes, even when the source is live:
# otherwise the other languages' sites would show English copy the moment one is started.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = ENV.get("TIME_ZONE", "UTC")

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(ENV.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(ENV.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Uploads get a random part in their names (cms/core/storage.py); readers are served only
# renditions, recordings and posters from MEDIA_URL (cms/core/media_files.py, docs/security.md).
STORAGES = {
    "default": {"BACKEND": "cms.core.storage.UnguessableUploadStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Search: the database backend by default; a cluster when its URL is given.
SEARCH_URL = ENV.get("SEARCH_URL") or ENV.get("ELASTICSEARCH_URL", "")
# The readers' index on the cluster follows the same backend (a name containing "opensearch"
# means OpenSearch) and index prefix. SEARCH_ANALYZERS="ar=standard,hi=standard" replaces a
# language's analyzer (search/engines/cluster_mapping.py) on a cluster without it.
SEARCH_BACKEND = ENV.get("SEARCH_BACKEND", "modelsearch.backends.elasticsearch8")
SEARCH_INDEX = ENV.get("SEARCH_INDEX", "newsroom")
SEARCH_ANALYZERS = dict(pair.split("=", 1) for pair in env_list("SEARCH_ANALYZERS"))
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": SEARCH_BACKEND,
            "URLS": [SEARCH_URL],
            "INDEX": SEARCH_INDEX,
            "TIMEOUT": 30,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Background jobs: Wagtail's, wagtail-localize's and ours. With a broker they run on Celery
# workers, handed over when the transaction commits (cms/jobs/backends.py); without one
# (the embedded default) they run in-process.
CELERY_BROKER_URL = ENV.get("CELERY_BROKER_URL", REDIS_URL)
CELERY_RESULT_BACKEND = ENV.get("CELERY_RESULT_BACKEND", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_DEFAULT_QUEUE = ENV.get("CELERY_QUEUE", "newsroom")
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A job is acknowledged once done, so one lost with its worker runs again (jobs are
# idempotent), and a worker takes one job at a time so a slow job holds back no others.
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_PUBLISH_RETRY = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 3,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 2,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# The schedule lives in the database, where the admin shows and edits it.
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
if CELERY_BROKER_URL:
    TASKS = {"default": {"BACKEND": "cms.jobs.backends.CeleryBackend"}}
    WAGTAILLOCALIZE_JOBS = {"BACKEND": "cms.jobs.backends.LocalizeJobBackend"}
else:
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    # Eager Celery still builds a producer for each .delay(): with no URL kombu falls back
    # to AMQP on localhost and warns so in every process. The in-memory transport is never
    # sent to (jobs run here) and needs no host.
    CELERY_BROKER_URL = "memory://localhost/"

# Requests to addresses users type (partners' push endpoints and feeds) never go to
# loopback, private, link-local or metadata addresses (cms/core/outbound.py). Networks listed
# here are let through, e.g. a partner reached over a private link; metadata never is.
OUTBOUND_ALLOWED_NETWORKS = env_list("OUTBOUND_ALLOWED_NETWORKS")
# Secrets we must read back (partners' push secrets) are stored encrypted with the first of
# these Fernet keys and read with any of them (cms/core/encryption.py). None set: keys
# derived from SECRET_KEY and SECRET_KEY_FALLBACKS, so rotating SECRET_KEY keeps the old
# one in the fallbacks until the secrets are rotated.
ENCRYPTION_KEYS = env_list("ENCRYPTION_KEYS")

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

WAGTAIL_SITE_NAME = "Network News"
WAGTAILADMIN_BASE_URL = ENV.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's default avatar, not Gravatar's: the admin would send a hash of every editor's
# address to a third party on each page (and show a broken image where it is unreachable).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Documents always through Wagtail's view, which applies their collection's privacy (a
# storage with URLs but no local paths, e.g. S3, would otherwise default to a redirect).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp"}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILMEDIA = {"MEDIA_MODEL": "wagtailmedia.Media"}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Listings
NEWSROOM_PAGE_SIZE = 12
# Each locale's home page, named for the caching layer, which imports no content app.
NEWSROOM_HOME_PAGE_MODEL = "home.HomePage"

# Widgets: where rates and weather come from, and when a value counts as stale.
NEWSROOM_RATE_PROVIDERS = [
    "cms.widgets.providers.cbr.CentralBankOfRussia",
    "cms.widgets.providers.ecb.EuropeanCentralBank",
]
NEWSROOM_WEATHER_PROVIDER = "cms.widgets.providers.open_meteo.OpenMeteo"
NEWSROOM_PROVIDER_URLS = {
    "cbr": ENV.get("CBR_RATES_URL", ""),
    "ecb": ENV.get("ECB_RATES_URL", ""),
    "open-meteo": ENV.get("OPEN_METEO_URL", ""),
}
NEWSROOM_RATES_STALE_AFTER_HOURS = int(ENV.get("NEWSROOM_RATES_STALE_AFTER_HOURS", "36"))
NEWSROOM_WEATHER_STALE_AFTER_HOURS = int(ENV.get("NEWSROOM_WEATHER_STALE_AFTER_HOURS", "3"))

# Newsletter (cms/newsletter). Change the version whenever the consent text changes: each
# subscription stores the version its reader agreed to.
NEWSLETTER_CONSENT_VERSION = "2026-11"
NEWSLETTER_CONFIRM_MAX_AGE = 7 * 24 * 3600  # seconds a confirmation link stays valid
NEWSLETTER_SUBSCRIBE_LIMIT = (5, 600)  # subscribe posts per client address, per seconds
# Confirmation emails to one address: at most one per interval (seconds) and so many a day;
# the posts past them are answered as usual and mail nothing.
NEWSLETTER_CONFIRMATION_MAIL_INTERVAL = 15 * 60
NEWSLETTER_CONFIRMATION_MAILS_PER_DAY = 3
NEWSLETTER_BATCH_SIZE = 100  # digests per background job
NEWSLETTER_FROM_EMAIL = ENV.get(
    "NEWSLETTER_FROM_EMAIL", "Network News <newsletter@newsroom.example>"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": ENV.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # One line per background job is noise at INFO; failures still log as errors.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # Lockouts log as warnings; the start-up banner and each failed login are noise.
        "axes": {"level": "WARNING"},
    },
}

# Browser security headers, in every environment so that development shows what production
# enforces. The readers' site runs no inline script or style (JSON-LD is a data block,
# which script-src does not govern), so the policy allows only our own origin. No nonces:
# anonymous pages are cached whole, and a nonce in a cached page would be stale.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Video players that interview pages may embed (wagtail.embeds): their iframes only.
EMBED_FRAME_SOURCES = env_list(
    "EMBED_FRAME_SOURCES",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)
CONTENT_SECURITY_POLICY = content_security_policy(EMBED_FRAME_SOURCES)

# Machine translation pre-fills the translation editor. It stays off unless a service
# is configured, because it sends unpublished copy to a third party.
if ENV.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "cms.localization.machine_translators.NewsroomDeepLTranslator",
        # No URL to set: keys ending in ":fx" go to the Free API host, others to Pro.
        "OPTIONS": {"AUTH_KEY": ENV["DEEPL_API_KEY"]},
    }
elif ENV.get("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "cms.localization.machine_translators.NewsroomLibreTranslator",
        "OPTIONS": {
            # wagtail-localize appends "/translate" itself.
            "LIBRETRANSLATE_URL": ENV["LIBRETRANSLATE_URL"].rstrip("/"),
            # Self-hosted servers often run without keys, but the client always sends one.
            "API_KEY": ENV.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }
