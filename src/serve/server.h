// The server's API is public: sitrep/serve.h (the command line uses it).
#ifndef SITREP_SERVE_SERVER_H_
#define SITREP_SERVE_SERVER_H_

#include "sitrep/serve.h"

#endif  // SITREP_SERVE_SERVER_H_
