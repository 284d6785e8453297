# Findlibpqxx: libpqxx (libpqxx-dev), the C++ client of PostgreSQL, which
# ships only a pkg-config file.
#
# Defines the imported target libpqxx::libpqxx. Installed beside
# threadlineConfig.cmake so a host linking the static library finds it the
# same way the build does.
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(LIBPQXX QUIET IMPORTED_TARGET libpqxx)
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(libpqxx REQUIRED_VARS LIBPQXX_FOUND)

if(libpqxx_FOUND AND NOT TARGET libpqxx::libpqxx)
  add_library(libpqxx::libpqxx INTERFACE IMPORTED)
  set_target_properties(libpqxx::libpqxx PROPERTIES
    INTERFACE_LINK_LIBRARIES PkgConfig::LIBPQXX)
endif()
