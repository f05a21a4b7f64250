// The back office's and reconciliation's wire shapes: what a server writes
// (toJson, the CLI's --json shapes) a client reads back field for field
// (wire::read); what a client sends a server reads strictly. Answers are
// read strictly here too: a field the writer adds and no reader takes
// fails the test, so nothing is silently dropped on the way.
#include "api/Json.h"
#include "api/LedgerJson.h"
#include "api/ReconJson.h"
#include "api/WireDecode.h"

#include <QJsonDocument>
#include <QTest>

using namespace paydesk;

namespace {

constexpr qint64 kAt = 1'796'000'000'123; // a moment with milliseconds

// What was written, read back strictly; fails the test with the field at
// fault.
template <typename T> T roundTrip(const QJsonObject& written)
{
    JsonReader report(QJsonObject{});
    const auto back = wire::decode<T>(written, JsonReader::Mode::Strict, &report);
    if (!back) {
        QTest::qFail(qPrintable(QStringLiteral("not read back: ") + report.error()), __FILE__,
                     __LINE__);
        return T{};
    }
    return *back;
}

void compare(const BackOfficeOutcome& a, const BackOfficeOutcome& b)
{
    QCOMPARE(a.status, b.status);
    QCOMPARE(a.message, b.message);
    QCOMPARE(a.number, b.number);
    QCOMPARE(a.field, b.field);
}

void compare(const AccountBalance& a, const AccountBalance& b)
{
    QCOMPARE(a.account, b.account);
    QCOMPARE(a.type, b.type);
    QCOMPARE(a.currency, b.currency);
    QCOMPARE(a.signedFen, b.signedFen);
}

void compare(const ApprovalRecord& a, const ApprovalRecord& b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.kind, b.kind);
    QCOMPARE(a.merchantId, b.merchantId);
    QCOMPARE(a.account, b.account);
    QCOMPARE(a.counterAccount, b.counterAccount);
    QCOMPARE(a.amountFen, b.amountFen);
    QCOMPARE(a.currency, b.currency);
    QCOMPARE(a.reason, b.reason);
    QCOMPARE(a.state, b.state);
    QCOMPARE(a.proposedBy, b.proposedBy);
    QCOMPARE(a.decidedBy, b.decidedBy);
    QCOMPARE(a.decisionNote, b.decisionNote);
    QCOMPARE(a.proposedAtMs, b.proposedAtMs);
    QCOMPARE(a.decidedAtMs, b.decidedAtMs);
    QCOMPARE(a.businessDate, b.businessDate);
    QCOMPARE(a.version, b.version);
    QCOMPARE(a.requestNo, b.requestNo);
    QCOMPARE(a.fingerprint, b.fingerprint);
}

void compare(const WalletOp& a, const WalletOp& b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.requestNo, b.requestNo);
    QCOMPARE(a.fingerprint, b.fingerprint);
    QCOMPARE(a.memberId, b.memberId);
    QCOMPARE(a.kind, b.kind);
    QCOMPARE(a.amount, b.amount);
    QCOMPARE(a.ref, b.ref);
    QCOMPARE(a.note, b.note);
    QCOMPARE(a.by, b.by);
    QCOMPARE(a.atMs, b.atMs);
}

void compare(const WalletView& a, const WalletView& b)
{
    QCOMPARE(a.memberId, b.memberId);
    QCOMPARE(a.balance, b.balance);
    QCOMPARE(a.totals.topUpsFen, b.totals.topUpsFen);
    QCOMPARE(a.totals.refundsInFen, b.totals.refundsInFen);
    QCOMPARE(a.totals.spentFen, b.totals.spentFen);
    QCOMPARE(a.totals.withdrawnFen, b.totals.withdrawnFen);
    QCOMPARE(a.totals.heldFen, b.totals.heldFen);
    QCOMPARE(a.recent.size(), b.recent.size());
    for (qsizetype i = 0; i < a.recent.size(); ++i)
        compare(a.recent.at(i), b.recent.at(i));
}

void compare(const SettlementRow& a, const SettlementRow& b)
{
    QCOMPARE(a.merchantId, b.merchantId);
    QCOMPARE(a.businessDate, b.businessDate);
    QCOMPARE(a.totals.items, b.totals.items);
    QCOMPARE(a.totals.grossFen, b.totals.grossFen);
    QCOMPARE(a.totals.returnedFen, b.totals.returnedFen);
    QCOMPARE(a.totals.feeFen, b.totals.feeFen);
    QCOMPARE(a.currency, b.currency);
    QCOMPARE(a.entryKey, b.entryKey);
    QCOMPARE(a.runBy, b.runBy);
    QCOMPARE(a.atMs, b.atMs);
}

