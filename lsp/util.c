/* util.c — allocation that aborts on exhaustion, for the server (see util.h). */
#include "util.h"

#include "analyzer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static _Noreturn void out_of_memory(void) {
  fputs("slotlint server: fatal: out of memory\n", stderr);
  abort();
}

void *sl__xmalloc(size_t size) {
  void *p = malloc(size ? size : 1);
  if (!p) out_of_memory();
  return p;
}

void *sl__xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p) out_of_memory();
  return p;
}

void *sl__xrealloc(void *ptr, size_t size) {
  void *p = realloc(ptr, size ? size : 1);
  if (!p) out_of_memory();
  return p;
}

char *sl__xstrdup(const char *s) { return sl__xstrndup(s, strlen(s)); }

char *sl__xstrndup(const char *s, size_t n) {
  char *p = sl__xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *sl__xasprintf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) out_of_memory();
  char *p = sl__xmalloc((size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(p, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return p;
}

double sl__now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void sl__utf8_mend(char *s) {
  size_t len = strlen(s), bad;
  while (!sl_utf8_validate(s, len, &bad)) s[bad] = '?';
}
