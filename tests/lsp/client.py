#!/usr/bin/python3
"""A scripted LSP client for `kehoach lsp` (Python's standard library only).

It speaks the protocol as an editor does (Content-Length framing, JSON-RPC
2.0) and checks what the server promises: check's findings, at the
editor's UTF-16 positions, on a buffer that is not saved (imports read from
disk) and has Vietnamese text, an astral character and a decomposed (NFD)
line before the errors; the findings following each change; completion,
hover and definition (into an import and the stdlib); documents kept
apart; errors for malformed headers and JSON, and the exit codes.
Ends with "N passed, N failed".
Usage: tests/lsp/client.py BUILD/kehoach"""
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import unicodedata
import urllib.parse

K = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/kehoach")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STDLIB = os.path.join(ROOT, "stdlib")
TIMEOUT = 120  # the ASan build on a loaded machine
passed = failed = 0
# As tests/run.sh sets them: the sanitizer build frees nothing by design.
os.environ.setdefault("ASAN_OPTIONS", "detect_leaks=0:abort_on_error=1")


def result(name, msg):
    global passed, failed
    if msg is None:
        passed += 1
        print("ok   %s" % name)
    else:
        failed += 1
        print("FAIL %s: %s" % (name, msg))


def uri_of(path):
    return "file://" + urllib.parse.quote(os.path.abspath(path))


def u16(s):
    """Length of S in UTF-16 code units, as LSP counts."""
    return len(s.encode("utf-16-le")) // 2


def index_of_u16(line, units):
    """The Python index (code points) of UTF-16 offset UNITS of LINE."""
    at = 0
    for i, ch in enumerate(line):
        if at >= units:
            return i
        at += 2 if ord(ch) > 0xFFFF else 1
    return len(line)


class Server:
    """kehoach lsp in a child process; a thread reads its messages."""

    def __init__(self, *args, cwd=None):
        self.p = subprocess.Popen([K, "lsp"] + list(args), stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
        self.q = queue.Queue()
        self.next_id = 1
        self.logs = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.p.stdout
        try:
            while True:
                headers = {}
                while True:
                    line = out.readline()
                    if not line:
                        self.q.put(None)
                        return
                    line = line.rstrip(b"\r\n")
                    if not line:
                        break
                    k, _, v = line.partition(b":")
                    headers[k.strip().lower()] = v.strip()
                n = int(headers[b"content-length"])
                body = out.read(n)
                self.q.put(json.loads(body.decode("utf-8")))
        except Exception as e:  # a broken frame is a failure the tests see
            self.q.put({"broken": repr(e)})

    def raw(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, obj, ascii=False):
        body = json.dumps(obj, ensure_ascii=ascii).encode("utf-8")
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params=None):
        m = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            m["params"] = params
        self.send(m)

    def request(self, method, params=None):
        i = self.next_id
        self.next_id += 1
        m = {"jsonrpc": "2.0", "id": i, "method": method}
        if params is not None:
            m["params"] = params
        self.send(m)
        return self.wait(lambda m: m.get("id") == i and "method" not in m)

    def wait(self, want):
        """The next message WANT accepts (log messages are kept aside)."""
        while True:
            m = self.q.get(timeout=TIMEOUT)
            if m is None:
                raise EOFError("the server closed its output")
            if "broken" in m:
                raise ValueError("bad frame from the server: " + m["broken"])
            if m.get("method") == "window/logMessage":
                self.logs.append(m["params"]["message"])
                continue
            if want(m):
                return m
            raise ValueError("unexpected message: %s" % json.dumps(m)[:300])

    def diagnostics(self, uri):
        m = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        if m["params"]["uri"] != uri:
            raise ValueError("diagnostics for %s, not %s" % (m["params"]["uri"], uri))
        return m["params"]

    def error(self):
        return self.wait(lambda m: "error" in m)

    def initialize(self):
        r = self.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
        self.notify("initialized", {})
        return r

    def finish(self):
        try:
            self.p.stdin.close()
        except OSError:
            pass
        return self.p.wait(timeout=TIMEOUT)


