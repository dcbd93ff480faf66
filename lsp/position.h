/*
 * position.h — private to the server: LSP positions at the edge. Inside the server everything is
 * a byte offset into the UTF-8 text; only the protocol layer converts to and from
 * (line, character), with characters counted in UTF-16 code units (LSP's default) or bytes (when
 * the client accepts "utf-8"). Lines end at "\n", "\r\n" or "\r", as LSP says.
 */
#ifndef SLOTLINT_LSP_POSITION_H
#define SLOTLINT_LSP_POSITION_H

#include <stddef.h>
#include <stdint.h>

typedef enum { SL_POS_UTF16, SL_POS_UTF8 } sl_pos_encoding;

/** The LSP name of an encoding: "utf-16" or "utf-8". */
const char *sl_pos_encoding_name(sl_pos_encoding enc);

/** The byte offset of the start of each line of a text. */
typedef struct sl_line_index {
  uint32_t *starts;  /**< owned; starts[0] == 0 */
  size_t count, cap;
} sl_line_index;

typedef struct sl_lsp_position {
  uint32_t line, character;
} sl_lsp_position;

void sl_line_index_init(sl_line_index *idx);
void sl_line_index_release(sl_line_index *idx);
/** Recomputes the index for `text` (`len` bytes). */
void sl_line_index_build(sl_line_index *idx, const char *text, size_t len);

/**
 * The byte offset of an LSP position. A line past the end gives the end of the text; a character
 * past the end of its line gives the end of the line (LSP: "defaults back to the line length");
 * a character inside a multi-byte character or surrogate pair gives that character's start.
 */
size_t sl_position_to_offset(const sl_line_index *idx, const char *text, size_t len, sl_pos_encoding enc,
                             sl_lsp_position pos);

/** The LSP position of a byte offset (clamped to the text). */
sl_lsp_position sl_offset_to_position(const sl_line_index *idx, const char *text, size_t len,
                                      sl_pos_encoding enc, size_t offset);

#endif
