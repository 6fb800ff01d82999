from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    """PDF disclosures: rendered once per published revision, stored, served and bundled."""

    name = "publications"
    verbose_name = "PDF 公开文本"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, receivers  # noqa: F401  (registers system checks and receivers)
