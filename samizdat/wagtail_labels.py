"""Labels Wagtail leaves to Django to make up, in English, where no catalogue can reach.

The language filter of Wagtail's choosers (authors, for one) is a form field without a label,
so Django names it "Locale" after the field and no translation applies. Giving it Wagtail's
own translatable label makes the chooser speak the editor's language like the rest.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import LocaleFilterMixin


def label_the_choosers_language_filter():
    wagtails_init = LocaleFilterMixin.__init__
    if getattr(wagtails_init, "labelled", False):
        return

    def init(self, *args, **kwargs):
        wagtails_init(self, *args, **kwargs)
        if "locale" in self.fields:
            self.fields["locale"].label = _("Locale")

    init.labelled = True
    LocaleFilterMixin.__init__ = init
