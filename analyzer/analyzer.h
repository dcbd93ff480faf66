/**
 * analyzer.h — the one public header of slotlint's analyzer.
 *
 * The analyzer is a pure library: UTF-8 text (or a tree-sitter tree of it) in, diagnostics out.
 * It knows nothing of files, terminals, JSON or the network; the CLI and the language server are
 * its two front ends and both call sl_lint_source() / sl_lint_tree().
 *
 * Conventions:
 *  - Functions return 0 or a negative SL_E* code; nothing here prints.
 *  - Out of memory aborts (sl_xmalloc and friends); bad input never does.
 *  - Positions are byte offsets into the UTF-8 text, rows and byte columns 0-based. Front ends
 *    convert columns to code points or UTF-16 units with the helpers in "Text positions".
 */
#ifndef SLOTLINT_ANALYZER_H
#define SLOTLINT_ANALYZER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct TSTree TSTree;
typedef struct TSLanguage TSLanguage;

/* ---------------------------------------------------------------------------------------------
 * Errors
 * ------------------------------------------------------------------------------------------- */

enum {
  SL_OK = 0,
  SL_EINVAL = -1,     /**< bad argument (unknown rule code, bad version string, ...) */
  SL_EENCODING = -2,  /**< text is not valid in its declared or default encoding */
  SL_EPARSE = -3,     /**< tree-sitter refused the input (cancelled, or language ABI mismatch) */
  SL_ETOOBIG = -4,    /**< input larger than the analyzer accepts (4 GiB: offsets are 32-bit) */
};

/** A static, lowercase description of an SL_E* code. */
const char *sl_strerror(int err);

/* ---------------------------------------------------------------------------------------------
 * Rules
 * ------------------------------------------------------------------------------------------- */

/** Severities, numbered as LSP's DiagnosticSeverity. */
typedef enum { SL_SEV_ERROR = 1, SL_SEV_WARNING = 2, SL_SEV_INFO = 3 } sl_severity;

typedef enum {
#define SL_RULE(code, name, sev, on, summary) SL_##code,
#include "rules/rules.def"
#undef SL_RULE
  SL_RULE_COUNT
} sl_rule_id;

/** A set of rules, bit i for rule i. */
typedef uint64_t sl_rule_set;
#define SL_RULE_BIT(id) ((sl_rule_set)1 << (id))

typedef struct sl_rule_info {
  const char *code;     /**< "SLT001" */
  const char *name;     /**< "assign-to-undeclared-slot" */
  sl_severity severity;
  bool default_on;      /**< false for opt-in rules */
  const char *summary;  /**< one line */
  const char *doc;      /**< the rule's markdown documentation (analyzer/rules/CODE.md) */
} sl_rule_info;

/** The static description of a rule; NULL for an id out of range. */
const sl_rule_info *sl_rule_get(sl_rule_id id);

/** Looks up "SLT001" (case-insensitive). Returns 0 and sets *id, or SL_EINVAL. */
int sl_rule_from_code(const char *code, sl_rule_id *id);

/** The rules that run when nothing is selected. */
sl_rule_set sl_rule_set_default(void);

/** Every rule. */
sl_rule_set sl_rule_set_all(void);

/**
 * Parses a comma-separated list of codes or "ALL" (spaces allowed around items, empty items
 * ignored) into *out. On a bad item returns SL_EINVAL and, if bad_item is not NULL, points
 * *bad_item at its first character inside `list` (borrowed from `list`), *bad_len at its length.
 */
int sl_rule_set_parse(const char *list, sl_rule_set *out, const char **bad_item, size_t *bad_len);

/* ---------------------------------------------------------------------------------------------
 * Options
 * ------------------------------------------------------------------------------------------- */

/** Target Python versions are minor numbers of 3.x: py39 is 9, py315 is 15. */
#define SL_TARGET_MIN 9
#define SL_TARGET_MAX 15
#define SL_TARGET_DEFAULT 9

