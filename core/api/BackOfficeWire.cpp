#include "api/BackOfficeWire.h"

#include "api/Json.h"
#include "api/LedgerJson.h"
#include "api/WireDecode.h"

namespace paydesk::wire {

namespace {

QJsonObject withAmount(QJsonObject o, const Money& m)
{
    o.insert(QStringLiteral("amount"), m.toPlainString());
    o.insert(QStringLiteral("currency"), m.currency());
    return o;
}

// Amounts these commands take are more than zero; the core says the rest.
Money positiveAmount(JsonReader& r)
{
    const Money m = r.money(QStringLiteral("amount"), true);
    if (r.ok() && !m.isPositive())
        r.fail(QStringLiteral("amount"), JsonReader::Problem::BadValue,
               QStringLiteral("must be more than 0, got %1").arg(m.toPlainString()));
    return m;
}

QDate date(JsonReader& r, const QString& key, bool required)
{
    const QString text = r.string(key, required);
    if (text.isEmpty())
        return {};
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid())
        r.fail(key, JsonReader::Problem::BadValue,
               QStringLiteral("is not a date YYYY-MM-DD: '%1'").arg(text));
    return d;
}

// A check's figure: money, or integer text for a count.
qint64 figure(JsonReader& r, const QString& key, bool* isCount)
{
    *isCount = !r.peek(key).isObject();
    return *isCount ? r.integer(key, false, std::numeric_limits<qint64>::min())
                    : r.money(key).fen();
}

template <typename T>
QJsonObject readAnswer(const BackOfficeRead<T>& r, const QString& key, const QJsonValue& value)
{
    QJsonObject o{{QStringLiteral("outcome"), paydesk::toJson(r.outcome)}};
    if (r.ok())
        o.insert(key, value);
    return o;
}

void readOutcome(JsonReader& r, BackOfficeOutcome& o)
{
    readObject(r, QStringLiteral("outcome"), o);
}

} // namespace

QJsonObject toJson(const SettleCommand& c)
{
    QJsonObject o{{QStringLiteral("day"), c.day.toString(Qt::ISODate)},
                  {QStringLiteral("by"), c.by}};
    if (!c.merchantId.isEmpty())
        o.insert(QStringLiteral("merchantId"), c.merchantId);
    return o;
}

QJsonObject toJson(const PayoutCommand& c)
{
    return withAmount({{QStringLiteral("by"), c.by},
                       {QStringLiteral("note"), c.note},
                       {QStringLiteral("requestNo"), c.requestNo}},
                      c.amount);
}

QJsonObject toJson(const AdjustmentCommand& c)
{
    return withAmount({{QStringLiteral("account"), c.account},
                       {QStringLiteral("counterAccount"), c.counterAccount},
                       {QStringLiteral("reason"), c.reason},
                       {QStringLiteral("by"), c.by}},
                      c.amount);
}

QJsonObject toJson(const ApprovalDecision& c)
{
    return {{QStringLiteral("kind"), c.kind},
            {QStringLiteral("approve"), c.approve},
            {QStringLiteral("by"), c.by},
            {QStringLiteral("note"), c.note}};
}

QJsonObject toJson(const CashTopUpCommand& c)
{
    return withAmount({{QStringLiteral("requestNo"), c.requestNo}, {QStringLiteral("by"), c.by}},
                      c.amount);
}

QJsonObject toJson(const OrderTopUpCommand& c)
{
    return {{QStringLiteral("orderNo"), c.orderNo},
            {QStringLiteral("requestNo"), c.requestNo},
            {QStringLiteral("by"), c.by}};
}

QJsonObject toJson(const WalletPayCommand& c)
{
    return withAmount({{QStringLiteral("saleRef"), c.saleRef},
                       {QStringLiteral("requestNo"), c.requestNo},
                       {QStringLiteral("by"), c.by}},
                      c.amount);
}

QJsonObject toJson(const WalletRefundCommand& c)
{
    return withAmount({{QStringLiteral("reason"), c.reason},
                       {QStringLiteral("requestNo"), c.requestNo},
                       {QStringLiteral("by"), c.by}},
                      c.amount);
}

