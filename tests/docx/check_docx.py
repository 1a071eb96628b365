#!/usr/bin/python3
"""check_docx.py - read the Word files kehoach writes with python-docx.

Usage: /usr/bin/python3 tests/docx/check_docx.py FILE.docx[=FILE.html]...

Each Word file is opened with python-docx (Debian's python3-docx), an
independent reader, and must have:
  - every section on A4 portrait, margins inside NĐ 30/2020's ranges (top
    and bottom 20-25 mm, left 30-35, right 15-20);
  - a page-number field (PAGE) in each section's header, and a different,
    blank first-page header (numbers from page 2);
  - Times New Roman as the Normal style's and the defaults' font, no other
    font named anywhere, a body size of 13-14 pt;
  - the header block as the first thing in the body: a borderless table of
    two columns, the issuer on the left, the national motto or the Party's
    heading on the right, "Số" and the place-date line under them;
  - when a rendered HTML file is given (FILE.docx=FILE.html), every
    paragraph and heading of the HTML, in the same order, as a paragraph of
    the Word file (the two writers print the same document);
  - headings (h2-h5 in the HTML) in Word's heading styles.
One line per file ("ok FILE" or "FAIL FILE: why"), then "N passed, N failed".
Exit status 0 when all passed, 1 otherwise, 2 on usage errors.

Part of kehoach; see README.md for the licence.
"""
import re
import sys

import docx
import html5lib
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"
MARGINS = {"top_margin": (20, 25), "bottom_margin": (20, 25),
           "left_margin": (30, 35), "right_margin": (15, 20)}


def mm(length):
    return length / Mm(1)


def norm(s):
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


def fail_sections(d):
    for i, s in enumerate(d.sections, 1):
        if abs(mm(s.page_width) - 210) > 0.2 or abs(mm(s.page_height) - 297) > 0.2:
            return "section %d is %.1f x %.1f mm, not A4" % (i, mm(s.page_width), mm(s.page_height))
        for name, (lo, hi) in MARGINS.items():
            v = mm(getattr(s, name))
            if not lo - 0.1 <= v <= hi + 0.1:
                return "section %d: %s %.1f mm, not %d-%d" % (i, name, v, lo, hi)
        if not s.different_first_page_header_footer:
            return "section %d: the first page has the same header (numbered)" % i
        instr = "".join(t.text or "" for t in s.header._element.iter(qn("w:instrText")))
        if "PAGE" not in instr:
            return "section %d: no PAGE field in the header" % i
        first = "".join(t.text or "" for t in s.first_page_header._element.iter(qn("w:instrText")))
        if "PAGE" in first:
            return "section %d: the first page is numbered" % i
    return None


def fail_fonts(d):
    normal = d.styles["Normal"].font
    if normal.name != FONT:
        return "Normal's font is %r" % normal.name
    if normal.size not in (Pt(13), Pt(14)):
        return "Normal's size is %s pt" % (normal.size.pt if normal.size else None)
    defaults = d.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(".//" + qn("w:rFonts")) if defaults is not None else None
    if fonts is None or fonts.get(qn("w:ascii")) != FONT:
        return "the default font is not %s" % FONT
    for part in (d.element, d.styles.element):
        for f in part.iter(qn("w:rFonts")):
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                v = f.get(qn(attr))
                if v not in (None, FONT):
                    return "a run or style names the font %r" % v
    return None


def borderless(table):
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    if borders is None:
        return False
    return all(b.get(qn("w:val")) in ("nil", "none") for b in borders)


def fail_header(d):
    body = d.element.body
    first = next((c for c in body.iterchildren() if c.tag in (qn("w:p"), qn("w:tbl"))), None)
    if first is None or first.tag != qn("w:tbl"):
        return "the body does not open with the header table"
    t = d.tables[0]
    if len(t.columns) != 2 or len(t.rows) < 2:
        return "the header table is %d x %d, not two columns, two rows" % (len(t.rows), len(t.columns))
    if not borderless(t):
        return "the header table has borders"
    issuer, nation = t.cell(0, 0).text, t.cell(0, 1).text
    if not norm(issuer):
        return "no issuer in the header"
    if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in nation and "ĐẢNG CỘNG SẢN VIỆT NAM" not in nation:
        return "no national motto or Party heading: %r" % nation
    if not norm(t.cell(1, 0).text).startswith("Số"):
        return "no 'Số' under the issuer: %r" % t.cell(1, 0).text
    if "ngày" not in t.cell(1, 1).text:
        return "no place-date line: %r" % t.cell(1, 1).text
    for other in d.tables[1:]:
        if not borderless(other):
            return "a table has borders"
    return None


def word_paragraphs(d):
    """(text, style name) of every paragraph, in tables too, in order."""
    out = []

    def walk(el):
        for c in el.iterchildren():
            if c.tag == qn("w:p"):
                p = docx.text.paragraph.Paragraph(c, d)
                out.append((norm(p.text), p.style.name if p.style is not None else ""))
            elif c.tag in (qn("w:tbl"), qn("w:tr"), qn("w:tc")):
                walk(c)
    walk(d.element.body)
    return out


def html_paragraphs(path):
    """(text, tag) of every <p> and heading of a rendered HTML file."""
    doc = html5lib.parse(open(path, "rb").read(), namespaceHTMLElements=False)
    out = []
    for el in doc.iter():
        if el.tag in ("p", "h2", "h3", "h4", "h5"):
            out.append((norm("".join(el.itertext())), el.tag))
    return out


def fail_same_text(d, html):
    words = word_paragraphs(d)
    i = 0
    for text, tag in html_paragraphs(html):
        while i < len(words) and words[i][0] != text:
            i += 1
        if i == len(words):
            return "the HTML's %s %r is not in the Word file (in order)" % (tag, text[:60])
        if tag != "p" and not words[i][1].lower().startswith("heading"):
            return "%r is a heading in the HTML, style %r in Word" % (text[:40], words[i][1])
        i += 1
    return None


def check(arg):
    path, _, html = arg.partition("=")
    try:
        d = docx.Document(path)
    except Exception as e:  # not a Word file python-docx can read
        return "python-docx cannot open it: %s" % e
    if not d.core_properties.title:
        return "no title in the file's properties"
    for test in (fail_sections, fail_fonts, fail_header):
        why = test(d)
        if why:
            return why
    if html:
        return fail_same_text(d, html)
    return None


def main(args):
    if not args:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    passed = failed = 0
    for a in args:
        why = check(a)
        if why:
            failed += 1
            print("FAIL %s: %s" % (a.partition("=")[0], why))
        else:
            passed += 1
            print("ok %s" % a.partition("=")[0])
    print("docx: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
