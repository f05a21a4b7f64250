// Reconciliation: the channels' bills (from the sandbox, in the real
// formats) against our payments, refunds, revokes and ledger. Every kind of
// difference is produced on purpose and must be found; the day cut-off
// resolves itself with the next bill; a bill is imported once, whole or not
// at all.
#include "api/types/Accounts.h"
#include "api/types/ReconReportExport.h"
#include "common/ChinaTime.h"
#include "ledger/BackOffice.h"
#include "recon/Reconciler.h"
#include "sandbox/SandboxChannel.h"
#include "sandbox/bills/BillDifferences.h"
#include "sandbox/bills/WeChatBill.h"
#include "testsupport/EngineHarness.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace paydesk;
using paydesk::test::EngineHarness;

Q_DECLARE_METATYPE(paydesk::Wallet)
Q_DECLARE_METATYPE(paydesk::DiffKind)

namespace {

CoreConfig config(qint64 feeRatePpm = 6000)
{
    CoreConfig c;
    c.ledger.merchantId = QStringLiteral("M1");
    c.ledger.defaultFeeRatePpm = feeRatePpm; // the sandbox charges 0.6 %
    return c;
}

QString channelOf(Wallet w)
{
    return w == Wallet::Alipay ? QStringLiteral("alipay") : QStringLiteral("wechat");
}

QDate today(EngineHarness& h)
{
    return chinaTime(h.clock().nowMs()).date();
}

SandboxChannel* sandboxChannel(EngineHarness& h, const QString& channel)
{
    return dynamic_cast<SandboxChannel*>(h.api().billSource(channel).channel);
}

QByteArray download(EngineHarness& h, const QString& channel, const QDate& day,
                    const BillDifferences* differences = nullptr)
{
    SandboxChannel* c = sandboxChannel(h, channel);
    if (!c)
        return {};
    c->setBillDifferences(differences);
    BillDownload got;
    bool done = false;
    c->downloadBill(day, BillKind::All, [&](const BillDownload& b) {
        got = b;
        done = true;
    });
    for (int i = 0; i < 500 && !done; ++i)
        QTest::qWait(10);
    c->setBillDifferences(nullptr);
    return got.content;
}

BillInput billInput(EngineHarness& h, const QString& channel, const QDate& day, const QString& by)
{
    BillInput in;
    const EmbeddedApi::BillSource src = h.api().billSource(channel);
    in.channel = channel;
    in.format = src.alipayFormat ? BillFormat::Alipay : BillFormat::WeChat;
    in.day = day;
    in.expectedMerchant = src.merchant;
    in.by = by;
    return in;
}

// Runs it and commits what an accepted run wrote.
BackOfficeOutcome run(EngineHarness& h, const BillInput& in, ReconReport* report)
{
    ReconReport r;
    const BackOfficeOutcome o = h.api().reconciler()->reconcile(in, &r);
    if (o.ok())
        h.api().backOffice()->commit();
    if (report)
        *report = r;
    return o;
}

BackOfficeOutcome reconcile(EngineHarness& h, const QString& channel, const QDate& day,
                            const QByteArray& bill, ReconReport* report = nullptr,
                            const QString& by = QStringLiteral("alice"))
{
    BillInput in = billInput(h, channel, day, by);
    in.content = bill;
    return run(h, in, report);
}

// The channel answered "no bill for that day" (WeChat "No Bill Exist").
BackOfficeOutcome reconcileWithoutBill(EngineHarness& h, const QString& channel, const QDate& day,
                                       bool confirmed, ReconReport* report = nullptr)
{
    BillInput in = billInput(h, channel, day, QStringLiteral("alice"));
    in.channelHasNoBill = true;
    in.noBillConfirmed = confirmed;
    return run(h, in, report);
}

qint64 balance(EngineHarness& h, const QString& account)
{
    const auto b = h.api().backOffice()->ledger().balance(account);
    return b ? b->signedFen : -999999999;
}

QList<ReconDifference> diffs(EngineHarness& h, std::optional<DiffState> state = std::nullopt)
{
    DiffFilter f;
    f.state = state;
    return h.api().reconciler()->differences(f);
}

QString describe(const QList<ReconDifference>& list)
{
    QStringList out;
    for (const ReconDifference& d : list)
        out << QStringLiteral("%1/%2/%3 %4")
                   .arg(diffKindName(d.kind), diffStateName(d.state), itemKindName(d.item),
                        d.itemNo);
    return out.join(QStringLiteral("; "));
}

QString paymentNoOf(EngineHarness& h, const QString& orderNo)
{
    return h.details(orderNo).payments.first().paymentNo;
}

qint64 openCount(const ReconReport& r)
{
    qint64 n = 0;
    for (const ReconKindTotals& k : r.byKind)
        n += k.count;
    return n;
}

} // namespace

class tst_Reconcile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanDayMatchesEveryLine_data();
    void cleanDayMatchesEveryLine();
    void revokeOfPaidPaymentMatchesOurReversal_data();
    void revokeOfPaidPaymentMatchesOurReversal();
    void injectedDifferenceIsFound_data();
    void injectedDifferenceIsFound();
    void feeMismatchWhenContractRateDiffers();
    void billPaidWhatWeThinkFailedIsStatusMismatch();
    void crossMidnightLineWaitsAndResolvesNextDay();
    void ourLineNotOnNextBillEitherBecomesOpen();
    void sameBillTwiceChangesNothing();
    void otherBillForReconciledDayIsRefused();
    void redownloadedBillIsTheSameBill_data();
    void redownloadedBillIsTheSameBill();
    void changedAlipayLineIsAnotherBill();
    void noBillAndNothingClearedRecordsNothing();
    void noBillWhileWeClearedWaitsForConfirmation();
    void confirmedNoBillRecordsMissingAtChannel();
    void badBillIsRefusedAndNothingKept_data();
    void badBillIsRefusedAndNothingKept();
    void wrongMerchantIsRefused();
    void writeOffNeedsSecondPersonAndClearsSuspense();
    void resolveRecordsReasonOnTimeline();
    void reportExportsCsvAndPdf();
    void missingPaymentIsRecoveredWithApproval();
    void paymentStillInProgressIsCompletedFromBill();
    void rejectedRecoveryChangesNothing();
    void recoveryIsRefused_data();
    void recoveryIsRefused();
};

