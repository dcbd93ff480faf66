#!/usr/bin/env python3
"""How many cases each rule's fixtures hold (issue 3 asks for at least 5 and 5):

    tools/count_fixture_cases.py [tests/rules]

Positive cases: lines expecting the folder's rule (`# expect: SLTnnn`). Negative cases: top-level
classes and functions of the folder's files (with their decorators) on none of whose lines any
finding is expected. A rule with fewer than 5 of either is marked.
"""
import os, re, sys
root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "rules")
for rule in sorted(d for d in os.listdir(root) if d.startswith("SLT")):
    pos = neg = files = 0
    for f in sorted(os.listdir(os.path.join(root, rule))):
        if not f.endswith(".py"): continue
        files += 1
        lines = open(os.path.join(root, rule, f), encoding="utf-8", errors="replace").read().split("\n")
        pos += sum(1 for l in lines if re.search(r"#\s*expect:.*\b%s\b" % rule, l))
        blocks, cur = [], None
        for l in lines:
            if re.match(r"(class |def |async def |@)", l):
                if cur is None or not cur[-1].startswith("@"):
                    cur = []; blocks.append(cur)
                cur.append(l)
            elif cur is not None and (l.startswith((" ", "\t")) or not l.strip()):
                cur.append(l)
            else:
                cur = None
        neg += sum(1 for b in blocks if not any("expect:" in l for l in b))
    print("%s: %2d files, %3d positive lines, %3d negative top-level classes/functions%s" % (rule, files, pos, neg, "" if pos >= 5 and neg >= 5 else "  <-- fewer than 5"))
