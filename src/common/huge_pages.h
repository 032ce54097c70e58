// Transparent huge pages (2 MB) for data read at random: the gazetteer's bytes and the CLI's
// heap. PERF: on this machine's VM a TLB miss costs a two-level page walk, and the resolver's
// and the matchers' lookups land all over tens of megabytes (docs/performance.md, session 10).
//
// EVIDENT_HUGE_PAGES=0 in the environment turns it off: files are then mapped as they are,
// shared between processes through the page cache (several evident processes on one machine
// each hold a private 17 MB copy of the gazetteer otherwise).
#pragma once

#include <cstddef>

namespace evident {

// False when EVIDENT_HUGE_PAGES is "0" (read once per process).
bool HugePagesWanted();

// The bytes of a file read into anonymous memory the kernel is asked to back with huge pages.
// Returns false (nothing to release) if the memory cannot be had or the file not read whole.
struct HugePageCopy {
  void* mapping = nullptr;  // to munmap with mapping_size
  size_t mapping_size = 0;
  const char* data = nullptr;  // the file's first byte, 2 MB aligned
  size_t size = 0;
};
bool ReadIntoHugePages(int fd, size_t size, HugePageCopy* out);
// Releases what ReadIntoHugePages took.
void ReleaseHugePages(const HugePageCopy& copy);

}  // namespace evident
