from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Synthetic disclosures at scale, for trying the portal and for the benchmarks
    (``manage.py generate_demo_data``). Builds on the domain app; nothing imports it."""

    name = "demo"
    verbose_name = "演示数据"
