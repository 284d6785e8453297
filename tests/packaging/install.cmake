# The setup of the packaging tests: builds what the install needs (as
# `ninja install` would) and installs the build tree into a fresh PREFIX.
#   cmake -DBUILD_DIR=<build> -DPREFIX=<prefix> -P install.cmake
cmake_minimum_required(VERSION 3.24)
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building ${BUILD_DIR} failed")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
  OUTPUT_QUIET RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install ${BUILD_DIR} --prefix ${PREFIX} failed")
endif()
message(STATUS "installed into ${PREFIX}")
