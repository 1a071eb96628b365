#!/usr/bin/python3
"""The printed document is the plan: every date, body name, meeting fact,
award quota and award criterion that `kehoach json` gives a task, meeting or award form must
appear in the text of the rendered document (HTML, and the .docx when
`--docx` is given). A fact may be written in any of the forms the seeds
use ("30/8/2019", "30/08/2019", "ngày 30 tháng 8 năm 2019"; a body by its
name or its abbreviation; "01 buổi" or "1 buổi").
Usage: facts.py KEHOACH [--docx] FILE...      Ends with "N passed, N failed"."""
import html
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

K = sys.argv[1]
DOCX = "--docx" in sys.argv[2:]
FILES = [f for f in sys.argv[2:] if f != "--docx"]


def norm(s):
    s = unicodedata.normalize("NFC", s).lower()
    s = s.replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s)


def html_text(path):
    out = subprocess.run([K, "render", "--html", path], capture_output=True).stdout.decode()
    out = re.sub(r"<style.*?</style>", " ", out, flags=re.S)
    return norm(html.unescape(re.sub(r"<[^>]+>", " ", out)))


def docx_text(path):
    with tempfile.NamedTemporaryFile(suffix=".docx") as t:
        r = subprocess.run([K, "render", "--docx", "-o", t.name, path], capture_output=True)
        if r.returncode != 0:
            return None
        xml = zipfile.ZipFile(t.name).read("word/document.xml").decode()
    xml = re.sub(r"</w:p>", "\n", xml)
    return norm(html.unescape(re.sub(r"<[^>]+>", "", xml)))


def date_forms(iso):
    y, m, d = (int(x) for x in iso.split("-"))
    return ["%d/%d/%d" % (d, m, y), "%02d/%02d/%d" % (d, m, y), "%d/%02d/%d" % (d, m, y),
            "%02d/%d/%d" % (d, m, y), "ngày %d tháng %d năm %d" % (d, m, y),
            "ngày %02d tháng %02d năm %d" % (d, m, y), "%d tháng %d năm %d" % (d, m, y)]


def window_forms(w):
    """How a dated window is written: its end day, or for a month, quarter,
    year or ten-day period the words of that window."""
    p, s, e = w.get("precision"), w.get("start"), w.get("end")
    if not e:
        return []
    y, m, _ = (int(x) for x in e.split("-"))
    if p == "month":
        return ["tháng %d/%d" % (m, y), "tháng %02d/%d" % (m, y), "tháng %d năm %d" % (m, y)]
    if p == "decade":
        return ["tuần tháng %d/%d" % (m, y), "tuần tháng %d năm %d" % (m, y),
                "tuần tháng %02d/%d" % (m, y)]
    if p == "quarter":
        return ["quý i/%d" % y, "quý ii/%d" % y, "quý iii/%d" % y, "quý iv/%d" % y]
    if p in ("year", "year_end"):
        return ["năm %d" % y]
    if w.get("type") == "from":
        return date_forms(s)
    return date_forms(e)


