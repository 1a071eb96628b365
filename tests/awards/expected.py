#!/usr/bin/env python3
"""Independent reference screening for tests/awards (issue 11).

Reads each nominee CSV with Python's csv module and applies, by hand, the
criteria written in 297-awards.kh, KH-thi-dua-so-gddt-2025.kh,
KH-khen-thuong-dang-uy-xa-2025.kh and KH-khen-thuong-dsvh-huyen-2025.kh.  It
shares no code with kehoach.  Prints EXPECTED.md to stdout
(python3 expected.py > EXPECTED.md).  Semantics it assumes are listed in
the "Conventions" section it prints; where spec-awards.md is silent they
are marked (assumption)."""
import csv, io, os, re, sys, unicodedata, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
nfc = lambda s: unicodedata.normalize("NFC", s)
TONES = "\u0300\u0301\u0303\u0309\u0323"
def tone_place(s):
    """The older place of the tone mark ("hoá", "uỷ") and the newer ("hóa",
    "ủy") made one: the mark goes on the second vowel of oa, oe, uy."""
    d = unicodedata.normalize("NFD", s)
    return re.sub(f"([oOuU])([{TONES}])([aAeEyY])", r"\1\3\2", d)
fold = lambda s: nfc(tone_place(nfc(s).strip().casefold()))

class Missing(Exception):
    def __init__(self, col, what): self.col, self.what = col, what

def read(path):
    raw = open(path, "rb").read()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    first = text.split("\n", 1)[0]
    # separator: the one of ',' ';' found more often outside quotes in the header line
    outside = re.sub(r'"[^"]*"', "", first)
    delim = ";" if outside.count(";") > outside.count(",") else ","
    lines = text.splitlines(keepends=True)
    rdr = csv.reader(lines, delimiter=delim)
    recs, prev = [], 0
    for fields in rdr:
        start = prev + 1
        prev = rdr.line_num
        recs.append((start, [nfc(f) for f in fields]))
    return bom, delim, recs

# ------------------------------------------------------------ value types
def p_number(s):
    s = s.strip()
    if s == "": return None
    if re.fullmatch(r"[0-9]+(\.[0-9]+)?", s): return float(s)
    raise ValueError(f'"{s}" is not a number (a dot is the decimal mark)' if "," in s else f'"{s}" is not a number')
def p_date(s):
    s = s.strip()
    if s == "": return None
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", s) or None
    if m: d, mo, y = map(int, m.groups())
    else:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
        if not m: raise ValueError(f'"{s}" is not a date (D/M/YYYY)')
        y, mo, d = map(int, m.groups())
    try: return datetime.date(y, mo, d)
    except ValueError: raise ValueError(f'"{s}" is not a date: no such day')
YES = {"có", "x", "yes", "1", "true"}; NO = {"không", "", "no", "0", "false"}
def p_yesno(s):
    f = fold(s)
    if f in YES: return True
    if f in NO: return False
    raise ValueError(f'"{s}" is not có/không')
def p_awards(s):
    out = []
    for item in s.split(";"):
        item = item.strip()
        if not item: continue
        m = re.fullmatch(r"(.*\S)\s+(\d{4})", item)
        if not m: raise ValueError(f'"{item}" has no year')
        out.append((m.group(1), int(m.group(2))))
    return out
PARSE = {"số": p_number, "ngày": p_date, "có_không": p_yesno, "khen": p_awards, "chữ": lambda s: s.strip(),
         "danh_sách": lambda s: [x.strip() for x in s.split(";") if x.strip()]}

# ------------------------------------------------------------ a nominee
class Row:
    def __init__(self, line, vals, cols, attrs):
        self.line, self.vals, self.cols, self.attrs = line, vals, cols, attrs
    def col(self, aid, year=None):
        hdr = self.attrs[aid][0] + (f" {year}" if year else "")
        return self.cols[fold(hdr)]
    def get(self, aid, year=None):
        typ = self.attrs[aid][1]
        c = self.col(aid, year)
        raw = self.vals[c - 1].strip()
        if typ == "theo_năm": return raw            # blank = no rating (assumption)
        v = PARSE[typ](raw)
        if v is None and typ in ("số", "ngày"):
            raise Missing(c, f'blank where a {"number" if typ == "số" else "date"} is needed ({aid})')
        return v

# expression helpers: each returns (bool, why-if-false)
def cmp(aid, op, k):
    def f(r):
        v = r.get(aid)
        ok = {">=": v >= k, ">": v > k, "<=": v <= k, "=": v == k}[op]
        return ok, f"{aid} is {fmt(v)}, needs {op} {fmt(k)}"
    return f
def fmt(v): return str(int(v)) if isinstance(v, float) and v == int(v) else str(v)
def eq(aid, k):
    def f(r):
        v = r.get(aid); return fold(v) == fold(k), f'{aid} is "{v}", needs "{k}"'
    return f
def yes(aid):
    def f(r): return r.get(aid), f"{aid} is không"
    return f
def no(aid):
    def f(r): return not r.get(aid), f"{aid} is có"
    return f
def consecutive(n, aid, values, to):
    def f(r):
        yrs = list(range(to - n + 1, to + 1))
        got = {y: r.get(aid, y) for y in yrs}
        bad = [y for y in yrs if fold(got[y]) not in {fold(v) for v in values}]
        if not bad: return True, ""
        y = bad[0]
        return False, f'{aid} {y} is "{got[y]}", needs {n} consecutive years {"/".join(values)} up to {to}'
    return f
