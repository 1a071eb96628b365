#!/usr/bin/python3
"""gen.py N OUT.kh - the clean synthetic plan of N tasks for `make bench`.

A plan shaped like the real ones and without findings: `kehoach check
--fail-on warning` reports nothing on it, at every size. Deterministic
(fixed seed), self-contained (it declares its own levels, so the figures do
not move when stdlib grows), and everything grows linearly with N:

- bodies in a shallow hierarchy: the Tỉnh ủy and its organs, the district
  Huyện ủy (one per 500 tasks) with their organs, the commune Đảng ủy
  (8 to 16 per district) and a few village chi bộ: at most 4 deep;
- sentences composed from varied parts (verbs, objects, scopes, aims), so
  prose is not five sentences repeated; some name the owner, the receiver
  and the deadline as the data does;
- deadlines that respect the rules: the communes report first, then the
  districts, then the province, each on working days (no weekend, no
  Vietnamese public holiday) after the plan's date; 'sau' links only to a
  task due at least five working days earlier;
- every assignee among the recipients (the province's organs, each
  district's Huyện ủy, which reaches its communes as their parent), every
  cited document declared, every declared body and document used;
- meetings with a chair, a length and attendees: a conference per
  district, one per fifth commune, and the province's.

bench/gen_adversarial.py writes the other plan of the benchmark, the one
with findings; bench/gen_tj.py writes this plan as a TaskJuggler project
(plan() below is the model both use).
"""
import datetime
import random
import sys

SEED = 20191016
PLAN_DATE = datetime.date(2019, 8, 16)

SYLLABLES = ["An", "Bình", "Chư", "Đăk", "Ia", "Kông", "Krông", "Mang", "Phú", "Sơn", "Tân",
             "Hòa", "Lạc", "Thạnh", "Hưng", "Yên", "Đức", "Phước", "Long", "Kim", "Ngọc",
             "Hà", "Thanh", "Vĩnh", "Quang", "Trung", "Đông", "Tây", "Nam", "Bắc", "Lâm",
             "Hải", "Thuận", "Mỹ", "Gia", "Xuân", "Hồng", "Lộc", "Thọ", "Hiệp", "Pơ",
             "Prông", "Grai", "Sê", "Pa", "Đoa", "Bang", "Chro", "Khê", "Yang", "Rai"]
VILLAGES = ["thôn", "làng", "buôn", "tổ dân phố"]

# The parts prose is composed from.
VERBS = ["Lãnh đạo, chỉ đạo", "Tổ chức quán triệt", "Triển khai thực hiện", "Rà soát, đánh giá",
         "Kiểm tra, giám sát", "Tuyên truyền, phổ biến", "Hướng dẫn, đôn đốc",
         "Củng cố, kiện toàn", "Nâng cao chất lượng", "Đẩy mạnh", "Tiếp tục thực hiện",
         "Thống kê, đánh giá", "Bồi dưỡng, tập huấn về", "Chủ động nắm tình hình",
         "Đánh giá đúng thực chất", "Chấn chỉnh, khắc phục hạn chế trong", "Đổi mới nội dung",
         "Quan tâm chỉ đạo", "Theo dõi, nắm chắc", "Phát huy vai trò trong"]
OBJECTS = ["công tác phát triển đảng viên", "việc thực hiện quy chế dân chủ ở cơ sở",
           "chất lượng sinh hoạt chi bộ", "công tác cải cách hành chính",
           "phong trào thi đua yêu nước", "công tác dân vận của hệ thống chính trị",
           "việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
           "công tác bảo vệ chính trị nội bộ", "công tác kiểm tra, giám sát của cấp ủy",
           "nhiệm vụ quốc phòng, an ninh", "chương trình xây dựng nông thôn mới",
           "công tác giảm nghèo bền vững", "việc đào tạo, bồi dưỡng cán bộ",
           "công tác quản lý đất đai", "công tác phòng, chống tham nhũng, lãng phí",
           "việc xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh",
           "công tác đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên",
           "việc tạo nguồn, bồi dưỡng quần chúng ưu tú", "công tác tiếp công dân",
           "việc giải quyết đơn thư, khiếu nại, tố cáo", "công tác bình đẳng giới",
           "phong trào toàn dân bảo vệ an ninh Tổ quốc", "việc chăm lo đời sống nhân dân",
           "công tác chuyển đổi số", "công tác bảo vệ môi trường",
           "việc rà soát, sàng lọc đảng viên", "công tác quy hoạch cán bộ",
           "việc thực hiện nhiệm vụ chính trị của địa phương"]
