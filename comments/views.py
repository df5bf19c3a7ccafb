"""Reader-facing comment pages that work without JavaScript."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from newsroom.models import ArticlePage
from samizdat.guard import from_our_pages

from . import pipeline, postable, services
from .forms import CommentForm, ReportForm
from .models import Comment, Status

MAX_BODY = 64 * 1024
ALL_COMMENTS_PAGE_SIZE = 50


def published_article(article_id, language):
    article = (
        ArticlePage.objects.published()
        .filter(pk=article_id, locale__language_code=language)
        .select_related("locale")
        .defer_streamfields()
        .first()
    )
    if article is None:
        raise Http404
    return article


def postable_article(article_id, language):
    """The article a form posts to, read as a post through the API reads it."""
    article = postable.live_article(article_id)
    if article is None or article.locale.language_code != language:
        raise Http404
    return article


def refusal_page(request, article, form, message, status):
    context = {"article": article, "form": form, "message": message, "failed": True}
    return render(request, "comments/result.html", context, status=status)


# The cached form carries no token: the browser's Origin protects it (samizdat.guard).
@csrf_exempt
@require_POST
@never_cache
def post_comment(request, article_id):
    article = postable_article(article_id, request.LANGUAGE_CODE)
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY:
        return refusal_page(request, article, None, _("The comment is too long."), 413)
    if not from_our_pages(request):
        return refusal_page(request, article, None, _("Please send comments from our page."), 403)
    form = CommentForm(request.POST)
    if not form.is_valid():
        message = " ".join(error for errors in form.errors.values() for error in errors)
        return refusal_page(request, article, fresh_form(form, article), message, 400)
    outcome = services.post_comment(request, article, form.cleaned_data)
    if isinstance(outcome, pipeline.Refusal):
        return refusal_page(
            request, article, fresh_form(form, article), outcome.message, outcome.status
        )
    context = {"article": article, "comment": outcome, "message": result_message(outcome)}
    return render(request, "comments/result.html", context, status=201)


def fresh_form(form, article):
    """The reader's text back in a form with a new token, so they can just send again."""
    data = form.data.copy()
    data["token"] = pipeline.form_token(article)
    return CommentForm(data)


def result_message(comment):
    if comment.status == Status.PUBLISHED:
        return _("Thank you! Your comment is published.")
    return _("Thank you! Your comment will appear after review.")


def all_comments(request, article_id):
    """Every published comment of an article, newest first, 50 a page."""
    article = published_article(article_id, request.LANGUAGE_CODE)
    comments = Comment.objects.published().filter(article=article).newest_first()
    page = Paginator(comments, ALL_COMMENTS_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"article": article, "comments": page, "page_obj": page}
    return render(request, "comments/all_comments.html", context)


@csrf_exempt  # see post_comment
@require_http_methods(["GET", "POST"])
@never_cache
def report(request, comment_id):
    comment = get_object_or_404(
        Comment.objects.select_related("article"),
        pk=comment_id,
        status=Status.PUBLISHED,
        article__live=True,
    )
    form = ReportForm(request.POST or None)
    context = {"comment": comment, "article": comment.article, "form": form}
    if request.method == "POST":
        if not from_our_pages(request):
            context["message"] = _("Please send reports from our page.")
            return render(request, "comments/report.html", context, status=403)
        if form.is_valid():
            refused = services.report_comment(request, comment, form.cleaned_data["reason"])
            if refused:
                context["message"] = refused.message
                return render(request, "comments/report.html", context, status=refused.status)
            context["message"] = _("Thank you. Moderators will look at this comment.")
            context["done"] = True
            return render(request, "comments/report.html", context)
    return render(request, "comments/report.html", context, status=400 if form.errors else 200)
