# ASan + UBSan for every target of the build (ours and the third-party ones, so that their
# allocations are tracked too), switched on with -DSLOTLINT_SANITIZE=ON (preset asan-ubsan).
#
# -DSLOTLINT_FUZZ=ON (preset fuzz, clang only) builds everything with the sanitizers too, and
# adds libFuzzer's coverage instrumentation (-fsanitize=fuzzer-no-link) to our own targets: the
# analyzer, the server and the CLI. Third-party code (tree-sitter and its grammars, which pass
# THIRD_PARTY) is left uninstrumented: its edges would triple the cost of every input without
# guiding the fuzzer to anything of ours. The fuzz executables link libFuzzer's main with
# -fsanitize=fuzzer (tests/fuzz/CMakeLists.txt).
option(SLOTLINT_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(SLOTLINT_FUZZ "Build the libFuzzer targets of tests/fuzz with coverage instrumentation (clang)" OFF)

if(SLOTLINT_FUZZ AND NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "SLOTLINT_FUZZ needs clang (libFuzzer); this compiler is ${CMAKE_C_COMPILER_ID}")
endif()

# sl_apply_sanitizers(target [THIRD_PARTY])
function(sl_apply_sanitizers target)
  if(SLOTLINT_SANITIZE OR SLOTLINT_FUZZ)
    set(flags -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_compile_options(${target} PRIVATE ${flags})
    target_link_options(${target} PUBLIC ${flags})
  endif()
  if(SLOTLINT_FUZZ AND NOT "THIRD_PARTY" IN_LIST ARGN)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()