def check_json(path):
    r = subprocess.run([K, "check", "--format", "json", path], capture_output=True,
                       timeout=TIMEOUT, cwd=os.path.dirname(path))
    return json.loads(r.stdout)["findings"]


SEVERITY = {"error": 1, "warning": 2, "note": 3}


def same_as_check(text, diags, folder, name="copy-for-check.kh"):
    """DIAGS (the server's, for buffer TEXT) against `kehoach check` on the
    same text saved in FOLDER: the same findings, in order, and each LSP
    range covering, in the buffer, exactly what check's columns cover in
    the NFC text."""
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    try:
        want = [x for x in check_json(path) if "suppressed" not in x]
    finally:
        os.unlink(path)
    if len(want) != len(diags):
        return "check has %d findings, the server %d: %s / %s" % (
            len(want), len(diags), [x["rule"] for x in want], [d.get("code") for d in diags])
    raw_lines = text.replace("\r\n", "\n").split("\n")
    for w, d in zip(want, diags):
        if (d.get("code"), d.get("severity"), d.get("source")) != (
                w["rule"], SEVERITY[w["severity"]], "kehoach"):
            return "server %r, check %r" % (d, w)
        if os.path.basename(w["file"]) != name:
            continue  # in another file: shown at the top (tested apart)
        if d["message"] != w["message"]:
            return "message %r, check %r" % (d["message"], w["message"])
        s, e = d["range"]["start"], d["range"]["end"]
        raw = raw_lines[s["line"]]
        nfc = unicodedata.normalize("NFC", raw)
        a = index_of_u16(raw, s["character"])
        if s["line"] != w["line"] - 1 or unicodedata.normalize("NFC", raw[:a]) != nfc[:w["column"] - 1]:
            return "%s starts at %r, check says %d:%d" % (w["rule"], s, w["line"], w["column"])
        if e["line"] == s["line"] and w["end_line"] == w["line"]:
            b = index_of_u16(raw, e["character"])
            if unicodedata.normalize("NFC", raw[a:b]) != nfc[w["column"] - 1:w["end_column"] - 1]:
                return "%s covers %r in the buffer, check %r" % (
                    w["rule"], raw[a:b], nfc[w["column"] - 1:w["end_column"] - 1])
    return None


def nfd(s):
    return unicodedata.normalize("NFD", s)


# The plan the editor has open, unsaved: it imports a file on disk and the
# stdlib. Line 9 has diacritics and an astral character before its error;
# line 10 is decomposed (NFD) before its own.
PLAN = "\n".join([
    'import "vn/hierarchy"',
    'import "./other.kh"',
    '',
    'cơ_quan ubnd_tinh "Ủy ban nhân dân tỉnh" cấp tỉnh',
    'kế_hoạch "12/KH-UBND" {',
    '  ban_hành ubnd_tinh',
    '  ngày 16/8/2019',
    '  trích_yếu "Tổng kết 10 năm"',
    '  nhiệm_vụ bc_xa "Báo cáo 𝐀 của xã" { giao cấp xã; gửi ubnd_tnh }',
    nfd('  nhiệm_vụ bc_ho "Gửi kết quả" { giao ubnd_tinhh }'),
    '  nhiệm_vụ bc_huyen "Gửi báo cáo tổng kết" {',
    '    giao so_noi_vu',
    '    hạn trước 13/9/2019',
    '    sau bc_xa',
    '  }',
    '}',
    ''])
OTHER = 'cơ_quan so_noi_vu "Sở Nội vụ tỉnh" cấp tỉnh\n'
STDLIB_TINH = next(i for i, l in enumerate(open(os.path.join(STDLIB, "vn", "hierarchy.kh"),
                                                encoding="utf-8"))
                   if l.startswith("cấp tỉnh "))


def line_of(text, needle):
    for i, l in enumerate(text.split("\n")):
        if needle in l:
            return i, u16(l[:l.index(needle)])
    raise ValueError(needle)


def find(diags, code, line):
    for d in diags:
        if d.get("code") == code and d["range"]["start"]["line"] == line:
            return d
    return None