def at_least(k, n, aid, values, to):
    def f(r):
        yrs = list(range(to - n + 1, to + 1))
        good = [y for y in yrs if fold(r.get(aid, y)) in {fold(v) for v in values}]
        if len(good) >= k: return True, ""
        if n == 1: return False, f'{aid} {to} is "{r.get(aid, to)}", needs {" or ".join(values)}'
        return False, f"{aid}: {len(good)} of {n} years {'/'.join(values)} up to {to}, needs {k}"
    return f
def not_awarded(text, n, to, aid="đã_khen"):
    def f(r):
        for form, y in r.get(aid):
            if fold(text) in fold(form) and to - n < y <= to:
                return False, f'awarded "{form}" in {y}, within {n} years up to {to}'
        return True, ""
    return f
def OR(*fs):
    def f(r):
        whys = []
        for g in fs:
            ok, why = g(r)
            if ok: return True, ""
            whys.append(why)
        return False, "; ".join(w for w in whys if w)
    return f

# A rule: (text, expr, unless_text, unless_expr, kind) with kind "điều" or "loại_trừ".
def rule(text, e, unless=None, ue=None): return ("điều", text, e, unless, ue)
def exclude(text, e): return ("loại_trừ", text, e, None, None)

def screen(row, rules):
    """-> ("ok",) | ("fail", index, text, why) | ("error", col, message)"""
    try:
        for i, (kind, text, e, ut, ue) in enumerate(rules, 1):
            ok, why = e(row)
            if kind == "loại_trừ":
                if ok: return ("fail", i, text, "excluded: " + text)
                continue
            if ok: continue
            if ue is not None:
                uok, _ = ue(row)
                if uok: continue
            return ("fail", i, text, why)
        return ("ok",)
    except Missing as m:
        return ("error", m.col, m.what)

# ------------------------------------------------------------ the two plans
GDDT_ATTRS = {   # id: (header, type) exactly as KH-thi-dua-so-gddt-2025.kh declares
    "mã": ("Mã", "chữ"), "họ_tên": ("Họ và tên", "chữ"), "loại_đối_tượng": ("Đối tượng", "chữ"),
    "đơn_vị": ("Đơn vị", "chữ"), "chức_vụ": ("Chức vụ", "chữ"), "ngày_vào_ngành": ("Ngày vào ngành", "ngày"),
    "năm_công_tác": ("Số năm công tác", "số"), "số_tháng": ("Số tháng công tác trong năm học", "số"),
    "xếp_loại": ("Xếp loại", "theo_năm"), "sáng_kiến": ("Số sáng kiến", "số"),
    "giải_quốc_gia": ("Học sinh đạt giải quốc gia", "có_không"), "thành_tích_tỉnh": ("Thành tích cấp tỉnh", "có_không"),
    "điểm_thi_đua": ("Điểm thi đua", "số"), "tỷ_lệ_lđtt": ("Tỷ lệ LĐTT (%)", "số"),
    "kỷ_luật_thành_viên": ("Có cá nhân bị kỷ luật từ cảnh cáo", "có_không"), "thai_sản": ("Nghỉ thai sản", "có_không"),
    "đã_khen": ("Khen thưởng đã nhận", "khen"), "đảng_viên": ("Đảng viên", "có_không"),
    "xem_xét_kỷ_luật": ("Đang xem xét kỷ luật", "có_không"), "ghi_chú": ("Ghi chú", "chữ"),
}
HT = ["HTXSNV", "HTTNV"]
KL = exclude("Đang bị xem xét kỷ luật", yes("xem_xét_kỷ_luật"))
GDDT_FORMS = [
  dict(id="bk_ct_tinh", name="Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", rules=[
     rule("02 năm học liên tục được công nhận hoàn thành xuất sắc nhiệm vụ (2023-2024, 2024-2025)",
          consecutive(2, "xếp_loại", ["HTXSNV"], 2024),
          "Trực tiếp bồi dưỡng học sinh đạt giải cấp quốc gia năm học 2024-2025", yes("giải_quốc_gia")),
     rule("Cá nhân: có 02 sáng kiến được công nhận và áp dụng có hiệu quả trong phạm vi cơ sở, hoặc có thành tích cấp tỉnh",
          OR(eq("loại_đối_tượng", "tập thể"), cmp("sáng_kiến", ">=", 2), yes("thành_tích_tỉnh"))),
     rule("Chưa được tặng Bằng khen của Chủ tịch UBND tỉnh trong 02 năm học gần nhất",
          not_awarded("Bằng khen của Chủ tịch UBND tỉnh", 2, 2024)),
     KL],
     quota=("per_kind", {"tập thể": 5, "cá nhân": 10}), rank=[("điểm_thi_đua", "giảm")]),
  dict(id="gk_gd_so", name="Giấy khen của Giám đốc Sở Giáo dục và Đào tạo", rules=[
     rule("Là cá nhân", eq("loại_đối_tượng", "cá nhân")),
     rule("Hoàn thành xuất sắc nhiệm vụ năm học 2024-2025", at_least(1, 1, "xếp_loại", ["HTXSNV"], 2024)),
     KL],
     quota=("per_attr", "đơn_vị", 1, {"Trường THPT chuyên Nguyễn Bỉnh Khiêm": 2, "Trường THPT chuyên Lê Thánh Tông": 2}),
     rank=[("năm_công_tác", "giảm"), ("ngày_vào_ngành", "tăng")]),
  dict(id="cstd_cs", name="Danh hiệu “Chiến sĩ thi đua cơ sở”", rules=[
     rule("Là cá nhân", eq("loại_đối_tượng", "cá nhân")),
     rule("Đạt tiêu chuẩn danh hiệu “Lao động tiên tiến”: hoàn thành tốt nhiệm vụ trở lên năm học 2024-2025",
          at_least(1, 1, "xếp_loại", HT, 2024)),
     rule("Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến được cơ sở công nhận",
          OR(at_least(1, 1, "xếp_loại", ["HTXSNV"], 2024), cmp("sáng_kiến", ">=", 1))),
     KL], quota=None, rank=[]),
  dict(id="ldtt", name="Danh hiệu “Lao động tiên tiến”", rules=[
     rule("Là cá nhân", eq("loại_đối_tượng", "cá nhân")),
     rule("Hoàn thành tốt nhiệm vụ trở lên năm học 2024-2025", at_least(1, 1, "xếp_loại", HT, 2024)),
     rule("Có thời gian công tác từ 10 tháng trở lên trong năm học", cmp("số_tháng", ">=", 10),
          "Nghỉ thai sản theo quy định (thời gian nghỉ được tính)", yes("thai_sản")),
     KL], quota=None, rank=[]),
  dict(id="ttldtt", name="Danh hiệu “Tập thể lao động tiên tiến”", rules=[
     rule("Là tập thể", eq("loại_đối_tượng", "tập thể")),
     rule("Hoàn thành tốt nhiệm vụ trở lên năm học 2024-2025", at_least(1, 1, "xếp_loại", HT, 2024)),
     rule("Có trên 50% cá nhân trong tập thể đạt danh hiệu “Lao động tiên tiến”", cmp("tỷ_lệ_lđtt", ">", 50)),
     rule("Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên", no("kỷ_luật_thành_viên")),
     KL], quota=None, rank=[]),
]
P297_ATTRS = {
    "mã": ("Mã", "chữ"), "tên": ("Tên tập thể, cá nhân", "chữ"), "loại_đối_tượng": ("Đối tượng", "chữ"),
    "cấp": ("Cấp", "chữ"), "đơn_vị": ("Đơn vị", "chữ"), "chức_vụ": ("Chức vụ", "chữ"),
    "nhóm": ("Nhóm đối tượng", "chữ"), "lực_lượng_vũ_trang": ("Lực lượng vũ trang", "có_không"),
    "năm_công_tác": ("Số năm công tác", "số"), "ngày_công_tác": ("Ngày bắt đầu công tác", "ngày"),
    "đã_khen": ("Khen thưởng đã nhận", "khen"), "đề_nghị": ("Hình thức đề nghị", "chữ"), "ghi_chú": ("Ghi chú", "chữ"),
}
P297_FORMS = [dict(id=i, name=n, deferred=True) for i, n in [
    ("hc_bvtq3", "Huân chương Bảo vệ Tổ quốc hạng Ba"), ("bk_ttg", "Bằng khen của Thủ tướng Chính phủ"),
    ("bk_bqp", "Bằng khen của Bộ trưởng Bộ Quốc phòng"), ("bk_ct_tinh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"),
    ("bk_qk1", "Bằng khen của Quân khu 1"), ("gk_ct_huyen", "Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện"),
    ("gk_ct_xa", "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã"),
    ("knc_qdnd", "Kỷ niệm chương “Vì sự nghiệp xây dựng Quân đội nhân dân Việt Nam”")]]

