// The steps of one reconciliation run, each on its own: a SQLite database
// with the day's clearing items written straight in, a WeChat bill from the
// sandbox's writer, and a run driven up to the step under test. Whole runs
// against the sandbox are tst_reconcile's; the decisions alone are
// tst_reconclassify's.
#include "api/types/Accounts.h"
#include "common/ChinaTime.h"
#include "common/Clock.h"
#include "engine/RecordedMovements.h"
#include "ledger/BackOffice.h"
#include "ledger/EnginePostings.h"
#include "ledger/SettlementStore.h"
#include "recon/ReconRun.h"
#include "sandbox/bills/WeChatBill.h"
#include "store/Database.h"
#include "store/SqlStore.h"
#include "testsupport/TempDir.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTest>

#include <memory>

using namespace paydesk;

Q_DECLARE_METATYPE(paydesk::BillInput)
Q_DECLARE_METATYPE(paydesk::BackOfficeStatus)

namespace {

const QDate kDay(2026, 3, 1);
const QString kChannel = QStringLiteral("wechat");
const QString kMchId = QStringLiteral("1230000109");

qint64 at(int dayOffset, int hour, int minute)
{
    return chinaDayStartMs(kDay.addDays(dayOffset)) + (hour * 60 + minute) * 60'000;
}

// The sandbox bills 0.6 %, rounded half away from zero, as the ledger does.
qint64 feeOf(qint64 fen)
{
    return (fen * 6 + 500) / 1000;
}

SandboxAcquirer::BillEntry payment(const QString& no, qint64 fen, qint64 atMs)
{
    SandboxAcquirer::BillEntry e;
    e.paymentNo = no;
    e.tradeNo = QStringLiteral("4200") + no;
    e.tradeState = QStringLiteral("SUCCESS");
    e.amountFen = fen;
    e.currency = QStringLiteral("CNY");
    e.createdAtMs = e.atMs = atMs;
    return e;
}

// The steps in Reconciler::reconcile()'s order, to drive a run up to one.
enum class Upto
{
    Locked,
    Loaded,
    NoBillDecided,
    BillTaken,
    Matched,
    Accepted,
    HeldMatched,
    Classified,
    Settled,
    Posted,
    Stored,
};

} // namespace

class tst_ReconRun : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void checkInput_data();
    void checkInput();
    void loadOurSideTakesTheDayAndWhatEarlierRunsHeld();
    void decideNoBillDay_data();
    void decideNoBillDay();
    void takeKeptBillAnswersRepeatedForTheSameFile();
    void matchBillJoinsLinesWithOurSide();
    void acceptBill_data();
    void acceptBill();
    void classifyLeftoversHoldsTheCutOffAndOpensTheRest();
    void settleHeldItemsResolvesMatchedAndOpensTheRest();
    void postFundFlowPostsTheChannelsSettlement();
    void storeKeepsEverythingAndTellsTimelinesWithinTheAlertLimit();

private:
    void clear(const QString& no, qint64 fen, qint64 atMs, const QDate& day = kDay);
    ReconDifference held(DiffKind kind, const QString& no, qint64 fen, bool fromBill);
    QString billFile(const QList<SandboxAcquirer::BillEntry>& lines, const QString& mchId = kMchId);
    BillInput input(const QString& path) const;
    ReconRun& start(const BillInput& in);
    bool advance(Upto last);

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<BackOffice> m_backOffice;
    std::unique_ptr<SqlStore> m_engineStore;
    std::unique_ptr<StoreMovements> m_movements;
    std::unique_ptr<ReconStore> m_store;
    std::unique_ptr<SettlementStore> m_clearing;
    ReconConfig m_config;
    BillInput m_in; // the run keeps a reference
    std::unique_ptr<ReconRun> m_run;
    int m_bills = 0;
};

