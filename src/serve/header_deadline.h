// A deadline for reading a whole request head. cpp-httplib (Debian's 0.11)
// times each read of a request, not the request: a client that sends its
// headers a byte every few seconds holds a worker thread for as long as it
// likes. HeaderDeadline watches the server's connections from the outside
// and shuts down the socket of any connection that has been waiting for a
// request head longer than the deadline, which ends the worker's read.
//
// A connection is waiting from the moment it is seen (accepted, perhaps
// still queued for a worker) until its request head is read, and again from
// the end of each response until the next request head (keep-alive). The
// server says when a head was read (HeadRead, from its pre-routing hook)
// and when a response was sent (ResponseSent, from its logger); the
// connections themselves are found every `period` among the process's
// sockets whose local port is the server's. Linux (it lists /proc/self/fd).
//
// It also bounds the slow connections of one address: of the connections
// from one address that have waited more than a second for their head, at
// most `per_address` are kept (the newest); older ones are closed at once.
// One machine opening a hundred slow connections cannot then take every
// worker until the deadline; a browser's few connections, which send their
// heads at once, never wait that long.
#ifndef SITREP_SERVE_HEADER_DEADLINE_H_
#define SITREP_SERVE_HEADER_DEADLINE_H_

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace sitrep {

class HeaderDeadline {
 public:
  using Clock = std::chrono::steady_clock;

  HeaderDeadline() = default;
  HeaderDeadline(const HeaderDeadline&) = delete;
  HeaderDeadline& operator=(const HeaderDeadline&) = delete;
  ~HeaderDeadline() { Stop(); }

  // Starts watching the connections accepted on `port` (the bound port).
  // A deadline of zero or less watches nothing.
  void Start(int port, std::chrono::milliseconds deadline, int per_address,
             std::chrono::milliseconds period = std::chrono::milliseconds(250));
  void Stop();

  // The peer as cpp-httplib reports it (Request::remote_addr, remote_port).
  void HeadRead(const std::string& remote_addr, int remote_port);
  void ResponseSent(const std::string& remote_addr, int remote_port);

 private:
  struct Connection {
    int fd = -1;
    Clock::time_point waiting_since;
    bool in_request = false;  // head read, response not yet sent
    bool seen = false;        // found by the current scan
  };
  void Watch();
  void Scan(Clock::time_point now);
  void Close(std::map<std::string, Connection>::iterator it);

  int port_ = 0;
  int per_address_ = 16;
  std::chrono::milliseconds deadline_{0}, period_{250};
  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::map<std::string, Connection> connections_;  // by peer "address port"
  std::thread watcher_;
};

}  // namespace sitrep

#endif  // SITREP_SERVE_HEADER_DEADLINE_H_
