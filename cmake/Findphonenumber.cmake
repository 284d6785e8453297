# Findphonenumber: libphonenumber, which ships no CMake package of its own.
#
# Defines the imported target phonenumber::phonenumber, and the cache
# variables PHONENUMBER_INCLUDE_DIR and PHONENUMBER_LIBRARY. Installed beside
# threadlineConfig.cmake so a host linking the static library finds it the
# same way the build does.
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h)
find_library(PHONENUMBER_LIBRARY phonenumber)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(phonenumber
  REQUIRED_VARS PHONENUMBER_LIBRARY PHONENUMBER_INCLUDE_DIR)

if(phonenumber_FOUND AND NOT TARGET phonenumber::phonenumber)
  add_library(phonenumber::phonenumber UNKNOWN IMPORTED)
  set_target_properties(phonenumber::phonenumber PROPERTIES
    IMPORTED_LOCATION "${PHONENUMBER_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${PHONENUMBER_INCLUDE_DIR}")
endif()
mark_as_advanced(PHONENUMBER_INCLUDE_DIR PHONENUMBER_LIBRARY)