SCOPES = ["trên địa bàn", "trong toàn Đảng bộ", "ở các chi bộ trực thuộc",
          "trong cơ quan, đơn vị", "ở cơ sở", "của cấp ủy, chính quyền",
          "trong cán bộ, đảng viên và nhân dân", "ở các thôn, làng", ""]
AIMS = ["bảo đảm đúng nội dung, tiến độ theo yêu cầu",
        "góp phần xây dựng Đảng bộ trong sạch, vững mạnh",
        "bảo đảm nghiêm túc, thiết thực, tiết kiệm, hiệu quả", "tránh phô trương, hình thức",
        "kịp thời phát hiện, biểu dương những điển hình tiên tiến",
        "làm rõ những ưu điểm, hạn chế và nguyên nhân", "rút ra bài học kinh nghiệm",
        "tạo sự thống nhất cao trong nhận thức và hành động",
        "phát huy vai trò nêu gương của cán bộ, đảng viên",
        "gắn trách nhiệm của người đứng đầu cấp ủy",
        "bám sát tình hình thực tiễn của địa phương", "không để xảy ra điểm nóng"]
LINKS = ["gắn với", "kết hợp với", "đi đôi với", "lồng ghép với"]
PURPOSE_HEADS = ["Đánh giá đúng thực chất", "Quán triệt sâu sắc", "Nâng cao nhận thức về",
                 "Làm rõ những ưu điểm, hạn chế trong", "Đề ra phương hướng, giải pháp cho"]
OUTLINE_HEADS = ["Đặc điểm tình hình", "Kết quả thực hiện", "Hạn chế, khuyết điểm",
                 "Nguyên nhân", "Bài học kinh nghiệm", "Phương hướng, nhiệm vụ",
                 "Giải pháp chủ yếu", "Đề xuất, kiến nghị"]
DOC_KINDS = [("kế_hoạch", "Kế hoạch", "KH"), ("hướng_dẫn", "Hướng dẫn", "HD"),
             ("chỉ_thị", "Chỉ thị", "CT"), ("nghị_quyết", "Nghị quyết", "NQ")]


def working_days(start, end, holes=()):
    """The days from START to END that are neither a weekend nor in HOLES."""
    days = []
    d = start
    while d <= end:
        if d.weekday() < 5 and not any(a <= d <= b for a, b in holes):
            days.append(d)
        d += datetime.timedelta(days=1)
    return days


D = datetime.date
# Each level reports in its own window, the lower first; gaps of at least
# a week (five working days) between the windows, and none of them near a
# public holiday (2/9, Tết Canh Tý 23-29/1/2020, Giỗ Tổ 2/4/2020, 30/4-1/5).
WINDOWS = {
    "xã": working_days(D(2019, 9, 9), D(2019, 10, 25)),
    "huyện": working_days(D(2019, 11, 11), D(2019, 12, 20)),
    "tỉnh": working_days(D(2020, 3, 2), D(2020, 6, 19),
                         [(D(2020, 3, 30), D(2020, 4, 10)), (D(2020, 4, 27), D(2020, 5, 5))]),
}
# Working days from the plan's date on, numbered: WD[day] - WD[other] is
# how many working days apart they are.
HOLIDAYS = [(D(2019, 9, 2), D(2019, 9, 2)), (D(2020, 1, 1), D(2020, 1, 1)),
            (D(2020, 1, 23), D(2020, 1, 29)), (D(2020, 4, 2), D(2020, 4, 2)),
            (D(2020, 4, 30), D(2020, 5, 1)), (D(2020, 9, 2), D(2020, 9, 2))]
