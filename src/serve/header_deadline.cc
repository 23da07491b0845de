#include "serve/header_deadline.h"

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <system_error>
#include <vector>

namespace sitrep {
namespace {

// The peer of a server connection on `port` as "address port" (the address
// written as cpp-httplib writes Request::remote_addr), or "" when `fd` is
// not a connected socket whose local port is `port`.
std::string ServerPeer(int fd, int port) {
  sockaddr_storage local{}, peer{};
  socklen_t local_len = sizeof local, peer_len = sizeof peer;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) != 0) return "";
  int local_port = -1;
  if (local.ss_family == AF_INET) {
    local_port = ntohs(reinterpret_cast<const sockaddr_in*>(&local)->sin_port);
  } else if (local.ss_family == AF_INET6) {
    local_port = ntohs(reinterpret_cast<const sockaddr_in6*>(&local)->sin6_port);
  }
  if (local_port != port) return "";
  // The listening socket has the same port, and no peer.
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0) return "";
  char host[NI_MAXHOST], service[NI_MAXSERV];
  if (getnameinfo(reinterpret_cast<const sockaddr*>(&peer), peer_len, host, sizeof host, service, sizeof service,
                  NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
    return "";
  }
  return std::string(host) + " " + service;
}

std::string PeerKey(const std::string& remote_addr, int remote_port) {
  return remote_addr + " " + std::to_string(remote_port);
}

}  // namespace

void HeaderDeadline::Start(int port, std::chrono::milliseconds deadline, int per_address,
                           std::chrono::milliseconds period) {
  Stop();
  if (deadline.count() <= 0 || port <= 0) return;
  std::lock_guard<std::mutex> lock(mu_);
  port_ = port;
  deadline_ = deadline;
  per_address_ = per_address;
  period_ = period;
  stopping_ = false;
  connections_.clear();
  watcher_ = std::thread([this] { Watch(); });
}

void HeaderDeadline::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (watcher_.joinable()) watcher_.join();
}

void HeaderDeadline::HeadRead(const std::string& remote_addr, int remote_port) {
  std::lock_guard<std::mutex> lock(mu_);
  if (watcher_.get_id() == std::thread::id()) return;
  connections_[PeerKey(remote_addr, remote_port)].in_request = true;
}

void HeaderDeadline::ResponseSent(const std::string& remote_addr, int remote_port) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = connections_.find(PeerKey(remote_addr, remote_port));
  if (it == connections_.end()) return;
  it->second.in_request = false;
  it->second.waiting_since = Clock::now();
}

void HeaderDeadline::Watch() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    wake_.wait_for(lock, period_, [this] { return stopping_; });
    if (stopping_) break;
    Scan(Clock::now());
  }
}

// Called with mu_ held. A scan is a directory listing and two system calls
// per open descriptor, every period: nothing next to serving a request.
void HeaderDeadline::Scan(Clock::time_point now) {
  for (auto& [key, c] : connections_) c.seen = false;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
    const int fd = std::atoi(entry.path().filename().c_str());
    const std::string peer = ServerPeer(fd, port_);
    if (peer.empty()) continue;
    Connection& c = connections_[peer];
    if (c.fd != fd) {
      // New (or told of by HeadRead before this scan found it).
      c.fd = fd;
      if (!c.in_request) c.waiting_since = now;
    }
    c.seen = true;
  }
  // Past the deadline, or among too many slow ones of one address.
  using Iterator = std::map<std::string, Connection>::iterator;
  std::map<std::string, std::vector<Iterator>> slow_by_address;
  std::vector<Iterator> late;
  for (auto it = connections_.begin(); it != connections_.end(); ++it) {
    const Connection& c = it->second;
    if (!c.seen || c.in_request) continue;
    const auto waited = now - c.waiting_since;
    if (waited > deadline_) {
      late.push_back(it);
    } else if (waited > std::chrono::seconds(1)) {
      slow_by_address[it->first.substr(0, it->first.rfind(' '))].push_back(it);
    }
  }
  for (auto& [address, slow] : slow_by_address) {
    if (static_cast<int>(slow.size()) <= per_address_) continue;
    std::sort(slow.begin(), slow.end(),
              [](Iterator a, Iterator b) { return a->second.waiting_since < b->second.waiting_since; });
    late.insert(late.end(), slow.begin(), slow.end() - per_address_);
  }
  for (Iterator it : late) Close(it);
  for (auto it = connections_.begin(); it != connections_.end();) {
    it = it->second.seen ? std::next(it) : connections_.erase(it);
  }
}

// Called with mu_ held. The socket is checked again just before: its worker
// may have closed it and its number been given to another connection since
// the listing. Closing is the worker's: shutting the socket down ends its
// read at once.
void HeaderDeadline::Close(std::map<std::string, Connection>::iterator it) {
  if (ServerPeer(it->second.fd, port_) != it->first) return;
  shutdown(it->second.fd, SHUT_RDWR);
  it->second.seen = false;  // forgotten; found again as new if still open
}

}  // namespace sitrep
