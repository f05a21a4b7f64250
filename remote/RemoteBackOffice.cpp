#include "RemoteBackOffice.h"

#include "api/DashboardWire.h"
#include "api/WireDecode.h"

#include <QJsonDocument>
#include <QUrl>

namespace paydesk {

namespace {

// One path segment, percent-encoded (member ids and account codes are text).
QString segment(const QString& s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

QString withQuery(const QString& path, const QUrlQuery& q)
{
    return q.isEmpty() ? path : path + QLatin1Char('?') + q.toString(QUrl::FullyEncoded);
}

QByteArray bodyOf(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

BackOfficeOutcome failed(BackOfficeStatus s, const QString& message, const QString& field = {})
{
    BackOfficeOutcome o = BackOfficeOutcome::fail(s, message);
    o.field = field;
    return o;
}

// Why an answer carries no outcome of the use case, or nothing when it does.
// `change`: the request asked for a change (what a lost answer leaves open).
std::optional<BackOfficeOutcome> linkFailure(const RemoteAnswer& a, bool change)
{
    if (a.status == 0) {
        if (a.sent && change)
            return failed(BackOfficeStatus::Unavailable,
                          QStringLiteral("the server's answer was lost (%1): the change may have "
                                         "been made; read it back before asking again")
                              .arg(a.error));
        return failed(BackOfficeStatus::Unavailable,
                      QStringLiteral("the server could not be reached (%1): nothing was done; "
                                     "try again once it is back")
                          .arg(a.error));
    }
    if (a.status == 200)
        return std::nullopt;
    // The HTTP layer refused it before the use case ran: nothing was done.
    const QJsonObject e = a.json.value(QStringLiteral("error")).toObject();
    const QString code = e.value(QStringLiteral("code")).toString();
    const QString text = QStringLiteral("the server refused the request (%1 %2): %3")
                             .arg(a.status)
                             .arg(code, e.value(QStringLiteral("message")).toString());
    const QString field = e.value(QStringLiteral("field")).toString();
    if (a.status == 404 && code == QLatin1String("not_found"))
        return failed(BackOfficeStatus::NotFound, text);
    if (a.status == 401 || a.status == 429 || a.status >= 500)
        return failed(BackOfficeStatus::Unavailable, text);
    return failed(BackOfficeStatus::InvalidArgument, text, field);
}

// The answer read as T, or why not.
template <typename T>
std::optional<T> decoded(const RemoteAnswer& a, bool change, BackOfficeOutcome* why)
{
    if (auto f = linkFailure(a, change)) {
        *why = *f;
        return std::nullopt;
    }
    JsonReader report(QJsonObject{});
    auto value = wire::decode<T>(a.json, JsonReader::Mode::Lenient, &report);
    if (!value)
        *why = failed(BackOfficeStatus::StorageError,
                      QStringLiteral("the server's answer is unreadable (%1)").arg(report.error()));
    return value;
}

// A list read: empty when there is no answer (the interface has no outcome
// for it; RemoteApi's linkError() says why).
template <typename T>
void readList(RemoteLink& link, const QString& pathAndQuery, const QString& key,
              std::function<void(const QList<T>&)> reply)
{
    link.send("GET", pathAndQuery, {}, false, [reply, key](const RemoteAnswer& a) {
        if (a.status != 200)
            return reply({});
        JsonReader r(a.json);
        reply(wire::readList<T>(r, key));
    });
}

// A read whose answer carries its own outcome.
template <typename T>
void readWithOutcome(RemoteLink& link, const QString& pathAndQuery,
                     std::function<void(const BackOfficeRead<T>&)> reply)
{
    link.send("GET", pathAndQuery, {}, false, [reply](const RemoteAnswer& a) {
        BackOfficeOutcome why;
        if (auto v = decoded<BackOfficeRead<T>>(a, false, &why))
            return reply(*v);
        reply({why, T{}});
    });
}

// A change answered with an outcome. `resend`: safe to send twice (see the
// class comment); a decision the server refuses the second time says so.
void change(RemoteLink& link, const QString& path, const QJsonObject& body, bool resend,
            BackOfficeApi::OutcomeReply reply)
{
    link.send("POST", path, bodyOf(body), resend, [reply](const RemoteAnswer& a) {
        BackOfficeOutcome why;
        auto o = decoded<BackOfficeOutcome>(a, true, &why);
        if (!o)
            return reply(why);
        if (a.resent && o->status == BackOfficeStatus::InvalidState)
            o->message += QStringLiteral(" (sent again after its first answer was lost: the "
                                         "first may have done it; read it back)");
        reply(*o);
    });
}

constexpr bool kResend = true;    // a request number, or a decision
constexpr bool kSendOnce = false; // no request number: never twice

} // namespace

void RemoteBackOffice::balances(qint64 atMs, Reply<BackOfficeRead<QList<AccountBalance>>> reply)
{
    readWithOutcome<QList<AccountBalance>>(
        m_link, withQuery(QStringLiteral("/v1/ledger/balances"), wire::atQuery(atMs)),
        std::move(reply));
}

void RemoteBackOffice::balance(const QString& account, qint64 atMs,
                               Reply<BackOfficeRead<AccountBalance>> reply)
{
    readWithOutcome<AccountBalance>(
        m_link,
        withQuery(QStringLiteral("/v1/ledger/accounts/") + segment(account), wire::atQuery(atMs)),
        std::move(reply));
}

void RemoteBackOffice::journal(const JournalFilter& filter, Reply<QList<JournalEntry>> reply)
{
    readList<JournalEntry>(m_link,
                           withQuery(QStringLiteral("/v1/ledger/journal"), wire::toQuery(filter)),
                           QStringLiteral("entries"), std::move(reply));
}

void RemoteBackOffice::check(Reply<InternalCheckReport> reply)
{
    m_link.send("GET", QStringLiteral("/v1/ledger/check"), {}, false,
                [reply](const RemoteAnswer& a) {
                    BackOfficeOutcome why;
                    if (auto r = decoded<InternalCheckReport>(a, false, &why))
                        return reply(*r);
                    InternalCheckReport r;
                    r.error = why.message;
                    reply(r);
                });
}

void RemoteBackOffice::backfill(Reply<BackfillReport> reply)
{
    // It posts only what has no entry yet: safe to send again.
    m_link.send("POST", QStringLiteral("/v1/ledger/backfill"), bodyOf({}), kResend,
                [reply](const RemoteAnswer& a) {
                    BackOfficeOutcome why;
                    if (auto r = decoded<BackfillReport>(a, true, &why))
                        return reply(*r);
                    BackfillReport r;
                    r.error = why.message;
                    reply(r);
                });
}

void RemoteBackOffice::settle(const QDate& day, const QString& by, const QString& merchantId,
                              Reply<SettlementReport> reply)
{
    // A day settled again answers Repeated: safe to send again.
    m_link.send("POST", QStringLiteral("/v1/settlements"),
                bodyOf(wire::toJson(wire::SettleCommand{day, by, merchantId})), kResend,
                [reply](const RemoteAnswer& a) {
                    BackOfficeOutcome why;
                    if (auto r = decoded<SettlementReport>(a, true, &why))
                        return reply(*r);
                    reply({why, {}});
                });
}

void RemoteBackOffice::settlements(const QString& merchantId, Reply<QList<SettlementRow>> reply)
{
    QUrlQuery q;
    if (!merchantId.isEmpty())
        q.addQueryItem(QStringLiteral("merchant"), merchantId);
    readList<SettlementRow>(m_link, withQuery(QStringLiteral("/v1/settlements"), q),
                            QStringLiteral("settlements"), std::move(reply));
}

void RemoteBackOffice::approvals(const QString& kind, Reply<QList<ApprovalRecord>> reply)
{
    QUrlQuery q;
    if (!kind.isEmpty())
        q.addQueryItem(QStringLiteral("kind"), kind);
    readList<ApprovalRecord>(m_link, withQuery(QStringLiteral("/v1/approvals"), q),
                             QStringLiteral("approvals"), std::move(reply));
}

void RemoteBackOffice::requestPayout(const Money& amount, const QString& by, const QString& note,
                                     const QString& requestNo, OutcomeReply reply)
{
    change(m_link, QStringLiteral("/v1/payouts"),
           wire::toJson(wire::PayoutCommand{amount, by, note, requestNo}),
           requestNo.isEmpty() ? kSendOnce : kResend, std::move(reply));
}

void RemoteBackOffice::proposeAdjustment(const QString& account, const Money& amount,
                                         const QString& counterAccount, const QString& reason,
                                         const QString& by, OutcomeReply reply)
{
    change(m_link, QStringLiteral("/v1/adjustments"),
           wire::toJson(wire::AdjustmentCommand{account, amount, counterAccount, reason, by}),
           kSendOnce, std::move(reply));
}

void RemoteBackOffice::decideApproval(const QString& kind, const QString& number, bool approve,
                                      const QString& by, const QString& note, OutcomeReply reply)
{
    change(m_link, QStringLiteral("/v1/approvals/%1/decision").arg(segment(number)),
           wire::toJson(wire::ApprovalDecision{kind, approve, by, note}), kResend,
           std::move(reply));
}

void RemoteBackOffice::topUpCash(const QString& memberId, const Money& amount,
                                 const QString& requestNo, const QString& by, OutcomeReply reply)
{
    change(m_link, QStringLiteral("/v1/wallets/%1/cash-top-ups").arg(segment(memberId)),
           wire::toJson(wire::CashTopUpCommand{amount, requestNo, by}), kResend, std::move(reply));
}

void RemoteBackOffice::topUpFromOrder(const QString& memberId, const QString& orderNo,
                                      const QString& requestNo, const QString& by,
                                      OutcomeReply reply)
{
    change(m_link, QStringLiteral("/v1/wallets/%1/order-top-ups").arg(segment(memberId)),
           wire::toJson(wire::OrderTopUpCommand{orderNo, requestNo, by}), kResend,
           std::move(reply));
}

void RemoteBackOffice::walletPay(const QString& memberId, const Money& amount,
                                 const QString& saleRef, const QString& requestNo,
                                 const QString& by, OutcomeReply reply)
{
    change(m_link, QStringLiteral("/v1/wallets/%1/payments").arg(segment(memberId)),
           wire::toJson(wire::WalletPayCommand{amount, saleRef, requestNo, by}), kResend,
           std::move(reply));
}

void RemoteBackOffice::walletRefund(const QString& payOpNumber, const Money& amount,
                                    const QString& reason, const QString& requestNo,
                                    const QString& by, OutcomeReply reply)
{
    change(m_link, QStringLiteral("/v1/wallet-ops/%1/refunds").arg(segment(payOpNumber)),
           wire::toJson(wire::WalletRefundCommand{amount, reason, requestNo, by}), kResend,
           std::move(reply));
}

void RemoteBackOffice::wallet(const QString& memberId, Reply<BackOfficeRead<WalletView>> reply)
{
    readWithOutcome<WalletView>(m_link, QStringLiteral("/v1/wallets/") + segment(memberId),
                                std::move(reply));
}

void RemoteBackOffice::requestWithdrawal(const QString& memberId, const Money& amount,
                                         const QString& requestNo, const QString& by,
                                         const QString& note, OutcomeReply reply)
{
    change(m_link, QStringLiteral("/v1/wallets/%1/withdrawals").arg(segment(memberId)),
           wire::toJson(wire::WithdrawalCommand{amount, requestNo, by, note}), kResend,
           std::move(reply));
}

void RemoteBackOffice::decideWithdrawal(const QString& number, bool approve, const QString& by,
                                        const QString& note, OutcomeReply reply)
{
    change(m_link, QStringLiteral("/v1/withdrawals/%1/decision").arg(segment(number)),
           wire::toJson(wire::WithdrawalDecision{approve, by, note}), kResend, std::move(reply));
}

void RemoteBackOffice::withdrawals(const QString& memberId, Reply<QList<ApprovalRecord>> reply)
{
    QUrlQuery q;
    if (!memberId.isEmpty())
        q.addQueryItem(QStringLiteral("member"), memberId);
    readList<ApprovalRecord>(m_link, withQuery(QStringLiteral("/v1/withdrawals"), q),
                             QStringLiteral("withdrawals"), std::move(reply));
}

void RemoteRecon::reconcile(const ReconcileRequest& request, Reply<ReconcileResult> reply)
{
    // The same bill again answers Repeated: safe to send again.
    m_link.send("POST", QStringLiteral("/v1/reconciliations"), bodyOf(wire::toJson(request)),
                kResend, [reply](const RemoteAnswer& a) {
                    BackOfficeOutcome why;
                    if (auto r = decoded<ReconcileResult>(a, true, &why))
                        return reply(*r);
                    reply({why, {}});
                });
}

void RemoteRecon::differences(const DiffFilter& filter, Reply<QList<ReconDifference>> reply)
{
    readList<ReconDifference>(m_link,
                              withQuery(QStringLiteral("/v1/differences"), wire::toQuery(filter)),
                              QStringLiteral("differences"), std::move(reply));
}

void RemoteRecon::difference(qint64 id, Reply<std::optional<ReconDifference>> reply)
{
    m_link.send("GET", QStringLiteral("/v1/differences/%1").arg(id), {}, false,
                [reply](const RemoteAnswer& a) {
                    if (a.status != 200)
                        return reply(std::nullopt);
                    reply(wire::decode<ReconDifference>(a.json, JsonReader::Mode::Lenient));
                });
}

// Each of these the server refuses the second time (the difference has
// moved on), or, for an assignment, does again to the same effect.
void RemoteRecon::resolveDifference(qint64 id, const QString& by, const QString& reason,
                                    OutcomeReply reply)
{
    change(m_link, QStringLiteral("/v1/differences/%1/resolve").arg(id),
           wire::toJson(wire::DiffReason{by, reason}), kResend, std::move(reply));
}

void RemoteRecon::proposeWriteOff(qint64 id, const QString& by, const QString& reason,
                                  OutcomeReply reply)
{
    change(m_link, QStringLiteral("/v1/differences/%1/write-off").arg(id),
           wire::toJson(wire::DiffReason{by, reason}), kResend, std::move(reply));
}

void RemoteRecon::proposeRecovery(qint64 id, const QString& by, const QString& reason,
                                  OutcomeReply reply)
{
    change(m_link, QStringLiteral("/v1/differences/%1/recovery").arg(id),
           wire::toJson(wire::DiffReason{by, reason}), kResend, std::move(reply));
}

void RemoteRecon::decideDifference(qint64 id, const QString& by, bool approve, OutcomeReply reply)
{
    change(m_link, QStringLiteral("/v1/differences/%1/decision").arg(id),
           wire::toJson(wire::DiffDecision{by, approve}), kResend, std::move(reply));
}

void RemoteRecon::assignDifference(qint64 id, const QString& owner, const QString& by,
                                   OutcomeReply reply)
{
    change(m_link, QStringLiteral("/v1/differences/%1/assignment").arg(id),
           wire::toJson(wire::DiffAssignment{owner, by}), kResend, std::move(reply));
}

void RemoteDashboard::figures(qint64 fromMs, qint64 toMs, Reply<DashboardResult> reply)
{
    m_link.send("GET",
                withQuery(QStringLiteral("/v1/dashboard"), wire::dashboardQuery(fromMs, toMs)), {},
                false, [reply](const RemoteAnswer& a) {
                    BackOfficeOutcome why;
                    if (auto d = decoded<DashboardResult>(a, false, &why))
                        return reply(*d);
                    reply(DashboardResult{why, {}});
                });
}

} // namespace paydesk
