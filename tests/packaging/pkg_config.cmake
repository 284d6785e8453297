# Compiles the one-file host program with the flags pkg-config gives for the
# installed threadline.pc, runs it, and checks it found one customer.
#   cmake -DPKG_CONFIG=<pkg-config> -DCXX=<compiler> -DPREFIX=<prefix>
#         -DLIBDIR=<lib dir under prefix> -DSOURCE=<app.cc> -DOUT=<program>
#         -DSTATIC=<ON|OFF> -P pkg_config.cmake
# STATIC links libthreadline.a with `pkg-config --static` (Libs.private,
# Requires.private) and runs the program without the library's directory on
# the search path, which proves nothing came from libthreadline.so.
cmake_minimum_required(VERSION 3.24)
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig")

function(pkg_config out)
  execute_process(COMMAND "${PKG_CONFIG}" ${ARGN} threadline
    OUTPUT_VARIABLE flags ERROR_VARIABLE error RESULT_VARIABLE rc
    OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pkg-config ${ARGN} threadline: ${error}")
  endif()
  message(STATUS "pkg-config ${ARGN} threadline: ${flags}")
  separate_arguments(flags UNIX_COMMAND "${flags}")
  set(${out} ${flags} PARENT_SCOPE)
endfunction()

pkg_config(cflags --cflags)
if(STATIC)
  pkg_config(libs --static --libs)
  list(TRANSFORM libs REPLACE "^-lthreadline$" "${PREFIX}/${LIBDIR}/libthreadline.a")
  set(rpath "")
else()
  pkg_config(libs --libs)
  set(rpath "-Wl,-rpath,${PREFIX}/${LIBDIR}")
endif()

execute_process(
  COMMAND "${CXX}" -std=c++17 ${cflags} "${SOURCE}" -o "${OUT}" ${libs} ${rpath}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compiling ${SOURCE} with pkg-config's flags failed")
endif()
execute_process(COMMAND "${OUT}" OUTPUT_VARIABLE output RESULT_VARIABLE rc)
message(STATUS "${output}")
if(NOT rc EQUAL 0 OR NOT output MATCHES "one customer")
  message(FATAL_ERROR "${OUT} failed (exit ${rc})")
endif()
