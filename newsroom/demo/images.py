"""Demo photos drawn with Pillow: calm abstract scenes, each one repeatable from its seed.

They stand in for real photography, so they avoid text and faces and lean on shapes a news
site would show: a city at dusk, a river, a forest, fields, a road at night, a stage.
"""

import hashlib
import io
import random
from functools import cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

LEAD_SIZE = (1600, 900)
PHOTO_SIZE = (1500, 1000)
GALLERY_SIZE = (1200, 900)

# Sky colours (top, horizon) that read as a time of day.
SKIES = [
    ((22, 34, 66), (231, 140, 92)),  # dusk
    ((54, 92, 140), (214, 226, 232)),  # overcast day
    ((10, 14, 32), (62, 70, 110)),  # night
    ((88, 132, 180), (245, 214, 160)),  # morning
    ((70, 78, 92), (178, 182, 186)),  # rain
]


def rng_for(seed):
    """A random generator fixed by a text seed, so every run draws the same picture."""
    digest = hashlib.sha256(seed.encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def gradient(size, top, bottom):
    ramp = Image.linear_gradient("L").resize(size)
    return ImageOps.colorize(ramp, top, bottom)


def shade(colour, factor):
    return tuple(max(0, min(255, int(c * factor))) for c in colour)


def mix(a, b, t):
    return tuple(int(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def soften(layer, radius):
    """A wide blur at a quarter of the size, then scaled back: the same look, many times faster."""
    width, height = layer.size
    small = layer.resize((width // 4, height // 4), Image.Resampling.BILINEAR)
    blurred = small.filter(ImageFilter.GaussianBlur(radius / 4))
    return blurred.resize(layer.size, Image.Resampling.BICUBIC)


def glow(canvas, centre, radius, colour):
    """A soft sun or street lamp: a disc blurred on its own layer, screened over the scene."""
    layer = Image.new("RGB", canvas.size)
    x, y = centre
    ImageDraw.Draw(layer).ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    return ImageChops.screen(canvas, soften(layer, radius * 0.8))


def skyline(draw, rng, width, base, colour, height_range, lit=0.0):
    x = -rng.randint(0, 40)
    while x < width:
        w = rng.randint(40, 140)
        h = rng.randint(*height_range)
        draw.rectangle((x, base - h, x + w, base), fill=colour)
        if rng.random() < 0.15:  # a spire or a chimney breaks the line
            draw.rectangle(
                (x + w // 2 - 4, base - h - rng.randint(30, 90), x + w // 2 + 4, base - h),
                fill=colour,
            )
        if lit:
            windows(draw, rng, (x, base - h, x + w, base), lit)
        x += w + rng.randint(0, 12)


def windows(draw, rng, box, share):
    left, top, right, bottom = box
    light = (250, 214, 140)
    for wy in range(top + 12, bottom - 12, 22):
        for wx in range(left + 8, right - 12, 18):
            if rng.random() < share:
                draw.rectangle((wx, wy, wx + 7, wy + 10), fill=light)


def city(rng, size):
    width, height = size
    top, horizon = rng.choice(SKIES)
    sun = (rng.randint(200, width - 200), int(height * 0.5))
    img = glow(gradient(size, top, horizon), sun, 90, mix(horizon, (255, 240, 200), 0.5))
    draw = ImageDraw.Draw(img)
    base = int(height * rng.uniform(0.8, 0.9))
    # Three rows of houses, the far ones paler, so the street has depth.
    for row, (depth, lit) in enumerate(((0.8, 0.0), (0.55, 0.04), (0.3, 0.2))):
        colour = shade(mix(top, horizon, 0.5 - row * 0.15), depth)
        low, high = int(height * (0.12 + row * 0.04)), int(height * (0.3 + row * 0.08))
        skyline(draw, rng, width, base + row * 20, colour, (low, high), lit)
    draw.rectangle((0, base + 40, width, height), fill=shade(top, 0.5))
    return img


def river(rng, size):
    width, height = size
    top, horizon = rng.choice(SKIES)
    img = gradient(size, top, horizon)
    draw = ImageDraw.Draw(img)
    bank = int(height * rng.uniform(0.45, 0.6))
    trees = shade(mix(top, (40, 70, 50), 0.6), 0.7)
    for x in range(0, width, 6):
        draw.line((x, bank, x, bank - rng.randint(20, 70)), fill=trees, width=7)
    water = gradient((width, height - bank), horizon, shade(top, 0.8))
    img.paste(water, (0, bank))
    for y in range(bank + 6, height, 9):  # ripples catch the light of the sky
        x = rng.randint(-200, width)
        draw.line(
            (x, y, x + rng.randint(80, 400), y), fill=mix(horizon, (255, 255, 255), 0.3), width=2
        )
    return img


def forest(rng, size):
    width, height = size
    top, horizon = rng.choice(SKIES[1:])
    img = gradient(size, top, horizon)
    draw = ImageDraw.Draw(img)
    for row, depth in enumerate((0.8, 0.6, 0.4, 0.25)):
        colour = shade(mix((46, 84, 58), horizon, 0.5 - row * 0.12), depth + 0.2)
        base = int(height * (0.55 + row * 0.13))
        for _ in range(40 + row * 10):
            x = rng.randint(-40, width + 40)
            h = rng.randint(120, 260) * (1 + row * 0.4)
            half = h * 0.22
            draw.polygon([(x, base - h), (x - half, base), (x + half, base)], fill=colour)
        draw.rectangle((0, base, width, height), fill=colour)
    return img


def field(rng, size):
    width, height = size
    top, horizon = rng.choice(SKIES)
    img = glow(
        gradient(size, top, horizon),
        (rng.randint(100, width - 100), int(height * 0.5)),
        60,
        (255, 230, 180),
    )
    draw = ImageDraw.Draw(img)
    ground = rng.choice([(128, 132, 70), (150, 120, 70), (92, 120, 72), (170, 160, 120)])
    horizon_y = int(height * rng.uniform(0.5, 0.62))
    draw.rectangle((0, horizon_y, width, height), fill=ground)
    vanish = rng.randint(width // 3, 2 * width // 3)
    for x in range(-width, 2 * width, 70):  # furrows meet at the horizon
        draw.line((vanish, horizon_y, x, height), fill=shade(ground, 0.8), width=3)
    draw.line((0, horizon_y, width, horizon_y), fill=shade(ground, 0.6), width=4)
    return img


def road(rng, size):
    width, height = size
    top, horizon = SKIES[2] if rng.random() < 0.5 else SKIES[0]
    img = gradient(size, top, horizon)
    draw = ImageDraw.Draw(img)
    horizon_y = int(height * 0.6)
    skyline(draw, rng, width, horizon_y, shade(top, 0.6), (10, 60), 0.05)
    draw.rectangle((0, horizon_y, width, height), fill=(30, 32, 36))
    centre = width // 2 + rng.randint(-200, 200)
    lane = [
        (centre - 16, horizon_y),
        (centre + 16, horizon_y),
        (width * 0.8, height),
        (width * 0.2, height),
    ]
    draw.polygon(lane, fill=(52, 54, 60))
    # Tail lights of a queue fading into the distance, and lamps along the roadside;
    # all glows go on one layer and are blurred once, which keeps this fast.
    lights = Image.new("RGB", size)
    glow_draw = ImageDraw.Draw(lights)
    for i in range(18):
        t = (i / 18) ** 0.7
        y = horizon_y + (height - horizon_y) * (1 - t)
        half = 4 + (width * 0.22) * (1 - t)
        r = max(2, 16 * (1 - t))
        for x in (centre - half * 0.55, centre - half * 0.15):
            glow_draw.ellipse((x - r, y - r * 0.6, x + r, y + r * 0.6), fill=(255, 50, 40))
        lamp_x = centre + half * 1.6
        glow_draw.ellipse(
            (lamp_x - r, y - 6 * r - r, lamp_x + r, y - 6 * r + r), fill=(255, 200, 120)
        )
    halo = soften(lights, 14)
    img = ImageChops.add(img, halo)
    return ImageChops.lighter(img, lights)


def stage(rng, size):
    width, height = size
    img = Image.new("RGB", size, (12, 10, 18))
    for _ in range(rng.randint(2, 4)):  # spotlights cut through the dark
        colour = rng.choice([(255, 214, 150), (150, 180, 255), (255, 140, 120)])
        x = rng.randint(100, width - 100)
        beam = Image.new("RGB", size)
        ImageDraw.Draw(beam).polygon(
            [(x - 30, 0), (x + 30, 0), (x + 260, height), (x - 260, height)], fill=colour
        )
        beam = soften(beam, 40)
        img = Image.blend(img, Image.composite(beam, img, beam.convert("L")), 0.55)
    draw = ImageDraw.Draw(img)
    floor = int(height * 0.8)
    draw.rectangle((0, floor, width, height), fill=(40, 30, 28))
    for _ in range(rng.randint(2, 5)):  # figures on the stage, no faces
        x = rng.randint(150, width - 150)
        h = rng.randint(220, 320)
        draw.ellipse((x - 22, floor - h, x + 22, floor - h + 44), fill=(8, 8, 12))
        draw.rounded_rectangle((x - 40, floor - h + 50, x + 40, floor), radius=30, fill=(8, 8, 12))
    return img


def collage(rng, size):
    width, height = size
    palette = rng.choice(
        [
            [(205, 60, 50), (240, 236, 228), (32, 36, 48)],
            [(228, 182, 70), (44, 86, 120), (238, 232, 220)],
            [(90, 130, 110), (236, 228, 210), (170, 60, 60)],
        ]
    )
    img = gradient(size, palette[2], mix(palette[2], palette[1], 0.4))
    draw = ImageDraw.Draw(img, "RGBA")
    for _ in range(rng.randint(7, 12)):
        colour = (*rng.choice(palette), rng.randint(90, 200))
        x, y = rng.randint(-100, width), rng.randint(-100, height)
        w, h = rng.randint(120, 600), rng.randint(80, 500)
        if rng.random() < 0.5:
            draw.ellipse((x, y, x + w, y + w), fill=colour)
        else:
            draw.rectangle((x, y, x + w, y + h), fill=colour)
    for _ in range(rng.randint(2, 4)):  # torn-paper strips
        y = rng.randint(0, height)
        draw.polygon(
            [(0, y), (width, y + rng.randint(-200, 200)), (width, y + 40), (0, y + 30)],
            fill=(*palette[1], 160),
        )
    return img


MOTIFS = {
    "city": city,
    "river": river,
    "forest": forest,
    "field": field,
    "road": road,
    "stage": stage,
    "collage": collage,
}


@cache
def grain_and_vignette(size):
    # Drawn once per size and shared: the same grain on every picture goes unnoticed, and
    # making it is a good part of the cost of a picture.
    noise = Image.effect_noise(size, 28).convert("RGB")
    vignette = Image.radial_gradient("L").resize(size).point(lambda v: int(v * v / 255 * 0.45))
    return noise, vignette


def finish(img, rng):
    """Grain and a gentle vignette, so flat shapes read more like a photograph."""
    noise, vignette = grain_and_vignette(img.size)
    img = Image.blend(img, noise, 0.06)
    return Image.composite(Image.new("RGB", img.size), img, vignette)


def render(motif, seed, size=LEAD_SIZE):
    """JPEG bytes of one picture; the same motif and seed always give the same picture."""
    rng = rng_for(f"{motif}:{seed}")
    img = finish(MOTIFS[motif](rng, size), rng)
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()
