// Transparent huge pages (2 MB) for data read at random, on request: EVIDENT_HUGE_PAGES=1 in
// the environment reads the gazetteer into them and lets the CLI's heap ask for them (the
// resolver's and the matchers' lookups land all over tens of megabytes). Off by default: on the
// development machine (a VM) they made coding 2-4% faster while other jobs ran, but not on an
// idle machine, where zeroing the pages made the times vary more (docs/performance.md, session
// 10); and each process then holds a private 17 MB copy of the gazetteer instead of sharing
// the mapped file through the page cache.
#pragma once

#include <cstddef>

namespace evident {

// True when EVIDENT_HUGE_PAGES is "1" (read once per process).
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
