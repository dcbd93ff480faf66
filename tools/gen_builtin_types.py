#!/usr/bin/env python3
"""Generate analyzer/builtin_types_data.c: what CPython reports about standard-library types.

    python3 tools/gen_builtin_types.py --out analyzer/builtin_types_data.c

The script runs itself (``--dump``) under every CPython 3.8+ it can find -- the pyenv versions
(/root/.pyenv/versions/3.*/bin/python3.*, or $PYENV_ROOT) and ``python3.X`` on PATH, one
interpreter per minor version, pyenv first -- or under the interpreters given with ``--python``.
Each child imports the modules listed in MODULES, walks their public names and prints JSON facts
about every class it reaches (its figures, __base__, __mro__, CPython's solid base, flags, and the
names in its own __dict__). The parent merges the runs into one C file: types sorted by (module,
qualname), exports sorted by (module, name), identical layout rows, MROs and attribute arrays
shared across versions and types. The output depends only on the interpreters, never on the
order in which things were found, so a rerun gives the same file.

Nothing here may need more than Python 3.8: the same file is the child of every interpreter.
"""

import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys

# The modules whose public classes (and __mro_entries__ objects) become exports, in the module a
# user imports them from.
MODULES = [
    "builtins", "abc", "enum", "typing", "collections", "collections.abc", "numbers", "datetime",
    "decimal", "fractions", "io", "threading", "weakref", "contextlib", "types", "functools",
    "string", "pathlib", "array", "dataclasses", "ctypes", "socketserver", "argparse", "json",
    "logging", "unittest", "queue", "asyncio", "selectors", "ipaddress", "uuid", "os",
    "subprocess", "http.server", "email.message", "xml.etree.ElementTree", "sqlite3", "struct",
    "random", "zoneinfo",
]

MINOR_MIN = 8          # 2.7, 3.6 and 3.7 are out of scope
N_LAYOUT_SLOTS = 16    # sl_builtin_type.layouts[16]: 3.0 .. 3.15

Py_TPFLAGS_HEAPTYPE = 1 << 9
Py_TPFLAGS_BASETYPE = 1 << 10


# --------------------------------------------------------------------------------------------
# The child: facts from one interpreter
# --------------------------------------------------------------------------------------------

def _type_getter(name):
    # Read type slots through `type`'s own descriptors, so that a metaclass cannot shadow them.
    descr = vars(type)[name]
    return lambda t: descr.__get__(t, type)


def _key(t):
    return [_type_getter("__module__")(t), _type_getter("__qualname__")(t)]


def _is_data_descriptor(value):
    # PyDescr_IsData: Py_TYPE(v)->tp_descr_set != NULL, which both __set__ and __delete__ fill.
    for k in _type_getter("__mro__")(type(value)):
        d = _type_getter("__dict__")(k)
        if "__set__" in d or "__delete__" in d:
            return True
    return False


def _solid_base(t, minor, cache):
    """solid_base() of Objects/typeobject.c, as the running interpreter's version computes it."""
    if t in cache:
        return cache[t]
    get = _type_getter
    base_t = get("__base__")(t)
    base = _solid_base(base_t, minor, cache) if base_t is not None else object
    t_size, b_size = get("__basicsize__")(t), get("__basicsize__")(base)
    t_item, b_item = get("__itemsize__")(t), get("__itemsize__")(base)
    if minor >= 12:
        # shape_differs(): 3.12 dropped extra_ivars along with the pre-header dict and weakref.
        differs = t_size != b_size or t_item != b_item
    elif t_item or b_item:
        # extra_ivars(): "If itemsize is involved, stricter rules"
        differs = t_size != b_size or t_item != b_item
    else:
        # extra_ivars(): a heap type's trailing __weakref__ / __dict__ pointer does not count.
        # The C compares size_t values, so a negative offset wraps around.
        ptr = 8 if sys.maxsize > 2 ** 32 else 4
        wrap = 2 ** (8 * ptr)
        heap = get("__flags__")(t) & Py_TPFLAGS_HEAPTYPE
        t_weak, b_weak = get("__weakrefoffset__")(t), get("__weakrefoffset__")(base)
        t_dict, b_dict = get("__dictoffset__")(t), get("__dictoffset__")(base)
        if t_weak and b_weak == 0 and (t_weak + ptr) % wrap == t_size and heap:
            t_size -= ptr
        if t_dict and b_dict == 0 and (t_dict + ptr) % wrap == t_size and heap:
            t_size -= ptr
        differs = t_size != b_size
    cache[t] = t if differs else base
    return cache[t]


