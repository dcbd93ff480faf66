# Fetching pinned npm packages at configure time.
#
# The package comes through npm's own client (`npm pack NAME@VERSION`), so the registry is whatever
# npm is configured with; no address is written here. The tarball is checked against the registry's
# sha512 integrity before it is unpacked, and kept in the build tree so a reconfigure needs no network.

# Encodes a hex string as base64, so a digest from file(SHA512) can be compared with an npm
# "sha512-<base64>" integrity string without any tool outside CMake.
function(sl_hex_to_base64 hex out_var)
  set(alphabet "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
  string(LENGTH "${hex}" hex_len)
  set(result "")
  set(pos 0)
  while(pos LESS hex_len)
    # Three bytes (six hex digits) at a time; the tail is padded with zero bytes and '='.
    math(EXPR remaining "${hex_len} - ${pos}")
    if(remaining GREATER_EQUAL 6)
      string(SUBSTRING "${hex}" ${pos} 6 chunk)
      set(nbytes 3)
    else()
      string(SUBSTRING "${hex}" ${pos} ${remaining} chunk)
      math(EXPR nbytes "${remaining} / 2")
      while(TRUE)
        string(LENGTH "${chunk}" clen)
        if(clen GREATER_EQUAL 6)
          break()
        endif()
        string(APPEND chunk "0")
      endwhile()
    endif()
    math(EXPR value "0x${chunk}")
    foreach(shift 18 12 6 0)
      math(EXPR idx "(${value} >> ${shift}) & 63")
      string(SUBSTRING "${alphabet}" ${idx} 1 ch)
      string(APPEND result "${ch}")
    endforeach()
    if(nbytes EQUAL 1)
      string(REGEX REPLACE "..$" "==" result "${result}")
    elseif(nbytes EQUAL 2)
      string(REGEX REPLACE ".$" "=" result "${result}")
    endif()
    math(EXPR pos "${pos} + 6")
  endwhile()
  set(${out_var} "${result}" PARENT_SCOPE)
endfunction()

# sl_npm_package(<name> <version> <integrity> <out_dir_var>)
# Makes sure <name>@<version> is unpacked under ${CMAKE_BINARY_DIR}/_npm and sets <out_dir_var> to
# the unpacked `package/` folder. A cached tarball is reused only while it still matches.
function(sl_npm_package name version integrity out_var)
  string(REGEX REPLACE "^@" "" flat "${name}")
  string(REPLACE "/" "-" flat "${flat}")
  set(cache_dir "${CMAKE_BINARY_DIR}/_npm")
  set(tarball "${cache_dir}/${flat}-${version}.tgz")
  set(unpack_dir "${cache_dir}/${flat}-${version}")
  set(stamp "${unpack_dir}/.slotlint-verified")

  if(EXISTS "${stamp}")
    file(READ "${stamp}" stamped)
    if(stamped STREQUAL integrity)
      set(${out_var} "${unpack_dir}/package" PARENT_SCOPE)
      return()
    endif()
  endif()

  file(MAKE_DIRECTORY "${cache_dir}")
  if(NOT EXISTS "${tarball}")
    find_program(SL_NPM npm)
    if(NOT SL_NPM)
      message(FATAL_ERROR "npm is needed to fetch ${name}@${version}; install it (apt-get install npm) "
                          "or point SLOTLINT_PACKAGES_DIR at already-unpacked packages")
    endif()
    message(STATUS "Fetching ${name}@${version} with npm pack")
    execute_process(
      COMMAND "${SL_NPM}" pack "${name}@${version}" --silent --pack-destination "${cache_dir}"
      WORKING_DIRECTORY "${cache_dir}"
      RESULT_VARIABLE rc OUTPUT_VARIABLE packed ERROR_VARIABLE err)
    string(STRIP "${packed}" packed)
    if(NOT rc EQUAL 0 OR packed STREQUAL "")
      message(FATAL_ERROR "npm pack ${name}@${version} failed (${rc}): ${err}")
    endif()
    if(NOT "${cache_dir}/${packed}" STREQUAL "${tarball}")
      file(RENAME "${cache_dir}/${packed}" "${tarball}")
    endif()
  endif()

  string(REGEX REPLACE "^sha512-" "" want "${integrity}")
  file(SHA512 "${tarball}" hex)
  sl_hex_to_base64("${hex}" got)
  if(NOT got STREQUAL want)
    file(REMOVE "${tarball}")
    message(FATAL_ERROR "integrity check failed for ${name}@${version}: the registry publishes "
                        "sha512-${want}, the downloaded tarball is sha512-${got}; it was deleted")
  endif()

  file(REMOVE_RECURSE "${unpack_dir}")
  file(ARCHIVE_EXTRACT INPUT "${tarball}" DESTINATION "${unpack_dir}")
  file(WRITE "${stamp}" "${integrity}")
  set(${out_var} "${unpack_dir}/package" PARENT_SCOPE)
endfunction()
