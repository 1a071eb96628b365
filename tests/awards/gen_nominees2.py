#!/usr/bin/env python3
"""Writes the nominee CSVs of the two plans added after the gddt one
(deterministic; run from anywhere):

- dang-uy-xa-nominees.csv        for KH-khen-thuong-dang-uy-xa-2025.kh:
  UTF-8 with a BOM, ';' separators, CRLF (Excel in a Vietnamese locale);
- dang-uy-xa-nominees-comma.csv  the same records: no BOM, ',', LF;
- dsvh-nominees.csv              for KH-khen-thuong-dsvh-huyen-2025.kh:
  UTF-8 without BOM, ',', CRLF.

Rows are hand-written; the edge cases are marked EDGE and listed in
README.md with their lines (expected.py prints the lines it reads).
Shares nothing with kehoach or with expected.py."""
import csv, datetime, io, os, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
nfd = lambda s: unicodedata.normalize("NFD", s)

# ================================================================ Party ==
# Header: EDGE "  HỌ VÀ TÊN" (leading blanks, capitals), "Ngày vào đảng"
# and "xếp loại 2025" in another case, "Điểm đánh giá " (trailing blank),
# a header with a comma ("Tuổi đảng (năm tròn, đã trừ gián đoạn)").
DH = ["Mã", "  HỌ VÀ TÊN", "Đối tượng", "Chi bộ", "Chức vụ", "Ngày sinh", "Ngày vào đảng",
      "Đảng viên dự bị", "Có thời gian gián đoạn sinh hoạt đảng", "Tuổi đảng (năm tròn, đã trừ gián đoạn)",
      "Xếp loại 2021", "Xếp loại 2022", "Xếp loại 2023", "Xếp loại 2024", "xếp loại 2025",
      "Số năm liên tục HTXSNV", "Điểm đánh giá ", "Tình trạng sinh hoạt", "Đang trong thời hạn kỷ luật",
      "Bị kỷ luật trong năm 2025", "Khen thưởng đã nhận", "Nhiệm vụ được phân công", "Ghi chú"]
DONG, TAY, NAM, BAC, TRUNG = ("Chi bộ Thôn Đông", "Chi bộ Thôn Tây", "Chi bộ Thôn Nam",
                              "Chi bộ Thôn Bắc", "Chi bộ Thôn Trung")
THCS, TH, QS, CA, YT, CQ, HA = ("Chi bộ Trường THCS Phú Lộc", "Chi bộ Trường Tiểu học Phú Lộc",
                                "Chi bộ Quân sự xã", "Chi bộ Công an xã", "Chi bộ Trạm Y tế xã",
                                "Chi bộ Cơ quan Đảng - Đoàn thể", "Chi bộ Thôn Hạ")
A, T, N = "HTXSNV", "HTTNV", "HTNV"
X5 = [A] * 5
T5 = [T] * 5

def age(nvd):
    """Whole years of membership on 03/02/2026 (no interruption)."""
    try:
        if "-" in nvd:
            y, m, d = map(int, nvd.split("-"))
        else:
            d, m, y = map(int, nvd.split("/"))
        datetime.date(y, m, d)
    except ValueError:
        return ""
    return str(2026 - y - (1 if (m, d) > (2, 3) else 0))

def cb(ma, ten, xl, diem, kln="", khen="", nv="", gc=""):
    assert len(xl) == 5
    return [ma, ten, "tập thể", ten, "", "", "", "", "", ""] + xl + ["", diem, "", "", kln, khen, nv, gc]

def dv(ma, ten, chibo, cv, ns, nvd, xl, sonam="", dubi="", gd="", tuoi=None, sh="Bình thường",
       kl="", kln="", khen="", nv="", gc="", dt="cá nhân"):
    assert len(xl) == 5, ma
    if tuoi is None:
        tuoi = age(nvd)
    return [ma, ten, dt, chibo, cv, ns, nvd, dubi, gd, tuoi] + xl + [sonam, "", sh, kl, kln, khen, nv, gc]

