/*
 * canary.c — proves the sanitizers of the asan-ubsan preset are really on: each mode commits one
 * error the suite must never contain, and ctest expects the run to fail (WILL_FAIL). If a change
 * of flags or of ASAN_OPTIONS turned LeakSanitizer (or ASan, or UBSan's halting) off, every other
 * test would still pass quietly; these would not.
 *
 *   canary leak | overflow | ub
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Kept out of the optimiser's sight, so that the error happens at run time. */
volatile int sink;
static void *volatile holder;

/* Allocates and drops the only pointer, in a frame of its own that is then overwritten, so that
 * no copy survives in a register or a stale stack slot for LeakSanitizer's conservative scan. */
__attribute__((noinline)) static void lose_memory(void) {
  holder = malloc(64);
  holder = NULL;
}

__attribute__((noinline)) static void scrub_stack(void) {
  volatile char buf[4096];
  memset((char *)buf, 0, sizeof buf);
  sink = buf[0];
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "";
  if (strcmp(mode, "leak") == 0) {
    lose_memory();  // LeakSanitizer reports it at exit
    scrub_stack();
    return 0;
  }
  if (strcmp(mode, "overflow") == 0) {
    char *volatile p = malloc(8);
    size_t past = 7 + (size_t)argc - 1;  // 8 with argc == 2
    p[past] = 1;                         // one past the end: AddressSanitizer stops here
    sink = p[0];
    free(p);
    return 0;
  }
  if (strcmp(mode, "ub") == 0) {
    int x = INT_MAX - 1 + argc;  // INT_MAX + 1 with argc == 2: UBSan stops here
    sink = x;
    return 0;
  }
  fprintf(stderr, "usage: canary leak|overflow|ub\n");
  return 2;
}
