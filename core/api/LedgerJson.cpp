#include "api/LedgerJson.h"

#include "api/Json.h"
#include "api/types/Accounts.h"

#include <QJsonArray>

namespace paydesk {

namespace {
QJsonObject fen(qint64 v, const Currency& c = kCny)
{
    return moneyJson(Money::fromFen(v, c));
}
} // namespace

QJsonObject toJson(const BackOfficeOutcome& o)
{
    QJsonObject j{{QStringLiteral("status"), backOfficeStatusName(o.status)},
                  {QStringLiteral("ok"), o.ok()},
                  {QStringLiteral("message"), o.message},
                  {QStringLiteral("number"), o.number}};
    if (!o.field.isEmpty())
        j.insert(QStringLiteral("field"), o.field);
    return j;
}

QJsonObject toJson(const JournalEntry& e)
{
    QJsonArray postings;
    for (const Posting& p : e.postings)
        postings.append(QJsonObject{{QStringLiteral("account"), p.account},
                                    {QStringLiteral("side"), p.amountFen > 0 ? QStringLiteral("debit")
                                                                             : QStringLiteral("credit")},
                                    {QStringLiteral("amount"), fen(qAbs(p.amountFen), e.currency)}});
    return {{QStringLiteral("id"), QString::number(e.id)},
            {QStringLiteral("key"), e.idempotencyKey},
            {QStringLiteral("refKind"), e.refKind},
            {QStringLiteral("ref"), e.refNo},
            {QStringLiteral("orderNo"), e.orderNo},
            {QStringLiteral("memo"), e.memo},
            {QStringLiteral("at"), isoTime(e.atMs)},
            {QStringLiteral("reversesEntry"), QString::number(e.reversesEntryId)},
            {QStringLiteral("currency"), e.currency}, // an entry without postings keeps it too
            {QStringLiteral("postings"), postings}};
}

QJsonObject toJson(const AccountBalance& b)
{
    return {{QStringLiteral("account"), b.account},
            {QStringLiteral("type"), accountTypeName(b.type)},
            {QStringLiteral("normalSide"), isDebitNormal(b.type) ? QStringLiteral("debit") : QStringLiteral("credit")},
            {QStringLiteral("balance"), fen(b.normalFen(), b.currency)},
            {QStringLiteral("debitMinusCredit"), fen(b.signedFen, b.currency)}};
}

QJsonObject toJson(const SettlementRow& s)
{
    return {{QStringLiteral("merchantId"), s.merchantId},
            {QStringLiteral("date"), s.businessDate.toString(Qt::ISODate)},
            {QStringLiteral("items"), QString::number(s.totals.items)},
            {QStringLiteral("payments"), fen(s.totals.grossFen, s.currency)},
            {QStringLiteral("returned"), fen(s.totals.returnedFen, s.currency)},
            {QStringLiteral("net"), fen(s.totals.netFen(), s.currency)},
            {QStringLiteral("fees"), fen(s.totals.feeFen, s.currency)},
            {QStringLiteral("toAvailable"), fen(s.totals.netFen() - s.totals.feeFen, s.currency)},
            {QStringLiteral("entryKey"), s.entryKey},
            {QStringLiteral("runBy"), s.runBy},
            {QStringLiteral("at"), isoTime(s.atMs)}};
}

QJsonObject toJson(const ApprovalRecord& r)
{
    QJsonObject j{
        {QStringLiteral("number"), r.number()},
        {QStringLiteral("kind"), r.kind},
        {QStringLiteral("state"), r.stateName()},
        {QStringLiteral("account"), r.account},
        {QStringLiteral("counterAccount"), r.counterAccount},
        {QStringLiteral("amount"), fen(r.amountFen, r.currency)},
        {QStringLiteral("reason"), r.reason},
        {QStringLiteral("proposedBy"), r.proposedBy},
        {QStringLiteral("proposedAt"), isoTime(r.proposedAtMs)},
        {QStringLiteral("decidedBy"), r.decidedBy},
        {QStringLiteral("decisionNote"), r.decisionNote},
        {QStringLiteral("decidedAt"), r.decidedAtMs ? isoTime(r.decidedAtMs) : QString()}};
    if (!r.requestNo.isEmpty())
        j.insert(QStringLiteral("requestNo"), r.requestNo);
    // The rest of the record, so a remote reader gets all of it.
    j.insert(QStringLiteral("id"), QString::number(r.id));
    j.insert(QStringLiteral("merchantId"), r.merchantId);
    j.insert(QStringLiteral("businessDate"), r.businessDate.toString(Qt::ISODate));
    j.insert(QStringLiteral("version"), r.version);
    if (!r.fingerprint.isEmpty())
        j.insert(QStringLiteral("fingerprint"), r.fingerprint);
    if (const auto wallet = parseAccountCode(r.account);
        wallet && wallet->kind == QLatin1String("wallet"))
        j.insert(QStringLiteral("memberId"), wallet->owner);
    return j;
}

QJsonObject toJson(const WalletOp& op)
{
    return {{QStringLiteral("number"), op.number()},
            {QStringLiteral("id"), QString::number(op.id)},
            {QStringLiteral("requestNo"), op.requestNo},
            {QStringLiteral("fingerprint"), op.fingerprint},
            {QStringLiteral("memberId"), op.memberId},
            {QStringLiteral("kind"), walletOpKindName(op.kind)},
            {QStringLiteral("amount"), moneyJson(op.amount)},
            {QStringLiteral("ref"), op.ref},
            {QStringLiteral("note"), op.note},
            {QStringLiteral("by"), op.by},
            {QStringLiteral("at"), isoTime(op.atMs)}};
}

QJsonObject toJson(const WalletView& v)
{
    QJsonArray ops;
    for (const WalletOp& op : v.recent)
        ops.append(toJson(op));
    return {{QStringLiteral("memberId"), v.memberId},
            {QStringLiteral("balance"), moneyJson(v.balance)},
            {QStringLiteral("topUps"), fen(v.totals.topUpsFen)},
            {QStringLiteral("income"), fen(v.totals.refundsInFen)},
            {QStringLiteral("spent"), fen(v.totals.spentFen)},
            {QStringLiteral("held"), fen(v.totals.heldFen)},
            {QStringLiteral("withdrawn"), fen(v.totals.withdrawnFen)},
            {QStringLiteral("recent"), ops}};
}

QJsonObject toJson(const InternalCheckReport& r)
{
    QJsonArray lines;
    for (const CheckLine& l : r.lines)
        lines.append(QJsonObject{{QStringLiteral("subject"), l.subject},
                                 {QStringLiteral("rule"), l.rule},
                                 {QStringLiteral("expected"), l.isCount ? QJsonValue(QString::number(l.expectedFen))
                                                                        : QJsonValue(fen(l.expectedFen))},
                                 {QStringLiteral("actual"), l.isCount ? QJsonValue(QString::number(l.actualFen))
                                                                      : QJsonValue(fen(l.actualFen))},
                                 {QStringLiteral("ok"), l.ok()}});
    return {{QStringLiteral("ok"), r.ok()}, {QStringLiteral("error"), r.error}, {QStringLiteral("checks"), lines}};
}

QJsonObject toJson(const BackfillReport& r)
{
    return {
        {QStringLiteral("payments"), r.payments}, {QStringLiteral("reversals"), r.reversals},
        {QStringLiteral("refunds"), r.refunds},   {QStringLiteral("posted"), r.posted()},
        {QStringLiteral("error"), r.error},       {QStringLiteral("stoppedEarly"), r.stoppedEarly}};
}

} // namespace paydesk
