# Dates as Belarusian and Russian readers write them: 27.06.2026.
from samizdat.formats import DOTTED_DATE_INPUT_FORMATS, DOTTED_DATETIME_INPUT_FORMATS

DATE_FORMAT = "d.m.Y"
SHORT_DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "d.m.Y, H:i"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
TIME_FORMAT = "H:i"
# Django has no Belarusian formats to fall back on: without these, the admin's picker
# dates would be read with the American defaults and refused.
DATE_INPUT_FORMATS = DOTTED_DATE_INPUT_FORMATS
DATETIME_INPUT_FORMATS = DOTTED_DATETIME_INPUT_FORMATS