# ------------------------------------------------------------ helpers for the plans added later
# (the Party plan and the district plan); the gddt ones above are unchanged.
def fv(v):
    if isinstance(v, datetime.date): return f"{v.day}/{v.month}/{v.year}"
    return fmt(v)
OPS = {">=": lambda a, b: a >= b, ">": lambda a, b: a > b, "<=": lambda a, b: a <= b,
       "<": lambda a, b: a < b, "=": lambda a, b: a == b, "!=": lambda a, b: a != b}
def cmpv(aid, op, k):
    """A number or a date compared with a constant of its type."""
    def f(r):
        v = r.get(aid)
        return OPS[op](v, k), f"{aid} is {fv(v)}, needs {op} {fv(k)}"
    return f
def ne(aid, k):
    def f(r):
        v = r.get(aid); return fold(v) != fold(k), f'{aid} is "{v}", needs != "{k}"'
    return f
def in_texts(aid, ks):
    def f(r):
        v = r.get(aid)
        return fold(v) in {fold(k) for k in ks}, f'{aid} is "{v}", needs one of {", ".join(chr(34) + k + chr(34) for k in ks)}'
    return f
def in_numbers(aid, ks):
    def f(r):
        v = r.get(aid)
        return v in ks, f"{aid} is {fv(v)}, needs one of {', '.join(fv(k) for k in ks)}"
    return f
def between(aid, lo, hi):
    """x từ lo đến hi: both ends included (assumption)."""
    def f(r):
        v = r.get(aid)
        return lo <= v <= hi, f"{aid} is {fv(v)}, needs {fv(lo)} to {fv(hi)}"
    return f
def AND(*fs):
    def f(r):
        for g in fs:
            ok, why = g(r)
            if not ok: return False, why
        return True, ""
    return f
D = datetime.date

