#pragma once

#include <QString>

#include <stdexcept>

// Thrown inside the writer thread when a statement fails; aborts (rolls back) the
// transaction it happened in. Never crosses the store's public API: the writer turns it
// into an error result on each affected future.
class StoreError : public std::runtime_error
{
public:
    explicit StoreError(const QString &message)
        : std::runtime_error(message.toStdString()), m_message(message)
    {
    }

    QString message() const { return m_message; }

private:
    QString m_message;
};