void tst_ReconRun::init()
{
    m_dir = std::make_unique<test::TempDataDir>();
    m_clock = std::make_unique<ManualClock>(at(1, 9, 0)); // the next morning
    m_db = std::make_unique<Database>();
    DatabaseConfig cfg;
    cfg.sqlitePath = m_dir->file(QStringLiteral("recon.db"));
    cfg.durable = false;
    QCOMPARE(m_db->open(cfg, SqlStore::schemaName(), SqlStore::migrations()), QString());
    m_engineStore = std::make_unique<SqlStore>(*m_db);
    m_movements = std::make_unique<StoreMovements>(*m_engineStore);
    m_backOffice = std::make_unique<BackOffice>(
        *m_db, *m_clock, LedgerConfig{}, QStringLiteral("S001"),
        [](const QString&) { return std::optional<Money>(); }, *m_movements);
    QCOMPARE(m_backOffice->open(), QString());
    QCOMPARE(m_db->migrate(ReconStore::schemaName(), ReconStore::migrations()), QString());
    m_store = std::make_unique<ReconStore>(*m_db);
    m_clearing = std::make_unique<SettlementStore>(*m_db);
    m_config.billsDir = m_dir->file(QStringLiteral("bills"));
}

void tst_ReconRun::cleanup()
{
    m_run.reset();
    m_clearing.reset();
    m_store.reset();
    m_backOffice.reset();
    m_movements.reset();
    m_engineStore.reset();
    m_db.reset();
    m_dir.reset();
}

void tst_ReconRun::clear(const QString& no, qint64 fen, qint64 atMs, const QDate& day)
{
    ClearingItem c;
    c.refKey = EnginePostings::paymentKey(no);
    c.merchantId = QStringLiteral("M0001");
    c.channel = kChannel;
    c.orderNo = QStringLiteral("PO-") + no;
    c.businessDate = day;
    c.amountFen = fen;
    c.feeFen = feeOf(fen);
    c.atMs = atMs;
    QCOMPARE(m_clearing->insertClearing(c), 1);
}

// A difference an earlier day's run held for today's bill.
ReconDifference tst_ReconRun::held(DiffKind kind, const QString& no, qint64 fen, bool fromBill)
{
    ReconDifference d;
    d.channel = kChannel;
    d.merchant = kMchId;
    d.businessDate = kDay.addDays(-1);
    d.kind = kind;
    d.state = DiffState::PendingNextDay;
    d.itemNo = no;
    d.orderNo = no.isEmpty() ? QString() : QStringLiteral("PO-") + no;
    (fromBill ? d.theirsFen : d.oursFen) = fen;
    (fromBill ? d.theirsFeeFen : d.oursFeeFen) = feeOf(fen);
    d.lineAtMs = at(-1, 23, 55);
    d.heldFromBill = fromBill;
    d.createdAtMs = d.updatedAtMs = at(0, 9, 0);
    if (!m_store->insertDifference(d))
        qWarning("cannot insert the held difference: %s", qPrintable(m_store->lastError()));
    return d;
}

QString tst_ReconRun::billFile(const QList<SandboxAcquirer::BillEntry>& lines, const QString& mchId)
{
    const QString path = m_dir->file(QStringLiteral("bill-%1.csv").arg(++m_bills));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) ||
        f.write(wechatBill(lines, WeChatBillType::All,
                           {QStringLiteral("wx2421b1c4370ec43b"), mchId})) < 0)
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

BillInput tst_ReconRun::input(const QString& path) const
{
    BillInput in;
    in.channel = kChannel;
    in.format = BillFormat::WeChat;
    in.day = kDay;
    in.path = path;
    in.expectedMerchant = kMchId;
    in.by = QStringLiteral("alice");
    return in;
}

ReconRun& tst_ReconRun::start(const BillInput& in)
{
    m_in = in;
    m_run = std::make_unique<ReconRun>(*m_db, *m_clock, m_backOffice->ledger(), m_config, *m_store,
                                       m_in);
    m_run->startKeepingBill();
    return *m_run;
}

