"""A generated emblem for the demo hromada (no third-party artwork to license)."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from app.paths import resource_path


def demo_logo_png(size: int = 256) -> bytes:
    """A blue-and-yellow shield with a cherry-blossom letter «В», as PNG bytes."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    s = size
    shield = [(s * 0.12, s * 0.08), (s * 0.88, s * 0.08), (s * 0.88, s * 0.55), (s * 0.5, s * 0.94),
              (s * 0.12, s * 0.55)]
    draw.polygon(shield, fill=(0, 87, 183, 255), outline=(255, 215, 0, 255), width=max(2, s // 40))
    font = ImageFont.truetype(str(resource_path("fonts", "DejaVuSans-Bold.ttf")), int(s * 0.46))
    draw.text((s * 0.5, s * 0.45), "В", font=font, fill=(255, 215, 0, 255), anchor="mm")
    for dx in (-0.2, 0.0, 0.2):
        cx, cy, r = s * (0.5 + dx), s * 0.76 - abs(dx) * s * 0.3, s * 0.04
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(200, 30, 60, 255))
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()
