#include "common/huge_pages.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace evident {

bool HugePagesWanted() {
  static const bool wanted = [] {
    const char* env = std::getenv("EVIDENT_HUGE_PAGES");
    return env != nullptr && std::string_view(env) == "1";
  }();
  return wanted;
}

bool ReadIntoHugePages(int fd, size_t size, HugePageCopy* out) {
  constexpr size_t kHuge = size_t{2} << 20;
  // One huge page more than the file needs, to align the start.
  const size_t reserve = (size + kHuge - 1) / kHuge * kHuge + kHuge;
  void* m = mmap(nullptr, reserve, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) return false;
  char* aligned = reinterpret_cast<char*>((reinterpret_cast<uintptr_t>(m) + kHuge - 1) & ~(kHuge - 1));
#ifdef MADV_HUGEPAGE
  madvise(aligned, size, MADV_HUGEPAGE);  // advice: without it, 4 KB pages
#endif
  size_t done = 0;
  while (done < size) {
    ssize_t n = pread(fd, aligned + done, size - done, static_cast<off_t>(done));
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  if (done != size) {
    munmap(m, reserve);
    return false;
  }
  *out = HugePageCopy{m, reserve, aligned, size};
  return true;
}

void ReleaseHugePages(const HugePageCopy& copy) {
  if (copy.mapping != nullptr) munmap(copy.mapping, copy.mapping_size);
}

}  // namespace evident
