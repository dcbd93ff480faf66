#!/usr/bin/env python3
"""How many cases each rule's fixtures hold (issue 3 asks for at least 5 and 5):

    tools/count_fixture_cases.py [tests/rules]

Positive cases: lines expecting the folder's rule (`# expect: SLTnnn`). Negative cases: top-level
classes and functions of the folder's files (with their decorators) on none of whose lines any
finding is expected. A rule with fewer than 5 of either is marked.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def top_level_blocks(lines):
    """The top-level class and def statements, each with its decorators and body lines."""
    blocks, current = [], None
    for line in lines:
        if re.match(r"(class |def |async def |@)", line):
            if current is None or not current[-1].startswith("@"):
                current = []
                blocks.append(current)
            current.append(line)
        elif current is not None and (line.startswith((" ", "\t")) or not line.strip()):
            current.append(line)
        else:
            current = None
    return blocks


def count(folder, rule):
    files = positive = negative = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".py"):
            continue
        files += 1
        with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
        positive += sum(1 for line in lines if re.search(r"#\s*expect:.*\b%s\b" % rule, line))
        negative += sum(1 for block in top_level_blocks(lines) if not any("expect:" in line for line in block))
    return files, positive, negative


def main(argv):
    root = argv[1] if len(argv) > 1 else os.path.join(HERE, "..", "tests", "rules")
    for rule in sorted(d for d in os.listdir(root) if d.startswith("SLT")):
        files, positive, negative = count(os.path.join(root, rule), rule)
        short = "" if positive >= 5 and negative >= 5 else "  <-- fewer than 5"
        print("%s: %2d files, %3d positive lines, %3d negative top-level classes/functions%s"
              % (rule, files, positive, negative, short))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
