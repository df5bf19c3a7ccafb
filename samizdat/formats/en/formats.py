# The newsroom's style holds in the English edition too: 27.06.2026, 24-hour clock.
from django.conf.locale.en import formats as django_english

from samizdat.formats import ADMIN_DATE_FORMAT, ADMIN_DATETIME_FORMAT

DATE_FORMAT = "d.m.Y"
SHORT_DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "d.m.Y, H:i"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
TIME_FORMAT = "H:i"
# The admin's picker writes 27.06.2026 in English too; Django's English forms still read.
DATE_INPUT_FORMATS = [ADMIN_DATE_FORMAT, *django_english.DATE_INPUT_FORMATS]
DATETIME_INPUT_FORMATS = [ADMIN_DATETIME_FORMAT, *django_english.DATETIME_INPUT_FORMATS]
