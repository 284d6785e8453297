# ThreadlineInstall: the shared library, the install rules, the CMake package
# (installed and build-tree) and the pkg-config file. Included by the top
# CMakeLists.txt when THREADLINE_INSTALL is on (the default when threadline is
# the top-level project).
#
# What gets installed, under the prefix:
#   include/threadline/*.h                      public headers
#   lib/libthreadline.so.<version>, .so.<soversion>, .so  the shared library
#   lib/libthreadline.a                         the static library
#   bin/threadline                              the command
#   share/threadline/proto/threadline/v1/*.proto    the wire schema
#   lib/cmake/threadline/                       threadlineConfig.cmake and friends
#   lib/pkgconfig/threadline.pc
#
# In the package, threadline::threadline is the shared library: its link
# interface is Abseil alone (the public headers include Abseil headers), and
# protobuf, fmt, simdjson, libphonenumber, RE2 and xxHash stay inside it with hidden
# symbols. threadline::threadline_static is the static library; it needs the
# private dependencies at link time, so find_package finds them only when the
# host asks for it: find_package(threadline COMPONENTS static).

include(CMakePackageConfigHelpers)

set(THREADLINE_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/threadline)
set(THREADLINE_INSTALL_PKGCONFIGDIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
# The import root of the .proto files: `protoc -I <it> threadline/v1/x.proto`.
# In share/ rather than include/ because the generated C++ is internal: hosts
# in C++ use the headers; the schema is for hosts in other languages.
set(THREADLINE_INSTALL_PROTODIR ${CMAKE_INSTALL_DATADIR}/threadline/proto)

# ---------------------------------------------------------------------------
# Private dependencies of the library. A static consumer must find and link
# them; the shared library hides them. A new private dependency of the
# `threadline` target is one line here:
#   threadline_private_dependency(<find_package arguments>
#                                 [PKG_CONFIG <module>...] [LIBS <flags>...])
# The find_package arguments go to find_dependency() in threadlineConfig.cmake;
# the pkg-config module goes to Requires.private, the flags to Libs.private.
# Link the library to the dependency's imported target, never to a path (a
# path would be written into the exported package). A dependency without a
# CMake package of its own gets a cmake/Find<name>.cmake that defines one
# (see Findphonenumber.cmake); it is installed beside the config by itself.
# The static consumer and pkg-config tests (tests/packaging) fail when a
# private dependency is missing here.
set(THREADLINE_STATIC_FIND_DEPENDENCIES "")
set(THREADLINE_PC_REQUIRES_PRIVATE "")
set(THREADLINE_PC_LIBS_PRIVATE "")
set(THREADLINE_FIND_MODULES "")
function(threadline_private_dependency name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "PKG_CONFIG;LIBS")
  list(JOIN arg_UNPARSED_ARGUMENTS " " extra)
  string(STRIP "${name} ${extra}" find_args)
  set(THREADLINE_STATIC_FIND_DEPENDENCIES
    "${THREADLINE_STATIC_FIND_DEPENDENCIES}  find_dependency(${find_args})\n" PARENT_SCOPE)
  list(APPEND THREADLINE_PC_REQUIRES_PRIVATE ${arg_PKG_CONFIG})
  list(APPEND THREADLINE_PC_LIBS_PRIVATE ${arg_LIBS})
  set(THREADLINE_PC_REQUIRES_PRIVATE "${THREADLINE_PC_REQUIRES_PRIVATE}" PARENT_SCOPE)
  set(THREADLINE_PC_LIBS_PRIVATE "${THREADLINE_PC_LIBS_PRIVATE}" PARENT_SCOPE)
  if(EXISTS ${PROJECT_SOURCE_DIR}/cmake/Find${name}.cmake)
    set(THREADLINE_FIND_MODULES ${THREADLINE_FIND_MODULES}
      ${PROJECT_SOURCE_DIR}/cmake/Find${name}.cmake PARENT_SCOPE)
  endif()
endfunction()

threadline_private_dependency(Protobuf PKG_CONFIG protobuf)
threadline_private_dependency(fmt PKG_CONFIG fmt)
threadline_private_dependency(simdjson PKG_CONFIG simdjson)
threadline_private_dependency(phonenumber LIBS -lphonenumber)
threadline_private_dependency(re2 PKG_CONFIG re2)
threadline_private_dependency(xxhash LIBS -lxxhash)
threadline_private_dependency(libpqxx PKG_CONFIG libpqxx)
threadline_private_dependency(Threads LIBS -pthread)

# ---------------------------------------------------------------------------
# The shared library: the static one linked whole, so every object is
# compiled once. Hidden visibility (top CMakeLists.txt) exports only what
# carries THREADLINE_EXPORT.
set(THREADLINE_SHARED_SOURCE ${PROJECT_BINARY_DIR}/threadline_shared.cc)
file(CONFIGURE OUTPUT ${THREADLINE_SHARED_SOURCE} CONTENT
  "// libthreadline.so is libthreadline.a linked whole: every object comes\n// from there. CMake wants a source of the shared library's own.\n")
add_library(threadline_shared SHARED ${THREADLINE_SHARED_SOURCE})
add_library(threadline::threadline_shared ALIAS threadline_shared)

# Its public link interface is the static library's, without the LINK_ONLY
# (private) entries: what the public headers need, nothing more.
get_target_property(threadline_interface threadline INTERFACE_LINK_LIBRARIES)
set(THREADLINE_PUBLIC_LINK "")
foreach(item IN LISTS threadline_interface)
  if(NOT item MATCHES "^\\$<LINK_ONLY:")
    list(APPEND THREADLINE_PUBLIC_LINK ${item})
  endif()
endforeach()
target_link_libraries(threadline_shared
  PUBLIC ${THREADLINE_PUBLIC_LINK}
  PRIVATE "$<LINK_LIBRARY:WHOLE_ARCHIVE,threadline>")
target_include_directories(threadline_shared PUBLIC
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
# Within 0.x a minor version may break the API and ABI (semantic
# versioning), so the soname and the package's compatibility carry the minor
# version; from 1.0 on, the major version alone.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(THREADLINE_SOVERSION ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR})
  set(THREADLINE_COMPATIBILITY SameMinorVersion)
else()
  set(THREADLINE_SOVERSION ${PROJECT_VERSION_MAJOR})
  set(THREADLINE_COMPATIBILITY SameMajorVersion)
endif()
set_target_properties(threadline_shared PROPERTIES
  OUTPUT_NAME threadline
  EXPORT_NAME threadline
  VERSION ${PROJECT_VERSION}
  SOVERSION ${THREADLINE_SOVERSION})
# Every symbol the library uses is resolved when it is linked, so a missing
# private dependency fails here rather than in a host's link.
target_link_options(threadline_shared PRIVATE "LINKER:--no-undefined")

# ---------------------------------------------------------------------------
# Install rules.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/threadline
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT development
  FILES_MATCHING PATTERN "*.h")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/proto/threadline
  DESTINATION ${THREADLINE_INSTALL_PROTODIR}
  COMPONENT development
  FILES_MATCHING PATTERN "*.proto")