/** Parses "py39" ... "py315" (also "3.9"). Returns 0 and sets *minor, or SL_EINVAL. */
int sl_target_version_parse(const char *s, int *minor);

/**
 * A module of a project, summarised for the files that import from it: its top-level classes (name,
 * bases / decorators / metaclass as qualified names such as "pkg.mod.Base" or "builtins.int",
 * slots with their positions, the names their bodies bind, fields, flags) and its module-level
 * `from ... import` bindings, so that re-exports can be followed. Nothing in it refers to a tree
 * or to the text it was made from.
 */
typedef struct sl_module_summary sl_module_summary;

/**
 * How the analysis of one file reaches the other modules of its project. The workspace index of
 * a front end implements it; the analyzer asks only for the modules it needs, never holds a lock
 * of the project's, and calls `summary` from the thread that lints (several at once in the CLI).
 */
typedef struct sl_project {
  /** The dotted module name of the file at `path` (as the front end named it to sl_lint_*), or NULL
   *  when it has none; *is_package set when the file is a package's `__init__`. The string is
   *  borrowed until the project is freed. */
  const char *(*module_of)(void *ctx, const char *path, bool *is_package);
  /** The summary of `module` ("pkg.mod"), NULL when the project has no such module (or it cannot be
   *  read). `requester` is the module being linted, which from now on depends on `module`. The
   *  summary is borrowed until the project next changes `module` (never during a lint). */
  const sl_module_summary *(*summary)(void *ctx, const char *module, const char *requester);
  void *ctx;
} sl_project;

typedef struct sl_options {
  sl_rule_set rules;    /**< rules to run */
  int target_minor;     /**< SL_TARGET_MIN .. SL_TARGET_MAX */
  /** The project the linted file belongs to (borrowed); NULL: the file alone, as before: a base
   *  imported from another module is unknown. */
  const sl_project *project;
} sl_options;

/** Default rules, default target version. */
void sl_options_init(sl_options *opts);

/* ---------------------------------------------------------------------------------------------
 * Diagnostics
 * ------------------------------------------------------------------------------------------- */

typedef struct sl_point {
  uint32_t row;     /**< 0-based line */
  uint32_t column;  /**< 0-based, in bytes from the start of the line */
} sl_point;

typedef struct sl_span {
  uint32_t start_byte, end_byte;
  sl_point start, end;
} sl_span;

typedef struct sl_edit {
  sl_span span;   /**< the text replaced (empty span: an insertion) */
  char *content;  /**< owned by the diagnostic list */
} sl_edit;

typedef struct sl_fix {
  char *message;  /**< owned by the diagnostic list */
  sl_edit *edits; /**< sorted by position, non-overlapping; owned by the diagnostic list */
  size_t n_edits;
} sl_fix;

typedef struct sl_related {
  char *path;     /**< NULL: the same file; otherwise owned by the diagnostic list */
  sl_span span;
  char *message;  /**< owned by the diagnostic list */
} sl_related;

typedef struct sl_diag {
  sl_rule_id rule;
  sl_span span;
  char *message;        /**< one sentence, owned by the diagnostic list */
  sl_related *related;  /**< owned by the diagnostic list */
  size_t n_related;
  sl_fix *fix;          /**< NULL when the finding has no safe mechanical fix */
} sl_diag;

/** A growable list of diagnostics that owns everything its items point to. */
typedef struct sl_diag_list {
  sl_diag *items;
  size_t count, cap;
} sl_diag_list;

void sl_diag_list_init(sl_diag_list *list);
/** Frees every item and its strings; the list is empty and reusable afterwards. */
void sl_diag_list_release(sl_diag_list *list);
/** Sorts by position (then rule), as every front end reports them. */
void sl_diag_list_sort(sl_diag_list *list);

