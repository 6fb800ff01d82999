"""App configurations the shell sets for third-party apps."""

from axes.apps import AppConfig as AxesAppConfig


class AxesConfig(AxesAppConfig):
    """django-axes (failed logins, lockouts) under a Chinese name in the admin."""

    verbose_name = "登录限制"
