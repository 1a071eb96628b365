#!/usr/bin/python3
"""The yearly notices of stdlib vn/holidays, day by day.

Every day from 1/12/2014 to 31/12/2026 is made a deadline of one plan;
the days `check` reports as non-working-day are the days off. The
weekdays off and the weekends worked are compared, year by year, with
tests/dates/notices.txt: the days of the notices cited in
stdlib/vn/holidays.kh (and the holidays of the Labour Code), as checked
against them when the data was written. A change to the data or to the
calendar's rules that moves one day shows here as that day.

Run: tests/dates/notices.py path/to/kehoach
Prints one line per year and ends with `N passed, N failed`.
"""
import datetime
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
START = datetime.date(2014, 12, 1)
END = datetime.date(2026, 12, 31)
HEAD = ['import "vn/hierarchy"',
        'cơ_quan bt_tu "Ban Thường vụ Tỉnh ủy" cấp tỉnh',
        'kế_hoạch "1-KH/TU" {',
        '  ban_hành bt_tu',
        '  ngày 1/11/2014']


def plan():
    lines = list(HEAD)
    d, i = START, 0
    while d <= END:
        lines.append(f'  nhiệm_vụ t{i} "x" {{ giao bt_tu; hạn {d.day}/{d.month}/{d.year} }}')
        d += datetime.timedelta(days=1)
        i += 1
    lines += ['  nơi_nhận { lưu "VPTU" }', '  ký { thay_mặt "T/M" bt_tu; họ_tên "A" }', '}']
    return "\n".join(lines) + "\n"


def days_off(binary):
    with tempfile.NamedTemporaryFile("w", suffix=".kh", encoding="utf-8", delete=False) as f:
        f.write(plan())
        path = f.name
    try:
        p = subprocess.run([binary, "check", "--format", "json", path], capture_output=True, text=True)
    finally:
        os.unlink(path)
    out = json.loads(p.stdout)
    first = len(HEAD) + 1
    return {START + datetime.timedelta(days=f["line"] - first)
            for f in out["findings"] if f["rule"] == "non-working-day"}


def exceptions(off):
    """Lines 'YYYY-MM-DD Day OFF|WORKED' for weekdays off and weekends worked."""
    got = []
    d = START
    while d <= END:
        weekend = d.weekday() >= 5
        if weekend != (d in off):
            got.append(f"{d.isoformat()} {d.strftime('%a')} {'OFF' if d in off else 'WORKED'}")
        d += datetime.timedelta(days=1)
    return got


def main():
    got = exceptions(days_off(sys.argv[1]))
    with open(os.path.join(HERE, "notices.txt"), encoding="utf-8") as f:
        want = [ln.strip() for ln in f if ln.strip() and not ln.startswith("#")]
    passed = failed = 0
    for year in range(START.year, END.year + 1):
        g = [x for x in got if x.startswith(f"{year}-")]
        w = [x for x in want if x.startswith(f"{year}-")]
        if g == w:
            passed += 1
            print(f"PASS {year} ({len(w)} days)")
        else:
            failed += 1
            print(f"FAIL {year}: unexpected {sorted(set(g) - set(w))}, missing {sorted(set(w) - set(g))}")
    print(f"notices: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
