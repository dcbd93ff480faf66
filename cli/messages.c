/* messages.c — errors, warnings and usage texts (see messages.h). */
#include "messages.h"

#include <stdarg.h>
#include <string.h>

void sl__error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("slotlint: error: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

void sl__warning(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("slotlint: warning: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

void sl__usage_main(FILE *out) {
  fputs("slotlint finds __slots__ mistakes in Python source before the code runs.\n"
        "\n"
        "usage: slotlint check [OPTIONS] [PATH ...]   lint files (default PATH: .)\n"
        "       slotlint rule CODE | --all           show a rule's documentation\n"
        "       slotlint server [--stdio]            language server on stdin/stdout\n"
        "       slotlint layout PATH [--class NAME]  instance layout of each class\n"
        "       slotlint --version                   show the version\n"
        "\n"
        "Run 'slotlint check --help' for the options of check.\n",
        out);
}

void sl__usage_check(FILE *out) {
  fputs("usage: slotlint check [OPTIONS] [PATH ...]\n"
        "\n"
        "Lints the .py and .pyi files under each PATH (default: the current directory).\n"
        "A PATH of '-' reads the source from standard input.\n"
        "\n"
        "Options:\n"
        "  --format FORMAT        text (default), full, json, github or sarif\n"
        "  --select CODES         run only these rules (comma-separated codes, or ALL)\n"
        "  --extend-select CODES  run these rules as well\n"
        "  --ignore CODES         do not run these rules\n"
        "  --target-version VER   the Python the code runs on: py39 (default) to py315\n"
        "  --exclude GLOB         skip files and folders matching GLOB while walking\n"
        "                         (repeatable, or comma-separated)\n"
        "  --config FILE          read the configuration from FILE instead of the nearest\n"
        "                         .slotlint.toml, slotlint.toml or pyproject.toml [tool.slotlint]\n"
        "  --no-config            ignore configuration files\n"
        "  --stdin-filename NAME  read the source from standard input, report it as NAME\n"
        "  --statistics           show the number of findings per rule instead of each one\n"
        "  -q, --quiet            print findings only, no summary line\n"
        "  --color WHEN           auto (default), always or never; NO_COLOR is respected\n"
        "  -j, --jobs N           number of files to check in parallel (default: all cores)\n"
        "  --no-prefilter         parse every file; by default a file whose text shows it\n"
        "                         cannot produce a finding is read but not parsed (config:\n"
        "                         prefilter = false)\n"
        "  --fix                  apply the safe fixes in place (a file that is not UTF-8 is\n"
        "                         left alone); the status reflects what remains\n"
        "  --diff                 print the fixes as a unified diff, change nothing; status 1\n"
        "                         when there is something to fix\n"
        "  -h, --help             show this help\n"
        "\n"
        "Suppress a finding with '# noqa' or '# noqa: SLT001' at the end of its line, and a\n"
        "whole file with a line '# slotlint: noqa'.\n"
        "\n"
        "Exit status: 0 no findings, 1 findings, 2 usage, configuration or I/O error.\n",
        out);
}

void sl__usage_rule(FILE *out) {
  fputs("usage: slotlint rule CODE | --all\n"
        "\n"
        "Prints the documentation of rule CODE (e.g. SLT001), or of every rule.\n",
        out);
}

void sl__usage_error(const char *command, const char *message) {
  const char *synopsis = "slotlint <check|rule|server|layout> ... | --version";
  const char *help = "slotlint --help";
  if (command && strcmp(command, "check") == 0) {
    synopsis = "slotlint check [OPTIONS] [PATH ...]";
    help = "slotlint check --help";
  } else if (command && strcmp(command, "layout") == 0) {
    synopsis = "slotlint layout PATH... [--class NAME] [--target-version VER] [--format text|json]";
    help = "slotlint layout --help";
  } else if (command && strcmp(command, "rule") == 0) {
    synopsis = "slotlint rule CODE | --all";
    help = "slotlint rule --help";
  }
  sl__error("%s", message);
  fprintf(stderr, "usage: %s\nRun '%s' for more information.\n", synopsis, help);
}
