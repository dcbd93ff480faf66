# Turns the rule documentation (analyzer/rules/SLTnnn.md) into C string data, so that
# `slotlint rule`, hover and the README all show the same text.
#
# sl_embed_docs(<out.c> <md files...>) generates a file defining, for each CODE.md,
#   const char sl__doc_CODE[] = "<the markdown text>";
function(sl_embed_docs out_c)
  set(script "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_docs_run.cmake")
  # '|' rather than ';' between the files: a ';' would be split by the generator's command line.
  string(REPLACE ";" "|" inputs "${ARGN}")
  add_custom_command(
    OUTPUT "${out_c}"
    COMMAND "${CMAKE_COMMAND}" -DOUT=${out_c} "-DINPUTS=${inputs}" -P "${script}"
    DEPENDS ${ARGN} "${script}"
    COMMENT "Embedding rule documentation"
    VERBATIM)
endfunction()