void tst_Reconcile::cleanDayMatchesEveryLine_data()
{
    QTest::addColumn<Wallet>("wallet");
    QTest::newRow("wechat") << Wallet::WeChat;
    QTest::newRow("alipay") << Wallet::Alipay;
}

void tst_Reconcile::cleanDayMatchesEveryLine()
{
    QFETCH(Wallet, wallet);
    const QString channel = channelOf(wallet);
    EngineHarness h(config());
    const CommandOutcome a =
        h.pay(EngineHarness::code(wallet, SandboxBehaviour::InstantSuccess, 1), "100.00", "r1");
    const CommandOutcome b =
        h.pay(EngineHarness::code(wallet, SandboxBehaviour::InstantSuccess, 2), "33.33", "r2");
    h.pay(EngineHarness::code(wallet, SandboxBehaviour::InsufficientFunds, 3), "5.00", "r3");
    QVERIFY(a.ok() && b.ok());
    QVERIFY(h.refund(a.orderNo, "40.00", "f1").ok());
    h.drain();

    ReconReport r;
    const BackOfficeOutcome o = reconcile(h, channel, today(h), download(h, channel, today(h)), &r);
    QVERIFY2(o.status == BackOfficeStatus::Ok, qPrintable(o.message));
    QCOMPARE(r.matched, 3); // two payments, one refund; the failed one is billed nowhere
    QCOMPARE(r.theirs.paidFen, 13333);
    QCOMPARE(r.theirs.refundedFen, 4000);
    QCOMPARE(r.ours.paidFen, r.theirs.paidFen);
    QCOMPARE(r.ours.feeFen, r.theirs.feeFen);
    QCOMPARE(openCount(r), 0);
    QCOMPARE(r.pendingNextDay, 0);
    QCOMPARE(r.fundDifferenceFen, 0);
    QVERIFY2(diffs(h).isEmpty(), qPrintable(describe(diffs(h))));
    // Fund flow: the channel's net (minus its fees) reached the bank; the
    // receivable is cleared; suspense holds nothing.
    QCOMPARE(balance(h, accounts::channelReceivable(channel)), 0);
    QCOMPARE(balance(h, accounts::suspense()), 0);
    QCOMPARE(balance(h, accounts::bank()), 9333 - r.theirs.feeFen);
    QCOMPARE(balance(h, accounts::channelFees(channel)), r.theirs.feeFen);
    QVERIFY(QFile::exists(r.rawPath));
    QVERIFY(h.api().backOffice()->check().ok());
}

void tst_Reconcile::revokeOfPaidPaymentMatchesOurReversal_data()
{
    cleanDayMatchesEveryLine_data();
}

void tst_Reconcile::revokeOfPaidPaymentMatchesOurReversal()
{
    // A paid payment revoked bills as payment + refund: WeChat marks the
    // refund REVOKED; on Alipay its batch number is the trade number.
    QFETCH(Wallet, wallet);
    const QString channel = channelOf(wallet);
    EngineHarness h(config());
    const CommandOutcome out =
        h.pay(EngineHarness::code(wallet, SandboxBehaviour::NoResponseThenSuccess), "40.00", "r1");
    QVERIFY(h.revoke(out.orderNo).ok());
    h.advance(120'000);
    QCOMPARE(paymentStateName(h.details(out.orderNo).payments.first().state),
             paymentStateName(PaymentState::Reversed));
    ReconReport r;
    const BackOfficeOutcome o = reconcile(h, channel, today(h), download(h, channel, today(h)), &r);
    QVERIFY2(o.ok(), qPrintable(o.message));
    QCOMPARE(r.theirs.payments, 1);
    QCOMPARE(r.theirs.refunds, 1);
    QCOMPARE(r.matched, 2);
    QVERIFY2(diffs(h).isEmpty(), qPrintable(describe(diffs(h))));
    QCOMPARE(r.fundDifferenceFen, 0);
}

void tst_Reconcile::injectedDifferenceIsFound_data()
{
    QTest::addColumn<Wallet>("wallet");
    QTest::addColumn<QString>("inject"); // drop | amount | state | extra
    QTest::addColumn<DiffKind>("kind");
    for (Wallet w : {Wallet::WeChat, Wallet::Alipay}) {
        const QByteArray c = channelOf(w).toLatin1();
        QTest::newRow(c + "_dropped_line_missing_at_channel")
            << w << "drop" << DiffKind::MissingAtChannel;
        QTest::newRow(c + "_other_amount") << w << "amount" << DiffKind::AmountMismatch;
        QTest::newRow(c + "_billed_revoked_status_mismatch")
            << w << "state" << DiffKind::StatusMismatch;
        QTest::newRow(c + "_unknown_payment_missing_locally")
            << w << "extra" << DiffKind::MissingLocally;
    }
}

void tst_Reconcile::injectedDifferenceIsFound()
{
    QFETCH(Wallet, wallet);
    QFETCH(QString, inject);
    QFETCH(DiffKind, kind);
    const QString channel = channelOf(wallet);
    EngineHarness h(config());
    const CommandOutcome keep =
        h.pay(EngineHarness::code(wallet, SandboxBehaviour::InstantSuccess, 1), "10.00", "r1");
    const CommandOutcome odd =
        h.pay(EngineHarness::code(wallet, SandboxBehaviour::InstantSuccess, 2), "20.00", "r2");
    QVERIFY(keep.ok() && odd.ok());
    h.drain();
    const QString oddPayment = paymentNoOf(h, odd.orderNo);
    BillDifferences d;
    qint64 expectedFund = 0;
    if (inject == QLatin1String("drop")) {
        d.dropPayments << oddPayment;
        expectedFund = -2000;
    } else if (inject == QLatin1String("amount")) {
        d.amountFen.insert(oddPayment, 1999);
        expectedFund = -1;
    } else if (inject == QLatin1String("state")) {
        // Alipay shows a reversed trade as a refund of it all (batch = trade no).
        d.states.insert(oddPayment, wallet == Wallet::Alipay ? QStringLiteral("TRADE_CLOSED")
                                                             : QStringLiteral("REVOKED"));
        expectedFund = wallet == Wallet::Alipay ? -2000 : 0; // Alipay bills the money back too
    } else {
        d.extraPayments << BillDifferences::Extra{QStringLiteral("X-UNKNOWN-1"), 777, today(h)};
        expectedFund = 777;
    }
    ReconReport r;
    const BackOfficeOutcome o =
        reconcile(h, channel, today(h), download(h, channel, today(h), &d), &r);
    QVERIFY2(o.ok(), qPrintable(o.message));
    const QList<ReconDifference> open = diffs(h, DiffState::Open);
    QList<ReconDifference> ofKind;
    for (const ReconDifference& x : open)
        if (x.kind == kind)
            ofKind << x;
    QVERIFY2(ofKind.size() == 1, qPrintable(describe(diffs(h))));
    const ReconDifference& found = ofKind.first();
    QCOMPARE(found.channel, channel);
    QCOMPARE(found.businessDate, today(h));
    if (kind == DiffKind::MissingLocally) {
        QCOMPARE(found.itemNo, QStringLiteral("X-UNKNOWN-1"));
        QCOMPARE(found.theirsFen, 777);
        QVERIFY(found.orderNo.isEmpty());
        // Money taken that we know nothing of pages a person.
        bool paged = false;
        for (const AlertRecord& a : h.alerts())
            paged |= a.kind == QLatin1String("reconciliation") && a.level == AlertLevel::Page &&
                     a.message.contains(QStringLiteral("X-UNKNOWN-1"));
        QVERIFY(paged);
    } else {
        QCOMPARE(found.itemNo, oddPayment);
        QCOMPARE(found.orderNo, odd.orderNo);
        // The order's timeline tells support staff about it.
        bool onTimeline = false;
        for (const TrackEvent& e : h.details(odd.orderNo).events)
            onTimeline |= e.message.contains(diffKindName(kind));
        QVERIFY(onTimeline);
    }
    if (kind == DiffKind::AmountMismatch) {
        QCOMPARE(found.oursFen, 2000);
        QCOMPARE(found.theirsFen, 1999);
    }
    if (kind == DiffKind::StatusMismatch) {
        QCOMPARE(found.oursState, QStringLiteral("SUCCESS"));
        QCOMPARE(found.theirsState, QStringLiteral("REVOKED"));
    }
    // Fund flow: the difference waits in suspense, long or short.
    QCOMPARE(r.fundDifferenceFen, expectedFund);
    QCOMPARE(balance(h, accounts::suspense()), -expectedFund);
    if (expectedFund != 0) {
        const DiffKind fundKind = expectedFund > 0 ? DiffKind::FundLong : DiffKind::FundShort;
        bool fundFound = false;
        for (const ReconDifference& x : open)
            fundFound |= x.kind == fundKind;
        QVERIFY2(fundFound, qPrintable(describe(open)));
    }
    QVERIFY(h.api().backOffice()->check().ok());
}

void tst_Reconcile::feeMismatchWhenContractRateDiffers()
{
    // We expect 0.38 %; the channel bills 0.6 %.
    EngineHarness h(config(3800));
    QVERIFY(
        h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess), "100.00", "r1")
            .ok());
    h.drain();
    ReconReport r;
    QVERIFY(reconcile(h, QStringLiteral("wechat"), today(h),
                      download(h, QStringLiteral("wechat"), today(h)), &r)
                .ok());
    const QList<ReconDifference> open = diffs(h, DiffState::Open);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().kind, DiffKind::FeeMismatch);
    QCOMPARE(open.first().oursFeeFen, 38);
    QCOMPARE(open.first().theirsFeeFen, 60);
    QCOMPARE(r.byKind[int(DiffKind::FeeMismatch)].sumFen, 22);
    QCOMPARE(r.fundDifferenceFen, 0); // the money matched; only the fee differs
}

