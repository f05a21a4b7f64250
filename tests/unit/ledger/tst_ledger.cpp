// The journal on its own: the unit of work, idempotency, refusals, balances
// at any time through checkpoints, reversing entries.
#include "common/Clock.h"
#include "ledger/Ledger.h"
#include "store/Database.h"
#include "store/SqlStore.h"
#include "testsupport/TempDir.h"

#include <QTest>

using namespace paydesk;

namespace {
const QString kRecv = QStringLiteral("asset:channel-receivable:wechat");
const QString kPending = QStringLiteral("liability:pending:M1");
const QString kFees = QStringLiteral("income:fees:M1");

Money yuan(const char* s)
{
    return *Money::parse(QString::fromLatin1(s));
}
} // namespace

class tst_Ledger : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void balancedEntryMovesBothSides();
    void refusedEntriesChangeNothing_data();
    void refusedEntriesChangeNothing();
    void unbalancedEntryRaisesAlert();
    void sameKeyPostsOnce();
    void balanceAtAnyTimeAcrossCheckpoints_data();
    void balanceAtAnyTimeAcrossCheckpoints();
    void reversingEntryUndoesOriginal();
    void ledgerTimeNeverGoesBack();
    void journalFilters();

private:
    PostResult post(const QString& key, const QList<Posting>& postings, QString* error = nullptr);
    qint64 normal(const QString& account, qint64 atMs = Ledger::kNow);

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Ledger> m_ledger;
    QStringList m_alerts;
};

void tst_Ledger::init()
{
    m_dir = std::make_unique<test::TempDataDir>();
    m_clock = std::make_unique<ManualClock>();
    m_db = std::make_unique<Database>();
    DatabaseConfig cfg;
    cfg.sqlitePath = m_dir->file(QStringLiteral("ledger.db"));
    cfg.durable = false;
    QCOMPARE(m_db->open(cfg, SqlStore::schemaName(), SqlStore::migrations()), QString());
    m_ledger = std::make_unique<Ledger>(*m_db, *m_clock);
    QCOMPARE(m_ledger->open(), QString());
    m_alerts.clear();
    m_ledger->setAlertSink([this](const QString& kind, const QString&, const QString& msg) {
        m_alerts << kind + QLatin1Char(' ') + msg;
    });
}

void tst_Ledger::cleanup()
{
    m_ledger.reset();
    m_db.reset();
}

PostResult tst_Ledger::post(const QString& key, const QList<Posting>& postings, QString* error)
{
    JournalEntry e;
    e.idempotencyKey = key;
    e.refKind = refkind::payment;
    e.refNo = key;
    e.postings = postings;
    const PostResult r = m_ledger->post(e, error);
    m_db->flush();
    return r;
}

qint64 tst_Ledger::normal(const QString& account, qint64 atMs)
{
    const auto b = m_ledger->balance(account, atMs);
    return b ? b->normalFen() : -999999;
}

void tst_Ledger::balancedEntryMovesBothSides()
{
    LedgerTransaction t(*m_ledger, QStringLiteral("pay:1"), refkind::payment, QStringLiteral("P1"),
                        QStringLiteral("O1"));
    t.debit(kRecv, yuan("12.34")).credit(kPending, yuan("12.34"));
    QCOMPARE(t.commit(), PostResult::Posted);
    QVERIFY(t.entry().id > 0);
    m_db->flush();
    QCOMPARE(normal(kRecv), 1234);
    QCOMPARE(normal(kPending), 1234); // a liability grows with credits
    const auto all = m_ledger->balances();
    QVERIFY(all);
    qint64 sum = 0;
    for (const AccountBalance& b : *all)
        sum += b.signedFen;
    QCOMPARE(sum, 0);
}

