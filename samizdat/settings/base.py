"""Settings shared by every environment. Values that differ come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from samizdat.allowed_hosts import ConfiguredHosts
from samizdat.formats import ADMIN_DATE_FORMAT, ADMIN_DATETIME_FORMAT

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, empty items dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
# Plus the mirror, CDN and onion names editors configure in the admin (mirrors app).
ALLOWED_HOSTS = ConfiguredHosts(ALLOWED_HOSTS)
# The function that gives the host names editors configured (Settings → Mirrors and onion).
CONFIGURED_HOSTS = "mirrors.hosts.configured_names"

INSTALLED_APPS = [
    "newsroom",
    "privacy",
    "shield",
    "accounts",
    "corrections",
    "readership",
    "comments",
    "distribution",
    "mirrors",
    "backups",
    "newsletter",
    "channels",
    "lite",
    "live",
    "copies",
    "analytics",
    "frontend",
    "samizdat",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]

MIDDLEWARE = [
    # Outermost: a hit is answered with the headers stored from the layers below, which it
    # does not run again (pagecache.to_store).
    "samizdat.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "samizdat.middleware.SitePolicyCSPMiddleware",  # django-csp's, policy built once
    "samizdat.middleware.PermissionsPolicyMiddleware",
    "samizdat.middleware.BodySizeLimitMiddleware",
    "shield.middleware.ShieldMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Per host and path; a page-cache hit works it out again (pagecache.hit_headers).
    "mirrors.middleware.OnionLocationMiddleware",
    "samizdat.middleware.DatabaseUnavailableMiddleware",
    # Leaving beacons are answered here, below every guard: none of what follows is theirs.
    "readership.shortpath.LeavingBeaconMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "samizdat.middleware.ReaderLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "mirrors.middleware.CsrfViewMiddleware",  # trusts the configured hosts too
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.SessionLimitMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "accounts.middleware.EditorMarkMiddleware",  # lets a signed-in editor past the page cache
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samizdat.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site_name",
            ],
        },
    },
]

WSGI_APPLICATION = "samizdat.wsgi.application"

# SQLite (WAL) by default; PostgreSQL when DATABASE_URL names one.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            # WAL lets readers go on while a writer commits; IMMEDIATE avoids the
            # "database is locked" upgrade deadlock between two writers.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "samizdat",
            # A Redis outage must not take reading down: cache misses instead of errors,
            # and quick ones: short timeouts, then a breaker that stops trying for a
            # moment (samizdat.rediscache) while pages come from each process's copies.
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.5,
                "IGNORE_EXCEPTIONS": True,
                "CONNECTION_FACTORY": "samizdat.rediscache.GuardedConnectionFactory",
            },
        }
    }
else:
    # Without Redis, one site is still one cache: every app server, the worker and each
    # management command open the same SQLite files (diskcache), so a purge, a new
    # generation or a render lock made by one process holds for all (docs/caching.md).
    CACHES = {
        "default": {
            "BACKEND": "diskcache.DjangoCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "cache")),
            "KEY_PREFIX": "samizdat",
            "SHARDS": 8,
            # SQLite's busy wait per try; writes (purges included) retry until they land,
            # a read that times out is a miss.
            "DATABASE_TIMEOUT": 0.25,
            "OPTIONS": {"size_limit": int(os.environ.get("CACHE_SIZE_LIMIT", str(2**30)))},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # Editors are phished: twelve characters at least, for everyone.
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Editors' accounts (accounts/). Argon2 for new passwords; PBKDF2 hashes still verify and
# are rehashed with Argon2 at the next sign-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]
# The axes backend first, so a locked-out client never reaches the password check; then
# each attempt is counted before its password is checked, so a burst of simultaneous
# guesses gets no more checks than the limit (accounts.throttle).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.throttle.CountBeforePasswordBackend",
    "django.contrib.auth.backends.ModelBackend",
]
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.SignInForm"
# Restricted pages send readers to the admin's sign-in, which asks for the second factor;
# Wagtail's reader-side form does not, and answers 404 (newsroom.routing).
WAGTAIL_FRONTEND_LOGIN_URL = "/admin/login/"
# Sign-in throttling: counted in the database, which every app server shares (SQLite or
# PostgreSQL), so the limits hold across processes without Redis. Axes sees the client
# only as a keyed hash (accounts.throttle) and never the raw user agent.
AXES_HANDLER = "accounts.throttle.PrivateDatabaseHandler"
AXES_CLIENT_IP_CALLABLE = "accounts.throttle.client_token"
AXES_LOCKOUT_CALLABLE = "accounts.throttle.locked_out"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # per account, and per client
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
# An attempt from a locked client is refused and not counted: counting it would let one
# locked address go on locking every account it names.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_DISABLE_ACCESS_LOG = True  # no record of successful sign-ins is kept
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "csrfmiddlewaretoken", "otp_token"]
# Two-factor sign-in (TOTP) for staff; superusers may be required to enrol.
OTP_TOTP_ISSUER = os.environ.get("SITE_NAME", "Samizdat")
REQUIRE_2FA_FOR_SUPERUSERS = os.environ.get("REQUIRE_2FA_FOR_SUPERUSERS", "false") == "true"
# Admin sessions end when the browser closes and eight hours after sign-in at the latest
# (accounts.middleware.SessionLimitMiddleware), however busy they were.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True

# Languages: Belarusian first (the newsroom's own), then Russian and English.
LANGUAGE_CODE = "be"
LANGUAGES = [
    ("be", "Беларуская"),
    ("ru", "Русский"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
# Editors choose the admin's language among the newsroom's own three.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
LOCALE_PATHS.append(PROJECT_DIR / "locale")  # samizdat's own strings (error pages)
# Wagtail's admin strings that its be and ru catalogues lack or get wrong, in files of their
# own (locale/ stays ours). Last, so our own words win; any LOCALE_PATHS entry outranks the
# apps' catalogues, and only these reach the admin's JavaScript catalogue too.
LOCALE_PATHS.append(PROJECT_DIR / "wagtail_locale")
FORMAT_MODULE_PATH = ["samizdat.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Minsk")

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
# Another folder for a second tree of collected files (a test of `make run` beside the
# app servers of other tests, which read this one).
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # WhiteNoise's compressed manifest storage, each URL worked out once per process.
    "staticfiles": {"BACKEND": "samizdat.staticfiles.StaticFiles"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Reader pages load nothing from anywhere but us and run no inline script (DESIGN.md,
# privacy). The Wagtail admin runs inline scripts of its own and is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/documents/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
SECURE_REFERRER_POLICY = "same-origin"
# SAMEORIGIN, not DENY: the admin shows previews in a frame; readers get frame-ancestors.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]  # that good reason is the preview frame
# W003 looks for Django's CSRF middleware by name; mirrors.middleware subclasses it.
SILENCED_SYSTEM_CHECKS += ["security.W003"]

# Bodies larger than these are refused with 413 before they are read (samizdat.middleware).
READER_MAX_BODY = 64 * 1024
ADMIN_MAX_BODY = 50 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = ADMIN_MAX_BODY

# Where `manage.py ensure_editor` keeps the demo editor's password, readable by its owner.
EDITOR_CREDENTIALS_FILE = os.environ.get(
    "EDITOR_CREDENTIALS_FILE", str(BASE_DIR / ".local" / "editor-credentials")
)
# Uploaded images served by the app itself: only what `make run` serves (nginx does it in
# production).
SERVE_MEDIA = False

WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Samizdat")
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
# The main domain: canonical links, sitemaps and social tags name it; all else is relative.
CANONICAL_BASE_URL = WAGTAILADMIN_BASE_URL
PUBLISHER_LOGO = "/static/frontend/favicon.svg"
# The Ed25519 key that signs every copy we publish (copies.signing): a file outside the
# database and outside anything served, or the key itself in SAMIZDAT_SIGNING_KEY.
SIGNING_KEY_FILE = os.environ.get("SAMIZDAT_SIGNING_KEY_FILE", "")
# A folder the worker keeps as a current static copy of the site (empty: none).
STATIC_COPY_DIR = os.environ.get("STATIC_COPY_DIR", "")
# Processes that render it (export_static --jobs): one leaves the other cores to readers.
STATIC_COPY_JOBS = int(os.environ.get("STATIC_COPY_JOBS", "1"))
WAGTAILIMAGES_IMAGE_MODEL = "newsroom.NewsroomImage"
# Editors may type a Cyrillic slug or let the admin copy the headline; ArticlePage turns
# it into readable Latin with the rules of the page's language (newsroom.slugs).
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# Wagtail's autosave is off. It saves half a second after each change, and a save of the
# editor's own made in that moment is refused: on a new article as a second creation (the
# slug is taken by the autosaved copy), on an article being scheduled and published as "You
# saved a new version in another window". The browser test of the editor's flow met both.
WAGTAIL_AUTOSAVE_INTERVAL = 0
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Tasks: Wagtail's own run at once, as they always have; ours (purges, sending) are queued
# in the database and run by `manage.py worker` (samizdat.queue), off the request path.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "worker": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The admin asks nothing of another origin: no Gravatar (it would send a hash of each
# editor's email abroad, naming who works here) and no check for new Wagtail releases.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# What the admin's date picker writes; every language's input formats read it (formats/).
WAGTAIL_DATE_FORMAT = ADMIN_DATE_FORMAT
WAGTAIL_DATETIME_FORMAT = ADMIN_DATETIME_FORMAT

# Behind nginx, Varnish or a CDN, the reader's address is the X-Forwarded-For entry the
# outermost of our proxies added: TRUSTED_PROXY_HOPS entries from the right (docs/proxies.md).
# Entries further left are whatever the client wrote. It is only ever hashed (privacy.clients).
# TRUST_X_FORWARDED_FOR=true is the older spelling of one hop (nginx alone).
TRUST_X_FORWARDED_FOR = os.environ.get("TRUST_X_FORWARDED_FOR", "false") == "true"
TRUSTED_PROXY_HOPS = int(
    os.environ.get("TRUSTED_PROXY_HOPS", "1" if TRUST_X_FORWARDED_FOR else "0")
)
# Readers behind one address (an office, a Tor exit) are told apart by user agent, in at most
# this many groups a day: one address is at most this many readers or likes of an article.
AGENT_GROUPS = int(os.environ.get("AGENT_GROUPS", "16"))

# Full-page cache for anonymous readers (samizdat.pagecache); 0 turns it off.
# 50 s plus the few seconds readership's widget data may be older keeps the numbers a
# reader without JavaScript sees within a minute.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "50"))
# With the cache unreachable, rate limits let requests through rather than refuse everyone.
RATELIMIT_FAIL_OPEN = True
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", "300"))
# Pages the cache could not answer that one (hashed) client may have rendered: over it,
# the 429 page (shield.renders). Readers mostly get copies; a flood of misses does not.
PAGE_RENDER_RATE = os.environ.get("PAGE_RENDER_RATE", "60/m")
# A caching proxy or CDN in front that accepts PURGE (Varnish, nginx with a purge module) is
# told which pages changed (samizdat.cdn). Our URLs carry their language already, so
# Wagtail must not multiply each purge by the content languages.
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
# Seconds the worker waits for the proxy to answer one purge before it tries again later.
FRONTEND_CACHE_PURGE_TIMEOUT = float(os.environ.get("FRONTEND_CACHE_PURGE_TIMEOUT", "3"))
WAGTAILFRONTENDCACHE = (
    {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
    if FRONTEND_CACHE_PURGE_URL
    else {}
)
WAGTAILFRONTENDCACHE_LANGUAGES = []

# What a cache cannot answer is limited per hashed client and bounded in concurrency (shield).
# Search: per-client rate, searches at once across all app servers, how long results are
# kept, and how long one query may run.
SEARCH_RATE = os.environ.get("SEARCH_RATE", "20/m")
SEARCH_CONCURRENCY = int(os.environ.get("SEARCH_CONCURRENCY", "4"))
SEARCH_CACHE_SECONDS = 60
SEARCH_TIMEOUT_MS = int(os.environ.get("SEARCH_TIMEOUT_MS", "2000"))
# Write paths, by path prefix: at most `limit` at once; `shared` bounds live in Redis (two
# round trips), the others in each process (none: beacons are the hottest path).
SHIELD_BOUNDS = [
    {"name": "beacons", "prefixes": ["/api/readership/"], "methods": ["POST"], "limit": 64,
     "shared": False},
    {"name": "comments", "prefixes": ["/api/comments/", *(f"/{code}/comments/" for code, _ in
     LANGUAGES)], "methods": ["POST"], "limit": 16, "shared": True},
    {"name": "corrections", "prefixes": ["/api/corrections/"], "methods": ["POST"], "limit": 8,
     "shared": True},
    {"name": "login", "prefixes": ["/admin/login/"], "methods": ["POST"], "limit": 8,
     "shared": True},
]  # fmt: skip
# A site-wide slot held by a worker that died is free again after this many seconds.
SHIELD_SLOT_SECONDS = 30
SHIELD_RETRY_AFTER = 5
# Seconds a refused request is held before its answer. Under a threaded app server (the
# production command) a held request costs a sleeping thread, not CPU, and each flooding
# connection can then ask at most once per delay, so cached reading keeps the CPU. Keep 0
# under sync workers, where holding a request would hold a whole worker.
SHIELD_REFUSAL_DELAY = float(os.environ.get("SHIELD_REFUSAL_DELAY", "0"))

# E-mail goes through any SMTP relay the newsroom chooses (Django's SMTP backend).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "") == "1"
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsletter@localhost")


def _newsletter_key():
    """The key that seals subscribers' addresses and the Telegram bot token: never in the
    database (samizdat.sealing)."""
    path = os.environ.get("NEWSLETTER_KEY_FILE")
    if path:
        with open(path) as key_file:
            return key_file.read().strip()
    return os.environ.get("NEWSLETTER_KEY", "")


NEWSLETTER_KEY = _newsletter_key()
# Messages the worker sends per second at most (the relay's limit, usually).
NEWSLETTER_RATE = int(os.environ.get("NEWSLETTER_RATE", "20"))
# Subscription requests one hashed client may make (privacy.limits).
NEWSLETTER_SUBSCRIBE_RATE = os.environ.get("NEWSLETTER_SUBSCRIBE_RATE", "5/h")
# Days a confirmation link works.
NEWSLETTER_CONFIRM_DAYS = 3
# The envelope sender of issues, where relays send later bounce reports; the mail server
# pipes them to `manage.py newsletter_bounce` (docs/newsletter.md). Empty: the From address.
NEWSLETTER_BOUNCE_ADDRESS = os.environ.get("NEWSLETTER_BOUNCE_ADDRESS", "")

# How many headlines the All news page shows at a time.
NEWS_PAGE_SIZE = 30

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # django.request logs tracebacks of 5xx responses; the request line it adds carries
        # no IP address, so it can stay.
        "django.server": {"handlers": [], "propagate": False},
    },
}

# How often a live blog's open page asks for new entries (live/static/live/live.js).
LIVE_POLL_SECONDS = int(os.environ.get("LIVE_POLL_SECONDS", "20"))