void tst_Reconcile::billPaidWhatWeThinkFailedIsStatusMismatch()
{
    // Ours FAILED, theirs SUCCESS: money taken for a sale we think unpaid.
    EngineHarness h(config());
    const CommandOutcome failed = h.pay(
        EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InsufficientFunds), "8.00", "r1");
    h.drain();
    const QString paymentNo = paymentNoOf(h, failed.orderNo);
    BillDifferences d;
    d.extraPayments << BillDifferences::Extra{paymentNo, 800, today(h)};
    QVERIFY(reconcile(h, QStringLiteral("wechat"), today(h),
                      download(h, QStringLiteral("wechat"), today(h), &d))
                .ok());
    const QList<ReconDifference> open = diffs(h, DiffState::Open);
    bool found = false;
    for (const ReconDifference& x : open)
        if (x.kind == DiffKind::StatusMismatch) {
            found = true;
            QCOMPARE(x.orderNo, failed.orderNo);
            QCOMPARE(x.oursState, QStringLiteral("FAILED"));
            QCOMPARE(x.theirsFen, 800);
        }
    QVERIFY2(found, qPrintable(describe(open)));
}

void tst_Reconcile::crossMidnightLineWaitsAndResolvesNextDay()
{
    // We record a payment at 23:58 on day D; the channel's clock puts it at
    // 00:01 on D+1. Day D's bill lacks it: pending, not a difference. Day
    // D+1's bill has it: resolved by itself, and suspense evens out.
    EngineHarness h(config());
    h.advance(15 * 3600'000LL + 58 * 60'000LL, 60'000); // 08:00 → 23:58 China time
    const QDate dayD = today(h);
    const CommandOutcome late = h.pay(
        EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess, 1), "12.00", "r1");
    QVERIFY(late.ok());
    h.drain();
    h.advance(10 * 60'000LL, 60'000);
    const QDate dayD1 = today(h);
    QCOMPARE(dayD1, dayD.addDays(1));
    QVERIFY(h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess, 2), "3.00",
                  "r2")
                .ok());
    h.drain();

    // The channel's view: the 23:58 line moved past midnight.
    QString error;
    QList<SandboxAcquirer::BillEntry> lines = h.sandbox().billEntries(
        QStringLiteral("wechat"), chinaDayStartMs(dayD), chinaDayStartMs(dayD.addDays(2)), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(lines.size(), 2);
    QList<SandboxAcquirer::BillEntry> billD, billD1;
    for (SandboxAcquirer::BillEntry e : lines) {
        if (e.atMs < chinaDayStartMs(dayD1))
            e.atMs = chinaDayStartMs(dayD1) + 60'000;
        billD1 << e;
    }
    const WeChatBillAccount account{QStringLiteral("wxd678efh567hg6787"),
                                    sandboxChannel(h, QStringLiteral("wechat"))->billMerchant()};
    // An empty day is still a bill: header and zero summary. Write the
    // header alone as WeChat would for a day with only a different line.
    ReconReport r1;
    SandboxAcquirer::BillEntry other = billD1.last();
    other.paymentNo = QStringLiteral("X-OTHER");
    other.atMs = chinaDayStartMs(dayD) + 3600'000;
    billD << other; // a line of day D the sandbox does not know: keeps day D's bill non-empty
    BackOfficeOutcome o = reconcile(h, QStringLiteral("wechat"), dayD,
                                    wechatBill(billD, WeChatBillType::All, account), &r1);
    QVERIFY2(o.ok(), qPrintable(o.message));
    QCOMPARE(r1.pendingNextDay, 1);
    QList<ReconDifference> pending = diffs(h, DiffState::PendingNextDay);
    bool latePending = false;
    for (const ReconDifference& x : pending)
        latePending |= x.orderNo == late.orderNo && x.kind == DiffKind::MissingAtChannel;
    QVERIFY2(latePending, qPrintable(describe(pending)));

    ReconReport r2;
    o = reconcile(h, QStringLiteral("wechat"), dayD1,
                  wechatBill(billD1, WeChatBillType::All, account), &r2);
    QVERIFY2(o.ok(), qPrintable(o.message));
    QCOMPARE(r2.resolvedFromPrevious, 1);
    QCOMPARE(r2.pendingNextDay, 0);
    const QList<ReconDifference> all = diffs(h);
    for (const ReconDifference& x : all)
        if (x.orderNo == late.orderNo) {
            QCOMPARE(diffStateName(x.state), diffStateName(DiffState::AutoResolved));
        }
    QVERIFY(diffs(h, DiffState::PendingNextDay).isEmpty());
    // Only the unknown X-OTHER line (and its money) is left for a person.
    for (const ReconDifference& x : diffs(h, DiffState::Open))
        QVERIFY2(x.itemNo == QLatin1String("X-OTHER") || x.kind == DiffKind::FundLong,
                 qPrintable(describe(diffs(h, DiffState::Open))));
    // The late payment's 12.00 was short on D and long on D+1: suspense
    // holds only X-OTHER's money.
    QCOMPARE(balance(h, accounts::suspense()), -other.amountFen);
}

