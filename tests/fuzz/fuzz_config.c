/*
 * fuzz_config.c — the configuration reader on arbitrary bytes: the TOML parser (cli/config_toml.c)
 * on its own, then the whole reading of slotlint's keys (cli/config.c's sl__config_parse) as a
 * slotlint.toml and as a pyproject.toml, and the globs it accepts matched against a few paths.
 * A bad file must give one message naming the file and a line of it, never a crash or a leak.
 */
#include <unistd.h>

#include "config.h"
#include "config_toml.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  sl__path_init();
  return 0;
}

/* Every value of the tree keeps what config_toml.h says; returns the number of values. */
static size_t walk(const sl_toml_value *v, size_t lines, int depth) {
  FUZZ_CHECK(depth < 100000, "nesting");
  FUZZ_CHECK(v->line >= 1 && v->line <= lines, "value on line %zu of %zu", v->line, lines);
  size_t n = 1;
  switch (v->kind) {
    case SL_TOML_TABLE:
      FUZZ_CHECK(v->n_items == 0, "a table with items");
      for (size_t i = 0; i < v->n_entries; i++) {
        FUZZ_CHECK(v->entries[i].key && v->entries[i].value, "entry %zu", i);
        FUZZ_CHECK(v->entries[i].line >= 1 && v->entries[i].line <= lines, "key on line %zu", v->entries[i].line);
        // TOML: a key is defined once per table.
        for (size_t j = 0; j < i; j++)
          FUZZ_CHECK(strcmp(v->entries[i].key, v->entries[j].key) != 0, "key '%s' twice in one table",
                     v->entries[i].key);
        n += walk(v->entries[i].value, lines, depth + 1);
      }
      break;
    case SL_TOML_ARRAY:
      FUZZ_CHECK(v->n_entries == 0, "an array with entries");
      for (size_t i = 0; i < v->n_items; i++) n += walk(v->items[i], lines, depth + 1);
      break;
    case SL_TOML_STRING: {
      FUZZ_CHECK(v->text != NULL, "a string without text");
      size_t bad;
      FUZZ_CHECK(sl_utf8_validate(v->text, v->text_len, &bad), "a decoded string is not UTF-8 at %zu", bad);
      break;
    }
    default:
      FUZZ_CHECK(v->text != NULL && v->text[0] != '\0', "a %s without text", sl__toml_kind_name(v->kind));
  }
  return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > (1u << 20)) return 0;
  const char *text = (const char *)data;
  size_t lines = 1;
  for (size_t i = 0; i < size; i++)
    if (text[i] == '\n') lines++;

  size_t bad;
  if (sl_utf8_validate(text, size, &bad)) {
    char err[SL_TOML_ERR_SIZE];
    size_t err_line = 0;
    sl_toml_value *doc = sl__toml_parse(text, size, err, &err_line);
    if (doc) {
      FUZZ_CHECK(doc->kind == SL_TOML_TABLE, "the root is a %s", sl__toml_kind_name(doc->kind));
      walk(doc, lines, 0);
      sl__toml_free(doc);
    } else {
      FUZZ_CHECK(err[0] != '\0' && strlen(err) < SL_TOML_ERR_SIZE, "an error without a message");
      FUZZ_CHECK(err_line >= 1 && err_line <= lines, "error on line %zu of %zu", err_line, lines);
    }
  }

  static const char *const paths[] = {"a.py", "tests/test_x.py", "/fuzz/src/pkg/mod.py", "./generated/x_pb2.py",
                                      "../up.py", "/", ""};
  for (int pyproject = 0; pyproject <= 1; pyproject++) {
    const char *shown = pyproject ? "pyproject.toml" : "slotlint.toml";
    sl_config config;
    sl__config_init(&config);
    char *error = NULL;
    int rc = sl__config_parse(text, size, shown, "/fuzz", pyproject, true, &config, &error);
    if (rc < 0) {
      FUZZ_CHECK(error && strncmp(error, shown, strlen(shown)) == 0 && error[strlen(shown)] == ':',
                 "a message that does not start with the file: %s", error ? error : "(none)");
      free(error);
    } else {
      FUZZ_CHECK(error == NULL, "a message on success: %s", error);
      FUZZ_CHECK(!config.has_target || (config.target_minor >= SL_TARGET_MIN && config.target_minor <= SL_TARGET_MAX),
                 "target 3.%d", config.target_minor);
      for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
        for (size_t g = 0; g < config.n_exclude; g++) (void)sl__glob_match(&config.exclude[g], paths[i]);
        (void)sl__config_ignored_for(&config, paths[i]);
      }
    }
    sl__config_release(&config);
  }
  return 0;
}
