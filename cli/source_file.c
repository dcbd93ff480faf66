/* source_file.c — reading a file whole and decoding it (see source_file.h). */
#include "source_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyzer.h"
#include "xalloc.h"

void sl__errno_message(int errnum, char *err) {
  // strerror_r (the XSI one, as _POSIX_C_SOURCE asks): files are read on worker threads too.
  if (strerror_r(errnum, err, SL_SOURCE_ERR_SIZE) != 0) snprintf(err, SL_SOURCE_ERR_SIZE, "error %d", errnum);
  if (err[0] >= 'A' && err[0] <= 'Z') err[0] = (char)(err[0] - 'A' + 'a');
}

static const char *file_type_name(mode_t mode) {
  if (S_ISFIFO(mode)) return "fifo";
  if (S_ISCHR(mode)) return "character device";
  if (S_ISBLK(mode)) return "block device";
  if (S_ISSOCK(mode)) return "socket";
  return "special file";
}

/*
 * Reads fd to its end. `size_hint` is the expected size (0 when unknown). Returns 0 with *bytes
 * (caller frees; room for a byte after them: a read that fills the buffer is followed by one
 * more, into a larger one) and *len, or -1 with errno set.
 */
static int read_all(int fd, size_t size_hint, char **bytes, size_t *len) {
  size_t cap = size_hint + 1;  // +1 so that a file of exactly the hinted size ends in one read
  if (cap < 4096) cap = 4096;
  char *buf = xmalloc(cap);
  size_t used = 0;
  for (;;) {
    if (used == cap) {
      cap *= 2;
      buf = xrealloc(buf, cap);
    }
    ssize_t n = read(fd, buf + used, cap - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      int saved = errno;
      free(buf);
      errno = saved;
      return -1;
    }
    if (n == 0) break;
    used += (size_t)n;
  }
  *bytes = buf;
  *len = used;
  return 0;
}

/* What a decode returned, as these functions do: 0, or -1 with a message in err. */
static int decoded(int rc, char *err) {
  if (rc == 0) return 0;
  if (err[0] == '\0') snprintf(err, SL_SOURCE_ERR_SIZE, "%s", sl_strerror(rc));
  return -1;
}

int sl__source_decode_bytes(const char *bytes, size_t n, char **text, size_t *len, char *err) {
  err[0] = '\0';
  return decoded(sl_source_decode(bytes, n, text, len, err, SL_SOURCE_ERR_SIZE), err);
}

int sl__source_decode_owned(char *bytes, size_t n, char **text, size_t *len, char *err) {
  err[0] = '\0';
  return decoded(sl_source_decode_owned(bytes, n, text, len, err, SL_SOURCE_ERR_SIZE), err);
}

int sl__source_file_read(const char *path, char **bytes, size_t *n, struct stat *st, char *err) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    int saved = errno;
    // A socket, or a device with no one behind it (/dev/tty without a terminal), cannot even be
    // opened (ENXIO, "no such device or address"): say what it is instead.
    struct stat what;
    if (stat(path, &what) == 0 && !S_ISREG(what.st_mode) && !S_ISDIR(what.st_mode)) {
      snprintf(err, SL_SOURCE_ERR_SIZE, "not a regular file (%s)", file_type_name(what.st_mode));
      return -1;
    }
    sl__errno_message(saved, err);
    return -1;
  }
  if (fstat(fd, st) != 0) {
    sl__errno_message(errno, err);
    close(fd);
    return -1;
  }
  if (S_ISDIR(st->st_mode)) {
    sl__errno_message(EISDIR, err);
    close(fd);
    return -1;
  }
  if (!S_ISREG(st->st_mode)) {
    snprintf(err, SL_SOURCE_ERR_SIZE, "not a regular file (%s)", file_type_name(st->st_mode));
    close(fd);
    return -1;
  }
  int rc = read_all(fd, (size_t)st->st_size, bytes, n);
  int saved = errno;
  close(fd);
  if (rc != 0) {
    sl__errno_message(saved, err);
    return -1;
  }
  return 0;
}

int sl__source_file_load(const char *path, char **text, size_t *len, char *err) {
  char *bytes;
  size_t n;
  struct stat st;
  if (sl__source_file_read(path, &bytes, &n, &st, err) != 0) return -1;
  return sl__source_decode_owned(bytes, n, text, len, err);
}

int sl__source_stdin_read(char **bytes, size_t *n, char *err) {
  struct stat st;
  size_t hint = 0;
  if (fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode)) hint = (size_t)st.st_size;
  if (read_all(STDIN_FILENO, hint, bytes, n) != 0) {
    sl__errno_message(errno, err);
    return -1;
  }
  return 0;
}

int sl__source_stdin_load(char **text, size_t *len, char *err) {
  char *bytes;
  size_t n;
  if (sl__source_stdin_read(&bytes, &n, err) != 0) return -1;
  return sl__source_decode_owned(bytes, n, text, len, err);
}