void tst_Reconcile::ourLineNotOnNextBillEitherBecomesOpen()
{
    EngineHarness h(config());
    h.advance(15 * 3600'000LL + 58 * 60'000LL, 60'000);
    const QDate dayD = today(h);
    const CommandOutcome late = h.pay(
        EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess, 1), "12.00", "r1");
    const CommandOutcome early = h.pay(
        EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess, 2), "1.00", "r2");
    h.drain();
    BillDifferences drop;
    drop.dropPayments << paymentNoOf(h, late.orderNo);
    QVERIFY(reconcile(h, QStringLiteral("wechat"), dayD,
                      download(h, QStringLiteral("wechat"), dayD, &drop))
                .ok());
    QCOMPARE(diffs(h, DiffState::PendingNextDay).size(), 2); // the line and the day's short money
    h.advance(3600'000, 60'000);
    QVERIFY(h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess, 3), "2.00",
                  "r3")
                .ok());
    h.drain();
    QVERIFY(reconcile(h, QStringLiteral("wechat"), dayD.addDays(1),
                      download(h, QStringLiteral("wechat"), dayD.addDays(1)))
                .ok());
    QVERIFY(diffs(h, DiffState::PendingNextDay).isEmpty());
    bool open = false;
    for (const ReconDifference& x : diffs(h, DiffState::Open))
        open |= x.orderNo == late.orderNo && x.kind == DiffKind::MissingAtChannel;
    QVERIFY2(open, qPrintable(describe(diffs(h))));
    Q_UNUSED(early);
}

void tst_Reconcile::sameBillTwiceChangesNothing()
{
    EngineHarness h(config());
    QVERIFY(
        h.pay(EngineHarness::code(Wallet::Alipay, SandboxBehaviour::InstantSuccess), "10.00", "r1")
            .ok());
    h.drain();
    BillDifferences d;
    d.extraPayments << BillDifferences::Extra{QStringLiteral("X1"), 500, today(h)};
    const QByteArray bill = download(h, QStringLiteral("alipay"), today(h), &d);
    ReconReport first;
    QCOMPARE(reconcile(h, QStringLiteral("alipay"), today(h), bill, &first).status,
             BackOfficeStatus::Ok);
    const int diffCount = diffs(h).size();
    const qint64 bank = balance(h, accounts::bank());
    const qint64 suspense = balance(h, accounts::suspense());
    ReconReport again;
    QCOMPARE(reconcile(h, QStringLiteral("alipay"), today(h), bill, &again, QStringLiteral("bob"))
                 .status,
             BackOfficeStatus::Repeated);
    QCOMPARE(again.matched, first.matched);
    QCOMPARE(again.runBy, QStringLiteral("alice"));
    QCOMPARE(diffs(h).size(), diffCount);
    QCOMPARE(balance(h, accounts::bank()), bank);
    QCOMPARE(balance(h, accounts::suspense()), suspense);
}

void tst_Reconcile::otherBillForReconciledDayIsRefused()
{
    EngineHarness h(config());
    QVERIFY(
        h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess), "10.00", "r1")
            .ok());
    h.drain();
    QVERIFY(reconcile(h, QStringLiteral("wechat"), today(h),
                      download(h, QStringLiteral("wechat"), today(h)))
                .ok());
    BillDifferences d;
    d.extraPayments << BillDifferences::Extra{QStringLiteral("X2"), 100, today(h)};
    const BackOfficeOutcome o = reconcile(h, QStringLiteral("wechat"), today(h),
                                          download(h, QStringLiteral("wechat"), today(h), &d));
    QCOMPARE(o.status, BackOfficeStatus::InvalidArgument);
    QVERIFY2(o.message.contains(QStringLiteral("already reconciled")), qPrintable(o.message));
    QVERIFY(diffs(h).isEmpty());
}

// Regression: Alipay's ZIP stamps its export time (导出时间 and the entries'
// times), so the day downloaded again was "already reconciled with another
// bill". WeChat's text stamps no time; the row pins that it stays so.
void tst_Reconcile::redownloadedBillIsTheSameBill_data()
{
    QTest::addColumn<Wallet>("wallet");
    QTest::newRow("alipay") << Wallet::Alipay;
    QTest::newRow("wechat") << Wallet::WeChat;
}

