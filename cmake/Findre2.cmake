# Findre2: RE2, for a distribution (Debian 12) that ships no CMake package
# for it.
#
# Defines the imported target re2::re2, and the cache variables
# RE2_INCLUDE_DIR and RE2_LIBRARY. Installed beside threadlineConfig.cmake
# so a host linking the static library finds it the same way the build does.
# RE2 needs threads; the library links Threads::Threads itself.
find_path(RE2_INCLUDE_DIR re2/re2.h)
find_library(RE2_LIBRARY re2)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(re2
  REQUIRED_VARS RE2_LIBRARY RE2_INCLUDE_DIR)

if(re2_FOUND AND NOT TARGET re2::re2)
  add_library(re2::re2 UNKNOWN IMPORTED)
  set_target_properties(re2::re2 PROPERTIES
    IMPORTED_LOCATION "${RE2_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${RE2_INCLUDE_DIR}")
endif()
mark_as_advanced(RE2_INCLUDE_DIR RE2_LIBRARY)