_PROBES = (int, str)
_ARG_FORMS = (
    lambda p: p,
    lambda p: (p, p),
    lambda p: ([p], p),
    lambda p: (p, p, p),
)


def _mro_entries(value):
    """What `class X(value[...])` gets as bases; None if it cannot be a base or depends on args.

    Raises ValueError when the entries depend on the arguments (typing.Annotated)."""
    def entries_of(obj):
        meth = getattr(obj, "__mro_entries__", None)
        if meth is None:
            return None
        try:
            res = meth((obj,))
        except Exception:
            return None
        if not isinstance(res, tuple) or not all(isinstance(x, type) for x in res):
            return None
        return res

    for form in _ARG_FORMS:
        try:
            subs = [value[form(p)] for p in _PROBES]
        except Exception:
            continue
        got = [entries_of(s) for s in subs]
        if got[0] is None:
            break
        if got[0] != got[1]:
            raise ValueError("entries depend on the arguments")
        return got[0]
    return entries_of(value)


def dump(extra_keys):
    import importlib
    import warnings
    warnings.simplefilter("ignore")
    minor = sys.version_info[1]
    get = _type_getter

    exports = []
    skipped = []
    roots = []
    for modname in MODULES:
        try:
            mod = importlib.import_module(modname)
        except Exception as exc:  # zoneinfo before 3.9, ctypes/sqlite3 when not built
            skipped.append("%s: %s" % (modname, exc))
            continue
        # __all__ too: some names come from a module __getattr__ (typing.ContextManager in 3.13)
        names = set(dir(mod))
        try:
            names.update(n for n in getattr(mod, "__all__", ()) if isinstance(n, str))
        except Exception:
            pass
        for name in sorted(names):
            if name.startswith("_"):
                continue
            try:
                value = getattr(mod, name)
            except Exception:
                continue
            if isinstance(value, type):
                exports.append({"module": modname, "name": name, "kind": "type", "type": value})
                roots.append(value)
                continue
            if getattr(value, "__mro_entries__", None) is None:
                continue
            try:
                ents = _mro_entries(value)
            except ValueError as exc:
                skipped.append("%s.%s: %s" % (modname, name, exc))
                continue
            if ents is None:
                continue
            exports.append({"module": modname, "name": name, "kind": "mro_entries",
                            "entries": list(ents)})
            roots.extend(ents)

    for module, qualname in extra_keys:
        # Types that other versions reached: record them here too if this version has them.
        try:
            obj = importlib.import_module(module)
            for part in qualname.split("."):
                obj = getattr(obj, part)
        except Exception:
            continue
        if isinstance(obj, type) and _key(obj) == [module, qualname]:
            roots.append(obj)

    # The closure: every type on the MRO of a root (which holds __base__ and the solid base).
    seen = {}
    for root in roots:
        for t in get("__mro__")(root):
            seen.setdefault(id(t), t)
    by_key = {}
    for t in seen.values():
        k = tuple(_key(t))
        if k in by_key and by_key[k] is not t:
            raise SystemExit("two types share the key %r in %s" % (k, sys.version))
        by_key[k] = t

    cache = {}
    types = []
    for k in sorted(by_key):
        t = by_key[k]
        flags = get("__flags__")(t)
        base = get("__base__")(t)
        attrs = []
        for name, value in get("__dict__")(t).items():
            if isinstance(name, str):
                attrs.append([name, _is_data_descriptor(value)])
        attrs.sort()
        types.append({
            "key": list(k),
            "basicsize": get("__basicsize__")(t),
            "itemsize": get("__itemsize__")(t),
            "dictoffset": get("__dictoffset__")(t),
            "weakrefoffset": get("__weakrefoffset__")(t),
            "base": _key(base) if base is not None else None,
            "solid_base": _key(_solid_base(t, minor, cache)),
            "mro": [_key(m) for m in get("__mro__")(t)[1:]],
            "is_type_subclass": type in get("__mro__")(t),
            "subclassable": bool(flags & Py_TPFLAGS_BASETYPE),
            "heap_type": bool(flags & Py_TPFLAGS_HEAPTYPE),
            "attrs": attrs,
            "metaclass": "%s.%s" % (type(t).__module__, type(t).__qualname__),
        })
    for e in exports:
        if e["kind"] == "type":
            e["type"] = _key(e["type"])
        else:
            e["entries"] = [_key(x) for x in e["entries"]]
    json.dump({
        "minor": minor,
        "version": "%d.%d.%d" % sys.version_info[:3],
        "types": types,
        "exports": exports,
        "skipped": skipped,
    }, sys.stdout, sort_keys=True)


