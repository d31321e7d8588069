"""The demo's syndication: every demo partner receives the whole newsroom in its languages.

So that each partner's feed (/en/feeds/partners/<slug>/rss/) shows what it republishes,
and editors find a product and accounts to start from in the admin. No API key is made:
a key is shown once, to the editor who creates it.
"""

from cms.syndication.models import PartnerAccount, Product

DEMO_PRODUCT = "The whole newsroom"
DEMO_PRODUCT_DESCRIPTION = (
    "Every article and interview of every section, in the languages each partner republishes in."
)


def seed_syndication(partner_pages):
    product, _created = Product.objects.get_or_create(
        name=DEMO_PRODUCT, defaults={"description": DEMO_PRODUCT_DESCRIPTION}
    )
    for page in partner_pages:
        account = PartnerAccount.objects.filter(partner_key=page.translation_key).first()
        if account is None:
            account = PartnerAccount.objects.create(partner=page)
        account.products.add(product)
