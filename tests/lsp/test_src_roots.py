#!/usr/bin/env python3
"""The server takes its import roots from the project's configuration, as `slotlint check` does:
`src = ["lib"]` in a slotlint.toml above the client's workspace folder (relative to the
configuration file's folder, not to the workspace folder) makes `lib/` a root, so an open
document's `from shapes.base import Shape` finds lib/shapes/base.py and its slots. When the
configuration changes (workspace/didChangeWatchedFiles), the index is made again: a `src` naming
another folder, where `shapes` has a __dict__, silences the finding; the first `src` brings it back;
the same check on the command line agrees at each step.

    test_src_roots.py SLOTLINT WORKDIR
"""
import os
import pathlib
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lspclient  # noqa: E402

APP = (
    "from shapes.base import Shape\n"
    "\n"
    "\n"
    "class Square(Shape):\n"
    "    __slots__ = ('side',)\n"
    "\n"
    "    def grow(self):\n"
    "        self.side = 2\n"
    "        self.area = 4\n"
)




def main(argv):
    slotlint, work = os.path.abspath(argv[1]), pathlib.Path(argv[2]).resolve()
    shutil.rmtree(work, ignore_errors=True)
    proj = work / "proj"
    # lib/shapes: slotted; other/shapes: a class with a __dict__. Neither is under the workspace
    # folder (proj/app) nor a default root (proj/app, proj/app/src).
    lspclient.write_file(proj / "lib" / "shapes" / "__init__.py", "")
    lspclient.write_file(proj / "lib" / "shapes" / "base.py", "class Shape:\n    __slots__ = ('x',)\n")
    lspclient.write_file(proj / "other" / "shapes" / "__init__.py", "")
    lspclient.write_file(proj / "other" / "shapes" / "base.py", "class Shape:\n    pass\n")
    config = proj / "slotlint.toml"
    lspclient.write_file(config, 'src = ["lib"]\n')
    app = proj / "app" / "draw.py"
    lspclient.write_file(app, APP)
    uri = app.as_uri()

    server = lspclient.Server(slotlint, env=dict(os.environ, SLOTLINT_LOG="debug"))
    try:
        folder = (proj / "app").as_uri()
        server.call("initialize", {"processId": os.getpid(), "rootUri": folder,
                                   "workspaceFolders": [{"uri": folder, "name": "app"}], "capabilities": {}})
        server.notify("initialized", {})

        def published(version):
            m = server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and
                                m["params"]["uri"] == uri and m["params"].get("version") == version)
            return sorted(d["code"] for d in m["params"]["diagnostics"])

        server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1,
                                                                "text": APP}})
        got = published(1)
        assert got == ["SLT001"], "src = ['lib']: expected SLT001 for self.area, got %s" % got
        cli = lspclient.check_codes(slotlint, app)
        assert cli == got, "the command line disagrees: %s" % cli

        for src, want in (("other", []), ("lib", ["SLT001"])):
            lspclient.write_file(config, 'src = ["%s"]\n' % src)
            server.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
            got = published(1)
            assert got == want, "src = [%r]: expected %s, got %s" % (src, want, got)
            assert lspclient.check_codes(slotlint, app) == want, "the command line disagrees for src = [%r]" % src

        # No src at all: the folder's defaults (proj/app), where `shapes` is not found: unknown.
        config.unlink()
        server.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 3}]})
        got = published(1)
        assert got == [], "without a configuration: expected nothing, got %s" % got
        status = server.close()
        assert status == 0, "server exit status %d" % status
        assert "import root '%s' (src of" % (proj / "lib") in server.stderr, server.stderr[-2000:]
    except BaseException:
        server.kill()
        sys.stderr.write(server.stderr[-4000:])
        raise
    print("src roots: the server follows the configuration's src, and its changes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
