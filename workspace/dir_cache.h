/*
 * dir_cache.h — private to the workspace: which regular files the folders hold, each folder read
 * once (opendir) instead of a stat per path asked about. Module names and their files are found by
 * asking whether `d/__init__.py`, `d/m.pyi`, `d/m.py`, ... exist, under every import root, for every
 * file of a run: tens of thousands of stats for the standard library, a few hundred folders.
 *
 * Only for files that do not change while the cache lives (a command-line run); a NULL cache
 * asks the file system each time. Safe to use from several threads (its own lock). The cache
 * owns everything it holds.
 */
#ifndef SLOTLINT_WORKSPACE_DIR_CACHE_H
#define SLOTLINT_WORKSPACE_DIR_CACHE_H

#include <stdbool.h>

typedef struct sl_dir_cache sl_dir_cache;

sl_dir_cache *sl__dir_cache_new(void);
void sl__dir_cache_free(sl_dir_cache *cache);

/** Whether `path` names a regular file, as stat() says (symbolic links followed). */
bool sl__dir_cache_is_file(sl_dir_cache *cache, const char *path);

#endif
