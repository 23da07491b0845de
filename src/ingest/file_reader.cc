#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "sitrep/sitrep.h"

namespace sitrep {

namespace {

std::string Mib(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  return buf;
}

Status TooLarge(const std::string& what, uint64_t size, uint64_t max) {
  return Status::DataError(what + " is " + (size ? Mib(size) : "more than " + Mib(max)) +
                           ", larger than the limit of " + Mib(max) +
                           "; one report is rarely that large: split it, or raise --max-bytes");
}

}  // namespace

Result<std::string> ReadInput(const std::string& path, uint64_t max_bytes) {
  std::string data;
  if (path == "-") {
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) {
      data.append(buf, n);
      if (data.size() > max_bytes) return TooLarge("standard input", 0, max_bytes);
    }
    if (std::ferror(stdin)) return Status::IoError("cannot read standard input");
    return data;
  }
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::NotFound("no such file: " + path);
    return Status::IoError("cannot open " + path + ": " + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return Status::InvalidArgument(path + " is a directory; give one file");
  if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > max_bytes) {
    return TooLarge(path, static_cast<uint64_t>(st.st_size), max_bytes);
  }
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IoError("cannot open " + path + ": " + std::strerror(errno));
  if (S_ISREG(st.st_mode)) data.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    data.append(buf, n);
    if (data.size() > max_bytes) {
      std::fclose(f);
      return TooLarge(path, 0, max_bytes);
    }
  }
  bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) return Status::IoError("cannot read " + path);
  return data;
}

}  // namespace sitrep
