/*
 * project_config.h — the project's configuration files as the server reads them (SPEC §3:
 * "the project's config file, overridable by initializationOptions and
 * workspace/didChangeConfiguration").
 *
 * Each open document is linted with the configuration `slotlint check FILE` would use: the
 * nearest `.slotlint.toml`, `slotlint.toml` or `pyproject.toml` with [tool.slotlint], found from
 * the file's folder upwards (cli/config.h). Its select, extend-select, ignore and target-version
 * apply unless the client set the same key in its settings (the client's key replaces the file's,
 * key by key); its per-file-ignores apply to the document's path; a document its `exclude` matches
 * (the file or one of its folders) gets no findings, as `slotlint check` run on the project would
 * skip it. A configuration that cannot be read is reported once (window/logMessage) and the
 * document is linted with the client's settings and the defaults. Configurations are read once
 * per folder and kept until a configuration file changes on disk.
 */
#ifndef SLOTLINT_LSP_PROJECT_CONFIG_H
#define SLOTLINT_LSP_PROJECT_CONFIG_H

#include <analyzer.h>
#include <stdbool.h>
#include <stddef.h>

struct sl_session;
struct sl_document;

/** Configurations read so far, by the folder the search started from. Zero-initialised is empty. */
typedef struct sl_project_configs {
  struct sl_project_config_entry *items;  /**< owned */
  size_t count, cap;
} sl_project_configs;

/** Forgets every configuration read (a configuration file changed): they are read again when asked. */
void sl_project_configs_clear(sl_project_configs *configs);

/**
 * The lint options of a document: the session's (the client's settings, the workspace index)
 * combined with the document's configuration file as above. Returns false when the configuration
 * excludes the document (then `out` selects no rule).
 */
bool sl_document_options(struct sl_session *s, const struct sl_document *doc, sl_options *out);

#endif
