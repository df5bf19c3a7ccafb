"""Labels Wagtail leaves to Django to make up, in English, where no catalogue can reach.

Two of Wagtail's form fields have no label, so Django names them after the field ("Locale",
"Password") and no translation applies: the language filter of its choosers (authors, for
one) and the password on the sign-in page. Giving them the translatable labels Wagtail and
Django use elsewhere makes those screens speak the editor's language like the rest.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.forms.choosers import LocaleFilterMixin


def label_wagtails_unlabelled_fields():
    LoginForm.base_fields["password"].label = _("Password")
    label_the_choosers_language_filter()


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
