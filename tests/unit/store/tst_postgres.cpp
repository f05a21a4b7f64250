// PayDesk on PostgreSQL, on a throw-away cluster of its own: every schema
// migrates, the engine's store keeps and finds its rows, the ledger posts
// and balances, the back office's wallets, withdrawals, backfill and
// internal check run, and the whole engine takes, polls, refunds and
// resumes payments with its tables there.

#include "api/types/Accounts.h"
#include "api/types/Dashboard.h"
#include "common/ChinaTime.h"
#include "common/Clock.h"
#include "engine/RecordedMovements.h"
#include "ledger/BackOffice.h"
#include "recon/ReconStore.h"
#include "recon/Reconciler.h"
#include "sandbox/SandboxChannel.h"
#include "sandbox/bills/BillDifferences.h"
#include "store/Database.h"
#include "store/SqlStore.h"
#include "testsupport/CoreProcess.h"
#include "testsupport/EngineHarness.h"
#include "testsupport/PostgresCluster.h"
#include "testsupport/SampleRecords.h"

#include <QSqlQuery>
#include <QtTest>

#include <memory>

using namespace paydesk;

using test::orderNumbers;
using test::sampleOrder;

namespace {

// A paid payment whose masked code ends in the order number's last 4 digits.
PaymentRecord payment(const OrderRecord& o, PaymentState state)
{
    return test::samplePayment(o, QStringLiteral("13************") + o.orderNo.right(4), state);
}

} // namespace

