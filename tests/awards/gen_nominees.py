#!/usr/bin/env python3
"""Writes the nominee CSVs of tests/awards (deterministic; run from anywhere).
The rows are hand-written below; edge cases are marked EDGE and listed in
README.md with their line numbers (computed by expected.py)."""
import csv, io, os, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
nfd = lambda s: unicodedata.normalize('NFD', s)

# ---------------------------------------------------------------- GDĐT --
GH = ["Mã", "Họ và tên", "Đối tượng", "Đơn vị ", "Chức vụ", "Ngày vào ngành",
      "Số năm công tác", "Số tháng công tác trong năm học",
      "Xếp loại 2020", "Xếp loại 2021", "Xếp loại 2022", "Xếp loại 2023", "Xếp loại 2024",
      "Số sáng kiến", "Học sinh đạt giải quốc gia", "Thành tích cấp tỉnh",
      "Điểm thi đua", "Tỷ lệ LĐTT (%)", "Có cá nhân bị kỷ luật từ cảnh cáo",
      "Nghỉ thai sản", "Khen thưởng đã nhận", "Đảng viên", "Đang xem xét kỷ luật", "Ghi chú"]
NBK = "Trường THPT chuyên Nguyễn Bỉnh Khiêm"
LTT = "Trường THPT chuyên Lê Thánh Tông"
TCV = "Trường THPT Trần Cao Vân"
PBC = "Trường THPT Phan Bội Châu"
SN = "Trường THPT Sào Nam"
NDH = "Trường THPT Nguyễn Duy Hiệu"
HD = "Trường THPT Hoàng Diệu"
VP = "Văn phòng Sở"
GDTrH = "Phòng Giáo dục Trung học"

def p(ma, ten, dv, cv, ngay, nam, thang, xl, sk, gqg="", tt="", diem="", ts="", khen="", dang="", kl="", gc=""):
    xl = xl.split(",")
    assert len(xl) == 5, ma
    return [ma, ten, "cá nhân", dv, cv, ngay, nam, thang] + xl + [sk, gqg, tt, diem, "", "", ts, khen, dang, kl, gc]

def t(ma, ten, xl, diem, tyle, klcc="", khen="", kl="", gc=""):
    xl = xl.split(",")
    return [ma, ten, "tập thể", ten, "", "", "", ""] + xl + ["", "", "", diem, tyle, klcc, "", khen, "", kl, gc]

