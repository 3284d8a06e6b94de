# SPDX-License-Identifier: GPL-2.0-or-later
"""Reading meeting sheets back: pdftotext/pdfinfo/pdftoppm (poppler-utils) and pixel counts with QImage."""
import subprocess
import unicodedata


def pdf_text(path):
    """pdftotext output as written, not normalised: the export maps the Kangxi radicals Qt writes for
    some ideographs (目 → ⽬) back (core.reports.pdf_text), so a search for the project name works."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True).stdout
    return out.decode("utf-8")


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def render_page(path, out_prefix, dpi=60, page=1):
    """Render one PDF page with pdftoppm and return it as a QImage."""
    from qgis.PyQt.QtGui import QImage
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile",
                    str(path), str(out_prefix)], check=True)
    image = QImage(f"{out_prefix}.png")
    assert not image.isNull(), f"pdftoppm produced no image for {path}"
    return image


def count_pixels(image, rect_px, predicate, step=2):
    """(matching, total) pixels of ``image`` inside ``rect_px`` = (x, y, w, h), sampled every ``step``."""
    x0, y0, w, h = (int(v) for v in rect_px)
    hits = total = 0
    for y in range(max(y0, 0), min(y0 + h, image.height()), step):
        for x in range(max(x0, 0), min(x0 + w, image.width()), step):
            colour = image.pixelColor(x, y)
            total += 1
            hits += predicate(colour.red(), colour.green(), colour.blue())
    return hits, total


def is_conflict_red(r, g, b):
    return r > 190 and g < 60 and b < 60


def is_not_white(r, g, b):
    return r < 245 or g < 245 or b < 245


def is_paddy_blue(r, g, b):
    """The paddy hatch (0, 80, 200), also where antialiasing blends it with the plot fill."""
    return b > g + 20 and b > r + 60


def open_demo_layer(demo_paths, which, name):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(f"{demo_paths[which]}|layername={name}", name, "ogr")
    assert layer.isValid(), f"{demo_paths[which]}: cannot open layer {name}"
    return layer
