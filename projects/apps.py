from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ProjectsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "projects"
    verbose_name = "财政项目文本公开"

    def ready(self):
        from . import public_version
        from .roles import ensure_roles

        public_version.connect()

        # After the permissions exist (django.contrib.auth creates them on post_migrate too,
        # and is installed before this app, so its receiver runs first).
        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="projects.ensure_roles")