bool tst_ReconRun::advance(Upto last)
{
    ReconRun& r = *m_run;
    const std::function<ReconRun::Step()> steps[] = {
        [&] { return r.lockForWrite(); },
        [&] { return r.loadOurSide(); },
        [&] { return r.decideNoBillDay(); },
        [&] { return r.takeKeptBill(); },
        [&] {
            r.matchBill();
            return ReconRun::Step();
        },
        [&] { return r.acceptBill(); },
        [&] {
            r.matchHeldBillLines();
            return ReconRun::Step();
        },
        [&] {
            r.classifyLeftovers();
            return ReconRun::Step();
        },
        [&] {
            r.settleHeldItems();
            return ReconRun::Step();
        },
        [&] { return r.postFundFlow(); },
        [&] { return r.store(); },
    };
    for (int i = 0; i <= int(last); ++i)
        if (const ReconRun::Step stop = steps[i]()) {
            qWarning("step %d answered: %s", i, qPrintable(stop->message));
            return false;
        }
    return true;
}

void tst_ReconRun::checkInput_data()
{
    QTest::addColumn<BillInput>("in");
    QTest::addColumn<QString>("error"); // '' = accepted
    const BillInput good = input(QStringLiteral("/some/bill.csv"));
    BillInput noBill = good;
    noBill.path.clear();
    noBill.channelHasNoBill = true;

    QTest::newRow("a bill file") << good << QString();
    BillInput bytes = good;
    bytes.path.clear();
    bytes.content = "bytes";
    QTest::newRow("downloaded bytes") << bytes << QString();
    QTest::newRow("no bill for the day, with the merchant") << noBill << QString();
    BillInput b = good;
    b.channel.clear();
    QTest::newRow("no channel") << b << QStringLiteral("name the channel");
    b = good;
    b.day = QDate();
    QTest::newRow("no day") << b << QStringLiteral("give the bill's day");
    b = good;
    b.by = QStringLiteral("  ");
    QTest::newRow("nobody runs it") << b << QStringLiteral("say who reconciles");
    b = noBill;
    b.expectedMerchant.clear();
    QTest::newRow("no bill, no merchant") << b << QStringLiteral("needs the merchant");
    b = noBill;
    b.content = "bytes";
    QTest::newRow("no bill, yet a bill given")
        << b << QStringLiteral("a bill was given for a day the channel has no bill for");
    b = good;
    b.path.clear();
    QTest::newRow("neither file nor bytes") << b << QStringLiteral("the bill is empty");
}

void tst_ReconRun::checkInput()
{
    QFETCH(BillInput, in);
    QFETCH(QString, error);
    const ReconRun::Step stop = ReconRun::checkInput(in);
    if (error.isEmpty()) {
        QVERIFY2(!stop, qPrintable(stop ? stop->message : QString()));
        return;
    }
    QVERIFY(stop);
    QCOMPARE(stop->status, BackOfficeStatus::InvalidArgument);
    QVERIFY2(stop->message.contains(error), qPrintable(stop->message));
}

void tst_ReconRun::loadOurSideTakesTheDayAndWhatEarlierRunsHeld()
{
    clear(QStringLiteral("P1"), 1000, at(0, 10, 0));
    clear(QStringLiteral("P2"), 2000, at(0, 11, 0));
    clear(QStringLiteral("P9"), 9000, at(1, 1, 0), kDay.addDays(1)); // our next day
    held(DiffKind::MissingAtChannel, QStringLiteral("H1"), 300, false);
    held(DiffKind::MissingLocally, QStringLiteral("H2"), 400, true);
    held(DiffKind::FundShort, QString(), -300, false);

    start(input(billFile({payment(QStringLiteral("P1"), 1000, at(0, 10, 0))})));
    QVERIFY(advance(Upto::Loaded));
    const ReconReport& r = m_run->report();
    QCOMPARE(r.ours.payments, 2);
    QCOMPARE(r.ours.paidFen, 3000);
    QCOMPARE(r.ours.feeFen, feeOf(1000) + feeOf(2000));
    QCOMPARE(r.atMs, m_clock->nowMs());
    // The day's two, and the movement of ours an earlier run held; the
    // held bill line and fund difference are matched later, not joined.
    QCOMPARE(m_run->ours().size(), 3);
    QCOMPARE(m_run->ours().items()[2].held, true);
}