/* ---------------------------------------------------------------------------------------------
 * Linting
 * ------------------------------------------------------------------------------------------- */

/** The tree-sitter-python language the analyzer was built with. */
const TSLanguage *sl_python_language(void);

/**
 * Parses `text` (UTF-8, `len` bytes, need not be NUL-terminated) and appends the findings of the
 * selected rules to `out`. `path` is used only in related locations of other files and may be NULL.
 * Returns 0, SL_ETOOBIG or SL_EPARSE; on error nothing is appended.
 * Syntax errors are not an error: the parts of the file that parse are analysed.
 */
int sl_lint_source(const char *text, size_t len, const char *path, const sl_options *opts,
                   sl_diag_list *out);

/**
 * As sl_lint_source, for a tree the caller already has (the language server keeps one per
 * document and reparses incrementally). `tree` must be a parse of exactly `text`; it is borrowed.
 */
int sl_lint_tree(const TSTree *tree, const char *text, size_t len, const char *path,
                 const sl_options *opts, sl_diag_list *out);

/**
 * What the analysis of one document keeps between two lints of it (the language server keeps one
 * per open document): after an edit, the top-level definitions whose text did not change are not
 * read from the tree again. Create with sl_lint_memo_new (never NULL), free with
 * sl_lint_memo_free (NULL is fine). Not thread-safe: one lint at a time per memo.
 */
typedef struct sl_lint_memo sl_lint_memo;
sl_lint_memo *sl_lint_memo_new(void);
void sl_lint_memo_free(sl_lint_memo *memo);
/** How many top-level definitions the last lint with `memo` replayed from it and walked (those
 *  not walked at all — with a syntax error, in a file that names weakref — count in neither). */
void sl_lint_memo_last(const sl_lint_memo *memo, size_t *replayed, size_t *walked);

/**
 * As sl_lint_tree, with `memo` (may be NULL: then exactly sl_lint_tree) holding what earlier lints
 * of the same document recorded; the findings are always those sl_lint_tree would give.
 */
int sl_lint_tree_memo(sl_lint_memo *memo, const TSTree *tree, const char *text, size_t len, const char *path,
                      const sl_options *opts, sl_diag_list *out);

/* ---------------------------------------------------------------------------------------------
 * Module summaries (the workspace index)
 * ------------------------------------------------------------------------------------------- */

/**
 * Summarises the module `module` (dotted; `is_package`: the text is its `__init__`), whose file is
 * `path` (shown in related locations of findings in other files), from its UTF-8 `text`. The
 * summary keeps bases as names: building it never reads another module. Relative imports are made
 * absolute from `module`. Both strings are copied.
 * Returns 0 and sets *out (caller frees with sl_module_summary_free), or SL_ETOOBIG / SL_EPARSE.
 */
int sl_module_summary_new(const char *text, size_t len, const char *path, const char *module, bool is_package,
                          int target_minor, sl_module_summary **out);

/** Frees a summary; NULL is a no-op. */
void sl_module_summary_free(sl_module_summary *summary);

/** How many classes the summary holds (for the index's statistics and tests). */
size_t sl_module_summary_class_count(const sl_module_summary *summary);

/* ---------------------------------------------------------------------------------------------
 * Class layout (hover)
 * ------------------------------------------------------------------------------------------- */

/**
 * Describes, in Markdown, the instance layout of the class whose name is at byte `offset` of
 * `text`: the name in its `class` statement (the end of the name counts), or a module-level use of
 * a name bound to exactly one class of this file. `tree` must be a parse of exactly `text`; both
 * are borrowed. The layout is that of CPython 3.`opts->target_minor`, computed as sl_layout_source
 * computes it ("Instance layouts" below): the slots in storage order with their offsets and the
 * class declaring each, where instances keep a `__dict__` and a `__weakref__`, `__basicsize__`,
 * the size of an instance (`sys.getsizeof`) with and without `__slots__`, and the estimated saving.
 * What the analysis cannot see (an unresolved base, a non-literal `__slots__`, ...) is said to be
 * unknown, with the reason; a class whose statement raises says which exception.
 *
 * Returns 0 and sets *markdown to a NUL-terminated malloc'd string (caller frees with free()) and,
 * if `name_span` is not NULL, *name_span to the name's span; or returns 0 with *markdown NULL when
 * no class name is at `offset`. Returns SL_ETOOBIG (and *markdown NULL) for texts of 4 GiB or more.
 */
