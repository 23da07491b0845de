#include "sitrep/status.h"

namespace sitrep {

std::string Status::ToString() const {
  const char* prefix = "";
  switch (code_) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      prefix = "invalid argument";
      break;
    case StatusCode::kNotFound:
      prefix = "not found";
      break;
    case StatusCode::kDataError:
      prefix = "bad input";
      break;
    case StatusCode::kIoError:
      prefix = "i/o error";
      break;
    case StatusCode::kInternal:
      prefix = "internal error";
      break;
  }
  return std::string(prefix) + ": " + message_;
}

}  // namespace sitrep
