"""Draws simple Easy Read pictures for the demo content, so the demo ships no image files."""

import io

from PIL import Image, ImageDraw

SIZE = 320
INK = "#0b0c0c"
BRAND = "#54319f"
SOFT = "#ede8f7"
SKIN = "#e8b98f"


def _canvas():
    image = Image.new("RGB", (SIZE, SIZE), SOFT)
    return image, ImageDraw.Draw(image)


def _person(d, x, y, scale=1.0, colour=BRAND):
    r = int(28 * scale)
    d.ellipse([x - r, y - r, x + r, y + r], fill=SKIN, outline=INK, width=4)
    d.rounded_rectangle(
        [x - int(45 * scale), y + r + 8, x + int(45 * scale), y + r + int(120 * scale)],
        radius=int(30 * scale),
        fill=colour,
        outline=INK,
        width=4,
    )


def social_worker():
    image, d = _canvas()
    _person(d, 160, 110)
    d.rectangle([180, 170, 215, 200], fill="white", outline=INK, width=3)  # badge
    return image


def meeting():
    image, d = _canvas()
    for x, colour in ((80, BRAND), (160, "#1d70b8"), (240, "#00703c")):
        _person(d, x, 100, 0.7, colour)
    d.rectangle([30, 210, 290, 240], fill="#8b5a2b", outline=INK, width=4)
    return image


def talking():
    image, d = _canvas()
    _person(d, 100, 140, 0.8)
    d.rounded_rectangle([150, 40, 300, 140], radius=30, fill="white", outline=INK, width=4)
    d.polygon([(170, 135), (150, 175), (200, 138)], fill="white", outline=INK)
    for i, x in enumerate((190, 225, 260)):
        d.ellipse([x - 10, 80, x + 10, 100], fill=INK if i != 1 else BRAND)
    return image


def court():
    image, d = _canvas()
    d.polygon([(40, 110), (160, 40), (280, 110)], fill="white", outline=INK, width=4)
    for x in (70, 130, 190, 250):
        d.rectangle([x - 12, 120, x + 12, 250], fill="white", outline=INK, width=4)
    d.rectangle([40, 250, 280, 280], fill=BRAND, outline=INK, width=4)
    return image


def plan():
    image, d = _canvas()
    d.rounded_rectangle([80, 40, 240, 290], radius=12, fill="white", outline=INK, width=4)
    for y in (100, 160, 220):
        d.line([(105, y), (120, y + 15), (145, y - 15)], fill="#00703c", width=8)
        d.line([(160, y), (220, y)], fill=INK, width=6)
    return image


def support():
    image, d = _canvas()
    d.ellipse([70, 90, 170, 190], fill="#d4351c", outline=INK, width=4)
    d.ellipse([150, 90, 250, 190], fill="#d4351c", outline=INK, width=4)
    d.polygon([(78, 165), (160, 270), (242, 165)], fill="#d4351c", outline=INK)
    return image


def solicitor():
    image, d = _canvas()
    _person(d, 130, 100)
    d.rounded_rectangle([185, 190, 285, 265], radius=8, fill="#8b5a2b", outline=INK, width=4)
    d.rounded_rectangle([215, 170, 255, 195], radius=6, outline=INK, width=5)  # handle
    d.line([(185, 220), (285, 220)], fill=INK, width=4)
    return image


def letter():
    image, d = _canvas()
    d.rectangle([50, 90, 270, 240], fill="white", outline=INK, width=5)
    d.line([(50, 90), (160, 175), (270, 90)], fill=INK, width=5)
    return image


def calendar():
    image, d = _canvas()
    d.rounded_rectangle([60, 60, 260, 270], radius=14, fill="white", outline=INK, width=5)
    d.rectangle([60, 60, 260, 110], fill=BRAND, outline=INK, width=5)
    for row in range(3):
        for col in range(4):
            x, y = 85 + col * 45, 130 + row * 45
            d.rectangle([x, y, x + 25, y + 25], fill=BRAND if (row, col) == (1, 2) else SOFT)
    return image


PICTURES = {
    "social-worker": (social_worker, "A social worker with a name badge"),
    "meeting": (meeting, "Three people sitting at a table for a meeting"),
    "talking": (talking, "A person speaking, with a speech bubble"),
    "court": (court, "A court building with columns"),
    "plan": (plan, "A list with ticks beside each line"),
    "support": (support, "A heart, meaning help and support"),
    "solicitor": (solicitor, "A solicitor carrying a briefcase"),
    "letter": (letter, "A letter in an envelope"),
    "calendar": (calendar, "A calendar with one day marked"),
}


def png_bytes(key):
    draw, _alt = PICTURES[key]
    buffer = io.BytesIO()
    draw().save(buffer, format="PNG")
    return buffer.getvalue()