WD = {d: i for i, d in enumerate(working_days(PLAN_DATE, D(2020, 12, 31), HOLIDAYS))}
# The month of the 'trong tháng' and 'trung tuần' forms, per level (ends
# on a working day, and before the next level's window).
MONTHS = {"xã": (10, 2019), "huyện": (12, 2019), "tỉnh": (6, 2020)}


class Body:
    def __init__(self, ident, name, level, parent=None, short=None):
        self.id, self.name, self.level, self.parent, self.short = ident, name, level, parent, short


class Task:
    pass


def place_names(rnd, count):
    """COUNT distinct names of two syllables, then of three."""
    seen = set()
    names = []
    misses = 0
    while len(names) < count:
        name = " ".join(rnd.sample(SYLLABLES, 2 if misses < 1000 else 3))
        if name in seen:
            misses += 1
        else:
            seen.add(name)
            names.append(name)
    return names


def sentence(rnd, obj=None):
    verb = rnd.choice(VERBS)
    obj = obj or rnd.choice(OBJECTS)
    scope = rnd.choice(SCOPES)
    s = "%s %s%s" % (verb[0].lower() + verb[1:], obj, (" " + scope) if scope else "")
    r = rnd.random()
    if r < 0.4:
        s += " %s %s" % (rnd.choice(LINKS), rnd.choice(OBJECTS))
    if r > 0.3:
        s += "; %s" % rnd.choice(AIMS)
    return s


