"""Build the site's WOFF2 fonts from Debian's fonts-noto-core (SIL Open Font License 1.1).

    apt-get install fonts-noto-core
    .venv/bin/python frontend/fonts/subset.py   # fonttools and brotli: requirements-dev.lock

Noto Serif and Noto Sans carry no reserved font name, so these subsets may keep their names.
Each file keeps Latin, Cyrillic with the Belarusian letters (ў, і) and the punctuation our
editions use, without hinting: that keeps every file under 40 KB. The results are committed
to frontend/static/frontend/fonts/ with the licence (OFL.txt), so neither the build nor a
reader needs anything else.
"""

import sys
from pathlib import Path

from fontTools import subset

SOURCE = Path("/usr/share/fonts/truetype/noto")
TARGET = Path(__file__).resolve().parent.parent / "static" / "frontend" / "fonts"
FACES = {
    "serif-regular": "NotoSerif-Regular.ttf",
    "serif-bold": "NotoSerif-Bold.ttf",
    "serif-italic": "NotoSerif-Italic.ttf",
    "sans-regular": "NotoSans-Regular.ttf",
    "sans-bold": "NotoSans-Bold.ttf",
}
UNICODES = ",".join(
    [
        "U+0020-007E",  # ASCII
        "U+00A0-00FF",  # Latin-1: «», №-like signs, accented letters in names
        "U+0131,U+0152-0153,U+02C6,U+02DA,U+02DC",
        "U+0400-045F,U+0490-0491",  # Cyrillic: Belarusian ў і, Russian, Ukrainian ґ
        "U+2010-2015,U+2018-201E,U+2022,U+2026,U+2030,U+2032-2033,U+2039-203A",  # dashes, quotes
        "U+20AC,U+20BD,U+2116,U+2122,U+2190-2193,U+2212",  # € ₽ № ™ arrows minus
    ]
)
LIMIT = 40 * 1024


def build(name, source):
    target = TARGET / f"{name}.woff2"
    subset.main(
        [
            str(SOURCE / source),
            f"--unicodes={UNICODES}",
            "--flavor=woff2",
            "--layout-features=kern,liga,lnum,tnum,case",
            "--no-hinting",
            "--desubroutinize",
            f"--output-file={target}",
        ]
    )
    return target.stat().st_size


def main():
    TARGET.mkdir(parents=True, exist_ok=True)
    too_big = []
    for name, source in FACES.items():
        size = build(name, source)
        print(f"{name}.woff2 {size} bytes")
        if size >= LIMIT:
            too_big.append(name)
    if too_big:
        sys.exit(f"over {LIMIT} bytes: {', '.join(too_big)}")


if __name__ == "__main__":
    main()