void tst_Ledger::refusedEntriesChangeNothing_data()
{
    QTest::addColumn<QList<Posting>>("postings");
    QTest::addColumn<PostResult>("result");
    QTest::newRow("no_postings") << QList<Posting>{} << PostResult::Empty;
    QTest::newRow("zero_posting") << QList<Posting>{{kRecv, 0}, {kPending, 0}} << PostResult::Empty;
    QTest::newRow("unknown_account") << QList<Posting>{{QStringLiteral("asset:piggy-bank:x"), 5}, {kPending, -5}}
                                     << PostResult::InvalidAccount;
    QTest::newRow("owner_missing") << QList<Posting>{{QStringLiteral("liability:pending"), 5}, {kPending, -5}}
                                   << PostResult::InvalidAccount;
    QTest::newRow("overflow") << QList<Posting>{{kRecv, std::numeric_limits<qint64>::max()}, {kFees, 1}, {kPending, -1}}
                              << PostResult::Overflow;
    QTest::newRow("unbalanced_by_one_fen") << QList<Posting>{{kRecv, 1000}, {kPending, -999}} << PostResult::Unbalanced;
}

void tst_Ledger::refusedEntriesChangeNothing()
{
    QFETCH(QList<Posting>, postings);
    QFETCH(PostResult, result);
    QString error;
    QCOMPARE(post(QStringLiteral("bad"), postings, &error), result);
    QVERIFY2(!error.isEmpty(), "a refusal says why");
    QCOMPARE(m_ledger->journal({}).size(), 0);
    QCOMPARE(m_ledger->accounts().size(), 0);
    // The key stays free for a correct entry.
    QCOMPARE(post(QStringLiteral("bad"), {{kRecv, 5}, {kPending, -5}}), PostResult::Posted);
}

void tst_Ledger::unbalancedEntryRaisesAlert()
{
    LedgerTransaction t(*m_ledger, QStringLiteral("pay:2"), refkind::payment, QStringLiteral("P2"),
                        QStringLiteral("O2"));
    t.debit(kRecv, yuan("10.00")).credit(kPending, yuan("9.99"));
    QCOMPARE(t.commit(), PostResult::Unbalanced);
    QCOMPARE(m_alerts.size(), 1);
    QVERIFY(m_alerts.first().startsWith(QLatin1String("ledger_unbalanced")));
    QVERIFY(m_alerts.first().contains(QLatin1String("differ by 1 fen")));

    LedgerTransaction mixed(*m_ledger, QStringLiteral("pay:3"), refkind::payment, QStringLiteral("P3"));
    mixed.debit(kRecv, Money::fromFen(100, QStringLiteral("USD"))).credit(kPending, Money::fromFen(100));
    QCOMPARE(mixed.commit(), PostResult::Unbalanced);
    QCOMPARE(m_alerts.size(), 2);
    QCOMPARE(normal(kRecv), 0);
}

void tst_Ledger::sameKeyPostsOnce()
{
    for (int i = 0; i < 3; ++i) {
        LedgerTransaction t(*m_ledger, QStringLiteral("pay:same"), refkind::payment, QStringLiteral("P"));
        t.debit(kRecv, yuan("1.00")).credit(kPending, yuan("1.00"));
        QCOMPARE(t.commit(), i == 0 ? PostResult::Posted : PostResult::AlreadyPosted);
    }
    m_db->flush();
    QCOMPARE(normal(kRecv), 100);
    QCOMPARE(m_ledger->journal({}).size(), 1);
}

void tst_Ledger::balanceAtAnyTimeAcrossCheckpoints_data()
{
    QTest::addColumn<int>("foldEvery");
    QTest::newRow("fold_every_posting") << 1;
    QTest::newRow("fold_every_3") << 3;
    QTest::newRow("fold_every_7") << 7;
    QTest::newRow("never_folded") << 1000000;
}