A = "HTXSNV"; T = "HTTNV"; N = "HTNV"
X5 = ",".join([A] * 5)
G = []
G += [
 p("GD001", "Nguyễn Thị Minh Châu", NBK, "Giáo viên Toán", "05/9/2006", "19", "12", X5, "3", "x", "", "98.5", khen="Giấy khen của Giám đốc Sở 2021", dang="x"),
 p("GD002", "Trần Văn Hùng", NBK, "Tổ trưởng chuyên môn", "01/9/2003", "22", "12", "HTTNV,HTXSNV,HTXSNV,HTXSNV,HTXSNV", "2", "", "", "97", dang="có"),
 p("GD003", "Lê Thị Thu Hà", NBK, "Giáo viên Ngữ văn", "15/8/2010", "15", "12", X5, "2", "", "", "96.5"),
 p("GD004", "Phạm Ngọc Sơn", LTT, "Phó Hiệu trưởng", "20/8/2001", "24", "12", X5, "4", "", "x", "99", khen="Bằng khen của Chủ tịch UBND tỉnh 2021; Giấy khen của Giám đốc Sở 2019", dang="x"),
 p("GD005", "Võ Thị Kim Oanh", LTT, "Giáo viên Hóa học", "10/9/2008", "17", "12", X5, "2", "x", "", "96"),
 p("GD006", "Huỳnh Tấn Phát", TCV, "Hiệu trưởng", "01/9/1998", "27", "12", X5, "3", "", "x", "97.5", dang="1"),
 p("GD007", "Nguyễn Thị Hoa", TCV, "Giáo viên Tiếng Anh", "05/9/2012", "13", "12", X5, "2", "", "", "95"),          # EDGE same name as GD041, other id (legit)
 p("GD008", "Đặng Văn Lực", PBC, "Giáo viên Vật lý", "01/9/2009", "16", "12", X5, "1", "", "x", "95"),
 p("GD009", "Bùi Thị Lan", PBC, "Tổ trưởng, giáo viên Sinh học", "12/9/2005", "20", "12", X5, "2", "", "", "94.5", gc="Tổ trưởng tổ Sinh - Công nghệ, kiêm thư ký hội đồng"),   # EDGE quoted commas
 p("GD010", "Trương Công Định", SN, "Giáo viên Lịch sử", "03/9/2007", "18", "12", X5, "2", "", "", "94.5"),
 p("GD011", "Phan Thị Mỹ Dung", SN, "Giáo viên Toán", "03/9/2007", "18", "12", X5, "2", "", "", "94"),          # GD010 ties GD009 (94.5) across the line of 10 individuals
 p("GD012", "Hồ Văn Thành", NDH, "Giáo viên Địa lý", "01/9/2011", "14", "12", X5, "2", "", "", "93"),
 p("GD013", "Ngô Thị Bích", HD, "Giáo viên Ngữ văn", "01/9/2013", "12", "12", X5, "3", "", "", "92.5"),
 p("GD014", "Lương Quốc Bảo", GDTrH, "Trưởng phòng", "15/7/2000", "25", "12", X5, "2", "", "", "92", dang="x"),
 p("GD015", "Đỗ Thị Ánh Tuyết", VP, "Chánh Văn phòng", "01/8/2004", "21", "12", X5, "2", "", "", "91.5"),
 # fail exactly one criterion of the Bằng khen
 p("GD016", "Nguyễn Văn Quang", TCV, "Giáo viên Tin học", "01/9/2010", "15", "12", "HTXSNV,HTXSNV,HTXSNV,HTTNV,HTXSNV", "3", "", "", "93"),   # R1: 2023 only HTTNV
 p("GD017", "Trần Thị Ngọc Ánh", PBC, "Giáo viên Tiếng Anh", "01/9/2014", "11", "12", X5, "1", "", "", "90"),      # R2: 1 sáng kiến, no provincial achievement
 p("GD018", "Lê Văn Tám", SN, "Phó Hiệu trưởng", "01/9/2002", "23", "12", X5, "2", "", "", "95",
   khen="Giấy khen của Giám đốc Sở 2020; Bằng khen của Chủ tịch UBND tỉnh 2023"),                                 # R3: BK tỉnh 2023
 p("GD019", "Phạm Thị Hồng Nhung", NDH, "Giáo viên Hóa học", "01/9/2012", "13", "12", X5, "2", "", "", "96", kl="x"),  # excluded: under disciplinary review
 # via the exception: not 2 consecutive HTXSNV, but a national-prize student
 p("GD020", "Võ Minh Trí", NBK, "Giáo viên Tin học", "01/9/2015", "10", "12", "HTTNV,HTTNV,HTXSNV,HTTNV,HTXSNV", "2", "x", "", "97"),
 p("GD021", "Nguyễn Thị Thanh Tâm", LTT, "Giáo viên Vật lý", "01/9/2016", "9", "12", "HTTNV,HTTNV,HTTNV,HTTNV,HTTNV", "0", "x", "x", "93.5"),  # exception for R1, R2 by provincial achievement
 # EDGE NFD name
 p("GD022", nfd("Lê Thị Ngọc Hương"), HD, "Giáo viên Sinh học", "01/9/2009", "16", "12", X5, "2", "", "", "91"),
 # EDGE doubled quotes inside a quoted field (Khen thưởng đã nhận, Ghi chú)
 p("GD023", "Hoàng Văn Nam", GDTrH, "Chuyên viên", "01/3/2008", "17", "12", X5, "2", "", "", "90.5",
   khen='Kỷ niệm chương "Vì sự nghiệp giáo dục" 2022', gc='Báo cáo viên chuyên đề "Dạy học theo chương trình GDPT 2018", cấp tỉnh'),
 # EDGE embedded line break in Ghi chú
 p("GD024", "Đinh Thị Phương", SN, "Giáo viên Ngữ văn", "01/9/2011", "14", "12", X5, "2", "", "", "89",
   gc="Chuyển công tác từ Trường THPT Duy Tân\nvề Trường THPT Sào Nam từ ngày 01/9/2024"),
 # EDGE trailing spaces in a name and in a number cell
 p("GD025", "Trần Quốc Toản  ", PBC, "Giáo viên Giáo dục thể chất", "01/9/2010", "15 ", "12", X5, "2", "", "", "88"),
 # EDGE blank where a number is needed (Số sáng kiến; needed by CSTĐCS rule 3, not reached by the others)
 p("GD026", "Châu Thị Kim Loan", TCV, "Giáo viên Địa lý", "01/9/2017", "8", "12", "HTTNV,HTTNV,HTTNV,HTTNV,HTTNV", "", "", "", "80"),
 # EDGE blank Số tháng (needed by the LĐTT rule 3)
 p("GD027", "Lý Văn Phúc", HD, "Nhân viên thiết bị", "01/9/2019", "6", "", "HTTNV,HTTNV,HTTNV,HTTNV,HTTNV", "0", "", "", "75"),
 # EDGE "2,5" instead of 2.5
 p("GD028", "Nguyễn Hoàng Yến", NDH, "Giáo viên Tiếng Anh", "01/3/2022", "2,5", "12", ",,HTTNV,HTTNV,HTTNV", "0", "", "", "78"),
 # EDGE 31/02/2020
 p("GD029", "Phan Văn Đức", PBC, "Giáo viên Toán", "31/02/2020", "5", "12", ",HTTNV,HTTNV,HTTNV,HTXSNV", "1", "", "", "85"),
 # LĐTT via maternity exception; fails the months rule otherwise
 p("GD030", "Trần Thị Mai Anh", NBK, "Giáo viên Ngữ văn", "01/9/2018", "7", "6", "HTTNV,HTTNV,HTTNV,HTTNV,HTTNV", "0", "", "", "82", ts="x"),
 p("GD031", "Lê Hoài Nam", TCV, "Giáo viên Vật lý", "01/9/2020", "5", "12", ",HTTNV,HTTNV,HTTNV,HTTNV", "0", "", "", "80"),
 p("GD032", "Nguyễn Văn Bình", LTT, "Giáo viên Toán", "01/9/2024", "1", "8", ",,,,HTTNV", "0", "", "", "70"),   # LĐTT: 8 months, no exception
 p("GD033", "Võ Thị Hạnh", SN, "Giáo viên Hóa học", "01/9/2015", "10", "12", "HTTNV,HTTNV,HTTNV,HTNV,HTNV", "0", "", "", "65"),  # only HTNV: fails LĐTT R2
 p("GD034", "Huỳnh Thị Diễm", PBC, "Nhân viên kế toán", "01/9/2013", "12", "12", "HTTNV,HTTNV,HTTNV,HTTNV,HTTNV", "0", "", "", "79", kl="có"),  # excluded everywhere
 p("GD035", "Trịnh Minh Khoa", NDH, "Giáo viên Lịch sử", "01/9/2014", "11", "12", "HTTNV,HTTNV,HTTNV,HTTNV,HTXSNV", "0", "", "", "84"),
 p("GD036", "Mai Thị Thảo", HD, "Giáo viên Tiếng Anh", "01/9/2016", "9", "12", "HTTNV,HTTNV,HTTNV,HTTNV,HTTNV", "1", "", "", "83"),
 p("GD037", "Đoàn Văn Hiếu", NBK, "Giáo viên Hóa học", "01/9/2012", "13", "12", "HTTNV,HTTNV,HTTNV,HTXSNV,HTXSNV", "1", "", "", "88"),
 p("GD038", "Nguyễn Thị Hoài Thương", LTT, "Giáo viên Sinh học", "01/9/2013", "12", "12", "HTTNV,HTTNV,HTXSNV,HTTNV,HTXSNV", "1", "", "", "86"),
 p("GD039", "Cao Văn Tuấn", TCV, "Giáo viên Toán", "01/9/2011", "14", "12", "HTTNV,HTTNV,HTTNV,HTTNV,HTXSNV", "0", "", "", "84"),
 p("GD040", "Phạm Thị Thu Trang", GDTrH, "Phó Trưởng phòng", "01/9/2006", "19", "12", "HTXSNV,HTXSNV,HTTNV,HTTNV,HTXSNV", "1", "", "", "87"),
 p("GD041", "Nguyễn Thị Hoa", SN, "Giáo viên Toán", "01/9/2010", "15", "12", "HTTNV,HTTNV,HTTNV,HTTNV,HTXSNV", "1", "", "", "85"),   # EDGE same name as GD007
 p("GD031", "Lê Thị Thu", HD, "Giáo viên Ngữ văn", "01/9/2012", "13", "12", "HTTNV,HTTNV,HTTNV,HTTNV,HTTNV", "0", "", "", "80"),   # EDGE duplicate id (GD031)
 p("GD042", "Tạ Quang Vinh", VP, "Chuyên viên", "01/6/2010", "15", "12", "HTTNV,HTTNV,HTTNV,HTTNV,HTXSNV", "0", "", "", "83"),
 p("GD043", "Dương Thị Ngọc", VP, "Kế toán trưởng", "01/6/2009", "16", "12", "HTTNV,HTTNV,HTTNV,HTTNV,HTXSNV", "0", "", "", "82"),
 p("GD044", "Hà Văn Long", PBC, "Giáo viên Tin học", "01/9/2014", "11", "12", "HTTNV,HTTNV,HTTNV,HTTNV,HTXSNV", "2", "", "", "86"),
 p("GD045", "Lâm Thị Xuân", NDH, "Giáo viên Vật lý", "01/9/2008", "17", "12", "HTTNV,HTTNV,HTTNV,HTTNV,KHTNV", "0", "", "", "50"),   # KHTNV: fails everything individual
 p("GD046", "Kiều Văn Sang", HD, "Giáo viên Hóa học", "01/9/2010", "15", "12", "HTTNV,HTTNV,HTTNV,HTTNV,HTXSNV", "1", "", "", "85"),
]
# EDGE a row with too many fields: written raw below (unquoted comma in Đơn vị)
TOO_MANY_AFTER = "GD046"
TOO_MANY_COMMA = ["GD047", "Nguyễn Văn Sỹ", "cá nhân", "Trường THPT Lê Quý Đôn", "Tam Kỳ", "Giáo viên Toán", "01/9/2012", "13", "12",
                  "HTTNV", "HTTNV", "HTTNV", "HTTNV", "HTXSNV", "1", "", "", "84", "", "", "", "", "", "", ""]
