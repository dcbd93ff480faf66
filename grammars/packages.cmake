# Pinned npm packages this build compiles from source. The integrity strings are the registry's
# published `dist.integrity` values (`npm view NAME@VERSION dist.integrity`), checked against the
# downloaded tarball by cmake/NpmPackage.cmake before anything is unpacked.
set(SL_TREE_SITTER_PKG        "tree-sitter")
set(SL_TREE_SITTER_VERSION    "0.25.1")
set(SL_TREE_SITTER_INTEGRITY  "sha512-mrcEdkYtHfrK1A6fs3O6FxkBo0Qig5XUXqHhxUOQu0bmPo00QF4XaSx4edpazdHwxnSCjlGKGgIqWdaN4dvTLA==")

set(SL_TS_PYTHON_PKG          "tree-sitter-python")
set(SL_TS_PYTHON_VERSION      "0.25.0")
set(SL_TS_PYTHON_INTEGRITY    "sha512-eCmJx6zQa35GxaCtQD+wXHOhYqBxEL+bp71W/s3fcDMu06MrtzkVXR437dRrCrbrDbyLuUDJpAgycs7ncngLXw==")

# TOML, for configuration files (pyproject.toml, slotlint.toml); read by cli/config_toml.c.
set(SL_TS_TOML_PKG            "@tree-sitter-grammars/tree-sitter-toml")
set(SL_TS_TOML_VERSION        "0.7.0")
set(SL_TS_TOML_INTEGRITY      "sha512-873Kl518Qm5ghbWadISY41rwFjee0v+2bU4twwvAw2VAJcWwj2vBo3F3hOCXfbqHaFiqc4qh6eLhkMl2YZJS0g==")
