#include "listenerpanel.h"

#include "item/requestlogmodel.h"
#include "listener/listener.h"
#include "listener/requestlogger.h"
#include "listener/requestreplayer.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "store/threadreader.h"
#include "store/whenfinished.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace {

QPlainTextEdit *makeText(QWidget *parent, const QString &placeholder)
{
    auto *text = new QPlainTextEdit(parent);
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setPlaceholderText(placeholder);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    return text;
}

QString prettyBody(const QByteArray &bytes)
{
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (!document.isNull())
        return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    QString text = QString::fromUtf8(bytes);
    // Binary parts (multipart audio) shown as a placeholder, not as noise.
    if (text.toUtf8() != bytes)
        text = QString::fromLatin1(bytes.left(4096)).replace(QRegularExpression(QStringLiteral("[^\\x09\\x0a\\x0d\\x20-\\x7e]+")),
                                                             QStringLiteral("\u2026"));
    return text;
}

struct Detail
{
    QString body;
    QString call;
};

} // namespace

ListenerPanel::ListenerPanel(Listener *listener, QWidget *parent)
    : QWidget(parent), m_listener(listener), m_model(new RequestLogModel(listener->store(), this)),
      m_replayer(new RequestReplayer(listener, this))
{
    auto *layout = new QVBoxLayout(this);

    auto *controls = new QHBoxLayout;
    m_startStop = new QPushButton(tr("Start listener"), this);
    m_address = new QLineEdit(QStringLiteral("127.0.0.1:8787"), this);
    m_address->setToolTip(tr("Address and port to listen on (loopback by default)."));
    m_address->setMaximumWidth(180);
    m_url = new QLabel(tr("Stopped"), this);
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse);
    controls->addWidget(m_startStop);
    controls->addWidget(m_address);
    controls->addWidget(m_url, 1);
    controls->addWidget(new QLabel(tr("API key:"), this));
    m_key = new QLineEdit(this);
    m_key->setReadOnly(true);
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setMinimumWidth(200);
    m_showKey = new QPushButton(tr("Show"), this);
    m_showKey->setCheckable(true);
    m_copyKey = new QPushButton(tr("Copy"), this);
    controls->addWidget(m_key);
    controls->addWidget(m_showKey);
    controls->addWidget(m_copyKey);
    layout->addLayout(controls);

    auto *curlRow = new QHBoxLayout;
    m_curl = makeText(this, {});
    m_curl->setMaximumHeight(70);
    m_copyCurl = new QPushButton(tr("Copy curl"), this);
    curlRow->addWidget(m_curl, 1);
    curlRow->addWidget(m_copyCurl, 0, Qt::AlignTop);
    layout->addLayout(curlRow);

    // Side by side: the dock is wide and short, and stacked the list showed three rows.
    auto *split = new QSplitter(Qt::Horizontal, this);
    m_table = new QTableView(split);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    // Columns sized for their widest usual value, so that Status and Latency stay in
    // view; the path takes what is left.
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto fit = [&](int column, const QString &sample) {
        m_table->setColumnWidth(column, metrics.horizontalAdvance(sample) + 16);
    };
    fit(RequestLogModel::TimeColumn, QStringLiteral("00:00:00.000"));
    fit(RequestLogModel::ClientColumn, QStringLiteral("127.0.0.1"));
    fit(RequestLogModel::MethodColumn, QStringLiteral("DELETE"));
    fit(RequestLogModel::StatusColumn, QStringLiteral("Status"));
    fit(RequestLogModel::LatencyColumn, QStringLiteral("000.0 ms"));
    fit(RequestLogModel::SizeColumn, QStringLiteral("000.0 KB"));
    m_table->horizontalHeader()->setSectionResizeMode(RequestLogModel::PathColumn, QHeaderView::Stretch);
    m_table->setAlternatingRowColors(true);

    auto *detail = new QWidget(split);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    m_headers = makeText(detail, tr("Headers of the selected request"));
    m_headers->setMaximumHeight(120);
    auto *bodies = new QSplitter(Qt::Horizontal, detail);
    m_body = makeText(bodies, tr("Raw body"));
    m_call = makeText(bodies, tr("The call it stored, and its validation errors"));
    detailLayout->addWidget(m_headers);
    detailLayout->addWidget(bodies, 1);
    split->addWidget(m_table);
    split->addWidget(detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    auto *actions = new QHBoxLayout;
    m_replay = new QPushButton(tr("Replay"), this);
    m_editReplay = new QPushButton(tr("Edit and replay\u2026"), this);
    m_clear = new QPushButton(tr("Clear log"), this);
    m_export = new QPushButton(tr("Export JSONL\u2026"), this);
    m_status = new QLabel(this);
    actions->addWidget(m_replay);
    actions->addWidget(m_editReplay);
    actions->addWidget(m_status, 1);
    actions->addWidget(m_clear);
    actions->addWidget(m_export);
    layout->addLayout(actions);

    connect(m_startStop, &QPushButton::clicked, this, &ListenerPanel::toggleListener);
    connect(m_showKey, &QPushButton::toggled, this, [this](bool shown) {
        m_key->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_copyKey, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(apiKey()); });
    connect(m_copyCurl, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(curlExample()); });
    connect(m_listener, &Listener::started, this, &ListenerPanel::updateState);
    connect(m_listener, &Listener::stopped, this, &ListenerPanel::updateState);
    connect(m_listener, &Listener::requestLogged, m_model, &RequestLogModel::append);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ListenerPanel::showSelected);
    connect(m_replay, &QPushButton::clicked, this, [this] { replay(false); });
    connect(m_editReplay, &QPushButton::clicked, this, [this] { replay(true); });
    connect(m_clear, &QPushButton::clicked, m_model, &RequestLogModel::clearLog);
    connect(m_export, &QPushButton::clicked, this, &ListenerPanel::exportLog);
    connect(m_replayer, &RequestReplayer::finished, this,
            [this](qint64, int status, const QString &error) { showReplayed(status, error); });

    // The app reads the key before it starts the listener; only a listener started
    // without one (it failed to start, or a test) makes the panel read the key file.
    const QString key = m_listener->config().apiKey;
    m_key->setText(key.isEmpty() ? Listener::loadOrCreateApiKey(m_listener->store()->databasePath()) : key);
    m_model->reload();
    updateState();
}