void compare(const ReconSideTotals& a, const ReconSideTotals& b)
{
    QCOMPARE(a.payments, b.payments);
    QCOMPARE(a.paidFen, b.paidFen);
    QCOMPARE(a.refunds, b.refunds);
    QCOMPARE(a.refundedFen, b.refundedFen);
    QCOMPARE(a.feeFen, b.feeFen);
}

void compare(const ReconReport& a, const ReconReport& b)
{
    QCOMPARE(a.channel, b.channel);
    QCOMPARE(a.merchant, b.merchant);
    QCOMPARE(a.businessDate, b.businessDate);
    QCOMPARE(a.billSha256, b.billSha256);
    QCOMPARE(a.rawPath, b.rawPath);
    compare(a.ours, b.ours);
    compare(a.theirs, b.theirs);
    QCOMPARE(a.matched, b.matched);
    QCOMPARE(a.pendingNextDay, b.pendingNextDay);
    QCOMPARE(a.resolvedFromPrevious, b.resolvedFromPrevious);
    for (int k = int(DiffKind::MissingLocally); k <= int(DiffKind::FundShort); ++k) {
        QCOMPARE(a.byKind[k].count, b.byKind[k].count);
        QCOMPARE(a.byKind[k].sumFen, b.byKind[k].sumFen);
    }
    QCOMPARE(a.fundDifferenceFen, b.fundDifferenceFen);
    QCOMPARE(a.fundEntryKey, b.fundEntryKey);
    QCOMPARE(a.runBy, b.runBy);
    QCOMPARE(a.atMs, b.atMs);
    QCOMPARE(a.elapsedMs, b.elapsedMs);
}

void compare(const ReconDifference& a, const ReconDifference& b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.channel, b.channel);
    QCOMPARE(a.merchant, b.merchant);
    QCOMPARE(a.businessDate, b.businessDate);
    QCOMPARE(a.kind, b.kind);
    QCOMPARE(a.state, b.state);
    QCOMPARE(a.item, b.item);
    QCOMPARE(a.itemNo, b.itemNo);
    QCOMPARE(a.orderNo, b.orderNo);
    QCOMPARE(a.tradeNo, b.tradeNo);
    QCOMPARE(a.oursFen, b.oursFen);
    QCOMPARE(a.theirsFen, b.theirsFen);
    QCOMPARE(a.oursFeeFen, b.oursFeeFen);
    QCOMPARE(a.theirsFeeFen, b.theirsFeeFen);
    QCOMPARE(a.oursState, b.oursState);
    QCOMPARE(a.theirsState, b.theirsState);
    QCOMPARE(a.lineAtMs, b.lineAtMs);
    QCOMPARE(a.heldFromBill, b.heldFromBill);
    QCOMPARE(a.owner, b.owner);
    QCOMPARE(a.note, b.note);
    QCOMPARE(a.proposedBy, b.proposedBy);
    QCOMPARE(a.decidedBy, b.decidedBy);
    QCOMPARE(a.entryKey, b.entryKey);
    QCOMPARE(a.createdAtMs, b.createdAtMs);
    QCOMPARE(a.updatedAtMs, b.updatedAtMs);
}

WalletOp sampleOp(WalletOpKind kind, qint64 id)
{
    WalletOp op;
    op.id = id;
    op.requestNo = QStringLiteral("w-%1").arg(id);
    op.fingerprint = QStringLiteral("f%1").arg(id);
    op.memberId = QStringLiteral("m1");
    op.kind = kind;
    op.amount = Money::fromFen(1000 + id);
    op.ref = QStringLiteral("ref-%1").arg(id);
    op.note = QStringLiteral("note %1").arg(id);
    op.by = QStringLiteral("alice");
    op.atMs = kAt + id;
    return op;
}

