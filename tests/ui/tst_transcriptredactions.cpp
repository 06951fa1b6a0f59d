#include "calllog/calllog.h"
#include "calllog/turn.h"
#include "callheader.h"
#include "item/transcriptmodel.h"
#include "transcriptdelegate.h"
#include "transcriptpane.h"

#include <QAbstractItemModelTester>
#include <QHelpEvent>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QTest>
#include <QToolTip>

// The call view shows what redaction removed: the model hands each speech turn's
// placeholders to the delegate, which paints them as chips (a fill the row does not have),
// names their kind in a tooltip, and still marks search words and the word being heard.
class TestTranscriptRedactions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void modelGivesTheSpeechTurnsSpans();
    void delegatePaintsAChipOverTheSpan();
    void tooltipNamesTheKind();
    void searchWordsAreStillMarked();
    void placeholdersAreNotSearchMatches();
    void headerShowsARedactedCustomerAsItsKind();

private:
    QListView *view() const { return m_pane->view(); }
    TranscriptDelegate *delegate() const { return qobject_cast<TranscriptDelegate *>(view()->itemDelegate()); }
    QList<std::pair<QRectF, RedactionKind>> chips(int row) const
    {
        const QModelIndex index = m_model->index(row, TranscriptModel::Text);
        return delegate()->redactionRects(view()->visualRect(index), view()->font(), index);
    }

    std::unique_ptr<TranscriptModel> m_model;
    std::unique_ptr<TranscriptPane> m_pane;
};

namespace {

const QString kCard = QStringLiteral("<CREDIT_CARD>");

Turns turns()
{
    const QString said = QStringLiteral("Sure, the card number is %1 and it expires soon.").arg(kCard);
    Turn agent{Turn::Role::MainAgent, QStringLiteral("What card would you like to use?"), 0.5, 2.0, {}, {}, {}};
    Turn caller{Turn::Role::TestingAgent, said, 2.5, 6.0, {}, {}, {}};
    const qsizetype begin = said.indexOf(kCard);
    caller.redactions = {{begin, begin + kCard.size(), RedactionKind::CreditCard}};
    Turn tool{Turn::Role::FunctionCall, QString(), 6.2, 6.2,
              QJsonObject{{QStringLiteral("name"), QStringLiteral("charge")},
                          {QStringLiteral("arguments"), QStringLiteral("{}")}},
              {}, {}};
    tool.redactions = caller.redactions;   // offsets into content, which a tool turn does not show
    return {agent, caller, tool};
}

} // namespace

void TestTranscriptRedactions::init()
{
    m_model = std::make_unique<TranscriptModel>();
    new QAbstractItemModelTester(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_model.get());
    m_model->setTurns(turns());
    m_pane = std::make_unique<TranscriptPane>(m_model.get());
    m_pane->resize(700, 400);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
}

void TestTranscriptRedactions::cleanup()
{
    m_pane.reset();
    m_model.reset();
}

void TestTranscriptRedactions::modelGivesTheSpeechTurnsSpans()
{
    const auto spans = m_model->index(1, TranscriptModel::Text).data(TranscriptModel::RedactionsRole).value<TurnRedactions>();
    QCOMPARE(spans.size(), 1);
    const QString text = m_model->index(1, TranscriptModel::Text).data().toString();
    QCOMPARE(text.mid(spans[0].begin, spans[0].end - spans[0].begin), kCard);
    QCOMPARE(spans[0].kind, RedactionKind::CreditCard);
    QVERIFY(m_model->index(0, 0).data(TranscriptModel::RedactionsRole).value<TurnRedactions>().isEmpty());
    QVERIFY(!m_model->index(2, 0).data(TranscriptModel::RedactionsRole).isValid());
}

