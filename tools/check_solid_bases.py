#!/usr/bin/env python3
"""Prove the generated table of standard-library types right, under every CPython it covers.

    python3 tools/check_solid_bases.py [--table analyzer/builtin_types_data.c] [--python EXE ...]

Under each interpreter (found as tools/gen_builtin_types.py finds them) the script reads the
generated C file back and, for that version's rows:

1. finds the live type of every row (through the exports, then position by position along each
   __mro__) and compares __basicsize__, __itemsize__, __dictoffset__, __weakrefoffset__, __base__,
   __mro__, the flags and the own __dict__ names with the table;
2. for every pair of subclassable types A, B, creates `class X(A, B)` with type.__new__ under the
   most derived of their metaclasses (so that no metaclass __new__ gets in the way of
   best_base()), and checks that CPython raises "multiple bases have instance lay-out conflict"
   exactly when neither table solid base is a subclass of the other -- and, when the class is
   created, that its __base__ is the base best_base() picks by the table's solid bases.

Exit status 0 when every interpreter agrees with the table, 1 otherwise.
"""

import argparse
import gc
import json
import os
import re
import subprocess
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_TABLE = os.path.join(os.path.dirname(HERE), "analyzer", "builtin_types_data.c")
Py_TPFLAGS_HEAPTYPE = 1 << 9
Py_TPFLAGS_BASETYPE = 1 << 10
LAYOUT_CONFLICT = "multiple bases have instance lay-out conflict"


def parse_table(path):
    """The generated C file, read back: names, layout rows, types, exports."""
    text = open(path, encoding="utf-8").read()

    def c_unescape(s):
        return re.sub(r"\\([0-7]{3}|.)", lambda m: chr(int(m.group(1), 8))
                      if len(m.group(1)) == 3 else m.group(1), s).encode("latin-1").decode()

    names = {m.group(1): c_unescape(m.group(2)) for m in re.finditer(
        r'^static const char (s\d+)\[\] = "((?:[^"\\]|\\.)*)";$', text, re.M)}
    arrays = {m.group(1): [int(x) for x in m.group(2).split(",")] for m in re.finditer(
        r"^static const int16_t ([me]\d+)\[\] = \{([-\d,]*)\};$", text, re.M)}
    attrs = {}
    for m in re.finditer(r"^static const sl_builtin_attr (a\d+)\[\] = \{\n(.*)\n\};$", text, re.M):
        attrs[m.group(1)] = [(names[n], d == "1") for n, d in
                             re.findall(r"\{(s\d+),([01])\}", m.group(2))]
    rows = {}
    for m in re.finditer(r"^static const sl_builtin_layout (l\d+) = \{([^}]*)\};$", text, re.M):
        f = m.group(2).split(",")
        rows[m.group(1)] = {
            "basicsize": int(f[0]), "itemsize": int(f[1]), "dictoffset": int(f[2]),
            "weakrefoffset": int(f[3]), "base": int(f[4]), "solid_base": int(f[5]),
            "mro": arrays[f[6]] if f[6] != "NULL" else [], "is_type_subclass": f[8] == "1",
            "subclassable": f[9] == "1", "heap_type": f[10] == "1",
            "attrs": attrs[f[11]] if f[11] != "NULL" else [],
        }
    types = []
    for m in re.finditer(r'^  \{"([^"]*)","([^"]*)",\{([^}]*)\}\},$', text, re.M):
        per = {}
        for slot in filter(None, m.group(3).split(",")):
            minor, row = re.match(r"\[(\d+)\]=&(l\d+)", slot).groups()
            per[int(minor)] = rows[row]
        types.append({"module": m.group(1), "qualname": m.group(2), "layouts": per})
    exports = []
    for m in re.finditer(r'^  \{"([^"]*)","([^"]*)",(SL_EXPORT_\w+),(-?\d+),(\w+),(\d+),(\d+),'
                         r'(\d+)\},$', text, re.M):
        exports.append({"module": m.group(1), "name": m.group(2), "kind": m.group(3),
                        "type": int(m.group(4)),
                        "entries": arrays[m.group(5)] if m.group(5) != "NULL" else [],
                        "min": int(m.group(7)), "max": int(m.group(8))})
    if not types or not exports:
        raise SystemExit("%s: no table found" % path)
    return types, exports