WalletView sampleWallet()
{
    WalletView v;
    v.memberId = QStringLiteral("m1");
    v.balance = Money::fromFen(12'345);
    v.totals = {20'000, 500, 7'000, 1'155, 300};
    for (int k = 1; k <= 4; ++k)
        v.recent << sampleOp(WalletOpKind(k), k);
    return v;
}

ReconReport sampleReport()
{
    ReconReport r;
    r.channel = QStringLiteral("wechat");
    r.merchant = QStringLiteral("1900000109");
    r.businessDate = QDate(2026, 11, 23);
    r.billSha256 = QStringLiteral("ab12");
    r.rawPath = QStringLiteral("bills/wechat/2026-11-23.csv");
    r.ours = {12, 123'456, 2, 3'400, 120};
    r.theirs = {13, 124'456, 1, 1'400, 125};
    r.matched = 11;
    r.pendingNextDay = 1;
    r.resolvedFromPrevious = 2;
    for (int k = int(DiffKind::MissingLocally); k <= int(DiffKind::FundShort); ++k)
        r.byKind[k] = {k, 100LL * k + 1};
    r.fundDifferenceFen = -505; // short
    r.fundEntryKey = QStringLiteral("recon:wechat:2026-11-23");
    r.runBy = QStringLiteral("alice");
    r.atMs = kAt;
    r.elapsedMs = 42;
    return r;
}

ReconDifference sampleDifference(DiffKind kind, DiffState state, ItemKind item)
{
    ReconDifference d;
    d.id = 77;
    d.channel = QStringLiteral("alipay");
    d.merchant = QStringLiteral("2088000000000001");
    d.businessDate = QDate(2026, 11, 23);
    d.kind = kind;
    d.state = state;
    d.item = item;
    d.itemNo = QStringLiteral("PA123");
    d.orderNo = QStringLiteral("PO123");
    d.tradeNo = QStringLiteral("2026112322001");
    d.oursFen = 1'250;
    d.theirsFen = 1'205;
    d.oursFeeFen = 7;
    d.theirsFeeFen = 8;
    d.oursState = QStringLiteral("SUCCESS");
    d.theirsState = QStringLiteral("TRADE_SUCCESS");
    d.lineAtMs = kAt - 1;
    d.heldFromBill = true;
    d.owner = QStringLiteral("carol");
    d.note = QStringLiteral("bank delay");
    d.proposedBy = QStringLiteral("alice");
    d.decidedBy = QStringLiteral("bob");
    d.entryKey = QStringLiteral("recon-writeoff:77");
    d.createdAtMs = kAt - 1000;
    d.updatedAtMs = kAt;
    return d;
}

} // namespace

class tst_BackOfficeWire : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void outcomeComesBack_data();
    void outcomeComesBack();
    void balancesComeBack_data();
    void balancesComeBack();
    void readsCarryTheirOutcome();
    void journalEntryComesBack_data();
    void journalEntryComesBack();
    void checkAndBackfillComeBack();
    void settlementComesBack();
    void approvalComesBack_data();
    void approvalComesBack();
    void walletComesBack();
    void commandsComeBackStrictly();
    void requestsAreReadStrictly_data();
    void requestsAreReadStrictly();
    void reconcileRequestAndResultComeBack();
    void differenceComesBack_data();
    void differenceComesBack();
    void filtersComeBackAsQueries();
};

void tst_BackOfficeWire::outcomeComesBack_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    for (int s = int(BackOfficeStatus::Ok); s <= int(BackOfficeStatus::Unauthenticated); ++s)
        QTest::newRow(qPrintable(backOfficeStatusName(BackOfficeStatus(s))))
            << s
            << (BackOfficeStatus(s) == BackOfficeStatus::RequestMismatch ? QStringLiteral("amount")
                                                                         : QString());
}

void tst_BackOfficeWire::outcomeComesBack()
{
    QFETCH(int, status);
    QFETCH(QString, field);
    BackOfficeOutcome o{BackOfficeStatus(status), QStringLiteral("what happened"),
                        QStringLiteral("PO000012"), field};
    compare(roundTrip<BackOfficeOutcome>(toJson(o)), o);
}

void tst_BackOfficeWire::balancesComeBack_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<qint64>("signedFen");
    for (int t = int(AccountType::Asset); t <= int(AccountType::Equity); ++t) {
        const QString name = accountTypeName(AccountType(t));
        QTest::newRow(qPrintable(name + QStringLiteral("_debit"))) << t << qint64(123'456);
        QTest::newRow(qPrintable(name + QStringLiteral("_credit"))) << t << qint64(-7);
        QTest::newRow(qPrintable(name + QStringLiteral("_zero"))) << t << qint64(0);
    }
}

void tst_BackOfficeWire::balancesComeBack()
{
    QFETCH(int, type);
    QFETCH(qint64, signedFen);
    const AccountBalance b{QStringLiteral("liability:wallet:m1"), AccountType(type), kCny,
                           signedFen};
    compare(roundTrip<AccountBalance>(toJson(b)), b);
}

