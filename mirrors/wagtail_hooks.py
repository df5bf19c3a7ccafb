"""The "If we are blocked" link in the footer of every reader page."""

from django.template.loader import render_to_string
from wagtail import hooks

from newsroom.template_slots import kept_html


@hooks.register("newsroom_slot_footer")
def reach_us_link(context):
    return kept_html(
        context, "reach-us-link", [], lambda: render_to_string("mirrors/footer_link.html")
    )
