// Status and Result<T>: how library code reports failure. Exceptions do not cross module
// boundaries; input faults carry where they happened (file, line, byte offset) in `where`.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "common/error_codes.h"

namespace evident {

class Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message, std::string where = {})
      : code_(code), message_(std::move(message)), where_(std::move(where)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // File, document id, "file:line" or "file:line:offset"; may be empty.
  const std::string& where() const { return where_; }
  // "where: message", or just the message.
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  std::string where_;
};

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

// Shortens a fragment of bad input for an error message (<= 40 bytes, valid UTF-8, escaped).
std::string Fragment(std::string_view text, size_t max_bytes = 40);

}  // namespace evident
