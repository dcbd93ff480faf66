/*
 * read_file.h — the benchmark programs' one way to read a whole file (floor.c, analysis_cost.c).
 * Header-only: the floor links no library of ours.
 */
#ifndef SLOTLINT_BENCH_READ_FILE_H
#define SLOTLINT_BENCH_READ_FILE_H

#include <stdio.h>
#include <stdlib.h>

/** The bytes of the file at `path` (caller frees with free()) and their number in *len; NULL
 *  when it cannot be opened. Out of memory aborts. */
static inline char *bench_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  for (;;) {
    if (!buf) abort();
    if (n == cap) {
      buf = realloc(buf, cap *= 2);
      continue;
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    if (got == 0) break;
    n += got;
  }
  fclose(f);
  *len = n;
  return buf;
}

#endif
