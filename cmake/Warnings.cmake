# Our own targets build clean under these; third-party targets do not get them.
option(SLOTLINT_WERROR "Treat warnings as errors in slotlint's own code" OFF)

function(sl_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes
                                           -Wmissing-prototypes -Wno-unused-parameter)
  if(SLOTLINT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