LEVEL_WORDS = ("xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "thành phố", "tỉnh")


def body_forms(ref):
    """The body's name, and without its level word at the end, as a
    document names its own bodies ("Ban Thường vụ Đảng ủy" in the xã's
    own plan; kehoach's name matching accepts the same)."""
    forms = []
    name = ref.get("name")
    if name:
        forms.append(name)
        for w in LEVEL_WORDS:
            if name.endswith(" " + w):
                forms.append(name[:-len(w) - 1])
    return forms


def facts(doc):
    """(what, [acceptable forms]) for every fact the printed page must carry."""
    plan = doc.get("plan") or {}
    abbr = {b["id"]: b.get("abbr") for b in doc.get("bodies", [])}
    out = []

    def body(kind, ref):
        if ref and ref.get("body"):
            forms = body_forms(ref) + ([abbr[ref["body"]]] if abbr.get(ref["body"]) else [])
            out.append(("%s %s" % (kind, ref["body"]), forms))

    def whens(owner, ws):
        for w in ws:
            if w.get("start") and w.get("type") not in ("recurrence", "tba"):
                out.append(("date of %s (%s)" % (owner, w.get("text")), window_forms(w)))

    for t in plan.get("tasks", []):
        for k in ("owners", "cooperate", "send_to", "via"):
            for r in t.get(k, []):
                body("%s of %s:" % (k, t["id"]), r)
        whens("task " + t["id"], t.get("due", []))
    for m in plan.get("meetings", []):
        out.append(("meeting " + m["id"], [m["name"]] if m.get("name") else []))
        for c in m.get("chairs", []):
            body("chair of %s:" % m["id"], c.get("ref"))
        if m.get("organiser"):
            body("organiser of %s:" % m["id"], m["organiser"])
        hd = m.get("duration_half_days")
        if hd:
            n = hd / 2
            forms = (["%d buổi" % hd, "%02d buổi" % hd] if hd <= 2 else []) + \
                ["%g ngày" % n, "%02d ngày" % n if n == int(n) else "%g ngày" % n]
            if hd == 1:
                forms += ["½ ngày", "nửa ngày"]
            out.append(("length of %s" % m["id"], forms))
        for lw in m.get("when", []):
            whens("meeting %s at %s" % (m["id"], lw.get("level")), lw.get("when", []))
    awards = plan.get("awards") or {}
    for f in awards.get("forms", []):
        for key, what in (("quota", ""), ("quota_collective", " tập thể"), ("quota_individual", " cá nhân")):
            q = f.get(key)
            if q not in (None, -1):
                out.append(("%s of %s" % (key, f["id"]), ["%d%s" % (q, what), "%02d%s" % (q, what)]))
        if f.get("name"):
            out.append(("award form %s" % f["id"], [f["name"]]))
        criteria(f, awards.get("attributes", []), out)
    return out


def criteria(f, attributes, out):
    """An award form's criteria: each rule's and exception's text, the
    statutory criteria, the quota per value, the ranking's attributes."""
    header = {a["id"]: a.get("header") or a["id"] for a in attributes}
    for i, r in enumerate(f.get("rules", [])):
        what = "%s %d of %s" % ("exclusion" if r.get("exclude") else "rule", i + 1, f["id"])
        if r.get("text"):
            out.append((what, [r["text"]]))
        if (r.get("unless") or {}).get("text"):
            out.append(("exception of " + what, [r["unless"]["text"]]))
    if f.get("criteria_by_law"):
        out.append(("criteria by law of %s" % f["id"], ["Luật Thi đua, khen thưởng"]))
    q = f.get("quota_each")
    if q:
        out.append(("quota per %s of %s" % (q["attr"], f["id"]),
                    ["%s %02d" % (header.get(q["attr"], q["attr"]), q["n"]),
                     "%s %d" % (header.get(q["attr"], q["attr"]), q["n"])]))
        for x in q.get("except", []):
            out.append(("quota of %s in %s" % (x["value"], f["id"]),
                        ["%s %02d" % (x["value"], x["n"]), "%s %d" % (x["value"], x["n"])]))
    for k in f.get("rank", []):
        out.append(("ranking by %s in %s" % (k["attr"], f["id"]), [header.get(k["attr"], k["attr"])]))


passed = failed = 0
for path in FILES:
    r = subprocess.run([K, "json", path], capture_output=True)
    if r.returncode != 0:
        print("skip %s (does not resolve)" % path)
        continue
    texts = {"html": html_text(path)}
    if DOCX:
        texts["docx"] = docx_text(path)
    for fmt, text in texts.items():
        if text is None:
            failed += 1
            print("FAIL %s: no %s output" % (path, fmt))
            continue
        missing = [what for what, forms in facts(json.loads(r.stdout))
                   if forms and not any(norm(x) in text for x in forms)]
        if missing:
            failed += 1
            print("FAIL %s (%s): %d facts not on the page: %s" % (path, fmt, len(missing),
                                                               "; ".join(missing[:8])))
        else:
            passed += 1
            print("ok   %s (%s)" % (path, fmt))
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