void tst_Reconcile::redownloadedBillIsTheSameBill()
{
    QFETCH(Wallet, wallet);
    EngineHarness h(config());
    QVERIFY(
        h.pay(EngineHarness::code(wallet, SandboxBehaviour::InstantSuccess), "10.00", "r1").ok());
    h.drain();
    const QString channel = channelOf(wallet);
    const QDate day = today(h);
    const QByteArray first = download(h, channel, day);
    ReconReport firstRun;
    QCOMPARE(reconcile(h, channel, day, first, &firstRun).status, BackOfficeStatus::Ok);
    const int diffCount = diffs(h).size();
    const qint64 bank = balance(h, accounts::bank());
    const QStringList kept =
        QDir(QFileInfo(firstRun.rawPath).absolutePath()).entryList(QDir::Files);

    h.clock().advance(3 * 60'000); // exported three minutes later
    const QByteArray second = download(h, channel, day);
    if (wallet == Wallet::Alipay)
        QVERIFY(first != second);
    else
        QCOMPARE(second, first); // WeChat's text stamps no time
    ReconReport again;
    const BackOfficeOutcome o = reconcile(h, channel, day, second, &again, QStringLiteral("bob"));
    QCOMPARE(o.status, BackOfficeStatus::Repeated);
    QVERIFY2(o.message.contains(QStringLiteral("reconciled before; nothing changed")),
             qPrintable(o.message));
    QCOMPARE(again.runBy, QStringLiteral("alice"));
    QCOMPARE(again.billSha256, firstRun.billSha256);
    QCOMPARE(diffs(h).size(), diffCount);
    QCOMPARE(balance(h, accounts::bank()), bank);
    // The copy reconciled first is the one kept.
    QCOMPARE(QDir(QFileInfo(firstRun.rawPath).absolutePath()).entryList(QDir::Files), kept);
}

void tst_Reconcile::changedAlipayLineIsAnotherBill()
{
    EngineHarness h(config());
    const CommandOutcome paid =
        h.pay(EngineHarness::code(Wallet::Alipay, SandboxBehaviour::InstantSuccess), "10.00", "r1");
    QVERIFY(paid.ok());
    h.drain();
    const QDate day = today(h);
    QVERIFY(reconcile(h, QStringLiteral("alipay"), day, download(h, QStringLiteral("alipay"), day))
                .ok());
    BillDifferences d;
    d.amountFen.insert(paymentNoOf(h, paid.orderNo), 999);
    const BackOfficeOutcome o =
        reconcile(h, QStringLiteral("alipay"), day, download(h, QStringLiteral("alipay"), day, &d));
    QCOMPARE(o.status, BackOfficeStatus::InvalidArgument);
    QVERIFY2(o.message.contains(QStringLiteral("already reconciled with another bill")),
             qPrintable(o.message));
    QVERIFY(diffs(h).isEmpty());
}

void tst_Reconcile::noBillAndNothingClearedRecordsNothing()
{
    EngineHarness h(config());
    const QString wechat = QStringLiteral("wechat");
    ReconReport r;
    const BackOfficeOutcome o = reconcileWithoutBill(h, wechat, today(h), false, &r);
    QVERIFY2(o.status == BackOfficeStatus::Ok, qPrintable(o.message));
    QVERIFY2(o.message.contains(QStringLiteral("nothing to reconcile")), qPrintable(o.message));
    QCOMPARE(r.ours.payments, 0);
    // Not recorded: a bill that turns up later is still reconciled in full.
    QVERIFY(!h.api().reconciler()->report(wechat, config().ledger.merchantId, today(h)));
    QVERIFY(
        h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess), "10.00", "r1")
            .ok());
    h.drain();
    QVERIFY(reconcile(h, wechat, today(h), download(h, wechat, today(h)), &r).ok());
    QCOMPARE(r.matched, 1);
    QVERIFY(diffs(h).isEmpty());
}

// "No bill" also comes before the channel has made the day's bill: with
// payments on our side that is no proof they are missing.
void tst_Reconcile::noBillWhileWeClearedWaitsForConfirmation()
{
    EngineHarness h(config());
    const QString wechat = QStringLiteral("wechat");
    QVERIFY(
        h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess), "10.00", "r1")
            .ok());
    h.drain();
    const BackOfficeOutcome o = reconcileWithoutBill(h, wechat, today(h), false);
    QCOMPARE(o.status, BackOfficeStatus::NotDue);
    QVERIFY2(o.message.contains(QStringLiteral("cleared 1 payments (10.00)")),
             qPrintable(o.message));
    QVERIFY2(o.message.contains(QStringLiteral("--confirm-no-bill")), qPrintable(o.message));
    h.api().backOffice()->commit();
    QVERIFY(diffs(h).isEmpty());
    QCOMPARE(balance(h, accounts::suspense()), 0);
    QCOMPARE(balance(h, accounts::channelReceivable(wechat)), 1000);
    // The bill made later goes through as usual.
    QVERIFY(reconcile(h, wechat, today(h), download(h, wechat, today(h))).ok());
    QVERIFY(diffs(h).isEmpty());
    QCOMPARE(balance(h, accounts::channelReceivable(wechat)), 0);
}

void tst_Reconcile::confirmedNoBillRecordsMissingAtChannel()
{
    EngineHarness h(config());
    const QString wechat = QStringLiteral("wechat");
    const CommandOutcome paid =
        h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess), "10.00", "r1");
    QVERIFY(paid.ok());
    h.drain();
    ReconReport r;
    const BackOfficeOutcome o = reconcileWithoutBill(h, wechat, today(h), true, &r);
    QVERIFY2(o.status == BackOfficeStatus::Ok, qPrintable(o.message));
    QCOMPARE(r.theirs.payments, 0);
    QCOMPARE(r.ours.payments, 1);
    QCOMPARE(r.byKind[int(DiffKind::MissingAtChannel)].count, 1);
    QCOMPARE(r.byKind[int(DiffKind::MissingAtChannel)].sumFen, 1000);
    QCOMPARE(r.fundDifferenceFen, -1000);
    QCOMPARE(r.billSha256, noBillSha256());
    const QList<ReconDifference> open = diffs(h, DiffState::Open);
    QCOMPARE(open.size(), 2); // the payment, and the day's fund short
    bool missing = false;
    for (const ReconDifference& d : open)
        missing |= d.kind == DiffKind::MissingAtChannel && d.orderNo == paid.orderNo;
    QVERIFY2(missing, qPrintable(describe(open)));
    // The receivable moved to suspense until a person works it.
    QCOMPARE(balance(h, accounts::channelReceivable(wechat)), 0);
    QCOMPARE(balance(h, accounts::suspense()), 1000);
    QVERIFY(h.api().backOffice()->check().ok());
    // Again: repeated. A bill that turns up later: the day is done.
    QCOMPARE(reconcileWithoutBill(h, wechat, today(h), true).status, BackOfficeStatus::Repeated);
    const BackOfficeOutcome later = reconcile(h, wechat, today(h), download(h, wechat, today(h)));
    QCOMPARE(later.status, BackOfficeStatus::InvalidArgument);
    QVERIFY2(later.message.contains(QStringLiteral("already reconciled")),
             qPrintable(later.message));
    QCOMPARE(diffs(h).size(), 2);
}

