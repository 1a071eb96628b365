#!/usr/bin/python3
"""check_csv.py - read back the CSV files kehoach writes.

    /usr/bin/python3 tests/csv/check_csv.py [--source PLAN.kh] FILE.csv...

Which file is which is told by its header row:
  checklist  (`kehoach checklist --csv`)  must start with a UTF-8 BOM, so
             Excel reads it as UTF-8;
  schedule   (`kehoach schedule --csv`)   must not (it is data for tools);
  awards     (`kehoach awards --csv`)     a BOM, like the checklist.
For every file: strict UTF-8; rows end in CRLF; it parses with the csv
module; the header is the expected one; every row has as many columns as
the header; text is NFC and free of mojibake (UTF-8 read as Latin-1/CP1252,
"Ã¡", "á»"); writing the rows back with the csv module (CRLF, minimal
quoting, the RFC 4180 rules) gives the same bytes, so quoting is right and
the Vietnamese text round-trips. With --source, each task or meeting text
in the file (the "what" column) must also occur in the plan source, so no
character was lost or changed on the way.
Prints one line per file ("ok FILE" or "FAIL FILE: reason; reason") and
ends with "N passed, N failed". Exit status 0 when all pass, 1 otherwise.
"""
import csv
import io
import re
import sys
import unicodedata

BOM = b"\xef\xbb\xbf"
SCHEDULE = ["start", "end", "kind", "recurrence", "planned", "level", "who", "what",
            "to", "via", "uid", "as_written", "role"]
CHECKLIST = ["Đơn vị", "Việc cần làm", "Thời hạn", "Ngày hạn", "Gửi", "Qua", "Hội nghị",
             "Vai trò", "Nguồn giao", "Loại", "Mã", "Đã xong"]
AWARDS = ["Hình thức", "Tên hình thức", "Kết quả", "Thứ tự", "Dòng", "Mã", "Tên", "Điều",
          "Nội dung điều", "Lý do"]
KINDS = {"schedule": (SCHEDULE, False, "what"), "checklist": (CHECKLIST, True, "Việc cần làm"),
         "awards": (AWARDS, True, "Nội dung điều")}
# UTF-8 bytes of Vietnamese letters decoded as Latin-1 / CP1252.
MOJIBAKE = re.compile("Ã[\u0080-\u00bf]|Ä[\u0080-\u00bf]|Æ[\u0080-\u00bf]|á[»º]|Â[\u0080-\u00bf]|\ufffd")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def source_text(path):
    with open(path, encoding="utf-8") as f:
        return unicodedata.normalize("NFC", f.read())


def unescape_kh(s):
    return s.replace('\\"', '"').replace("\\\\", "\\")


def check_file(path, source):
    problems = []
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return ["cannot read: %s" % e]
    has_bom = data.startswith(BOM)
    body = data[len(BOM):] if has_bom else data
    try:
        text = body.decode("utf-8", errors="strict")
    except UnicodeDecodeError as e:
        return ["invalid UTF-8 at byte %d" % e.start]
    if not text.endswith("\r\n"):
        problems.append("last row does not end in CRLF")
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as e:
        return problems + ["does not parse: %s" % e]
    if not rows:
        return problems + ["no header row"]
    header = rows[0]
    kind = next((k for k, v in KINDS.items() if v[0] == header), None)
    if kind is None:
        return problems + ["unexpected header %r" % header]
    want_header, want_bom, what_col = KINDS[kind]
    if want_bom and not has_bom:
        problems.append("%s CSV without a UTF-8 BOM (Excel would misread it)" % kind)
    if not want_bom and has_bom:
        problems.append("%s CSV starts with a BOM" % kind)
    for n, row in enumerate(rows[1:], 2):
        if len(row) != len(header):
            problems.append("row %d: %d columns, header has %d" % (n, len(row), len(header)))
    # Bare LF or CR outside quoted fields: re-serialising shows it.
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerows(rows)
    if out.getvalue() != text:
        a, b = out.getvalue(), text
        i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
        problems.append("does not round-trip through the csv module (first difference at "
                        "character %d: %r)" % (i, b[max(0, i - 20):i + 20]))
    if not unicodedata.is_normalized("NFC", text):
        problems.append("text is not NFC")
    m = MOJIBAKE.search(text)
    if m:
        problems.append("mojibake %r" % text[max(0, m.start() - 10):m.end() + 10])
    col = header.index(what_col)
    if kind == "schedule":
        for n, row in enumerate(rows[1:], 2):
            for c in (0, 1):
                if len(row) > c and row[c] and not ISO.match(row[c]):
                    problems.append("row %d: %s %r is not YYYY-MM-DD" % (n, header[c], row[c]))
    elif kind == "awards":
        for n, row in enumerate(rows[1:], 2):
            for c in ("Thứ tự", "Dòng", "Điều"):
                v = row[header.index(c)] if len(row) == len(header) else ""
                if v and not v.isdigit():
                    problems.append("row %d: %s %r is not a number" % (n, c, v))
    else:
        c = header.index("Ngày hạn")
        for n, row in enumerate(rows[1:], 2):
            if len(row) > c and row[c] and not ISO.match(row[c]):
                problems.append("row %d: Ngày hạn %r is not YYYY-MM-DD" % (n, row[c]))
    if source is not None:
        for n, row in enumerate(rows[1:], 2):
            if len(row) <= col:
                continue
            what = row[col]
            if what.startswith("'") and what[1:2] in ("=", "+", "-", "@"):
                what = what[1:]  # the formula guard of checklists
            what = re.sub(r" \([^()]*\)$", "", what) if what not in source else what
            if what and what not in source and what.replace('"', '\\"') not in source:
                problems.append("row %d: text not found in the source: %r" % (n, what[:60]))
    return problems


def main(argv):
    args = argv[1:]
    source = None
    if len(args) >= 2 and args[0] == "--source":
        source = source_text(args[1])
        args = args[2:]
    if not args:
        print("usage: check_csv.py [--source PLAN.kh] FILE.csv...", file=sys.stderr)
        return 2
    passed = failed = 0
    for path in args:
        problems = check_file(path, source)
        if problems:
            failed += 1
            print("FAIL %s: %s" % (path, "; ".join(problems[:20])))
        else:
            passed += 1
            print("ok %s" % path)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
