"""The editor snippets no test can run in their editor (Helix, Sublime Text, Emacs) are at least
well-formed, start the server with the command line they name, and hand it initialization options
it takes: each is parsed (TOML, JSON with comments, balanced Lisp), its command is checked, and the
real server is started with its options, given rule settings in the same shape, and must apply
them. With Emacs installed, slotlint.el is byte-compiled too. editors/README.md must link them.

    test_snippets.py SLOTLINT SOURCE_DIR WORKDIR
"""
import json
import os
import re
import shutil
import subprocess
import sys

slotlint, source, work = sys.argv[1], sys.argv[2], sys.argv[3]
editors = os.path.join(source, "editors")
sys.path.insert(0, os.path.join(source, "tests", "lsp"))
import lspclient  # noqa: E402

failures = []
passed = 0

TEXT = 'class A:\n    __slots__ = ("x",)\n\n    def __init__(self):\n        self.y = 0\n'
URI = "file:///snippet/a.py"


def check(ok, what):
    global passed
    if ok:
        passed += 1
        print("ok:", what)
    else:
        failures.append(what)
        print("FAIL:", what)


def codes_with(options):
    """The diagnostics' codes of TEXT under these initializationOptions, and the server's stderr."""
    server = lspclient.Server(slotlint)
    try:
        server.initialize({"textDocument": {"diagnostic": {}}}, options)
        server.notify("textDocument/didOpen", {"textDocument": {"uri": URI, "languageId": "python", "version": 1, "text": TEXT}})
        report = server.call("textDocument/diagnostic", {"textDocument": {"uri": URI}})
        status = server.close()
        return sorted(d["code"] for d in report["items"]), status, server.stderr
    finally:
        server.kill()


def check_options(name, options, fill):
    """The snippet's options as they are, then with `fill` put where its settings go."""
    codes, status, stderr = codes_with(options)
    check(codes == ["SLT001"] and status == 0 and "warning" not in stderr,
          "%s: the server takes its initializationOptions as they are (%s, exit %s)%s" % (name, codes, status, stderr.strip() and ": " + stderr.strip()))
    codes, status, stderr = codes_with(fill(options, {"ignore": ["SLT001"]}))
    check(codes == [] and status == 0, "%s: settings in the snippet's place are applied (ignore SLT001 leaves %s)" % (name, codes))


def with_settings(options, settings):
    filled = json.loads(json.dumps(options))
    filled["settings"].update(settings)
    return filled


# Helix: languages.toml.
try:
    import tomllib
except ImportError:  # Python < 3.11
    tomllib = None
path = os.path.join(editors, "helix", "languages.toml")
if tomllib is None:
    print("skipped: Helix's languages.toml needs Python 3.11's tomllib")
else:
    with open(path, "rb") as f:
        helix = tomllib.load(f)
    server = helix.get("language-server", {}).get("slotlint", {})
    check([server.get("command")] + server.get("args", []) == ["slotlint", "server"], "helix: the command is `slotlint server`")
    python = [lang for lang in helix.get("language", []) if lang.get("name") == "python"]
    check(len(python) == 1 and "slotlint" in python[0].get("language-servers", []), "helix: python's language-servers name slotlint")
    # Helix sends `config` as the initializationOptions.
    check(isinstance(server.get("config", {}).get("settings"), dict), "helix: config.settings is a table")
    check_options("helix", server["config"], with_settings)

# Sublime Text: LSP.sublime-settings (JSON with // comments).
path = os.path.join(editors, "sublime", "LSP.sublime-settings")
with open(path, encoding="utf-8") as f:
    text = f.read()
try:
    sublime = json.loads(re.sub(r"^\s*//.*$", "", text, flags=re.M))
except ValueError as e:
    sublime = {}
    check(False, "sublime: LSP.sublime-settings is JSON once its comments are removed: %s" % e)
client = sublime.get("clients", {}).get("slotlint", {})
check(client.get("command") == ["slotlint", "server"], "sublime: the command is `slotlint server`")
check(client.get("selector") == "source.python" and client.get("enabled") is True, "sublime: enabled for source.python")
if "initializationOptions" in client:
    check_options("sublime", client["initializationOptions"], with_settings)
else:
    check(False, "sublime: the client has initializationOptions")


# Emacs: slotlint.el.
def lisp_balanced(src):
    depth = 0
    i = 0
    while i < len(src):
        c = src[i]
        if c == ";":
            i = src.find("\n", i)
            if i < 0:
                break
        elif c == '"':
            i += 1
            while i < len(src) and src[i] != '"':
                i += 2 if src[i] == "\\" else 1
        elif c == "?" and i + 1 < len(src):
            i += 2 if src[i + 1] == "\\" else 1  # a character literal: ?( or ?\(
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return False
        i += 1
    return depth == 0


path = os.path.join(editors, "emacs", "slotlint.el")
with open(path, encoding="utf-8") as f:
    elisp = f.read()
check(lisp_balanced(elisp), "emacs: slotlint.el's parentheses balance")
check('("slotlint" "server")' in elisp and "eglot-server-programs" in elisp and "python-ts-mode" in elisp,
      "emacs: slotlint.el registers `slotlint server` with eglot for python-mode and python-ts-mode")
check("(provide 'slotlint)" in elisp, "emacs: slotlint.el provides 'slotlint")
# What slotlint--initialization-options sends: (:settings (or slotlint-settings #s())) -> {"settings": {...}}.
check_options("emacs", {"settings": {}}, with_settings)
emacs = shutil.which("emacs")
if emacs:
    os.makedirs(work, exist_ok=True)
    copy = os.path.join(work, "slotlint.el")
    shutil.copy(path, copy)
    run = subprocess.run([emacs, "--batch", "-Q", "--eval", "(setq byte-compile-error-on-warn t)", "-f", "batch-byte-compile", copy],
                         capture_output=True, text=True)
    check(run.returncode == 0, "emacs: slotlint.el byte-compiles without warnings%s" % (run.stderr.strip() and ": " + run.stderr.strip()))
else:
    print("skipped: byte-compiling slotlint.el (emacs is not installed)")

# The README links every snippet and the screenshot.
with open(os.path.join(editors, "README.md"), encoding="utf-8") as f:
    readme = f.read()
for link in ["vscode/", "neovim/", "helix/languages.toml", "emacs/slotlint.el", "sublime/LSP.sublime-settings", "screenshots/neovim.png"]:
    check("](%s)" % link in readme and os.path.exists(os.path.join(editors, link)), "README: links %s, which exists" % link)

print("%d passed, %d failed" % (passed, len(failures)))
sys.exit(1 if failures else 0)
