"""PATH_INFO as WSGI has it, whichever app server passes it on.

WSGI (PEP 3333) passes the path's bytes decoded as latin-1, and Django encodes them back
to read them as UTF-8. Granian decodes a path that is valid UTF-8 as UTF-8 instead, so
Django could not read "/be/абв/" at all (an empty 500 before any view) and read "/be/é/"
as another path. Unicode slugs are allowed, so such paths are readers' addresses.
"""

GRANIAN = "Granian"


def wsgi_path(environ):
    """The request path as a WSGI string: one character per byte of the path."""
    path = environ.get("PATH_INFO", "")
    if path.isascii():
        return path
    if environ.get("SERVER_SOFTWARE") == GRANIAN or not fits_one_byte(path):
        # Granian falls back to latin-1 only for bytes that are no UTF-8: a reader's
        # path is UTF-8, and junk read as its UTF-8 look-alike is still a 404.
        return path.encode("utf-8").decode("latin-1")
    return path


def fits_one_byte(path):
    return all(ord(character) < 256 for character in path)
