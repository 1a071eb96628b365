#!/usr/bin/python3
"""Checks SVG files written by `kehoach schedule --svg`.

Run with Debian's interpreter (the standard library is all it needs):

    /usr/bin/python3 tests/svg/check_svg.py out/*.svg [folder ...]

A folder stands for the *.svg files in it. For each file:

- it is UTF-8 and well-formed XML (xml.etree.ElementTree parses it);
- the root is {http://www.w3.org/2000/svg}svg with a viewBox of four
  finite numbers, a positive width and height, and a non-empty <title>;
- every <text> element has text (its own or in <tspan>s);
- every coordinate is a finite number (no NaN, no inf) and lies inside
  the viewBox: x, y, x1, y1, x2, y2, cx, cy; rectangles (x + width,
  y + height), circles (cx +- r, cy +- r), the points of polygons and
  polylines, and the absolute M/L/H/V commands of paths;
- width, height, r, rx, ry are not negative.

Prints one line per file and ends with `N passed, N failed`. Exit status:
0 all valid, 1 any failure, 2 usage (no files).
"""
import math
import os
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?(?:nan|inf(?:inity)?)",
                    re.IGNORECASE)
X_ATTRS = ("x", "x1", "x2", "cx")
Y_ATTRS = ("y", "y1", "y2", "cy")
SIZE_ATTRS = ("width", "height", "r", "rx", "ry")
# A length in user units; "px" is allowed, percentages are not coordinates.
LENGTH = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?(?:nan|inf(?:inity)?))"
                    r"\s*(px)?\s*$", re.IGNORECASE)


def local(tag):
    return tag[len(SVG):] if tag.startswith(SVG) else tag


def number(value):
    """The number VALUE holds, or None when it is not one ("50%")."""
    m = LENGTH.match(value)
    return float(m.group(1)) if m else None


class Box:
    def __init__(self, x, y, w, h):
        self.x0, self.y0, self.x1, self.y1 = x, y, x + w, y + h

    def has_x(self, v, eps=1e-6):
        return self.x0 - eps <= v <= self.x1 + eps

    def has_y(self, v, eps=1e-6):
        return self.y0 - eps <= v <= self.y1 + eps


def path_points(d):
    """(x, y) of the absolute M, L, H, V commands of path data D; other
    commands only have their numbers checked for being finite."""
    points, cur = [], (0.0, 0.0)
    for cmd, args in re.findall(r"([MLHVZCSQTAmlhvzcsqta])([^MLHVZCSQTAmlhvzcsqta]*)", d):
        nums = [float(n) for n in NUMBER.findall(args)]
        if cmd in "ML":
            for i in range(0, len(nums) - 1, 2):
                cur = (nums[i], nums[i + 1])
                points.append(cur)
        elif cmd == "H":
            for n in nums:
                cur = (n, cur[1])
                points.append(cur)
        elif cmd == "V":
            for n in nums:
                cur = (cur[0], n)
                points.append(cur)
        else:
            points.extend((n, None) for n in nums)  # finiteness only
    return points


