#include "requestlogmodel.h"

#include "listener/requestlogger.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "store/threadreader.h"
#include "store/whenfinished.h"

#include <QColor>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <QPointer>
#include <QSaveFile>
#include <QThreadPool>
#include <QtConcurrent>

RequestLogModel::RequestLogModel(CallStore *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
{
    qRegisterMetaType<RequestLogEntry>("RequestLogEntry");
}

RequestLogModel::~RequestLogModel() = default;

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RequestLogModel::statusClass(int status)
{
    if (status >= 200 && status < 400)
        return QStringLiteral("success");
    if (status >= 400 && status < 500)
        return QStringLiteral("client-error");
    if (status >= 500)
        return QStringLiteral("server-error");
    return QStringLiteral("none");
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RequestLogEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return entry.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case ClientColumn: return entry.clientAddress;
        case MethodColumn: return entry.method;
        case PathColumn: return entry.path;
        case StatusColumn: return entry.status > 0 ? QVariant(entry.status) : QVariant(QStringLiteral("-"));
        case LatencyColumn: return QStringLiteral("%1 ms").arg(entry.latencyMs, 0, 'f', 1);
        case SizeColumn: return QLocale().formattedDataSize(entry.requestSize, 1, QLocale::DataSizeTraditionalFormat);
        default: return {};
        }
    case Qt::ForegroundRole:
        if (index.column() != StatusColumn)
            return {};
        if (entry.status >= 500)
            return QColor(0xc6, 0x28, 0x28);
        if (entry.status >= 400)
            return QColor(0xb2, 0x6a, 0x00);
        if (entry.status >= 200)
            return QColor(0x2e, 0x7d, 0x32);
        return QColor(Qt::gray);
    case Qt::TextAlignmentRole:
        if (index.column() == LatencyColumn || index.column() == SizeColumn || index.column() == StatusColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole: {
        const QString note = m_notes.value(index.row());
        return note.isEmpty() ? entry.time.toString(Qt::ISODateWithMs) : note;
    }
    case EntryIdRole: return entry.id;
    case StatusRole: return entry.status;
    case StatusClassRole: return statusClass(entry.status);
    case CallIdRole: return entry.callDbId;
    case NoteRole: return m_notes.value(index.row());
    default: return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case ClientColumn: return tr("Client");
    case MethodColumn: return tr("Method");
    case PathColumn: return tr("Path");
    case StatusColumn: return tr("Status");
    case LatencyColumn: return tr("Latency");
    case SizeColumn: return tr("Size");
    default: return {};
    }
}

void RequestLogModel::setMaxRows(int rows)
{
    m_maxRows = std::max(1, rows);
    if (m_entries.size() > m_maxRows) {
        beginRemoveRows({}, m_maxRows, int(m_entries.size()) - 1);
        m_entries.resize(m_maxRows);
        m_notes.resize(m_maxRows);
        endRemoveRows();
    }
}

void RequestLogModel::reload()
{
    const quint64 generation = ++m_generation;
    const QString path = m_store->databasePath();
    const int limit = m_maxRows;
    const auto read = QtConcurrent::run([path, limit] { return ThreadReader::forDatabase(path).requests(limit); });
    whenFinished(read, this, [this, generation](const QFuture<QList<RequestLogEntry>> &done) {
        if (generation != m_generation)
            return;     // a newer reload or a clear came in between
        const QList<RequestLogEntry> entries = done.result();
        beginResetModel();
        m_entries = entries;
        m_notes = QList<QString>(entries.size());
        endResetModel();
        emit loaded();
    });
}

void RequestLogModel::append(const RequestLogEntry &entry, const QString &note)
{
    // Entries are logged when their request finished, so a slow request may arrive
    // after a faster, later one; keep the list ordered by id (newest first).
    int row = 0;
    while (row < m_entries.size() && entry.id > 0 && m_entries.at(row).id > entry.id)
        ++row;
    for (const RequestLogEntry &existing : std::as_const(m_entries)) {
        if (entry.id > 0 && existing.id == entry.id)
            return;     // already loaded by reload()
    }
    beginInsertRows({}, row, row);
    m_entries.insert(row, entry);
    m_notes.insert(row, note);
    endInsertRows();
    if (m_entries.size() > m_maxRows) {
        beginRemoveRows({}, m_maxRows, int(m_entries.size()) - 1);
        m_entries.resize(m_maxRows);
        m_notes.resize(m_maxRows);
        endRemoveRows();
    }
}

void RequestLogModel::clearLog()
{
    ++m_generation;
    QPointer<RequestLogModel> self(this);
    const QString databasePath = m_store->databasePath();
    // Watched from the store, which outlives this model, so that the files go even if
    // the model does first.
    whenFinished(m_store->clearRequestLog(), m_store, [this, self, databasePath](const QFuture<int> &) {
        // Segments are up to 256 MiB each: delete them off the GUI thread.
        QThreadPool::globalInstance()->start([databasePath] { RequestLogger::removeBodySegments(databasePath); });
        if (!self)
            return;
        beginResetModel();
        m_entries.clear();
        m_notes.clear();
        endResetModel();
    });
}

QJsonObject RequestLogModel::toJson(const RequestLogEntry &entry)
{
    QJsonObject object{
        {QStringLiteral("id"), entry.id},
        {QStringLiteral("time"), entry.time.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("client"), entry.clientAddress},
        {QStringLiteral("method"), entry.method},
        {QStringLiteral("path"), entry.path},
        {QStringLiteral("status"), entry.status},
        {QStringLiteral("latency_ms"), entry.latencyMs},
        {QStringLiteral("size"), entry.requestSize},
        {QStringLiteral("headers"), entry.headers},
    };
    if (!entry.errors.isEmpty())
        object.insert(QStringLiteral("errors"), entry.errors);
    if (entry.callDbId > 0)
        object.insert(QStringLiteral("call"), entry.callDbId);
    return object;
}

bool RequestLogModel::exportJsonl(const QString &databasePath, const QString &fileName, QString *error)
{
    CallReader reader(databasePath);
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    // requests() pages newest first; collect ids page by page, then write oldest first.
    QList<RequestLogEntry> all;
    qint64 before = 0;
    for (;;) {
        const QList<RequestLogEntry> page = reader.requests(1000, before);
        all += page;
        if (page.size() < 1000)
            break;
        before = page.last().id;
    }
    if (reader.failureCount() > 0) {
        if (error)
            *error = tr("The request log could not be read: %1").arg(reader.lastError());
        return false;   // the QSaveFile is discarded: no partial export
    }
    for (auto it = all.crbegin(); it != all.crend(); ++it) {
        QJsonObject object = toJson(*it);
        const QByteArray bytes = RequestLogger::readBody(it->bodyPath);
        if (!bytes.isEmpty()) {
            const QString text = QString::fromUtf8(bytes);
            if (text.toUtf8() == bytes)
                object.insert(QStringLiteral("body"), text);
            else
                object.insert(QStringLiteral("body_base64"), QString::fromLatin1(bytes.toBase64()));
        }
        file.write(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
    }
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}