void tst_Reconcile::badBillIsRefusedAndNothingKept_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("message");
    QTest::newRow("wechat_truncated_no_summary") << "wechat"
                                                 << "truncate"
                                                 << "line";
    QTest::newRow("wechat_summary_disagrees") << "wechat"
                                              << "summary"
                                              << "summary";
    QTest::newRow("wechat_garbage") << "wechat"
                                    << "garbage"
                                    << "line 1";
    QTest::newRow("wechat_empty") << "wechat"
                                  << "empty"
                                  << "empty";
    QTest::newRow("alipay_zip_cut_short") << "alipay"
                                          << "truncate"
                                          << "";
    QTest::newRow("alipay_not_a_zip") << "alipay"
                                      << "garbage"
                                      << "";
}

void tst_Reconcile::badBillIsRefusedAndNothingKept()
{
    QFETCH(QString, channel);
    QFETCH(QString, damage);
    QFETCH(QString, message);
    EngineHarness h(config());
    QVERIFY(h.pay(EngineHarness::code(channel == QLatin1String("alipay") ? Wallet::Alipay
                                                                         : Wallet::WeChat,
                                      SandboxBehaviour::InstantSuccess),
                  "10.00", "r1")
                .ok());
    h.drain();
    QByteArray bill = download(h, channel, today(h));
    QVERIFY(!bill.isEmpty());
    if (damage == QLatin1String("truncate"))
        bill.chop(channel == QLatin1String("alipay")
                      ? 40
                      : bill.size() - bill.lastIndexOf("\r\n", bill.size() - 3) + 60);
    else if (damage == QLatin1String("summary"))
        bill.replace("`1,`10.00,", "`1,`11.00,"); // the summary line only
    else if (damage == QLatin1String("garbage"))
        bill = "this is not a bill\r\n";
    else
        bill.clear();
    const qint64 bank = balance(h, accounts::bank());
    const BackOfficeOutcome o = reconcile(h, channel, today(h), bill);
    QCOMPARE(o.status, BackOfficeStatus::InvalidArgument);
    QVERIFY2(o.message.contains(message), qPrintable(o.message));
    QVERIFY2(o.message.contains(QStringLiteral("nothing imported")) ||
                 damage == QLatin1String("empty"),
             qPrintable(o.message));
    QVERIFY(diffs(h).isEmpty());
    QCOMPARE(balance(h, accounts::bank()), bank);
    QVERIFY(!h.api().reconciler()->report(channel, sandboxChannel(h, channel)->billMerchant(),
                                          today(h)));
    const QStringList kept =
        QDir(h.dataDir() + QStringLiteral("/bills/") + channel).entryList(QDir::Files);
    QVERIFY2(kept.isEmpty(), qPrintable(kept.join(QLatin1Char(' '))));
}

void tst_Reconcile::wrongMerchantIsRefused()
{
    EngineHarness h(config());
    QVERIFY(
        h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess), "10.00", "r1")
            .ok());
    h.drain();
    BillInput in;
    in.channel = QStringLiteral("wechat");
    in.day = today(h);
    in.content = download(h, in.channel, in.day);
    in.expectedMerchant = QStringLiteral("1900000001");
    in.by = QStringLiteral("alice");
    ReconReport r;
    const BackOfficeOutcome o = h.api().reconciler()->reconcile(in, &r);
    QCOMPARE(o.status, BackOfficeStatus::InvalidArgument);
    QVERIFY2(o.message.contains(QStringLiteral("1230000109")) &&
                 o.message.contains(QStringLiteral("1900000001")),
             qPrintable(o.message));
    QVERIFY(diffs(h).isEmpty());
}

void tst_Reconcile::writeOffNeedsSecondPersonAndClearsSuspense()
{
    EngineHarness h(config());
    QVERIFY(
        h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess), "10.00", "r1")
            .ok());
    h.drain();
    BillDifferences d;
    d.extraPayments << BillDifferences::Extra{QStringLiteral("X9"), 300, today(h)};
    QVERIFY(reconcile(h, QStringLiteral("wechat"), today(h),
                      download(h, QStringLiteral("wechat"), today(h), &d))
                .ok());
    QCOMPARE(balance(h, accounts::suspense()), -300);
    qint64 fundId = 0;
    for (const ReconDifference& x : diffs(h, DiffState::Open))
        if (x.kind == DiffKind::FundLong)
            fundId = x.id;
    QVERIFY(fundId > 0);
    Reconciler& rc = *h.api().reconciler();
    QCOMPARE(rc.decide(fundId, QStringLiteral("bob"), true).status, BackOfficeStatus::InvalidState);
    QCOMPARE(rc.proposeWriteOff(fundId, QStringLiteral("alice"), QString()).status,
             BackOfficeStatus::InvalidArgument);
    QVERIFY(rc.proposeWriteOff(fundId, QStringLiteral("alice"),
                               QStringLiteral("channel's own error, under 5 yuan"))
                .ok());
    QCOMPARE(rc.decide(fundId, QStringLiteral("alice"), true).status, BackOfficeStatus::SameUser);
    QCOMPARE(balance(h, accounts::suspense()), -300); // nothing moved yet
    QVERIFY(rc.decide(fundId, QStringLiteral("bob"), true).ok());
    h.api().backOffice()->commit();
    const auto done = rc.difference(fundId);
    QCOMPARE(diffStateName(done->state), diffStateName(DiffState::WrittenOff));
    QCOMPARE(done->proposedBy, QStringLiteral("alice"));
    QCOMPARE(done->decidedBy, QStringLiteral("bob"));
    QCOMPARE(balance(h, accounts::suspense()), 0);
    QCOMPARE(balance(h, accounts::adjustments()), -300);
    QVERIFY(h.api().backOffice()->check().ok());
}

