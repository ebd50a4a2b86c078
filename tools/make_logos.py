#!/usr/bin/env python3
"""Regenerate the sample logos in styles/assets/.

    python -m venv /tmp/v && /tmp/v/bin/pip install pillow font-source-sans-pro
    /tmp/v/bin/python tools/make_logos.py            # writes styles/assets/*.png

The logos are fictional or simplified marks made for the sample styles. They are
drawn for a white background (the masthead puts them in a white box), on a
transparent canvas, at roughly 500 px high so that they print at well over
300 dpi at their styled height (11-14 mm). Shapes are drawn at SCALE times the
final size and reduced with a Lanczos filter for smooth edges.
"""

from __future__ import annotations

import math
import os
import sys

import font_source_sans_pro
from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "styles", "assets")
FONT_DIR = font_source_sans_pro.font_directory
SCALE = 4  # supersampling factor
DPI = 1200  # written into the PNG; the PDF engine sizes logos by the style's height anyway

# Brand colours (kept in step with styles/*.yaml)
BSCB_PURPLE = "#4B2A7B"
BSCB_MAGENTA = "#C4006A"
INK = "#1A1A1A"
COUNCIL_GREEN = "#1F5C3F"
COUNCIL_GOLD = "#C99A2E"
POLICE_NAVY = "#14306B"
POLICE_BLUE = "#2A6EBB"
HEALTH_BLUE = "#005EB8"