# ------------------------------------------------------------ KH-khen-thuong-dang-uy-xa-2025.kh
DANG_ATTRS = {
    "mã": ("Mã", "chữ"), "họ_tên": ("Họ và tên", "chữ"), "loại_đối_tượng": ("Đối tượng", "chữ"),
    "chi_bộ": ("Chi bộ", "chữ"), "chức_vụ": ("Chức vụ", "chữ"), "ngày_sinh": ("Ngày sinh", "ngày"),
    "ngày_vào_đảng": ("Ngày vào Đảng", "ngày"), "dự_bị": ("Đảng viên dự bị", "có_không"),
    "gián_đoạn": ("Có thời gian gián đoạn sinh hoạt đảng", "có_không"),
    "tuổi_đảng": ("Tuổi đảng (năm tròn, đã trừ gián đoạn)", "số"), "xếp_loại": ("Xếp loại", "theo_năm"),
    "số_năm_htxs": ("Số năm liên tục HTXSNV", "số"), "điểm": ("Điểm đánh giá", "số"),
    "sinh_hoạt": ("Tình trạng sinh hoạt", "chữ"), "kỷ_luật": ("Đang trong thời hạn kỷ luật", "có_không"),
    "kỷ_luật_năm": ("Bị kỷ luật trong năm 2025", "có_không"), "đã_khen": ("Khen thưởng đã nhận", "khen"),
    "nhiệm_vụ": ("Nhiệm vụ được phân công", "danh_sách"), "ghi_chú": ("Ghi chú", "chữ"),
}
DV = rule("Là đảng viên", eq("loại_đối_tượng", "cá nhân"))
KLD = exclude("Đang trong thời hạn thi hành kỷ luật", yes("kỷ_luật"))
DANG_FORMS = [
  dict(id="gk_chi_bo", name="Giấy khen của Ban Chấp hành Đảng bộ xã tặng chi bộ hoàn thành xuất sắc nhiệm vụ 02 năm liên tục (2024-2025)", rules=[
     rule("Là chi bộ trực thuộc Đảng bộ xã", eq("loại_đối_tượng", "tập thể")),
     rule("02 năm liên tục (2024, 2025) được xếp loại “Hoàn thành xuất sắc nhiệm vụ”",
          consecutive(2, "xếp_loại", ["HTXSNV"], 2025)),
     rule("Không có đảng viên bị kỷ luật trong năm 2025", no("kỷ_luật_năm")),
     rule("Điểm đánh giá năm 2025 đạt từ 90 điểm trở lên", cmpv("điểm", ">=", 90))],
     quota=("total", 3), rank=[("điểm", "giảm")]),
  dict(id="gk_dang_vien", name="Giấy khen của Ban Chấp hành Đảng bộ xã tặng đảng viên hoàn thành xuất sắc nhiệm vụ tiêu biểu năm 2025", rules=[
     rule("Là đảng viên chính thức", AND(eq("loại_đối_tượng", "cá nhân"), no("dự_bị"))),
     rule("Năm 2025 được xếp loại “Hoàn thành xuất sắc nhiệm vụ”", at_least(1, 1, "xếp_loại", ["HTXSNV"], 2025)),
     rule("Có ít nhất 03 trong 05 năm (2021-2025) được xếp loại “Hoàn thành xuất sắc nhiệm vụ”",
          at_least(3, 5, "xếp_loại", ["HTXSNV"], 2025),
          "Đảng viên vào Đảng từ ngày 01/01/2023: 02 năm 2024, 2025 liên tục hoàn thành xuất sắc nhiệm vụ",
          AND(cmpv("ngày_vào_đảng", ">=", D(2023, 1, 1)), consecutive(2, "xếp_loại", ["HTXSNV"], 2025))),
     rule("Đang sinh hoạt đảng tại chi bộ (không thuộc diện miễn sinh hoạt đảng)", ne("sinh_hoạt", "Miễn sinh hoạt")),
     rule("Chưa được tặng Giấy khen của Ban Chấp hành Đảng bộ xã trong 02 năm 2024, 2025",
          not_awarded("Giấy khen của Ban Chấp hành Đảng bộ", 2, 2025)),
     exclude("Đang trong thời hạn thi hành kỷ luật hoặc bị kỷ luật trong năm 2025",
             lambda r: (r.get("kỷ_luật") or r.get("kỷ_luật_năm"), ""))],
     quota=("per_attr", "chi_bộ", 1, {"Chi bộ Trường THCS Phú Lộc": 2, "Chi bộ Quân sự xã": 2}),
     rank=[("số_năm_htxs", "giảm"), ("ngày_vào_đảng", "tăng")]),
  dict(id="hh30", name="Huy hiệu 30 năm tuổi Đảng", rules=[
     DV,
     rule("Vào Đảng từ ngày 04/02/1986 đến ngày 03/02/1996 (đủ 30 năm, chưa đủ 40 năm tuổi Đảng tính đến ngày 03/02/2026)",
          between("ngày_vào_đảng", D(1986, 2, 4), D(1996, 2, 3))),
     rule("Không có thời gian gián đoạn sinh hoạt đảng", no("gián_đoạn"),
          "Có gián đoạn, nhưng tuổi đảng đã trừ thời gian gián đoạn đủ 30 năm", cmpv("tuổi_đảng", ">=", 30)),
     rule("Chưa được tặng Huy hiệu 30 năm tuổi Đảng", not_awarded("Huy hiệu 30 năm tuổi Đảng", 50, 2025)),
     KLD], quota=None, rank=[]),
  dict(id="hh40", name="Huy hiệu 40 năm tuổi Đảng", rules=[
     DV,
     rule("Tuổi đảng từ 40 đến 44 năm tròn (tính đến ngày 03/02/2026, đã trừ thời gian gián đoạn)",
          between("tuổi_đảng", 40, 44)),
     rule("Chưa được tặng Huy hiệu 40 năm tuổi Đảng", not_awarded("Huy hiệu 40 năm tuổi Đảng", 50, 2025)),
     KLD], quota=None, rank=[]),
  dict(id="hh50", name="Huy hiệu 50 năm tuổi Đảng", rules=[
     DV,
     rule("Đủ 50 năm, chưa đủ 55 năm tuổi Đảng tính đến ngày 03/02/2026",
          OR(AND(between("ngày_vào_đảng", D(1971, 2, 4), D(1976, 2, 3)), no("gián_đoạn")),
             AND(cmpv("tuổi_đảng", ">=", 50), cmpv("tuổi_đảng", "<", 55)))),
     rule("Chưa được tặng Huy hiệu 50 năm tuổi Đảng", not_awarded("Huy hiệu 50 năm tuổi Đảng", 50, 2025)),
     KLD], quota=None, rank=[]),
  dict(id="hh_moc_khac", name="Huy hiệu 45, 55, 60, 65, 70, 75 năm tuổi Đảng", rules=[
     DV,
     rule("Tuổi đảng tròn 45, 55, 60, 65, 70 hoặc 75 năm tính đến ngày 03/02/2026",
          in_numbers("tuổi_đảng", [45, 55, 60, 65, 70, 75])),
     KLD], quota=None, rank=[]),
  dict(id="hh80", name="Huy hiệu 80 năm tuổi Đảng trở lên", deferred=True),
]

