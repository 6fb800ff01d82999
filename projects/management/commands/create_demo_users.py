"""Demo logins for `make demo`: an administrator, a clerk (录入员) and a reviewer (审核员)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from projects.models import Department
from projects.roles import CLERK, REVIEWER

DEMO_USERS = (
    # username, password, group, superuser
    ("admin", "demo-admin", None, True),
    ("clerk", "demo-clerk", CLERK, False),
    ("reviewer", "demo-reviewer", REVIEWER, False),
)


class Command(BaseCommand):
    help = "创建演示账号（仅用于本地演示：演示配置且使用内置 SQLite 数据库）。"

    def handle(self, *args, **options):
        # Only the demo's embedded database: never a shared or production database.
        if not getattr(settings, "DEMO", False) or connection.vendor != "sqlite":
            raise CommandError("演示账号只能在演示环境（make demo，内置 SQLite 数据库）中创建。")
        User = get_user_model()
        # The clerk and the reviewer work in the seed's department, as staff of a budget unit
        # would (in every department loaded, should the demo hold more).
        departments = list(Department.objects.all())
        for username, password, group, superuser in DEMO_USERS:
            user, _ = User.objects.get_or_create(username=username)
            user.is_staff = True
            user.is_superuser = superuser
            user.set_password(password)
            user.save()
            if group:
                user.groups.set([Group.objects.get(name=group)])
                user.departments.set(departments)
            role = "超级管理员" if superuser else group
            where = "、".join(d.name for d in departments) if group and departments else ""
            self.stdout.write(
                f"  {role}：用户名 {username}  密码 {password}" + (f"（{where}）" if where else "")
            )