def collector(out):
    """A function that runs one case and keeps its name and failure."""
    def case(name, fn):
        try:
            msg = fn()
        except Exception as e:
            msg = "exception: %r" % (e,)
        out.append((name, msg))
    return case


def sanitizer(s):
    """A failed case when the (ASan) server reported a memory error."""
    err = s.p.stderr.read().decode("utf-8", "replace")
    if "ERROR: AddressSanitizer" in err or "runtime error" in err:
        return [("no sanitizer report", err[:2000])]
    return []


def session_document(d):
    """The main scenario, one server; returns the failed cases' messages."""
    out = []
    case = collector(out)

    with open(os.path.join(d, "other.kh"), "w", encoding="utf-8") as f:
        f.write(OTHER)
    plan = os.path.join(d, "plan.kh")  # never written: the buffer is all there is
    uri = uri_of(plan)
    s = Server(cwd=d)
    st = {}

    def init():
        r = s.initialize()["result"]["capabilities"]
        if r.get("textDocumentSync", {}).get("change") != 1 or not r.get("hoverProvider") \
                or not r.get("definitionProvider") or "completionProvider" not in r:
            return "capabilities %r" % r
    case("initialize: full sync, completion, hover, definition", init)

    def open_doc():
        s.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "kehoach", "version": 1, "text": PLAN}})
        p = s.diagnostics(uri)
        st["diags"] = p["diagnostics"]
        if p.get("version") != 1:
            return "version %r" % p.get("version")
        return same_as_check(PLAN, p["diagnostics"], d)
    case("didOpen (unsaved buffer, imports from disk): check's findings at the editor's positions",
         open_doc)

    def astral_line():
        line, ch = line_of(PLAN, "ubnd_tnh")
        x = find(st["diags"], "undeclared-id", line)
        if not x:
            return "no undeclared-id on line %d: %r" % (line, st["diags"])
        want = {"start": {"line": line, "character": ch},
                "end": {"line": line, "character": ch + len("ubnd_tnh")}}
        if x["range"] != want:
            return "range %r, want %r" % (x["range"], want)
        if "did you mean 'ubnd_tinh'" not in x["message"]:
            return x["message"]
    case("error after diacritics and an astral character: UTF-16 columns", astral_line)

    def nfd_line():
        line, ch = line_of(PLAN, "ubnd_tinhh")
        x = find(st["diags"], "undeclared-id", line)
        if not x or x["range"]["start"] != {"line": line, "character": ch}:
            return "want %d:%d, got %r" % (line, ch, x and x["range"])
    case("error after decomposed (NFD) text: the buffer's columns, not NFC's", nfd_line)

    fixed = PLAN.replace("ubnd_tnh", "ubnd_tinh").replace(nfd("ubnd_tinhh"), "ubnd_tinh")

    def change():
        s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                           "contentChanges": [{"text": fixed}]})
        p = s.diagnostics(uri)
        if p.get("version") != 2 or any(x["code"] == "undeclared-id" for x in p["diagnostics"]):
            return "after the fix: %r" % p
        return same_as_check(fixed, p["diagnostics"], d)
    case("didChange (full text): the findings follow, as check's", change)

    def incremental():
        line, ch = line_of(fixed, "so_noi_vu")
        rng = {"start": {"line": line, "character": ch},
               "end": {"line": line, "character": ch + len("so_noi_vu")}}
        s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                           "contentChanges": [{"range": rng, "text": "sở_x"}]})
        p = s.diagnostics(uri)
        x = find(p["diagnostics"], "undeclared-id", line)
        if not x or x["range"]["start"] != rng["start"]:
            return "after a ranged change: %r" % p["diagnostics"]
        s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4},
                                           "contentChanges": [{"text": fixed}]})
        p = s.diagnostics(uri)
        return same_as_check(fixed, p["diagnostics"], d)
    case("didChange with a range: applied to the buffer", incremental)

    def completion():
        line, ch = line_of(fixed, "sau bc_xa")
        r = s.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                  "position": {"line": line, "character": ch}})
        labels = {i["label"] for i in r["result"]["items"]}
        missing = {"nhiệm_vụ", "task", "nhiem_vu", "hạn", "ubnd_tinh", "bc_huyen", "so_noi_vu",
                   "tỉnh"} - labels
        if missing:
            return "missing %s" % sorted(missing)
        kinds = {i["label"]: i["kind"] for i in r["result"]["items"]}
        if kinds["task"] != 14 or kinds["ubnd_tinh"] == 14:
            return "kinds %r %r" % (kinds["task"], kinds["ubnd_tinh"])
    case("completion: keywords in both languages, declared ids (plan, import, stdlib)", completion)

    def hover():
        line, ch = line_of(fixed, "ban_hành ubnd_tinh")
        r = s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {
            "line": line, "character": ch + u16("ban_hành ubnd_")}})["result"]
        v = r["contents"]["value"]
        for want in ("body", "ubnd_tinh", "Ủy ban nhân dân tỉnh", "line 4"):
            if want not in v:
                return "%r not in %r" % (want, v)
        if r["range"]["start"] != {"line": line, "character": ch + u16("ban_hành ")}:
            return "range %r" % r["range"]
        line, ch = line_of(fixed, "sau bc_xa")
        v = s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {
            "line": line, "character": ch + 6}})["result"]["contents"]["value"]
        if "task" not in v or "line 9" not in v or "Báo cáo" not in v:
            return v
        v = s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {
            "line": 8, "character": 4}})["result"]["contents"]["value"]
        if "task" not in v or "keyword" not in v:
            return "on nhiệm_vụ: %r" % v
        r = s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {
            "line": 2, "character": 0}})
        if r["result"] is not None:
            return "on an empty line: %r" % r
    case("hover: an id's declaration (kind, name, line), a keyword's meaning", hover)

    def definition():
        line, ch = line_of(fixed, "ban_hành ubnd_tinh")
        r = s.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": {
            "line": line, "character": ch + u16("ban_hành u")}})["result"]
        dl, dc = line_of(fixed, "ubnd_tinh \"")
        if r["uri"] != uri or r["range"]["start"] != {"line": dl, "character": dc}:
            return "in the plan: %r" % r
        line, ch = line_of(fixed, "giao so_noi_vu")
        r = s.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": {
            "line": line, "character": ch + u16("giao so")}})["result"]
        if r["uri"] != uri_of(os.path.join(d, "other.kh")) or r["range"]["start"] != {
                "line": 0, "character": u16("cơ_quan ")}:
            return "into the import: %r" % r
        line, ch = line_of(fixed, "cấp tỉnh")
        r = s.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": {
            "line": line, "character": ch + u16("cấp tỉ")}})["result"]
        if not r or urllib.parse.unquote(r["uri"]) != "file://" + os.path.realpath(
                os.path.join(STDLIB, "vn", "hierarchy.kh")) or r["range"]["start"] != {
                "line": STDLIB_TINH, "character": u16("cấp ")}:
            return "into the stdlib: %r (want line %d)" % (r, STDLIB_TINH)
        r = s.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": {
            "line": 1, "character": 10}})["result"]
        if not r or r["uri"] != uri_of(os.path.join(os.path.realpath(d), "other.kh")):
            return "on import \"./other.kh\": %r" % r
    case("definition: in the plan, in an imported file, in the stdlib, an import's file",
         definition)

    other_dir = os.path.join(d, "b")
    os.mkdir(other_dir)
    uri_b = uri_of(os.path.join(other_dir, "b.kh"))

    def apart():
        text_b = 'cơ_quan chi_o_b "Chỉ ở B"\n'
        s.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri_b, "languageId": "kehoach", "version": 1, "text": text_b}})
        p = s.diagnostics(uri_b)
        if p["diagnostics"]:
            return "B: %r" % p["diagnostics"]
        pos = {"line": 0, "character": 0}
        la = {i["label"] for i in s.request("textDocument/completion", {
            "textDocument": {"uri": uri}, "position": pos})["result"]["items"]}
        lb = {i["label"] for i in s.request("textDocument/completion", {
            "textDocument": {"uri": uri_b}, "position": pos})["result"]["items"]}
        if "chi_o_b" in la or "ubnd_tinh" in lb or "chi_o_b" not in lb or "tỉnh" in lb:
            return "A sees B's ids or B A's (or the stdlib it does not import)"
        r = s.request("textDocument/hover", {"textDocument": {"uri": uri_b}, "position": {
            "line": 0, "character": 10}})["result"]
        if "Chỉ ở B" not in r["contents"]["value"]:
            return r
    case("two documents: neither sees the other's declarations", apart)

    def close():
        s.notify("textDocument/didClose", {"textDocument": {"uri": uri_b}})
        p = s.diagnostics(uri_b)
        if p["diagnostics"]:
            return "close: %r" % p
        r = s.request("textDocument/hover", {"textDocument": {"uri": uri_b}, "position": {
            "line": 0, "character": 10}})
        if r["result"] is not None:
            return "hover on a closed document: %r" % r
    case("didClose: its diagnostics cleared, the document forgotten", close)

    def save():
        with open(os.path.join(d, "other.kh"), "w", encoding="utf-8") as f:
            f.write('cơ_quan so_khac "Sở khác" cấp tỉnh\n')
        s.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        p = s.diagnostics(uri)
        line, _ = line_of(fixed, "giao so_noi_vu")
        if not find(p["diagnostics"], "undeclared-id", line):
            return "an import changed on disk, then didSave: %r" % p["diagnostics"]
    case("didSave: imports read again from disk", save)

    def example():
        path = os.path.join(ROOT, "examples", "297-HD-UBND-2019.kh")
        text = open(path, encoding="utf-8").read()
        ex = uri_of(path)
        s.notify("textDocument/didOpen", {"textDocument": {
            "uri": ex, "languageId": "kehoach", "version": 7, "text": text}})
        p = s.diagnostics(ex)
        if not p["diagnostics"]:
            return "no findings"
        rel = [r for x in p["diagnostics"] for r in x.get("relatedInformation", [])]
        if not any(r["location"]["uri"].endswith("/stdlib/vn/awards.kh") for r in rel):
            return "no note in the stdlib: %r" % rel
        return same_as_check(text, p["diagnostics"], os.path.dirname(path),
                             ".lsp-test-copy-%d.kh" % os.getpid())
    case("an example plan: the same warnings as check, notes pointing into the stdlib", example)

    def lifecycle():
        r = s.request("shutdown")
        if "result" not in r or r["result"] is not None:
            return "shutdown: %r" % r
        i = s.next_id
        s.send({"jsonrpc": "2.0", "id": i, "method": "textDocument/hover", "params": {}})
        e = s.error()
        if e["id"] != i or e["error"]["code"] != -32600:
            return "a request after shutdown: %r" % e
        s.notify("exit")
        rc = s.p.wait(timeout=TIMEOUT)
        if rc != 0:
            return "exit after shutdown: %d" % rc
    case("shutdown, then exit: code 0", lifecycle)
    return out + sanitizer(s)


