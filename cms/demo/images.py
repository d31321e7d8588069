"""Pictures for the demo newsroom, drawn here so the demo ships no one else's photos."""

import hashlib
import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection

# A palette per category: sky and ground colours of the drawn landscape.
PALETTES = {
    "economics": ((24, 62, 110), (214, 140, 48)),
    "society": ((120, 48, 88), (236, 196, 120)),
    "politics": ((40, 40, 72), (168, 176, 196)),
    "sport": ((20, 110, 70), (240, 220, 90)),
    "culture": ((110, 30, 40), (230, 170, 110)),
    "science-technology": ((10, 70, 90), (120, 210, 220)),
    "tourism": ((30, 120, 170), (250, 214, 160)),
}
DEFAULT_PALETTE = ((60, 60, 60), (200, 200, 200))


def _rng(seed):
    return random.Random(int(hashlib.sha256(seed.encode()).hexdigest()[:12], 16))


def _gradient(size, top, bottom):
    width, height = size
    image = PILImage.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / max(1, height - 1)
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    return image


def draw_landscape(seed, category, size=(1200, 675)):
    """A skyline over hills in the category's colours; the seed makes each one different."""
    rng = _rng(seed)
    sky, ground = PALETTES.get(category, DEFAULT_PALETTE)
    image = _gradient(size, sky, ground)
    draw = ImageDraw.Draw(image)
    width, height = size
    sun_x, sun_r = rng.randint(width // 6, width * 5 // 6), rng.randint(40, 90)
    draw.ellipse(
        [sun_x - sun_r, height // 4 - sun_r, sun_x + sun_r, height // 4 + sun_r],
        fill=(255, 236, 180),
    )
    x = 0
    while x < width:
        w, h = rng.randint(30, 90), rng.randint(height // 8, height // 2)
        shade = tuple(max(0, c - rng.randint(60, 110)) for c in sky)
        draw.rectangle([x, height - h, x + w, height], fill=shade)
        x += w + rng.randint(0, 20)
    for layer in range(3):
        base = height - layer * 40
        points = (
            [(0, height)]
            + [(px, base - rng.randint(20, 90)) for px in range(0, width + 100, 100)]
            + [(width, height)]
        )
        tone = tuple(max(0, c - 40 * (3 - layer)) for c in ground)
        draw.polygon(points, fill=tone)
    return image


def draw_portrait(seed, size=(400, 400)):
    rng = _rng(seed)
    background = tuple(rng.randint(90, 200) for _ in range(3))
    image = PILImage.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    width, height = size
    skin = rng.choice([(141, 85, 36), (198, 134, 66), (224, 172, 105), (241, 194, 125)])
    draw.ellipse([width * 0.3, height * 0.18, width * 0.7, height * 0.62], fill=skin)
    draw.ellipse([width * 0.12, height * 0.62, width * 0.88, height * 1.3], fill=(40, 50, 70))
    return image


def draw_logo(name, seed, size=(320, 320)):
    rng = _rng(seed)
    colour = tuple(rng.randint(20, 140) for _ in range(3))
    image = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    initials = "".join(word[0] for word in name.split()[:2]).upper()
    font = ImageFont.load_default(size=140)
    box = draw.textbbox((0, 0), initials, font=font)
    x = (size[0] - (box[2] - box[0])) / 2 - box[0]
    y = (size[1] - (box[3] - box[1])) / 2 - box[1]
    draw.text((x, y), initials, fill=(255, 255, 255), font=font)
    return image


def save_image(picture, title, filename, collection=None):
    """Store a drawn picture as a Wagtail image, once: an image of that title is reused."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82, optimize=True)
    image = Image(title=title, collection=collection or Collection.get_first_root_node())
    image.file = ImageFile(buffer, name=filename)
    image.save()
    return image
