"""The European Central Bank's daily euro foreign exchange reference rates."""

from datetime import date
from decimal import Context, Decimal, InvalidOperation
from xml.etree import ElementTree

from cms.widgets.providers.base import ProviderError, ReferenceRateProvider

EUROFXREF = "{http://www.ecb.int/vocabulary/2002-08-01/eurofxref}"
ENVELOPE = "{http://www.gesmes.org/xml/2002-08-01}Envelope"
# Eight significant digits, the same precision as the Bank of Russia's crosses.
RATE_CONTEXT = Context(prec=8)


class EuropeanCentralBank(ReferenceRateProvider):
    """Prices EUR against every currency the ECB publishes, and crosses through the euro."""

    name = "ecb"
    label = "ECB reference rates"
    url = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"

    def read_table(self, payload):
        return read_reference_rates(payload)

    def cross(self, units_per_euro, base, quote):
        # One BASE buys QUOTE_per_EUR / BASE_per_EUR units of QUOTE.
        return RATE_CONTEXT.divide(units_per_euro[quote], units_per_euro[base])


def read_reference_rates(payload):
    """The reference date and the units of each currency one euro buys (EUR itself: 1)."""
    if not payload or not payload.strip():
        raise ProviderError("ECB answered with an empty body.")
    try:
        root = ElementTree.fromstring(payload)
    except ElementTree.ParseError as error:
        raise ProviderError(f"ECB answered with malformed XML: {error}") from error
    if root.tag != ENVELOPE:
        raise ProviderError(f"ECB answered <{root.tag}>, not a eurofxref envelope.")
    day = root.find(f"{EUROFXREF}Cube/{EUROFXREF}Cube[@time]")
    if day is None:
        raise ProviderError("ECB file has no dated Cube of rates.")
    try:
        as_of = date.fromisoformat(day.get("time"))
    except ValueError as error:
        raise ProviderError(f"ECB file has no readable date: {error}") from error
    units_per_euro = {"EUR": Decimal(1)}
    for cube in day.iterfind(f"{EUROFXREF}Cube"):
        code = (cube.get("currency") or "").strip().upper()
        rate = positive_decimal(cube.get("rate"))
        # A currency we cannot read prices nothing; the rest of the file stays usable.
        if code and rate:
            units_per_euro[code] = rate
    if len(units_per_euro) == 1:
        raise ProviderError("ECB file lists no readable rate.")
    return as_of, units_per_euro


def positive_decimal(text):
    try:
        number = Decimal((text or "").strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() and number > 0 else None
