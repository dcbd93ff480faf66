/*
 * floor.c — the floor of any tree-sitter-based linter (run by hand through bench/vs_floor.sh,
 * never by CI): reads every file of a list, parses it with the same pinned tree-sitter and
 * tree-sitter-python that slotlint is built with, and walks each tree once with a cursor,
 * counting its nodes. Nothing else: no decoding, no analysis, no output per file.
 *
 *   floor LIST        # LIST: one path a line (bench/corpus.sh writes files-*.txt)
 *
 * Prints the number of files, bytes and nodes and the wall time, on one line. One parser for the
 * whole run, each tree freed as soon as it is walked, as a linter that streams would.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tree_sitter/api.h>

#include "read_file.h"

const TSLanguage *tree_sitter_python(void);

static uint64_t walk(TSTree *tree) {
  TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(tree));
  uint64_t nodes = 1;
  for (;;) {
    if (ts_tree_cursor_goto_first_child(&c) || ts_tree_cursor_goto_next_sibling(&c)) {
      nodes++;
      continue;
    }
    // Up until a parent has a next sibling.
    bool more = false;
    while (ts_tree_cursor_goto_parent(&c)) {
      if (ts_tree_cursor_goto_next_sibling(&c)) {
        nodes++;
        more = true;
        break;
      }
    }
    if (!more) break;
  }
  ts_tree_cursor_delete(&c);
  return nodes;
}

static double now_s(void) {
  struct timespec ts;
  timespec_get(&ts, TIME_UTC);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: floor LIST\n");
    return 2;
  }
  FILE *list = fopen(argv[1], "r");
  if (!list) {
    fprintf(stderr, "floor: cannot read '%s'\n", argv[1]);
    return 2;
  }
  double t0 = now_s();
  TSParser *parser = ts_parser_new();
  if (!ts_parser_set_language(parser, tree_sitter_python())) {
    fprintf(stderr, "floor: grammar ABI mismatch\n");
    return 2;
  }
  char path[4096];
  uint64_t files = 0, bytes = 0, nodes = 0, failed = 0;
  while (fgets(path, sizeof path, list)) {
    path[strcspn(path, "\n")] = '\0';
    if (!path[0]) continue;
    size_t len;
    char *text = bench_read_file(path, &len);
    if (!text || len > UINT32_MAX) {
      failed++;
      free(text);
      continue;
    }
    TSTree *tree = ts_parser_parse_string_encoding(parser, NULL, text, (uint32_t)len, TSInputEncodingUTF8);
    if (tree) {
      nodes += walk(tree);
      ts_tree_delete(tree);
    } else {
      failed++;
    }
    files++;
    bytes += len;
    free(text);
  }
  fclose(list);
  ts_parser_delete(parser);
  double t = now_s() - t0;
  printf("floor: %llu files, %llu bytes, %llu nodes, %llu unreadable, %.3f s\n", (unsigned long long)files,
         (unsigned long long)bytes, (unsigned long long)nodes, (unsigned long long)failed, t);
  return 0;
}