def font(weight: str, px: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(
        os.path.join(FONT_DIR, f"SourceSansPro-{weight}.ttf"), int(px * SCALE)
    )


class Canvas:
    """A supersampled RGBA drawing surface measured in final pixels."""

    def __init__(self, width: int, height: int):
        self.w, self.h = width, height
        self.img = Image.new("RGBA", (width * SCALE, height * SCALE), (255, 255, 255, 0))
        self.d = ImageDraw.Draw(self.img)

    @staticmethod
    def s(v: float) -> int:
        return int(round(v * SCALE))

    def ellipse(self, box, fill=None, outline=None, width=0):
        self.d.ellipse([self.s(v) for v in box], fill=fill, outline=outline, width=self.s(width))

    def rrect(self, box, radius, fill=None, outline=None, width=0):
        self.d.rounded_rectangle(
            [self.s(v) for v in box],
            radius=self.s(radius),
            fill=fill,
            outline=outline,
            width=self.s(width),
        )

    def polygon(self, pts, fill=None):
        self.d.polygon([(self.s(x), self.s(y)) for x, y in pts], fill=fill)

    def line(self, pts, fill, width):
        self.d.line(
            [(self.s(x), self.s(y)) for x, y in pts], fill=fill, width=self.s(width), joint="curve"
        )

    def text(self, xy, txt, fnt, fill, anchor="ls"):
        self.d.text((self.s(xy[0]), self.s(xy[1])), txt, font=fnt, fill=fill, anchor=anchor)

    def spaced_text(self, xy, txt, fnt, fill, width):
        """Draw txt letter-spaced so that it spans exactly `width` final pixels."""
        widths = [self.text_width(ch, fnt) for ch in txt]
        gap = (width - sum(widths)) / max(len(txt) - 1, 1)
        x = xy[0]
        for ch, w in zip(txt, widths, strict=True):
            self.text((x, xy[1]), ch, fnt, fill)
            x += w + gap

    def text_width(self, txt, fnt) -> float:
        return self.d.textlength(txt, font=fnt) / SCALE

    def save(self, name: str, trim: bool = True, pad: int = 12):
        img = self.img.resize((self.w, self.h), Image.LANCZOS)
        if trim:  # crop to the drawn content plus an even margin
            bbox = img.getchannel("A").getbbox()
            if bbox:
                left, t, r, b = bbox
                img = img.crop(
                    (
                        max(left - pad, 0),
                        max(t - pad, 0),
                        min(r + pad, img.width),
                        min(b + pad, img.height),
                    )
                )
        path = os.path.join(OUT, name)
        img.save(path, dpi=(DPI, DPI), optimize=True)
        print(f"{path}: {img.width}x{img.height}")
        return path


def arc_band(c: Canvas, cx, cy, r_out, r_in, a0, a1, fill, steps=90):
    """A thick circular arc (annulus sector) from angle a0 to a1 in degrees, 0 = east, clockwise."""
    outer = [
        (
            cx + r_out * math.cos(math.radians(a0 + (a1 - a0) * i / steps)),
            cy + r_out * math.sin(math.radians(a0 + (a1 - a0) * i / steps)),
        )
        for i in range(steps + 1)
    ]
    inner = [
        (
            cx + r_in * math.cos(math.radians(a1 - (a1 - a0) * i / steps)),
            cy + r_in * math.sin(math.radians(a1 - (a1 - a0) * i / steps)),
        )
        for i in range(steps + 1)
    ]
    c.polygon(outer + inner, fill=fill)
    rm, hw = (r_out + r_in) / 2, (r_out - r_in) / 2  # round caps at both ends
    for a in (a0, a1):
        x, y = cx + rm * math.cos(math.radians(a)), cy + rm * math.sin(math.radians(a))
        c.ellipse([x - hw, y - hw, x + hw, y + hw], fill=fill)


def figure(c: Canvas, cx, top, head_r, body_w, body_h, fill):
    """A simple person: a round head over a rounded, bell-shaped body."""
    c.ellipse([cx - head_r, top, cx + head_r, top + 2 * head_r], fill=fill)
    y0 = top + 2 * head_r + head_r * 0.35
    c.rrect([cx - body_w / 2, y0, cx + body_w / 2, y0 + body_h], radius=body_w / 2, fill=fill)


# --------------------------------------------------------------------------- BSCB
def bscb():
    H = 520
    c = Canvas(1700, H)
    # Mark: an adult (purple) and a child (magenta) under a sheltering arc.
    mx, my, R = 250, 268, 215
    arc_band(c, mx, my, R, R - 34, 160, 380, BSCB_PURPLE)
    figure(c, mx - 52, 120, 40, 98, 170, BSCB_PURPLE)
    figure(c, mx + 70, 205, 30, 72, 108, BSCB_MAGENTA)
    # ground line, magenta, echoing the arc
    c.rrect([mx - 150, my + 150, mx + 150, my + 172], radius=11, fill=BSCB_MAGENTA)
    # Wordmark on three lines
    x = 540
    big = font("Bold", 122)
    mid = font("Semibold", 96)
    c.text((x, 190), "Bristol", big, BSCB_PURPLE)
    c.text((x, 305), "Safeguarding Children", mid, INK)
    c.text((x, 412), "Board", mid, BSCB_MAGENTA)
    return c.save("bscb-logo.png")


# --------------------------------------------------------------------------- Council
def shield_outline(x, y, w, h, steps=40):
    """Points of a heater shield with a flat top and a pointed base."""
    pts = [(x, y), (x + w, y), (x + w, y + h * 0.45)]
    # right curve down to the point
    for i in range(1, steps + 1):
        t = i / steps
        px = x + w - (w / 2) * (1 - math.cos(t * math.pi / 2))
        py = y + h * 0.45 + (h * 0.55) * math.sin(t * math.pi / 2)
        pts.append((px, py))
    for i in range(1, steps + 1):
        t = 1 - i / steps
        px = x + (w / 2) * (1 - math.cos(t * math.pi / 2))
        py = y + h * 0.45 + (h * 0.55) * math.sin(t * math.pi / 2)
        pts.append((px, py))
    pts.append((x, y + h * 0.45))
    return pts


def council():
    H = 480
    c = Canvas(1500, H)
    x, y, w, h = 40, 40, 300, 380
    c.polygon(shield_outline(x - 14, y - 14, w + 28, h + 34), fill=COUNCIL_GOLD)
    c.polygon(shield_outline(x, y, w, h), fill=COUNCIL_GREEN)
    # a gold chevron
    cx = x + w / 2
    c.line([(x + 30, y + 250), (cx, y + 150), (x + w - 30, y + 250)], fill=COUNCIL_GOLD, width=34)
    # a castle tower in the chief
    tx, ty = cx, y + 38
    c.polygon(
        [
            (tx - 52, ty + 92),
            (tx - 52, ty + 22),
            (tx - 34, ty + 22),
            (tx - 34, ty),
            (tx - 17, ty),
            (tx - 17, ty + 22),
            (tx + 17, ty + 22),
            (tx + 17, ty),
            (tx + 34, ty),
            (tx + 34, ty + 22),
            (tx + 52, ty + 22),
            (tx + 52, ty + 92),
        ],
        fill="#FFFFFF",
    )
    c.rrect([tx - 13, ty + 52, tx + 13, ty + 92], radius=13, fill=COUNCIL_GREEN)
    # three wavy "river" lines at the base
    for k, yy in enumerate((y + 292, y + 322)):
        half = 80 - k * 22
        pts = [
            (cx - half + i * (2 * half) / 24, yy + 7 * math.sin(i / 24 * 4 * math.pi))
            for i in range(25)
        ]
        c.line(pts, fill="#FFFFFF", width=10)
    # wordmark
    tx0 = 420
    c.text((tx0, 215), "Anytown", font("Bold", 150), COUNCIL_GREEN)
    c.rrect([tx0 + 6, 270, tx0 + 120, 280], radius=5, fill=COUNCIL_GOLD)
    c.text((tx0, 405), "Council", font("Regular", 132), INK)
    return c.save("anytown-council.png")


# --------------------------------------------------------------------------- Police
def star_points(cx, cy, r_out, r_in, n, rot=-90):
    pts = []
    for i in range(2 * n):
        r = r_out if i % 2 == 0 else r_in
        a = math.radians(rot + i * 180 / n)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def police():
    H = 480
    c = Canvas(1500, H)
    cx, cy = 230, 240
    c.polygon(star_points(cx, cy, 205, 150, 8, rot=-90 + 22.5), fill=POLICE_NAVY)
    c.ellipse([cx - 132, cy - 132, cx + 132, cy + 132], fill="#FFFFFF")
    c.ellipse([cx - 112, cy - 112, cx + 112, cy + 112], fill=POLICE_BLUE)
    c.ellipse([cx - 88, cy - 88, cx + 88, cy + 88], fill="#FFFFFF")
    # a small five-pointed star in the centre
    c.polygon(star_points(cx, cy + 6, 70, 28, 5), fill=POLICE_NAVY)
    tx0 = 500
    big = font("Bold", 150)
    c.text((tx0, 230), "Anytown", big, POLICE_NAVY)
    c.spaced_text(
        (tx0 + 4, 385),
        "POLICE",
        font("Semibold", 126),
        POLICE_BLUE,
        c.text_width("Anytown", big) - 8,
    )
    return c.save("anytown-police.png")


# --------------------------------------------------------------------------- Health trust
def health():
    k = 1.35  # everything is laid out on a 480-high grid, then enlarged
    c = Canvas(int(1700 * k), int(480 * k))
    # lozenge with a bold italic monogram, white on blue (a generic health-service style,
    # deliberately not the NHS identity)
    lx, ly, lw, lh = 40 * k, 100 * k, 420 * k, 200 * k
    c.rrect([lx, ly, lx + lw, ly + lh], radius=46 * k, fill=HEALTH_BLUE)
    f = font("BlackIt", 170 * k)
    tw = c.text_width("AHC", f)
    c.text((lx + (lw - tw) / 2, ly + lh / 2 + 4 * k), "AHC", f, "#FFFFFF", anchor="lm")
    tx0 = 520 * k
    c.text((tx0, 170 * k), "Anytown", font("Bold", 112 * k), HEALTH_BLUE)
    c.text((tx0, 275 * k), "Health and Care", font("Semibold", 92 * k), INK)
    c.text((tx0, 372 * k), "NHS Trust", font("Regular", 92 * k), HEALTH_BLUE)
    return c.save("anytown-nhs.png", pad=16)


def main() -> int:
    os.makedirs(OUT, exist_ok=True)
    for make in (bscb, council, police, health):
        make()
    return 0


if __name__ == "__main__":
    sys.exit(main())
