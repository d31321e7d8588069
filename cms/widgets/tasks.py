"""Hourly refresh jobs, retried with backoff while the providers fail."""

from celery import shared_task

from .providers.base import ProviderError
from .refresh import refresh_exchange_rates, refresh_weather

RETRY = {
    "autoretry_for": (ProviderError,),
    "retry_backoff": 60,
    "retry_backoff_max": 1800,
    "max_retries": 5,
    "retry_jitter": True,
}


@shared_task(name="widgets.refresh_exchange_rates", **RETRY)
def refresh_exchange_rates_job():
    """Refresh every unpinned exchange rate. Idempotent."""
    return refresh_exchange_rates().updated


@shared_task(name="widgets.refresh_weather", **RETRY)
def refresh_weather_job():
    """Refresh the weather of every unpinned city. Idempotent."""
    return refresh_weather().updated