ListenerPanel::~ListenerPanel() = default;

void ListenerPanel::setListenAddress(const QString &address)
{
    m_address->setText(address);
}

void ListenerPanel::setApiKey(const QString &key)
{
    m_key->setText(key);
    m_curl->setPlainText(curlExample());
}

QString ListenerPanel::apiKey() const
{
    return m_listener->isRunning() ? m_listener->config().apiKey : m_key->text();
}

void ListenerPanel::toggleListener()
{
    if (m_listener->isRunning()) {
        m_startStop->setEnabled(false);
        m_status->setText(tr("Stopping: requests in flight finish first\u2026"));
        m_listener->stop();
        return;
    }
    // The limits the listener was first started with (the app's settings) stay.
    ListenerConfig config = m_listener->config();
    QString error;
    if (!config.setListen(m_address->text(), &error)) {
        m_status->setText(tr("Address: %1").arg(error));
        return;
    }
    config.apiKey = m_key->text();
    if (!m_listener->start(config, &error))
        m_status->setText(error);
    updateState();
}

void ListenerPanel::updateState()
{
    const bool running = m_listener->isRunning();
    m_startStop->setEnabled(true);
    m_startStop->setText(running ? tr("Stop listener") : tr("Start listener"));
    m_address->setEnabled(!running);
    m_url->setText(running ? m_listener->baseUrl() : tr("Stopped"));
    if (running)
        m_status->clear();
    m_curl->setPlainText(curlExample());
    m_replay->setEnabled(running);
    m_editReplay->setEnabled(running);
}

QString ListenerPanel::curlExample() const
{
    const QString base = m_listener->isRunning() ? m_listener->baseUrl() : QStringLiteral("http://") + m_address->text();
    // The key itself is left out of the visible example; "Copy curl" puts it in.
    return QStringLiteral(
               "curl -X POST %1/observability/v1/observe/ -H 'X-CEKURA-API-KEY: %2' -H 'Content-Type: application/json' \\\n"
               "  -d '{\"call_id\":\"demo-1\",\"agent\":1,\"transcript_json\":[{\"role\":\"Main Agent\",\"content\":\"Hello!\","
               "\"start_time\":0,\"end_time\":1.5}]}'")
        .arg(base, QStringLiteral("$CALLSCOPE_API_KEY"))
        .replace(QStringLiteral("$CALLSCOPE_API_KEY"), isVisible() && m_key->echoMode() == QLineEdit::Normal ? apiKey()
                                                                                                          : QStringLiteral("$CALLSCOPE_API_KEY"));
}