def plan(n):
    """The model: bodies, documents, tasks, meetings; deterministic in N."""
    rnd = random.Random(SEED)
    m = {"n": n}
    prov = [Body("tinh_uy", "Tỉnh ủy Gia Lai", "tỉnh", None, "TU"),
            Body("btv_tinh_uy", "Ban Thường vụ Tỉnh ủy", "tỉnh", "tinh_uy", "BTV"),
            Body("btc_tinh_uy", "Ban Tổ chức Tỉnh ủy", "tỉnh", "tinh_uy"),
            Body("vp_tinh_uy", "Văn phòng Tỉnh ủy", "tỉnh", "tinh_uy"),
            Body("btg_tinh_uy", "Ban Tuyên giáo Tỉnh ủy", "tỉnh", "tinh_uy"),
            Body("bdv_tinh_uy", "Ban Dân vận Tỉnh ủy", "tỉnh", "tinh_uy")]
    ndist = max(2, round(n / 500))
    names = place_names(rnd, ndist * 20)
    districts = []
    for k in range(ndist):
        place = names[k]
        hu = Body("hu%d" % k, "Huyện ủy %s" % place, "huyện", "tinh_uy")
        organs = [Body("btv_hu%d" % k, "Ban Thường vụ Huyện ủy %s" % place, "huyện", hu.id),
                  Body("btc_hu%d" % k, "Ban Tổ chức Huyện ủy %s" % place, "huyện", hu.id),
                  Body("vp_hu%d" % k, "Văn phòng Huyện ủy %s" % place, "huyện", hu.id),
                  Body("bdv_hu%d" % k, "Ban Dân vận Huyện ủy %s" % place, "huyện", hu.id)]
        communes = []
        cells = []
        for j in range(rnd.randint(8, 16)):
            cname = names[ndist + (k * 16 + j) % (len(names) - ndist)]
            c = Body("dx%d_%d" % (k, j), "Đảng ủy xã %s" % cname, "xã", hu.id)
            communes.append(c)
            if rnd.random() < 0.25:
                cells.append(Body("cb%d_%d" % (k, j), "Chi bộ %s %d, xã %s"
                                  % (rnd.choice(VILLAGES), rnd.randint(1, 12), cname), "xã", c.id))
        districts.append({"place": place, "hu": hu, "organs": organs, "communes": communes,
                          "cells": cells})
    m["prov"], m["districts"] = prov, districts
    bodies = {b.id: b for b in prov}
    district_of = {}
    for k, d in enumerate(districts):
        for b in [d["hu"]] + d["organs"] + d["communes"] + d["cells"]:
            bodies[b.id] = b
            district_of[b.id] = k
    m["bodies"] = bodies

    # Documents: what the plan implements and what its prose cites.
    ndocs = max(5, n // 200)
    docs = []
    for i in range(ndocs):
        kind, word, code = DOC_KINDS[i % len(DOC_KINDS)]
        if i % 3 == 0:
            issuer, suffix = prov[1], "TU"
        else:
            k = i % ndist
            issuer, suffix = districts[k]["organs"][0], "HU"
        date = D(2015 + i % 4, 1 + (i * 5) % 12, 1 + (i * 7) % 28)
        docs.append({"id": "vb%d" % i, "number": "%d-%s/%s" % (i + 10, code, suffix),
                     "kind": kind, "word": word, "date": date, "issuer": issuer,
                     "about": sentence(rnd)})
    m["docs"] = docs

    # Tasks, in sections of 20 to 60.
    tasks = []
    recent = []           # exact-date tasks, for 'sau'
    levels = ["xã"] * 5 + ["huyện"] * 3 + ["tỉnh"] * 2
    for i in range(n):
        t = Task()
        t.id = "t%d" % i
        t.level = level = rnd.choice(levels)
        k = rnd.randrange(ndist)
        d = districts[k]
        if level == "xã":
            pool = d["communes"] + d["cells"]
            t.owner = rnd.choice(pool)
            t.to, t.via = d["organs"][0], d["organs"][1]
            t.partner = None
        elif level == "huyện":
            t.owner = rnd.choice(d["organs"][1:] + [d["hu"]])
            t.to, t.via = prov[1], prov[2]
            t.partner = rnd.choice(d["organs"][1:]) if rnd.random() < 0.2 else None
            if t.partner is t.owner:
                t.partner = None
        else:
            t.owner = rnd.choice(prov[2:])
            t.to, t.via = (prov[1], None) if rnd.random() < 0.5 else (None, None)
            t.partner = None
        if rnd.random() < 0.15:
            t.to = t.via = None
        r = rnd.random()
        win = WINDOWS[level]
        t.date = t.form = None
        if r < 0.55:
            t.form = "date" if r < 0.35 else "words"
            t.date = rnd.choice(win)
        elif r < 0.65:
            t.form = "month"
        elif r < 0.75:
            t.form = "mid"
        elif r < 0.9:
            t.form = "always"
        elif r < 0.95:
            t.form = "yearly"
        else:
            t.form = None
        t.after = None
        if t.date and rnd.random() < 0.3:
            # 'sau' a task due at least five working days before.
            cands = [u for u in recent[-40:] if WD[t.date] - WD[u.date] >= 5]
            if cands:
                t.after = rnd.choice(cands)
        if t.date:
            recent.append(t)
        t.obj = rnd.choice(OBJECTS)
        t.text = sentence(rnd, t.obj)
        t.say_owner = rnd.random() < 0.3
        t.say_to = t.to is not None and rnd.random() < 0.3
        t.say_date = t.date is not None and rnd.random() < 0.4
        tasks.append(t)
    m["tasks"] = tasks

    # Meetings: the province's, one per district, one per fifth commune.
    meetings = []
    meetings.append({"id": "hn_tinh", "name": "Hội nghị tổng kết cấp tỉnh", "level": "tỉnh",
                     "org": prov[1], "chair": prov[1], "date": WINDOWS["tỉnh"][-5],
                     "attend": [d["hu"] for d in districts], "each": True})
    for k, d in enumerate(districts):
        meetings.append({"id": "hn_hu%d" % k, "name": "Hội nghị tổng kết cấp huyện ở huyện %s"
                         % d["place"], "level": "huyện", "org": d["organs"][0],
                         "chair": d["organs"][0], "date": rnd.choice(WINDOWS["huyện"][:10]),
                         "attend": [d["hu"]] + d["communes"][:3], "each": False})
        for j, c in enumerate(d["communes"]):
            if j % 5 == 0:
                meetings.append({"id": "hn_%s" % c.id, "name": "Hội nghị %s %s"
                                 % (rnd.choice(["sơ kết", "tổng kết", "chuyên đề"]), c.name),
                                 "level": "xã", "org": c, "chair": c,
                                 "date": rnd.choice(WINDOWS["xã"][-10:]), "attend": [c],
                                 "each": False})
    m["meetings"] = meetings
    m["rnd"] = rnd
    return m


def dmy(d):
    return "%d/%d/%d" % (d.day, d.month, d.year)


def due(t):
    if t.form == "date":
        return "trước %s" % dmy(t.date)
    if t.form == "words":
        return "trước ngày %d tháng %d năm %d" % (t.date.day, t.date.month, t.date.year)
    if t.form == "month":
        return "trong tháng %d/%d" % MONTHS[t.level]
    if t.form == "mid":
        return "dự_kiến trung tuần tháng %d/%d" % MONTHS[t.level]
    if t.form == "always":
        return "thường_xuyên"
    if t.form == "yearly":
        return "từ tháng %d năm 2019, hằng_năm" % (9 if t.level == "xã" else 11)
    return None


def write_kh(m, path):
    n = m["n"]
    rnd = m["rnd"]
    out = []
    w = out.append
    w("# Synthetic plan for `make bench`: %d tasks, without findings. Generated by bench/gen.py.\n\n"
      % n)
    w('cấp tỉnh "Cấp tỉnh"\ncấp huyện "Cấp huyện" dưới tỉnh\ncấp xã "Cấp xã" dưới huyện\n\n')
    w("# ---- Bodies of the province ----\n\n")
    for b in m["prov"]:
        w('cơ_quan %s "%s" cấp %s%s%s\n' % (b.id, b.name, b.level,
                                           " thuộc %s" % b.parent if b.parent else "",
                                           ' viết_tắt "%s"' % b.short if b.short else ""))
    for d in m["districts"]:
        w("\n# ---- Huyện %s ----\n\n" % d["place"])
        for b in [d["hu"]] + d["organs"] + d["communes"] + d["cells"]:
            w('cơ_quan %s "%s" cấp %s thuộc %s\n' % (b.id, b.name, b.level, b.parent))
    w("\n# ---- Cited documents ----\n\n")
    for doc in m["docs"]:
        w('văn_bản %s "%s" ngày %s của %s {\n  loại %s\n  trích_yếu "về %s"\n}\n'
          % (doc["id"], doc["number"], dmy(doc["date"]), doc["issuer"].id, doc["kind"],
             doc["about"]))
    docs = m["docs"]
    d0 = docs[0]
    w('\nkế_hoạch "250-KH/TU" {\n  ban_hành btv_tinh_uy\n  địa_danh "Gia Lai"\n  ngày %s\n'
      % dmy(PLAN_DATE))
    w('  trích_yếu "tổng kết thực hiện %s số %s"\n  thực_hiện %s\n' % (d0["word"], d0["number"],
                                                                       d0["id"]))
    w('  mở_đầu "Thực hiện %s số %s, ngày %s của %s %s, Ban Thường vụ Tỉnh ủy xây dựng '
      'Kế hoạch như sau:"\n' % (d0["word"], d0["number"], dmy(d0["date"]), d0["issuer"].name,
                                d0["about"]))
    w('  mục "MỤC ĐÍCH, YÊU CẦU" {\n')
    for i in range(3):
        w('    mục_đích "%s %s; %s."\n' % (rnd.choice(PURPOSE_HEADS), rnd.choice(OBJECTS),
                                          rnd.choice(AIMS)))
    w('    yêu_cầu "%s."\n  }\n' % sentence(rnd).capitalize())
    tasks = m["tasks"]
    cited = 1
    i = 0
    section = 0
    while i < n:
        section += 1
        size = rnd.randint(20, 60)
        w('  mục "%s" {\n' % sentence(rnd).split(";")[0].upper())
        if cited < len(docs):
            doc = docs[cited]
            cited += 1
            w('    "Căn cứ %s số %s, %s."\n' % (doc["word"], doc["number"], sentence(rnd)))
        for _ in range(rnd.randint(0, 2)):
            w('    - "%s."\n' % sentence(rnd).capitalize())
        for t in tasks[i:i + size]:
            text = t.text
            if t.say_owner:
                text = "%s %s" % (t.owner.name, text)
            else:
                text = text[0].upper() + text[1:]
            if t.say_to:
                text += "; gửi báo cáo về %s%s" % (t.to.name, " (qua %s)" % t.via.name
                                                   if t.via else "")
            if t.say_date:
                text += " trước ngày %s" % dmy(t.date)
            w('    nhiệm_vụ %s "%s." {\n      giao %s\n' % (t.id, text, t.owner.id))
            if t.partner:
                w("      phối_hợp %s\n" % t.partner.id)
            if t.to:
                w("      gửi %s%s\n" % (t.to.id, " qua %s" % t.via.id if t.via else ""))
            dd = due(t)
            if dd:
                w("      hạn %s\n" % dd)
            if t.after:
                w("      sau %s\n" % t.after.id)
            w("    }\n")
        i += size
        w("  }\n")
    w('  mục "HỘI NGHỊ TỔNG KẾT" {\n')
    for mt in m["meetings"]:
        w('    hội_nghị %s "%s" {\n      cấp %s\n      tổ_chức %s\n      chủ_trì %s\n'
          '      thời_lượng 01 buổi\n      thời_gian trước %s\n      thành_phần {\n'
          % (mt["id"], mt["name"], mt["level"], mt["org"].id, mt["chair"].id, dmy(mt["date"])))
        for b in mt["attend"]:
            w('        dự %s "đại diện lãnh đạo %s"\n' % (b.id, b.name))
        if mt["each"]:
            w('        mỗi huyện 1 "bí thư chi bộ hoạt động hiệu quả"\n')
        w('        mời "%s"\n      }\n    }\n' % rnd.choice(
            ["Đại diện lãnh đạo Vụ Địa phương II", "Đại diện Ủy ban Mặt trận Tổ quốc",
             "Các đồng chí nguyên là lãnh đạo qua các thời kỳ", "Phóng viên báo, đài"]))
    w("  }\n")
    while cited < len(docs):
        doc = docs[cited]
        cited += 1
        w('  "Các cấp ủy tiếp tục thực hiện %s số %s; %s."\n'
          % (doc["word"], doc["number"], sentence(rnd)))
    w('  kết_thúc "Trên đây là Kế hoạch của Ban Thường vụ Tỉnh ủy; yêu cầu các cấp ủy, tổ chức '
      'đảng nghiêm túc triển khai thực hiện."\n')
    w("  nơi_nhận {\n")
    w('    btc_tinh_uy, btg_tinh_uy, bdv_tinh_uy\n')
    for d in m["districts"]:
        w("    %s\n" % d["hu"].id)
    w('    lưu "Văn phòng Tỉnh ủy"\n  }\n')
    w('  ký { thay_mặt "T/M BAN THƯỜNG VỤ" btv_tinh_uy; chức_vụ "PHÓ BÍ THƯ"; '
      'họ_tên "Châu Ngọc Tuấn" }\n')
    w('  đề_cương dc "ĐỀ CƯƠNG BÁO CÁO" {\n    trích_yếu "tổng kết thực hiện %s số %s"\n'
      % (d0["word"], d0["number"]))
    for p in range(max(1, n // 200)):
        w('    phần "PHẦN %d. %s" {\n' % (p + 1, rnd.choice(OBJECTS).upper()))
        for s in rnd.sample(OUTLINE_HEADS, 4):
            w('      mục "%s" {\n' % s)
            for _ in range(rnd.randint(1, 3)):
                w('        - "%s."\n' % sentence(rnd).capitalize())
            w("      }\n")
        w("    }\n")
    w("  }\n}\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen.py N OUT.kh")
    write_kh(plan(int(sys.argv[1])), sys.argv[2])


if __name__ == "__main__":
    main()