TOO_MANY_SEMI = TOO_MANY_COMMA  # same record: the unit's ", Tam Kỳ" became a field of its own
G += [
 # collectives (Tập thể lao động tiên tiến; Bằng khen for collectives)
 t("TT01", "Tổ Toán - Tin, Trường THPT chuyên Nguyễn Bỉnh Khiêm", X5, "99", "100"),
 t("TT02", "Tổ Ngữ văn, Trường THPT chuyên Lê Thánh Tông", X5, "98", "92"),
 t("TT03", "Trường THPT Trần Cao Vân", X5, "97.5", "85"),
 t("TT04", "Trường THPT Phan Bội Châu", X5, "96", "80"),
 t("TT05", "Trường THPT Sào Nam", "HTTNV,HTTNV,HTXSNV,HTXSNV,HTXSNV", "95", "78"),
 t("TT06", "Trường THPT Nguyễn Duy Hiệu", X5, "94", "75"),
 t("TT07", "Phòng Giáo dục Trung học", X5, "96", "100"),
 t("TT08", "Trường THPT Hoàng Diệu", "HTTNV,HTTNV,HTTNV,HTTNV,HTXSNV", "90", "70"),   # BK: not 2 years HTXSNV
 t("TT09", "Tổ Ngoại ngữ, Trường THPT Trần Cao Vân", "HTTNV,HTTNV,HTTNV,HTTNV,HTTNV", "85", "48"),  # TTLĐTT: 48% not > 50%
 t("TT10", "Tổ Văn phòng, Trường THPT Sào Nam", "HTTNV,HTTNV,HTTNV,HTTNV,HTTNV", "84", "50"),     # exactly 50%: not "trên 50%"
 t("TT11", "Tổ Khoa học tự nhiên, Trường THPT Hoàng Diệu", "HTTNV,HTTNV,HTTNV,HTTNV,HTTNV", "83", "75", klcc="x"),  # a member disciplined
 t("TT12", "Tổ Xã hội, Trường THPT Nguyễn Duy Hiệu", "HTTNV,HTTNV,HTTNV,HTTNV,HTTNV", "82", "62,5"),   # EDGE "62,5"
 t("TT13", "Văn phòng Sở", X5, "95", "90", khen="Bằng khen của Chủ tịch UBND tỉnh 2024"),   # BK: khen 2024
 t("TT14", "Tổ Sử - Địa - GDCD, Trường THPT Phan Bội Châu", "HTTNV,HTTNV,HTTNV,HTTNV,HTTNV", "81", ""),   # EDGE blank % (needed by TTLĐTT R3)
 t("TT15", "Tổ Tiếng Anh, Trường THPT chuyên Lê Thánh Tông", "HTTNV,HTTNV,HTTNV,HTXSNV,HTXSNV", "93", "88", kl="x"),   # collective under review: excluded
]
G += [
 p("GD048", "Nguyễn Thành Công", HD, "Phó Hiệu trưởng", "01/9/2004", "21", "12", X5, "2", "", "", "89.5"),
 p("GD049", "Lê Thị Kim Ngân", NBK, "Giáo viên Sinh học", "01/9/2011", "14", "12", "HTTNV,HTTNV,HTTNV,HTTNV,HTXSNV", "1", "", "", "86"),  # GK: 3rd of NBK
 p("GD050", "Trần Đình Khôi", LTT, "Giáo viên Địa lý", "01/9/2019", "6", "12", "HTTNV,HTTNV,HTTNV,HTTNV,HTXSNV", "1", "", "", "84"),
 p("GD051", "Phùng Thị Yến Nhi", VP, "Văn thư", "01/9/2016", "9", "11", "HTTNV,HTTNV,HTTNV,HTTNV,HTTNV", "0", "", "", "80"),
 p("GD052", "Tôn Nữ Thanh Thủy", GDTrH, "Chuyên viên", "01/9/2007", "18", "12", "HTTNV,HTTNV,HTXSNV,HTXSNV,HTXSNV", "1", "", "x", "90"),  # BK by provincial achievement
 p("GD053", "Âu Dương Phong", TCV, "Giáo viên Ngữ văn", "01/9/2012", "13", "10", "HTTNV,HTTNV,HTTNV,HTTNV,HTTNV", "0", "", "", "80"),   # LĐTT exactly 10 months
]
assert len({tuple(r) for r in G}) == len(G)

