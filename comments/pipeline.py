"""The anti-abuse pipeline: a named list of small steps a new comment passes through.

Each step looks at the submission and either lets it go on (returns None) or stops it:
with a Refusal (the reader is told why and nothing is stored) or a Verdict (the comment is
stored, held or rejected, with a reason from the fixed list in models.Reason). Cheap
checks come first, so a flood is turned away before anything touches the database.
"""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.core import signing
from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.clients import address_hash, ban_tokens
from privacy.limits import first_over, limit_counter
from samizdat import caching, prepared

from .likeness import fingerprint
from .models import Comment, CommentPolicy, DiscussionSwitch, Reason, Status

FORM_TOKEN_SALT = "comments.form"  # noqa: S105 (a signing namespace, not a secret)
FORM_TOKEN_MAX_AGE = 2 * 24 * 3600
# Posts one address may send with one form token. The page's script fetches a new token
# after each post; a reader without JavaScript posting again from the same page may reuse
# one, and a script reusing one token forever is no reader.
POSTS_PER_FORM = 5
LINK = re.compile(r"(https?://|www\.|\b[\w-]+\.(?:com|org|net|ru|by|info|io|me|xyz)\b)", re.I)


@dataclass
class Submission:
    request: object
    article: object
    name: str
    text: str
    honeypot: str
    form_token: str
    client: str
    policy: object
    now: object = field(default_factory=timezone.now)
    fingerprint: str = ""
    _over: str | None = field(default=None, init=False, repr=False)

    def __post_init__(self):
        self.fingerprint = self.fingerprint or fingerprint(self.text)

    def over_limit(self):
        """Which counter of this sender went over: "minute", "hour", "form" or "".

        The limits and the form's uses are counted together, in one round trip to Redis,
        in the order of the steps that read them; a counter after one that went over is
        not counted, as when each step counted its own.
        """
        if self._over is None:
            counters = {
                "minute": limit_counter(
                    self.request, "comments:minute", f"{self.policy.per_minute}/m"
                ),
                "hour": limit_counter(self.request, "comments:hour", f"{self.policy.per_hour}/h"),
                "form": (form_uses_key(self), POSTS_PER_FORM, FORM_TOKEN_MAX_AGE),
            }
            names = [name for name, counter in counters.items() if counter is not None]
            over = first_over([counters[name] for name in names])
            self._over = "" if over is None else names[over]
        return self._over


@dataclass
class Refusal:
    code: str
    message: str
    status: int = 400


@dataclass
class Verdict:
    status: str
    reason: str = ""


def comments_closed(sub):
    if discussion_closed(sub.article, sub.policy, sub.now):
        return Refusal("closed", _("Comments on this article are closed."), 403)
    return None