int sl_class_describe_at(const TSTree *tree, const char *text, size_t len, size_t offset, const sl_options *opts,
                         char **markdown, sl_span *name_span);

/**
 * As sl_class_describe_at, for the file at `path` (borrowed; may be NULL) of `opts->project`: bases
 * from other modules of the project are seen through, as sl_lint_tree sees them.
 */
int sl_class_describe_in(const TSTree *tree, const char *text, size_t len, const char *path, size_t offset,
                         const sl_options *opts, char **markdown, sl_span *name_span);

/* ---------------------------------------------------------------------------------------------
 * Pre-filter: files that cannot produce a finding, told from their text alone
 * ------------------------------------------------------------------------------------------- */

/**
 * A set of identifiers, kept as 32-bit hashes (sl_prefilter_hash). A collision can only keep a
 * file the pre-filter could have dropped, never the reverse. Init with sl_prefilter_names_init,
 * release with sl_prefilter_names_release; the set owns its array.
 */
typedef struct sl_prefilter_names {
  uint32_t *items;  /**< distinct, in the order added */
  size_t count, cap;
  uint32_t *table;  /**< private: a hash table of the items once there are more than a few */
  size_t mask;
} sl_prefilter_names;

void sl_prefilter_names_init(sl_prefilter_names *set);
void sl_prefilter_names_release(sl_prefilter_names *set);
/** Adds a hash; returns true when it was not in the set yet. */
bool sl_prefilter_names_add(sl_prefilter_names *set, uint32_t hash);
bool sl_prefilter_names_has(const sl_prefilter_names *set, uint32_t hash);

/** The hash of an identifier's (NFKC-normalised) UTF-8 text, as the pre-filter stores it. */
uint32_t sl_prefilter_hash(const char *name, size_t len);

/** The module key of a relative import (`from . import N`): any module may be meant. */
#define SL_PREFILTER_ANY_MODULE 0u

/**
 * The hash of name `name` read from module `module` (both sl_prefilter_hash values; a module is
 * keyed by the last component of its name: `a.b.m` and the file m.py or m/__init__.py are "m").
 */
uint32_t sl_prefilter_pair(uint32_t module, uint32_t name);

/** A name a file reads from another module: `from a.m import N`, `m.N`, `x.N` after `import a.m as x`. */
typedef struct sl_prefilter_ref {
  uint32_t module, name;  /**< hashes; module may be SL_PREFILTER_ANY_MODULE */
} sl_prefilter_ref;

/** A name the text defines: `class NAME(...)`, `NAME = ...` / `NAME: ... = ...` at the start of
 *  a line, `X as NAME` in an import, or NAME in `from m import NAME` (a re-export); with the
 *  identifiers of what defines it (the bases; the value; X; NAME). A value with a call in it
 *  makes an instance, not an alias of a class (`call`). */