QJsonObject toJson(const WithdrawalCommand& c)
{
    return withAmount({{QStringLiteral("requestNo"), c.requestNo},
                       {QStringLiteral("by"), c.by},
                       {QStringLiteral("note"), c.note}},
                      c.amount);
}

QJsonObject toJson(const WithdrawalDecision& c)
{
    return {{QStringLiteral("approve"), c.approve},
            {QStringLiteral("by"), c.by},
            {QStringLiteral("note"), c.note}};
}

void read(JsonReader& r, SettleCommand& c)
{
    c.day = date(r, QStringLiteral("day"), true);
    c.by = r.string(QStringLiteral("by"), true);
    c.merchantId = r.string(QStringLiteral("merchantId"));
}

void read(JsonReader& r, PayoutCommand& c)
{
    c.amount = positiveAmount(r);
    c.by = r.string(QStringLiteral("by"), true);
    c.note = r.string(QStringLiteral("note"));
    c.requestNo = r.string(QStringLiteral("requestNo"), true);
}

void read(JsonReader& r, AdjustmentCommand& c)
{
    c.account = r.string(QStringLiteral("account"), true);
    c.amount = r.money(QStringLiteral("amount"), true); // either side: the sign says which
    c.counterAccount = r.string(QStringLiteral("counterAccount"));
    c.reason = r.string(QStringLiteral("reason"), true);
    c.by = r.string(QStringLiteral("by"), true);
}

void read(JsonReader& r, ApprovalDecision& c)
{
    c.kind = r.string(QStringLiteral("kind"), true);
    c.approve = r.boolean(QStringLiteral("approve"), true);
    c.by = r.string(QStringLiteral("by"), true);
    c.note = r.string(QStringLiteral("note"));
}

void read(JsonReader& r, CashTopUpCommand& c)
{
    c.amount = positiveAmount(r);
    c.requestNo = r.string(QStringLiteral("requestNo"), true);
    c.by = r.string(QStringLiteral("by"), true);
}

void read(JsonReader& r, OrderTopUpCommand& c)
{
    c.orderNo = r.string(QStringLiteral("orderNo"), true);
    c.requestNo = r.string(QStringLiteral("requestNo"), true);
    c.by = r.string(QStringLiteral("by"), true);
}

void read(JsonReader& r, WalletPayCommand& c)
{
    c.amount = positiveAmount(r);
    c.saleRef = r.string(QStringLiteral("saleRef"));
    c.requestNo = r.string(QStringLiteral("requestNo"), true);
    c.by = r.string(QStringLiteral("by"), true);
}

void read(JsonReader& r, WalletRefundCommand& c)
{
    c.amount = positiveAmount(r);
    c.reason = r.string(QStringLiteral("reason"));
    c.requestNo = r.string(QStringLiteral("requestNo"), true);
    c.by = r.string(QStringLiteral("by"), true);
}

void read(JsonReader& r, WithdrawalCommand& c)
{
    c.amount = positiveAmount(r);
    c.requestNo = r.string(QStringLiteral("requestNo"), true);
    c.by = r.string(QStringLiteral("by"), true);
    c.note = r.string(QStringLiteral("note"));
}

void read(JsonReader& r, WithdrawalDecision& c)
{
    c.approve = r.boolean(QStringLiteral("approve"), true);
    c.by = r.string(QStringLiteral("by"), true);
    c.note = r.string(QStringLiteral("note"));
}

QJsonObject toJson(const BackOfficeRead<QList<AccountBalance>>& r)
{
    QJsonArray a;
    for (const AccountBalance& b : r.value)
        a.append(paydesk::toJson(b));
    return readAnswer(r, QStringLiteral("balances"), a);
}

QJsonObject toJson(const BackOfficeRead<AccountBalance>& r)
{
    return readAnswer(r, QStringLiteral("balance"), paydesk::toJson(r.value));
}

QJsonObject toJson(const BackOfficeRead<WalletView>& r)
{
    return readAnswer(r, QStringLiteral("wallet"), paydesk::toJson(r.value));
}

