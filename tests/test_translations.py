"""The staff pages' words that Django's and its apps' catalogues leave in English, in Chinese
(locale/zh_Hans): the compiled catalogues agree with their sources, and Django uses them."""

from __future__ import annotations

import ast
import gettext
import json
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.utils import translation

from projects.admin_accounts import permission_label

LOCALE = Path(__file__).resolve().parents[1] / "locale" / "zh_Hans" / "LC_MESSAGES"


def entries(po: Path) -> dict[str, str]:
    """msgid → msgstr of a .po file (strings may run over several lines)."""
    found, current, key = {}, {}, None
    for line in [*po.read_text(encoding="utf-8").splitlines(), ""]:
        match = re.match(r'^(msgid|msgstr) (".*")$', line)
        if match:
            key = match.group(1)
            current[key] = ast.literal_eval(match.group(2))
        elif line.startswith('"') and key:
            current[key] += ast.literal_eval(line)
        elif not line.strip():
            if current.get("msgid"):
                found[current["msgid"]] = current["msgstr"]
            current, key = {}, None
    return found


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_each_compiled_catalogue_says_what_its_source_says(domain):
    source = entries(LOCALE / f"{domain}.po")
    assert len(source) >= 8
    with (LOCALE / f"{domain}.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    for msgid, msgstr in source.items():
        assert msgstr and re.search(r"[\u4e00-\u9fff]", msgstr), msgid
        assert catalogue.gettext(msgid) == msgstr, msgid


def test_django_speaks_chinese_where_its_catalogues_did_not():
    with translation.override("zh-hans"):
        assert translation.gettext("Model name") == "数据表"
        assert translation.gettext("access attempts") == "登录尝试"
        # Django's own translations are still there.
        assert translation.gettext("Save") == "保存"
    assert apps.get_app_config("axes").verbose_name == "登录限制"


def test_the_two_box_chooser_speaks_chinese(admin_client):
    script = admin_client.get("/admin/jsi18n/").content.decode()
    # The catalogue is a JSON object in the script, its text escaped (\uXXXX).
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    assert catalogue["Choose all %s"] == "全部选入%s"
    assert catalogue["Remove selected %s"] == "移出选中的%s"


@pytest.mark.django_db
def test_permissions_are_named_in_chinese():
    change = Permission.objects.get(codename="change_project")
    assert permission_label(change) == "项目：修改"
    with translation.override("zh-hans"):
        attempt = Permission.objects.get(codename="view_accessattempt")
        assert permission_label(attempt) == "登录尝试：查看"
