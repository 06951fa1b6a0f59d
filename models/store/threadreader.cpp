#include "threadreader.h"

#include "callreader.h"

#include <QHash>
#include <QThreadStorage>

#include <memory>

namespace ThreadReader {

CallReader &forDatabase(const QString &databasePath)
{
    using Readers = QHash<QString, std::shared_ptr<CallReader>>;
    static QThreadStorage<Readers> readers;
    Readers &mine = readers.localData();
    std::shared_ptr<CallReader> &reader = mine[databasePath];
    if (!reader)
        reader = std::make_shared<CallReader>(databasePath);
    return *reader;
}

} // namespace ThreadReader
