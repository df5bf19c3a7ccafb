"""Formats per language (FORMAT_MODULE_PATH), plus the one the admin's date picker writes.

The picker writes WAGTAIL_DATE_FORMAT and WAGTAIL_DATETIME_FORMAT whatever language the admin
speaks, so every language's input formats must read those first.
"""

ADMIN_DATE_FORMAT = "%d.%m.%Y"
ADMIN_DATETIME_FORMAT = "%d.%m.%Y %H:%M"

# Dates as Belarusian and Russian editors type them: 27.06.2026, 27.06.2026 18:05.
DOTTED_DATE_INPUT_FORMATS = [ADMIN_DATE_FORMAT, "%d.%m.%y"]
DOTTED_DATETIME_INPUT_FORMATS = [
    ADMIN_DATETIME_FORMAT,
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%y %H:%M",
    "%d.%m.%y %H:%M:%S",
]