void tst_BackOfficeWire::readsCarryTheirOutcome()
{
    const AccountBalance a{QStringLiteral("asset:bank"), AccountType::Asset, kCny, 100};
    const AccountBalance l{QStringLiteral("liability:wallet:m1"), AccountType::Liability, kCny,
                           -100};
    const BackOfficeRead<QList<AccountBalance>> all{{}, {a, l}};
    const auto allBack = roundTrip<BackOfficeRead<QList<AccountBalance>>>(wire::toJson(all));
    compare(allBack.outcome, all.outcome);
    QCOMPARE(allBack.value.size(), 2);
    compare(allBack.value.at(0), a);
    compare(allBack.value.at(1), l);

    const BackOfficeRead<AccountBalance> one{{}, l};
    const auto oneBack = roundTrip<BackOfficeRead<AccountBalance>>(wire::toJson(one));
    QVERIFY(oneBack.ok());
    compare(oneBack.value, l);
    // Not Ok: the outcome alone, why.
    const BackOfficeRead<AccountBalance> bad{
        BackOfficeOutcome::fail(BackOfficeStatus::InvalidArgument, QStringLiteral("no kind x")),
        {}};
    QVERIFY(!wire::toJson(bad).contains(QStringLiteral("balance")));
    compare(roundTrip<BackOfficeRead<AccountBalance>>(wire::toJson(bad)).outcome, bad.outcome);

    const BackOfficeRead<WalletView> wallet{{}, sampleWallet()};
    compare(roundTrip<BackOfficeRead<WalletView>>(wire::toJson(wallet)).value, wallet.value);
    const BackOfficeRead<WalletView> none{
        BackOfficeOutcome::fail(BackOfficeStatus::NotFound, QStringLiteral("no wallet")), {}};
    const auto noneBack = roundTrip<BackOfficeRead<WalletView>>(wire::toJson(none));
    QCOMPARE(noneBack.outcome.status, BackOfficeStatus::NotFound);
    QVERIFY(noneBack.value.memberId.isEmpty());
}

void tst_BackOfficeWire::journalEntryComesBack_data()
{
    QTest::addColumn<int>("postings");
    QTest::addColumn<qint64>("reverses");
    QTest::newRow("two_postings") << 2 << qint64(0);
    QTest::newRow("three_postings_reversing") << 3 << qint64(41);
    QTest::newRow("no_postings_keeps_currency") << 0 << qint64(0);
}

