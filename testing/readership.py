"""Beacons and likes as a reader's page sends them, for every app's tests."""

import json

from testing import ORIGIN

READER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"


def beacon(client, article, kind="view", ip="203.0.113.7", agent=READER_AGENT, **extra):
    extra.setdefault("HTTP_ORIGIN", ORIGIN)  # sent from our own page
    return client.post(
        "/api/readership/beacon",
        data=json.dumps({"article": getattr(article, "pk", article), "kind": kind}),
        content_type="text/plain;charset=UTF-8",
        REMOTE_ADDR=ip,
        HTTP_USER_AGENT=agent,
        **extra,
    )


def like(client, article, liked=True, ip="203.0.113.7", agent=READER_AGENT, **extra):
    extra.setdefault("HTTP_ORIGIN", ORIGIN)
    return client.post(
        "/api/readership/like",
        data=json.dumps({"article": getattr(article, "pk", article), "liked": liked}),
        content_type="text/plain;charset=UTF-8",
        REMOTE_ADDR=ip,
        HTTP_USER_AGENT=agent,
        **extra,
    )