def check_element(el, box, where, problems):
    name = local(el.tag)
    attrs = el.attrib

    def val(key):
        v = number(attrs[key])
        if v is None:
            return None
        if not math.isfinite(v):
            problems.append(f"{where}: {key}=\"{attrs[key]}\" is not a finite number")
            return None
        return v

    for key in X_ATTRS + Y_ATTRS + SIZE_ATTRS:
        if key in attrs and number(attrs[key]) is None and not attrs[key].strip().endswith("%"):
            problems.append(f"{where}: {key}=\"{attrs[key]}\" is not a number")
    for key in X_ATTRS:
        if key in attrs:
            v = val(key)
            if v is not None and not box.has_x(v):
                problems.append(f"{where}: {key}={v:g} outside the viewBox")
    for key in Y_ATTRS:
        if key in attrs:
            v = val(key)
            if v is not None and not box.has_y(v):
                problems.append(f"{where}: {key}={v:g} outside the viewBox")
    for key in SIZE_ATTRS:
        if key in attrs:
            v = val(key)
            if v is not None and v < 0:
                problems.append(f"{where}: {key}={v:g} is negative")
    if name == "rect":
        x, y = (val("x") if "x" in attrs else 0.0), (val("y") if "y" in attrs else 0.0)
        w = val("width") if "width" in attrs else None
        h = val("height") if "height" in attrs else None
        if None not in (x, y, w, h) and not (box.has_x(x + w) and box.has_y(y + h)):
            problems.append(f"{where}: rect reaches ({x + w:g}, {y + h:g}), outside the viewBox")
    if name == "circle" and all(k in attrs for k in ("cx", "cy", "r")):
        cx, cy, r = val("cx"), val("cy"), val("r")
        if None not in (cx, cy, r) and not (box.has_x(cx - r) and box.has_x(cx + r) and
                                            box.has_y(cy - r) and box.has_y(cy + r)):
            problems.append(f"{where}: circle at ({cx:g}, {cy:g}) r={r:g} leaves the viewBox")
    if name in ("polygon", "polyline") and "points" in attrs:
        raw = NUMBER.findall(attrs["points"])
        nums = [float(n) for n in raw]
        if len(nums) % 2:
            problems.append(f"{where}: odd number of coordinates in points")
        for i in range(0, len(nums) - 1, 2):
            px, py = nums[i], nums[i + 1]
            if not (math.isfinite(px) and math.isfinite(py)):
                problems.append(f"{where}: point ({raw[i]}, {raw[i + 1]}) is not finite")
            elif not (box.has_x(px) and box.has_y(py)):
                problems.append(f"{where}: point ({px:g}, {py:g}) outside the viewBox")
    if name == "path" and "d" in attrs:
        for px, py in path_points(attrs["d"]):
            if not math.isfinite(px) or (py is not None and not math.isfinite(py)):
                problems.append(f"{where}: path data has a non-finite number")
            elif py is not None and not (box.has_x(px) and box.has_y(py)):
                problems.append(f"{where}: path point ({px:g}, {py:g}) outside the viewBox")
    if name == "text" and not "".join(el.itertext()).strip():
        problems.append(f"{where}: empty text element")


def check_file(path):
    """The problems found in PATH (empty: valid)."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return [f"cannot read: {e.strerror}"]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        return [f"not UTF-8 at byte {e.start}"]
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        return [f"not well-formed XML: {e}"]
    problems = []
    if root.tag != SVG + "svg":
        return [f"root element is {root.tag}, not {SVG}svg"]
    vb = root.get("viewBox")
    if vb is None:
        return ["the svg element has no viewBox"]
    parts = NUMBER.findall(vb)
    if len(parts) != 4 or len(re.split(r"[\s,]+", vb.strip())) != 4:
        return [f"viewBox=\"{vb}\" is not four numbers"]
    x, y, w, h = (float(p) for p in parts)
    if not all(math.isfinite(v) for v in (x, y, w, h)) or w <= 0 or h <= 0:
        return [f"viewBox=\"{vb}\" is not a finite, non-empty box"]
    for key in ("width", "height"):
        if key in root.attrib:
            v = number(root.get(key))
            if v is not None and (not math.isfinite(v) or v <= 0):
                problems.append(f"svg {key}=\"{root.get(key)}\" is not a positive number")
    title = root.find(SVG + "title")
    if title is None or not "".join(title.itertext()).strip():
        problems.append("no non-empty <title> directly under <svg>")
    box = Box(x, y, w, h)
    for i, el in enumerate(root.iter()):
        if el is root:
            continue
        label = local(el.tag)
        text = "".join(el.itertext()).strip()
        where = f"<{label}> #{i}" + (f" \"{text[:40]}\"" if text and label == "text" else "")
        check_element(el, box, where, problems)
    return list(dict.fromkeys(problems))  # one line per problem


def files_of(args):
    for a in args:
        if os.path.isdir(a):
            for name in sorted(os.listdir(a)):
                if name.endswith(".svg"):
                    yield os.path.join(a, name)
        else:
            yield a


def main(argv):
    files = list(files_of(argv[1:]))
    if not files:
        print("usage: check_svg.py FILE.svg|FOLDER ...", file=sys.stderr)
        return 2
    passed = failed = 0
    for path in files:
        problems = check_file(path)
        if problems:
            failed += 1
            shown = problems[:5]
            more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
            print(f"FAIL {path}: " + "; ".join(shown) + more)
        else:
            passed += 1
            print(f"ok   {path}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
