#!/usr/bin/python3
"""The Vietnamese catalogue against the template:

    check_po.py TEMPLATE PO

Every message of TEMPLATE (freshly extracted from the sources) has a
translation in PO that is neither empty nor fuzzy; PO has no message the
sources no longer have; PO's header gives the language and its plural
forms; and each translation keeps what a reader must type or look up as
written: options (--fail-on), keywords and ids with an underscore
(nơi_nhận, thay_mặt), rule ids in brackets, and the quoted examples that
are code ('# kehoach: ignore …'). Format directives are msgfmt --check's
job. Prints one line per problem and ends with "N passed, N failed".
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import po  # noqa: E402

# What must reappear unchanged in a translation.
KEEP = re.compile(r"--[a-z][a-z-]*[a-z]|[\w/]*[^\W\d_]_[\w]+|\[[a-z]+(?:-[a-z]+)+\]|"
                  r"\b(?:TM|KT|TL|TUQ|T/M|K/T|T/L|T/UQ)\.?(?=[\s'\"),;]|$)|\bUTF-8\b|\bSARIF\b")
# Placeholders of the English text that the translation may name in Vietnamese.
PLACEHOLDER = {"RULE", "FILE", "BODY", "DIR", "AUTHORITY", "LEVEL", "TASK"}


def kept_tokens(text):
    out = []
    for t in KEEP.findall(text):
        if t.strip("_") in PLACEHOLDER or any(p in t.split("_") for p in PLACEHOLDER):
            continue
        out.append(t)
    return out


def header(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r'msgid ""\nmsgstr ""\n((?:".*"\n)+)', text)
    return "".join(po.unquote(x) for x in m.group(1).splitlines()) if m else ""


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    template, catalogue = po.read(argv[1]), po.read(argv[2])
    passed = failed = 0
    by_id = {(e.msgctxt, e.msgid): e for e in catalogue}
    wanted = {(e.msgctxt, e.msgid) for e in template}

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL: " + what)

    h = header(argv[2])
    check("Language: vi\n" in h, "po/vi.po: no 'Language: vi' in the header")
    check("Plural-Forms: nplurals=1; plural=0;" in h, "po/vi.po: the header lacks Vietnamese plural forms")
    check("charset=UTF-8" in h, "po/vi.po: the header is not UTF-8")
    for e in template:
        t = by_id.get((e.msgctxt, e.msgid))
        first = e.msgid.split("\n")[0][:70]
        if t is None:
            check(False, "not in po/vi.po (run make pot, then translate): %r" % first)
            continue
        if t.fuzzy:
            check(False, "po/vi.po:%d: fuzzy: %r" % (t.line, first))
            continue
        if not t.translated():
            check(False, "po/vi.po:%d: not translated: %r" % (t.line, first))
            continue
        if bool(e.msgid_plural) != bool(t.msgid_plural):
            check(False, "po/vi.po:%d: plural forms differ from the sources: %r" % (t.line, first))
            continue
        missing = []
        for s in t.msgstr.values():
            for tok in kept_tokens(e.msgid):
                if tok not in s and tok not in missing:
                    missing.append(tok)
        check(not missing, "po/vi.po:%d: the translation drops %s: %r" %
              (t.line, ", ".join(repr(m) for m in missing), first))
    for t in catalogue:
        if (t.msgctxt, t.msgid) not in wanted:
            check(False, "po/vi.po:%d: no longer in the sources (run make pot): %r" %
                  (t.line, t.msgid.split("\n")[0][:70]))
    print("po: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
