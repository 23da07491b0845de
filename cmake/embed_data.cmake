# sitrep_embed_data(OUT_VAR file...) turns each reviewed TSV file into a C++
# source that defines `extern const std::string_view kData_<name>`, so the
# library carries its lexicons and place table without reading files at run time.
set(SITREP_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_one.cmake)

function(sitrep_embed_data out_var)
  set(sources)
  foreach(rel ${ARGN})
    get_filename_component(name ${rel} NAME_WE)
    set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded/${name}.cc)
    add_custom_command(
      OUTPUT ${out}
      COMMAND ${CMAKE_COMMAND} -DIN=${CMAKE_CURRENT_SOURCE_DIR}/${rel} -DOUT=${out} -DNAME=${name}
              -P ${SITREP_EMBED_SCRIPT}
      DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${rel} ${SITREP_EMBED_SCRIPT}
      COMMENT "Embedding ${rel}")
    list(APPEND sources ${out})
  endforeach()
  set(${out_var} ${sources} PARENT_SCOPE)
endfunction()
