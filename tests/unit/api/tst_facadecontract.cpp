// The facade's back-office and reconciliation use cases, written against the
// interfaces only (PayDeskApi, BackOfficeApi, ReconApi): nothing here knows
// the core is embedded, so the same suite can run against a remote core.
// Outcomes are asserted on their stable codes, not on their text.
#include "api/PayDeskApi.h"
#include "api/types/ChinaTime.h"
#include "sandbox/SandboxBehaviour.h"
#include "testsupport/EngineHarness.h"

#include <QTest>

using namespace paydesk;
using paydesk::test::EngineHarness;

namespace {

CoreConfig shop()
{
    CoreConfig c;
    c.ledger.merchantId = QStringLiteral("M1");
    c.ledger.walletWithdrawalsPerDay = 2;
    return c;
}

// The reply of one facade call (the embedded core answers before it
// returns, except a bill download, which the harness lets run).
template <typename T, typename Call> T call(EngineHarness& h, Call send)
{
    std::optional<T> got;
    send([&](const T& v) { got = v; });
    for (int i = 0; i < 200 && !got; ++i)
        h.drain();
    if (!got)
        qFatal("the facade never replied");
    return *got;
}

QString code(const BackOfficeOutcome& o)
{
    return backOfficeStatusName(o.status);
}

QDate today(EngineHarness& h)
{
    return chinaTime(h.clock().nowMs()).date();
}

} // namespace

class tst_FacadeContract : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void walletChangesAnswerStableCodes_data();
    void walletChangesAnswerStableCodes();
    void ledgerReadsAndTheInternalCheck();
    void settlementOfTodayIsNotDue();
    void reconcileThroughTheFacade_data();
    void reconcileThroughTheFacade();
    void aSaleReachesTheBooksAndTheBill();
};

void tst_FacadeContract::walletChangesAnswerStableCodes_data()
{
    QTest::addColumn<QString>("decidedBy");
    QTest::addColumn<QString>("code");
    QTest::newRow("checker_is_another_person") << QStringLiteral("bob") << QStringLiteral("ok");
    QTest::newRow("maker_cannot_check_own_request")
        << QStringLiteral("alice") << QStringLiteral("same_user");
}

void tst_FacadeContract::walletChangesAnswerStableCodes()
{
    QFETCH(QString, decidedBy);
    QFETCH(QString, code);
    EngineHarness h(shop());
    PayDeskApi& api = h.api();
    BackOfficeApi& bo = api.accounting();
    const Money hundred = *Money::parse(QStringLiteral("100.00"));
    const Money thirty = *Money::parse(QStringLiteral("30.00"));
    QCOMPARE(::code(call<BackOfficeOutcome>(h,
                                            [&](auto r) {
                                                bo.topUpCash(QStringLiteral("m1"), hundred,
                                                             QStringLiteral("t1"),
                                                             QStringLiteral("alice"), r);
                                            })),
             QStringLiteral("ok"));
    // The same request number again: the first result, nothing changed.
    QCOMPARE(::code(call<BackOfficeOutcome>(h,
                                            [&](auto r) {
                                                bo.topUpCash(QStringLiteral("m1"), hundred,
                                                             QStringLiteral("t1"),
                                                             QStringLiteral("alice"), r);
                                            })),
             QStringLiteral("repeated"));
    const BackOfficeOutcome asked = call<BackOfficeOutcome>(h, [&](auto r) {
        bo.requestWithdrawal(QStringLiteral("m1"), thirty, QStringLiteral("w1"),
                             QStringLiteral("alice"), QString(), r);
    });
    QCOMPARE(::code(asked), QStringLiteral("ok"));
    QVERIFY(!asked.number.isEmpty());
    const BackOfficeOutcome decided = call<BackOfficeOutcome>(
        h, [&](auto r) { bo.decideWithdrawal(asked.number, true, decidedBy, QString(), r); });
    QCOMPARE(::code(decided), code);
    const auto wallet =
        call<BackOfficeRead<WalletView>>(h, [&](auto r) { bo.wallet(QStringLiteral("m1"), r); });
    QVERIFY(wallet.ok());
    // Paid out only when another person approved; held either way until then.
    QCOMPARE(wallet.value.balance.fen(), qint64(7000));
    QCOMPARE(wallet.value.totals.withdrawnFen, code == QLatin1String("ok") ? 3000 : 0);
    QCOMPARE(::code(call<BackOfficeRead<WalletView>>(
                        h, [&](auto r) { bo.wallet(QStringLiteral("nobody"), r); })
                        .outcome),
             QStringLiteral("not_found"));
}

