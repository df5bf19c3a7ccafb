"""The "If we are blocked" link in the footer of every reader page."""

from django.template.loader import render_to_string
from wagtail import hooks


@hooks.register("newsroom_slot_footer")
def reach_us_link(context):
    return render_to_string("mirrors/footer_link.html")
