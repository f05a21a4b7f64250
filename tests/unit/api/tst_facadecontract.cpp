// The facade's back-office and reconciliation use cases, written against the
// interfaces only (PayDeskApi, BackOfficeApi, ReconApi): nothing here knows
// whether the core is embedded or served, and the suite runs twice: against
// the embedded core (tst_FacadeContract_Embedded) and against the same core
// through RemoteApi → ApiServer → EmbeddedApi on loopback
// (tst_FacadeContract_Remote), with the same assertions. Outcomes are
// asserted on their stable codes, not on their text.
#include "api/PayDeskApi.h"
#include "api/types/ChinaTime.h"
#include "sandbox/SandboxBehaviour.h"
#include "testsupport/ServedLink.h"

#include <QTest>

using namespace paydesk;
using paydesk::test::EngineHarness;
using paydesk::test::FacadeUnderTest;

namespace {

CoreConfig shop()
{
    CoreConfig c;
    c.ledger.merchantId = QStringLiteral("M1");
    c.ledger.walletWithdrawalsPerDay = 2;
    return c;
}

// The reply of one facade call (the embedded core answers before it
// returns, except a bill download, which the harness lets run; the remote
// one once the link carried it).
template <typename T, typename Call> T call(FacadeUnderTest& f, Call send)
{
    return paydesk::test::replyOf<T>(f, send);
}

QString code(const BackOfficeOutcome& o)
{
    return backOfficeStatusName(o.status);
}

QDate today(FacadeUnderTest& f)
{
    return chinaTime(f.harness().clock().nowMs()).date();
}

} // namespace

