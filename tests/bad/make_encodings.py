#!/usr/bin/python3
"""Writes the plans of tests/bad that are not UTF-8, from one UTF-8 plan
(the text below), as an office's old tools would have saved it:

  utf16-le-bom.kh     UTF-16LE with a byte-order mark (Notepad's "Unicode")
  utf16-be-no-bom.kh  UTF-16BE without one
  cp1258.kh           Windows-1258: base letters, tone marks as combining bytes
  tcvn3.kh            TCVN3 (ABC): small letters precomposed; capitals with a
                      tone drawn by the .VnTimeH font from the small letters'
                      codes, as such documents have them

Run from the repository's root: /usr/bin/python3 tests/bad/make_encodings.py
TCVN3 comes from glibc's TCVN5712-1 (iconv), whose upper half VN3 shares.
"""
import subprocess
import unicodedata

PLAN = """\
# {what}: one error, saying what the file is and how to save it as UTF-8.
cấp tinh "Cấp tỉnh"
cơ_quan ubt "Ủy ban nhân dân tỉnh" cấp tinh
kế_hoạch "12/KH-UBND" {{
  ban_hành ubt
  địa_danh "Gia Lai"
  ngày 1/8/2019
  trích_yếu "Tổng kết công tác năm 2019"
  mục_đích "Đánh giá đúng kết quả đã đạt được."
  nhiệm_vụ bc "Gửi báo cáo" {{
    giao ubt
    hạn trước 30/8/2019
  }}
  nơi_nhận {{ ubt; lưu "VT" }}
  ký {{ chức_vụ "Chủ tịch"; họ_tên "Nguyễn Văn A" }}
}}
"""
TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text):
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        tone = "".join(m for m in d[1:] if m in TONES)
        base = unicodedata.normalize("NFC", d[0] + "".join(m for m in d[1:] if m not in TONES))
        out += base.encode("cp1258") + tone.encode("cp1258")
    return out


def tcvn3(text):
    upper = bytes(range(0xA1, 0x100))
    chars = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=upper,
                           capture_output=True, check=True).stdout.decode()
    code = {ch: b for b, ch in zip(upper, chars) if not 0xB0 <= b <= 0xB4}
    out = b""
    for ch in text:
        if ord(ch) < 0x80:
            out += ch.encode()
        elif ch.islower() or ch in "ĂÂÊÔƠƯĐ":
            out += bytes([code[ch]])
        else:
            out += bytes([code[ch.lower()]])
    return out


def main():
    files = {
        "utf16-le-bom.kh": ("A plan saved as UTF-16LE with a byte-order mark",
                            lambda t: b"\xff\xfe" + t.encode("utf-16-le")),
        "utf16-be-no-bom.kh": ("A plan saved as UTF-16BE, without a byte-order mark",
                               lambda t: t.encode("utf-16-be")),
        "cp1258.kh": ("A plan saved in Windows-1258", cp1258),
        "tcvn3.kh": ("A plan typed in TCVN3 (ABC)", tcvn3),
    }
    for name, (what, encode) in files.items():
        with open("tests/bad/" + name, "wb") as f:
            f.write(encode(PLAN.format(what=what)))
        print("wrote tests/bad/" + name)


main()
