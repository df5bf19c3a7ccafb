"""Admin forms for newsroom pages."""

from wagtail.admin.forms import WagtailAdminPageForm

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

    def clean(self):
        title = self.cleaned_data.get("title")
        slug = self.cleaned_data.get("slug")
        if title and not is_ascii_slug(slug):
            self.cleaned_data["slug"] = slug_for(slug or title, self.language_code())
        return super().clean()

    def language_code(self):
        page = self.instance if self.instance.locale_id else self.parent_page
        return page.locale.language_code
