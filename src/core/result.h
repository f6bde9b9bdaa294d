// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Error and Result<T>: errors as values, used by every layer instead of bool + out-parameters.
// Thread: any (immutable values).
#pragma once

#include <optional>
#include <utility>
#include <variant>

#include <QMetaType>
#include <QString>

namespace kumo {

// Kumo's own error codes: the UI turns a code plus the detail into words a person can act on.
enum class ErrorCode
{
    None = 0,
    InvalidInput,     // a file or argument does not have the expected form
    NotFound,         // a file, node, instance or daemon does not exist
    Io,               // reading or writing a file failed
    ConnectionFailed, // the node's libvirtd could not be reached
    AuthFailed,       // credentials were refused or not available
    OperationFailed,  // libvirt refused or failed an operation
    Unsupported,      // the driver or node cannot do this
    Timeout,          // something did not happen in time
    Cancelled,        // the user or the program stopped it
    Insecure,         // refused: the path is not encrypted and the inventory does not allow it
    ReadOnly,         // refused: the console or the node is read-only
    Internal,         // a bug: should not happen
};

struct Error
{
    ErrorCode code = ErrorCode::None;
    QString object;  // what the error is about: a file, node name, instance name or URI
    QString message; // one sentence a person can act on (translated where shown)
    QString detail;  // the underlying library's text, untranslated (libvirt, toml++, errno)
    int line = 0;    // for errors in files: 1-based line, 0 when not known
    int column = 0;  // for errors in files: 1-based column, 0 when not known

    // "object: message (detail)" for logs and command-line output.
    [[nodiscard]] QString toString() const;
    bool operator==(const Error&) const = default;
};

template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    {}
    Result(Error error)
        : m_data(std::move(error))
    {}

    [[nodiscard]] bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const T& value() const& { return std::get<0>(m_data); }
    [[nodiscard]] T& value() & { return std::get<0>(m_data); }
    [[nodiscard]] T&& value() && { return std::get<0>(std::move(m_data)); }
    [[nodiscard]] const Error& error() const { return std::get<1>(m_data); }
    const T* operator->() const { return &value(); }
    const T& operator*() const { return value(); }

private:
    std::variant<T, Error> m_data;
};

// Result of an operation that returns nothing on success.
template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {}
    [[nodiscard]] bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace kumo

Q_DECLARE_METATYPE(kumo::Error)
