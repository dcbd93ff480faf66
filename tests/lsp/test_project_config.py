#!/usr/bin/env python3
"""The server lints each open document with the project's configuration file, as `slotlint check`
does, overridden key by key by the client's settings (SPEC §3):

  - `ignore`, `per-file-ignores` and `select`/`extend-select` of a slotlint.toml above the
    workspace folder apply; `target-version` picks the version-dependent behaviour (SLT018 is
    reported up to py313 only);
  - a document its `exclude` matches (a folder of it) gets no findings;
  - initializationOptions / workspace/didChangeConfiguration replace the keys they set, and only
    those; null gives a key back to the file;
  - the configuration changed on disk (workspace/didChangeWatchedFiles) is read again;
  - a configuration that cannot be read is reported to the client and the defaults apply;
  - at each step the command line (`slotlint check FILE`) agrees when the client sets nothing.

    test_project_config.py SLOTLINT WORKDIR
"""
import os
import pathlib
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lspclient  # noqa: E402

SHAPES = (
    "import dataclasses\n"
    "\n"
    "\n"
    "class Point:\n"
    "    __slots__ = ('x', 'y')\n"
    "\n"
    "    def move(self):\n"
    "        self.z = 1\n"
    "\n"
    "\n"
    "class Base:\n"
    "    __slots__ = ('a',)\n"
    "\n"
    "\n"
    "class Child(Base):\n"
    "    __slots__ = ('a', 'b')\n"
    "\n"
    "\n"
    "@dataclasses.dataclass(slots=True)\n"
    "class Record:\n"
    "    n: int = 0\n"
    "\n"
    "    def __post_init__(self):\n"
    "        super().__init__()\n"
)




def main(argv):
    slotlint, work = os.path.abspath(argv[1]), pathlib.Path(argv[2]).resolve()
    shutil.rmtree(work, ignore_errors=True)
    proj = work / "proj"
    config = proj / "slotlint.toml"
    shapes = proj / "app" / "shapes.py"
    generated = proj / "app" / "generated" / "shapes.py"
    lspclient.write_file(shapes, SHAPES)
    lspclient.write_file(generated, SHAPES)

    server = lspclient.Server(slotlint, env=dict(os.environ, SLOTLINT_LOG="debug"))
    version = {"n": 1}

    def published(uri):
        m = server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and
                            m["params"]["uri"] == uri and m["params"].get("version") == version["n"])
        return sorted({d["code"] for d in m["params"]["diagnostics"]})

    def relint(uri, path):
        """A new version of the document (the same text), and what is published for it."""
        version["n"] += 1
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version["n"]},
                                                 "contentChanges": [{"text": SHAPES}]})
        return published(uri)

    def config_changed(text):
        if text is None:
            config.unlink()
        else:
            lspclient.write_file(config, text)
        server.notify("workspace/didChangeWatchedFiles",
                      {"changes": [{"uri": config.as_uri(), "type": 3 if text is None else 2}]})

    try:
        folder = (proj / "app").as_uri()
        server.call("initialize", {"processId": os.getpid(), "rootUri": folder,
                                   "workspaceFolders": [{"uri": folder, "name": "app"}], "capabilities": {}})
        server.notify("initialized", {})
        uri, gen_uri = shapes.as_uri(), generated.as_uri()

        # No configuration: the defaults (py39: no SLT018, which needs slots=True from 3.10).
        server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1,
                                                                "text": SHAPES}})
        got = published(uri)
        assert got == ["SLT001", "SLT002"], "defaults: %s" % got
        assert lspclient.check_codes(slotlint, shapes, unique=True) == got

        steps = [
            ('ignore = ["SLT002"]\n', ["SLT001"]),
            ('target-version = "py312"\n', ["SLT001", "SLT002", "SLT018"]),
            ('target-version = "py314"\n', ["SLT001", "SLT002"]),  # fixed in 3.14
            ('select = ["SLT001"]\n', ["SLT001"]),
            ('per-file-ignores = {"shapes.py" = ["SLT001"]}\n', ["SLT002"]),
            ('extend-select = ["SLT020"]\nignore = ["SLT002"]\n', ["SLT001", "SLT020"]),
        ]
        for text, want in steps:
            config_changed(text)
            got = relint(uri, shapes)
            assert got == want, "with %r: expected %s, got %s" % (text, want, got)
            cli = lspclient.check_codes(slotlint, shapes, unique=True)
            assert cli == want, "the command line disagrees with %r: %s" % (text, cli)

        # exclude: the document in generated/ gets nothing; the other one is still linted.
        config_changed('exclude = ["generated"]\n')
        server.notify("textDocument/didOpen", {"textDocument": {"uri": gen_uri, "languageId": "python",
                                                                "version": version["n"], "text": SHAPES}})
        got = published(gen_uri)
        assert got == [], "an excluded document: %s" % got
        got = relint(uri, shapes)
        assert got == ["SLT001", "SLT002"], "the document not excluded: %s" % got
        server.notify("textDocument/didClose", {"textDocument": {"uri": gen_uri}})

        # The client's keys replace the file's, one by one; null gives a key back to the file.
        config_changed('ignore = ["SLT002"]\ntarget-version = "py312"\n')
        got = relint(uri, shapes)
        assert got == ["SLT001", "SLT018"], "file: %s" % got
        server.notify("workspace/didChangeConfiguration", {"settings": {"slotlint": {"ignore": ["SLT001"]}}})
        got = relint(uri, shapes)
        assert got == ["SLT002", "SLT018"], "client ignore replaces the file's: %s" % got
        server.notify("workspace/didChangeConfiguration", {"settings": {"slotlint": {"targetVersion": "py39"}}})
        got = relint(uri, shapes)
        assert got == ["SLT002"], "client targetVersion replaces the file's: %s" % got
        server.notify("workspace/didChangeConfiguration", {"settings": {"slotlint": {"ignore": None,
                                                                                     "targetVersion": None}}})
        got = relint(uri, shapes)
        assert got == ["SLT001", "SLT018"], "null gives the keys back to the file: %s" % got

        # A configuration that cannot be read: told to the client, the defaults apply.
        config_changed('ignore = ["SLT999"]\n')
        got = relint(uri, shapes)
        assert got == ["SLT001", "SLT002"], "a bad configuration: %s" % got
        log = server.wait_for(lambda m: m.get("method") == "window/logMessage" and "SLT999" in m["params"]["message"])
        assert "slotlint.toml" in log["params"]["message"], log

        config_changed(None)
        got = relint(uri, shapes)
        assert got == ["SLT001", "SLT002"], "without a configuration: %s" % got
        status = server.close()
        assert status == 0, "server exit status %d" % status
    except BaseException:
        server.kill()
        sys.stderr.write(server.stderr[-4000:])
        raise
    print("project configuration: the server applies the file, the client's keys over it, and its changes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