QJsonObject toJson(const SettlementReport& r)
{
    QJsonObject o{{QStringLiteral("outcome"), paydesk::toJson(r.outcome)}};
    if (r.outcome.ok())
        o.insert(QStringLiteral("settlement"), paydesk::toJson(r.row));
    return o;
}

void read(JsonReader& r, BackOfficeOutcome& o)
{
    o.status = r.enumeration<BackOfficeStatus>(QStringLiteral("status"), backOfficeStatusName, 0,
                                               int(BackOfficeStatus::Unauthenticated),
                                               BackOfficeStatus::StorageError, true);
    r.boolean(QStringLiteral("ok")); // derived from the status
    o.message = r.string(QStringLiteral("message"));
    o.number = r.string(QStringLiteral("number"));
    o.field = r.string(QStringLiteral("field"));
}

void read(JsonReader& r, AccountBalance& b)
{
    b.account = r.string(QStringLiteral("account"), true);
    b.type = r.enumeration<AccountType>(QStringLiteral("type"), accountTypeName, 1, 5,
                                        AccountType::Asset, true);
    r.string(QStringLiteral("normalSide")); // derived from the type
    r.money(QStringLiteral("balance"));     // derived: the signed figure on the normal side
    const Money signedBalance = r.money(QStringLiteral("debitMinusCredit"), true);
    b.signedFen = signedBalance.fen();
    b.currency = signedBalance.currency();
}

void read(JsonReader& r, JournalEntry& e)
{
    e.id = r.integer(QStringLiteral("id"), true);
    e.idempotencyKey = r.string(QStringLiteral("key"));
    e.refKind = r.string(QStringLiteral("refKind"));
    e.refNo = r.string(QStringLiteral("ref"));
    e.orderNo = r.string(QStringLiteral("orderNo"));
    e.memo = r.string(QStringLiteral("memo"));
    e.atMs = r.timeMs(QStringLiteral("at"));
    e.reversesEntryId = r.integer(QStringLiteral("reversesEntry"));
    const QString currency = r.string(QStringLiteral("currency"));
    e.currency = currency.isEmpty() ? kCny : currency;
    const QJsonArray postings = r.array(QStringLiteral("postings"));
    for (qsizetype i = 0; i < postings.size() && r.ok(); ++i) {
        JsonReader p = r.nested(postings.at(i).toObject(), QStringLiteral("postings[%1]").arg(i));
        Posting posting;
        posting.account = p.string(QStringLiteral("account"), true);
        const QString side = p.string(QStringLiteral("side"), true);
        const Money amount = p.money(QStringLiteral("amount"), true);
        if (p.ok() && side != QLatin1String("debit") && side != QLatin1String("credit"))
            p.fail(QStringLiteral("side"), JsonReader::Problem::BadValue,
                   QStringLiteral("must be debit or credit"));
        // Debits positive, credits negative, as the ledger keeps them.
        posting.amountFen = side == QLatin1String("debit") ? amount.fen() : -amount.fen();
        p.finish();
        r.absorb(p);
        e.postings.append(posting);
    }
}

void read(JsonReader& r, CheckLine& l)
{
    l.subject = r.string(QStringLiteral("subject"));
    l.rule = r.string(QStringLiteral("rule"));
    r.boolean(QStringLiteral("ok")); // derived
    bool count = false;
    bool actualCount = false;
    l.expectedFen = figure(r, QStringLiteral("expected"), &count);
    l.actualFen = figure(r, QStringLiteral("actual"), &actualCount);
    l.isCount = count;
}

void read(JsonReader& r, InternalCheckReport& c)
{
    r.boolean(QStringLiteral("ok")); // derived from the lines and the error
    c.error = r.string(QStringLiteral("error"));
    c.lines = readList<CheckLine>(r, QStringLiteral("checks"));
}

void read(JsonReader& r, BackfillReport& b)
{
    b.payments = int(r.integer(QStringLiteral("payments")));
    b.reversals = int(r.integer(QStringLiteral("reversals")));
    b.refunds = int(r.integer(QStringLiteral("refunds")));
    r.integer(QStringLiteral("posted")); // derived
    b.error = r.string(QStringLiteral("error"));
    b.stoppedEarly = r.boolean(QStringLiteral("stoppedEarly"));
}

