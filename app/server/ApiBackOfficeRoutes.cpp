#include "ApiExchange.h"
#include "ApiServer.h"
#include "api/BackOfficeWire.h"
#include "api/DashboardWire.h"
#include "api/EmbeddedApi.h"
#include "api/LedgerJson.h"
#include "api/ReconJson.h"
#include "api/ReconWire.h"

#include <QJsonArray>
#include <QRegularExpression>

// The back office (accounting()) and reconciliation (reconciliation()) over
// /v1: one route per use case, bodies read strictly with the field at fault
// named, answers in the CLI's --json shapes. Domain outcomes answer 200 with
// their stable status, as the counter's do; what the HTTP layer refuses
// answers 4xx with {"error":{...}}.
namespace paydesk {

namespace {

using Exchange = std::shared_ptr<ApiExchange>;
// A route's {params}, percent-decoded, in the order the path names them.
using Params = QStringList;
using Handler = void (*)(EmbeddedApi& api, const Exchange& x, const Params& p);

template <typename T> QJsonObject listOf(const QString& key, const QList<T>& items)
{
    QJsonArray a;
    for (const T& item : items)
        a.append(toJson(item));
    return {{key, a}};
}

BackOfficeApi::OutcomeReply outcome(const Exchange& x)
{
    return [x](const BackOfficeOutcome& o) { x->answer(toJson(o)); };
}

void badValue(const Exchange& x, const QString& field, const QString& what)
{
    x->error(Status::BadRequest, QStringLiteral("bad_value"),
             QStringLiteral("%1: %2").arg(field, what), field);
}

// The only query items a read takes; any other is refused by name.
bool onlyQuery(const Exchange& x, const QStringList& allowed)
{
    for (const auto& item : x->query().queryItems())
        if (!allowed.contains(item.first)) {
            x->error(Status::BadRequest, QStringLiteral("unknown_field"),
                     QStringLiteral("%1: is not a parameter of %2").arg(item.first, x->path()),
                     item.first);
            return false;
        }
    return true;
}

QString queryValue(const Exchange& x, const QString& key)
{
    return x->query().queryItemValue(key, QUrl::FullyDecoded);
}

// A body with nothing in it ({} or empty): anything else is refused.
bool emptyBody(const Exchange& x)
{
    if (x->body.trimmed().isEmpty())
        return true;
    const auto o = x->jsonBody();
    if (!o)
        return false;
    JsonReader r(*o, JsonReader::Mode::Strict);
    if (!r.finish()) {
        x->error(Status::BadRequest, jsonProblemCode(r.problem()), r.error(), r.field());
        return false;
    }
    return true;
}

// A difference's id from the path.
std::optional<qint64> diffId(const Exchange& x, const QString& text)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
    if (!digits.match(text).hasMatch()) {
        badValue(x, QStringLiteral("id"), QStringLiteral("must be a difference's number"));
        return std::nullopt;
    }
    return text.toLongLong();
}

// --- the ledger ---

void balances(EmbeddedApi& api, const Exchange& x, const Params&)
{
    QString why;
    const auto at = wire::atFromQuery(x->query(), &why);
    if (!at)
        return badValue(x, QStringLiteral("at"), why);
    api.accounting().balances(
        *at, [x](const BackOfficeRead<QList<AccountBalance>>& r) { x->answer(wire::toJson(r)); });
}

void balance(EmbeddedApi& api, const Exchange& x, const Params& p)
{
    QString why;
    const auto at = wire::atFromQuery(x->query(), &why);
    if (!at)
        return badValue(x, QStringLiteral("at"), why);
    api.accounting().balance(
        p.at(0), *at, [x](const BackOfficeRead<AccountBalance>& r) { x->answer(wire::toJson(r)); });
}

void journal(EmbeddedApi& api, const Exchange& x, const Params&)
{
    QString why;
    const auto filter = wire::journalFilterFromQuery(x->query(), &why);
    if (!filter)
        return x->error(Status::BadRequest, QStringLiteral("bad_value"), why);
    api.accounting().journal(*filter, [x](const QList<JournalEntry>& entries) {
        x->answer(listOf(QStringLiteral("entries"), entries));
    });
}

void check(EmbeddedApi& api, const Exchange& x, const Params&)
{
    if (!onlyQuery(x, {}))
        return;
    api.accounting().check([x](const InternalCheckReport& r) { x->answer(toJson(r)); });
}

void backfill(EmbeddedApi& api, const Exchange& x, const Params&)
{
    if (emptyBody(x))
        api.accounting().backfill([x](const BackfillReport& r) { x->answer(toJson(r)); });
}

// --- the dashboard ---

void dashboard(EmbeddedApi& api, const Exchange& x, const Params&)
{
    QString why;
    const auto period = wire::dashboardPeriodFromQuery(x->query(), &why);
    if (!period)
        return x->error(Status::BadRequest, QStringLiteral("bad_value"), why);
    api.dashboard().figures(period->first, period->second,
                            [x](const DashboardResult& r) { x->answer(wire::toJson(r)); });
}

// --- settlement ---

void settle(EmbeddedApi& api, const Exchange& x, const Params&)
{
    if (const auto c = x->command<wire::SettleCommand>())
        api.accounting().settle(c->day, c->by, c->merchantId,
                                [x](const SettlementReport& r) { x->answer(wire::toJson(r)); });
}

void settlements(EmbeddedApi& api, const Exchange& x, const Params&)
{
    if (!onlyQuery(x, {QStringLiteral("merchant")}))
        return;
    api.accounting().settlements(queryValue(x, QStringLiteral("merchant")),
                                 [x](const QList<SettlementRow>& rows) {
                                     x->answer(listOf(QStringLiteral("settlements"), rows));
                                 });
}

// --- payouts and adjustments ---

void approvals(EmbeddedApi& api, const Exchange& x, const Params&)
{
    if (!onlyQuery(x, {QStringLiteral("kind")}))
        return;
    const QString kind = queryValue(x, QStringLiteral("kind"));
    if (!kind.isEmpty() && kind != approvalkind::payout && kind != approvalkind::adjustment &&
        kind != approvalkind::withdrawal)
        return badValue(x, QStringLiteral("kind"),
                        QStringLiteral("must be payout, adjustment or withdrawal"));
    api.accounting().approvals(kind, [x](const QList<ApprovalRecord>& list) {
        x->answer(listOf(QStringLiteral("approvals"), list));
    });
}

void requestPayout(EmbeddedApi& api, const Exchange& x, const Params&)
{
    if (const auto c = x->command<wire::PayoutCommand>())
        api.accounting().requestPayout(c->amount, c->by, c->note, c->requestNo, outcome(x));
}

void proposeAdjustment(EmbeddedApi& api, const Exchange& x, const Params&)
{
    if (const auto c = x->command<wire::AdjustmentCommand>())
        api.accounting().proposeAdjustment(c->account, c->amount, c->counterAccount, c->reason,
                                           c->by, outcome(x));
}

void decideApproval(EmbeddedApi& api, const Exchange& x, const Params& p)
{
    if (const auto c = x->command<wire::ApprovalDecision>())
        api.accounting().decideApproval(c->kind, p.at(0), c->approve, c->by, c->note, outcome(x));
}

// --- member wallets ---

void wallet(EmbeddedApi& api, const Exchange& x, const Params& p)
{
    if (!onlyQuery(x, {}))
        return;
    api.accounting().wallet(
        p.at(0), [x](const BackOfficeRead<WalletView>& r) { x->answer(wire::toJson(r)); });
}

void topUpCash(EmbeddedApi& api, const Exchange& x, const Params& p)
{
    if (const auto c = x->command<wire::CashTopUpCommand>())
        api.accounting().topUpCash(p.at(0), c->amount, c->requestNo, c->by, outcome(x));
}

void topUpFromOrder(EmbeddedApi& api, const Exchange& x, const Params& p)
{
    if (const auto c = x->command<wire::OrderTopUpCommand>())
        api.accounting().topUpFromOrder(p.at(0), c->orderNo, c->requestNo, c->by, outcome(x));
}

void walletPay(EmbeddedApi& api, const Exchange& x, const Params& p)
{
    if (const auto c = x->command<wire::WalletPayCommand>())
        api.accounting().walletPay(p.at(0), c->amount, c->saleRef, c->requestNo, c->by, outcome(x));
}

void walletRefund(EmbeddedApi& api, const Exchange& x, const Params& p)
{
    if (const auto c = x->command<wire::WalletRefundCommand>())
        api.accounting().walletRefund(p.at(0), c->amount, c->reason, c->requestNo, c->by,
                                      outcome(x));
}

void requestWithdrawal(EmbeddedApi& api, const Exchange& x, const Params& p)
{
    if (const auto c = x->command<wire::WithdrawalCommand>())
        api.accounting().requestWithdrawal(p.at(0), c->amount, c->requestNo, c->by, c->note,
                                           outcome(x));
}

void withdrawals(EmbeddedApi& api, const Exchange& x, const Params&)
{
    if (!onlyQuery(x, {QStringLiteral("member")}))
        return;
    api.accounting().withdrawals(queryValue(x, QStringLiteral("member")),
                                 [x](const QList<ApprovalRecord>& list) {
                                     x->answer(listOf(QStringLiteral("withdrawals"), list));
                                 });
}

void decideWithdrawal(EmbeddedApi& api, const Exchange& x, const Params& p)
{
    if (const auto c = x->command<wire::WithdrawalDecision>())
        api.accounting().decideWithdrawal(p.at(0), c->approve, c->by, c->note, outcome(x));
}

// --- reconciliation ---

void reconcile(EmbeddedApi& api, const Exchange& x, const Params&)
{
    const auto c = x->command<ReconcileRequest>();
    if (!c)
        return;
    // These name files on the server's disk: a client must not read or
    // write there. The day's bill comes through the channel's adapter.
    const std::pair<QString, QString> paths[] = {{QStringLiteral("billPath"), c->billPath},
                                                 {QStringLiteral("csvPath"), c->csvPath},
                                                 {QStringLiteral("pdfPath"), c->pdfPath}};
    for (const auto& [field, value] : paths)
        if (!value.isEmpty())
            return badValue(x, field,
                            QStringLiteral("names a file on the server's disk, which is not "
                                           "taken over the network: leave it out to download "
                                           "the day's bill through the channel, or run "
                                           "reconcile on the server's machine"));
    api.reconciliation().reconcile(*c,
                                   [x](const ReconcileResult& r) { x->answer(wire::toJson(r)); });
}

void differences(EmbeddedApi& api, const Exchange& x, const Params&)
{
    QString why;
    const auto filter = wire::diffFilterFromQuery(x->query(), &why);
    if (!filter)
        return x->error(Status::BadRequest, QStringLiteral("bad_value"), why);
    api.reconciliation().differences(*filter, [x](const QList<ReconDifference>& list) {
        x->answer(listOf(QStringLiteral("differences"), list));
    });
}

void difference(EmbeddedApi& api, const Exchange& x, const Params& p)
{
    const auto id = diffId(x, p.at(0));
    if (!id || !onlyQuery(x, {}))
        return;
    api.reconciliation().difference(*id, [x, id](const std::optional<ReconDifference>& d) {
        if (!d)
            return x->error(Status::NotFound, QStringLiteral("not_found"),
                            QStringLiteral("no difference %1").arg(*id));
        x->answer(toJson(*d));
    });
}

template <void (ReconApi::*Propose)(qint64, const QString&, const QString&, ReconApi::OutcomeReply)>
void withReason(EmbeddedApi& api, const Exchange& x, const Params& p)
{
    const auto id = diffId(x, p.at(0));
    if (!id)
        return;
    if (const auto c = x->command<wire::DiffReason>())
        (api.reconciliation().*Propose)(*id, c->by, c->reason, outcome(x));
}

void decideDifference(EmbeddedApi& api, const Exchange& x, const Params& p)
{
    const auto id = diffId(x, p.at(0));
    if (!id)
        return;
    if (const auto c = x->command<wire::DiffDecision>())
        api.reconciliation().decideDifference(*id, c->by, c->approve, outcome(x));
}

void assignDifference(EmbeddedApi& api, const Exchange& x, const Params& p)
{
    const auto id = diffId(x, p.at(0));
    if (!id)
        return;
    if (const auto c = x->command<wire::DiffAssignment>())
        api.reconciliation().assignDifference(*id, c->owner, c->by, outcome(x));
}

struct Route
{
    ApiRoute route;
    Handler handler;
};

const QList<Route>& table()
{
    static const QList<Route> all = {
        {{"GET", QStringLiteral("/v1/ledger/balances")}, balances},
        {{"GET", QStringLiteral("/v1/ledger/accounts/{account}")}, balance},
        {{"GET", QStringLiteral("/v1/ledger/journal")}, journal},
        {{"GET", QStringLiteral("/v1/ledger/check")}, check},
        {{"GET", QStringLiteral("/v1/dashboard")}, dashboard},
        {{"POST", QStringLiteral("/v1/ledger/backfill")}, backfill},
        {{"POST", QStringLiteral("/v1/settlements")}, settle},
        {{"GET", QStringLiteral("/v1/settlements")}, settlements},
        {{"GET", QStringLiteral("/v1/approvals")}, approvals},
        {{"POST", QStringLiteral("/v1/payouts")}, requestPayout},
        {{"POST", QStringLiteral("/v1/adjustments")}, proposeAdjustment},
        {{"POST", QStringLiteral("/v1/approvals/{number}/decision")}, decideApproval},
        {{"GET", QStringLiteral("/v1/wallets/{memberId}")}, wallet},
        {{"POST", QStringLiteral("/v1/wallets/{memberId}/cash-top-ups")}, topUpCash},
        {{"POST", QStringLiteral("/v1/wallets/{memberId}/order-top-ups")}, topUpFromOrder},
        {{"POST", QStringLiteral("/v1/wallets/{memberId}/payments")}, walletPay},
        {{"POST", QStringLiteral("/v1/wallets/{memberId}/withdrawals")}, requestWithdrawal},
        {{"POST", QStringLiteral("/v1/wallet-ops/{number}/refunds")}, walletRefund},
        {{"GET", QStringLiteral("/v1/withdrawals")}, withdrawals},
        {{"POST", QStringLiteral("/v1/withdrawals/{number}/decision")}, decideWithdrawal},
        {{"POST", QStringLiteral("/v1/reconciliations")}, reconcile},
        {{"GET", QStringLiteral("/v1/differences")}, differences},
        {{"GET", QStringLiteral("/v1/differences/{id}")}, difference},
        {{"POST", QStringLiteral("/v1/differences/{id}/resolve")},
         withReason<&ReconApi::resolveDifference>},
        {{"POST", QStringLiteral("/v1/differences/{id}/write-off")},
         withReason<&ReconApi::proposeWriteOff>},
        {{"POST", QStringLiteral("/v1/differences/{id}/recovery")},
         withReason<&ReconApi::proposeRecovery>},
        {{"POST", QStringLiteral("/v1/differences/{id}/decision")}, decideDifference},
        {{"POST", QStringLiteral("/v1/differences/{id}/assignment")}, assignDifference},
    };
    return all;
}

// A route's template as a pattern on the encoded path: each {param} one
// segment, captured (decoded after the match, so an encoded '/' stays in
// its segment).
QRegularExpression encodedPattern(const QString& path)
{
    QString re = QRegularExpression::escape(path);
    static const QRegularExpression param(QStringLiteral(R"(\\\{[A-Za-z]+\\\})"));
    re.replace(param, QStringLiteral("([^/]+)"));
    return QRegularExpression(QLatin1Char('^') + re + QLatin1Char('$'));
}

} // namespace

QList<ApiRoute> ApiServer::backOfficeRoutes()
{
    QList<ApiRoute> out;
    for (const Route& r : table())
        out.append(r.route);
    return out;
}

bool ApiServer::routeBackOffice(const std::shared_ptr<ApiExchange>& x, const Caller& caller)
{
    Q_UNUSED(caller); // the staff member is named in each request (`by`)
    static const auto patterns = [] {
        QList<QRegularExpression> out;
        for (const Route& r : table())
            out.append(encodedPattern(r.route.path));
        return out;
    }();
    const QString path = x->url.path(QUrl::FullyEncoded);
    const QByteArray method = x->methodName();
    for (qsizetype i = 0; i < table().size(); ++i) {
        if (table().at(i).route.method != method)
            continue;
        const QRegularExpressionMatch m = patterns.at(i).match(path);
        if (!m.hasMatch())
            continue;
        Params params;
        for (int c = 1; c <= m.lastCapturedIndex(); ++c)
            params << QUrl::fromPercentEncoding(m.captured(c).toUtf8());
        table().at(i).handler(m_api, x, params);
        return true;
    }
    return false;
}

} // namespace paydesk