void tst_ReconRun::decideNoBillDay_data()
{
    QTest::addColumn<bool>("clearedSome");
    QTest::addColumn<bool>("confirmed");
    QTest::addColumn<int>("answer"); // -1: goes on
    QTest::addColumn<QString>("message");
    QTest::newRow("nothing on either side: nothing recorded")
        << false << false << int(BackOfficeStatus::Ok) << QStringLiteral("nothing to reconcile");
    QTest::newRow("we cleared some: not yet, the bill may come")
        << true << false << int(BackOfficeStatus::NotDue)
        << QStringLiteral("cleared 1 payments (10.00)");
    QTest::newRow("we cleared some and a person confirmed: goes on")
        << true << true << -1 << QString();
}

void tst_ReconRun::decideNoBillDay()
{
    QFETCH(bool, clearedSome);
    QFETCH(bool, confirmed);
    QFETCH(int, answer);
    QFETCH(QString, message);
    if (clearedSome)
        clear(QStringLiteral("P1"), 1000, at(0, 10, 0));
    BillInput in = input(QString());
    in.channelHasNoBill = true;
    in.noBillConfirmed = confirmed;
    start(in);
    QVERIFY(advance(Upto::Loaded));
    const ReconRun::Step stop = m_run->decideNoBillDay();
    if (answer < 0) {
        QVERIFY2(!stop, qPrintable(stop ? stop->message : QString()));
        return;
    }
    QVERIFY(stop);
    QCOMPARE(int(stop->status), answer);
    QVERIFY2(stop->message.contains(message), qPrintable(stop->message));
    QCOMPARE(stop->number, QStringLiteral("wechat:2026-03-01"));
    // Only the harmless answer hands a report back.
    QCOMPARE(m_run->answer().has_value(), stop->status == BackOfficeStatus::Ok);
}