def write(path, header, rows, raw_after, raw_row, delim, bom, crlf):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator="\r\n" if crlf else "\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow(r)
        if raw_after and r[0] == raw_after:
            # written by hand: no quoting, so the comma/semicolon splits the unit
            buf.write(delim.join(raw_row) + ("\r\n" if crlf else "\n"))
    data = buf.getvalue()
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write(data)

# The ';' variant: the same records. Cells that held ',' need no quotes
# there; the decimal comma "2,5" stays as typed.
def semi_rows(rows):
    return rows

# ---------------------------------------------------------------- 297 ---
PH = ["Mã", "Tên tập thể, cá nhân", "Đối tượng", "Cấp", "Đơn vị", "Chức vụ", "Nhóm đối tượng",
      "Lực lượng vũ trang", "Số năm công tác", "Ngày bắt đầu công tác", "Khen thưởng đã nhận",
      "Hình thức đề nghị", "Ghi chú"]
P = []
def q(ma, ten, dt, cap, dv, cv, nhom, llvt, nam, ngay, khen, dn, gc=""):
    P.append([ma, ten, dt, cap, dv, cv, nhom, llvt, nam, ngay, khen, dn, gc])
xa = ["Xã Bằng Vân", "Xã Thượng Giáo", "Xã Cao Kỳ", "Xã Nông Thượng", "Xã Đồng Phúc", "Xã Côn Minh",
      "Xã Nà Phặc", "Xã Vân Tùng", "Xã Xuất Hóa", "Xã Bằng Phúc"]
