"""The host names the site answers to besides ALLOWED_HOSTS, editable without a deploy."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Orderable

from . import hostnames


class Kind(models.TextChoices):
    MIRROR = "mirror", _("Mirror domain")
    CDN = "cdn", _("CDN host name")
    ONION = "onion", _("Onion address")


class MirrorSettingsForm(WagtailAdminModelForm):
    """Refuses the same host twice and more than one onion address."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("hosts")
        if formset is None or not formset.is_valid():
            return cleaned
        rows = [
            form.cleaned_data
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        names = [hostnames.normalize(row.get("host")) for row in rows]
        if len(names) != len(set(names)):
            self.add_error(None, _("Each host name may be listed only once."))
        if sum(row.get("kind") == Kind.ONION for row in rows) > 1:
            self.add_error(None, _("Only one onion address can be set."))
        return cleaned


@register_setting(icon="site")
class MirrorSettings(ClusterableModel, BaseGenericSetting):
    """Mirror domains, CDN host names and the onion address, with their dates."""

    base_form_class = MirrorSettingsForm
    panels = [InlinePanel("hosts", label=_("Host name"), heading=_("Host names"))]

    class Meta:
        verbose_name = _("mirrors and onion")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)  # the host rows are saved in here too
        from .hosts import publish

        # After the commit, so other processes never read names that were rolled back.
        transaction.on_commit(publish)


class MirrorHost(Orderable):
    """One host name readers may use; listed ones are published in /mirrors.json."""

    settings = ParentalKey(MirrorSettings, related_name="hosts", on_delete=models.CASCADE)
    host = models.CharField(
        _("host name"),
        max_length=hostnames.MAX_LENGTH,
        help_text=_("Without https:// and without a path, e.g. mirror.example.org."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MIRROR)
    listed = models.BooleanField(
        _("published in the mirror list"),
        default=True,
        help_text=_("Unlisted names are served but not announced, e.g. for private channels."),
    )
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed"), default=timezone.now)

    panels = [
        FieldPanel("host"),
        FieldPanel("kind"),
        FieldPanel("listed"),
        FieldPanel("created_at", read_only=True),
        FieldPanel("updated_at", read_only=True),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("host name")
        verbose_name_plural = _("host names")

    def __str__(self):
        return self.host

    def clean(self):
        self.host = hostnames.normalize(self.host)
        try:
            hostnames.validate_host(self.host, onion=self.kind == Kind.ONION)
        except ValidationError as error:
            raise ValidationError({"host": error.messages}) from error

    def save(self, *args, **kwargs):
        if self.pk and self.changed_since_stored():
            self.updated_at = timezone.now()
        super().save(*args, **kwargs)

    def changed_since_stored(self):
        stored = MirrorHost.objects.filter(pk=self.pk).values("host", "kind", "listed").first()
        return stored != {"host": self.host, "kind": self.kind, "listed": self.listed}

    @property
    def url(self):
        # Onion services are reached over plain HTTP: Tor already encrypts end to end.
        scheme = "http" if self.kind == Kind.ONION else "https"
        return f"{scheme}://{self.host}"
