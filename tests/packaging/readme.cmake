# Reading the fenced code blocks of one README section, for the tests that
# keep the README's snippets working. Only string(FIND/SUBSTRING) on plain
# variables: C++ code is full of ';' and '[', which CMake lists would split.

# threadline_readme_section(README HEADING OUT): the text of the section
# "## HEADING" up to the next "## " heading. Fails when there is none.
function(threadline_readme_section readme heading out)
  file(READ ${readme} text)
  string(FIND "${text}" "\n## ${heading}\n" start)
  if(start EQUAL -1)
    message(FATAL_ERROR "${readme} has no section \"## ${heading}\"")
  endif()
  math(EXPR start "${start} + 1")
  string(SUBSTRING "${text}" ${start} -1 text)
  string(FIND "${text}" "\n## " end)
  if(NOT end EQUAL -1)
    string(SUBSTRING "${text}" 0 ${end} text)
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# threadline_readme_blocks(TEXT LANGUAGE PREFIX COUNT_OUT): the blocks fenced
# as ```LANGUAGE in TEXT, in order, in the variables PREFIX_1, PREFIX_2, ...
# and their number in COUNT_OUT.
function(threadline_readme_blocks text language prefix count_out)
  set(count 0)
  set(fence "```${language}\n")
  string(LENGTH "${fence}" fence_length)
  while(TRUE)
    string(FIND "${text}" "${fence}" open)
    if(open EQUAL -1)
      break()
    endif()
    math(EXPR body_start "${open} + ${fence_length}")
    string(SUBSTRING "${text}" ${body_start} -1 text)
    string(FIND "${text}" "```" close)
    if(close EQUAL -1)
      message(FATAL_ERROR "a ```${language} block in the README is not closed")
    endif()
    string(SUBSTRING "${text}" 0 ${close} body)
    math(EXPR count "${count} + 1")
    set(${prefix}_${count} "${body}" PARENT_SCOPE)
    math(EXPR after "${close} + 3")
    string(SUBSTRING "${text}" ${after} -1 text)
  endwhile()
  set(${count_out} ${count} PARENT_SCOPE)
endfunction()