install(TARGETS threadline_shared EXPORT threadlineTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    COMPONENT runtime NAMELINK_COMPONENT development
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development)
install(TARGETS threadline EXPORT threadlineStaticTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development)
if(TARGET threadline_cli)
  install(TARGETS threadline_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
    COMPONENT runtime)
endif()

# ---------------------------------------------------------------------------
# The CMake package, installed and build-tree. Both configs come from one
# template; they differ in where the .proto files are.
string(REGEX REPLACE "\n$" "" THREADLINE_STATIC_FIND_DEPENDENCIES
  "${THREADLINE_STATIC_FIND_DEPENDENCIES}")
set(THREADLINE_CONFIG_PROTO_DIR ${THREADLINE_INSTALL_PROTODIR})
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/threadlineConfig.cmake.in
  ${PROJECT_BINARY_DIR}/package/threadlineConfig.cmake
  INSTALL_DESTINATION ${THREADLINE_INSTALL_CMAKEDIR}
  PATH_VARS THREADLINE_CONFIG_PROTO_DIR)
set(THREADLINE_CONFIG_PROTO_DIR ${PROJECT_SOURCE_DIR}/proto)
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/threadlineConfig.cmake.in
  ${PROJECT_BINARY_DIR}/threadlineConfig.cmake
  INSTALL_DESTINATION ${PROJECT_BINARY_DIR}
  INSTALL_PREFIX ${PROJECT_BINARY_DIR}
  PATH_VARS THREADLINE_CONFIG_PROTO_DIR)
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/threadlineConfigVersion.cmake
  COMPATIBILITY ${THREADLINE_COMPATIBILITY})