typedef struct sl_prefilter_def {
  uint32_t name;         /**< hash of NAME */
  uint32_t first, count; /**< its identifiers: facts->def_idents[first .. first+count) */
  bool is_class;
  bool multi_base;       /**< a class statement with two or more bases (or that the scan cannot read) */
  bool unreadable;       /**< a string, comment or unclosed bracket among the bases: assume the worst */
  bool call;             /**< a value with a call in it (an instance), or an annotation without a
                              value: never an alias of a class; its identifiers are only those
                              before the first `(` (the callee: what an instance is of) */
  /** A slot feature written in the def's own text: for a class, "slots" or "namedtuple" (any
   *  case) in its decorators or bases, or `__slots__` in its body (up to the first line at its
   *  indentation or less that a rough lexer of strings, comments and brackets is sure is code;
   *  else the next class statement at that indentation); for a value, either word in the value.
   *  A class that may have no __dict__, or whose slots another module's subclass may redeclare. */
  bool slotted;
  uint32_t start, end;   /**< the def's own text, byte offsets (a class: from its first decorator) */
  uint32_t n_layout_builtins;  /**< its identifiers that name a built-in type laying out instances its own way */
  bool weakless_builtin;       /**< one names a variable-size built-in without __weakref__ (int, bytes, tuple) */
} sl_prefilter_def;

/**
 * What the pre-filter reads in a file's text in one pass, without parsing it: enough to decide
 * (sl_prefilter_decide) whether the file can produce any finding, also once other files' names
 * are known. Identifiers are read everywhere, strings and comments included (a mention in a
 * comment keeps a file: conservative, never unsound). Everything is owned by the facts; release
 * with sl_prefilter_facts_release.
 */
typedef struct sl_prefilter_facts {
  bool triggered;        /**< names a slot feature: "slots", "namedtuple" (any case) */
  bool weakref;          /**< mentions "weakref" (the analyzer's own test for weak references) */
  uint32_t *idents;      /**< with star imports (what they may bring in): hashes of every
                              identifier, distinct, in the order first read; else none */
  size_t n_idents;
  sl_prefilter_ref *refs;  /**< names read from other modules, distinct, in no particular order */
  size_t n_refs;
  uint32_t *star_modules;  /**< `from m import *`: any identifier may come from m */
  size_t n_star_modules;
  sl_prefilter_def *defs;
  size_t n_defs;
  uint32_t *def_idents;
  size_t n_def_idents;
  uint32_t *called;      /**< names called somewhere (`N(`), distinct: those read from other modules,
                              or all of them when the file star-imports (an instance made inline,
                              `Point().z = 1`, is of what it calls) */
  size_t n_called;
} sl_prefilter_facts;

/** Scans UTF-8 `text` (`len` bytes; need not be NUL-terminated) into *out. */
void sl_prefilter_scan(const char *text, size_t len, sl_prefilter_facts *out);
void sl_prefilter_facts_release(sl_prefilter_facts *facts);

/**
 * Whether the file whose facts these are may produce a finding of any rule, for any target
 * version, with any rule selection: false only when it surely cannot (sound: it may keep an
 * irrelevant file, it never drops a relevant one). Syntax errors never produce a finding, so they
 * do not keep a file; decoding is the caller's business (decode first: an undecodable file is an
 * error, never dropped).
 *
 * For the analysis across files, a caller that checks several files passes two sets of
 * sl_prefilter_pair(module, name) (either may be NULL), grown to a fixed point; each name is put
 * in both under its module's key and under SL_PREFILTER_ANY_MODULE (relative imports):
 *  - `keep`: what kept files define that may have no __dict__ (defs with `slotted`) and their
 *    aliases; a file that reads one from its module is kept (a subclass of a slotted class of
 *    another module, an instance of it);
 *  - `layout`: the defs, anywhere, that lay out instances their own way (sl_prefilter_layout_defs):
 *    they take part in instance-layout conflicts (SLT008) and in weak references (SLT016).
 */
bool sl_prefilter_decide(const sl_prefilter_facts *facts, const sl_prefilter_names *keep,
                         const sl_prefilter_names *layout);

/**
 * Marks (marked[i] for facts->defs[i]; `marked` has room for n_defs) the defs that lay out
 * instances their own way: classes and aliases whose identifiers name a built-in solid base
 * (int, str, tuple, BaseException, ...), a name the file reads from `layout`, or another such def
 * of the file. Returns how many.
 */
