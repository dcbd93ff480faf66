/*
 * analysis_cost.c — the cost of the analysis of one file against that of its parse (run by hand
 * through bench/analysis_cost.sh, never by CI).
 *
 *   analysis_cost FILE [REPEAT [GAP_MS]]
 *
 * Parses FILE once with tree-sitter (bench_parse), then lints the tree REPEAT times (default 1),
 * GAP_MS milliseconds apart (default 0: back to back, on warm caches), with every rule
 * (bench_analyse: sl_lint_tree, as the language server runs it on each edit), and prints the number of findings and the median wall time of one lint. The two steps are separate
 * functions that are never inlined, so that `valgrind --tool=callgrind --toggle-collect=bench_parse`
 * (or bench_analyse) counts the instructions of one step alone. A lint of a one-line file comes
 * first, as in a running language server: what the analyzer sets up once per process is not
 * counted.
 */
#define _POSIX_C_SOURCE 200809L  // nanosleep

#include "analyzer.h"
#include "read_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tree_sitter/api.h>

#if defined(__GNUC__)
#define BENCH_NOINLINE __attribute__((noinline))
#else
#define BENCH_NOINLINE
#endif

BENCH_NOINLINE TSTree *bench_parse(const char *text, size_t len);
BENCH_NOINLINE size_t bench_analyse(const TSTree *tree, const char *text, size_t len, const sl_options *opts);

TSTree *bench_parse(const char *text, size_t len) {
  TSParser *parser = ts_parser_new();
  if (!ts_parser_set_language(parser, sl_python_language())) {
    ts_parser_delete(parser);
    return NULL;
  }
  TSTree *tree = ts_parser_parse_string_encoding(parser, NULL, text, (uint32_t)len, TSInputEncodingUTF8);
  ts_parser_delete(parser);
  return tree;
}

size_t bench_analyse(const TSTree *tree, const char *text, size_t len, const sl_options *opts) {
  sl_diag_list diags;
  sl_diag_list_init(&diags);
  (void)sl_lint_tree(tree, text, len, NULL, opts, &diags);
  sl_diag_list_sort(&diags);
  size_t n = diags.count;
  sl_diag_list_release(&diags);
  return n;
}

static double now_ms(void) {
  struct timespec ts;
  timespec_get(&ts, TIME_UTC);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 2 || argc > 4) {
    fprintf(stderr, "usage: analysis_cost FILE [REPEAT [GAP_MS]]\n");
    return 2;
  }
  int repeat = argc >= 3 ? atoi(argv[2]) : 1;
  int gap_ms = argc == 4 ? atoi(argv[3]) : 0;
  if (repeat < 1) repeat = 1;
  size_t len;
  char *text = bench_read_file(argv[1], &len);
  if (!text) {
    fprintf(stderr, "analysis_cost: cannot read '%s'\n", argv[1]);
    return 2;
  }
  TSTree *tree = bench_parse(text, len);
  if (!tree) {
    fprintf(stderr, "analysis_cost: cannot parse '%s'\n", argv[1]);
    free(text);
    return 2;
  }
  sl_options opts;
  sl_options_init(&opts);
  if (sl_rule_set_parse("ALL", &opts.rules, NULL, NULL) != 0) return 2;
  sl_diag_list warm;
  sl_diag_list_init(&warm);
  (void)sl_lint_source("pass\n", 5, NULL, &opts, &warm);
  sl_diag_list_release(&warm);
  double *times = malloc((size_t)repeat * sizeof *times);
  size_t findings = 0;
  for (int i = 0; i < repeat; i++) {
    // A pause before each lint, as between two keystrokes: other processes then take the
    // caches, and the lint pays for it as the language server's does.
    if (gap_ms > 0) nanosleep(&(struct timespec){gap_ms / 1000, (long)(gap_ms % 1000) * 1000000L}, NULL);
    double t0 = now_ms();
    findings = bench_analyse(tree, text, len, &opts);
    times[i] = now_ms() - t0;
  }
  qsort(times, (size_t)repeat, sizeof *times, cmp_double);
  printf("%zu findings; lint median %.3f ms over %d runs\n", findings, times[repeat / 2], repeat);
  free(times);
  ts_tree_delete(tree);
  free(text);
  return 0;
}