class tst_FacadeContract : public QObject
{
    Q_OBJECT
protected:
    explicit tst_FacadeContract(FacadeUnderTest::Via via) : m_via(via) {}
    // A fresh core behind the facade this run tests.
    std::unique_ptr<FacadeUnderTest> facade(CoreConfig config = shop())
    {
        return std::make_unique<FacadeUnderTest>(m_via, std::move(config));
    }

private:
    FacadeUnderTest::Via m_via;

private Q_SLOTS:
    void walletChangesAnswerStableCodes_data();
    void walletChangesAnswerStableCodes();
    void ledgerReadsAndTheInternalCheck();
    void settlementOfTodayIsNotDue();
    void reconcileThroughTheFacade_data();
    void reconcileThroughTheFacade();
    void aSaleReachesTheBooksAndTheBill();
    void adjustmentsByMakerAndChecker();
    void unknownDifferencesAreNotFound();
    void dashboardFiguresOfTheDay();
    void dashboardRefusesABadPeriod();
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
    const auto core = facade();
    FacadeUnderTest& h = *core;
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
    const auto core = facade();
    FacadeUnderTest& h = *core;
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
    const auto core = facade();
    FacadeUnderTest& h = *core;
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
    const auto core = facade();
    FacadeUnderTest& h = *core;
    if (code == QLatin1String("ok")) {
        // A sale of the day, so the channel has a bill to match.
        const Wallet wallet = channel == QLatin1String("alipay") ? Wallet::Alipay : Wallet::WeChat;
        QVERIFY(h.harness()
                    .pay(EngineHarness::code(wallet, SandboxBehaviour::InstantSuccess),
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
    const auto core = facade();
    FacadeUnderTest& h = *core;
    const CommandOutcome paid = call<CommandOutcome>(h, [&](auto r) {
        h.api().pay({QStringLiteral("sale-1"), *Money::parse(QStringLiteral("25.00")),
                     EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
                     QStringLiteral("sale"), QString()},
                    r);
    });
    QVERIFY2(paid.ok(), qPrintable(paid.message));
    QCOMPARE(h.harness().details(paid.orderNo).order.state, OrderState::Paid);
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

// A manual adjustment: proposed by one person, decided by another, then in
// the books; a payout with nothing available is refused.
void tst_FacadeContract::adjustmentsByMakerAndChecker()
{
    const auto core = facade();
    FacadeUnderTest& h = *core;
    BackOfficeApi& bo = h.api().accounting();
    const QString account = QStringLiteral("asset:bank");
    const BackOfficeOutcome proposed = call<BackOfficeOutcome>(h, [&](auto r) {
        bo.proposeAdjustment(account, *Money::parse(QStringLiteral("5.00")), QString(),
                             QStringLiteral("opening float"), QStringLiteral("alice"), r);
    });
    QCOMPARE(::code(proposed), QStringLiteral("ok"));
    const auto pending =
        call<QList<ApprovalRecord>>(h, [&](auto r) { bo.approvals(approvalkind::adjustment, r); });
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().number(), proposed.number);
    QCOMPARE(pending.first().state, ApprovalState::Requested);
    QCOMPARE(pending.first().amountFen, qint64(500));
    const auto decide = [&](const QString& by) {
        return call<BackOfficeOutcome>(h, [&](auto r) {
            bo.decideApproval(approvalkind::adjustment, proposed.number, true, by, QString(), r);
        });
    };
    QCOMPARE(::code(decide(QStringLiteral("alice"))), QStringLiteral("same_user"));
    QCOMPARE(::code(decide(QStringLiteral("bob"))), QStringLiteral("ok"));
    QVERIFY(!decide(QStringLiteral("bob")).ok() ||
            ::code(decide(QStringLiteral("bob"))) == QLatin1String("repeated"));
    const auto bank = call<BackOfficeRead<AccountBalance>>(
        h, [&](auto r) { bo.balance(account, BackOfficeApi::kNow, r); });
    QVERIFY(bank.ok());
    QCOMPARE(bank.value.normalFen(), qint64(500));
    JournalFilter onBank;
    onBank.accountCode = account;
    const auto entries = call<QList<JournalEntry>>(h, [&](auto r) { bo.journal(onBank, r); });
    QCOMPARE(entries.size(), 1);
    qint64 sum = 0;
    for (const Posting& p : entries.first().postings)
        sum += p.amountFen;
    QCOMPARE(sum, qint64(0));
    const BackOfficeOutcome payout = call<BackOfficeOutcome>(h, [&](auto r) {
        bo.requestPayout(*Money::parse(QStringLiteral("1.00")), QStringLiteral("alice"), QString(),
                         QStringLiteral("po-1"), r);
    });
    QCOMPARE(::code(payout), QStringLiteral("insufficient_funds"));
    QVERIFY(call<InternalCheckReport>(h, [&](auto r) { bo.check(r); }).ok());
}

void tst_FacadeContract::unknownDifferencesAreNotFound()
{
    const auto core = facade();
    FacadeUnderTest& h = *core;
    ReconApi& recon = h.api().reconciliation();
    QVERIFY(call<QList<ReconDifference>>(h, [&](auto r) { recon.differences({}, r); }).isEmpty());
    QVERIFY(!call<std::optional<ReconDifference>>(h, [&](auto r) { recon.difference(999, r); }));
    const auto no = [&](auto send) { return ::code(call<BackOfficeOutcome>(h, send)); };
    const QString by = QStringLiteral("alice");
    QCOMPARE(no([&](auto r) { recon.resolveDifference(999, by, QStringLiteral("x"), r); }),
             QStringLiteral("not_found"));
    QCOMPARE(no([&](auto r) { recon.proposeWriteOff(999, by, QStringLiteral("x"), r); }),
             QStringLiteral("not_found"));
    QCOMPARE(no([&](auto r) { recon.proposeRecovery(999, by, QStringLiteral("x"), r); }),
             QStringLiteral("not_found"));
    QCOMPARE(no([&](auto r) { recon.decideDifference(999, by, true, r); }),
             QStringLiteral("not_found"));
    QCOMPARE(no([&](auto r) { recon.assignDifference(999, QStringLiteral("bob"), by, r); }),
             QStringLiteral("not_found"));
}

// The dashboard reads the same through either facade: a day's sales by
// wallet and hour, a refund, a failed payment, amounts to the fen.
void tst_FacadeContract::dashboardFiguresOfTheDay()
{
    const auto core = facade();
    FacadeUnderTest& h = *core;
    const auto pay = [&](const QString& requestNo, const QString& amount, Wallet w,
                         SandboxBehaviour b) {
        return call<CommandOutcome>(h, [&](auto r) {
            h.api().pay({requestNo, *Money::parse(amount), EngineHarness::code(w, b),
                         QStringLiteral("sale"), QString()},
                        r);
        });
    };
    const CommandOutcome paid = pay(QStringLiteral("d-1"), QStringLiteral("25.00"), Wallet::WeChat,
                                    SandboxBehaviour::InstantSuccess);
    QVERIFY2(paid.ok(), qPrintable(paid.message));
    pay(QStringLiteral("d-2"), QStringLiteral("10.10"), Wallet::Alipay,
        SandboxBehaviour::InstantSuccess);
    pay(QStringLiteral("d-3"), QStringLiteral("3.00"), Wallet::Alipay,
        SandboxBehaviour::InsufficientFunds);
    const CommandOutcome refund = call<CommandOutcome>(h, [&](auto r) {
        h.api().refund({QStringLiteral("d-r1"), paid.orderNo, Money::fromFen(5'00),
                        QStringLiteral("returned")},
                       r);
    });
    QVERIFY2(refund.ok(), qPrintable(refund.message));
    h.pump();
    const qint64 dayStart = chinaDayStartMs(today(h));
    const auto d = call<DashboardResult>(
        h, [&](auto r) { h.api().dashboard().figures(dayStart, dayStart + 24 * 3600'000LL, r); });
    QCOMPARE(::code(d.outcome), QStringLiteral("ok"));
    const DashboardFigures& f = d.figures;
    QCOMPARE(f.fromMs, dayStart);
    QCOMPARE(f.byWallet.size(), 2);
    QCOMPARE(f.byWallet.at(0).wallet, Wallet::WeChat);
    QCOMPARE(f.byWallet.at(0).salesFen, 25'00);
    QCOMPARE(f.byWallet.at(0).refundsFen, 5'00);
    QCOMPARE(f.byWallet.at(1).wallet, Wallet::Alipay);
    QCOMPARE(f.byWallet.at(1).salesFen, 10'10);
    QCOMPARE(f.totals().netFen(), 30'10);
    QCOMPARE(f.byHour.size(), 2);
    QCOMPARE(f.channels.size(), 2);
    QCOMPARE(f.channels.at(1).wallet, Wallet::Alipay);
    QCOMPARE(f.channels.at(1).paid, 1);
    QCOMPARE(f.channels.at(1).notPaid, 1);
    QCOMPARE(f.overall.paid, 2);
    QCOMPARE(f.overall.medianToPaidMs, 0);
    QCOMPARE(f.openOrders, 0);
}

void tst_FacadeContract::dashboardRefusesABadPeriod()
{
    const auto core = facade();
    FacadeUnderTest& h = *core;
    const auto d =
        call<DashboardResult>(h, [&](auto r) { h.api().dashboard().figures(1'000, 1'000, r); });
    QCOMPARE(::code(d.outcome), QStringLiteral("invalid_argument"));
    QVERIFY(d.figures.byWallet.isEmpty());
}

class tst_FacadeContract_Embedded : public tst_FacadeContract
{
    Q_OBJECT
public:
    tst_FacadeContract_Embedded() : tst_FacadeContract(FacadeUnderTest::Via::Embedded) {}
};

class tst_FacadeContract_Remote : public tst_FacadeContract
{
    Q_OBJECT
public:
    tst_FacadeContract_Remote() : tst_FacadeContract(FacadeUnderTest::Via::Remote) {}
};

// Both runs, one after the other; the process fails when either does.
int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    tst_FacadeContract_Embedded embedded;
    tst_FacadeContract_Remote remote;
    const int embeddedFailures = QTest::qExec(&embedded, argc, argv);
    const int remoteFailures = QTest::qExec(&remote, argc, argv);
    return embeddedFailures + remoteFailures;
}

#include "tst_facadecontract.moc"
