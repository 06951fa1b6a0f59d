#pragma once

#include <QString>

#include <optional>
#include <utility>

// What a read of one thing (a call, an agent's settings, a logged request) came to: the
// thing, nothing because it does not exist, or nothing because the store could not be
// read (error() says why). Keeps "not found" and "failed" apart, so that a broken
// database is never answered as a missing call.
//
// Reads like a std::optional where a failure may count as absence (a best-effort
// display, a test): `if (call)`, `*call`, `call->id`, `value_or()`, and it converts to
// std::optional<T>. Code that answers a client checks isFailed() first.
template <typename T>
class StoreLookup
{
public:
    StoreLookup() = default;   // not found
    static StoreLookup found(T value) { return StoreLookup(std::move(value), {}); }
    static StoreLookup notFound() { return StoreLookup(std::nullopt, {}); }
    // The error is what tells a failure from absence, so it is never empty.
    static StoreLookup failed(const QString &error)
    {
        return StoreLookup(std::nullopt, error.isEmpty() ? QStringLiteral("unknown store error") : error);
    }

    bool isFound() const { return m_value.has_value(); }
    bool isNotFound() const { return !m_value && m_error.isEmpty(); }
    bool isFailed() const { return !m_error.isEmpty(); }
    // Why the read failed; empty when it did not.
    const QString &error() const { return m_error; }

    bool has_value() const { return m_value.has_value(); }
    explicit operator bool() const { return m_value.has_value(); }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return &*m_value; }
    T value_or(T fallback) const { return m_value.value_or(std::move(fallback)); }
    operator std::optional<T>() const { return m_value; }

private:
    StoreLookup(std::optional<T> value, QString error)
        : m_value(std::move(value)), m_error(std::move(error))
    {
    }

    std::optional<T> m_value;
    QString m_error;
};