huyen = ["Huyện Ngân Sơn", "Huyện Ba Bể", "Huyện Chợ Mới", "Thành phố Bắc Kạn", "Huyện Bạch Thông",
         "Huyện Na Rì", "Huyện Ngân Sơn", "Huyện Ngân Sơn", "Thành phố Bắc Kạn", "Huyện Chợ Đồn"]
for i, (x, h) in enumerate(zip(xa, huyen), 1):
    q(f"QP{i:03d}", "Ban Chỉ huy Quân sự " + x.replace("Xã ", "xã ", 1),
      "tập thể", "xã", f"{x}, {h}", "", "A.2", "có", "", "", "", "Giấy khen của Chủ tịch UBND cấp huyện")
names = ["Hoàng Văn Thắng", "Nông Thị Hạnh", "Triệu Văn Dũng", "Lục Văn Khánh", "Ma Thị Lành", "Hà Văn Tuấn",
         "Lý Văn Sinh", "Đàm Thị Nga", "Bế Văn Thái", "Dương Văn Cường", "Hứa Thị Thu", "La Văn Tiến",
         "Lâm Văn Hải", "Mông Thị Dung", "Nịnh Văn Phong", "Sầm Văn Hưng", "Vi Thị Hoa", "Lèo Văn Quân",
         "Hoàng Thị Mến", "Nông Văn Lợi", "Triệu Thị Vân", "Lục Thị Huyền", "Phùng Văn Chiến", "Tô Văn Minh",
         "Đinh Văn Hòa", "Chu Thị Loan", "Hoàng Văn Đại", "Nông Thị Xuyến", "Lưu Văn Trọng", "Bàn Văn Lầu"]