void tst_FacadeContract::ledgerReadsAndTheInternalCheck()
{
    EngineHarness h(shop());
    BackOfficeApi& bo = h.api().accounting();
    QVERIFY(call<BackOfficeOutcome>(h, [&](auto r) {
                bo.topUpCash(QStringLiteral("m2"), *Money::parse(QStringLiteral("12.34")),
                             QStringLiteral("t"), QStringLiteral("alice"), r);
            }).ok());
    const auto all = call<BackOfficeRead<QList<AccountBalance>>>(
        h, [&](auto r) { bo.balances(BackOfficeApi::kNow, r); });
    QVERIFY(all.ok());
    qint64 sum = 0;
    for (const AccountBalance& b : all.value)
        sum += b.signedFen;
    QCOMPARE(sum, qint64(0)); // debits equal credits
    QCOMPARE(::code(call<BackOfficeRead<AccountBalance>>(
                        h,
                        [&](auto r) {
                            bo.balance(QStringLiteral("no-such-account"), BackOfficeApi::kNow, r);
                        })
                        .outcome),
             QStringLiteral("invalid_argument"));
    const auto check = call<InternalCheckReport>(h, [&](auto r) { bo.check(r); });
    QVERIFY2(check.ok(), qPrintable(check.error));
    JournalFilter f;
    f.limit = 10;
    QCOMPARE(call<QList<JournalEntry>>(h, [&](auto r) { bo.journal(f, r); }).size(), 1);
}

void tst_FacadeContract::settlementOfTodayIsNotDue()
{
    EngineHarness h(shop());
    const auto r = call<SettlementReport>(h, [&](auto reply) {
        h.api().accounting().settle(today(h), QStringLiteral("alice"), QString(), reply);
    });
    QCOMPARE(::code(r.outcome), QStringLiteral("not_due"));
    QCOMPARE(call<QList<SettlementRow>>(
                 h, [&](auto reply) { h.api().accounting().settlements(QString(), reply); })
                 .size(),
             0);
}

void tst_FacadeContract::reconcileThroughTheFacade_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<bool>("confirmNoBill");
    QTest::addColumn<QString>("billPath");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown_channel")
        << QStringLiteral("paypal") << false << QString() << QStringLiteral("not_found");
    QTest::newRow("confirm_with_a_bill")
        << QStringLiteral("wechat") << true << QStringLiteral("/tmp/x.csv")
        << QStringLiteral("invalid_argument");
    QTest::newRow("missing_bill_file")
        << QStringLiteral("wechat") << false << QStringLiteral("/nonexistent/bill.csv")
        << QStringLiteral("invalid_argument");
    QTest::newRow("downloaded_wechat_bill")
        << QStringLiteral("wechat") << false << QString() << QStringLiteral("ok");
    QTest::newRow("downloaded_alipay_bill")
        << QStringLiteral("alipay") << false << QString() << QStringLiteral("ok");
}

void tst_FacadeContract::reconcileThroughTheFacade()
{
    QFETCH(QString, channel);
    QFETCH(bool, confirmNoBill);
    QFETCH(QString, billPath);
    QFETCH(QString, code);
    EngineHarness h(shop());
    if (code == QLatin1String("ok")) {
        // A sale of the day, so the channel has a bill to match.
        const Wallet wallet = channel == QLatin1String("alipay") ? Wallet::Alipay : Wallet::WeChat;
        QVERIFY(h.pay(EngineHarness::code(wallet, SandboxBehaviour::InstantSuccess),
                      QStringLiteral("9.00"), QStringLiteral("sale"))
                    .ok());
    }
    ReconcileRequest request;
    request.channel = channel;
    request.day = today(h);
    request.confirmNoBill = confirmNoBill;
    request.billPath = billPath;
    request.by = QStringLiteral("alice");
    ReconApi& recon = h.api().reconciliation();
    const auto first = call<ReconcileResult>(h, [&](auto r) { recon.reconcile(request, r); });
    QCOMPARE(::code(first.outcome), code);
    if (code != QLatin1String("ok"))
        return;
    QVERIFY(!first.report.billSha256.isEmpty());
    // The same day's bill again: nothing changes.
    const auto again = call<ReconcileResult>(h, [&](auto r) { recon.reconcile(request, r); });
    QCOMPARE(::code(again.outcome), QStringLiteral("repeated"));
}

// A sale through the counter, settled into the books and matched against the
// channel's bill, all through the facade.
void tst_FacadeContract::aSaleReachesTheBooksAndTheBill()
{
    EngineHarness h(shop());
    const CommandOutcome paid =
        h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
              QStringLiteral("25.00"), QStringLiteral("sale-1"));
    QVERIFY2(paid.ok(), qPrintable(paid.message));
    QCOMPARE(h.details(paid.orderNo).order.state, OrderState::Paid);
    ReconcileRequest request{QStringLiteral("wechat"), today(h), {}, false,
                             QStringLiteral("alice"),  {},       {}};
    const auto run =
        call<ReconcileResult>(h, [&](auto r) { h.api().reconciliation().reconcile(request, r); });
    QCOMPARE(::code(run.outcome), QStringLiteral("ok"));
    const auto open = call<QList<ReconDifference>>(h, [&](auto r) {
        DiffFilter f;
        f.needsAction = true;
        h.api().reconciliation().differences(f, r);
    });
    QCOMPARE(open.size(), 0); // our sale and the bill agree
    const auto check = call<InternalCheckReport>(h, [&](auto r) { h.api().accounting().check(r); });
    QVERIFY2(check.ok(), qPrintable(check.error));
}

QTEST_GUILESS_MAIN(tst_FacadeContract)
#include "tst_facadecontract.moc"
