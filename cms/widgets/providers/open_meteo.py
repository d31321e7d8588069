"""Current temperature and weather code from Open-Meteo, several places in one request."""

import json
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import requests

from cms.widgets.providers.base import (
    HttpProvider,
    ProviderError,
    WeatherObservation,
    WeatherProvider,
)


class OpenMeteo(HttpProvider, WeatherProvider):
    """Open-Meteo's forecast API asked for current conditions only, times in GMT."""

    name = "open-meteo"
    label = "Open-Meteo"
    url = "https://api.open-meteo.com/v1/forecast"

    def fetch(self, places):
        if not places:
            return []
        params = {
            "latitude": ",".join(coordinate(latitude) for latitude, _ in places),
            "longitude": ",".join(coordinate(longitude) for _, longitude in places),
            "current": "temperature_2m,weather_code",
            "timezone": "GMT",
        }
        try:
            response = requests.get(self.url, params=params, timeout=self.timeout)
        except requests.RequestException as error:
            raise ProviderError(f"Open-Meteo could not be reached: {error}") from error
        if response.status_code != 200:
            raise ProviderError(
                f"Open-Meteo answered HTTP {response.status_code}: {error_reason(response)}"
            )
        return self.parse(response.content, places)

    def parse(self, payload, places):
        answers = read_answers(payload)
        # Open-Meteo snaps coordinates to its grid, so answers match places by order.
        if len(answers) != len(places):
            raise ProviderError(
                f"Open-Meteo answered for {len(answers)} places, {len(places)} were asked."
            )
        observations = []
        for (latitude, longitude), answer in zip(places, answers, strict=True):
            current = read_current(answer)
            # A place the model has no value for yet is left out; the others still count.
            if current is not None:
                temperature, condition, observed_at = current
                observations.append(
                    WeatherObservation(
                        latitude=Decimal(coordinate(latitude)),
                        longitude=Decimal(coordinate(longitude)),
                        temperature_c=temperature,
                        condition=condition,
                        observed_at=observed_at,
                        source=self.name,
                    )
                )
        return observations


def coordinate(value):
    """A coordinate as plain decimal text, whether given as Decimal, float or str."""
    return format(Decimal(str(value)), "f")


def error_reason(response):
    try:
        return response.json()["reason"]
    except (ValueError, KeyError, TypeError):
        return response.text[:200] or "empty body"


def read_answers(payload):
    """One JSON object per requested place; a single place comes back as a bare object."""
    if not payload or not payload.strip():
        raise ProviderError("Open-Meteo answered with an empty body.")
    try:
        answers = json.loads(payload, parse_float=Decimal)
    except ValueError as error:
        raise ProviderError(f"Open-Meteo answered with malformed JSON: {error}") from error
    if isinstance(answers, dict):
        if answers.get("error"):
            raise ProviderError(f"Open-Meteo refused the request: {answers.get('reason')}")
        answers = [answers]
    if not isinstance(answers, list) or not all(isinstance(a, dict) for a in answers):
        raise ProviderError("Open-Meteo answered JSON that is not a list of locations.")
    return answers


def read_current(answer):
    """(temperature, WMO code, aware UTC time) of one location, or None when a value is null."""
    current = answer.get("current")
    if not isinstance(current, dict):
        raise ProviderError("Open-Meteo location has no 'current' block.")
    temperature = current.get("temperature_2m")
    condition = current.get("weather_code")
    if temperature is None or condition is None:
        return None
    if isinstance(temperature, bool) or not isinstance(temperature, int | Decimal):
        raise ProviderError(f"Open-Meteo temperature is not a number: {temperature!r}")
    if isinstance(condition, bool) or not isinstance(condition, int):
        raise ProviderError(f"Open-Meteo weather code is not an integer: {condition!r}")
    try:
        local_time = datetime.fromisoformat(current["time"])
        offset = timezone(timedelta(seconds=int(answer.get("utc_offset_seconds", 0))))
    except (KeyError, TypeError, ValueError) as error:
        raise ProviderError(f"Open-Meteo current time is unreadable: {error}") from error
    return Decimal(temperature), condition, local_time.replace(tzinfo=offset).astimezone(UTC)