void tst_ReconRun::takeKeptBillAnswersRepeatedForTheSameFile()
{
    const QString path = billFile({payment(QStringLiteral("P1"), 1000, at(0, 10, 0))});
    start(input(path));
    QVERIFY(advance(Upto::BillTaken));
    const QString kept = m_run->report().rawPath;
    QVERIFY2(kept.startsWith(m_config.billsDir), qPrintable(kept));
    QVERIFY(QFile::exists(kept));

    // An earlier run knew the bill by its file's hash (as runs did before
    // bills had a content identity).
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    ReconReport earlier;
    earlier.channel = kChannel;
    earlier.merchant = kMchId;
    earlier.businessDate = kDay;
    earlier.billSha256 = QString::fromLatin1(
        QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
    earlier.rawPath = kept;
    earlier.matched = 7;
    QVERIFY(m_store->insertRun(earlier, reconReportJson(earlier)));

    start(input(path));
    QVERIFY(advance(Upto::NoBillDecided));
    const ReconRun::Step stop = m_run->takeKeptBill();
    QVERIFY(stop);
    QCOMPARE(stop->status, BackOfficeStatus::Repeated);
    QVERIFY(m_run->answer());
    QCOMPARE(m_run->answer()->matched, 7); // the earlier run's report
    QVERIFY(QFile::exists(kept));          // the very file: still kept
}

void tst_ReconRun::matchBillJoinsLinesWithOurSide()
{
    clear(QStringLiteral("P1"), 1000, at(0, 10, 0));
    clear(QStringLiteral("P2"), 2000, at(0, 11, 0));
    clear(QStringLiteral("P4"), 4000, at(0, 13, 0));
    start(input(billFile({payment(QStringLiteral("P1"), 1000, at(0, 10, 0)),
                          payment(QStringLiteral("P2"), 2001, at(0, 11, 0)),
                          payment(QStringLiteral("P3"), 3000, at(0, 12, 0))})));
    QVERIFY(advance(Upto::Matched));
    const ReconReport& r = m_run->report();
    QCOMPARE(r.theirs.payments, 3);
    QCOMPARE(r.theirs.paidFen, 6001);
    QCOMPARE(r.matched, 2);
    QCOMPARE(m_run->billLeftovers().size(), 1);
    QCOMPARE(m_run->billLeftovers().first().paymentNo, QStringLiteral("P3"));
    QCOMPARE(m_run->found().size(), 1);
    const ReconDifference& d = m_run->found().first();
    QCOMPARE(d.kind, DiffKind::AmountMismatch);
    QCOMPARE(d.itemNo, QStringLiteral("P2"));
    QCOMPARE(d.orderNo, QStringLiteral("PO-P2")); // looked up: the bulk read has none
    QCOMPARE(d.oursFen, 2000);
    QCOMPARE(d.theirsFen, 2001);
}

void tst_ReconRun::acceptBill_data()
{
    QTest::addColumn<QString>("mchId");
    QTest::addColumn<int>("dayOffset");
    QTest::addColumn<QString>("error"); // '' = accepted
    QTest::newRow("this merchant's bill of the day") << kMchId << 0 << QString();
    QTest::newRow("another merchant's bill")
        << QStringLiteral("1999999999") << 0
        << QStringLiteral("the bill is merchant 1999999999's; this shop reconciles merchant "
                          "1230000109 on wechat");
    QTest::newRow("another day's bill")
        << kMchId << -1 << QStringLiteral("no line of the bill is dated 2026-03-01");
}

void tst_ReconRun::acceptBill()
{
    QFETCH(QString, mchId);
    QFETCH(int, dayOffset);
    QFETCH(QString, error);
    start(input(billFile({payment(QStringLiteral("P1"), 1000, at(dayOffset, 10, 0))}, mchId)));
    QVERIFY(advance(Upto::Matched));
    const QString kept = m_run->report().rawPath;
    const ReconRun::Step stop = m_run->acceptBill();
    if (error.isEmpty()) {
        QVERIFY2(!stop, qPrintable(stop ? stop->message : QString()));
        QCOMPARE(m_run->report().merchant, kMchId);
        QVERIFY(!m_run->report().billSha256.isEmpty());
        return;
    }
    QVERIFY(stop);
    QCOMPARE(stop->status, BackOfficeStatus::InvalidArgument);
    QVERIFY2(stop->message.contains(error), qPrintable(stop->message));
    QVERIFY2(!QFile::exists(kept), "a refused bill is not kept");
}

void tst_ReconRun::classifyLeftoversHoldsTheCutOffAndOpensTheRest()
{
    clear(QStringLiteral("P1"), 1000, at(0, 10, 0));
    clear(QStringLiteral("P4"), 4000, at(0, 23, 55)); // near midnight: the bill may say tomorrow
    clear(QStringLiteral("P5"), 5000, at(0, 12, 0));
    start(input(billFile({payment(QStringLiteral("P1"), 1000, at(0, 10, 0)),
                          payment(QStringLiteral("P3"), 3000, at(0, 12, 0))})));
    QVERIFY(advance(Upto::Classified));
    QStringList got;
    for (const ReconDifference& d : m_run->found())
        got << QStringLiteral("%1 %2/%3")
                   .arg(d.itemNo, diffKindName(d.kind), diffStateName(d.state));
    got.sort();
    QCOMPARE(got, (QStringList{QStringLiteral("P3 missing_locally/open"),
                               QStringLiteral("P4 missing_at_channel/pending_next_day"),
                               QStringLiteral("P5 missing_at_channel/open")}));
    // What waits for the next bill explains that much of the fund difference.
    QCOMPARE(m_run->pendingFen(), -4000);
}

void tst_ReconRun::settleHeldItemsResolvesMatchedAndOpensTheRest()
{
    // Yesterday we held ours H1 (on today's bill: matched) and H3 (not),
    // the bill's H2 (not cleared today either), and the fund difference
    // they made.
    const ReconDifference h1 = held(DiffKind::MissingAtChannel, QStringLiteral("H1"), 300, false);
    const ReconDifference h2 = held(DiffKind::MissingLocally, QStringLiteral("H2"), 400, true);
    const ReconDifference h3 = held(DiffKind::MissingAtChannel, QStringLiteral("H3"), 500, false);
    const ReconDifference fund = held(DiffKind::FundShort, QString(), -800, false);
    clear(QStringLiteral("P1"), 1000, at(0, 10, 0));
    start(input(billFile({payment(QStringLiteral("P1"), 1000, at(0, 10, 0)),
                          payment(QStringLiteral("H1"), 300, at(0, 0, 2))})));
    QVERIFY(advance(Upto::Settled));
    QHash<qint64, DiffState> expected{{h1.id, DiffState::AutoResolved},
                                      {h2.id, DiffState::Open},
                                      {h3.id, DiffState::Open},
                                      {fund.id, DiffState::Open}};
    QCOMPARE(m_run->heldOutcome(), expected);
    QCOMPARE(m_run->report().resolvedFromPrevious, 1);
    // In our earlier day, in their bill today.
    QCOMPARE(m_run->explainedFen(), 300);
    QCOMPARE(m_run->settled().size(), 4);
    for (const ReconDifference& d : m_run->settled()) {
        QCOMPARE(d.state, expected.value(d.id));
        QCOMPARE(d.updatedAtMs, m_clock->nowMs());
        QCOMPARE(d.note, d.state == DiffState::AutoResolved
                             ? QStringLiteral("matched on the wechat bill of 2026-03-01")
                             : QStringLiteral("not on the wechat bill of 2026-03-01 either"));
    }
}

void tst_ReconRun::postFundFlowPostsTheChannelsSettlement()
{
    clear(QStringLiteral("P1"), 1000, at(0, 10, 0));
    clear(QStringLiteral("P2"), 2000, at(0, 11, 0)); // not billed: short
    start(input(billFile({payment(QStringLiteral("P1"), 1000, at(0, 10, 0))})));
    QVERIFY(advance(Upto::Posted));
    const ReconReport& r = m_run->report();
    QCOMPARE(r.fundDifferenceFen, -2000);
    QCOMPARE(r.fundEntryKey, QStringLiteral("recon:wechat:1230000109:2026-03-01"));
    Ledger& ledger = m_backOffice->ledger();
    QCOMPARE(ledger.balance(accounts::bank())->signedFen, 1000 - feeOf(1000));
    QCOMPARE(ledger.balance(accounts::suspense())->signedFen, 2000);
    const ReconDifference& d = m_run->found().last();
    QCOMPARE(d.kind, DiffKind::FundShort);
    QCOMPARE(d.state, DiffState::Open);
    QCOMPARE(d.theirsFen - d.oursFen, -2000);
    QCOMPARE(d.entryKey, r.fundEntryKey);
}

void tst_ReconRun::storeKeepsEverythingAndTellsTimelinesWithinTheAlertLimit()
{
    const int extra = Reconciler::kAlertsPerRun + 5;
    QList<SandboxAcquirer::BillEntry> lines;
    for (int i = 0; i < extra; ++i)
        lines << payment(QStringLiteral("X%1").arg(i), 100 + i, at(0, 10, i));
    start(input(billFile(lines)));
    QVERIFY(advance(Upto::Stored));
    QCOMPARE(m_run->answer().has_value(), true);
    const ReconReport& r = m_run->report();
    QCOMPARE(r.byKind[int(DiffKind::MissingLocally)].count, extra);
    QCOMPARE(m_store->differences(DiffFilter()).size(), extra + 1); // and the fund one
    QVERIFY(storedReconReport(*m_store, kChannel, kMchId, kDay));
    for (const ReconDifference& d : m_run->found())
        QVERIFY(d.id > 0);

    QList<AlertLevel> levels;
    QString last;
    m_run->tellTimelines([&](const QString&, const QString& message, AlertLevel level) {
        levels << level;
        last = message;
    });
    QCOMPARE(levels.count(AlertLevel::Page), Reconciler::kAlertsPerRun);
    QVERIFY2(last.contains(QStringLiteral("6 more open differences")), qPrintable(last));
    QCOMPARE(levels.last(), AlertLevel::Watch);
    QCOMPARE(m_run->outcome().status, BackOfficeStatus::Ok);
    QVERIFY2(m_run->outcome().message.contains(QStringLiteral("0 matched, 26 open differences")),
             qPrintable(m_run->outcome().message));
}

QTEST_GUILESS_MAIN(tst_ReconRun)
#include "tst_reconrun.moc"
