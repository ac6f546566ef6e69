// Result<T>: a value or an Error a person can act on. Fallible core and sync calls return it
// instead of throwing across layer boundaries (see STYLE.md, rule 6).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace orlive {

struct Error {
    std::string message;
};

// E is Error unless a boundary needs a typed failure (HttpClient's TransportFailure); it must
// carry a `message`.
template <typename T, typename E = Error>
class [[nodiscard]] Result {
public:
    Result(T value) : data_(std::move(value)) {}
    Result(E error) : data_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(data_); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(data_); }
    const T& value() const& { return std::get<T>(data_); }
    T&& value() && { return std::get<T>(std::move(data_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const E& error() const { return std::get<E>(data_); }

private:
    std::variant<T, E> data_;
};

// For calls that return nothing on success.
struct Ok {};
using Status = Result<Ok>;

inline Error make_error(std::string message) { return Error{std::move(message)}; }

}  // namespace orlive
