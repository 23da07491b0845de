// How the `sitrep` binary takes memory from the system (docs/performance.md,
// "Long documents and fresh memory"). A long document's per-token arrays are
// tens of megabytes, allocated fresh for each stage: with 4 KiB pages every
// first touch is a page fault (a 2 MB document made about 29,000 of them, a
// third of its time) and the arrays outrun the TLB. Two settings bound that:
// - blocks under kLarge come from the heap and stay there when freed (no
//   trimming below kKeep), so the next stage and the next document reuse
//   pages already mapped;
// - blocks of kLarge and more are mapped by malloc on their own, and the
//   program asks for transparent huge pages over them before touching them
//   (madvise; the kernel's default "madvise" mode grants them only on
//   request), so a fault maps 2 MiB instead of 4 KiB.
// Only the memory use changes, never the results.
#include <malloc.h>
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

#include "tools/sitrep/commands.h"

namespace {

constexpr size_t kHugePage = size_t{2} << 20;
constexpr size_t kLarge = size_t{4} << 20;  // malloc maps these on their own
constexpr size_t kKeep = size_t{256} << 20;  // free heap kept for reuse

// Asks for huge pages over the whole 2 MiB pages inside [p, p + n).
void AdviseHugePages(void* p, size_t n) {
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(p) + kHugePage - 1) & ~(kHugePage - 1);
  const uintptr_t end = (reinterpret_cast<uintptr_t>(p) + n) & ~(kHugePage - 1);
  // A refusal (no THP support, "never" mode) leaves ordinary pages.
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

void* Allocate(size_t n) {
  for (;;) {
    void* p = std::malloc(n == 0 ? 1 : n);
    if (p != nullptr) {
      if (n >= kLarge) AdviseHugePages(p, n);
      return p;
    }
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

}  // namespace

namespace sitrep::cli {

void TuneAllocator() {
  // Fixed thresholds (setting them turns off glibc's moving ones).
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(kLarge));
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(kKeep));
}

}  // namespace sitrep::cli

// The sanitizers bring their own allocator; leave theirs alone.
#if !defined(__SANITIZE_ADDRESS__)
void* operator new(size_t n) { return Allocate(n); }
void* operator new[](size_t n) { return Allocate(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
void operator delete[](void* p, size_t) noexcept { std::free(p); }
#endif