void read(JsonReader& r, SettlementRow& s)
{
    s.merchantId = r.string(QStringLiteral("merchantId"));
    s.businessDate = date(r, QStringLiteral("date"), false);
    s.totals.items = r.integer(QStringLiteral("items"));
    const Money gross = r.money(QStringLiteral("payments"));
    s.totals.grossFen = gross.fen();
    s.currency = gross.currency();
    s.totals.returnedFen = r.money(QStringLiteral("returned")).fen();
    r.money(QStringLiteral("net"));         // derived
    r.money(QStringLiteral("toAvailable")); // derived
    s.totals.feeFen = r.money(QStringLiteral("fees")).fen();
    s.entryKey = r.string(QStringLiteral("entryKey"));
    s.runBy = r.string(QStringLiteral("runBy"));
    s.atMs = r.timeMs(QStringLiteral("at"));
}

void read(JsonReader& r, SettlementReport& s)
{
    readOutcome(r, s.outcome);
    if (s.outcome.ok())
        readObject(r, QStringLiteral("settlement"), s.row);
}

void read(JsonReader& r, ApprovalRecord& a)
{
    const QString number = r.string(QStringLiteral("number"), true);
    a.kind = r.string(QStringLiteral("kind"));
    if (a.kind.isEmpty())
        a.kind = ApprovalRecord::kindOfNumber(number);
    a.id = r.integer(QStringLiteral("id"));
    if (!a.id) // older servers: the number carries it
        a.id = number.mid(2).toLongLong();
    // An approved withdrawal reads PAID.
    const QString state = r.string(QStringLiteral("state"), true);
    a.state = ApprovalState::Requested;
    bool known = false;
    for (ApprovalState s :
         {ApprovalState::Requested, ApprovalState::Approved, ApprovalState::Rejected})
        if (approvalStateName(s).compare(state, Qt::CaseInsensitive) == 0) {
            a.state = s;
            known = true;
        }
    if (state.compare(QLatin1String("PAID"), Qt::CaseInsensitive) == 0) {
        a.state = ApprovalState::Approved;
        known = true;
    }
    if (r.ok() && !known)
        r.fail(QStringLiteral("state"), JsonReader::Problem::BadValue,
               QStringLiteral("is not one of the known values: '%1'").arg(state));
    a.account = r.string(QStringLiteral("account"));
    a.counterAccount = r.string(QStringLiteral("counterAccount"));
    const Money amount = r.money(QStringLiteral("amount"), true);
    a.amountFen = amount.fen();
    a.currency = amount.currency();
    a.reason = r.string(QStringLiteral("reason"));
    a.proposedBy = r.string(QStringLiteral("proposedBy"));
    a.proposedAtMs = r.timeMs(QStringLiteral("proposedAt"));
    a.decidedBy = r.string(QStringLiteral("decidedBy"));
    a.decisionNote = r.string(QStringLiteral("decisionNote"));
    a.decidedAtMs = r.timeMs(QStringLiteral("decidedAt"));
    a.requestNo = r.string(QStringLiteral("requestNo"));
    r.string(QStringLiteral("memberId")); // derived from the account
    a.merchantId = r.string(QStringLiteral("merchantId"));
    a.businessDate = date(r, QStringLiteral("businessDate"), false);
    a.version =
        int(r.integer(QStringLiteral("version"), false, 0, std::numeric_limits<int>::max()));
    a.fingerprint = r.string(QStringLiteral("fingerprint"));
}

void read(JsonReader& r, WalletOp& op)
{
    const QString number = r.string(QStringLiteral("number"), true);
    op.id = r.integer(QStringLiteral("id"));
    if (!op.id) // older servers: the number carries it
        op.id = number.mid(2).toLongLong();
    op.requestNo = r.string(QStringLiteral("requestNo"));
    op.fingerprint = r.string(QStringLiteral("fingerprint"));
    op.memberId = r.string(QStringLiteral("memberId"));
    op.kind = r.enumeration<WalletOpKind>(QStringLiteral("kind"), walletOpKindName, 1, 4,
                                          WalletOpKind::Pay, true);
    op.amount = r.money(QStringLiteral("amount"), true);
    op.ref = r.string(QStringLiteral("ref"));
    op.note = r.string(QStringLiteral("note"));
    op.by = r.string(QStringLiteral("by"));
    op.atMs = r.timeMs(QStringLiteral("at"));
}