D = []
# ---- chi bộ (Giấy khen for the collective: quota 3, by điểm) ----------
D += [
 cb("CB01", DONG, X5, "96", kln="không"),
 cb("CB02", THCS, [T, T, T, A, A], "95", kln="0"),
 cb("CB03", QS, X5, "94.5", kln="NO"),                         # EDGE tie at 94.5 on the 3rd place
 cb("CB04", CA, [T, A, A, A, A], "94.5"),                      # ... CB04 past the quota, CSV order
 cb("CB05", YT, X5, "93"),
 cb("CB06", TAY, [A, A, A, T, A], "97"),                       # rule 2: 2024 HTTNV
 cb("CB07", NAM, X5, "95.5", kln="x"),                         # rule 3: a member disciplined in 2025
 cb("CB08", BAC, X5, "89.5"),                                  # rule 4: 89.5 < 90
 cb("CB09", TRUNG, [T, T, T, A, A], "90"),                     # EDGE exactly 90: eligible
 cb("CB10", TH, X5, ""),                                       # EDGE blank điểm read by rule 4: error
 cb("CB11", CQ, X5, "92,5"),                                   # EDGE "92,5": file error
 cb("CB12", HA, [T, T, T, "htxsnv", "HTXSNV "], "91",          # EDGE lower case / trailing blank ratings
    khen="Giấy khen của Ban Chấp hành Đảng bộ xã 2023", gc="Chi bộ mới hợp nhất từ 02 chi bộ thôn Hạ Đông, Hạ Tây"),
]
# ---- đảng viên ------------------------------------------------------------
D += [
 # Giấy khen for members: mỗi chi bộ 1, THCS and Quân sự 2; by số năm giảm, ngày vào Đảng tăng
 dv("DV001", "Nguyễn Văn An", DONG, "Bí thư chi bộ, Trưởng thôn", "12/5/1975", "15/6/2000", X5, "5", dubi="không", gd="không",
    nv="Bí thư chi bộ; Trưởng thôn"),
 dv("DV002", "Trần Thị Bình", DONG, "Chi hội trưởng Phụ nữ", "20/10/1982", "20/3/2005", X5, "5", dubi="Không", gd="KHÔNG"),
 dv("DV003", "Lê Văn Cường", THCS, "Hiệu trưởng", "02/01/1978", "01/9/2001", X5, "5"),
 dv("DV004", "Phạm Thị Dung", THCS, "Tổ trưởng chuyên môn", "14/7/1980", "01/9/2003", [T, A, A, A, A], "4"),
 dv("DV005", "Đoàn Thị Duyên", THCS, "Giáo viên", "30/3/1981", "01/9/2003", [T, A, A, A, A], "4"),   # EDGE full tie with DV004 across THCS's 2
 dv("DV006", "Hoàng Văn Em", QS, "Chỉ huy trưởng Ban CHQS xã", "09/9/1985", "02/9/2008", X5, "5", dubi="0", gd="0"),
 dv("DV007", "Vi Văn Phương", QS, "Phó Chỉ huy trưởng", "11/11/1995", "19/5/2020", ["", A, A, A, A], "4",   # EDGE missing 2021 rating
    gc="Năm 2021 tại ngũ, chưa chuyển sinh hoạt về xã"),
 dv("DV008", "Lục Văn Quang", QS, "Dân quân thường trực", "01/01/2001", "15/3/2025", ["", "", "", "", A], "1", dubi="X"),  # rule 1: dự bị
 dv("DV009", "Mạc Văn Hùng", CA, "Trưởng Công an xã", "05/6/1988", "03/02/2012", [T, A, A, A, A], "4"),
 dv("DV010", "Lương Thị Huyền", YT, "Trạm trưởng", "25/12/1979", "19/5/2010", [A, A, A, A, T], "0"),       # rule 2: 2025 HTTNV
 dv("DV011", "Đào Văn Khải", TAY, "Chi đoàn trưởng", "08/8/1990", "26/3/2015", [A, T, T, T, A], "1"),       # rule 3: 2 of 5
 dv("DV012", "Trần Minh Khôi", TAY, "Đảng viên", "17/4/1998", "05/01/2023", ["", "", "", A, A], "2"),       # rule 3 via trừ_khi (vào Đảng 2023)
 dv("DV013", "Nguyễn Thị Lệ", NAM, "Đảng viên", "21/6/1999", "20/12/2022", ["", "", "", A, A], "2"),       # EDGE 20/12/2022: trừ_khi false, rejected rule 3
 dv("DV014", "Tôn Thất Lợi", NAM, "Đảng viên", "15/3/1948", "12/8/1975", X5, "5", sh="Miễn sinh hoạt",    # rule 4 (gk); hh50 eligible
    gc="Miễn sinh hoạt đảng từ tháng 11/2025 (ốm đau dài ngày)"),
 dv("DV015", "Phan Văn Mạnh", BAC, "Phó Bí thư chi bộ", "02/02/1984", "10/10/2009", X5, "5",
    khen="Giấy khen của Ban Chấp hành Đảng bộ xã 2024"),                                                  # rule 5: GK Đảng bộ 2024
 dv("DV016", "Hà Thị Ngân", BAC, "Chi hội trưởng Nông dân", "13/3/1986", "22/12/2011", X5, "5",
    khen="Giấy khen của Ban Chấp hành Đảng bộ xã 2023; Giấy khen của Chủ tịch UBND xã 2024"),              # EDGE 2023 outside; state GK other class
 dv("DV017", "Triệu Văn Nhân", TRUNG, "Đảng viên", "10/10/1960", "01/3/1984", X5, "5", kl="có",           # excluded (gk, hh40)
    gc="Cảnh cáo tháng 6/2025"),
 dv("DV018", "Chu Thị Nhung", TRUNG, "Đảng viên", "19/9/1991", "10/10/2016", X5, "5", kl="no", kln="YES",  # excluded in gk only
    gc="Khiển trách tháng 01/2025"),
 dv("DV019", "Nông Văn Ổn", TRUNG, "Bí thư chi bộ", "06/6/1983", "01/01/2010", X5, "5"),
 dv("DV043", "Thái Văn Khang", YT, "Y sĩ", "01/5/1975", "29/02/1996", X5, "5"),                               # EDGE a real 29/02 (1996): valid
]
# ---- older members: Huy hiệu Đảng (tuổi đảng counted to 03/02/2026) ------------
old = [T, T, T, T, T]
D += [
 dv("DV020", "Lê Văn Hòa", DONG, "Đảng viên", "01/01/1966", "03/02/1996", old),             # EDGE exactly 30 years: hh30 (range end included)
 dv("DV021", "Nguyễn Thị Lý", TAY, "Đảng viên", "05/5/1970", "04/02/1996", old),            # EDGE 29 years: hh30 rule 2
 dv("DV022", "Phan Văn Minh", NAM, "Đảng viên", "09/9/1960", "04/02/1986", old),            # EDGE range start included: hh30
 dv("DV023", "Đỗ Văn Nam", BAC, "Đảng viên", "03/3/1958", "03/02/1986", old),               # 40 years: not hh30, hh40
 dv("DV024", "Bùi Thị Oanh", TRUNG, "Đảng viên", "27/7/1968", "15/8/1990", old, gd="có", tuoi="32",   # gián đoạn, 32: hh30 via trừ_khi
    gc="Gián đoạn sinh hoạt đảng 03 năm (1997-2000)"),
 dv("DV025", "Vũ Văn Phúc", DONG, "Đảng viên", "12/12/1972", "10/01/1995", old, gd="x", tuoi="27"),   # hh30 rule 3
 dv("DV026", "Đặng Văn Quý", TAY, "Đảng viên", "20/02/1970", "20/7/1992", old, gd="1", tuoi=""),      # EDGE blank tuổi read by every Huy hiệu
 dv("DV027", "Ngô Thị Quyên", NAM, "Đảng viên", "14/4/1971", "10/5/1993", old, gd="không", tuoi=""),  # EDGE blank tuổi: hh30 eligible (not read), others error
 dv("DV028", "Trịnh Văn Sơn", BAC, "Đảng viên", "01/6/1955", "01/6/1980", old, gd="Có", tuoi="39",    # EDGE real tuổi 39, date says 45: hh30 rule 2
    gc="Gián đoạn 06 năm (1986-1992), được khôi phục đảng tịch"),
 dv("DV029", "Lý Văn Tài", TRUNG, "Đảng viên", "05/5/1962", "05/5/1984", old, khen="Huy hiệu 30 năm tuổi Đảng 2014"),  # hh40
 dv("DV030", "Hồ Thị Uyên", DONG, "Đảng viên", "10/10/1960", "10/10/1982", old, khen="Huy hiệu 40 năm tuổi Đảng 2023"),  # hh40 rule 3
 dv("DV031", "Mai Văn Việt", TAY, "Đảng viên", "01/01/1958", "01/01/1981", old),            # 45: hh_moc_khac
 dv("DV032", "Châu Văn Xuân", NAM, "Đảng viên", "02/02/1950", "02/02/1976", old),           # 50: hh50 (date branch)
 dv("DV033", "Tạ Thị Yến", BAC, "Đảng viên", "03/3/1953", "03/02/1976", old),               # EDGE 03/02/1976, range end: hh50
 dv("DV034", "Quách Văn Ân", TRUNG, "Đảng viên", "04/4/1954", "04/02/1976", old),           # EDGE 49 years: hh50 rule 2
 dv("DV035", "Kiều Văn Bảo", DONG, "Đảng viên", "30/4/1950", "10/3/1972", old, gd="có", tuoi="51"),  # hh50 via the tuổi branch
 dv("DV036", "La Thị Cúc", TAY, "Đảng viên", "15/5/1948", "15/5/1970", old),                # 55: not hh50, hh_moc_khac
 dv("DV037", "Ông Văn Danh", NAM, "Đảng viên", "19/5/1945", "19/5/1965", old),              # 60
 dv("DV038", "Âu Thị Đào", BAC, "Đảng viên", "01/01/1938", "01/01/1956", old, kl="1"),      # 70 but disciplined: excluded
 dv("DV039", nfd("Lò Văn Ến"), TRUNG, "Đảng viên", "22/12/1932", "22/12/1950", old),        # EDGE NFD name; 75
 dv("DV040", "Hà Văn Giang", DONG, "Đảng viên", "1968-03-12", "1995-06-15", old),           # EDGE ISO dates: hh30
]
# ---- cells that do not parse, keys, structure ---------------------------------
D += [
 dv("DV041", "Nông Thị Hằng", TAY, "Đảng viên", "12/12/1997", "29/02/2023", ["", "", A, A, A], "3"),   # EDGE 29/02/2023: file error
 dv("DV042", "Phùng Văn Ích", NAM, "Đảng viên", "29/02/1971", "10/10/1998", old),                      # EDGE unused column, 29/02/1971: file error
 dv("DV044", "Khổng Minh Khoa", BAC, "Đảng viên", "03/8/2000", "03/02/2024", ["", "", "", A, A], "2", dubi="chưa"),   # EDGE "chưa" is not có/không
 dv("DV009", "Mạc Thị Hương", CA, "Cán bộ Công an xã", "18/8/1993", "26/3/2018", X5, "5"),              # EDGE duplicate key DV009
 dv("DV047", nfd("Nguyễn Thị Thu Hường"), HA, "Bí thư Chi đoàn", "01/01/1996", "26/3/2019", X5, "5"),    # EDGE NFD name; eligible (Thôn Hạ)
 dv("DV048", "Lê Thị Mỹ", HA, "Đảng viên", "07/7/1992", "10/10/2017", X5, "4",
    gc='Được UBND xã tặng danh hiệu "Công dân tiêu biểu", năm 2024;\nđề nghị xem xét lại xếp loại 2022'),  # EDGE quotes, ';', comma, line break
 dv("DV049", "Cao Văn Lâm", DONG, "Đảng viên", "09/9/1963", "09/9/1988", old,
    khen="Huy hiệu 30 năm tuổi Đảng"),                                                                  # EDGE an award without a year: file error
 dv("DV050", "Doãn Văn Lực", TAY, "Đảng viên", "01/4/1964", "01/4/1988", old,
    khen="Giấy khen của Ban Chấp hành Đảng bộ xã 2021; Huy hiệu 30 năm tuổi Đảng 2018; Bằng khen của Chủ tịch UBND tỉnh 2020"),  # hh30 rule 4
 dv("DV051", "Tăng Thị Mến", "chi bộ trường THCS Phú Lộc ", "Giáo viên", "12/02/1990", "19/5/2014", X5, "3"),   # EDGE chi bộ in other case + blank
 dv("DV052", "Kha Văn Nghị", CA, "Phó Trưởng Công an xã", "30/01/1987", "20/11/2010", X5, "5", dt="Cá nhân"),  # EDGE "Cá nhân"
 dv("DV053", "Giáp Văn Phong", CQ, "Chủ tịch UBMTTQ xã", "15/8/1970", "30/4/1994", [A, A, A, T, A], "1",
    nv="Chủ tịch Ủy ban MTTQ xã; phụ trách Chi bộ Thôn Hạ; Tổ trưởng tổ hòa giải"),                       # hh30 eligible; gk rule 3 (3 of 5)
 dv("DV054", "Khúc Thị Quế", CQ, "Chủ tịch Hội LHPN xã", "10/10/1985", "22/12/2008", [A, T, T, T, A], ""),  # EDGE blank số năm on a rejected member: not read
 dv("DV055", "Lâm Văn Rạng", YT, "Đảng viên", "17/7/1963", "15/10/1985", old, tuoi="30,5"),               # EDGE "30,5": file error
 dv("DV056", "Ninh Văn Sỹ", NAM, "Đảng viên", "05/5/1958", "01/10/1981", old, gd="có", tuoi="44.5"),      # EDGE 44.5 (not whole): hh40 rule 2
 dv("DV057", "Vương Thị Thanh", TH, "Hiệu trưởng", "18/6/1979", "02/9/2002", X5, "5"),
 dv("DV058", "Lạc Văn Thuận", TH, "Giáo viên", "21/9/1990", "19/5/2016", [T, A, A, A, A], "4"),
 dv("DV059", "Bế Thị Uyển", YT, "Nữ hộ sinh", "19/8/1992", "03/02/2019", [T, T, A, A, A], "3"),
 dv("DV060", "Sầm Văn Vinh", CQ, "Văn phòng Đảng ủy", "09/12/1994", "26/3/2019", X5, "5"),
 dv("DV061", "Mông Thị Xuyến", HA, "Chi hội trưởng Phụ nữ", "15/5/1988", "10/10/2014", [T, A, T, A, A], "2"),  # 3 of 5: eligible, past
 dv("DV062", "Hứa Văn Yên", DONG, "Công an viên", "02/9/1996", "03/02/2022", ["", "", T, A, A], "2"),      # rule 3: 2 of 5, vào Đảng 2022 (trừ_khi false)
]
# EDGE too many fields: written raw after DV048 (a ';' or ',' typed in Ghi chú, unquoted)
D_TOO_MANY_AFTER = "DV048"
D_TOO_MANY = dv("DV046", "Tô Văn Tùng", QS, "Dân quân", "09/9/1999", "22/12/2021", ["", A, A, A, A], "4",
                gc="Chuyển sinh hoạt từ xã Phú Sơn") + ["về từ 01/7/2025"]