void TestTranscriptRedactions::delegatePaintsAChipOverTheSpan()
{
    QVERIFY(chips(0).isEmpty());
    QVERIFY(chips(2).isEmpty());
    const auto found = chips(1);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found[0].second, RedactionKind::CreditCard);
    const QRect row = view()->visualRect(m_model->index(1, TranscriptModel::Text));
    const QRect chip = found[0].first.toAlignedRect();
    QVERIFY(row.contains(chip));
    QVERIFY(chip.width() > chip.height());

    // Inside the chip, where its invisible "<" pads it, the fill shows; beside the row's
    // text the row's own background does.
    const QImage image = view()->viewport()->grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    const auto at = [&](QPoint p) { return image.pixelColor(QPoint(int(p.x() * ratio), int(p.y() * ratio))); };
    const QColor inChip = at(QPoint(chip.left() + 4, chip.center().y()));
    const QColor rowBackground = at(QPoint(row.right() - 4, row.center().y()));
    QVERIFY2(inChip != rowBackground, qPrintable(inChip.name() + QLatin1Char(' ') + rowBackground.name()));
}

void TestTranscriptRedactions::tooltipNamesTheKind()
{
    const QPoint centre = chips(1)[0].first.center().toPoint();
    QHelpEvent help(QEvent::ToolTip, centre, view()->viewport()->mapToGlobal(centre));
    QCoreApplication::sendEvent(view()->viewport(), &help);
    QTRY_COMPARE(QToolTip::text(), QStringLiteral("Redacted: Credit card"));
}

void TestTranscriptRedactions::searchWordsAreStillMarked()
{
    m_pane->setSearchText(QStringLiteral("expires"));
    view()->viewport()->update();
    const QRect row = view()->visualRect(m_model->index(1, TranscriptModel::Text));
    QTRY_VERIFY([&] {
        const QImage image = view()->viewport()->grab().toImage();
        const qreal ratio = image.devicePixelRatio();
        int yellow = 0;
        for (int y = int(row.top() * ratio); y < int(row.bottom() * ratio); ++y) {
            for (int x = int(row.left() * ratio); x < int(row.right() * ratio); ++x)
                yellow += image.pixelColor(x, y) == QColor(0xff, 0xe0, 0x66);
        }
        return yellow > 20;
    }());
    QCOMPARE(chips(1).size(), 1);
}

// The search's words found inside a placeholder ("credit" in "<CREDIT_CARD>") are not marked:
// they were never said.
void TestTranscriptRedactions::placeholdersAreNotSearchMatches()
{
    m_pane->setSearchText(QStringLiteral("credit"));
    view()->viewport()->update();
    const QRect chip = chips(1)[0].first.toAlignedRect();
    const QImage image = view()->viewport()->grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    for (int y = int(chip.top() * ratio); y < int(chip.bottom() * ratio); ++y) {
        for (int x = int(chip.left() * ratio); x < int(chip.right() * ratio); ++x)
            QVERIFY(image.pixelColor(x, y) != QColor(0xff, 0xe0, 0x66));
    }
}

// The header's customer number, redacted at ingest, reads as its kind, not as "<PHONE_NUMBER>";
// a number that is no placeholder shows as it is again.
void TestTranscriptRedactions::headerShowsARedactedCustomerAsItsKind()
{
    CallHeader header;
    auto *customer = header.findChild<QLabel *>(QStringLiteral("callCustomer"));
    QVERIFY(customer);
    CallLog call;
    call.callId = QStringLiteral("redacted-customer");
    call.customerNumber = QStringLiteral("<PHONE_NUMBER>");
    header.setCall(call);
    QCOMPARE(customer->text(), QStringLiteral("PHONE NUMBER"));
    QVERIFY(customer->toolTip().contains(QLatin1String("Phone number")));
    QVERIFY(!customer->styleSheet().isEmpty());

    call.customerNumber = QStringLiteral("+14155550132");
    header.setCall(call);
    QCOMPARE(customer->text(), call.customerNumber);
    QVERIFY(customer->toolTip().isEmpty());
    QVERIFY(customer->styleSheet().isEmpty());
}

QTEST_MAIN(TestTranscriptRedactions)
#include "tst_transcriptredactions.moc"