def session_bad_input():
    """Malformed frames and messages, one server; each gets an error and the
    server answers the next good message."""
    out = []
    s = Server()
    case = collector(out)

    def before_init():
        s.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///x.kh", "text": "x"}})
        r = s.request("textDocument/hover", {})
        if r.get("error", {}).get("code") != -32002:
            return r
        s.initialize()
    case("before initialize: requests refused with -32002, notifications dropped", before_init)

    def expect(data, code, name):
        s.raw(data)
        e = s.error()
        if e["error"]["code"] != code or ("id" in e and e["id"] is not None and code == -32700):
            return "%s: %r" % (name, e)
        r = s.request("kehoach/probe")
        if r.get("error", {}).get("code") != -32601:
            return "after %s, the next request: %r" % (name, r)
        return None

    def body(b):
        return b"Content-Length: %d\r\n\r\n" % len(b) + b

    cases = [
        ("invalid JSON", body(b'{"jsonrpc": "2.0", "id": 1,'), -32700),
        ("a trailing comma", body(b'{"jsonrpc": "2.0", "id": 1, "method": "x",}'), -32700),
        ("invalid UTF-8", body(b'{"jsonrpc": "2.0", "method": "\xff"}'), -32700),
        ("nesting 100,000 deep", body(b"[" * 100000 + b"]" * 100000), -32700),
        ("a header with no Content-Length",
         b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}", -32700),
        ("a header line that is no header", b"hello there\r\n\r\n", -32700),
        ("Content-Length not a number", b"Content-Length: 12a\r\n\r\n{}", -32700),
        ("a header line over 8 KiB", b"X-Long: " + b"a" * 20000 + b"\r\n\r\n", -32700),
        ("a JSON array", body(b"[1, 2]"), -32600),
        ("a JSON string", body(b'"hi"'), -32600),
        ("jsonrpc 1.0", body(b'{"jsonrpc": "1.0", "id": 5, "method": "shutdown"}'), -32600),
        ("an object as id", body(b'{"jsonrpc": "2.0", "id": {}, "method": "shutdown"}'), -32600),
        ("params a number", body(b'{"jsonrpc": "2.0", "id": 6, "method": "x", "params": 3}'),
         -32600),
    ]
    for name, data, code in cases:
        case("%s: error %d, and the server goes on" % (name, code),
             lambda data=data, code=code, name=name: expect(data, code, name))

    def ids_and_params():
        s.send({"jsonrpc": "2.0", "id": "abc", "method": "nope"})
        e = s.error()
        if e["id"] != "abc" or e["error"]["code"] != -32601:
            return "string id: %r" % e
        r = s.request("textDocument/hover", {"textDocument": {"uri": "file:///x.kh"}})
        if r.get("error", {}).get("code") != -32602:
            return "hover without a position: %r" % r
        r = s.request("textDocument/definition", {"textDocument": {"uri": "file:///x.kh"},
                                                  "position": {"line": -1, "character": 0}})
        if r.get("error", {}).get("code") != -32602:
            return "a negative line: %r" % r
        s.send({"jsonrpc": "2.0", "id": 99, "result": None})  # an answer: ignored
        s.notify("textDocument/didOpen", {"textDocument": {"uri": 3}})
        s.notify("textDocument/didChange", {"textDocument": {"uri": "file:///nope.kh"},
                                            "contentChanges": []})
        r = s.request("textDocument/hover", {"textDocument": {"uri": "file:///nope.kh"},
                                             "position": {"line": 0, "character": 0}})
        if r.get("result", "missing") is not None:
            return "hover on a document not open: %r" % r
        if len(s.logs) < 2:
            return "the bad notifications were not logged: %r" % s.logs
        r = s.request("initialize", {})
        if r.get("error", {}).get("code") != -32600:
            return "a second initialize: %r" % r
    case("ids echoed, bad params -32602, answers and bad notifications do no harm",
         ids_and_params)

    def positions_past_the_end():
        u = "file:///nowhere/p.kh"
        text = "cơ_quan a \"A\"\r\nkế_hoạch \"1\" {\r\n  ban_hành a\r\n}"
        s.notify("textDocument/didOpen", {"textDocument": {"uri": u, "version": 1, "text": text}})
        s.diagnostics(u)
        for pos in ({"line": 99, "character": 0}, {"line": 0, "character": 9999},
                    {"line": 1, "character": 3}):
            for m in ("textDocument/hover", "textDocument/definition", "textDocument/completion"):
                r = s.request(m, {"textDocument": {"uri": u}, "position": pos})
                if "result" not in r:
                    return "%s at %r: %r" % (m, pos, r)
        s.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": u}, "contentChanges": [
                {"range": {"start": {"line": 50, "character": 3},
                           "end": {"line": 60, "character": 0}},
                 "text": "\u0000\ud800"}]}}, ascii=True)
        p = s.diagnostics(u)
        if not any(x.get("code") == "nul-byte" for x in p["diagnostics"]):
            return "a NUL from the editor: %r" % p["diagnostics"]
    case("positions past the end, CR LF lines, a NUL and a lone surrogate: answers, no crash",
         positions_past_the_end)

    def exit_without_shutdown():
        s.notify("exit")
        rc = s.p.wait(timeout=TIMEOUT)
        if rc != 1:
            return "exit without shutdown: %d" % rc
    case("exit without shutdown: code 1", exit_without_shutdown)
    return out + sanitizer(s)


