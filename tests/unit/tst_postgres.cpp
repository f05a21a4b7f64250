// The storage layer on PostgreSQL, on a throw-away cluster of its own: every
// schema migrates, the engine's store keeps and finds its rows, the ledger
// posts and balances, and the back office's wallets, withdrawals, backfill
// and internal check run. The engine itself still runs on SQLite only (see
// README, Limitations); this pins that the SQL it shares is portable.

#include "common/Clock.h"
#include "ledger/Accounts.h"
#include "ledger/BackOffice.h"
#include "recon/Reconciler.h"
#include "store/Database.h"
#include "store/SqlStore.h"
#include "testsupport/PostgresCluster.h"

#include <QtTest>

#include <memory>

using namespace paydesk;

namespace {

OrderRecord order(int i)
{
    OrderRecord o;
    o.orderNo = QStringLiteral("PO%1").arg(i, 4, 10, QLatin1Char('0'));
    o.requestNo = QStringLiteral("req-%1").arg(i);
    o.amount = Money::fromFen(1000 + i);
    o.subject = QStringLiteral("sale");
    o.storeId = o.terminalId = QStringLiteral("0001");
    o.state = OrderState::Pending;
    o.version = 1;
    o.createdAtMs = o.updatedAtMs = 1'767'225'600'000 + i;
    return o;
}

PaymentRecord payment(const OrderRecord& o, PaymentState state)
{
    PaymentRecord p;
    p.paymentNo = QStringLiteral("PA") + o.orderNo.mid(2);
    p.orderNo = o.orderNo;
    p.kind = PaymentKind::Barcode;
    p.wallet = Wallet::WeChat;
    p.channel = QStringLiteral("wechat");
    p.amount = o.amount;
    p.state = state;
    p.version = 1;
    p.codeMasked = QStringLiteral("13************") + o.orderNo.right(4);
    p.channelTradeNo = QStringLiteral("T") + o.orderNo.mid(2);
    p.createdAtMs = p.updatedAtMs = o.createdAtMs;
    return p;
}

QStringList numbers(const QList<OrderRecord>& orders)
{
    QStringList out;
    for (const OrderRecord& o : orders)
        out << o.orderNo;
    return out;
}

} // namespace

class PostgresTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QCOMPARE(m_cluster.start(), QString()); }

    void init()
    {
        QString error;
        const DatabaseConfig cfg =
            m_cluster.newDatabase(QStringLiteral("t%1").arg(++m_databases), &error);
        QCOMPARE(error, QString());
        m_db = std::make_unique<Database>();
        QCOMPARE(m_db->open(cfg, SqlStore::schemaName(), SqlStore::migrations()), QString());
        m_store = std::make_unique<SqlStore>(*m_db);
    }
    void cleanup()
    {
        m_backOffice.reset();
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
        QCOMPARE(m_db->schemaVersion(), int(SqlStore::migrations().size()));
    }

    void storeKeepsIdempotencyAndVersions()
    {
        const CommandRecord c{QStringLiteral("r1"), QStringLiteral("pay"), QStringLiteral("f"),
                              QStringLiteral("PO0001"), 1};
        QCOMPARE(m_store->insertCommand(c), 1);
        QCOMPARE(m_store->insertCommand(c), 0); // ON CONFLICT DO NOTHING
        OrderRecord o = order(1);
        QVERIFY(m_store->insertOrder(o));
        o.state = OrderState::Paid;
        o.version = 2;
        QVERIFY(m_store->updateOrder(o, 1));
        QVERIFY(!m_store->updateOrder(o, 1)); // the version read is gone
        QVERIFY(m_db->flush());
        QCOMPARE(m_store->order(o.orderNo)->state, OrderState::Paid);
    }

    void searchFindsEachKindOfNumber()
    {
        for (int i = 1; i <= 3; ++i) {
            const OrderRecord o = order(i);
            QVERIFY(m_store->insertOrder(o));
            QVERIFY(m_store->insertPayment(payment(o, PaymentState::Success)));
        }
        QVERIFY(m_db->flush());
        for (const QString& text : {QStringLiteral("PO0002"), QStringLiteral("req-2"),
                                    QStringLiteral("PA0002"), QStringLiteral("T0002"),
                                    QStringLiteral("0002")}) {
            OrderFilter f;
            f.search = text;
            QCOMPARE(numbers(m_store->orders(f)), QStringList{QStringLiteral("PO0002")});
        }
        OrderFilter all;
        all.limit = 2;
        QCOMPARE(numbers(m_store->orders(all)),
                 (QStringList{QStringLiteral("PO0003"), QStringLiteral("PO0002")}));
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
        const OrderRecord o = order(7);
        QVERIFY(m_store->insertOrder(o));
        QVERIFY(m_store->insertPayment(payment(o, PaymentState::Success)));
        QVERIFY(m_db->flush());
        QCOMPARE(openBackOffice(), QString());
        QVERIFY(m_backOffice->backfillPending());
        const BackfillReport r = m_backOffice->backfill();
        QCOMPARE(r.error, QString());
        QCOMPARE(r.payments, 1);
        QVERIFY(!m_backOffice->backfillPending());
        QVERIFY(m_backOffice->ledger().entry(QStringLiteral("pay:PA0007")).has_value());
        QVERIFY(m_backOffice->check().ok());
    }

private:
    QString openBackOffice()
    {
        m_backOffice = std::make_unique<BackOffice>(
            *m_db, m_clock, LedgerConfig{}, QStringLiteral("0001"),
            [](const QString&) -> std::optional<Money> { return std::nullopt; });
        return m_backOffice->open();
    }

    test::PostgresCluster m_cluster;
    int m_databases = 0;
    ManualClock m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SqlStore> m_store;
    std::unique_ptr<BackOffice> m_backOffice;
};

QTEST_GUILESS_MAIN(PostgresTest)
#include "tst_postgres.moc"
