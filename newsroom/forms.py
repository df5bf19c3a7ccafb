"""Admin forms for newsroom pages."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .languages import language_name
from .slugs import is_ascii_slug, slug_for


class ArticleAdminForm(WagtailAdminPageForm):
    """The slug may be left empty or typed in Cyrillic: it becomes readable Latin.

    Converted here, before Wagtail checks that the slug is free among the siblings, so the
    check runs on the slug that will really be stored.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
        if "section" in self.fields:
            self.fields["section"] = self.section_choice(self.fields["section"])

    def section_choice(self, chooser):
        """The sections of the article's language as a list, not a chooser of the whole tree.

        The article's current section stays choosable even when it is of another language
        (a fresh translation still points at the original's; saving moves it over).
        """
        from .models import SectionPage

        sections = SectionPage.objects.filter(
            Q(locale__language_code=self.language_code()) | Q(pk=self.instance.section_id)
        ).order_by("path")
        return forms.ModelChoiceField(
            queryset=sections,
            required=False,
            label=chooser.label,
            help_text=chooser.help_text,
            empty_label=_("No section"),
        )

    def clean_title(self):
        # A headline typed over several lines in the box is still one line for readers.
        return " ".join(self.cleaned_data["title"].split())

    def clean(self):
        title = self.cleaned_data.get("title")
        slug = self.cleaned_data.get("slug")
        if title and not is_ascii_slug(slug):
            self.cleaned_data["slug"] = slug_for(slug or title, self.language_code())
        self.require_lead_photo_alt()
        return super().clean()

    def require_lead_photo_alt(self):
        """A lead photo must be described for readers who cannot see it, in the page's language.

        Checked on drafts too: the text is written once on the image, so it is no burden
        to add before saving, and a draft without it would only fail later at publication.
        """
        photo = self.cleaned_data.get("lead_image")
        language = self.language_code()
        if photo is not None and not photo.has_alt_in(language):
            message = _(
                "The lead photo needs alt text in the page's language (%(language)s): describe "
                "what it shows when you edit the photo in Images, then save again."
            )
            self.add_error("lead_image", message % {"language": language_name(language)})

    def language_code(self):
        page = self.instance if self.instance.locale_id else self.parent_page
        return page.locale.language_code
