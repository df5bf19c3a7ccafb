"""The pieces an article body is made of."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.images.blocks import ImageChooserBlock


class PhotoBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.TextBlock(
        label=_("caption"), required=False, help_text=_("Leave empty to use the image's caption.")
    )
    credit = blocks.CharBlock(
        label=_("credit"), required=False, help_text=_("Leave empty to use the image's credit.")
    )

    class Meta:
        icon = "image"
        label = _("Photo")
        template = "newsroom/blocks/photo.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Pull quote")
        template = "newsroom/blocks/quote.html"


class GalleryPhotoBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False)


class GalleryPhotosBlock(blocks.ListBlock):
    """The photos of a gallery: one is enough (a credited collage is a single image).

    Wagtail defers a list's minimum until publication, so a draft could keep a gallery that
    publishing then refuses; an empty gallery is refused the same way on both.
    """

    def clean(self, value):
        if not self.normalize(value):
            error = ValidationError(_("A gallery or collage needs at least one photo."))
            raise ListBlockValidationError(non_block_errors=ErrorList([error]))
        return super().clean(value)


class GalleryBlock(blocks.StructBlock):
    """A collage (often one credited image) or a run of photos that belong together."""

    photos = GalleryPhotosBlock(GalleryPhotoBlock(), min_num=1, label=_("photos"))
    caption = blocks.TextBlock(label=_("caption"), required=False)
    credit = blocks.CharBlock(label=_("credit"), required=False)

    class Meta:
        icon = "image"
        label = _("Gallery or collage")
        template = "newsroom/blocks/gallery.html"


class EmbedLinkBlock(blocks.StructBlock):
    """A post or video elsewhere, shown as a link card.

    No third-party iframe or script: loading one would tell that platform who reads us
    (DESIGN.md, privacy). The reader decides whether to follow the link.
    """

    url = blocks.URLBlock(label=_("address"))
    title = blocks.CharBlock(label=_("title"), required=False)
    provider = blocks.CharBlock(
        label=_("platform"), required=False, help_text=_("e.g. YouTube, Telegram")
    )

    class Meta:
        icon = "media"
        label = _("Embed (as a link)")
        template = "newsroom/blocks/embed.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"],
        label=_("Paragraph"),
        template="newsroom/blocks/paragraph.html",
    )
    subheading = blocks.CharBlock(
        label=_("Subheading"), icon="title", template="newsroom/blocks/subheading.html"
    )
    quote = QuoteBlock()
    photo = PhotoBlock()
    gallery = GalleryBlock()
    embed = EmbedLinkBlock()


def body_images(body):
    """Every image instance used in an article body, for one-query rendition loading."""
    images = []
    for block in body:
        if block.block_type == "photo":
            images.append(block.value["image"])
        elif block.block_type == "gallery":
            images.extend(photo["image"] for photo in block.value["photos"])
    return images


def body_text(body):
    """The words of an article body, without markup or image renditions (for search)."""
    parts = []
    for block in body:
        value = block.value
        if block.block_type == "paragraph":
            parts.append(strip_tags(value.source))
        elif block.block_type == "subheading":
            parts.append(value)
        elif block.block_type == "quote":
            parts += [value["text"], value["attribution"]]
        elif block.block_type in ("photo", "gallery", "embed"):
            parts.append(value.get("caption") or value.get("title") or "")
    return "\n".join(part for part in parts if part)
