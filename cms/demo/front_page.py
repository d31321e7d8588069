"""Each language's front page as its chief editors would curate it: a top story that is not
the newest, the stories under it, and a breaking-news line in the language's own words.

The other languages' home pages stop following the English one (wagtail-localize's "stop
synced translation"), so that each is edited, curated and published in its language; their
front page is theirs either way (home/front_page.py). Curated once: a front page already
curated is left as it is.
"""

from wagtail.models import Page
from wagtail_localize.models import Translation

from home.front_page import FrontPagePick
from home.models import HomePage

# Slugs of the demo's stories (articles and interviews, translated into every language):
# the top story first.
PICKS = {
    "en": [
        "salt-tolerant-rice-trials-nile-delta",
        "egypt-uae-customs-single-window-talks",
        "aswan-nubian-museum-curator",
        "moscow-persian-miniatures-exhibition",
    ],
    "ru": [
        "baikal-water-monitoring-buoys",
        "novosibirsk-rail-container-hub",
        "abu-dhabi-addis-ababa-tourism-route",
    ],
    "pt": [
        "rio-beach-volleyball-youth-series",
        "brazil-india-pulses-trade-mission",
        "soweto-reading-clubs-expand",
    ],
    "zh-hans": [
        "salt-tolerant-rice-trials-nile-delta",
        "novosibirsk-rail-container-hub",
        "monsoon-forecasting-scientist",
    ],
    "hi": [
        "gujarat-dairy-cooperative-training",
        "chennai-junior-chess-open",
        "brazil-india-pulses-trade-mission",
    ],
    "ar": [
        "egypt-uae-customs-single-window-talks",
        "abu-dhabi-addis-ababa-tourism-route",
        "salt-tolerant-rice-trials-nile-delta",
    ],
    "fa": [
        "isfahan-carpet-weavers-exhibition",
        "egypt-uae-customs-single-window-talks",
        "baikal-water-monitoring-buoys",
    ],
    "am": [
        "abu-dhabi-addis-ababa-tourism-route",
        "salt-tolerant-rice-trials-nile-delta",
        "durban-port-logistics-manager",
    ],
}

# Each links to that language's top story.
BANNERS = {
    "en": "First results from the salt-tolerant rice trials in the Nile Delta are in: "
    "read our report.",
    "ru": "На Байкале начали круглый год следить за качеством воды с помощью "
    "автоматических буёв: читайте наш репортаж.",
    "pt": "Juniores sul-africanos entram na série de vôlei de praia do Rio: "
    "acompanhe a nossa cobertura.",
    "zh-hans": "中国和埃及农学家公布尼罗河三角洲耐盐水稻试验的首批结果：请阅读我们的报道。",
    "hi": "गुजरात की महिला डेयरी सहकारी समितियाँ अपनी सदस्यों को पशुपालन का प्रशिक्षण "
    "दे रही हैं: पढ़िए हमारी रिपोर्ट।",
    "ar": "مسؤولو الجمارك في مصر والإمارات يتفقون على خريطة طريق لربط أنظمتهم: اقرأ تقريرنا.",
    "fa": "نمایشگاهی در اصفهان سه نسل از فرش‌بافان را گرد هم آورد: گزارش ما را بخوانید.",
    "am": "የአቡ ዳቢ እና የአዲስ አበባ የጉዞ ወኪሎች የጋራ የጉብኝት መስመር ጀመሩ፤ ዘገባችንን ያንብቡ።",
}


def curate_front_pages(english_home):
    """Curate every language's home page that is not curated yet; returns their languages."""
    Translation.objects.filter(
        source__object_id=english_home.translation_key, enabled=True
    ).update(enabled=False)
    curated = []
    for home in HomePage.objects.filter(translation_key=english_home.translation_key):
        language = home.locale.language_code
        if language in PICKS and not _is_curated(home):
            _curate(home, language)
            curated.append(language)
    return curated


def _is_curated(home):
    return bool(home.banner_text) or home.front_page_picks.exists()


def _curate(home, language):
    stories = {
        page.slug: page
        for page in Page.objects.live().filter(locale=home.locale, slug__in=PICKS[language])
    }
    picked = [stories[slug] for slug in PICKS[language] if slug in stories]
    home.front_page_picks = [
        FrontPagePick(story=story, sort_order=order) for order, story in enumerate(picked)
    ]
    home.banner_text = BANNERS[language]
    home.banner_page = picked[0] if picked else None
    home.save_revision().publish()
