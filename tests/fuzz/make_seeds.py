#!/usr/bin/env python3
"""Makes the seed corpora of the fuzz targets from what the other suites already hold.

    make_seeds.py SOURCE_DIR OUT_DIR

OUT_DIR/analyze, OUT_DIR/fix and OUT_DIR/prefilter: the rule fixtures (tests/rules/SLT*/*.py), examples/ and the
CLI fixtures; OUT_DIR/lsp: every LSP transcript (tests/lsp/transcripts/*.test) as the byte stream
a client sends, framed as run_transcript.py frames it; OUT_DIR/config: the TOML documents of the
CLI cases (heredocs and printf lines in tests/cli/cases/*/cmd). Nothing here is committed: the
seeds follow the suites they come from. tests/fuzz/corpus/TARGET/ holds, beside them, the inputs
of our own (regressions) that ctest replays too.
"""
import glob
import os
import re
import shutil
import sys

MAX_SEED = 256 * 1024  # libFuzzer's inputs stay small; bigger seeds only slow the run


def write(out, name, data):
    if len(data) > MAX_SEED:
        return
    os.makedirs(out, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", name)
    with open(os.path.join(out, safe), "wb") as f:
        f.write(data)


def python_seeds(src, out):
    files = sorted(glob.glob(os.path.join(src, "tests/rules/SLT*/*.py")))
    files += sorted(glob.glob(os.path.join(src, "examples/*.py")))
    files += sorted(glob.glob(os.path.join(src, "tests/cli/fixtures/*.py")))
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        name = os.path.relpath(path, src)
        for target in ("analyze", "fix", "prefilter"):
            write(os.path.join(out, target), name, data)
    return len(files)


def lsp_seeds(src, out):
    sys.path.insert(0, os.path.join(src, "tests/lsp"))
    import json
    import run_transcript  # noqa: E402
    import lspclient  # noqa: E402

    n = 0
    for path in sorted(glob.glob(os.path.join(src, "tests/lsp/transcripts/*.test"))):
        stream = b""
        for kind, payload, _ in run_transcript.parse(path):
            if kind not in ("send", "raw"):
                continue
            # The 1 MB documents of the size tests, cut down to seed size.
            payload = re.sub(r"\$REPEAT\((\d+),", lambda m: "$REPEAT(%d," % min(int(m.group(1)), 50), payload)
            text = run_transcript.expand(payload, {})
            try:
                data = lspclient.frame(json.dumps(json.loads(text)).encode()) if kind == "send" else run_transcript.raw_bytes(text)
            except ValueError:
                continue  # a capture ($name) the transcript fills in as it runs
            stream += data
        if stream[:1] not in (b"C", b"c"):
            continue  # fuzz_lsp reads such input as a program, not a stream
        write(os.path.join(out, "lsp"), os.path.basename(path), stream)
        n += 1
    return n


def config_seeds(src, out):
    n = 0
    for path in sorted(glob.glob(os.path.join(src, "tests/cli/cases/*/cmd"))):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        case = os.path.basename(os.path.dirname(path))
        docs = re.findall(r"<<'TOML'\n(.*?)\nTOML\n", text, re.S)
        for m in re.finditer(r"printf '([^']*)' > \S+\.toml", text):
            docs.append(m.group(1).encode().decode("unicode_escape"))
        for i, doc in enumerate(docs):
            write(os.path.join(out, "config"), "%s-%d.toml" % (case, i), doc.encode("utf-8"))
            n += 1
    return n


def main():
    src, out = sys.argv[1], sys.argv[2]
    if os.path.isdir(out):
        shutil.rmtree(out)
    counts = (python_seeds(src, out), lsp_seeds(src, out), config_seeds(src, out))
    print("seeds: %d Python files (analyze, fix), %d LSP streams, %d configuration files" % counts)


if __name__ == "__main__":
    main()