# --------------------------------------------------------------------------------------------
# The parent: find interpreters, run them, merge, write C
# --------------------------------------------------------------------------------------------

def find_interpreters():
    """One interpreter per minor >= 3.8: pyenv versions first, then python3.X on PATH."""
    found = {}
    root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    candidates = sorted(glob.glob(os.path.join(root, "versions", "3.*", "bin", "python3.*")))
    candidates = [c for c in candidates if re.search(r"python3\.\d+$", c)]
    for minor in range(MINOR_MIN, 30):
        exe = shutil.which("python3.%d" % minor)
        if exe:
            candidates.append(exe)
    for exe in candidates:
        try:
            out = subprocess.run([exe, "-c", "import sys; print(sys.version_info[0], "
                                  "sys.version_info[1], sys.implementation.name)"],
                                 capture_output=True, text=True, timeout=60, check=True)
        except Exception:
            continue
        major, minor, impl = out.stdout.split()
        if impl != "cpython" or int(major) != 3 or int(minor) < MINOR_MIN:
            continue
        found.setdefault(int(minor), exe)
    return [found[m] for m in sorted(found)]


def run_child(exe, extra):
    cmd = [exe, "-I", "-X", "utf8", os.path.abspath(__file__), "--dump"]
    env = dict(os.environ, PYTHONHASHSEED="0")
    out = subprocess.run(cmd, input=json.dumps(extra), capture_output=True, text=True,
                         env=env, timeout=600)
    if out.returncode != 0:
        raise SystemExit("%s --dump failed:\n%s" % (exe, out.stderr))
    data = json.loads(out.stdout)
    data["exe"] = exe
    return data


def collect(interpreters):
    runs = [run_child(exe, []) for exe in interpreters]
    every = sorted({tuple(t["key"]) for r in runs for t in r["types"]})
    final = []
    for exe, r in zip(interpreters, runs):
        have = {tuple(t["key"]) for t in r["types"]}
        missing = [list(k) for k in every if k not in have]
        final.append(run_child(exe, missing) if missing else r)
    return final