void tst_BackOfficeWire::journalEntryComesBack()
{
    QFETCH(int, postings);
    QFETCH(qint64, reverses);
    JournalEntry e;
    e.id = 42;
    e.idempotencyKey = QStringLiteral("pay:PA1");
    e.refKind = refkind::payment;
    e.refNo = QStringLiteral("PA1");
    e.orderNo = QStringLiteral("PO1");
    e.memo = QStringLiteral("a sale");
    e.currency = QStringLiteral("USD");
    e.atMs = kAt;
    e.reversesEntryId = reverses;
    if (postings >= 2)
        e.postings = {{QStringLiteral("asset:channel-receivable:wechat"), 1'250},
                      {QStringLiteral("liability:pending:M1"), -1'250}};
    if (postings == 3) {
        e.postings[1].amountFen = -1'200;
        e.postings << Posting{QStringLiteral("income:fee:M1"), -50};
    }
    const JournalEntry back = roundTrip<JournalEntry>(toJson(e));
    QCOMPARE(back.id, e.id);
    QCOMPARE(back.idempotencyKey, e.idempotencyKey);
    QCOMPARE(back.refKind, e.refKind);
    QCOMPARE(back.refNo, e.refNo);
    QCOMPARE(back.orderNo, e.orderNo);
    QCOMPARE(back.memo, e.memo);
    QCOMPARE(back.currency, e.currency);
    QCOMPARE(back.atMs, e.atMs);
    QCOMPARE(back.reversesEntryId, e.reversesEntryId);
    QCOMPARE(back.postings.size(), e.postings.size());
    qint64 sum = 0;
    for (qsizetype i = 0; i < e.postings.size(); ++i) {
        QCOMPARE(back.postings.at(i).account, e.postings.at(i).account);
        QCOMPARE(back.postings.at(i).amountFen, e.postings.at(i).amountFen);
        sum += back.postings.at(i).amountFen;
    }
    QCOMPARE(sum, qint64(0)); // still balanced
}

void tst_BackOfficeWire::checkAndBackfillComeBack()
{
    InternalCheckReport r;
    r.lines = {{QStringLiteral("wallet m1"), QStringLiteral("balance = ops"), 1'000, 999, false},
               {QStringLiteral("orders"), QStringLiteral("entries per payment"), 12, 12, true},
               {QStringLiteral("suspense"), QStringLiteral("zero"), -5, 0, false}};
    r.error = QStringLiteral("disk I/O");
    const InternalCheckReport back = roundTrip<InternalCheckReport>(toJson(r));
    QCOMPARE(back.error, r.error);
    QCOMPARE(back.lines.size(), r.lines.size());
    for (qsizetype i = 0; i < r.lines.size(); ++i) {
        QCOMPARE(back.lines.at(i).subject, r.lines.at(i).subject);
        QCOMPARE(back.lines.at(i).rule, r.lines.at(i).rule);
        QCOMPARE(back.lines.at(i).expectedFen, r.lines.at(i).expectedFen);
        QCOMPARE(back.lines.at(i).actualFen, r.lines.at(i).actualFen);
        QCOMPARE(back.lines.at(i).isCount, r.lines.at(i).isCount);
    }
    QCOMPARE(back.ok(), false);

    const BackfillReport b{3, 2, 1, QStringLiteral("locked"), true};
    const BackfillReport bb = roundTrip<BackfillReport>(toJson(b));
    QCOMPARE(bb.payments, 3);
    QCOMPARE(bb.reversals, 2);
    QCOMPARE(bb.refunds, 1);
    QCOMPARE(bb.error, b.error);
    QCOMPARE(bb.stoppedEarly, true);
}

void tst_BackOfficeWire::settlementComesBack()
{
    SettlementReport r;
    r.outcome = {BackOfficeStatus::Repeated, QStringLiteral("settled before"),
                 QStringLiteral("ST1"), QString()};
    r.row = {QStringLiteral("M1"),
             QDate(2026, 11, 22),
             SettlementTotals{9, 100'000, -2'500, 600},
             kCny,
             QStringLiteral("settle:M1:2026-11-22"),
             QStringLiteral("alice"),
             kAt};
    const SettlementReport back = roundTrip<SettlementReport>(wire::toJson(r));
    compare(back.outcome, r.outcome);
    compare(back.row, r.row);
    // A refusal has no row.
    const SettlementReport notDue{
        BackOfficeOutcome::fail(BackOfficeStatus::NotDue, QStringLiteral("not over")), {}};
    const SettlementReport notDueBack = roundTrip<SettlementReport>(wire::toJson(notDue));
    QCOMPARE(notDueBack.outcome.status, BackOfficeStatus::NotDue);
    QVERIFY(notDueBack.row.merchantId.isEmpty());
}

void tst_BackOfficeWire::approvalComesBack_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("state");
    for (const QString& kind :
         {approvalkind::payout, approvalkind::adjustment, approvalkind::withdrawal})
        for (int s = int(ApprovalState::Requested); s <= int(ApprovalState::Rejected); ++s)
            QTest::newRow(
                qPrintable(kind + QLatin1Char('_') + approvalStateName(ApprovalState(s)).toLower()))
                << kind << s;
}

void tst_BackOfficeWire::approvalComesBack()
{
    QFETCH(QString, kind);
    QFETCH(int, state);
    ApprovalRecord a;
    a.id = 12;
    a.kind = kind;
    a.merchantId = QStringLiteral("M1");
    a.account = kind == approvalkind::withdrawal ? QStringLiteral("liability:wallet:m1")
                                                 : QStringLiteral("liability:available:M1");
    a.counterAccount = QStringLiteral("asset:bank");
    a.amountFen = kind == approvalkind::adjustment ? -550 : 3'000;
    a.reason = QStringLiteral("weekly");
    a.state = ApprovalState(state);
    a.proposedBy = QStringLiteral("alice");
    a.proposedAtMs = kAt;
    if (a.state != ApprovalState::Requested) {
        a.decidedBy = QStringLiteral("bob");
        a.decisionNote = QStringLiteral("checked");
        a.decidedAtMs = kAt + 60'000;
    }
    a.businessDate = QDate(2026, 11, 23);
    a.version = 3;
    if (kind == approvalkind::withdrawal) {
        a.requestNo = QStringLiteral("wd-1");
        a.fingerprint = QStringLiteral("9f86d081");
    }
    compare(roundTrip<ApprovalRecord>(toJson(a)), a);
}

void tst_BackOfficeWire::walletComesBack()
{
    const WalletView v = sampleWallet();
    compare(roundTrip<WalletView>(toJson(v)), v);
}

// Each command's body, read as the server reads it.
void tst_BackOfficeWire::commandsComeBackStrictly()
{
    const Money amount = Money::fromFen(1'250);
    {
        const wire::SettleCommand c{QDate(2026, 11, 22), QStringLiteral("alice"),
                                    QStringLiteral("M1")};
        const auto b = roundTrip<wire::SettleCommand>(wire::toJson(c));
        QCOMPARE(b.day, c.day);
        QCOMPARE(b.by, c.by);
        QCOMPARE(b.merchantId, c.merchantId);
    }
    {
        const wire::PayoutCommand c{amount, QStringLiteral("alice"), QStringLiteral("rent"),
                                    QStringLiteral("po-1")};
        const auto b = roundTrip<wire::PayoutCommand>(wire::toJson(c));
        QCOMPARE(b.amount, c.amount);
        QCOMPARE(b.by, c.by);
        QCOMPARE(b.note, c.note);
        QCOMPARE(b.requestNo, c.requestNo);
        // A request's amount is decimal text.
        QCOMPARE(wire::toJson(c).value(QStringLiteral("amount")).toString(),
                 QStringLiteral("12.50"));
    }
    {
        const wire::AdjustmentCommand c{QStringLiteral("asset:cash:0001"), Money::fromFen(-500),
                                        QStringLiteral("equity:adjustments"),
                                        QStringLiteral("count"), QStringLiteral("alice")};
        const auto b = roundTrip<wire::AdjustmentCommand>(wire::toJson(c));
        QCOMPARE(b.account, c.account);
        QCOMPARE(b.amount, c.amount);
        QCOMPARE(b.counterAccount, c.counterAccount);
        QCOMPARE(b.reason, c.reason);
        QCOMPARE(b.by, c.by);
    }
    for (bool approve : {true, false}) {
        const wire::ApprovalDecision c{approvalkind::payout, approve, QStringLiteral("bob"),
                                       QStringLiteral("ok")};
        const auto b = roundTrip<wire::ApprovalDecision>(wire::toJson(c));
        QCOMPARE(b.kind, c.kind);
        QCOMPARE(b.approve, approve);
        QCOMPARE(b.by, c.by);
        QCOMPARE(b.note, c.note);
        const wire::WithdrawalDecision w{approve, QStringLiteral("bob"), QStringLiteral("n")};
        const auto wb = roundTrip<wire::WithdrawalDecision>(wire::toJson(w));
        QCOMPARE(wb.approve, approve);
        QCOMPARE(wb.by, w.by);
        QCOMPARE(wb.note, w.note);
    }
    {
        const wire::CashTopUpCommand c{amount, QStringLiteral("t1"), QStringLiteral("alice")};
        const auto b = roundTrip<wire::CashTopUpCommand>(wire::toJson(c));
        QCOMPARE(b.amount, c.amount);
        QCOMPARE(b.requestNo, c.requestNo);
        QCOMPARE(b.by, c.by);
    }
    {
        const wire::OrderTopUpCommand c{QStringLiteral("PO1"), QStringLiteral("t2"),
                                        QStringLiteral("alice")};
        const auto b = roundTrip<wire::OrderTopUpCommand>(wire::toJson(c));
        QCOMPARE(b.orderNo, c.orderNo);
        QCOMPARE(b.requestNo, c.requestNo);
        QCOMPARE(b.by, c.by);
    }
    {
        const wire::WalletPayCommand c{amount, QStringLiteral("sale-9"), QStringLiteral("p1"),
                                       QStringLiteral("alice")};
        const auto b = roundTrip<wire::WalletPayCommand>(wire::toJson(c));
        QCOMPARE(b.amount, c.amount);
        QCOMPARE(b.saleRef, c.saleRef);
        QCOMPARE(b.requestNo, c.requestNo);
        QCOMPARE(b.by, c.by);
    }
    {
        const wire::WalletRefundCommand c{amount, QStringLiteral("cold"), QStringLiteral("r1"),
                                          QStringLiteral("alice")};
        const auto b = roundTrip<wire::WalletRefundCommand>(wire::toJson(c));
        QCOMPARE(b.amount, c.amount);
        QCOMPARE(b.reason, c.reason);
        QCOMPARE(b.requestNo, c.requestNo);
        QCOMPARE(b.by, c.by);
    }
    {
        const wire::WithdrawalCommand c{amount, QStringLiteral("wd1"), QStringLiteral("alice"),
                                        QStringLiteral("moving")};
        const auto b = roundTrip<wire::WithdrawalCommand>(wire::toJson(c));
        QCOMPARE(b.amount, c.amount);
        QCOMPARE(b.requestNo, c.requestNo);
        QCOMPARE(b.by, c.by);
        QCOMPARE(b.note, c.note);
    }
    {
        const wire::DiffReason c{QStringLiteral("alice"), QStringLiteral("bank delay")};
        const auto b = roundTrip<wire::DiffReason>(wire::toJson(c));
        QCOMPARE(b.by, c.by);
        QCOMPARE(b.reason, c.reason);
        const wire::DiffDecision d{QStringLiteral("bob"), true};
        QCOMPARE(roundTrip<wire::DiffDecision>(wire::toJson(d)).approve, true);
        QCOMPARE(roundTrip<wire::DiffDecision>(wire::toJson(d)).by, d.by);
        const wire::DiffAssignment a{QStringLiteral("carol"), QStringLiteral("alice")};
        QCOMPARE(roundTrip<wire::DiffAssignment>(wire::toJson(a)).owner, a.owner);
        QCOMPARE(roundTrip<wire::DiffAssignment>(wire::toJson(a)).by, a.by);
    }
}

void tst_BackOfficeWire::requestsAreReadStrictly_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("field");
    QTest::newRow("unknown_field_named")
        << QByteArray(R"({"amount":"1.00","requestNo":"t","by":"a","memberId":"m1"})")
        << "unknown_field"
        << "memberId";
    QTest::newRow("amount_never_a_float")
        << QByteArray(R"({"amount":12.5,"requestNo":"t","by":"a"})") << "wrong_type"
        << "amount";
    QTest::newRow("amount_more_than_zero")
        << QByteArray(R"({"amount":"0.00","requestNo":"t","by":"a"})") << "bad_value"
        << "amount";
    QTest::newRow("three_decimals_refused")
        << QByteArray(R"({"amount":"1.005","requestNo":"t","by":"a"})") << "bad_value"
        << "amount";
    QTest::newRow("request_number_required")
        << QByteArray(R"({"amount":"1.00","by":"a"})") << "missing_field"
        << "requestNo";
    QTest::newRow("who_required") << QByteArray(R"({"amount":"1.00","requestNo":"t"})")
                                  << "missing_field"
                                  << "by";
}

void tst_BackOfficeWire::requestsAreReadStrictly()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, problem);
    QFETCH(QString, field);
    JsonReader report(QJsonObject{});
    const auto c = wire::decode<wire::CashTopUpCommand>(QJsonDocument::fromJson(body).object(),
                                                        JsonReader::Mode::Strict, &report);
    QVERIFY(!c);
    QCOMPARE(jsonProblemCode(report.problem()), problem);
    QCOMPARE(report.field(), field);
    // A decision must say which way.
    JsonReader decision(QJsonObject{});
    QVERIFY(!wire::decode<wire::WithdrawalDecision>(QJsonObject{{QStringLiteral("by"), "bob"}},
                                                    JsonReader::Mode::Strict, &decision));
    QCOMPARE(decision.field(), QStringLiteral("approve"));
}

void tst_BackOfficeWire::reconcileRequestAndResultComeBack()
{
    ReconcileRequest rq{QStringLiteral("wechat"),        QDate(2026, 11, 23),
                        QStringLiteral("/srv/bill.csv"), true,
                        QStringLiteral("alice"),         QStringLiteral("/srv/r.csv"),
                        QStringLiteral("/srv/r.pdf")};
    const auto b = roundTrip<ReconcileRequest>(wire::toJson(rq));
    QCOMPARE(b.channel, rq.channel);
    QCOMPARE(b.day, rq.day);
    QCOMPARE(b.billPath, rq.billPath);
    QCOMPARE(b.confirmNoBill, rq.confirmNoBill);
    QCOMPARE(b.by, rq.by);
    QCOMPARE(b.csvPath, rq.csvPath);
    QCOMPARE(b.pdfPath, rq.pdfPath);

    const ReconcileResult ran{
        {BackOfficeStatus::Ok, QStringLiteral("reconciled"), QString(), QString()}, sampleReport()};
    const ReconcileResult back = roundTrip<ReconcileResult>(wire::toJson(ran));
    compare(back.outcome, ran.outcome);
    compare(back.report, ran.report);
    // Nothing ran: the outcome alone.
    const ReconcileResult refused{
        BackOfficeOutcome::fail(BackOfficeStatus::Unavailable, QStringLiteral("no bill")), {}};
    const ReconcileResult refusedBack = roundTrip<ReconcileResult>(wire::toJson(refused));
    QCOMPARE(refusedBack.outcome.status, BackOfficeStatus::Unavailable);
    QVERIFY(refusedBack.report.billSha256.isEmpty());
}

void tst_BackOfficeWire::differenceComesBack_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("item");
    for (int k = int(DiffKind::MissingLocally); k <= int(DiffKind::FundShort); ++k)
        QTest::newRow(qPrintable(diffKindName(DiffKind(k))))
            << k << int(DiffState::Open) << int(ItemKind::Payment);
    for (int s = int(DiffState::Open); s <= int(DiffState::Recovered); ++s)
        QTest::newRow(qPrintable(diffStateName(DiffState(s))))
            << int(DiffKind::AmountMismatch) << s << 1 + s % 3;
}