TOKENS = ["nhiệm_vụ", "task", "cơ_quan", "kế_hoạch", "{", "}", "\n", "\r\n", "\r", " ", "  ",
          '"Báo cáo"', '"𝐀 😀"', nfd("gửi"), nfd("Ủy ban"), "a", "bc_xa", "ubnd", "giao", "hạn",
          "trước", "30/8/2019", "import", '"vn/hierarchy"', '"./x.kh"', "#", "# kehoach: ignore x",
          "/*", "*/", "\ufeff", "\u0301", "cấp", "tỉnh", "sau", ";", '"', "\t", "ký", "ngày"]


def in_buffer(text, rng):
    """Is the LSP range RNG inside TEXT (lines and UTF-16 columns)?"""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for end in ("start", "end"):
        p = rng[end]
        if p["line"] >= len(lines) or p["character"] > u16(lines[p["line"]]):
            return False
    return (rng["start"]["line"], rng["start"]["character"]) <= (
        rng["end"]["line"], rng["end"]["character"])


def session_random(d, rounds=60):
    """Random plans (Vietnamese, NFD, astral, BOM, CR, broken syntax) and
    random positions: every answer well-formed, every range in the buffer."""
    import random
    rnd = random.Random(20250101)
    s = Server(cwd=d)
    s.initialize()
    uri = uri_of(os.path.join(d, "random.kh"))
    s.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "version": 0, "text": ""}})
    s.diagnostics(uri)
    for i in range(rounds):
        text = "".join(rnd.choice(TOKENS) for _ in range(rnd.randint(0, 80)))
        s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": i + 1},
                                           "contentChanges": [{"text": text}]})
        p = s.diagnostics(uri)
        for x in p["diagnostics"]:
            if not in_buffer(text, x["range"]):
                return "round %d: %r outside %r" % (i, x["range"], text)
        nlines = text.count("\n") + 2
        for m in ("textDocument/hover", "textDocument/definition", "textDocument/completion"):
            pos = {"line": rnd.randint(0, nlines), "character": rnd.randint(0, 30)}
            r = s.request(m, {"textDocument": {"uri": uri}, "position": pos})
            if "result" not in r:
                return "round %d: %s %r: %r" % (i, m, pos, r)
            res = r["result"]
            if m == "textDocument/hover" and res and not in_buffer(text, res["range"]):
                return "round %d: hover range %r outside %r" % (i, res["range"], text)
            if m == "textDocument/definition" and res and res["uri"] == uri and \
                    not in_buffer(text, res["range"]):
                return "round %d: definition %r outside %r" % (i, res["range"], text)
    s.request("shutdown")
    s.notify("exit")
    rc = s.p.wait(timeout=TIMEOUT)
    bad = sanitizer(s)
    if rc != 0 or bad:
        return "exit %d: %s" % (rc, bad)
    return None


def small_cases():
    out = []
    s = Server()
    s.raw(b"Content-Length: 999999999999\r\n\r\n{}")
    try:
        e = s.error()
        msg = None if e["error"]["code"] == -32700 else repr(e)
    except Exception as x:
        msg = "exception: %r" % (x,)
    rc = s.finish()
    out.append(("a body over the limit: an error, then the end of input: code 1",
                msg or (None if rc == 1 else "code %d" % rc)))
    s = Server()
    s.initialize()
    s.request("shutdown")
    rc = s.finish()
    out.append(("the end of input after shutdown: code 0", None if rc == 0 else "code %d" % rc))
    r = subprocess.run([K, "lsp", "plan.kh"], capture_output=True, timeout=TIMEOUT)
    out.append(("lsp with a FILE: a usage error (2)",
                None if r.returncode == 2 and b"lsp" in r.stderr else repr(r)))
    return out


def main():
    with tempfile.TemporaryDirectory() as d:
        for name, msg in session_document(d):
            result(name, msg)
    with tempfile.TemporaryDirectory() as d:
        result("random plans and positions: every answer well-formed, every range in the buffer",
               session_random(d))
    for name, msg in session_bad_input():
        result(name, msg)
    for name, msg in small_cases():
        result(name, msg)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