class UnionFind:
    def __init__(self):
        self.parent = {}

    def find(self, k):
        self.parent.setdefault(k, k)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a, b):
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def merge(runs, notes):
    """Per-version facts -> one table. Returns (types, exports, minors, versions)."""
    minors = [r["minor"] for r in runs]
    present = {r["minor"]: {tuple(t["key"]) for t in r["types"]} for r in runs}

    def export_targets(e):
        return [tuple(e["type"])] if e["kind"] == "type" else [tuple(x) for x in e["entries"]]

    # A type whose (module, qualname) changed between versions (enum.EnumMeta -> enum.EnumType)
    # stays one entry when the same export names it in both versions and neither key exists
    # in the other's version.
    per_export = {}
    for r in runs:
        for e in r["exports"]:
            per_export.setdefault((e["module"], e["name"]), {})[r["minor"]] = e
    uf = UnionFind()
    for (module, name), by_minor in sorted(per_export.items()):
        rows = [(m, export_targets(e)) for m, e in sorted(by_minor.items())]
        for (m1, t1), (m2, t2) in zip(rows, rows[1:]):
            if len(t1) != len(t2):
                continue
            for k1, k2 in zip(t1, t2):
                if k1 != k2 and k1 not in present[m2] and k2 not in present[m1]:
                    uf.union(k1, k2)
    groups = {}
    for minor in minors:
        for k in present[minor]:
            groups.setdefault(uf.find(k), set()).add(k)
    for members in groups.values():
        if len(members) > 1:
            for minor in minors:
                if len(members & present[minor]) > 1:
                    raise SystemExit("cannot merge %r: they coexist in 3.%d" % (members, minor))
    # The entry is named as the newest version names it.
    canon = {}
    for root, members in sorted(groups.items()):
        newest = max(members, key=lambda k: max(m for m in minors if k in present[m]))
        for k in members:
            canon[k] = newest
        if len(members) > 1:
            notes.append("one type across versions: %s" % ", ".join(
                "%s.%s (3.%s)" % (k[0], k[1], ",".join(
                    str(m) for m in minors if k in present[m])) for k in sorted(members)))

    keys = sorted(set(canon.values()))
    index = {k: i for i, k in enumerate(keys)}
    idx = lambda k: index[canon[tuple(k)]]
    if len(keys) >= 2 ** 15:
        raise SystemExit("too many types for int16_t indexes")

    # Layout rows, per type and version.
    layouts = {k: {} for k in keys}
    for r in runs:
        for t in r["types"]:
            row = (
                t["basicsize"], t["itemsize"], t["dictoffset"], t["weakrefoffset"],
                idx(t["base"]) if t["base"] is not None else -1,
                idx(t["solid_base"]),
                tuple(idx(m) for m in t["mro"]),
                t["is_type_subclass"], t["subclassable"], t["heap_type"],
                tuple((name, bool(dd)) for name, dd in t["attrs"]),
                t["metaclass"],
            )
            layouts[canon[tuple(t["key"])]][r["minor"]] = row

    # Exports: one row per (module, name) and run of versions that agree on what the name is;
    # a class in one version and an __mro_entries__ object giving just that class in another
    # (typing.NamedTuple: 3.8 / 3.9+) agree. min/max come from the versions that have the name.
    exports = []
    for (module, name), by_minor in sorted(per_export.items()):
        have = sorted(by_minor)
        gaps = [m for m in minors if have[0] < m < have[-1] and m not in by_minor]
        if gaps:
            notes.append("%s.%s is missing in 3.%s but present around it" % (
                module, name, ",".join(map(str, gaps))))
        runs_of = []  # [value, [minors], {kinds}]
        for m in have:
            value = tuple(idx(k) for k in export_targets(by_minor[m]))
            if runs_of and runs_of[-1][0] == value:
                runs_of[-1][1].append(m)
                runs_of[-1][2].add(by_minor[m]["kind"])
            else:
                runs_of.append([value, [m], {by_minor[m]["kind"]}])
        if len(runs_of) > 1:
            notes.append("%s.%s means different things: %s" % (module, name, "; ".join(
                "3.%d-3.%d: %s" % (r[1][0], r[1][-1], ", ".join(".".join(keys[i]) for i in r[0]))
                for r in runs_of)))
        for value, ms, kinds in runs_of:
            if len(kinds) > 1:
                notes.append("%s.%s is a class in 3.%s and has __mro_entries__ in 3.%s" % (
                    module, name,
                    ",".join(str(m) for m in ms if by_minor[m]["kind"] == "type"),
                    ",".join(str(m) for m in ms if by_minor[m]["kind"] != "type")))
            kind = "type" if kinds == {"type"} else "mro_entries"
            exports.append((module, name, kind, value, ms[0], ms[-1]))
    exports.sort(key=lambda e: (e[0].encode(), e[1].encode(), e[4]))
    return keys, layouts, exports, minors