void tst_BackOfficeWire::differenceComesBack()
{
    QFETCH(int, kind);
    QFETCH(int, state);
    QFETCH(int, item);
    const ReconDifference d = sampleDifference(DiffKind(kind), DiffState(state), ItemKind(item));
    compare(roundTrip<ReconDifference>(toJson(d)), d);
}

void tst_BackOfficeWire::filtersComeBackAsQueries()
{
    JournalFilter j;
    j.accountCode = QStringLiteral("liability:wallet:m 1+2");
    j.ref = QStringLiteral("PO1");
    j.fromMs = kAt;
    j.toMs = kAt + 1;
    j.limit = 7;
    QString why;
    // As the server sees it: encoded into a URL and read back.
    const QUrl url(QStringLiteral("http://x/v1/ledger/journal?") +
                   wire::toQuery(j).toString(QUrl::FullyEncoded));
    const auto jb = wire::journalFilterFromQuery(QUrlQuery(url), &why);
    QVERIFY2(jb, qPrintable(why));
    QCOMPARE(jb->accountCode, j.accountCode);
    QCOMPARE(jb->ref, j.ref);
    QCOMPARE(jb->fromMs, j.fromMs);
    QCOMPARE(jb->toMs, j.toMs);
    QCOMPARE(jb->limit, j.limit);
    const auto defaults = wire::journalFilterFromQuery(wire::toQuery(JournalFilter{}), &why);
    QVERIFY(defaults);
    QCOMPARE(defaults->toMs, JournalFilter{}.toMs);
    QCOMPARE(defaults->limit, 100);
    QUrlQuery unknown;
    unknown.addQueryItem(QStringLiteral("acount"), QStringLiteral("x"));
    QVERIFY(!wire::journalFilterFromQuery(unknown, &why));
    QVERIFY(why.contains(QLatin1String("acount")));

    DiffFilter d;
    d.channel = QStringLiteral("alipay");
    d.businessDate = QDate(2026, 11, 23);
    d.state = DiffState::WriteOffProposed;
    d.needsAction = true;
    d.limit = 20;
    const auto db = wire::diffFilterFromQuery(wire::toQuery(d), &why);
    QVERIFY2(db, qPrintable(why));
    QCOMPARE(db->channel, d.channel);
    QCOMPARE(db->businessDate, d.businessDate);
    QCOMPARE(db->state, d.state);
    QCOMPARE(db->needsAction, true);
    QCOMPARE(db->limit, 20);
    const auto all = wire::diffFilterFromQuery(wire::toQuery(DiffFilter{}), &why);
    QVERIFY(all);
    QVERIFY(!all->state);
    QVERIFY(!all->businessDate.isValid());
    QCOMPARE(all->limit, 500);
    QUrlQuery badState;
    badState.addQueryItem(QStringLiteral("state"), QStringLiteral("closed"));
    QVERIFY(!wire::diffFilterFromQuery(badState, &why));

    QCOMPARE(*wire::atFromQuery(wire::atQuery(kAt), &why), kAt);
    QCOMPARE(*wire::atFromQuery(wire::atQuery(BackOfficeApi::kNow), &why), BackOfficeApi::kNow);
}

QTEST_GUILESS_MAIN(tst_BackOfficeWire)
#include "tst_backofficewire.moc"
