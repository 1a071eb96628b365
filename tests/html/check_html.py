#!/usr/bin/python3
"""check_html.py - validate the HTML that kehoach writes (render, outline).

Usage: /usr/bin/python3 tests/html/check_html.py FILE.html...

Each file is parsed with html5lib in strict mode, so any HTML5 parse error
(a stray end tag, a missing doctype, a misnested element) fails it. Then:
  - the bytes are valid UTF-8;
  - <html lang="vi">;
  - a UTF-8 declaration: <meta charset="utf-8"> (or the http-equiv form);
  - the document is self-contained: no external stylesheet, script, image
    or frame, and no url() in inline CSS other than data: URLs.
One line per file ("ok FILE" or "FAIL FILE: why"), then "N passed, N failed".
Exit status 0 when all passed, 1 otherwise, 2 on usage errors.
Needs Debian's python3-html5lib.

Part of kehoach; see README.md for the licence.
"""
import re
import sys

import html5lib

EXTERNAL = {  # tag -> attribute that would load something
    "link": "href", "script": "src", "img": "src", "iframe": "src",
    "frame": "src", "embed": "src", "object": "data", "source": "src",
    "audio": "src", "video": "src", "input": "src",
}
CSS_URL = re.compile(r"url\(\s*['\"]?(?!data:)", re.I)


def check(path):
    """Returns None when PATH passes, else the reason it fails."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return "cannot read: %s" % e.strerror
    try:
        data.decode("utf-8", errors="strict")
    except UnicodeDecodeError as e:
        return "not UTF-8 at byte %d" % e.start
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        doc = parser.parse(data, transport_encoding="utf-8")
    except html5lib.html5parser.ParseError as e:
        line, col = parser.errors[-1][0] if parser.errors else (0, 0)
        return "parse error at line %s, column %s: %s" % (line, col, e)

    if doc.tag != "html" or doc.get("lang") != "vi":
        return '<html> has lang="%s", expected lang="vi"' % doc.get("lang")

    utf8 = False
    for meta in doc.iter("meta"):
        charset = (meta.get("charset") or "").strip().lower()
        equiv = (meta.get("http-equiv") or "").strip().lower()
        content = (meta.get("content") or "").replace(" ", "").lower()
        if charset in ("utf-8", "utf8") or (
                equiv == "content-type" and "charset=utf-8" in content):
            utf8 = True
    if not utf8:
        return 'no <meta charset="utf-8">'

    for tag, attr in EXTERNAL.items():
        for el in doc.iter(tag):
            value = el.get(attr)
            if value and not value.startswith(("data:", "#")):
                return "external resource <%s %s=\"%s\">" % (tag, attr, value)
    for style in doc.iter("style"):
        if CSS_URL.search(style.text or ""):
            return "inline CSS loads a url()"
    for el in doc.iter():
        if isinstance(el.tag, str) and CSS_URL.search(el.get("style") or ""):
            return "a style attribute loads a url()"
    return None


def main(argv):
    if not argv:
        print("usage: check_html.py FILE.html...", file=sys.stderr)
        return 2
    passed = failed = 0
    for path in argv:
        why = check(path)
        if why is None:
            passed += 1
            print("ok %s" % path)
        else:
            failed += 1
            print("FAIL %s: %s" % (path, why))
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
