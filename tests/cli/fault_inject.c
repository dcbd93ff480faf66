/*
 * fault_inject.c — an LD_PRELOAD shim for the --fix fault cases (tests/cli/cases/fix_fault_*):
 * it makes the write-back of a fixed file (cli/fix_write.c) fail the ways a real machine can,
 * at exactly the worst moment, so that each case can prove the file on disk is never damaged.
 *
 * SLOTLINT_FAULT chooses the fault; it touches only the temporary file `.NAME.slotlint-XXXXXX`
 * that fix_write.c creates beside the file it fixes, and nothing else the process does:
 *
 *   disk-full       the first write to the temporary file writes half its bytes, the next one
 *                   fails with ENOSPC (a disk that fills up mid-write)
 *   killed          the first write to the temporary file writes half its bytes, then the process
 *                   is killed with SIGKILL (no chance to clean up)
 *   vanish          when the temporary file is created, the file being fixed is deleted (another
 *                   program removed it while slotlint was working)
 *   replaced        when the temporary file is created, the file being fixed is rewritten with
 *                   other content (an editor saved it meanwhile)
 *   fsync-eio       fsync of the temporary file fails with EIO
 *   rename-fails    renaming the temporary file over the original fails with EBUSY
 *
 * Under AddressSanitizer the case must also say ASAN_OPTIONS=verify_asan_link_order=0, since
 * this library comes before ASan's runtime in the list of preloaded libraries.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static const char marker[] = ".slotlint-";

/* The next definition of `name` (libc's, or a sanitizer's interceptor), as a function pointer:
 * through memcpy, since ISO C has no conversion from dlsym's void * to a function pointer. */
#define NEXT(fn, name)                     \
  do {                                     \
    if (!(fn)) {                           \
      void *sym = dlsym(RTLD_NEXT, (name)); \
      memcpy(&(fn), &sym, sizeof(fn));     \
    }                                      \
  } while (0)

static bool fault_is(const char *name) {
  const char *f = getenv("SLOTLINT_FAULT");
  return f && strcmp(f, name) == 0;
}

/* Whether fd is open on a temporary file of fix_write.c. */
static bool is_temp_fd(int fd) {
  char link[64], path[4096];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, path, sizeof path - 1);
  if (n <= 0) return false;
  path[n] = '\0';
  return strstr(path, marker) != NULL;
}

static bool is_temp_path(const char *path) { return path && strstr(path, marker) != NULL; }

/* The file a temporary file stands in for: DIR/.NAME.slotlint-XXXXXX -> DIR/NAME. */
static void original_of(const char *tmp, char *out, size_t size) {
  const char *slash = strrchr(tmp, '/');
  size_t dir = slash ? (size_t)(slash - tmp) + 1 : 0;
  const char *name = tmp + dir + 1;  // past the leading '.'
  const char *end = strstr(name, marker);
  snprintf(out, size, "%.*s%.*s", (int)dir, tmp, (int)(end - name), name);
}

static int fd_budget = -1;  // the temporary file's fd once half of it has been written

ssize_t write(int fd, const void *buf, size_t n) {
  static ssize_t (*real)(int, const void *, size_t);
  NEXT(real, "write");
  bool disk_full = fault_is("disk-full"), killed = fault_is("killed");
  if ((disk_full || killed) && is_temp_fd(fd)) {
    if (fd_budget == fd) {
      errno = ENOSPC;
      return -1;
    }
    size_t half = n / 2;
    ssize_t w = half ? real(fd, buf, half) : 0;
    if (killed) {
      fsync(fd);  // the half that was written is really there, as after a crash
      kill(getpid(), SIGKILL);
    }
    fd_budget = fd;
    if (w == 0) {
      errno = ENOSPC;
      return -1;
    }
    return w;
  }
  return real(fd, buf, n);
}

static void on_temp_created(const char *tmp) {
  char original[4096];
  original_of(tmp, original, sizeof original);
  if (fault_is("vanish")) {
    unlink(original);
  } else if (fault_is("replaced")) {
    FILE *f = fopen(original, "w");
    if (f) {
      fputs("# saved by an editor meanwhile\n", f);
      fclose(f);
    }
  }
}

int mkstemp(char *tmpl) {
  static int (*real)(char *);
  NEXT(real, "mkstemp");
  int fd = real(tmpl);
  if (fd >= 0 && is_temp_path(tmpl)) on_temp_created(tmpl);
  return fd;
}

int mkstemp64(char *tmpl) {
  static int (*real)(char *);
  NEXT(real, "mkstemp64");
  int fd = real(tmpl);
  if (fd >= 0 && is_temp_path(tmpl)) on_temp_created(tmpl);
  return fd;
}

int fsync(int fd) {
  static int (*real)(int);
  NEXT(real, "fsync");
  if (fault_is("fsync-eio") && is_temp_fd(fd)) {
    errno = EIO;
    return -1;
  }
  return real(fd);
}

int rename(const char *from, const char *to) {
  static int (*real)(const char *, const char *);
  NEXT(real, "rename");
  if (fault_is("rename-fails") && is_temp_path(from)) {
    errno = EBUSY;
    return -1;
  }
  return real(from, to);
}
