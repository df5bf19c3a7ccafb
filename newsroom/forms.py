"""Admin forms for newsroom pages."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from .languages import language_name
from .slugs import is_ascii_slug, slug_for


class ArticleAdminForm(WagtailAdminPageForm):
    """The slug may be left empty or typed in Cyrillic: it becomes readable Latin.

    Converted here, before Wagtail checks that the slug is free among the siblings, so the
    check runs on the slug that will really be stored.
    """

    # Alt text is kept on the photo, one per language; a translator describes the lead photo
    # here, in the article's language, without needing the rights to edit images.
    lead_alt = forms.CharField(
        label=_("Lead photo alt text"),
        required=False,
        max_length=255,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "What the photo shows, for readers who cannot see it, in this article's language. "
            "Kept with the photo. Required for a lead photo."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        photo = self.instance.lead_image if self.instance.lead_image_id else None
        if photo is not None:
            self.initial.setdefault("lead_alt", getattr(photo, f"alt_{self.language_code()}", ""))
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
        elif title and self.keeps_source_slug(title, slug):
            self.cleaned_data["slug"] = self.free_slug(slug_for(title, self.language_code()))
        self.require_lead_photo_alt()
        return super().clean()

    def keeps_source_slug(self, title, slug):
        """A translation whose headline was translated but whose slug is still the source's.

        "Translate" copies the page with its slug; an English page would stay at
        /en/news/tsi-mohuts-.../ unless the slug follows the new headline.
        """
        page = self.instance
        if not page.pk or not page.translation_key:
            return False
        source = (
            Page.objects.filter(translation_key=page.translation_key, slug=slug)
            .exclude(locale_id=page.locale_id)
            .only("title")
            .first()
        )
        return source is not None and source.title != title

    def free_slug(self, slug):
        """The slug, or the slug with a number, whichever no other page of the parent has."""
        candidate, number = slug, 2
        while not Page._slug_is_available(candidate, self.parent_page, self.instance):
            candidate, number = f"{slug}-{number}", number + 1
        return candidate

    def require_lead_photo_alt(self):
        """A lead photo must be described for readers who cannot see it, in the page's language.

        Checked on drafts too: the text is written once on the image, so it is no burden
        to add before saving, and a draft without it would only fail later at publication.
        """
        photo = self.cleaned_data.get("lead_image")
        typed = self.cleaned_data.get("lead_alt", "").strip()
        language = self.language_code()
        if photo is None:
            return
        if typed:
            # Stored on the photo once the article is saved (wagtail_hooks), not on preview.
            self.instance.lead_alt_typed = (language, typed)
        elif not photo.has_alt_in(language):
            message = _(
                "The lead photo needs alt text in the page's language (%(language)s): "
                "describe what it shows."
            )
            self.add_error("lead_alt", message % {"language": language_name(language)})

    def language_code(self):
        page = self.instance if self.instance.locale_id else self.parent_page
        return page.locale.language_code