class tst_Postgres : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QCOMPARE(m_cluster.start(), QString()); }

    void init()
    {
        QString error;
        m_config = m_cluster.newDatabase(QStringLiteral("t%1").arg(++m_databases), &error);
        QCOMPARE(error, QString());
        m_db = std::make_unique<Database>();
        QCOMPARE(m_db->open(m_config, SqlStore::schemaName(), SqlStore::migrations()), QString());
        m_store = std::make_unique<SqlStore>(*m_db);
        m_movements = std::make_unique<StoreMovements>(*m_store);
    }
    void cleanup()
    {
        m_backOffice.reset();
        m_movements.reset();
        m_store.reset();
        m_db.reset();
    }

    void everySchemaMigrates()
    {
        QCOMPARE(openBackOffice(), QString());
        ReconConfig recon;
        recon.billsDir = QDir::tempPath();
        Reconciler reconciler(*m_db, m_clock, m_backOffice->ledger(), recon);
        QCOMPARE(reconciler.open(), QString());
        // Every schema recorded its last version in PostgreSQL itself.
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT schema_name, MAX(version) FROM schema_migrations"
                                      " GROUP BY schema_name")));
        QMap<QString, int> versions;
        while (q.next())
            versions.insert(q.value(0).toString(), q.value(1).toInt());
        QCOMPARE(versions.value(SqlStore::schemaName()), int(SqlStore::migrations().size()));
        QCOMPARE(versions.value(LedgerStore::schemaName()), int(LedgerStore::migrations().size()));
        QCOMPARE(versions.value(SettlementStore::schemaName()),
                 int(SettlementStore::migrations().size()));
        QCOMPARE(versions.value(ApprovalStore::schemaName()),
                 int(ApprovalStore::migrations().size()));
        QCOMPARE(versions.value(WalletStore::schemaName()), int(WalletStore::migrations().size()));
        QCOMPARE(versions.value(ReconStore::schemaName()), int(ReconStore::migrations().size()));
        QCOMPARE(versions.size(), 6);
    }

    void storeKeepsIdempotencyAndVersions()
    {
        const CommandRecord c{QStringLiteral("r1"), QStringLiteral("pay"), QStringLiteral("f"),
                              QStringLiteral("PO000001"), 1};
        QCOMPARE(m_store->insertCommand(c), 1);
        QCOMPARE(m_store->insertCommand(c), 0); // ON CONFLICT DO NOTHING
        OrderRecord o = sampleOrder(1);
        QVERIFY(m_store->insertOrder(o));
        o.state = OrderState::Paid;
        o.version = 2;
        QVERIFY(m_store->updateOrder(o, 1));
        QVERIFY(!m_store->updateOrder(o, 1)); // the version read is gone
        QVERIFY(m_db->flush());
        QCOMPARE(m_store->order(o.orderNo)->state, OrderState::Paid);
    }

    // Regression guard: PostgreSQL aborts the open transaction on a failed
    // statement, and a later COMMIT would roll back without an error. A
    // failed read inside a batch must fail the batch loudly, as on SQLite a
    // failed write does, never report it committed.
    void aFailedReadInsideABatchFailsTheBatch()
    {
        QVERIFY(m_store->insertOrder(sampleOrder(9)));
        bool committed = true;
        m_db->afterCommit([&](bool ok) { committed = ok; });
        QSqlQuery& bad = m_db->prepared(QStringLiteral("SELECT no_such_column FROM orders"));
        QVERIFY(!m_db->execRead(bad));
        QVERIFY(m_db->hasFailed());
        QVERIFY(!m_db->flush());
        QVERIFY(!committed);
    }

    // Writers in different processes take turns: an open batch holds the
    // one advisory lock, which another connection can see (and would wait
    // for).
    void aBatchHoldsTheWritersLock()
    {
        QVERIFY(m_store->insertOrder(sampleOrder(11)));
        Database other;
        QCOMPARE(other.open(m_config, SqlStore::schemaName(), SqlStore::migrations()), QString());
        QSqlQuery locks(other.connection());
        const auto held = [&] {
            return locks.exec(QStringLiteral("SELECT COUNT(*) FROM pg_locks WHERE locktype ="
                                             " 'advisory' AND granted")) &&
                           locks.next()
                       ? locks.value(0).toInt()
                       : -1;
        };
        QCOMPARE(held(), 1);
        QVERIFY(m_db->flush());
        QCOMPARE(held(), 0);
        other.close();
    }

    // A data directory's own SQLite database is never left behind silently.
    void aDataDirectoryWithItsOwnDatabaseRefusesPostgres()
    {
        QString error;
        CoreConfig config;
        config.database = m_cluster.newDatabase(QStringLiteral("refuse"), &error);
        QCOMPARE(error, QString());
        test::TempDataDir dir;
        QFile old(dir.file(QStringLiteral("paydesk.db")));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.close();
        EmbeddedOptions o;
        o.dataDir = dir.path();
        o.config = config;
        EmbeddedApi api(o);
        const QString e = api.open();
        QVERIFY2(e.contains(QLatin1String("does not move data between them")), qPrintable(e));
    }

    void searchFindsEachKindOfNumber()
    {
        for (int i = 1; i <= 3; ++i) {
            const OrderRecord o = sampleOrder(i);
            QVERIFY(m_store->insertOrder(o));
            QVERIFY(m_store->insertPayment(payment(o, PaymentState::Success)));
        }
        QVERIFY(m_db->flush());
        for (const QString& text :
             {QStringLiteral("PO000002"), QStringLiteral("req-2"), QStringLiteral("PA000002"),
              QStringLiteral("T000002"), QStringLiteral("0002")}) {
            OrderFilter f;
            f.search = text;
            QCOMPARE(orderNumbers(m_store->orders(f)), QStringList{QStringLiteral("PO000002")});
        }
        OrderFilter all;
        all.limit = 2;
        QCOMPARE(orderNumbers(m_store->orders(all)),
                 (QStringList{QStringLiteral("PO000003"), QStringLiteral("PO000002")}));
    }

    void ledgerPostsBalancesAndRefusesRepeats()
    {
        QCOMPARE(openBackOffice(), QString());
        Ledger& ledger = m_backOffice->ledger();
        const QString receivable = accounts::channelReceivable(QStringLiteral("wechat"));
        const QString pending = accounts::merchantPending(QStringLiteral("M0001"));
        for (int i = 0; i < 3; ++i) {
            LedgerTransaction t(ledger, QStringLiteral("pay:%1").arg(i), refkind::payment,
                                QString::number(i));
            t.debit(receivable, Money::fromFen(100)).credit(pending, Money::fromFen(100));
            QCOMPARE(t.commit(), PostResult::Posted);
        }
        LedgerTransaction again(ledger, QStringLiteral("pay:0"), refkind::payment,
                                QStringLiteral("0"));
        again.debit(receivable, Money::fromFen(100)).credit(pending, Money::fromFen(100));
        QCOMPARE(again.commit(), PostResult::AlreadyPosted);
        QVERIFY(m_db->flush());
        QCOMPARE(ledger.balance(receivable)->normalFen(), 300);
        QCOMPARE(ledger.balance(pending)->normalFen(), 300);
        const auto all = ledger.balances();
        QVERIFY(all.has_value());
        qint64 sum = 0;
        for (const AccountBalance& b : *all)
            sum += b.signedFen;
        QCOMPARE(sum, 0);
    }

    void walletWithdrawalAndInternalCheck()
    {
        QCOMPARE(openBackOffice(), QString());
        Wallets& w = m_backOffice->wallets();
        QVERIFY(w.topUpCash(QStringLiteral("m1"), Money::fromFen(10000), QStringLiteral("t1"),
                            QStringLiteral("ann"))
                    .ok());
        const BackOfficeOutcome req = w.requestWithdrawal(
            QStringLiteral("m1"), Money::fromFen(3000), QStringLiteral("w1"),
            QStringLiteral("ann"), QString());
        QVERIFY2(req.ok(), qPrintable(req.message));
        QCOMPARE(w.approveWithdrawal(req.number, QStringLiteral("ann")).status,
                 BackOfficeStatus::SameUser);
        const BackOfficeOutcome paid = w.approveWithdrawal(req.number, QStringLiteral("bob"));
        QVERIFY2(paid.ok(), qPrintable(paid.message));
        QVERIFY(m_backOffice->commit());
        QCOMPARE(m_backOffice->ledger().balance(accounts::wallet(QStringLiteral("m1")))->normalFen(),
                 7000);
        const InternalCheckReport check = m_backOffice->check();
        QCOMPARE(check.error, QString());
        for (const CheckLine& l : check.lines)
            QVERIFY2(l.ok(), qPrintable(l.subject + QLatin1String(": ") + l.rule));
    }

    // The backfill's marker (set by a migration on a database that already
    // has payments) and its pass, on PostgreSQL.
    void backfillPostsPaymentsFromBeforeTheLedger()
    {
        const OrderRecord o = sampleOrder(7);
        QVERIFY(m_store->insertOrder(o));
        QVERIFY(m_store->insertPayment(payment(o, PaymentState::Success)));
        QVERIFY(m_db->flush());
        QCOMPARE(openBackOffice(), QString());
        QVERIFY(m_backOffice->backfillPending());
        const BackfillReport r = m_backOffice->backfill();
        QCOMPARE(r.error, QString());
        QCOMPARE(r.payments, 1);
        QVERIFY(!m_backOffice->backfillPending());
        QVERIFY(m_backOffice->ledger().entry(QStringLiteral("pay:PA000007")).has_value());
        QVERIFY(m_backOffice->check().ok());
    }

    // The engine with "database": {"postgres": ...}: a payment paid at once,
    // one after the customer's password (polled), a duplicate request, a
    // refund, a restart with a payment in flight, and the books.
    void engineRunsOnPostgres()
    {
        QString error;
        CoreConfig config;
        config.database = m_cluster.newDatabase(QStringLiteral("engine"), &error);
        QCOMPARE(error, QString());
        test::EngineHarness h(config);
        using test::EngineHarness;
        // Only the sandbox's own file is local.
        QVERIFY(!QFile::exists(QDir(h.dataDir()).filePath(QStringLiteral("paydesk.db"))));
        QVERIFY(QFile::exists(QDir(h.dataDir()).filePath(QStringLiteral("sandbox.db"))));
        const CommandOutcome paid =
            h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
                  QStringLiteral("12.34"), QStringLiteral("pg-1"));
        QVERIFY2(paid.ok(), qPrintable(paid.message));
        h.advance(1000);
        QCOMPARE(h.details(paid.orderNo).order.state, OrderState::Paid);
        const CommandOutcome again =
            h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
                  QStringLiteral("12.34"), QStringLiteral("pg-1"));
        QVERIFY(again.repeated);
        QCOMPARE(again.orderNo, paid.orderNo);

        const CommandOutcome slow =
            h.pay(EngineHarness::code(Wallet::Alipay, SandboxBehaviour::UserPayingThenSuccess),
                  QStringLiteral("5.00"), QStringLiteral("pg-2"));
        QVERIFY2(slow.ok(), qPrintable(slow.message));
        h.restart(); // in flight: resumed from PostgreSQL
        h.advance(20000);
        QCOMPARE(h.details(slow.orderNo).order.state, OrderState::Paid);

        const CommandOutcome refund =
            h.refund(paid.orderNo, QStringLiteral("2.34"), QStringLiteral("pg-r1"));
        QVERIFY2(refund.ok(), qPrintable(refund.message));
        h.advance(2000);
        QCOMPARE(h.details(paid.orderNo).order.state, OrderState::PartiallyRefunded);
        QCOMPARE(h.orderCount(), 2);

        BackOffice& bo = *h.api().backOffice();
        QCOMPARE(
            bo.ledger().balance(accounts::merchantPending(bo.config().merchantId))->normalFen(),
            1234 + 500 - 234);
        const InternalCheckReport check = bo.check();
        QCOMPARE(check.error, QString());
        for (const CheckLine& l : check.lines)
            QVERIFY2(l.ok(), qPrintable(l.subject + QLatin1String(": ") + l.rule));
        // The dashboard's aggregates read the same on PostgreSQL.
        const auto dash = h.replyOf<DashboardResult>([&](auto reply) {
            h.api().dashboard().figures(h.clock().nowMs() - 3600000, h.clock().nowMs() + 1, reply);
        });
        QVERIFY2(dash.outcome.ok(), qPrintable(dash.outcome.message));
        QCOMPARE(dash.figures.totals().sales, 2);
        QCOMPARE(dash.figures.totals().salesFen, 1234 + 500);
        QCOMPARE(dash.figures.totals().refundsFen, 234);
        QCOMPARE(dash.figures.overall.paid, 2);
        QVERIFY(dash.figures.overall.medianToPaidMs >= 0);
        QCOMPARE(dash.figures.byHour.size(), 2); // a wallet each, in one hour
        QCOMPARE(dash.figures.openOrders, 0);
    }

    // Reconciliation's bulk read, join and write on PostgreSQL: a day with a
    // payment and a refund matches line by line and posts the fund flow; a
    // sale the bill has and we lack is found.
    void reconciliationRunsOnPostgres()
    {
        QString error;
        CoreConfig config;
        config.database = m_cluster.newDatabase(QStringLiteral("recon"), &error);
        QCOMPARE(error, QString());
        test::EngineHarness h(config);
        const CommandOutcome a =
            h.pay(test::EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess, 1),
                  QStringLiteral("100.00"), QStringLiteral("r1"));
        QVERIFY2(a.ok(), qPrintable(a.message));
        QVERIFY(h.refund(a.orderNo, QStringLiteral("40.00"), QStringLiteral("f1")).ok());
        h.drain();
        const QDate day = chinaTime(h.clock().nowMs()).date();
        const EmbeddedApi::BillSource source = h.api().billSource(QStringLiteral("wechat"));
        auto* channel = dynamic_cast<SandboxChannel*>(source.channel);
        QVERIFY(channel);
        BillDifferences extra; // a sale at the channel we have no trace of
        extra.extraPayments << BillDifferences::Extra{QStringLiteral("PAX0001"), 1234, day};
        channel->setBillDifferences(&extra);
        BillDownload bill;
        bool done = false;
        channel->downloadBill(day, BillKind::All, [&](const BillDownload& b) {
            bill = b;
            done = true;
        });
        QTRY_VERIFY(done);
        channel->setBillDifferences(nullptr);

        BillInput in;
        in.channel = QStringLiteral("wechat");
        in.format = BillFormat::WeChat;
        in.day = day;
        in.content = bill.content;
        in.expectedMerchant = source.merchant;
        in.by = QStringLiteral("alice");
        ReconReport report;
        const BackOfficeOutcome o = h.api().reconciler()->reconcile(in, &report);
        QVERIFY2(o.ok(), qPrintable(o.message));
        QVERIFY(h.api().backOffice()->commit());
        QCOMPARE(report.matched, 2); // the payment and its refund
        QCOMPARE(report.ours.paidFen, 10000);
        QCOMPARE(report.ours.refundedFen, 4000);
        QStringList kinds;
        for (const ReconDifference& d : h.api().reconciler()->differences(DiffFilter{}))
            kinds << QStringLiteral("%1 %2").arg(int(d.kind)).arg(d.theirsFen);
        // The extra sale, and the money the channel settled beyond our books.
        QCOMPARE(kinds.size(), 2);
        QVERIFY2(kinds.contains(QStringLiteral("%1 1234").arg(int(DiffKind::MissingLocally))),
                 qPrintable(kinds.join(QLatin1Char(','))));
        QVERIFY(h.api().backOffice()->check().ok());
        const auto dash = h.replyOf<DashboardResult>([&](auto reply) {
            h.api().dashboard().figures(h.clock().nowMs() - 3600000, h.clock().nowMs() + 1, reply);
        });
        QVERIFY2(dash.outcome.ok(), qPrintable(dash.outcome.message));
        QCOMPARE(dash.figures.openDifferences, 2); // both need a person
    }

    // As a user sets it up: "database" in the data directory's paydesk.json,
    // then the command line.
    void commandLineUsesTheConfiguredDatabase()
    {
        QString error;
        const DatabaseConfig db = m_cluster.newDatabase(QStringLiteral("cli"), &error);
        QCOMPARE(error, QString());
        test::TempDataDir dir;
        QFile cfg(dir.file(QStringLiteral("paydesk.json")));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write(QStringLiteral(
                      R"({"sandbox":true,"database":{"postgres":{"host":"127.0.0.1","port":%1,)"
                      R"("name":"cli","user":"postgres"}}})")
                      .arg(db.port)
                      .toUtf8());
        cfg.close();
        const QStringList data{QStringLiteral("--data"), dir.path(), QStringLiteral("--no-fsync")};
        const test::CoreRun pay = test::runCore(
            data + QStringList{QStringLiteral("pay"), QStringLiteral("--amount"),
                               QStringLiteral("8.80"), QStringLiteral("--code"),
                               sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
                               QStringLiteral("--wait")});
        QVERIFY2(pay.exitCode == 0, qPrintable(pay.out + pay.err));
        QVERIFY2(!pay.err.contains(QLatin1String("NOTICE")), qPrintable(pay.err));
        QVERIFY(!QFile::exists(dir.file(QStringLiteral("paydesk.db"))));
        const test::CoreRun list =
            test::runCore(data + QStringList{QStringLiteral("--json"), QStringLiteral("order"),
                                             QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains(QLatin1String("\"fen\":\"880\"")), qPrintable(list.out));
        QCOMPARE(
            test::runCore(data + QStringList{QStringLiteral("check"), QStringLiteral("internal")})
                .exitCode,
            0);
    }

private:
    QString openBackOffice()
    {
        m_backOffice = std::make_unique<BackOffice>(
            *m_db, m_clock, LedgerConfig{}, QStringLiteral("0001"),
            [](const QString&) -> std::optional<Money> { return std::nullopt; }, *m_movements);
        return m_backOffice->open();
    }

    test::PostgresCluster m_cluster;
    int m_databases = 0;
    DatabaseConfig m_config; // this test's database
    ManualClock m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SqlStore> m_store;
    std::unique_ptr<StoreMovements> m_movements;
    std::unique_ptr<BackOffice> m_backOffice;
};

QTEST_GUILESS_MAIN(tst_Postgres)
#include "tst_postgres.moc"