void ListenerPanel::showSelected()
{
    const int row = m_table->currentIndex().row();
    const RequestLogEntry entry = m_model->entry(row);
    QString headers = QStringLiteral("%1 %2\n").arg(entry.method, entry.path);
    for (auto it = entry.headers.begin(); it != entry.headers.end(); ++it)
        headers += it.key() + QStringLiteral(": ") + it.value().toString() + QLatin1Char('\n');
    m_headers->setPlainText(row < 0 ? QString() : headers);
    const quint64 generation = ++m_selectionGeneration;
    const QString databasePath = m_listener->store()->databasePath();
    const QString note = m_model->note(row);
    // Body file and call are read off the GUI thread.
    const auto read = QtConcurrent::run([entry, databasePath, note] {
        Detail detail;
        detail.body = prettyBody(RequestLogger::readBody(entry.bodyPath, 4 * 1024 * 1024));
        QString call;
        if (!note.isEmpty())
            call += note + QStringLiteral("\n\n");
        if (!entry.errors.isEmpty())
            call += ListenerPanel::tr("Validation errors:\n") + QString::fromUtf8(QJsonDocument(entry.errors).toJson()) + QLatin1Char('\n');
        if (entry.callDbId > 0) {
            const StoreLookup<CallLog> stored = ThreadReader::forDatabase(databasePath).callById(entry.callDbId);
            if (stored)
                call += ListenerPanel::tr("Stored call %1 (as it is now):\n").arg(entry.callDbId)
                        + QString::fromUtf8(QJsonDocument(stored->toDetailJson()).toJson());
            else if (stored.isFailed())
                call += ListenerPanel::tr("Call %1 could not be read: %2").arg(entry.callDbId).arg(stored.error());
            else
                call += ListenerPanel::tr("Call %1 no longer exists.").arg(entry.callDbId);
        }
        detail.call = call;
        return detail;
    });
    whenFinished(read, this, [this, generation](const QFuture<Detail> &done) {
        if (generation != m_selectionGeneration)
            return;
        const Detail detail = done.result();
        m_body->setPlainText(detail.body);
        m_call->setPlainText(detail.call);
    });
}

void ListenerPanel::replay(bool edit)
{
    const int row = m_table->currentIndex().row();
    if (row < 0 || !m_listener->isRunning())
        return;
    const RequestLogEntry entry = m_model->entry(row);
    if (const QString why = RequestReplayer::notReplayable(entry); !why.isEmpty()) {
        m_status->setText(why);
        return;
    }
    if (!edit) {
        m_status->setText(tr("Replaying %1 %2\u2026").arg(entry.method, entry.path));
        m_replayer->replay(entry);
        return;
    }
    // The body to edit is read off the GUI thread.
    const auto read = QtConcurrent::run([bodyPath = entry.bodyPath] { return RequestLogger::readBody(bodyPath); });
    whenFinished(read, this, [this, entry](const QFuture<QByteArray> &done) {
        const std::optional<QByteArray> body = editBody(entry, done.result());
        if (!body)
            return;
        m_status->setText(tr("Replaying %1 %2\u2026").arg(entry.method, entry.path));
        m_replayer->replay(entry, *body);
    });
}

std::optional<QByteArray> ListenerPanel::editBody(const RequestLogEntry &entry, const QByteArray &body)
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Edit and replay %1 %2").arg(entry.method, entry.path));
    auto *layout = new QVBoxLayout(&dialog);
    auto *text = new QPlainTextEdit(&dialog);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const QJsonDocument document = QJsonDocument::fromJson(body);
    text->setPlainText(document.isNull() ? QString::fromUtf8(body) : QString::fromUtf8(document.toJson()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Send"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog.resize(700, 600);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return text->toPlainText().toUtf8();
}

void ListenerPanel::showReplayed(int status, const QString &error)
{
    m_status->setText(status > 0 ? tr("Replayed: %1").arg(status) : tr("Replay failed: %1").arg(error));
}

void ListenerPanel::exportLog()
{
    const QString fileName = QFileDialog::getSaveFileName(this, tr("Export request log"), QStringLiteral("requests.jsonl"),
                                                          tr("JSON Lines (*.jsonl)"));
    if (fileName.isEmpty())
        return;
    const QString databasePath = m_listener->store()->databasePath();
    m_status->setText(tr("Exporting\u2026"));
    const auto exported = QtConcurrent::run([databasePath, fileName] {
        QString error;
        return RequestLogModel::exportJsonl(databasePath, fileName, &error) ? QString() : error;
    });
    whenFinished(exported, this, [this, fileName](const QFuture<QString> &done) {
        const QString error = done.result();
        m_status->setText(error.isEmpty() ? tr("Exported to %1").arg(fileName) : tr("Export failed: %1").arg(error));
    });
}
