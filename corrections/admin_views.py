"""Admin views for corrections that differ from Wagtail's generic ones."""

from wagtail.admin.views import generic

from newsroom.models import ArticlePage

from .models import Correction


class CorrectionCreateView(generic.CreateView):
    """Add a correction; "?article=<id>" (a link from the typo queue) picks the article."""

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or Correction()
        article_id = self.request.GET.get("article", "")
        if article_id.isdigit():
            instance.article = ArticlePage.objects.filter(pk=article_id).first()
        return instance