def form_age(sub):
    """The form carries a signed time; too fresh means a script, too old means re-send."""
    try:
        opened = signing.loads(sub.form_token, salt=FORM_TOKEN_SALT, max_age=FORM_TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        return Refusal("form_expired", _("The form has expired. Please send your comment again."))
    except signing.BadSignature:
        return Refusal("form_invalid", _("The form is damaged. Please reload the page."))
    if opened.get("article") != sub.article.pk:
        return Refusal("form_invalid", _("The form is damaged. Please reload the page."))
    if sub.now.timestamp() - opened.get("at", 0) < sub.policy.min_seconds_to_submit:
        return Refusal(
            "too_fast", _("That was too fast. Please wait a few seconds and send again."), 429
        )
    return None


def rate_limit(sub):
    if sub.over_limit() in ("minute", "hour"):
        return Refusal(
            "rate_limited", _("You are commenting too often. Please wait a little."), 429
        )
    return None


def form_reuse(sub):
    """One address may send only a few posts with one form token."""
    if sub.over_limit() == "form":
        return Refusal("form_used", _("This form has already been used. Please reload the page."))
    return None


def form_uses_key(sub):
    digest = hashlib.blake2b(sub.form_token.encode(), digest_size=16).hexdigest()
    return f"comments:form-uses:{address_hash(sub.request, 'comments:form')}:{digest}"


def banned_client(sub):
    if any(cache.get_many([ban_key(token) for token in ban_tokens(sub.request)]).values()):
        return Verdict(Status.REJECTED, Reason.BANNED_CLIENT)
    return None


def honeypot(sub):
    if sub.honeypot:
        return Verdict(Status.REJECTED, Reason.HONEYPOT)
    return None


def link_limit(sub):
    if len(LINK.findall(sub.text)) > sub.policy.max_links:
        message = _("A comment may contain at most %(count)d links.") % {
            "count": sub.policy.max_links
        }
        return Refusal("too_many_links", message)
    return None


def duplicate(sub):
    since = sub.now - timedelta(minutes=sub.policy.duplicate_minutes)
    if repeats(sub.article, sub.fingerprint, sub.text, since).exists():
        return Refusal("duplicate", _("This comment has already been sent."), 409)
    return None


def repeats(article, text_fingerprint, text, since):
    """The article's comments since then with this text, through the comment_repeats index.

    The fingerprint catches a repeat with an invisible character, another case, extra
    spaces or a look-alike letter; the text itself, comments stored before it was kept.
    """
    same = Q(fingerprint=text_fingerprint) | Q(fingerprint="", text=text)
    return Comment.objects.filter(same, article=article, created_at__gte=since)


def contains_any(text, words):
    folded = text.casefold()
    return any(word in folded for word in words)


def banned_words(sub):
    if contains_any(f"{sub.name}\n{sub.text}", sub.policy.word_list("banned_words")):
        return Verdict(Status.REJECTED, Reason.BANNED_WORD)
    return None


def suspect_words(sub):
    if contains_any(f"{sub.name}\n{sub.text}", sub.policy.word_list("suspect_words")):
        return Verdict(Status.PENDING, Reason.SUSPECT_WORD)
    return None


def premoderation(sub):
    if sub.policy.premoderate_all or switch_is_on(sub.article, "premoderated"):
        return Verdict(Status.PENDING, Reason.PREMODERATION)
    return None


STEPS = [
    ("comments_closed", comments_closed),
    ("form_age", form_age),
    ("rate_limit", rate_limit),
    ("form_reuse", form_reuse),
    ("banned_client", banned_client),
    ("honeypot", honeypot),
    ("link_limit", link_limit),
    ("duplicate", duplicate),
    ("banned_words", banned_words),
    ("suspect_words", suspect_words),
    ("premoderation", premoderation),
]


def run(sub):
    """The first Refusal or Verdict a step returns, or a Verdict to publish."""
    for _name, step in STEPS:
        outcome = step(sub)
        if outcome is not None:
            return outcome
    return Verdict(Status.PUBLISHED)


def current_policy():
    """The editors' comment settings, as the pages show them.

    Kept until the next generation: saving them starts one in every process (apps.py), so
    a post follows a change within the second a process takes to see it, and is judged by
    the settings its page was rendered with.
    """
    return caching.remember(caching.SITE_LOOKUPS, "comment-policy", CommentPolicy.load)


def switch_is_on(article, flag):
    """An editors' switch on the article itself or on its section (one query per article)."""
    if not hasattr(article, "_discussion_switches"):
        article._discussion_switches = discussion_switches(article)
    return any(switch[flag] for switch in article._discussion_switches)


# Read at an article's first render after its parts left the cache: compiled once.
SWITCHES_ON = prepared.PreparedIn(
    lambda pages: (
        DiscussionSwitch.objects.filter(page_id__in=pages)
        .order_by("pk")
        .values_list("comments_closed", "premoderated")
    ),
    0,
)


def discussion_switches(article):
    pages = [article.pk] + ([article.section_id] if article.section_id else [])
    return [
        {"comments_closed": closed, "premoderated": premoderated}
        for closed, premoderated in SWITCHES_ON(pages)
    ]


def discussion_closed(article, policy, now=None):
    now = now or timezone.now()
    published = article.published_at
    too_old = published and now - published > timedelta(days=policy.close_after_days)
    if policy.close_after_days and too_old:
        return True
    return switch_is_on(article, "comments_closed")


def form_token(article, now=None):
    """A signed note of when and for which article the form was handed out."""
    now = now or timezone.now()
    return signing.dumps({"article": article.pk, "at": int(now.timestamp())}, salt=FORM_TOKEN_SALT)


def ban_key(token):
    return f"comments:ban:{token}"


def ban_token_key(comment_id):
    return f"comments:ban-token:{comment_id}"
