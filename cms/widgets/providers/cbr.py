"""The Bank of Russia's daily official rates of foreign currencies against the rouble."""

from datetime import datetime
from decimal import Context, Decimal, InvalidOperation
from xml.etree import ElementTree

from cms.widgets.providers.base import ProviderError, ReferenceRateProvider

# Eight significant digits keep tiny rates (VND/USD 0.000039282210) as exact as large ones.
RATE_CONTEXT = Context(prec=8)


class CentralBankOfRussia(ReferenceRateProvider):
    """Prices RUB against every currency in the daily file, and crosses through the rouble."""

    name = "cbr"
    label = "Bank of Russia rates"
    url = "https://www.cbr.ru/scripts/XML_daily.asp"

    def read_table(self, payload):
        return read_daily_file(payload)

    def cross(self, roubles_per_unit, base, quote):
        return RATE_CONTEXT.divide(roubles_per_unit[base], roubles_per_unit[quote])


def read_daily_file(payload):
    """The file's date and the roubles one unit of each currency is worth (RUB itself: 1)."""
    # Bytes, not text: the XML declaration names windows-1251 and the parser honours it.
    if not payload or not payload.strip():
        raise ProviderError("Bank of Russia answered with an empty body.")
    try:
        root = ElementTree.fromstring(payload)
    except ElementTree.ParseError as error:
        raise ProviderError(f"Bank of Russia answered with malformed XML: {error}") from error
    if root.tag != "ValCurs":
        raise ProviderError(f"Bank of Russia answered <{root.tag}>, not a ValCurs rates file.")
    try:
        as_of = datetime.strptime(root.get("Date", ""), "%d.%m.%Y").date()
    except ValueError as error:
        raise ProviderError(f"Bank of Russia file has no readable Date: {error}") from error
    roubles_per_unit = {"RUB": Decimal(1)}
    for valute in root.iter("Valute"):
        code = (valute.findtext("CharCode") or "").strip().upper()
        nominal = decimal_or_none(valute.findtext("Nominal"))
        value = decimal_or_none(valute.findtext("Value"))
        # An entry we cannot read prices nothing; the rest of the file stays usable.
        if code and nominal and value:
            roubles_per_unit[code] = value / nominal
    if len(roubles_per_unit) == 1:
        raise ProviderError("Bank of Russia file lists no readable currency.")
    return as_of, roubles_per_unit


def decimal_or_none(text):
    """A positive Decimal from the file's decimal-comma notation ("89,9957"), else None."""
    try:
        number = Decimal((text or "").strip().replace(",", "."))
    except InvalidOperation:
        return None
    return number if number.is_finite() and number > 0 else None