void tst_Reconcile::resolveRecordsReasonOnTimeline()
{
    EngineHarness h(config());
    const CommandOutcome out =
        h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess), "10.00", "r1");
    h.drain();
    BillDifferences d;
    d.amountFen.insert(paymentNoOf(h, out.orderNo), 1000 - 1);
    QVERIFY(reconcile(h, QStringLiteral("wechat"), today(h),
                      download(h, QStringLiteral("wechat"), today(h), &d))
                .ok());
    qint64 id = 0;
    for (const ReconDifference& x : diffs(h, DiffState::Open))
        if (x.kind == DiffKind::AmountMismatch)
            id = x.id;
    QVERIFY(id > 0);
    Reconciler& rc = *h.api().reconciler();
    QCOMPARE(rc.resolve(id, QStringLiteral("carol"), QString()).status,
             BackOfficeStatus::InvalidArgument);
    QCOMPARE(rc.resolve(id + 1000, QStringLiteral("carol"), QStringLiteral("x")).status,
             BackOfficeStatus::NotFound);
    QVERIFY(rc.resolve(id, QStringLiteral("carol"),
                       QStringLiteral("channel corrected its bill by phone"))
                .ok());
    h.api().backOffice()->commit();
    QCOMPARE(rc.resolve(id, QStringLiteral("carol"), QStringLiteral("again")).status,
             BackOfficeStatus::InvalidState);
    bool onTimeline = false;
    for (const TrackEvent& e : h.details(out.orderNo).events)
        onTimeline |= e.message.contains(QStringLiteral("channel corrected its bill by phone"));
    QVERIFY(onTimeline);
}

void tst_Reconcile::reportExportsCsvAndPdf()
{
    EngineHarness h(config());
    QVERIFY(
        h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess), "10.00", "r1")
            .ok());
    h.drain();
    ReconReport r;
    QVERIFY(reconcile(h, QStringLiteral("wechat"), today(h),
                      download(h, QStringLiteral("wechat"), today(h)), &r)
                .ok());
    const QByteArray csv = reconReportCsv(r);
    QVERIFY(csv.startsWith("item,ours,bill\r\n"));
    QVERIFY2(csv.contains("paid,10.00,10.00\r\n"), csv.constData());
    QVERIFY(csv.contains("matched,1,\r\n"));
    const QByteArray pdf = reconReportPdf(r);
    QVERIFY(pdf.startsWith("%PDF-1.4"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    QVERIFY(pdf.contains("(Reconciliation wechat "));
    // The cross-reference table points at each object.
    const int xref = pdf.lastIndexOf("startxref\n");
    const qint64 at = pdf.mid(xref + 10, pdf.indexOf('\n', xref + 10) - xref - 10).toLongLong();
    QVERIFY(pdf.mid(at, 4) == "xref");
    // The stored report reads back the same.
    const auto stored =
        h.api().reconciler()->report(QStringLiteral("wechat"), r.merchant, today(h));
    QVERIFY(stored);
    QCOMPARE(reconReportCsv(*stored), csv);
}

namespace {

qint64 openDiffOf(EngineHarness& h, DiffKind kind)
{
    for (const ReconDifference& x : diffs(h, DiffState::Open))
        if (x.kind == kind)
            return x.id;
    return 0;
}

} // namespace

void tst_Reconcile::missingPaymentIsRecoveredWithApproval()
{
    // The channel took 7.77 for a sale we have no trace of (a dropped order).
    // The next morning two people agree to recover it: the order is created,
    // paid, posted as money of the bill's day, and suspense is empty again.
    EngineHarness h(config());
    QVERIFY(
        h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess), "10.00", "r1")
            .ok());
    h.drain();
    const QDate billDay = today(h);
    BillDifferences d;
    d.extraPayments << BillDifferences::Extra{QStringLiteral("LOST-0001"), 777, billDay};
    QVERIFY(reconcile(h, QStringLiteral("wechat"), billDay,
                      download(h, QStringLiteral("wechat"), billDay, &d))
                .ok());
    QCOMPARE(balance(h, accounts::suspense()), -777);
    const qint64 id = openDiffOf(h, DiffKind::MissingLocally);
    const qint64 fundId = openDiffOf(h, DiffKind::FundLong);
    QVERIFY(id > 0 && fundId > 0);
    h.advance(24 * 3600'000LL, 3600'000); // the next morning

    Reconciler& rc = *h.api().reconciler();
    QCOMPARE(rc.proposeRecovery(id, QStringLiteral("alice"), QString()).status,
             BackOfficeStatus::InvalidArgument);
    QVERIFY(rc.proposeRecovery(id, QStringLiteral("alice"),
                               QStringLiteral("cashier confirms the sale at 14:02"))
                .ok());
    QCOMPARE(diffStateName(rc.difference(id)->state), diffStateName(DiffState::RecoveryProposed));
    QCOMPARE(rc.decide(id, QStringLiteral("alice"), true).status, BackOfficeStatus::SameUser);
    QCOMPARE(h.orderCount(), 1); // nothing created yet
    const BackOfficeOutcome o = rc.decide(id, QStringLiteral("bob"), true);
    QVERIFY2(o.ok(), qPrintable(o.message));
    h.api().backOffice()->commit();

    const auto done = rc.difference(id);
    QCOMPARE(diffStateName(done->state), diffStateName(DiffState::Recovered));
    QCOMPARE(done->decidedBy, QStringLiteral("bob"));
    QVERIFY(!done->orderNo.isEmpty());
    const OrderDetails od = h.details(done->orderNo);
    QCOMPARE(orderStateName(od.order.state), orderStateName(OrderState::Paid));
    QCOMPARE(od.order.amount.fen(), 777);
    QCOMPARE(od.payments.size(), 1);
    QCOMPARE(od.payments.first().paymentNo, QStringLiteral("LOST-0001"));
    QCOMPARE(paymentStateName(od.payments.first().state), paymentStateName(PaymentState::Success));
    bool told = false;
    for (const TrackEvent& e : od.events)
        told |= e.message.contains(QStringLiteral("approved by bob"));
    QVERIFY(told);
    // The money clears on the bill's day (so the next settlement pays it out
    // and the next day's bill does not miss it), and suspense is empty again.
    const auto cleared = rc.store().clearedItem(ItemKind::Payment, QStringLiteral("LOST-0001"));
    QVERIFY(cleared.has_value());
    QCOMPARE(cleared->businessDate, billDay);
    QCOMPARE(balance(h, accounts::suspense()), 0);
    QCOMPARE(balance(h, accounts::channelReceivable(QStringLiteral("wechat"))), 0);
    QCOMPARE(diffStateName(rc.difference(fundId)->state), diffStateName(DiffState::Resolved));
    QVERIFY(h.api().backOffice()->check().ok());
    // Decided once.
    QCOMPARE(rc.decide(id, QStringLiteral("carol"), true).status, BackOfficeStatus::InvalidState);
    QCOMPARE(h.orderCount(), 2);
}

