/* color.c — colour decisions and escape sequences (see color.h). */
#include "color.h"

#include <stdlib.h>
#include <unistd.h>

static const sl_palette on = {"\033[1m", "\033[2m", "\033[31m", "\033[33m",
                              "\033[34m", "\033[36m", "\033[0m"};
static const sl_palette off = {"", "", "", "", "", "", ""};

static bool env_set(const char *name) {
  const char *v = getenv(name);
  return v && v[0] != '\0';
}

bool sl__color_enabled(sl_color_mode mode, int fd) {
  switch (mode) {
    case SL_COLOR_ALWAYS:
      return true;
    case SL_COLOR_NEVER:
      return false;
    case SL_COLOR_AUTO:
      break;
  }
  if (env_set("NO_COLOR")) return false;
  if (env_set("FORCE_COLOR")) return true;
  return isatty(fd) == 1;
}

const sl_palette *sl__palette(bool color) { return color ? &on : &off; }

const char *sl__palette_severity(const sl_palette *p, sl_severity severity) {
  switch (severity) {
    case SL_SEV_ERROR:
      return p->red;
    case SL_SEV_WARNING:
      return p->yellow;
    case SL_SEV_INFO:
      return p->blue;
  }
  return p->reset;
}
