#include "transcriptionqueue.h"

#include "calltranscription.h"

#include "audio/recordinglocator.h"
#include "metrics/evaluationqueue.h"
#include "redact/redactor.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "store/threadreader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QThread>

namespace {

// How often a transcription's progress is written: every 5 %, and at most once a second.
constexpr double ReportedStep = 0.05;
constexpr qint64 ReportedIntervalMs = 1000;

} // namespace

TranscriptionQueue::TranscriptionQueue(CallStore *store, TranscriberFactory factory, Urgency urgency, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_thread(new QThread)
    , m_worker(new QObject)
    , m_factory(std::move(factory))
{
    m_thread->setObjectName(QStringLiteral("transcription"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // A download finished, a call was queued again, a new one stored: look again.
    connect(store, &CallStore::callsChanged, m_worker, [this] { wake(); }, Qt::DirectConnection);
    // Transcribing is the heaviest work here: in the background it takes the CPU only when
    // nothing else wants it (SCHED_IDLE), which under a steady load can be never: a user
    // waiting on `callscope transcribe` gets a normal share.
    m_thread->start(urgency == Urgency::Background ? QThread::IdlePriority : QThread::NormalPriority);
}

TranscriptionQueue::~TranscriptionQueue()
{
    m_stopping = true;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void TranscriptionQueue::setEvaluationQueue(EvaluationQueue *evaluation)
{
    m_evaluation = evaluation;
}

void TranscriptionQueue::setSettings(const TranscriptionSettings &settings)
{
    QMutexLocker locker(&m_mutex);
    m_factory = TranscriberFactory(settings);
}

void TranscriptionQueue::start()
{
    {
        QMutexLocker locker(&m_mutex);
        m_started = true;
    }
    wake();
}

QFuture<QList<qint64>> TranscriptionQueue::transcribeAgain(const QList<qint64> &callDbIds)
{
    return m_store->queueTranscription(callDbIds);   // its change wakes the queue
}

void TranscriptionQueue::wake()
{
    QMutexLocker locker(&m_mutex);
    if (!m_started || m_stopping)
        return;
    if (m_working) {
        m_rescan = true;
        return;
    }
    m_working = true;
    m_idle = false;
    QMetaObject::invokeMethod(m_worker, [this] { work(); }, Qt::QueuedConnection);
}

bool TranscriptionQueue::isIdle() const
{
    QMutexLocker locker(&m_mutex);
    return m_idle;
}

bool TranscriptionQueue::waitForIdle(int timeoutMs)
{
    QMutexLocker locker(&m_mutex);
    const QDeadlineTimer deadline = timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(timeoutMs);
    while (!m_idle) {
        if (!m_idleChanged.wait(&m_mutex, deadline))
            return false;
    }
    return true;
}

void TranscriptionQueue::work()
{
    if (!m_requeued) {   // what a previous run was transcribing when it ended
        m_requeued = true;
        m_store->requeueInterruptedTranscriptions().waitForFinished();
    }
    for (;;) {
        {
            QMutexLocker locker(&m_mutex);
            m_rescan = false;
        }
        bool progressed = false;
        const QList<qint64> pending = ThreadReader::forDatabase(m_store->databasePath()).pendingTranscriptions();
        for (qint64 id : pending) {
            if (m_stopping)
                return;
            const Outcome outcome = transcribeCall(id);
            QMutexLocker locker(&m_mutex);
            if (outcome == Outcome::Waiting) {
                m_waiting.insert(id);
                continue;
            }
            m_waiting.remove(id);
            progressed = progressed || outcome != Outcome::Skipped;
        }
        QMutexLocker locker(&m_mutex);
        // Another round when the store changed meanwhile (a call queued, a download done)
        // or this one finished something; else the queue holds only what it waits for.
        if (!m_rescan && !progressed) {
            m_working = false;
            m_idle = true;
            m_idleChanged.wakeAll();
            return;
        }
    }
}

TranscriptionQueue::Outcome TranscriptionQueue::transcribeCall(qint64 callDbId)
{
    const StoreLookup<CallLog> call = ThreadReader::forDatabase(m_store->databasePath()).callById(callDbId);
    if (!call || !call->transcription || !call->transcription->isPending())
        return Outcome::Skipped;
    const RecordingLocator::Location location = RecordingLocator::locate(*call, m_store->recordingsDir());
    if (location.kind == RecordingLocator::Kind::Remote)
        return Outcome::Waiting;   // the RecordingFetcher's download comes first
    // Transcribing: another Callscope on this database has it (start() queued again what
    // this one's previous run left).
    if (call->transcription->status != TranscriptionStatus::Queued || !m_store->claimTranscription(callDbId).result())
        return Outcome::Skipped;
    if (location.kind == RecordingLocator::Kind::None) {
        m_store->failTranscription(callDbId, location.reason).waitForFinished();
        emit failed(callDbId, location.reason);
        return Outcome::Failed;
    }

    const QString agentKey = call->agentKey();
    const TranscriberFactory factory = [this] {
        QMutexLocker locker(&m_mutex);
        return m_factory;
    }();
    TranscriberFactory::Made made = factory.transcriberFor(agentKey);
    double reported = 0.0;
    QElapsedTimer sinceReport;
    sinceReport.start();
    const CallTranscription::Result result = CallTranscription::run(
        location.localPath, call->mainAgentChannelIndex, factory.settings().firstSpeakerFor(agentKey), *made.transcriber,
        [&](double done) {
            if (done - reported >= ReportedStep && sinceReport.elapsed() >= ReportedIntervalMs) {
                reported = done;
                sinceReport.restart();
                m_store->reportTranscription(callDbId, done);
                emit progress(callDbId, done);
            }
            return !m_stopping;
        });
    if (m_stopping)
        return Outcome::Stopped;   // left transcribing: the next start takes it up again
    if (result.failed()) {
        m_store->failTranscription(callDbId, result.error).waitForFinished();
        emit failed(callDbId, result.error);
        return Outcome::Failed;
    }
    // The sender's redact_fields hold for a transcript made here too: text and recording,
    // before either is kept.
    CallLog heard = *call;
    heard.turns = result.turns;
    heard.redactionCounts.clear();
    Redactor(Redactor::kindsOf(call->redactFields)).redact(heard);
    QString error;
    const QString recording = Redactor::redactRecording(heard.turns, location.localPath, &error);
    if (recording.isEmpty()) {
        const QString reason = tr("The recording could not be redacted: %1").arg(error);
        m_store->failTranscription(callDbId, reason).waitForFinished();
        emit failed(callDbId, reason);
        return Outcome::Failed;
    }
    if (recording != location.localPath && !call->recordingPath.isEmpty())
        m_store->setRecording(callDbId, QDir(m_store->recordingsDir()).relativeFilePath(recording), QString());
    if (!m_store->storeTranscript(callDbId, heard.turns, result.detectedChannel, heard.redactionCounts).result())
        return Outcome::Skipped;   // posted anew meanwhile: its new content is queued
    emit transcribed(callDbId);
    if (m_evaluation)
        m_evaluation->enqueueIds({callDbId});
    return Outcome::Transcribed;
}