def c_str(s):
    out = ['"']
    for ch in s.encode("utf-8"):
        c = chr(ch)
        if c in '"\\':
            out.append("\\" + c)
        elif 32 <= ch < 127 and c != "?":
            out.append(c)
        else:
            out.append("\\%03o" % ch)
    out.append('"')
    return "".join(out)


def emit(keys, layouts, exports, runs, notes):
    minors = [r["minor"] for r in runs]
    lines = []
    w = lines.append
    w("/*")
    w(" * builtin_types_data.c -- GENERATED by tools/gen_builtin_types.py; do not edit.")
    w(" *")
    w(" * Regenerate from the repository root with")
    w(" *     python3 tools/gen_builtin_types.py --out analyzer/builtin_types_data.c")
    w(" * which runs the script under every CPython 3.8+ it finds. This file was generated from")
    w(" * CPython %s." % ", ".join(r["version"] for r in runs))
    w(" * %d types, %d exports. tools/check_solid_bases.py checks it against the interpreters." % (
        len(keys), len(exports)))
    w(" */")
    w('#include "builtin_types.h"')
    w("")
    w("#include <stddef.h>")
    w("")

    # Attribute names: each spelled once (the same name recurs in many __dict__s and versions).
    names = sorted({n for per in layouts.values() for row in per.values() for n, _ in row[10]},
                   key=lambda n: n.encode())
    name_ids = {n: "s%d" % i for i, n in enumerate(names)}
    w("/* Attribute names, sorted. */")
    for n in names:
        w("static const char %s[] = %s;" % (name_ids[n], c_str(n)))
    w("")
    w("/* Shared arrays and layout rows, numbered in order of first use. Layout fields: basicsize,")
    w(" * itemsize, dictoffset, weakrefoffset, base, solid_base, mro, n_mro, is_type_subclass,")
    w(" * subclassable, heap_type, attrs, n_attrs, metaclass. */")

    # Shared arrays, numbered in order of first use.
    mro_ids, attr_ids, row_ids = {}, {}, {}
    body = []
    b = body.append

    def mro_name(mro):
        if not mro:
            return "NULL"
        if mro not in mro_ids:
            mro_ids[mro] = "m%d" % len(mro_ids)
            b("static const int16_t %s[] = {%s};" % (mro_ids[mro], ",".join(map(str, mro))))
        return mro_ids[mro]

    def attrs_name(attrs):
        if not attrs:
            return "NULL"
        if attrs not in attr_ids:
            attr_ids[attrs] = "a%d" % len(attr_ids)
            b("static const sl_builtin_attr %s[] = {" % attr_ids[attrs])
            b(",".join("{%s,%d}" % (name_ids[n], dd) for n, dd in attrs))
            b("};")
        return attr_ids[attrs]

    def row_name(row):
        if row not in row_ids:
            (bs, isz, do, wo, base, solid, mro, is_type, sub, heap, attrs, meta) = row
            if len(mro) > 255 or len(attrs) > 65535:
                raise SystemExit("MRO or __dict__ too long for the header's counters")
            m, a = mro_name(mro), attrs_name(attrs)
            row_ids[row] = "l%d" % len(row_ids)
            b("static const sl_builtin_layout %s = {%d,%d,%d,%d,%d,%d,%s,%d,%d,%d,%d,%s,%d,%s};" % (
                row_ids[row], bs, isz, do, wo, base, solid, m, len(mro),
                is_type, sub, heap, a, len(attrs), c_str(meta)))
        return row_ids[row]

    type_lines = []
    for k in keys:
        slots = []
        for m in minors:
            row = layouts[k].get(m)
            if row is not None:
                slots.append("[%d]=&%s" % (m, row_name(row)))
        type_lines.append("  {%s,%s,{%s}}," % (c_str(k[0]), c_str(k[1]), ",".join(slots)))

    entry_ids = {}
    export_lines = []
    for module, name, kind, targets, lo, hi in exports:
        if kind == "type":
            export_lines.append("  {%s,%s,SL_EXPORT_TYPE,%d,NULL,0,%d,%d}," % (
                c_str(module), c_str(name), targets[0], lo, hi))
        else:
            if targets not in entry_ids:
                entry_ids[targets] = "e%d" % len(entry_ids)
                b("static const int16_t %s[] = {%s};" % (entry_ids[targets],
                                                         ",".join(map(str, targets))))
            export_lines.append("  {%s,%s,SL_EXPORT_MRO_ENTRIES,-1,%s,%d,%d,%d}," % (
                c_str(module), c_str(name), entry_ids[targets], len(targets), lo, hi))

    lines.extend(body)
    w("")
    w("const sl_builtin_type sl_builtin_types[] = {")
    lines.extend(type_lines)
    w("};")
    w("const int sl_builtin_type_count = %d;" % len(keys))
    w("")
    w("const sl_builtin_export sl_builtin_exports[] = {")
    lines.extend(export_lines)
    w("};")
    w("const int sl_builtin_export_count = %d;" % len(exports))
    w("")
    w("const uint8_t sl_builtin_minors[] = {%s};" % ",".join(map(str, minors)))
    w("const int sl_builtin_minor_count = %d;" % len(minors))
    stats = {"types": len(keys), "exports": len(exports), "layout rows": len(row_ids),
             "mro arrays": len(mro_ids), "attr arrays": len(attr_ids),
             "entry arrays": len(entry_ids)}
    return "\n".join(lines) + "\n", stats


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dump", action="store_true",
                    help="(child) print the facts of this interpreter as JSON; reads a JSON list "
                         "of extra [module, qualname] keys on stdin")
    ap.add_argument("--out", help="the C file to write")
    ap.add_argument("--python", action="append", default=[],
                    help="an interpreter to run (repeatable); default: every one found")
    args = ap.parse_args()
    if args.dump:
        data = sys.stdin.read()
        dump(json.loads(data) if data.strip() else [])
        return
    if not args.out:
        ap.error("--out is required")
    interpreters = args.python or find_interpreters()
    if not interpreters:
        raise SystemExit("no CPython 3.%d+ found" % MINOR_MIN)
    runs = collect(interpreters)
    minors = [r["minor"] for r in runs]
    if len(set(minors)) != len(minors):
        raise SystemExit("two interpreters of the same minor version: %s" % interpreters)
    runs.sort(key=lambda r: r["minor"])
    if runs[-1]["minor"] >= N_LAYOUT_SLOTS:
        raise SystemExit("3.%d does not fit sl_builtin_type.layouts" % runs[-1]["minor"])
    notes = []
    keys, layouts, exports, _ = merge(runs, notes)
    text, stats = emit(keys, layouts, exports, runs, notes)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    for r in runs:
        sys.stderr.write("3.%d (%s, %s): %d types, %d exports%s\n" % (
            r["minor"], r["version"], r["exe"], len(r["types"]), len(r["exports"]),
            "; skipped " + "; ".join(r["skipped"]) if r["skipped"] else ""))
    for note in notes:
        sys.stderr.write("note: %s\n" % note)
    sys.stderr.write("wrote %s: %s, %d bytes\n" % (
        args.out, ", ".join("%d %s" % (v, k) for k, v in stats.items()), len(text.encode())))


if __name__ == "__main__":
    main()
