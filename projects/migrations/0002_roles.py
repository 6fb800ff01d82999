"""Create the staff roles (录入员, 审核员, 管理员) as groups with their model permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here: a migration must give the same result whatever projects/roles.py says later.
ROLE_PERMISSIONS = {
    "审核员": [
        ("projects", "change_project"),
        ("projects", "view_citation"),
        ("projects", "view_department"),
        ("projects", "view_disclosure"),
        ("projects", "view_factor"),
        ("projects", "view_fundingsource"),
        ("projects", "view_lineitem"),
        ("projects", "view_milestone"),
        ("projects", "view_performanceindicator"),
        ("projects", "view_policydocument"),
        ("projects", "view_project"),
        ("projects", "view_region"),
        ("projects", "view_subitem"),
    ],
    "录入员": [
        ("projects", "add_citation"),
        ("projects", "add_factor"),
        ("projects", "add_fundingsource"),
        ("projects", "add_lineitem"),
        ("projects", "add_milestone"),
        ("projects", "add_performanceindicator"),
        ("projects", "add_policydocument"),
        ("projects", "add_project"),
        ("projects", "add_subitem"),
        ("projects", "change_citation"),
        ("projects", "change_factor"),
        ("projects", "change_fundingsource"),
        ("projects", "change_lineitem"),
        ("projects", "change_milestone"),
        ("projects", "change_performanceindicator"),
        ("projects", "change_project"),
        ("projects", "change_subitem"),
        ("projects", "delete_citation"),
        ("projects", "delete_factor"),
        ("projects", "delete_fundingsource"),
        ("projects", "delete_lineitem"),
        ("projects", "delete_milestone"),
        ("projects", "delete_performanceindicator"),
        ("projects", "delete_project"),
        ("projects", "delete_subitem"),
        ("projects", "view_citation"),
        ("projects", "view_department"),
        ("projects", "view_disclosure"),
        ("projects", "view_factor"),
        ("projects", "view_fundingsource"),
        ("projects", "view_lineitem"),
        ("projects", "view_milestone"),
        ("projects", "view_performanceindicator"),
        ("projects", "view_policydocument"),
        ("projects", "view_project"),
        ("projects", "view_region"),
        ("projects", "view_subitem"),
    ],
    "管理员": [
        ("auth", "add_user"),
        ("auth", "change_user"),
        ("auth", "view_group"),
        ("auth", "view_user"),
        ("projects", "add_department"),
        ("projects", "add_disclosure"),
        ("projects", "add_policydocument"),
        ("projects", "add_region"),
        ("projects", "change_department"),
        ("projects", "change_disclosure"),
        ("projects", "change_policydocument"),
        ("projects", "change_region"),
        ("projects", "delete_department"),
        ("projects", "delete_disclosure"),
        ("projects", "delete_policydocument"),
        ("projects", "delete_region"),
        ("projects", "view_citation"),
        ("projects", "view_department"),
        ("projects", "view_disclosure"),
        ("projects", "view_factor"),
        ("projects", "view_fundingsource"),
        ("projects", "view_lineitem"),
        ("projects", "view_milestone"),
        ("projects", "view_performanceindicator"),
        ("projects", "view_policydocument"),
        ("projects", "view_project"),
        ("projects", "view_region"),
        ("projects", "view_subitem"),
    ],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            [
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
                for app_label, codename in permissions
            ]
        )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
