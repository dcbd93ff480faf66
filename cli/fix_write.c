/*
 * fix_write.c — writing a fixed file back (see fix.h): temporary file in the same folder, same
 * mode, fsync, rename; never a half-written file, never over a file that changed meanwhile.
 */
// realpath(3) is XSI.
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fix.h"
#include "source_file.h"
#include "xalloc.h"

static void errno_text(const char *what, int errnum, char *err) {
  char buf[SL_SOURCE_ERR_SIZE];
  sl__errno_message(errnum, buf);
  snprintf(err, SL_FIX_ERR_SIZE, "%s: %s", what, buf);
}

static int write_all(int fd, const char *bytes, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, bytes, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    bytes += w;
    n -= (size_t)w;
  }
  return 0;
}

/* Whether the file at `path` still holds exactly old_bytes. */
static int still_unchanged(const char *path, const char *old_bytes, size_t old_n, char *err) {
  char *now;
  size_t n;
  struct stat st;
  char msg[SL_SOURCE_ERR_SIZE];
  if (sl__source_file_read(path, &now, &n, &st, msg) != 0) {
    snprintf(err, SL_FIX_ERR_SIZE, "cannot read it again before writing: %s", msg);
    return -1;
  }
  bool same = n == old_n && memcmp(now, old_bytes, n) == 0;
  free(now);
  if (!same) {
    snprintf(err, SL_FIX_ERR_SIZE, "it changed on disk since it was read; not written");
    return -1;
  }
  return 0;
}

int sl__file_replace(const char *path, const char *old_bytes, size_t old_n, const struct stat *old_st,
                     const char *new_bytes, size_t new_n, char *err) {
  // Rewrite the file a symlink points to, not the link.
  char *target = realpath(path, NULL);
  if (!target) {
    errno_text("cannot resolve its path", errno, err);
    return -1;
  }
  // A file we may not write is not replaced behind its back: renaming over it would succeed in a
  // writable folder, but a read-only file (or file system) means "leave it alone", and ruff's
  // --fix fails there too. Effective ids, as open(2) would check them.
  if (faccessat(AT_FDCWD, target, W_OK, AT_EACCESS) != 0) {
    errno_text("cannot write it", errno, err);
    free(target);
    return -1;
  }
  int result = -1;
  char *tmp = NULL;
  int fd = -1;
  const char *slash = strrchr(target, '/');
  char *dir = slash == target ? xstrdup("/") : xstrndup(target, (size_t)(slash - target));
  tmp = xasprintf("%s/.%s.slotlint-XXXXXX", strcmp(dir, "/") == 0 ? "" : dir, slash + 1);

  if (still_unchanged(target, old_bytes, old_n, err) != 0) goto out;
  fd = mkstemp(tmp);
  if (fd < 0) {
    errno_text("cannot create a temporary file beside it", errno, err);
    free(tmp);
    tmp = NULL;
    goto out;
  }
  if (write_all(fd, new_bytes, new_n) != 0) {
    errno_text("cannot write the temporary file", errno, err);
    goto out;
  }
  // The original's permission bits; its owner too when we may (root fixing another user's file).
  if (fchmod(fd, old_st->st_mode & 07777) != 0) {
    errno_text("cannot set the mode of the temporary file", errno, err);
    goto out;
  }
  if (fchown(fd, old_st->st_uid, old_st->st_gid) != 0) {
    // Not permitted for an ordinary user on someone else's file: the mode is what matters.
  }
  if (fsync(fd) != 0) {
    errno_text("cannot flush the temporary file", errno, err);
    goto out;
  }
  if (close(fd) != 0) {
    fd = -1;
    errno_text("cannot close the temporary file", errno, err);
    goto out;
  }
  fd = -1;
  // Last look before the switch: the window left is the rename itself.
  if (still_unchanged(target, old_bytes, old_n, err) != 0) goto out;
  if (rename(tmp, target) != 0) {
    errno_text("cannot replace the file", errno, err);
    goto out;
  }
  free(tmp);
  tmp = NULL;
  // Make the rename itself durable.
  int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    (void)fsync(dfd);
    close(dfd);
  }
  result = 0;
out:
  if (fd >= 0) close(fd);
  if (tmp) unlink(tmp);
  free(tmp);
  free(dir);
  free(target);
  return result;
}
