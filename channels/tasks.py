"""Posting from the worker: publishing never waits for Telegram, and failures are retried.

A 429 answer names how long to wait (retry_after): the task comes back exactly then.
Other failures (Telegram or the network down) use the queue's growing delays, and so does
a bot token the configured key cannot unseal (logged as an error each time).
"""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from samizdat import queue

from . import posting
from .models import TokenUnreadable
from .telegram import TelegramError

logger = logging.getLogger(__name__)
MAX_RATE_LIMITED = 20


def again(task_function, attempt, key, error):
    """The same task again (for the same page or entry): after retry_after, or later."""
    if error.retry_after and attempt < MAX_RATE_LIMITED:
        run_after = timezone.now() + timedelta(seconds=int(error.retry_after))
        task_function.using(run_after=run_after).enqueue(key, attempt=attempt + 1)
        return
    if error.code is not None and 400 <= error.code < 500 and error.code != 429:
        logger.warning("Telegram refused a post for good: %s", error.description)
        return
    if not queue.retry_later(task_function, attempt, key):
        logger.warning("Telegram post given up after retries: %s", error.description)


@task(backend=queue.BACKEND)
def publish_article(page_id, attempt=0):
    try:
        posting.publish(page_id)
    except (TelegramError, OSError) as error:
        again(publish_article, attempt, page_id, as_telegram_error(error))
    except TokenUnreadable as error:
        unreadable(publish_article, attempt, page_id, error)


@task(backend=queue.BACKEND)
def withdraw_article(page_id, attempt=0):
    try:
        posting.withdraw(page_id)
    except (TelegramError, OSError) as error:
        again(withdraw_article, attempt, page_id, as_telegram_error(error))
    except TokenUnreadable as error:
        unreadable(withdraw_article, attempt, page_id, error)


@task(backend=queue.BACKEND)
def post_key_event(entry_id, attempt=0):
    """Post, edit or delete a live blog key event's post, as the entry now stands."""
    try:
        posting.publish_key_event(entry_id)
    except (TelegramError, OSError) as error:
        again(post_key_event, attempt, entry_id, as_telegram_error(error))
    except TokenUnreadable as error:
        unreadable(post_key_event, attempt, entry_id, error)


def unreadable(task_function, attempt, key, error):
    """Say so loudly, and try again later: the right key may be back by then."""
    logger.error("%s", error)
    if not queue.retry_later(task_function, attempt, key):
        logger.error("Telegram post given up: the bot token could not be unsealed.")


def as_telegram_error(error):
    if isinstance(error, TelegramError):
        return error
    return TelegramError(type(error).__name__)
