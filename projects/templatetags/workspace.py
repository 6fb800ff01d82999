"""The staff start page's sections on the admin index (projects/workspace.py)."""

from django import template

from projects.workspace import CHANGES_NAMED, start_page

register = template.Library()


@register.inclusion_tag("admin/_start_page.html")
def start_page_for(user):
    return {"page": start_page(user), "named": CHANGES_NAMED}
