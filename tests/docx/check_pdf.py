#!/usr/bin/python3
"""check_pdf.py - `kehoach render --pdf`, through LibreOffice.

Usage: /usr/bin/python3 tests/docx/check_pdf.py BUILD/kehoach EXAMPLE.kh...

Without LibreOffice, --pdf must fail cleanly: exit 2, a message naming
LibreOffice, no file written (checked always, by pointing KEHOACH_SOFFICE
at nothing). With it (soffice in PATH), each example must convert: exit 0,
a PDF whose pages are A4 (595 x 842 pt) and, when poppler's pdftotext is
there, whose first page holds the document's kind line. When soffice is
missing those cases are skipped with a message. Ends "N passed, N failed".

Part of kehoach; see README.md for the licence.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

passed = failed = 0


def result(name, why):
    global passed, failed
    if why:
        failed += 1
        print("FAIL %s: %s" % (name, why))
    else:
        passed += 1
        print("ok %s" % name)


def missing_libreoffice(k, example, d):
    out = os.path.join(d, "none.pdf")
    env = dict(os.environ, KEHOACH_SOFFICE=os.path.join(d, "no-soffice"))
    r = subprocess.run([k, "render", "--pdf", "-o", out, example], env=env,
                       capture_output=True, text=True, timeout=60)
    if r.returncode != 2:
        return "exit %d, expected 2" % r.returncode
    if "LibreOffice" not in r.stderr:
        return "the message does not name LibreOffice: %r" % r.stderr
    if os.path.exists(out):
        return "a file was written"
    return None


def converts(k, example, d):
    out = os.path.join(d, os.path.basename(example) + ".pdf")
    r = subprocess.run([k, "render", "--pdf", "-o", out, example],
                       capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        return "exit %d: %s" % (r.returncode, r.stderr.strip()[-300:])
    data = open(out, "rb").read()
    if not data.startswith(b"%PDF-"):
        return "not a PDF"
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]", data)
    if not boxes:
        return "no page size found"
    for w, h in boxes:
        if abs(float(w) - 595.3) > 1 or abs(float(h) - 841.9) > 1:
            return "a page is %s x %s pt, not A4" % (w.decode(), h.decode())
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", out, "-"],
                              capture_output=True, text=True).stdout
        if not re.search(r"KẾ HOẠCH|HƯỚNG DẪN|CÔNG VĂN", text):
            return "page 1 has no kind line"
    return None


def main(args):
    if len(args) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    k, examples = os.path.abspath(args[0]), args[1:]
    with tempfile.TemporaryDirectory() as d:
        result("render --pdf without LibreOffice", missing_libreoffice(k, examples[0], d))
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if not soffice:
            print("skip render --pdf of %d examples: LibreOffice (soffice) is not installed"
                  " (apt-get install libreoffice-writer-nogui)" % len(examples))
        else:
            for e in examples:
                result("render --pdf %s" % os.path.basename(e), converts(k, e, d))
    print("pdf: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
