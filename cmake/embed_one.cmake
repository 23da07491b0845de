# Run with -DIN=file -DOUT=file.cc -DNAME=ident (see embed_data.cmake).
file(READ ${IN} content HEX)
string(LENGTH "${content}" hex_len)
math(EXPR byte_count "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
file(WRITE ${OUT} "// Generated from ${IN}; do not edit.\n#include <string_view>\nnamespace sitrep::data {\nstatic const char kBytes[] = {${bytes} 0};\nextern const std::string_view kData_${NAME}(kBytes, ${byte_count});\n}  // namespace sitrep::data\n")
