"""A reader of GNU gettext PO files, enough for the project's checks:
entries with their comments, flags, msgctxt, msgid, msgid_plural and
msgstr (or msgstr[N]), obsolete entries (#~) skipped."""
import re

_ESC = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r", "a": "\a", "b": "\b",
        "f": "\f", "v": "\v"}


def unquote(s):
    """The text of one C string literal as PO writes it ("…")."""
    s = s.strip()
    assert s[0] == '"' and s[-1] == '"', s
    return re.sub(r'\\(.)', lambda m: _ESC.get(m.group(1), m.group(1)), s[1:-1])


class Entry:
    def __init__(self):
        self.comments, self.flags, self.refs = [], [], []
        self.msgctxt = None
        self.msgid = None
        self.msgid_plural = None
        self.msgstr = {}          # index (0 when singular) -> text
        self.line = 0

    @property
    def fuzzy(self):
        return "fuzzy" in self.flags

    def translated(self):
        return bool(self.msgstr) and all(self.msgstr.values()) and not self.fuzzy


def read(path):
    """Every entry of PATH but the header and obsolete ones, in order."""
    entries, cur, field = [], Entry(), None

    def flush():
        nonlocal cur
        if cur.msgid is not None:
            entries.append(cur)
        cur = Entry()

    with open(path, encoding="utf-8") as f:
        for no, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip():
                flush()
                field = None
                continue
            if line.startswith("#~"):
                continue
            if line.startswith("#,"):
                cur.flags += [x.strip() for x in line[2:].split(",")]
                continue
            if line.startswith("#:"):
                cur.refs += line[2:].split()
                continue
            if line.startswith("#"):
                cur.comments.append(line)
                continue
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
            if m:
                if m.group(1) == "msgid" and cur.msgid is not None:
                    flush()
                key = m.group(1)
                if key.startswith("msgstr"):
                    field = ("msgstr", int(m.group(2) or 0))
                    cur.msgstr[field[1]] = unquote(m.group(3))
                else:
                    field = (key, None)
                    if key == "msgid":
                        cur.line = no
                    setattr(cur, key, unquote(m.group(3)))
                continue
            if line.startswith('"') and field:
                if field[0] == "msgstr":
                    cur.msgstr[field[1]] += unquote(line)
                else:
                    setattr(cur, field[0], getattr(cur, field[0]) + unquote(line))
                continue
            raise ValueError("%s:%d: cannot read %r" % (path, no, line))
    flush()
    return [e for e in entries if e.msgid != ""]