# ================================================================ DSVH ==
# Header: EDGE " Đối tượng " (blanks), "XÃ, THỊ TRẤN" (capitals, comma),
# curly quotes in a header, an extra year ("Danh hiệu văn hóa 2019") that
# no rule reads.
SH = ["Mã", "Tên tập thể, cá nhân, hộ gia đình", " Đối tượng ", "Loại hình", "XÃ, THỊ TRẤN", "Chức vụ",
      "Cán bộ, công chức, viên chức", "Số năm cư trú, công tác tại địa phương", "Hộ mới tách", "Ngày tách hộ"] + \
     [f"Danh hiệu văn hóa {y}" for y in range(2019, 2025)] + [f"Xếp loại CBCC {y}" for y in range(2020, 2025)] + \
     ["Tỷ lệ hộ đạt “Gia đình văn hóa” năm 2024 (%)", "Thôn đặc biệt khó khăn", "Ban Chỉ đạo xã đề nghị",
      "Nghỉ thai sản trong giai đoạn", "Điểm bình xét", "Số mô hình, điển hình", "Vi phạm pháp luật, an ninh trật tự",
      "Khen thưởng đã nhận", "Phong trào tham gia", "Ghi chú"]
TTCX, TTTC = "Thị trấn Cẩm Xuyên", "Thị trấn Thiên Cầm"
CQg, CV, CT, CB_, CH, CD = "Xã Cẩm Quang", "Xã Cẩm Vịnh", "Xã Cẩm Thành", "Xã Cẩm Bình", "Xã Cẩm Hưng", "Xã Cẩm Duệ"
TVH, TDP, CQVH, GD = "Thôn văn hóa", "Tổ dân phố văn hóa", "Cơ quan đạt chuẩn văn hóa", "Gia đình văn hóa"