install(FILES
    ${PROJECT_BINARY_DIR}/package/threadlineConfig.cmake
    ${PROJECT_BINARY_DIR}/threadlineConfigVersion.cmake
    ${THREADLINE_FIND_MODULES}
  DESTINATION ${THREADLINE_INSTALL_CMAKEDIR}
  COMPONENT development)
install(EXPORT threadlineTargets
  NAMESPACE threadline::
  DESTINATION ${THREADLINE_INSTALL_CMAKEDIR}
  COMPONENT development)
install(EXPORT threadlineStaticTargets
  NAMESPACE threadline::
  DESTINATION ${THREADLINE_INSTALL_CMAKEDIR}
  COMPONENT development)

# The build tree as a package: find_package(threadline) with
# threadline_DIR=<build> uses the libraries where they were built.
export(EXPORT threadlineTargets NAMESPACE threadline::
  FILE ${PROJECT_BINARY_DIR}/threadlineTargets.cmake)
export(EXPORT threadlineStaticTargets NAMESPACE threadline::
  FILE ${PROJECT_BINARY_DIR}/threadlineStaticTargets.cmake)
foreach(module IN LISTS THREADLINE_FIND_MODULES)
  configure_file(${module} ${PROJECT_BINARY_DIR} COPYONLY)
endforeach()

# ---------------------------------------------------------------------------
# pkg-config. The .pc file finds its prefix from where it lies, so the
# installed tree can move.
file(RELATIVE_PATH THREADLINE_PC_TO_PREFIX
  /prefix/${THREADLINE_INSTALL_PKGCONFIGDIR} /prefix)
string(REGEX REPLACE "/$" "" THREADLINE_PC_TO_PREFIX ${THREADLINE_PC_TO_PREFIX})
# Abseil's pkg-config modules are named after its targets (absl::time is
# absl_time): the public ones go to Requires, the private ones, which a
# static link needs, to Requires.private. Any other dependency is named by
# threadline_private_dependency() above.
set(THREADLINE_PC_REQUIRES "")
foreach(item IN LISTS threadline_interface)
  if(item MATCHES "^absl::(.+)$")
    list(APPEND THREADLINE_PC_REQUIRES absl_${CMAKE_MATCH_1})
  elseif(item MATCHES "^\\$<LINK_ONLY:absl::(.+)>$")
    list(APPEND THREADLINE_PC_REQUIRES_PRIVATE absl_${CMAKE_MATCH_1})
  elseif(NOT item MATCHES "^\\$<LINK_ONLY:")
    message(FATAL_ERROR
      "threadline's public link interface has ${item}: name its pkg-config "
      "module in cmake/ThreadlineInstall.cmake")
  endif()
endforeach()
list(JOIN THREADLINE_PC_REQUIRES " " THREADLINE_PC_REQUIRES)
list(JOIN THREADLINE_PC_REQUIRES_PRIVATE " " THREADLINE_PC_REQUIRES_PRIVATE)
list(JOIN THREADLINE_PC_LIBS_PRIVATE " " THREADLINE_PC_LIBS_PRIVATE)
configure_file(${PROJECT_SOURCE_DIR}/cmake/threadline.pc.in
  ${PROJECT_BINARY_DIR}/threadline.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/threadline.pc
  DESTINATION ${THREADLINE_INSTALL_PKGCONFIGDIR}
  COMPONENT development)