void tst_Ledger::balanceAtAnyTimeAcrossCheckpoints()
{
    QFETCH(int, foldEvery);
    m_ledger->setFoldEvery(foldEvery);
    QList<qint64> times;
    QList<qint64> expected;
    qint64 running = 0;
    for (int i = 1; i <= 40; ++i) {
        m_clock->advance(1000);
        const qint64 fen = i % 5 == 0 ? -i * 10 : i * 100; // some refunds
        QCOMPARE(post(QStringLiteral("e%1").arg(i), {{kRecv, fen}, {kPending, -fen}}), PostResult::Posted);
        running += fen;
        times << m_clock->nowMs();
        expected << running;
    }
    for (int i = 0; i < times.size(); ++i) {
        QCOMPARE(normal(kRecv, times[i]), expected[i]);
        QCOMPARE(normal(kRecv, times[i] + 999), expected[i]);
        QCOMPARE(normal(kPending, times[i]), expected[i]);
    }
    QCOMPARE(normal(kRecv, times.first() - 1), 0);
    QCOMPARE(normal(kRecv), running);
    QVERIFY(m_ledger->foldAll());
    m_db->flush();
    QCOMPARE(normal(kRecv), running);
    QCOMPARE(normal(kRecv, times[20]), expected[20]);
}

void tst_Ledger::reversingEntryUndoesOriginal()
{
    QCOMPARE(post(QStringLiteral("pay:9"), {{kRecv, 500}, {kPending, -490}, {kFees, -10}}), PostResult::Posted);
    QString error;
    QCOMPARE(m_ledger->reverse(QStringLiteral("pay:9"), QStringLiteral("fix:9"), QStringLiteral("wrong fee"), &error),
             PostResult::Posted);
    QCOMPARE(m_ledger->reverse(QStringLiteral("pay:9"), QStringLiteral("fix:9"), QStringLiteral("again"), &error),
             PostResult::AlreadyPosted);
    QCOMPARE(m_ledger->reverse(QStringLiteral("pay:none"), QStringLiteral("fix:x"), QString(), &error), PostResult::Empty);
    m_db->flush();
    QCOMPARE(normal(kRecv), 0);
    QCOMPARE(normal(kFees), 0);
    const auto fix = m_ledger->entry(QStringLiteral("fix:9"));
    QVERIFY(fix);
    QCOMPARE(fix->reversesEntryId, m_ledger->entry(QStringLiteral("pay:9"))->id);
    QCOMPARE(fix->refKind, refkind::correction);
}

void tst_Ledger::ledgerTimeNeverGoesBack()
{
    m_clock->advance(10'000);
    QCOMPARE(post(QStringLiteral("a"), {{kRecv, 100}, {kPending, -100}}), PostResult::Posted);
    const qint64 first = m_ledger->entry(QStringLiteral("a"))->atMs;
    // Another ledger on the same file whose clock is behind (another process).
    ManualClock behind(first - 60'000);
    Ledger other(*m_db, behind);
    JournalEntry e;
    e.idempotencyKey = QStringLiteral("b");
    e.refKind = refkind::payment;
    e.postings = {{kRecv, 50}, {kPending, -50}};
    QCOMPARE(other.post(e), PostResult::Posted);
    m_db->flush();
    QVERIFY(e.atMs >= first);
    QCOMPARE(normal(kRecv), 150);
}

void tst_Ledger::journalFilters()
{
    QCOMPARE(post(QStringLiteral("k1"), {{kRecv, 100}, {kPending, -100}}), PostResult::Posted);
    QCOMPARE(post(QStringLiteral("k2"), {{kPending, 30}, {kFees, -30}}), PostResult::Posted);
    JournalFilter byAccount;
    byAccount.accountCode = kFees;
    QCOMPARE(m_ledger->journal(byAccount).size(), 1);
    JournalFilter byRef;
    byRef.ref = QStringLiteral("k1");
    const auto found = m_ledger->journal(byRef);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().postings.size(), 2);
    QCOMPARE(found.first().postings.first().amountFen, 100);
}

QTEST_GUILESS_MAIN(tst_Ledger)
#include "tst_ledger.moc"
