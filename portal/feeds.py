"""Atom feed of new publications: every project revision as it is published."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from budget.amounts import format_wan
from projects import selectors


class PublicationsFeed(Feed):
    feed_type = Atom1Feed
    title = "重点领域财政项目文本公开：最新公开"
    subtitle = "各预算单位新公开的重点领域财政项目（含更正后重新公开的版本）。"
    limit = 50

    def link(self):
        return reverse("projects:home")

    def items(self):
        return selectors.public_projects().order_by("-published_at", "-pk")[: self.limit]

    def item_title(self, item):
        return f"{item.disclosure.department.name}：{item.name}（{item.disclosure.fiscal_year}年）"

    def item_description(self, item):
        total = format_wan(item.declared_total) if item.declared_total is not None else "未写明"
        note = f" 更正说明：{item.correction_note}" if item.correction_note else ""
        return f"第{item.revision}版，申报总额 {total}。{note}"

    def item_link(self, item):
        return item.get_revision_url()

    def item_guid(self, item):
        return f"urn:uuid:{item.lineage}:r{item.revision}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.disclosure.department.name
