/*
 * color.h — private to the CLI: whether to colour, and the escape sequences to do it with.
 */
#ifndef SLOTLINT_CLI_COLOR_H
#define SLOTLINT_CLI_COLOR_H

#include <stdbool.h>

#include "analyzer.h"

typedef enum { SL_COLOR_AUTO, SL_COLOR_ALWAYS, SL_COLOR_NEVER } sl_color_mode;

/** ANSI sequences, or all empty strings when colour is off. Static storage: nothing to free. */
typedef struct sl_palette {
  const char *bold, *dim, *red, *yellow, *blue, *cyan, *reset;
} sl_palette;

/**
 * Decides for output on `fd`: `always` and `never` are obeyed; `auto` colours a terminal unless
 * NO_COLOR is set to a non-empty value (no-color.org), and colours anything when FORCE_COLOR is.
 */
bool sl__color_enabled(sl_color_mode mode, int fd);

const sl_palette *sl__palette(bool color);

/** The colour of a severity in `p`. */
const char *sl__palette_severity(const sl_palette *p, sl_severity severity);

#endif
