# ASan + UBSan for every target of the build (ours and the third-party ones, so that their
# allocations are tracked too), switched on with -DSLOTLINT_SANITIZE=ON (preset asan-ubsan).
option(SLOTLINT_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

function(sl_apply_sanitizers target)
  if(SLOTLINT_SANITIZE)
    set(flags -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_compile_options(${target} PRIVATE ${flags})
    target_link_options(${target} PUBLIC ${flags})
  endif()
endfunction()
