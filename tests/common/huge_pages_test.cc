#include "common/huge_pages.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

namespace evident {
namespace {

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

// A file read into huge pages holds exactly the file's bytes, from a 2 MB boundary (a page's
// start), whatever its size: less than a page, a page and a byte.
TEST(HugePages, ReadsTheWholeFileExactly) {
  for (size_t size : {size_t{1}, size_t{4097}, (size_t{2} << 20) + 1}) {
    std::string bytes(size, '\0');
    for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 131 + 7) & 0xFF);
    std::string path = WriteTemp("evident_huge_pages_test.bin", bytes);
    int fd = open(path.c_str(), O_RDONLY);
    ASSERT_GE(fd, 0);
    HugePageCopy copy;
    ASSERT_TRUE(ReadIntoHugePages(fd, size, &copy)) << size;
    close(fd);
    EXPECT_EQ(copy.size, size);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(copy.data) % (uintptr_t{2} << 20), 0u);
    EXPECT_EQ(std::memcmp(copy.data, bytes.data(), size), 0) << size;
    ReleaseHugePages(copy);
    std::filesystem::remove(path);
  }
}

// A file shorter than the size asked for is no copy (the caller falls back to mapping it,
// whose checks report the truncation).
TEST(HugePages, AShorterFileIsNoCopy) {
  std::string path = WriteTemp("evident_huge_pages_short.bin", "twelve bytes");
  int fd = open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  HugePageCopy copy;
  EXPECT_FALSE(ReadIntoHugePages(fd, 100, &copy));
  EXPECT_EQ(copy.data, nullptr);
  close(fd);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace evident
