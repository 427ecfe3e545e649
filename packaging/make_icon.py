"""Draw Tickler's icon (a calendar page with a check mark) into resources/icons/tickler.png and .ico.

Run from the repository root: `python packaging/make_icon.py`. The outputs are committed; rerun only to
change the design. Drawn at 1024 px and scaled down so small sizes stay crisp.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
ICO_SIZES = [(16, 16), (20, 20), (24, 24), (32, 32), (40, 40), (48, 48), (64, 64), (128, 128), (256, 256)]

BLUE = (37, 99, 175, 255)  # header band and binding rings
PAGE = (255, 255, 255, 255)
OUTLINE = (30, 64, 120, 255)
GREEN = (34, 160, 90, 255)  # the check mark: the obligation is done
GRID = (205, 215, 230, 255)


def draw(size: int = 1024) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    s = size / 1024
    radius = round(110 * s)
    body = (round(96 * s), round(150 * s), round(928 * s), round(944 * s))
    d.rounded_rectangle(body, radius=radius, fill=PAGE, outline=OUTLINE, width=round(34 * s))
    header = (body[0], body[1], body[2], round(372 * s))
    d.rounded_rectangle(header, radius=radius, fill=BLUE, outline=OUTLINE, width=round(34 * s))
    d.rectangle((body[0] + round(17 * s), round(300 * s), body[2] - round(17 * s), round(372 * s)), fill=BLUE)
    d.line((body[0], round(372 * s), body[2], round(372 * s)), fill=OUTLINE, width=round(34 * s))
    for x in (300, 724):  # binding rings
        d.rounded_rectangle(
            (round((x - 44) * s), round(70 * s), round((x + 44) * s), round(250 * s)),
            radius=round(44 * s),
            fill=PAGE,
            outline=OUTLINE,
            width=round(26 * s),
        )
    for y in (520, 660, 800):  # faint day grid behind the check
        d.line((round(170 * s), round(y * s), round(854 * s), round(y * s)), fill=GRID, width=round(14 * s))
    check = [(300, 640), (450, 790), (740, 470)]
    d.line([(round(x * s), round(y * s)) for x, y in check], fill=GREEN, width=round(96 * s), joint="curve")
    for x, y in (check[0], check[2]):  # round the stroke ends
        r = round(48 * s)
        d.ellipse((round(x * s) - r, round(y * s) - r, round(x * s) + r, round(y * s) + r), fill=GREEN)
    return image


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.Resampling.LANCZOS).save(ICONS / "tickler.png", optimize=True)
    big.resize((512, 512), Image.Resampling.LANCZOS).save(ICONS / "tickler-512.png", optimize=True)
    big.save(ICONS / "tickler.ico", sizes=ICO_SIZES)


if __name__ == "__main__":
    main()