def child(table_path, max_pairs):
    import importlib
    warnings.simplefilter("ignore")
    minor = sys.version_info[1]
    types, exports = parse_table(table_path)
    layout = {i: t["layouts"][minor] for i, t in enumerate(types) if minor in t["layouts"]}
    name = lambda i: "%s.%s" % (types[i]["module"], types[i]["qualname"])
    problems = []
    get = lambda attr: (lambda t, d=vars(type)[attr]: d.__get__(t, type))

    # 1. The live type of every row of this version.
    live = {}

    def bind(index, obj):
        if index in live and live[index] is not obj:
            problems.append("%s is two types: %r and %r" % (name(index), live[index], obj))
        live[index] = obj

    for e in exports:
        if not e["min"] <= minor <= e["max"]:
            continue
        try:
            mod = importlib.import_module(e["module"])
            obj = getattr(mod, e["name"])
        except Exception as exc:
            problems.append("export %s.%s: %s" % (e["module"], e["name"], exc))
            continue
        if e["kind"] == "SL_EXPORT_TYPE":
            bind(e["type"], obj)
        else:
            if isinstance(obj, type):  # a class in this version (typing.NamedTuple in 3.8)
                bases = (obj,)
            else:
                try:
                    bases = tuple(obj.__mro_entries__((obj,)))
                except Exception:  # Generic-like aliases: their entries are reached elsewhere
                    bases = ()
            for index, b in zip(e["entries"], bases):
                bind(index, b)
    changed = True
    while changed:
        changed = False
        for index, obj in list(live.items()):
            if index not in layout:
                problems.append("%s exists in 3.%d but the table has no row" % (name(index), minor))
                continue
            mro = get("__mro__")(obj)[1:]
            if len(mro) != len(layout[index]["mro"]):
                problems.append("%s: MRO %r, table %r" % (name(index), mro, [
                    name(i) for i in layout[index]["mro"]]))
                continue
            for i, m in zip(layout[index]["mro"], mro):
                if i not in live:
                    bind(i, m)
                    changed = True
                elif live[i] is not m:
                    problems.append("%s: MRO holds %r where the table has %s" % (
                        name(index), m, name(i)))
    for index in sorted(set(layout) - set(live)):
        # Rows the generator found by name rather than through this version's exports.
        try:
            obj = importlib.import_module(types[index]["module"])
            for part in types[index]["qualname"].split("."):
                obj = getattr(obj, part)
        except Exception:
            continue
        if isinstance(obj, type):
            bind(index, obj)
    unreached = sorted(set(layout) - set(live))
    if unreached:
        problems.append("rows not reached: %s" % ", ".join(name(i) for i in unreached))

    # Every figure of every row.
    for index, obj in sorted(live.items()):
        row = layout.get(index)
        if row is None:
            continue
        flags = get("__flags__")(obj)
        base = get("__base__")(obj)
        facts = {
            "basicsize": get("__basicsize__")(obj), "itemsize": get("__itemsize__")(obj),
            "dictoffset": get("__dictoffset__")(obj),
            "weakrefoffset": get("__weakrefoffset__")(obj),
            "is_type_subclass": issubclass(obj, type),
            "subclassable": bool(flags & Py_TPFLAGS_BASETYPE),
            "heap_type": bool(flags & Py_TPFLAGS_HEAPTYPE),
        }
        for k, v in facts.items():
            if row[k] != v:
                problems.append("%s.%s: CPython %r, table %r" % (name(index), k, v, row[k]))
        if (base is None) != (row["base"] == -1) or (base is not None and
                                                      live.get(row["base"]) is not base):
            problems.append("%s.__base__ is %r, table %s" % (name(index), base, row["base"]))
        own = sorted(n for n in get("__dict__")(obj) if isinstance(n, str))
        if own != [n for n, _ in row["attrs"]]:
            problems.append("%s: own __dict__ names differ" % name(index))

    # 2. Layout conflicts, pair by pair.
    def is_sub(a, b):
        return a == b or b in layout[a]["mro"]

    def predict(bases):
        """best_base() by the table: (index of the chosen base, None) or (None, 'conflict')."""
        winner = chosen = None
        for b in bases:
            candidate = layout[b]["solid_base"]
            if winner is None:
                winner, chosen = candidate, b
            elif is_sub(winner, candidate):
                pass
            elif is_sub(candidate, winner):
                winner, chosen = candidate, b
            else:
                return None, "conflict"
        return chosen, None

    def new_class(meta, bases):
        ns = {"__module__": "check_solid_bases"}
        try:
            return type.__new__(meta, "X", bases, ns)
        except TypeError as exc:
            # A C metaclass (ctypes') refuses type.__new__; its own tp_new calls type_new first.
            if "is not safe" not in str(exc):
                raise
        return meta.__new__(meta, "X", bases, ns)

    subclassable = [i for i in sorted(live) if i in layout and layout[i]["subclassable"]]
    counts = {"pairs": 0, "conflicts": 0, "created": 0, "other_error": 0, "metaclass_conflict": 0}
    other_errors = {}
    pairs = [(a, b) for a in subclassable for b in subclassable if a != b]
    if max_pairs and len(pairs) > max_pairs:
        step = len(pairs) / float(max_pairs)
        pairs = [pairs[int(k * step)] for k in range(max_pairs)]
    for n, (a, b) in enumerate(pairs):
        A, B = live[a], live[b]
        ma, mb = type(A), type(B)
        if issubclass(ma, mb):
            meta = ma
        elif issubclass(mb, ma):
            meta = mb
        else:
            counts["metaclass_conflict"] += 1
            continue
        counts["pairs"] += 1
        chosen, predicted = predict((a, b))
        try:
            X = new_class(meta, (A, B))
            actual = None
        except TypeError as exc:
            actual = "conflict" if str(exc) == LAYOUT_CONFLICT else "other"
            X = None
            if actual == "other":
                what = " ".join(str(exc).split())[:48]
                other_errors[what] = other_errors.get(what, 0) + 1
        except Exception as exc:  # raised by __init_subclass__ & co., after best_base()
            actual = "other"
            X = None
            other_errors.setdefault(type(exc).__name__, 0)
            other_errors[type(exc).__name__] += 1
        if actual == "conflict":
            counts["conflicts"] += 1
        elif actual == "other":
            counts["other_error"] += 1
        else:
            counts["created"] += 1
        if (actual == "conflict") != (predicted == "conflict"):
            problems.append("class X(%s, %s): CPython %s, table predicts %s" % (
                name(a), name(b), actual or "creates it", predicted or "no conflict"))
        elif X is not None and get("__base__")(X) is not live[chosen]:
            problems.append("class X(%s, %s): __base__ is %r, table predicts %s" % (
                name(a), name(b), get("__base__")(X), name(chosen)))
        del X
        if n % 2000 == 0:
            gc.collect()
    other_errors = sorted(other_errors.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
    json.dump({"minor": minor, "version": "%d.%d.%d" % sys.version_info[:3], "rows": len(layout),
               "live": len(live), "subclassable": len(subclassable), "counts": counts,
               "other_errors": other_errors, "problems": problems}, sys.stdout, sort_keys=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--table", default=DEFAULT_TABLE)
    ap.add_argument("--python", action="append", default=[])
    ap.add_argument("--max-pairs", type=int, default=0, help="check a spread sample of the pairs")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.table, args.max_pairs)
        return 0
    sys.path.insert(0, HERE)
    from gen_builtin_types import find_interpreters
    interpreters = args.python or find_interpreters()
    failed = False
    for exe in interpreters:
        out = subprocess.run([exe, "-I", os.path.abspath(__file__), "--child", "--table",
                              os.path.abspath(args.table), "--max-pairs", str(args.max_pairs)],
                             capture_output=True, text=True)
        if out.returncode != 0:
            print("%s: crashed (status %d)\n%s" % (exe, out.returncode, out.stderr[-2000:]))
            failed = True
            continue
        r = json.loads(out.stdout)
        c = r["counts"]
        print("3.%d (%s): %d rows checked against the live types; %d subclassable; %d pairs: "
              "%d layout conflicts, %d created, %d other errors after best_base(), %d skipped "
              "for a metaclass conflict; %d problems" % (
                  r["minor"], r["version"], r["live"], r["subclassable"], c["pairs"],
                  c["conflicts"], c["created"], c["other_error"], c["metaclass_conflict"],
                  len(r["problems"])))
        if r["other_errors"]:
            print("  other errors: " + "; ".join("%s (%d)" % tuple(kv) for kv in r["other_errors"]))
        for p in r["problems"][:50]:
            print("  " + p)
        if len(r["problems"]) > 50:
            print("  ... and %d more" % (len(r["problems"]) - 50))
        failed = failed or bool(r["problems"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