def tt(ma, ten, lh, xa, dh6, tyle, diem, mh, dbkk="", dn="x", vp="", khen="", pt="", gc=""):
    assert len(dh6) == 6, ma
    return [ma, ten, "tập thể", lh, xa, "", "", "", "", ""] + dh6 + [""] * 5 + \
           [tyle, dbkk, dn, "", diem, mh, vp, khen, pt, gc]

def cn(ma, ten, xa, cv, cbcc, cutru, xl5, diem, mh, dn="có", ts="", vp="", khen="", pt="", gc="", dt="cá nhân"):
    assert len(xl5) == 5, ma
    return [ma, ten, dt, "", xa, cv, cbcc, cutru, "", ""] + [""] * 6 + xl5 + \
           ["", "", dn, ts, diem, mh, vp, khen, pt, gc]

def hg(ma, ten, xa, cutru, dh6, diem, tach="", ngay="", dn="x", vp="", khen="", pt="", gc="", dt="hộ gia đình"):
    assert len(dh6) == 6, ma
    return [ma, ten, dt, "", xa, "", "", cutru, tach, ngay] + dh6 + [""] * 5 + \
           ["", "", dn, "", diem, "1", vp, khen, pt, gc]

S = []
V5 = [TVH] * 6
# ---- tập thể ------------------------------------------------------------------
S += [
 tt("TT01", "Thôn Tân Hòa", "Thôn", CQg, V5, "92", "96", "4", pt="Xây dựng nông thôn mới; Ngày hội Đại đoàn kết"),
 tt("TT02", "Tổ dân phố 3", "Tổ dân phố", TTCX, ["", "", "Không đạt", TDP, TDP, TDP], "88", "95", "3"),  # EDGE exactly 3 of 5
 tt("TT03", "Thôn Trung Hà", "Thôn", CV, [TVH, "Không đạt", TVH, "Không đạt", "", TVH], "90", "92", "2"),  # rule 3: 2 of 5 (2019 not counted)
 tt("TT04", "Thôn Phú Sơn", "Thôn", CT, V5, "85", "91", "2"),                                          # EDGE exactly 85: not "trên 85%"
 tt("TT05", "Thôn Vĩnh Yên", "Thôn", CH, V5, "72", "93", "2", dbkk="có"),                               # rule 4 via trừ_khi
 tt("TT06", "Thôn Bắc Sơn", "Thôn", CH, V5, "68", "90", "1", dbkk="X"),                                 # rule 4: 68 < 70
 tt("TT07", "Trường Tiểu học Cẩm Vịnh", "Cơ quan", CV, [CQVH] * 6, "100", "94", "3"),                   # EDGE full tie with TT08 on the 5th place
 tt("TT08", "Trạm Y tế xã Cẩm Thành", "Cơ quan", CT, ["", "", CQVH, CQVH, CQVH, CQVH], "95", "94", "3"),
 tt("TT09", "Thôn Hòa Bình", "Thôn", CB_, V5, "93", "97", "3", dn=""),                                 # rule 2: not proposed (blank)
 tt("TT10", "Tổ dân phố 5", "Tổ dân phố", TTTC, [TDP] * 6, "90", "95", "2",
    khen="Bằng khen của Chủ tịch UBND tỉnh 2023"),                                                      # a Bằng khen is not "Giấy khen"
 tt("TT11", "Thôn Đông Hà", "Thôn", CD, V5, "87", "94.5", "1"),
 tt("TT12", "Thôn Tây Hà", "Thôn", CD, V5, "91", "93.5", "2", khen="Giấy khen của Chủ tịch UBND huyện 2023"),   # rule 7
 tt("TT13", "Thôn Nam Hà", "Thôn", CD, V5, "89", "93", "2", khen="giấy khen của chủ tịch ubnd xã 2024"),        # EDGE lower case: rule 7
 tt("TT14", "Thôn Xuân Hà", "Thôn", CB_, V5, "90", "92.5", "2", vp="có", gc="Năm 2024 để xảy ra 01 vụ tụ tập đông người"),  # excluded
 tt("TT15", "Thôn Hưng Hà", "Thôn", CB_, V5, "", "92", "1"),                                           # EDGE blank tỷ lệ read by rule 4: error
 tt("TT16", "Thôn Tiến Hà", "Thôn", CQg, V5, "86,5", "91", "1"),                                       # EDGE "86,5": file error
 tt("TT17", "Thôn Kim Hà", "Thôn", CQg, ["", "Thôn văn hoá", "Thôn văn hoá", "Thôn văn hoá", TVH, TVH], "93", "95", "2",
    gc="Danh hiệu 2020-2022 ghi theo quyết định cũ"),                                                   # EDGE "hoá" (old tone place): 2 of 5
 tt("TT18", "Thôn Mỹ Hà", "Thôn", CT, ["", TVH, "thôn văn hóa", TVH, TVH, "THÔN VĂN HÓA"], "86", "90", "1"),  # EDGE case of titles; eligible, past
 tt("TT19", "Trường THCS Cẩm Bình", "Cơ quan", CB_, [CQVH + " "] * 6, "97", "92", "2"),               # EDGE trailing blank in titles; eligible, past
 tt("TT20", "Thôn Hạ Vân", "Thôn", CV, V5, "95", "91.5", "1",
    gc='Mô hình "Con đường bích họa", "Ngõ xóm sáng - xanh - sạch - đẹp"'),                             # EDGE quotes and commas in a quoted field
]
# ---- cá nhân ------------------------------------------------------------------
H3 = [T, T, T, A, A]
S += [
 cn("CN01", "Nguyễn Văn Hải", CQg, "Trưởng thôn Tân Hòa", "không", "30", [""] * 5, "97", "2"),
 cn("CN02", "Trần Thị Hạnh", CQg, "Công chức Văn hóa - Xã hội xã", "có", "12", H3, "96", "3"),
 cn("CN03", "Lê Văn Hiếu", CV, "Công chức Văn hóa - Xã hội xã", "1", "9", [N, N, T, T, ""], "95", "2"),      # rule 6: 2 of 5
 cn("CN04", "Phạm Thị Huệ", CT, "Viên chức Trạm Y tế", "Yes", "10", [T, "", N, "", A], "95", "1", ts="x",   # rule 6 via trừ_khi (thai sản)
    gc="Nghỉ thai sản năm 2021 và năm 2023"),
 cn("CN05", "Võ Thị Lan", CT, "Giáo viên", "có", "8", [N, "", N, N, A], "94", "1", ts="có"),                # rule 6: trừ_khi 1 of 5 < 2
 cn("CN06", "Đinh Văn Long", CH, "Người có uy tín", "không", "4", [""] * 5, "94", "2"),                      # rule 5: 4 years
 cn("CN07", "Hoàng Thị Mai", CH, "Chi hội trưởng Phụ nữ thôn", "", "5", [""] * 5, "93.5", "2"),              # EDGE exactly 5 years
 cn("CN08", "Ngô Văn Nghĩa", CD, "Trưởng ban công tác Mặt trận", "không", "", [""] * 5, "93", "1"),           # EDGE blank năm read by rule 5: error
 cn("CN09", "Bùi Văn Phong", CD, "Tổ trưởng tổ hòa giải", "không", "12,5", [""] * 5, "92", "1"),             # EDGE "12,5": file error
 cn("CN10", "Đặng Thị Quỳnh", CB_, "Bí thư Chi đoàn thôn", "no", "15", [""] * 5, "92", "2",
    khen="Giấy khen của Chủ tịch UBND huyện 2022"),                                                         # 2022 is outside 2023-2024
 cn("CN11", "Lý Văn Sáng", CB_, "Trưởng thôn", "NO", "20", [""] * 5, "91.5", "1",
    khen="Giấy khen của Chủ tịch UBND xã 2023; Bằng khen của Chủ tịch UBND tỉnh 2020"),                     # rule 7
 cn("CN12", "Hồ Thị Tâm", TTCX, "Tổ trưởng tổ dân phố", "0", "25", [""] * 5, "91", "1", dn="0"),             # rule 2
 cn("CN13", "Dương Văn Thắng", TTCX, "Doanh nhân", "", "18", [""] * 5, "98", "5", vp="X",
    gc="Bị xử phạt vi phạm hành chính về xây dựng năm 2024"),                                               # excluded
 cn("CN14", nfd("Phạm Thị Thương"), TTTC, "Chủ nhiệm CLB dân ca ví, giặm", "không", "22", [""] * 5, "90", "3"),  # EDGE NFD name
 cn("CN15", "Trần Quốc Việt", TTTC, "Phó Chủ tịch UBND thị trấn", "có", "6", X5, "90", "2"),
 cn("CN16", "Lê Thị Xuân", CV, "Trưởng thôn Hạ Vân", "KHÔNG", "35", [""] * 5, "89.5", "2"),
 cn("CN17", "Nguyễn Hữu Yên", CV, "Công chức Văn phòng - Thống kê xã", "CÓ", "7", [T, T, T, T, T], "89", "2"),
 cn("CN18", "Võ Văn Ý", CT, "Người có uy tín", "không", "40", [""] * 5, "88", "3", dt="Cá nhân"),           # EDGE "Cá nhân"
 cn("CN19", "Phan Thị Yến", CT, "Chi hội trưởng Nông dân", "không", "19", [""] * 5, "88", "3"),             # EDGE full tie with CN18 on the 10th place
 cn("CN20", "Hà Văn Anh", CH, "Tổ trưởng tổ tự quản", "không", "16", [""] * 5, "87", "1"),
 cn("CN21", "Đào Thị Bé", CH, "Chi hội trưởng Cựu chiến binh", "không", "28", [""] * 5, "87", "1",
    gc="Chi hội Cựu chiến binh thôn Bắc Sơn,\nđóng góp 120 ngày công làm đường"),                            # EDGE a line break in Ghi chú
 cn("CN22", "Kiều Văn Cảnh", CD, "Công chức Địa chính xã", "1", "11", ["", "", T, N, A], "86", "1"),       # rule 6: 2 of 5 (missing 2020, 2021)
 cn("CN03", "Lê Văn Hiếu", CT, "Tổ trưởng tổ dân vận", "không", "30", [""] * 5, "86", "1"),                # EDGE duplicate key CN03
 cn("CN23", "Mai Thị Duyên", CQg, "Chi hội trưởng Phụ nữ", "không", "14", [""] * 5, "85", "1"),
]
# ---- hộ gia đình ----------------------------------------------------------------
G6 = [GD] * 6
S += [
 hg("HG01", "Hộ ông Nguyễn Văn Tư", CQg, "40", G6, "95"),
 hg("HG02", "Hộ bà Trần Thị Năm", CQg, "40", G6, "95"),                                                # EDGE full tie with HG01 across Cẩm Quang's 1
 hg("HG03", "Hộ ông Lê Văn Sáu", TTCX, "30", G6, "94"),
 hg("HG04", "Hộ bà Phạm Thị Bảy", TTCX, "25", G6, "93"),
 hg("HG05", "Hộ ông Hoàng Văn Tám", TTCX, "33", G6, "92"),                                              # third of thị trấn Cẩm Xuyên: past
 hg("HG06", "Hộ anh Võ Văn Chín", CV, "3", ["", "", "", GD, GD, GD], "94", tach="có", ngay="15/3/2022"),  # rule 2 via trừ_khi
 hg("HG07", "Hộ anh Đinh Văn Mười", CV, "4", ["", "", GD, GD, GD, GD], "93", tach="có", ngay="10/12/2021"),  # EDGE split 2021: rule 2
 hg("HG08", "Hộ chị Ngô Thị Một", CT, "3", ["", "", "", GD, GD, GD], "92", tach="x", ngay=""),             # EDGE blank date read by trừ_khi: error
 hg("HG09", "Hộ ông Bùi Văn Hai", CT, "50", [GD, GD, "Không đạt", GD, GD, GD], "91"),                     # rule 2; trừ_khi not reading the blank date
 hg("HG10", "Hộ anh Đặng Văn Ba", CH, "2", ["", "", "", GD, GD, GD], "90", tach="có", ngay="31/02/2020"),  # EDGE 31/02/2020: file error
 hg("HG11", "Hộ ông Lý Văn Bốn", CH, "45", G6, "94", khen="Giấy khen của Chủ tịch UBND huyện 2021"),       # rule 4
 hg("HG12", "Hộ bà Hồ Thị Năm", CD, "38", G6, "93", khen="Giấy khen của Chủ tịch Ủy ban nhân dân huyện 2021"),  # EDGE same award spelt out: not matched
 hg("HG13", "Hộ ông Dương Văn Sáu", CD, "36", G6, "96", vp="có"),                                          # excluded
 hg("HG14", "Hộ bà Tôn Nữ Bảy", CB_, "29", G6, "95", dn="NO"),                                            # rule 3
 hg("HG15", "Hộ ông Chu Văn Tám", CB_, "27", [GD, GD, GD, "Gia đình văn hoá", GD, GD], "94"),             # EDGE "hoá" in 2022: rule 2
 hg("HG16", "Hộ ông Lưu Văn Chín", CB_, "31", G6, "90", dt="Hộ gia đình"),                                # EDGE "Hộ gia đình"
 hg("HG17", "Hộ bà Quách Thị Mười", TTTC, "44", G6, "93"),
 hg("HG18", "Hộ ông Nông Văn Tư", TTTC, "41", G6, "93"),
 hg("HG19", "Hộ ông Mạc Văn Năm", TTTC, "39", G6, "93"),                                                  # third at 93 in Thiên Cầm: by năm_cư_trú
 hg("HG20", "Hộ bà Lâm Thị Sáu", CT, "22", G6, "89", pt="Gia đình học tập; Khuyến học, khuyến tài; Xây dựng nông thôn mới"),
]
S_TOO_MANY_AFTER = "HG05"
S_TOO_MANY = hg("HG21", "Hộ ông Triệu Văn Bảy", CH, "35", G6, "91", gc="Hộ nghèo thoát nghèo năm 2022") + ["bền vững"]

def write(path, header, rows, raw_after, raw_row, delim, bom, crlf):
    eol = "\r\n" if crlf else "\n"
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator=eol, quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        assert len(r) == len(header), (r[0], len(r), len(header))
        w.writerow(r)
        if r[0] == raw_after:
            # written by hand: nothing quoted, so the typed separator splits Ghi chú
            assert len(raw_row) == len(header) + 1
            buf.write(delim.join(raw_row) + eol)
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write(buf.getvalue())

if __name__ == "__main__":
    write(os.path.join(HERE, "dang-uy-xa-nominees.csv"), DH, D, D_TOO_MANY_AFTER, D_TOO_MANY, ";", True, True)
    write(os.path.join(HERE, "dang-uy-xa-nominees-comma.csv"), DH, D, D_TOO_MANY_AFTER, D_TOO_MANY, ",", False, False)
    write(os.path.join(HERE, "dsvh-nominees.csv"), SH, S, S_TOO_MANY_AFTER, S_TOO_MANY, ",", False, True)
    print(len(D) + 1, "Party records;", len(S) + 1, "dsvh records (the too-many row included)")