size_t sl_prefilter_layout_defs(const sl_prefilter_facts *facts, const sl_prefilter_names *layout, bool *marked);

/** Adds to `out` the names the file reads from other modules whose pair is in `set` (a star
 *  import reads any of its identifiers). Returns how many were added. */
size_t sl_prefilter_imported_names(const sl_prefilter_facts *facts, const sl_prefilter_names *set,
                                   sl_prefilter_names *out);

/** sl_prefilter_scan + sl_prefilter_decide without other files: the verdict on one text alone. */
bool sl_prefilter_keep(const char *text, size_t len);

/**
 * Sparse text: the pre-filter inside a file it keeps. Returns a copy of `text` (NUL-terminated,
 * `len` bytes, owned by the caller) in which the bodies of the functions that can neither produce
 * nor change a finding are blanked — the first character of a body becomes `0`, the rest spaces,
 * newlines kept; or, when the def's header allows, its parameters become `):0` and the body is
 * blanked whole (`def f():0`) — so that linting the copy gives the findings of the text itself, at the same
 * offsets, lines and columns, while the parser reads far less. A body is kept when it, its header
 * or its decorators name a slot feature ("slots", "namedtuple", "weakref"), "noqa", `global`,
 * `nonlocal` or `:=`, or a name in `hot` (names this file reads from other modules that may be
 * slotted or lay out instances their own way: the sets sl_prefilter_decide took; may be NULL), or
 * a name this file binds to such a thing (followed to a fixed point), or holds a class statement
 * that may conflict in layout, or is a method of a class whose own text names any of these.
 * Where the text is kept, the parser also skips comments that say no "noqa" and the insides of
 * statements made only of strings (docstrings): what the rules read of them is that they are
 * there. Returns NULL when there would be nothing to blank or skip, or when the text is not one
 * the scan can read for sure (a tab in an indentation, an unclosed string or bracket): then lint
 * the text itself. The
 * caller must also lint the text itself when the copy does not parse without error (a blanked
 * body cannot hide a syntax error the copy would show). `flags` (SL_SPARSE_*) say what else to keep
 * or blank. *blanked is the number of bytes blanked.
 */
char *sl_sparse_text(const char *text, size_t len, const sl_prefilter_names *hot, unsigned flags, size_t *blanked);

enum {
  /** The lint runs SLT020, which counts attribute stores anywhere in the file: a body that stores
   *  an attribute named like a slot (a word of a line naming "slots", or of a module constant
   *  such a line uses), or calls setattr, is kept too. */
  SL_SPARSE_STORES = 1,
  /** Blank also the module-level assignments of data (a kilobyte or more) that nothing else in
   *  the file names and that name no slot feature outside their strings: for a lint, never for a
   *  module summary (which lists every name the module binds). */
  SL_SPARSE_DATA = 2,
  /** For a module summary, which needs only what the module and its classes bind: every body is
   *  blanked but those that bind beyond themselves (global, nonlocal, `:=`) or define how their
   *  class stores attributes (`__setattr__`, `__delattr__`), or touch `__all__`; `hot` is not
   *  read. */
  SL_SPARSE_SUMMARY = 4,
};

/**
 * Parses `text` from its sparse text (sl_sparse_text with `hot` and `flags`) when it has one
 * that parses without error, else from the text itself. On success *tree is the parse (the caller
 * deletes it) and *read the text it is a parse of — `text` itself, or a sparse copy that the
 * caller frees when it is not `text` — to lint or summarise with. Returns 0, SL_ETOOBIG or
 * SL_EPARSE (then *tree is NULL and *read is `text`).
 */
int sl_parse_sparse(const char *text, size_t len, const sl_prefilter_names *hot, unsigned flags, TSTree **tree,
                    const char **read);

/* ---------------------------------------------------------------------------------------------
 * Suppression comments
 * ------------------------------------------------------------------------------------------- */

