"""The editors' screen of a live blog: post an entry in seconds, edit or delete with history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin.paginator import WagtailPaginator

from . import services
from .forms import EntryForm
from .models import LiveBlogPage, LiveEntry, LiveEntryChange

# Entries a page of the editors' list shows: a day of a busy live blog is several pages,
# each reachable from the page numbers under the list.
ENTRIES_PER_ADMIN_PAGE = 50


def editable_blog(request, page_id):
    blog = get_object_or_404(LiveBlogPage, pk=page_id)
    if not blog.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return blog


def entries(request, page_id, entry_id=None):
    """The form (new entry, or the one being edited) above every entry of the blog."""
    blog = editable_blog(request, page_id)
    entry = get_object_or_404(LiveEntry, pk=entry_id, blog=blog) if entry_id else None
    form = EntryForm(request.POST or None, instance=entry or LiveEntry(blog=blog))
    if request.method == "POST" and form.is_valid():
        saved = services.save_entry(form.save(commit=False), request.user)
        messages.success(request, _("Update %(id)s saved.") % {"id": saved.pk})
        return redirect("live_entries", blog.pk)
    listed = blog.entries.select_related("author").order_by("-id")
    paginator = WagtailPaginator(listed, ENTRIES_PER_ADMIN_PAGE)
    # get_page: a number past the end or not a number is the last or the first page.
    entries_page = paginator.get_page(request.GET.get("p"))
    context = {
        "blog": blog,
        "form": form,
        "entry": entry,
        "entries": entries_page,
        "elided_page_range": paginator.get_elided_page_range(entries_page.number),
        "changes": LiveEntryChange.objects.filter(blog=blog).select_related("editor")[:30],
    }
    return TemplateResponse(request, "live/admin/entries.html", context)


def delete(request, page_id, entry_id):
    """Ask first (a tap on a phone is easily a wrong one); delete on the confirming POST."""
    blog = editable_blog(request, page_id)
    entry = get_object_or_404(LiveEntry, pk=entry_id, blog=blog)
    if request.method != "POST":
        context = {"blog": blog, "entry": entry}
        return TemplateResponse(request, "live/admin/delete.html", context)
    services.delete_entry(entry, request.user)
    messages.success(request, _("Update %(id)s deleted.") % {"id": entry_id})
    return redirect("live_entries", blog.pk)