roles = [("Chỉ huy trưởng Ban CHQS xã", "B.2", "có", "xã"), ("Chủ tịch UBND xã", "B.1", "không", "xã"),
         ("Trợ lý tác chiến, Ban CHQS huyện", "B.4", "có", "huyện"), ("Phó Chủ tịch UBND huyện", "B.1", "", "huyện"),
         ("Chuyên viên Sở Nội vụ", "B.3", "", "tỉnh"), ("Sĩ quan biệt phái Sở Kế hoạch và Đầu tư", "B.2", "x", "tỉnh")]
for i, n in enumerate(names):
    cv, nhom, llvt, cap = roles[i % len(roles)]
    dv = xa[i % 10] + ", " + huyen[i % 10] if cap == "xã" else (huyen[i % 10] if cap == "huyện" else "Tỉnh Bắc Kạn")
    nam = str(5 + (i * 7) % 26)
    ngay = f"{1 + (i * 3) % 28:02d}/{1 + i % 12:02d}/{2019 - int(nam)}"
    khen = "" if i % 3 else f"Giấy khen của Chủ tịch UBND cấp huyện {2014 + i % 5}"
    dn = ["Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện",
          "Kỷ niệm chương “Vì sự nghiệp xây dựng Quân đội nhân dân Việt Nam”", "Bằng khen của Bộ trưởng Bộ Quốc phòng"][i % 4]
    q(f"QP{11 + i:03d}", n, "cá nhân", cap, dv, cv, nhom, llvt, nam, ngay, khen, dn)
# collectives at district/province level and army units
for j, (ten, cap, nhom) in enumerate([
    ("Ban Chỉ huy Quân sự huyện Ba Bể", "huyện", "A.2"), ("Ban Chỉ huy Quân sự huyện Chợ Đồn", "huyện", "A.2"),
    ("Phòng Nội vụ huyện Na Rì", "huyện", "A.1"), ("Sở Nội vụ tỉnh Bắc Kạn", "tỉnh", "A.1"),
    ("Bộ Chỉ huy Quân sự tỉnh Bắc Kạn", "tỉnh", "A.2"), ("Đại đội Bộ binh 1, Bộ CHQS tỉnh", "tỉnh", "A.2"),
    ("Hội Cựu chiến binh tỉnh", "tỉnh", "A.1"), ("Đoàn Thanh niên huyện Bạch Thông", "huyện", "A.1")]):
    q(f"QP{41 + j:03d}", ten, "tập thể", cap, ten, "", nhom, "có" if "Quân sự" in ten or "Đại đội" in ten else "không",
      "", "", "", ["Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Bằng khen của Quân khu 1"][j % 2])
