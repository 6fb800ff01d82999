from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "opendata"
    verbose_name = "开放数据"

    def ready(self):
        from . import checks  # noqa: F401  (registers them)