/**
 * Removes from `list` the diagnostics that suppression comments in `text` turn off, as ruff's
 * `noqa` does. Both front ends call it after linting, before reporting or fixing:
 *  - `# noqa` at the end of the line where a diagnostic starts removes every diagnostic that
 *    starts on that line; `# noqa: SLT001, SLT002` (codes separated by commas or spaces) only
 *    those rules. "noqa" may be in any case and may follow other text in the same comment
 *    (`# type: ignore  # noqa: SLT001`); codes of other tools are ignored; `# noqa:` with no
 *    code after it is the blanket form (as flake8 reads it).
 *  - A comment on a line of its own `# slotlint: noqa` turns the whole file off;
 *    `# slotlint: noqa: SLT001` turns those rules off in the whole file.
 * Only real comments count — the tree's `comment` nodes — never text inside a string.
 * `tree` is a parse of exactly `text` (borrowed), or NULL: then the text is parsed here, and only
 * when `list` is not empty and the text mentions "noqa" at all.
 * Returns the number of diagnostics removed (their strings are freed; the others keep their
 * order), or SL_ETOOBIG / SL_EPARSE with `list` unchanged.
 */
int sl_diag_list_apply_noqa(sl_diag_list *list, const TSTree *tree, const char *text, size_t len);

/* ---------------------------------------------------------------------------------------------
 * Instance layouts (`slotlint layout`, hover)
 * ------------------------------------------------------------------------------------------- */

/** The target versions a layout can be computed for: 3.8 (the oldest in the type table) to 3.15. */
#define SL_LAYOUT_TARGET_MIN 8

/** Where an instance keeps its __dict__ or __weakref__ pointer. */
typedef enum {
  SL_STORAGE_NONE,     /**< the instance has none */
  SL_STORAGE_INLINE,   /**< a pointer inside the object, at `offset` (negative: from the end of a variable-size object) */
  SL_STORAGE_MANAGED,  /**< kept by the interpreter before the object (3.11+ dict, 3.12+ weakref): not in __basicsize__ */
} sl_storage;

/** What CPython reports for instances of one class, or would for a variant of it. */
typedef struct sl_layout_figures {
  int32_t basicsize;           /**< __basicsize__ */
  int32_t getsizeof;           /**< sys.getsizeof(C()) for an instance made with no arguments (a
                                    NamedTuple holding its defaults); -1 when
                                    it depends on the value (a base whose __sizeof__ counts its contents) */
  sl_storage dict, weakref;
  int32_t dict_offset;         /**< INLINE: __dictoffset__ */
  int32_t weakref_offset;      /**< INLINE: __weakrefoffset__ */
} sl_layout_figures;

typedef struct sl_layout_slot {
  char *name;                  /**< as the class stores it (mangled); owned by the list */
  char *declared_by;           /**< the class whose __slots__ declares it; owned by the list */
  int32_t offset;              /**< byte offset of its pointer in the instance */
} sl_layout_slot;

typedef struct sl_class_layout {
  char *name;                  /**< the class name; owned by the list */
  sl_span name_span;
  bool known;                  /**< false: the analysis cannot know (see `why`); no figure is set */
  char *why;                   /**< !known: a lowercase reason; owned by the list */
  char *base;                  /**< the base whose layout it extends (CPython's tp_base); owned */
  bool has_slots;              /**< the class declares __slots__ (or is a slotted dataclass / namedtuple) */
  sl_layout_slot *slots;       /**< every slot of an instance, by offset; owned by the list */
  size_t n_slots;
  sl_layout_figures figures;   /**< the class as written */
  /** The same class without __slots__ (has_slots only): the layout its instances would have. */
  sl_layout_figures without_slots;
  size_t own_slots;            /**< the slots the class itself declares (not __dict__/__weakref__) */
  int32_t dict_storage;        /**< estimated bytes the __dict__ of an instance without __slots__ takes
                                    to hold own_slots attributes (0 when that class has no __dict__) */
  int32_t slotted_dict_storage;/**< estimated bytes of the (empty) __dict__ the slotted class still
                                    has ('__dict__' in its slots, or from a base); 0 when none */
  /** Estimated bytes saved per instance by __slots__: without_slots.getsizeof + dict_storage -
   *  figures.getsizeof - slotted_dict_storage; 0 without __slots__ or when a figure is unknown. */
  int32_t saving;
} sl_class_layout;