void tst_Reconcile::paymentStillInProgressIsCompletedFromBill()
{
    // The pay answer was lost and the channel hides the trade from queries:
    // we still think it PROCESSING when its bill shows it paid.
    EngineHarness h(config());
    const CommandOutcome out = h.pay(
        EngineHarness::code(Wallet::WeChat, SandboxBehaviour::SlowToRecord, 90), "15.00", "r1");
    QVERIFY(out.ok());
    h.advance(20'000);
    QCOMPARE(paymentStateName(h.details(out.orderNo).payments.first().state),
             paymentStateName(PaymentState::Processing));
    QVERIFY(reconcile(h, QStringLiteral("wechat"), today(h),
                      download(h, QStringLiteral("wechat"), today(h)))
                .ok());
    const qint64 id = openDiffOf(h, DiffKind::StatusMismatch);
    QVERIFY2(id > 0, qPrintable(describe(diffs(h))));
    QCOMPARE(h.api().reconciler()->difference(id)->oursState, QStringLiteral("PROCESSING"));
    QCOMPARE(balance(h, accounts::suspense()), -1500);

    Reconciler& rc = *h.api().reconciler();
    QVERIFY(rc.proposeRecovery(id, QStringLiteral("alice"), QStringLiteral("billed as paid")).ok());
    const BackOfficeOutcome o = rc.decide(id, QStringLiteral("bob"), true);
    QVERIFY2(o.ok(), qPrintable(o.message));
    h.api().backOffice()->commit();
    h.drain();
    const OrderDetails od = h.details(out.orderNo);
    QCOMPARE(orderStateName(od.order.state), orderStateName(OrderState::Paid));
    QCOMPARE(paymentStateName(od.payments.first().state), paymentStateName(PaymentState::Success));
    QCOMPARE(h.orderCount(), 1);
    QCOMPARE(balance(h, accounts::suspense()), 0);
    QCOMPARE(balance(h, accounts::channelReceivable(QStringLiteral("wechat"))), 0);
    QVERIFY(h.api().backOffice()->check().ok());
}

void tst_Reconcile::rejectedRecoveryChangesNothing()
{
    EngineHarness h(config());
    BillDifferences d;
    d.extraPayments << BillDifferences::Extra{QStringLiteral("LOST-0002"), 500, today(h)};
    QVERIFY(reconcile(h, QStringLiteral("wechat"), today(h),
                      download(h, QStringLiteral("wechat"), today(h), &d))
                .ok());
    const qint64 id = openDiffOf(h, DiffKind::MissingLocally);
    Reconciler& rc = *h.api().reconciler();
    QVERIFY(rc.proposeRecovery(id, QStringLiteral("alice"), QStringLiteral("looks like ours")).ok());
    QVERIFY(rc.decide(id, QStringLiteral("bob"), false).ok());
    h.api().backOffice()->commit();
    QCOMPARE(diffStateName(rc.difference(id)->state), diffStateName(DiffState::Open));
    QCOMPARE(h.orderCount(), 0);
    QCOMPARE(balance(h, accounts::suspense()), -500);
}

void tst_Reconcile::recoveryIsRefused_data()
{
    QTest::addColumn<QString>("inject"); // failed | amount | fund | twice
    QTest::addColumn<QString>("message");
    QTest::newRow("failed_payment_is_not_turned_into_money_taken") << "failed" << "never turns";
    QTest::newRow("amount_mismatch_is_not_a_missing_payment") << "amount" << "only a payment missing";
    QTest::newRow("fund_difference_has_no_payment") << "fund" << "no payment of its own";
}

void tst_Reconcile::recoveryIsRefused()
{
    QFETCH(QString, inject);
    QFETCH(QString, message);
    EngineHarness h(config());
    const bool failed = inject == QLatin1String("failed");
    const CommandOutcome out = h.pay(
        EngineHarness::code(Wallet::WeChat, failed ? SandboxBehaviour::InsufficientFunds
                                                   : SandboxBehaviour::InstantSuccess),
        "8.00", "r1");
    h.drain();
    const QString paymentNo = paymentNoOf(h, out.orderNo);
    BillDifferences d;
    if (failed)
        d.extraPayments << BillDifferences::Extra{paymentNo, 800, today(h)};
    else
        d.amountFen.insert(paymentNo, 900);
    QVERIFY(reconcile(h, QStringLiteral("wechat"), today(h),
                      download(h, QStringLiteral("wechat"), today(h), &d))
                .ok());
    const qint64 id = openDiffOf(h, failed                            ? DiffKind::StatusMismatch
                                    : inject == QLatin1String("fund") ? DiffKind::FundLong
                                                                      : DiffKind::AmountMismatch);
    QVERIFY2(id > 0, qPrintable(describe(diffs(h))));
    const qint64 suspense = balance(h, accounts::suspense());
    const BackOfficeOutcome o =
        h.api().reconciler()->proposeRecovery(id, QStringLiteral("alice"), QStringLiteral("try"));
    QCOMPARE(o.status, BackOfficeStatus::InvalidState);
    QVERIFY2(o.message.contains(message), qPrintable(o.message));
    h.api().backOffice()->commit();
    QCOMPARE(diffStateName(h.api().reconciler()->difference(id)->state),
             diffStateName(DiffState::Open));
    QCOMPARE(balance(h, accounts::suspense()), suspense);
    QCOMPARE(h.orderCount(), 1);
}

QTEST_GUILESS_MAIN(tst_Reconcile)
#include "tst_reconcile.moc"