# ------------------------------------------------------------ KH-khen-thuong-dsvh-huyen-2025.kh
# Dated 20/3/2025: every count and chưa_khen ends in 2024 (no `đến` written).
Y = 2024
DSVH_ATTRS = {
    "mã": ("Mã", "chữ"), "tên": ("Tên tập thể, cá nhân, hộ gia đình", "chữ"), "loại_đối_tượng": ("Đối tượng", "chữ"),
    "loại_hình": ("Loại hình", "chữ"), "xã_thị_trấn": ("Xã, thị trấn", "chữ"), "chức_vụ": ("Chức vụ", "chữ"),
    "cbcc": ("Cán bộ, công chức, viên chức", "có_không"),
    "năm_cư_trú": ("Số năm cư trú, công tác tại địa phương", "số"), "tách_hộ": ("Hộ mới tách", "có_không"),
    "ngày_tách_hộ": ("Ngày tách hộ", "ngày"), "danh_hiệu": ("Danh hiệu văn hóa", "theo_năm"),
    "xếp_loại": ("Xếp loại CBCC", "theo_năm"), "tỷ_lệ_gđvh": ("Tỷ lệ hộ đạt “Gia đình văn hóa” năm 2024 (%)", "số"),
    "đặc_biệt_khó_khăn": ("Thôn đặc biệt khó khăn", "có_không"), "đề_nghị_xã": ("Ban Chỉ đạo xã đề nghị", "có_không"),
    "thai_sản": ("Nghỉ thai sản trong giai đoạn", "có_không"), "điểm": ("Điểm bình xét", "số"),
    "số_mô_hình": ("Số mô hình, điển hình", "số"), "vi_phạm": ("Vi phạm pháp luật, an ninh trật tự", "có_không"),
    "đã_khen": ("Khen thưởng đã nhận", "khen"), "phong_trào": ("Phong trào tham gia", "danh_sách"),
    "ghi_chú": ("Ghi chú", "chữ"),
}
DNX = rule("Được Ban Chỉ đạo phong trào cấp xã bình xét, đề nghị", yes("đề_nghị_xã"))
DSVH_FORMS = [
  dict(id="gk_ct_huyen", name="Giấy khen của Chủ tịch Ủy ban nhân dân huyện", rules=[
     rule("Là tập thể hoặc cá nhân (hộ gia đình xét theo mục riêng)", in_texts("loại_đối_tượng", ["tập thể", "cá nhân"])),
     DNX,
     rule("Tập thể: được công nhận danh hiệu văn hóa ít nhất 03 trong 05 năm (2020-2024)",
          OR(ne("loại_đối_tượng", "tập thể"),
             at_least(3, 5, "danh_hiệu", ["Thôn văn hóa", "Tổ dân phố văn hóa", "Cơ quan đạt chuẩn văn hóa"], Y))),
     rule("Tập thể: tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” năm 2024 trên 85%",
          OR(ne("loại_đối_tượng", "tập thể"), cmpv("tỷ_lệ_gđvh", ">", 85)),
          "Thôn đặc biệt khó khăn: tỷ lệ từ 70% trở lên", AND(yes("đặc_biệt_khó_khăn"), cmpv("tỷ_lệ_gđvh", ">=", 70))),
     rule("Cá nhân: có thời gian cư trú, công tác tại địa phương từ 05 năm trở lên",
          OR(eq("loại_đối_tượng", "tập thể"), cmpv("năm_cư_trú", ">=", 5))),
     rule("Cá nhân là cán bộ, công chức, viên chức: ít nhất 03 trong 05 năm (2020-2024) hoàn thành tốt nhiệm vụ trở lên",
          OR(eq("loại_đối_tượng", "tập thể"), no("cbcc"), at_least(3, 5, "xếp_loại", HT, Y)),
          "Có thời gian nghỉ thai sản theo quy định: ít nhất 02 năm hoàn thành tốt nhiệm vụ trở lên",
          AND(yes("thai_sản"), at_least(2, 5, "xếp_loại", HT, Y))),
     rule("Chưa được tặng Giấy khen trong 02 năm gần nhất (2023, 2024)", not_awarded("Giấy khen", 2, Y)),   # class = the form's loại
     exclude("Vi phạm pháp luật; để xảy ra vụ việc phức tạp về an ninh, trật tự", yes("vi_phạm"))],
     quota=("per_kind", {"tập thể": 5, "cá nhân": 10}), rank=[("điểm", "giảm"), ("số_mô_hình", "giảm")]),
  dict(id="gk_ho_gia_dinh", name="Giấy khen của Chủ tịch Ủy ban nhân dân huyện tặng hộ gia đình tiêu biểu", rules=[
     rule("Là hộ gia đình", eq("loại_đối_tượng", "hộ gia đình")),
     rule("05 năm liên tục (2020-2024) được công nhận danh hiệu “Gia đình văn hóa”",
          consecutive(5, "danh_hiệu", ["Gia đình văn hóa"], Y),
          "Hộ mới tách từ ngày 01/01/2022: được công nhận liên tục từ năm 2022",
          AND(yes("tách_hộ"), cmpv("ngày_tách_hộ", ">=", D(2022, 1, 1)), consecutive(3, "danh_hiệu", ["Gia đình văn hóa"], Y))),
     DNX,
     rule("Chưa được tặng Giấy khen của Chủ tịch UBND huyện trong 05 năm gần nhất",
          not_awarded("Giấy khen của Chủ tịch UBND huyện", 5, Y)),
     exclude("Có thành viên vi phạm pháp luật", yes("vi_phạm"))],
     quota=("per_attr", "xã_thị_trấn", 1, {"Thị trấn Cẩm Xuyên": 2, "Thị trấn Thiên Cầm": 2}),
     rank=[("điểm", "giảm"), ("năm_cư_trú", "giảm")]),
  dict(id="bk_ct_tinh", name="Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", deferred=True,
       deferred_how='prose only: `tiêu_chuẩn "Theo quy định tại Điều 74 …"`'),
]

COLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
def colname(c): return COLS[c - 1] if c <= 26 else COLS[(c - 1) // 26 - 1] + COLS[(c - 1) % 26]

def run(fname, attrs, forms, name_attr="họ_tên", unit_attr="đơn_vị"):
    path = os.path.join(HERE, fname)
    bom, delim, recs = read(path)
    out = []
    hline, header = recs[0]
    cols = {fold(h): i for i, h in enumerate(header, 1)}
    for aid, (h, typ) in attrs.items():
        if typ != "theo_năm": assert fold(h) in cols, (fname, h)
    keycol = cols[fold(attrs["mã"][0])]
    errors, rows, seen = [], [], {}
    for line, fields in recs[1:]:
        if len(fields) != len(header):
            c = len(header) + 1 if len(fields) > len(header) else len(fields)
            errors.append((line, c, f"{len(fields)} fields, the header has {len(header)}"))
            continue
        r = Row(line, fields, cols, attrs)
        bad = False
        for aid, (h, typ) in attrs.items():
            if typ in ("số", "ngày", "có_không", "khen"):
                c = cols[fold(h)]
                try: PARSE[typ](fields[c - 1])
                except ValueError as e:
                    errors.append((line, c, f"{aid}: {e}")); bad = True
        key = fields[keycol - 1].strip()
        if key in seen:
            errors.append((line, keycol, f'duplicate key "{key}" (first at line {seen[key]})')); bad = True
        else:
            seen[key] = line
        if not bad: rows.append(r)
    out.append(f"## {fname}\n")
    out.append(f"- encoding: UTF-8{' with BOM' if bom else ''}; separator `{delim}`; "
               f"{len(recs) - 1} records after the header on lines 2–{recs[-1][0]}"
               f" ({sum(1 for _ in open(path, encoding='utf-8-sig', newline=''))} physical lines); "
               f"{len(rows)} records screened.\n")
    out.append("### File errors (every form; the row is not screened)\n")
    for line, c, msg in errors:
        out.append(f"- `{fname}:{line}:{c}: error: {msg}` (column {colname(c)})")
    out.append("")
    form_errors = []
    for f in forms:
        out.append(f"### {f['id']} — {f['name']}\n")
        if f.get("deferred"):
            out.append(f"Deferred ({f.get('deferred_how', '`tiêu_chuẩn thông_báo_sau`')}): nobody screened, no eligible, no rejected.\n")
            continue
        elig, rej, errs = [], [], []
        for r in rows:
            res = screen(r, f["rules"])
            if res[0] == "ok": elig.append(r)
            elif res[0] == "fail": rej.append((r, res))
            else: errs.append((r, res)); form_errors.append((r.line, res[1], f"{f['id']}: {res[2]}"))
        # ranking
        def key(r):
            k = []
            for aid, d in f["rank"]:
                v = r.get(aid)
                if isinstance(v, datetime.date): v = v.toordinal()
                k.append(-v if d == "giảm" else v)
            return tuple(k)
        ranked = sorted(elig, key=key) if f["rank"] else list(elig)   # stable: ties keep CSV order
        within, over = [], []
        q = f["quota"]
        if q is None: within = ranked
        elif q[0] == "total":
            within, over = ranked[:q[1]], ranked[q[1]:]
        elif q[0] == "per_kind":
            used = {}; kinds = {fold(k): v for k, v in q[1].items()}
            for r in ranked:
                k = fold(r.get("loại_đối_tượng")); used[k] = used.get(k, 0) + 1
                (within if used[k] <= kinds[k] else over).append(r)
        else:
            _, aid, n, exc = q; used = {}; excf = {fold(k): v for k, v in exc.items()}
            for r in ranked:
                k = fold(r.get(aid)); used[k] = used.get(k, 0) + 1
                (within if used[k] <= excf.get(k, n) else over).append(r)
        rk = ", ".join(f"{a} {d}" for a, d in f["rank"]) or "(none: CSV order)"
        qs = ("none" if q is None else f"{q[1]} in all" if q[0] == "total" else
              ", ".join(f"{v} {k}" for k, v in q[1].items()) if q[0] == "per_kind" else
              f"mỗi {q[1]} {q[2]}, " + ", ".join(f'"{k}" {v}' for k, v in q[3].items()))
        out.append(f"Quota: {qs}. Ranking: {rk}.\n")
        def desc(r):
            ks = "; ".join(f"{a}={fmt(r.get(a))}" for a, _ in f["rank"])
            return f"line {r.line} {r.get('mã')} {r.get(name_attr)} [{r.get('loại_đối_tượng')}; {r.get(unit_attr)}]" + (f" ({ks})" if ks else "")
        out.append(f"Eligible within the quota, in ranking order ({len(within)}):\n")
        for i, r in enumerate(within, 1): out.append(f"{i}. {desc(r)}")
        out.append("")
        if over:
            out.append(f"Eligible but past the quota ({len(over)}):\n")
            for r in over: out.append(f"- {desc(r)}")
            out.append("")
        # ties
        if f["rank"]:
            groups = {}
            for r in ranked: groups.setdefault(key(r), []).append(r)
            ties = [g for g in groups.values() if len(g) > 1]
            bucket = ((lambda r: None) if q is None or q[0] == "total" else
                      (lambda r: fold(r.get("loại_đối_tượng")) if q[0] == "per_kind" else fold(r.get(q[1]))))
            for g in ties:
                # straddles: the same quota bucket has members on both sides of its line
                sides = set()
                for b in {bucket(r) for r in g}:
                    m = {"within" if r in within else "past" for r in g if bucket(r) == b}
                    if len(m) == 2: sides = m
                out.append(f"- Tie ({', '.join(f'line {r.line} {r.get(chr(109)+chr(227))}' for r in g)}): equal on {rk}; CSV order kept"
                           + ("; **the tie straddles the quota line**" if len(sides) == 2 else "") + ".")
            if ties: out.append("")
        out.append(f"Rejected ({len(rej)}), first failing criterion in declaration order:\n")
        for r, (_, i, text, why) in rej:
            out.append(f"- line {r.line} {r.get('mã')} {r.get(name_attr)}: rule {i} “{text}” — {why}")
        out.append("")
        if errs:
            out.append(f"Located errors for this form ({len(errs)}; the row is neither eligible nor rejected):\n")
            for r, (_, c, msg) in errs:
                out.append(f"- `{fname}:{r.line}:{c}: error: {msg}` (column {colname(c)}; {r.get('mã')})")
            out.append("")
    return out, errors, form_errors

CONVENTIONS = """# Expected screening results (issue 11)

Generated by `python3 expected.py > EXPECTED.md` (do not edit by hand). The
script reads the CSVs with Python's csv module and applies the criteria of
`297-awards.kh`, `KH-thi-dua-so-gddt-2025.kh`,
`KH-khen-thuong-dang-uy-xa-2025.kh` and `KH-khen-thuong-dsvh-huyen-2025.kh`,
re-written by hand in Python; it shares nothing with kehoach.

## Conventions

Where spec-awards.md says how, the script follows it. Where it says nothing,
the script makes the choices below, marked *(assumption)*, and the golden
tests should check them or change them on purpose.

1. Locations are `FILE:LINE:FIELD`. LINE is the physical line the record
   starts on (header = 1), so a quoted line break moves later rows down.
   FIELD is the 1-based field number; the spreadsheet letter is shown too
   *(assumption: the spec says ROW:COL)*.
2. Headers are compared after NFC, case folding and trimming (spec). The
   gddt header `"Đơn vị "` has a trailing blank on purpose.
3. Cells are NFC-normalised and trimmed before they are parsed or compared
   *(assumption for the trimming)*, so `"15 "` is 15 and `"Trần Quốc Toản  "`
   is `Trần Quốc Toản`.
4. File errors come first and stop the row from being screened by any form:
   a record whose field count differs from the header's (located at the
   first extra field); a cell of a `số`/`ngày`/`có_không`/`khen` column
   that does not parse, whether a criterion uses it or not (`"2,5"`,
   `31/02/2020`) *(assumption)*; a duplicate key, located at the second
   occurrence, whose row is dropped (the first occurrence is kept)
   *(assumption)*.
5. A form's rules run in declaration order and stop at the first that
   fails. `hoặc` and `và` stop as soon as the answer is known, left to
   right. A `trừ_khi` is looked at only when its rule's own expression is
   false. `loại_trừ` is a rule in its place in the list; it fails when its
   expression is true.
6. A blank `số`/`ngày` cell is an error only if evaluation actually reads
   it (spec: "a criterion that needs the value"). The row is then an error
   for that form, `FILE:LINE:FIELD: error: blank where a number is needed`,
   neither eligible nor rejected. Another form that never reads the cell
   screens the row normally *(assumption about short-circuiting)*.
7. `có_không` blank = không (spec); accepted: có/không, x/(blank),
   yes/no, 1/0, case-folded. `theo_năm` blank = no rating: it does not
   match any value and is not an error *(assumption)*. `khen` blank = no
   award.
8. `chưa_khen "T" N năm đến Y` fails when an award item's text contains T
   (NFC, case-folded) and its year is in Y-N+1 … Y.
9. The gddt plan's yearly columns: "Xếp loại 2024" is năm học 2024-2025
   (the school year that begins in 2024); the plan writes `đến 2024`
   explicitly.
10. Ranking: a stable sort on the `xếp_hạng` keys, so ties keep CSV order.
    Quotas are then filled in ranking order: `số_lượng 05 tập_thể, 10
    cá_nhân` counts each kind apart, and `mỗi đơn_vị 1 { … }` counts each
    value of the attribute.
11. Files that differ only in encoding (BOM or not), separator and line
    ends give the same results. The script checks this for the gddt pair.

Added with the Party plan (dang-uy-xa) and the district plan (dsvh); they
follow 1-11 and add:

12. `x từ a đến b` holds when a <= x <= b: both ends are included
    *(assumption)*. Numbers compare as numbers, dates as days.
13. Texts compare as in 7 and 8 (NFC, trimmed, case-folded) for `=`, `!=`
    (the negation of `=`) and `x trong ["a", "b"]`; `x trong [45, 55]`
    compares numbers. The older place of the tone mark is the newer one:
    "Thôn văn hoá" is "Thôn văn hóa", as kehoach matches names everywhere
    (changed on purpose: a clerk types either). No other normalisation:
    "Chủ tịch Ủy ban nhân dân huyện" does not contain "Chủ tịch UBND huyện"
    *(assumption; both are in the data on purpose)*.
14. Quotas count texts the way `=` compares them: the kinds of `05
    tập_thể, 10 cá_nhân` (read from `loại_đối_tượng`, the attribute that
    says "tập thể"/"cá nhân" — the spec does not say which attribute holds
    the kind) and the values of `mỗi ATTR N { … }`, so "Cá nhân" is a cá
    nhân and "chi bộ trường THCS Phú Lộc " counts with "Chi bộ Trường
    THCS Phú Lộc" *(assumption)*. A plain `số_lượng N` counts every
    eligible nominee together.
15. `chưa_khen N năm` with no class takes the form's `loại` (spec): "Giấy
    khen" for the district plan's first form, so a Giấy khen of any
    grantor counts. A `khen` item must end in a four-digit year; one that
    does not ("Huy hiệu 30 năm tuổi Đảng") is a cell that does not parse
    (rule 4) *(assumption)*.
16. The year a count or `chưa_khen` ends in is the `đến` written, else the
    plan's year minus one (spec): the Party plan writes `đến 2025`
    everywhere; the district plan, dated 20/3/2025, writes none, so 2024.
17. A `trừ_khi` reads cells as its rule does: a blank it needs is the
    error of 6 (the district plan's households: a "Hộ mới tách" with a
    blank "Ngày tách hộ"); a `và` that is already false reads no further,
    so a household that is not newly split never reads the blank date.
18. Ranking keys are never blank in these files for an eligible nominee
    (the spec does not say what a blank key does); a blank key of a
    rejected nominee is not read.
19. A deferred form (`tiêu_chuẩn thông_báo_sau`, or `tiêu_chuẩn "…"` in
    prose only) screens nobody.
"""

if __name__ == "__main__":
    out = [CONVENTIONS]
    o1, e1, f1 = run("gddt-nominees.csv", GDDT_ATTRS, GDDT_FORMS)
    o2, e2, f2 = run("gddt-nominees-semicolon-bom.csv", GDDT_ATTRS, GDDT_FORMS)
    strip = lambda L: [re.sub(r"gddt-nominees(-semicolon-bom)?\.csv", "F", x) for x in L[2:]]
    assert strip(o1) == strip(o2), "the ';'+BOM variant must screen the same"
    out += o1
    out.append("## gddt-nominees-semicolon-bom.csv\n")
    out.append("The same records, saved as Excel saves them: UTF-8 with a BOM, ';' "
               "separators, CRLF line ends. Every result and location above is the same with "
               "this file name (checked by expected.py); its header line is " +
               o2[1].split("; ", 1)[1] if False else
               "The same records, saved as Excel saves them: UTF-8 with a BOM, ';' separators, "
               "CRLF line ends (LF inside the quoted line break). Every result and location above "
               "holds with this file name in place of gddt-nominees.csv (expected.py checks it).\n")
    o3, e3, f3 = run("297-nominees.csv", P297_ATTRS, P297_FORMS)
    out += o3
    o4, e4, f4 = run("dang-uy-xa-nominees.csv", DANG_ATTRS, DANG_FORMS, unit_attr="chi_bộ")
    o5, e5, f5 = run("dang-uy-xa-nominees-comma.csv", DANG_ATTRS, DANG_FORMS, unit_attr="chi_bộ")
    strip2 = lambda L: [re.sub(r"dang-uy-xa-nominees(-comma)?\.csv", "F", x) for x in L[2:]]
    assert strip2(o4) == strip2(o5), "the ','+LF twin must screen the same"
    out += o4
    out.append("## dang-uy-xa-nominees-comma.csv\n")
    out.append("The same records as dang-uy-xa-nominees.csv, without the BOM, with ',' separators and LF line "
               "ends (fields holding a ',' are quoted, among them the header \"Tuổi đảng (năm tròn, đã trừ gián "
               "đoạn)\" and the decimal commas \"92,5\" and \"30,5\", which are still not numbers). Every "
               "result and location above holds with this file name in place of dang-uy-xa-nominees.csv "
               "(expected.py checks it).\n")
    o6, e6, f6 = run("dsvh-nominees.csv", DSVH_ATTRS, DSVH_FORMS, name_attr="tên", unit_attr="xã_thị_trấn")
    out += o6
    out.append("## Exit status\n")
    out.append("`kehoach awards … --candidates` exits 1 for every one of these files, because each has located errors.\n")
    print("\n".join(out))