typedef struct sl_layout_list {
  sl_class_layout *items;      /**< in source order */
  size_t count, cap;
} sl_layout_list;

void sl_layout_list_init(sl_layout_list *list);
/** Frees every item and its strings; the list is empty and reusable afterwards. */
void sl_layout_list_release(sl_layout_list *list);

/**
 * Computes, for each class statement of `text` (UTF-8, `len` bytes), the instance layout CPython
 * 3.`target_minor` gives it (SL_LAYOUT_TARGET_MIN .. SL_TARGET_MAX): slots with their offsets
 * (CPython sorts them by name), where __dict__ and __weakref__ live, __basicsize__, sys.getsizeof
 * of an instance, and the same for the class without __slots__, with the estimated saving.
 * Appends to `out`. Returns 0, SL_EINVAL (bad version), SL_ETOOBIG or SL_EPARSE.
 */
int sl_layout_source(const char *text, size_t len, int target_minor, sl_layout_list *out);

/**
 * As sl_layout_source, for the file at `path` (borrowed; may be NULL) of `opts->project`, for CPython
 * 3.`opts->target_minor`: bases from other modules of the project are seen through, as sl_lint_tree
 * sees them (opts->rules is not used).
 */
int sl_layout_source_in(const char *text, size_t len, const char *path, const sl_options *opts, sl_layout_list *out);

/* ---------------------------------------------------------------------------------------------
 * Text positions and encodings
 * ------------------------------------------------------------------------------------------- */

/** Number of Unicode code points in the UTF-8 bytes text[0..len). Invalid bytes count one each. */
size_t sl_utf8_codepoints(const char *text, size_t len);

/** Number of UTF-16 code units the UTF-8 bytes text[0..len) encode. Invalid bytes count one each. */
size_t sl_utf8_utf16_units(const char *text, size_t len);

/**
 * Checks that text[0..len) is valid UTF-8. Returns true, or false with *bad_offset set to the
 * byte offset of the first invalid sequence.
 */
bool sl_utf8_validate(const char *text, size_t len, size_t *bad_offset);

/**
 * Turns the raw bytes of a Python source file into UTF-8 as CPython reads them: a UTF-8 BOM is
 * dropped, a PEP 263 coding declaration on line 1 or 2 is honoured (transcoding with iconv), and
 * otherwise the bytes must be valid UTF-8.
 * On success returns 0 and sets *out (a NUL-terminated malloc'd buffer, caller frees with free())
 * and *out_len. On failure returns SL_EENCODING and, if err is not NULL, writes a lowercase
 * message (no trailing period) of at most err_size bytes, e.g.
 * "invalid utf-8 at line 3, column 7" or "unknown encoding 'latin-42' in coding declaration".
 */
int sl_source_decode(const char *bytes, size_t len, char **out, size_t *out_len, char *err,
                     size_t err_size);

/**
 * sl_source_decode, taking `bytes` (malloc'd, with room for len + 1 bytes): UTF-8 text becomes
 * *out in the same buffer, without a copy (a file is most often that); otherwise the bytes are
 * freed. Either way the caller no longer owns `bytes`, and frees *out on success.
 */
int sl_source_decode_owned(char *bytes, size_t len, char **out, size_t *out_len, char *err, size_t err_size);

#ifdef __cplusplus
}
#endif

#endif /* SLOTLINT_ANALYZER_H */