void read(JsonReader& r, WalletView& v)
{
    v.memberId = r.string(QStringLiteral("memberId"), true);
    v.balance = r.money(QStringLiteral("balance"), true);
    v.totals.topUpsFen = r.money(QStringLiteral("topUps")).fen();
    v.totals.refundsInFen = r.money(QStringLiteral("income")).fen();
    v.totals.spentFen = r.money(QStringLiteral("spent")).fen();
    v.totals.heldFen = r.money(QStringLiteral("held")).fen();
    v.totals.withdrawnFen = r.money(QStringLiteral("withdrawn")).fen();
    v.recent = readList<WalletOp>(r, QStringLiteral("recent"));
}

void read(JsonReader& r, BackOfficeRead<QList<AccountBalance>>& b)
{
    readOutcome(r, b.outcome);
    b.value = readList<AccountBalance>(r, QStringLiteral("balances"));
}

void read(JsonReader& r, BackOfficeRead<AccountBalance>& b)
{
    readOutcome(r, b.outcome);
    if (b.outcome.ok())
        readObject(r, QStringLiteral("balance"), b.value);
}

void read(JsonReader& r, BackOfficeRead<WalletView>& w)
{
    readOutcome(r, w.outcome);
    if (w.outcome.ok())
        readObject(r, QStringLiteral("wallet"), w.value);
}

QUrlQuery toQuery(const JournalFilter& f)
{
    QUrlQuery q;
    if (!f.accountCode.isEmpty())
        q.addQueryItem(QStringLiteral("account"), f.accountCode);
    if (!f.ref.isEmpty())
        q.addQueryItem(QStringLiteral("ref"), f.ref);
    if (f.fromMs > 0)
        q.addQueryItem(QStringLiteral("from"), QString::number(f.fromMs));
    if (f.toMs != std::numeric_limits<qint64>::max())
        q.addQueryItem(QStringLiteral("to"), QString::number(f.toMs));
    q.addQueryItem(QStringLiteral("limit"), QString::number(f.limit));
    return q;
}

QJsonObject queryObject(const QUrlQuery& q)
{
    QJsonObject o;
    for (const auto& [key, value] : q.queryItems(QUrl::FullyDecoded))
        o.insert(key, value);
    return o;
}

std::optional<JournalFilter> journalFilterFromQuery(const QUrlQuery& q, QString* error)
{
    const QJsonObject o = queryObject(q);
    JsonReader r(o, JsonReader::Mode::Strict);
    JournalFilter f;
    f.accountCode = r.string(QStringLiteral("account"));
    f.ref = r.string(QStringLiteral("ref"));
    // Milliseconds since the epoch: the filter's own unit, exact.
    f.fromMs = r.integer(QStringLiteral("from"));
    if (o.contains(QStringLiteral("to")))
        f.toMs = r.integer(QStringLiteral("to"));
    f.limit = int(r.integer(QStringLiteral("limit"), false, 1, 10'000));
    if (!o.contains(QStringLiteral("limit")))
        f.limit = 100;
    if (!r.finish()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return f;
}

QUrlQuery atQuery(qint64 atMs)
{
    QUrlQuery q;
    if (atMs != BackOfficeApi::kNow)
        q.addQueryItem(QStringLiteral("at"), QString::number(atMs));
    return q;
}

std::optional<qint64> atFromQuery(const QUrlQuery& q, QString* error)
{
    const QJsonObject o = queryObject(q);
    JsonReader r(o, JsonReader::Mode::Strict);
    const qint64 at = o.contains(QStringLiteral("at")) ? r.integer(QStringLiteral("at"), true, 1)
                                                       : BackOfficeApi::kNow;
    if (!r.finish()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return at;
}

} // namespace paydesk::wire
