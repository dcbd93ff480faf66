/* summary.c — the closing line of `slotlint check` (see format.h). */
#include "format.h"

static const char *plural(size_t n, const char *one, const char *many) { return n == 1 ? one : many; }

void sl__summary_write(FILE *out, const sl_report *r) {
  char checked[32], problems[32], files[32], failed[32];
  sl__count_format(r->files_checked, checked);
  if (r->problems > 0) {
    sl__count_format(r->problems, problems);
    sl__count_format(r->count, files);
    fprintf(out, "Found %s %s in %s %s (%s %s checked)", problems,
            plural(r->problems, "problem", "problems"), files, plural(r->count, "file", "files"),
            checked, plural(r->files_checked, "file", "files"));
  } else {
    fprintf(out, "%s (%s %s checked)", r->files_failed ? "No problems found" : "All checks passed",
            checked, plural(r->files_checked, "file", "files"));
  }
  if (r->files_failed > 0) {
    sl__count_format(r->files_failed, failed);
    fprintf(out, "; %s %s could not be checked", failed, plural(r->files_failed, "file", "files"));
  }
  if (r->files_unwritten > 0) {
    sl__count_format(r->files_unwritten, failed);
    fprintf(out, "; %s %s could not be fixed", failed, plural(r->files_unwritten, "file", "files"));
  }
  fputs(".\n", out);
}
