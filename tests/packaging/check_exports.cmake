# The shared library exports threadline's API and nothing of its private
# dependencies: a host linking it can use its own protobuf, fmt, simdjson or
# libphonenumber of any version.
#   cmake -DNM=<nm> -DLIBRARY=<libthreadline.so> -P check_exports.cmake
cmake_minimum_required(VERSION 3.24)
execute_process(COMMAND "${NM}" -D -C --defined-only "${LIBRARY}"
  OUTPUT_VARIABLE symbols RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${NM} could not read ${LIBRARY}")
endif()
# A symbol of theirs (its name, or the vtable or typeinfo of their class)
# begins with their namespace; our API's signatures may mention absl types.
set(foreign "google::protobuf|fmt::|simdjson::|i18n::phonenumbers|threadline::v1::|absl::")
string(REGEX MATCH "(^|\n)[0-9a-f]+ [A-Za-z] ((vtable|VTT|typeinfo|typeinfo name) for )?(${foreign})[^\n]*"
  leak "${symbols}")
if(leak)
  message(FATAL_ERROR "${LIBRARY} exports a symbol of a private dependency: ${leak}")
endif()
foreach(api "threadline::Engine::Open(" "threadline::EngineOptions::DefaultIdentityLimits()"
            "threadline::ChannelName(" "threadline::IdentityToString")
  string(FIND "${symbols}" "${api}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${LIBRARY} does not export ${api}")
  endif()
endforeach()
message(STATUS "${LIBRARY} exports the API and nothing of its dependencies")
