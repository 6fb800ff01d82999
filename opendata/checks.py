"""System checks of the open-data settings: a rate the API cannot read is found at start-up
(``manage.py check``, every management command, gunicorn's preload), not by the first client
it would refuse."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from infra.ratelimit import Rate


@checks.register(checks.Tags.compatibility)
def api_rate_is_readable(app_configs, **kwargs):
    try:
        Rate.parse(settings.OPENDATA_API_RATE)
    except ImproperlyConfigured as error:
        return [
            checks.Error(
                str(error),
                hint="OPENDATA_API_RATE: a number per s, min, h or day, such as 120/min.",
                id="opendata.E001",
            )
        ]
    return []
