#!/usr/bin/python3
"""Validates SARIF logs against the vendored SARIF 2.1.0 schema.

Run with Debian's interpreter (python3-jsonschema is installed for it):

    /usr/bin/python3 tests/sarif/validate.py out.sarif...

Each file is checked with jsonschema.Draft202012Validator (with format
checking: URIs are parsed when rfc3987 is installed) against
tests/schema/sarif-schema-2.1.0.json, and for what the schema cannot say:
the file is UTF-8; every result's ruleIndex points at the rule with its
ruleId; run.columnKind is set; columns are >= 1 and regions do not end
before they start; every artifact index is valid and names the same URI;
rule ids are unique; relatedLocations ids are unique per result.

Prints one line per file and ends with `N passed, N failed`. Exit status:
0 all valid, 1 any failure, 2 usage, 77 jsonschema missing (a skip).
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "..", "schema", "sarif-schema-2.1.0.json")


def artifact_locations(node, path):
    """Yields (json path, artifactLocation) for every one under NODE."""
    if isinstance(node, dict):
        for key, value in node.items():
            sub = f"{path}.{key}"
            if key == "artifactLocation" and isinstance(value, dict):
                yield sub, value
            yield from artifact_locations(value, sub)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from artifact_locations(value, f"{path}[{i}]")


def regions(node, path):
    """Yields (json path, region) for every region under NODE."""
    if isinstance(node, dict):
        for key, value in node.items():
            sub = f"{path}.{key}"
            if key in ("region", "contextRegion") and isinstance(value, dict):
                yield sub, value
            yield from regions(value, sub)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from regions(value, f"{path}[{i}]")


def semantic_errors(log):
    """What the schema cannot check, as a list of messages."""
    errors = []
    for r, run in enumerate(log.get("runs", [])):
        where = f"runs[{r}]"
        if "columnKind" not in run:
            errors.append(f"{where}: columnKind is not set")
        rules = run.get("tool", {}).get("driver", {}).get("rules", [])
        seen = set()
        for i, rule in enumerate(rules):
            if rule.get("id") in seen:
                errors.append(f"{where}.tool.driver.rules[{i}]: duplicate id {rule.get('id')!r}")
            seen.add(rule.get("id"))
        for i, result in enumerate(run.get("results", [])):
            rw = f"{where}.results[{i}]"
            if "ruleIndex" in result:
                k = result["ruleIndex"]
                if not 0 <= k < len(rules):
                    errors.append(f"{rw}: ruleIndex {k} outside the {len(rules)} rules")
                elif rules[k].get("id") != result.get("ruleId"):
                    errors.append(f"{rw}: ruleIndex {k} is rule {rules[k].get('id')!r}, "
                                  f"not ruleId {result.get('ruleId')!r}")
            ids = [loc["id"] for loc in result.get("relatedLocations", []) if "id" in loc]
            if len(ids) != len(set(ids)):
                errors.append(f"{rw}: relatedLocations ids are not unique")
        artifacts = run.get("artifacts", [])
        for path, loc in artifact_locations(run.get("results", []), f"{where}.results"):
            if "index" not in loc:
                continue
            k = loc["index"]
            if not 0 <= k < len(artifacts):
                errors.append(f"{path}: index {k} outside the {len(artifacts)} artifacts")
            elif "uri" in loc and artifacts[k].get("location", {}).get("uri") != loc["uri"]:
                errors.append(f"{path}: uri {loc['uri']!r} differs from artifact {k}'s")
        for path, reg in regions(run.get("results", []), f"{where}.results"):
            for key in ("startLine", "startColumn", "endLine", "endColumn"):
                if key in reg and not (isinstance(reg[key], int) and reg[key] >= 1):
                    errors.append(f"{path}.{key}: {reg[key]!r} is not >= 1")
            sl, el = reg.get("startLine"), reg.get("endLine", reg.get("startLine"))
            if isinstance(sl, int) and isinstance(el, int):
                if el < sl:
                    errors.append(f"{path}: ends on line {el}, before line {sl}")
                elif el == sl and reg.get("endColumn", 1 << 30) < reg.get("startColumn", 1):
                    errors.append(f"{path}: endColumn before startColumn")
    return errors


def main(argv):
    if len(argv) < 2:
        print("usage: validate.py FILE.sarif...", file=sys.stderr)
        return 2
    try:
        import jsonschema
    except ImportError:
        print("validate.py: jsonschema is not installed for this python "
              "(use /usr/bin/python3 with python3-jsonschema); skipped")
        return 77
    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    passed = failed = 0
    for name in argv[1:]:
        try:
            with open(name, "rb") as f:
                raw = f.read()
            log = json.loads(raw.decode("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as e:
            print(f"FAIL {name}: {e}")
            failed += 1
            continue
        found = sorted(validator.iter_errors(log),
                       key=lambda e: [str(p) for p in e.absolute_path])
        errors = [f"{'/'.join(str(p) for p in e.absolute_path) or '(top)'}: {e.message}"
                  for e in found]
        errors += semantic_errors(log)
        if errors:
            print(f"FAIL {name}: {len(errors)} problem(s)")
            for e in errors[:20]:
                print(f"  {e}")
            if len(errors) > 20:
                print(f"  ... and {len(errors) - 20} more")
            failed += 1
        else:
            results = sum(len(run.get("results", [])) for run in log.get("runs", []))
            print(f"ok   {name}: {results} result(s)")
            passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