# edge cases of the 297 file
q("QP049", nfd("Hoàng Thị Thủy"), "cá nhân", "xã", "Xã Bằng Vân, Huyện Ngân Sơn", "Phó Chỉ huy trưởng Ban CHQS xã", "B.2", "x", "12", "01/03/2007", "", "Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện")  # EDGE NFD
q("QP050", "Nông Văn Bảo", "cá nhân", "xã", "Xã Cao Kỳ, Huyện Chợ Mới", "Xã đội phó", "B.2", "có", "2,5", "01/12/2016", "", "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã")  # EDGE 2,5
q("QP051", "Triệu Thị Mai", "cá nhân", "huyện", "Huyện Ba Bể", "Chuyên viên Phòng Nội vụ", "B.3", "", "9", "31/02/2010", "", "Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện")  # EDGE 31/02
q("QP052", "Hà Văn Tuấn", "cá nhân", "huyện", "Huyện Na Rì", "Trợ lý dân quân tự vệ, Ban CHQS huyện", "B.4", "có", "14", "15/06/2005", "", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")  # EDGE same name as QP016
q("QP020", "Lý Văn Sinh", "cá nhân", "xã", "Xã Nà Phặc, Huyện Ngân Sơn", "Chỉ huy trưởng Ban CHQS xã", "B.2", "có", "10", "01/01/2009", "", "Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện")  # EDGE duplicate id QP020 (first: Dương Văn Cường)
q("QP053", "Bế Thị Hương", "cá nhân", "tỉnh", "Tỉnh Bắc Kạn", "Cán bộ Hội Phụ nữ tỉnh", "B.5", "", "", "", 'Kỷ niệm chương "Vì sự nghiệp phụ nữ Việt Nam" 2015', "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
  'Vận động "Ngày hội Quốc phòng toàn dân", xã biên giới')  # EDGE doubled quotes; blank number (no criterion needs it)
q("QP054", "Đàm Văn Khải", "cá nhân", "xã", "Xã Côn Minh, Huyện Na Rì", "Thôn đội trưởng", "B.5", "có", "20 ", "01/05/1999", "", "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã",
  "Tham gia xây dựng\ncông trình phòng thủ xã")  # EDGE embedded line break, trailing space in a number
q("QP055", "Hoàng Văn Nam  ", "cá nhân", "huyện", "Huyện Chợ Đồn", "Chỉ huy phó Ban CHQS huyện", "B.4", "có", "18", "01/09/2001", "Giấy khen của Chủ tịch UBND cấp huyện 2016; Bằng khen của Chủ tịch UBND tỉnh 2018", "Bằng khen của Bộ trưởng Bộ Quốc phòng")  # EDGE trailing spaces
P_TOO_MANY_AFTER = "QP055"
P_TOO_MANY = ["QP056", "Ma Văn Lộc", "cá nhân", "xã", "Xã Vân Tùng", "Huyện Ngân Sơn", "Xã đội trưởng", "B.2", "có", "11", "01/02/2008", "", "Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện", ""]
for k, n in enumerate(["Lường Văn Hậu", "Hoàng Thị Nguyệt", "Nông Văn Trường", "Vi Văn Tấn", "Triệu Văn Nhất"]):
    q(f"QP{57 + k:03d}", n, "cá nhân", "xã", f"{xa[k + 3]}, {huyen[k + 3]}", "Dân quân thường trực", "B.4", "có", str(3 + k), f"01/0{k + 1}/20{15 + k}", "", "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã")

if __name__ == "__main__":
    write(os.path.join(HERE, "gddt-nominees.csv"), GH, G, TOO_MANY_AFTER, TOO_MANY_COMMA, ",", False, False)
    write(os.path.join(HERE, "gddt-nominees-semicolon-bom.csv"), GH, semi_rows(G), TOO_MANY_AFTER, TOO_MANY_SEMI, ";", True, True)
    write(os.path.join(HERE, "297-nominees.csv"), PH, P, P_TOO_MANY_AFTER, P_TOO_MANY, ",", False, False)
    print(len(G) + 1, "gddt records;", len(P) + 1, "297 records")
