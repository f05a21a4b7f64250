#include "api/CounterWire.h"

#include "api/Json.h"
#include "api/WireDecode.h"

namespace paydesk::wire {

namespace {

QJsonObject amountFields(QJsonObject o, const Money& m)
{
    o.insert(QStringLiteral("amount"), m.toPlainString());
    o.insert(QStringLiteral("currency"), m.currency());
    return o;
}

// Amounts a command takes are more than zero.
Money positiveAmount(JsonReader& r)
{
    const Money m = r.money(QStringLiteral("amount"), true);
    if (r.ok() && !m.isPositive())
        r.fail(QStringLiteral("amount"), JsonReader::Problem::BadValue,
               QStringLiteral("must be more than 0, got %1").arg(m.toPlainString()));
    return m;
}

int intField(JsonReader& r, const QString& key)
{
    return int(
        r.integer(key, false, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

} // namespace

QJsonObject toJson(const PayCommand& c)
{
    QJsonObject o{{QStringLiteral("requestNo"), c.requestNo},
                  {QStringLiteral("paymentCode"), c.paymentCode},
                  {QStringLiteral("subject"), c.subject}};
    if (!c.orderNo.isEmpty())
        o.insert(QStringLiteral("orderNo"), c.orderNo);
    return amountFields(o, c.amount);
}

QJsonObject toJson(const QrCommand& c)
{
    return amountFields({{QStringLiteral("requestNo"), c.requestNo},
                         {QStringLiteral("wallet"), walletName(c.wallet)},
                         {QStringLiteral("subject"), c.subject}},
                        c.amount);
}

QJsonObject toJson(const RefundCommand& c)
{
    return amountFields({{QStringLiteral("requestNo"), c.requestNo},
                         {QStringLiteral("orderNo"), c.orderNo},
                         {QStringLiteral("reason"), c.reason}},
                        c.amount);
}

QJsonObject toJson(const RevokeCommand& c)
{
    return {{QStringLiteral("requestNo"), c.requestNo},
            {QStringLiteral("orderNo"), c.orderNo},
            {QStringLiteral("reason"), c.reason}};
}

QJsonObject toJson(const PinLockout& l)
{
    return {{QStringLiteral("failedTries"), l.failedTries},
            {QStringLiteral("lockedForMs"), QString::number(l.lockedForMs)}};
}

QJsonObject toJson(const WalletReachability& w)
{
    static const char* const names[] = {"unknown", "up", "down"};
    return {{QStringLiteral("wallet"), walletName(w.wallet)},
            {QStringLiteral("channel"), w.channel},
            {QStringLiteral("state"), QLatin1String(names[int(w.state)])},
            {QStringLiteral("detail"), w.detail},
            {QStringLiteral("since"), isoTime(w.sinceMs)}};
}

QJsonObject toJson(const CounterLimits& l)
{
    return {
        {QStringLiteral("maxAmount"), moneyJson(Money::fromFen(l.maxAmountFen))},
        {QStringLiteral("largeAmount"), moneyJson(Money::fromFen(l.largeAmountFen))},
        {QStringLiteral("cashierRefundLimit"), moneyJson(Money::fromFen(l.cashierRefundLimitFen))},
        {QStringLiteral("payoutsPerDay"), l.payoutsPerDay},
        {QStringLiteral("payoutPerDay"), moneyJson(Money::fromFen(l.payoutFenPerDay))},
        {QStringLiteral("walletWithdrawalsPerDay"), l.walletWithdrawalsPerDay},
        {QStringLiteral("walletWithdrawalPerDay"),
         moneyJson(Money::fromFen(l.walletWithdrawalFenPerDay))}};
}

void read(JsonReader& r, PayCommand& c)
{
    c.requestNo = r.string(QStringLiteral("requestNo"), true);
    c.amount = positiveAmount(r);
    c.paymentCode = r.string(QStringLiteral("paymentCode"), true);
    c.subject = r.string(QStringLiteral("subject"));
    c.orderNo = r.string(QStringLiteral("orderNo"));
}

void read(JsonReader& r, QrCommand& c)
{
    c.requestNo = r.string(QStringLiteral("requestNo"), true);
    c.amount = positiveAmount(r);
    c.wallet = walletFromName(r.string(QStringLiteral("wallet"), true));
    if (r.ok() && c.wallet == Wallet::Unknown)
        r.fail(QStringLiteral("wallet"), JsonReader::Problem::BadValue,
               QStringLiteral("must be wechat, alipay or unionpay"));
    c.subject = r.string(QStringLiteral("subject"));
}

void read(JsonReader& r, RefundCommand& c)
{
    c.requestNo = r.string(QStringLiteral("requestNo"), true);
    c.orderNo = r.string(QStringLiteral("orderNo"), true);
    c.amount = positiveAmount(r);
    c.reason = r.string(QStringLiteral("reason"));
}

void read(JsonReader& r, RevokeCommand& c)
{
    c.requestNo = r.string(QStringLiteral("requestNo"));
    c.orderNo = r.string(QStringLiteral("orderNo"), true);
    c.reason = r.string(QStringLiteral("reason"));
}

void read(JsonReader& r, PinLockout& l)
{
    l.failedTries = int(r.integer(QStringLiteral("failedTries"), true, 1, 1000));
    // The facade takes only a real lock (it asserts so): at least 1 ms.
    l.lockedForMs = r.integer(QStringLiteral("lockedForMs"), true, 1, 366LL * 24 * 3600 * 1000);
}

void read(JsonReader& r, CommandOutcome& o)
{
    o.status = r.enumeration<CommandStatus>(QStringLiteral("status"), commandStatusName, 0, 13,
                                            CommandStatus::StorageError, true);
    r.boolean(QStringLiteral("ok")); // derived from the status
    o.message = r.string(QStringLiteral("message"));
    o.orderNo = r.string(QStringLiteral("orderNo"));
    o.refundNo = r.string(QStringLiteral("refundNo"));
    o.codeUrl = r.string(QStringLiteral("codeUrl"));
    o.repeated = r.boolean(QStringLiteral("repeated"));
    o.field = r.string(QStringLiteral("field"));
    o.channel = r.string(QStringLiteral("channel"));
    o.channelStatus = r.enumeration<TradeStatus>(QStringLiteral("channelStatus"), tradeStatusName,
                                                 1, 4, TradeStatus::Unknown);
    o.returnCode = r.string(QStringLiteral("returnCode"));
}

void read(JsonReader& r, OrderRecord& o)
{
    o.orderNo = r.string(QStringLiteral("orderNo"), true);
    o.requestNo = r.string(QStringLiteral("requestNo"));
    o.amount = r.money(QStringLiteral("amount"), true);
    o.subject = r.string(QStringLiteral("subject"));
    o.storeId = r.string(QStringLiteral("storeId"));
    o.terminalId = r.string(QStringLiteral("terminalId"));
    o.state = r.enumeration<OrderState>(QStringLiteral("state"), orderStateName, 1, 6,
                                        OrderState::Pending, true);
    o.version = intField(r, QStringLiteral("version"));
    o.createdAtMs = r.timeMs(QStringLiteral("createdAt"));
    o.updatedAtMs = r.timeMs(QStringLiteral("updatedAt"));
    o.paidPaymentNo = r.string(QStringLiteral("paidPaymentNo"));
    o.refundedFen = r.money(QStringLiteral("refunded")).fen();
    o.refundPendingFen = r.money(QStringLiteral("refundPending")).fen();
}

void read(JsonReader& r, PaymentRecord& p)
{
    p.paymentNo = r.string(QStringLiteral("paymentNo"), true);
    p.orderNo = r.string(QStringLiteral("orderNo"));
    p.version = intField(r, QStringLiteral("version"));
    p.kind = r.enumeration<PaymentKind>(QStringLiteral("kind"), paymentKindName, 1, 2,
                                        PaymentKind::Barcode);
    p.wallet = walletFromName(r.string(QStringLiteral("wallet")));
    p.channel = r.string(QStringLiteral("channel"));
    p.amount = r.money(QStringLiteral("amount"), true);
    p.state = r.enumeration<PaymentState>(QStringLiteral("state"), paymentStateName, 1, 6,
                                          PaymentState::Created, true);
    p.codeMasked = r.string(QStringLiteral("codeMasked"));
    p.channelTradeNo = r.string(QStringLiteral("channelTradeNo"));
    p.returnCode = r.string(QStringLiteral("returnCode"));
    p.message = r.string(QStringLiteral("message"));
    p.codeUrl = r.string(QStringLiteral("codeUrl"));
    p.createdAtMs = r.timeMs(QStringLiteral("createdAt"));
    p.updatedAtMs = r.timeMs(QStringLiteral("updatedAt"));
    p.deadlineAtMs = r.timeMs(QStringLiteral("deadlineAt"));
    p.pollCount = intField(r, QStringLiteral("polls"));
}

void read(JsonReader& r, RefundRecord& rr)
{
    rr.refundNo = r.string(QStringLiteral("refundNo"), true);
    rr.orderNo = r.string(QStringLiteral("orderNo"));
    rr.version = intField(r, QStringLiteral("version"));
    rr.message = r.string(QStringLiteral("message"));
    rr.pollCount = intField(r, QStringLiteral("polls"));
    rr.updatedAtMs = r.timeMs(QStringLiteral("updatedAt"));
    rr.paymentNo = r.string(QStringLiteral("paymentNo"));
    rr.requestNo = r.string(QStringLiteral("requestNo"));
    rr.amount = r.money(QStringLiteral("amount"), true);
    rr.reason = r.string(QStringLiteral("reason"));
    rr.state = r.enumeration<RefundState>(QStringLiteral("state"), refundStateName, 1, 4,
                                          RefundState::Created, true);
    rr.channelRefundNo = r.string(QStringLiteral("channelRefundNo"));
    rr.returnCode = r.string(QStringLiteral("returnCode"));
    rr.createdAtMs = r.timeMs(QStringLiteral("createdAt"));
}

void read(JsonReader& r, RevokeRecord& rv)
{
    rv.revokeNo = r.string(QStringLiteral("revokeNo"), true);
    rv.orderNo = r.string(QStringLiteral("orderNo"));
    rv.version = intField(r, QStringLiteral("version"));
    rv.message = r.string(QStringLiteral("message"));
    rv.updatedAtMs = r.timeMs(QStringLiteral("updatedAt"));
    rv.paymentNo = r.string(QStringLiteral("paymentNo"));
    rv.reason = r.string(QStringLiteral("reason"));
    rv.automatic = r.boolean(QStringLiteral("automatic"));
    rv.state = r.enumeration<RevokeState>(QStringLiteral("state"), revokeStateName, 1, 4,
                                          RevokeState::Requested, true);
    rv.attempts = intField(r, QStringLiteral("attempts"));
    rv.action = r.string(QStringLiteral("action"));
    rv.returnCode = r.string(QStringLiteral("returnCode"));
    rv.createdAtMs = r.timeMs(QStringLiteral("createdAt"));
}

void read(JsonReader& r, TrackEvent& e)
{
    e.id = r.integer(QStringLiteral("id"));
    e.orderNo = r.string(QStringLiteral("orderNo"));
    e.atMs = r.timeMs(QStringLiteral("at"));
    e.source = r.string(QStringLiteral("source"));
    e.kind = r.string(QStringLiteral("kind"));
    e.entity = r.string(QStringLiteral("entity"));
    e.fromState = r.string(QStringLiteral("from"));
    e.toState = r.string(QStringLiteral("to"));
    e.message = r.string(QStringLiteral("message"));
    e.code = r.string(QStringLiteral("code"));
    for (const QJsonValue& v : r.array(QStringLiteral("args")))
        e.args << v.toString();
    e.raw = r.string(QStringLiteral("raw"));
    e.alert =
        r.enumeration<AlertLevel>(QStringLiteral("alert"), alertLevelName, 0, 2, AlertLevel::None);
}

void read(JsonReader& r, AlertRecord& a)
{
    a.id = r.integer(QStringLiteral("id"), true);
    a.atMs = r.timeMs(QStringLiteral("at"));
    a.level =
        r.enumeration<AlertLevel>(QStringLiteral("level"), alertLevelName, 0, 2, AlertLevel::Watch);
    a.kind = r.string(QStringLiteral("kind"));
    a.orderNo = r.string(QStringLiteral("orderNo"));
    a.message = r.string(QStringLiteral("message"));
    a.acknowledgedBy = r.string(QStringLiteral("acknowledgedBy"));
    a.acknowledgedAtMs = r.timeMs(QStringLiteral("acknowledgedAt"));
}

void read(JsonReader& r, OrderDetails& d)
{
    read(r, d.order);
    d.payments = readList<PaymentRecord>(r, QStringLiteral("payments"));
    d.refunds = readList<RefundRecord>(r, QStringLiteral("refunds"));
    d.revokes = readList<RevokeRecord>(r, QStringLiteral("revokes"));
    d.events = readList<TrackEvent>(r, QStringLiteral("timeline"));
}

void read(JsonReader& r, WalletReachability& w)
{
    w.wallet = walletFromName(r.string(QStringLiteral("wallet"), true));
    w.channel = r.string(QStringLiteral("channel"));
    static const char* const names[] = {"unknown", "up", "down"};
    w.state = r.enumeration<Reachability>(
        QStringLiteral("state"), [](Reachability s) { return QLatin1String(names[int(s)]); }, 0, 2,
        Reachability::Unknown);
    w.detail = r.string(QStringLiteral("detail"));
    w.sinceMs = r.timeMs(QStringLiteral("since"));
}

void read(JsonReader& r, CounterLimits& l)
{
    l.maxAmountFen = r.money(QStringLiteral("maxAmount")).fen();
    l.largeAmountFen = r.money(QStringLiteral("largeAmount")).fen();
    l.cashierRefundLimitFen = r.money(QStringLiteral("cashierRefundLimit")).fen();
    l.payoutsPerDay = int(r.integer(QStringLiteral("payoutsPerDay"), false, 0, 1'000'000));
    l.payoutFenPerDay = r.money(QStringLiteral("payoutPerDay")).fen();
    l.walletWithdrawalsPerDay =
        int(r.integer(QStringLiteral("walletWithdrawalsPerDay"), false, 0, 1'000'000));
    l.walletWithdrawalFenPerDay = r.money(QStringLiteral("walletWithdrawalPerDay")).fen();
}

QUrlQuery toQuery(const OrderFilter& f)
{
    QUrlQuery q;
    if (f.state)
        q.addQueryItem(QStringLiteral("state"), orderStateName(OrderState(f.state)));
    if (f.sinceMs)
        q.addQueryItem(QStringLiteral("since"), isoTime(f.sinceMs));
    if (!f.search.isEmpty())
        q.addQueryItem(QStringLiteral("search"), f.search);
    q.addQueryItem(QStringLiteral("limit"), QString::number(f.limit));
    if (!f.beforeOrderNo.isEmpty())
        q.addQueryItem(QStringLiteral("before"), f.beforeOrderNo);
    return q;
}

std::optional<OrderFilter> orderFilterFromQuery(const QUrlQuery& q, QString* error)
{
    QJsonObject o;
    for (const auto& [key, value] : q.queryItems(QUrl::FullyDecoded))
        o.insert(key, value);
    JsonReader r(o, JsonReader::Mode::Strict);
    OrderFilter f;
    const QString state = r.string(QStringLiteral("state"));
    if (!state.isEmpty()) {
        f.state = orderStateFromName(state);
        if (!f.state)
            r.fail(QStringLiteral("state"), JsonReader::Problem::BadValue,
                   QStringLiteral("is not an order state: '%1'").arg(state));
    }
    f.sinceMs = r.timeMs(QStringLiteral("since"));
    f.search = r.string(QStringLiteral("search"));
    f.limit = int(r.integer(QStringLiteral("limit"), false, 1, 1000));
    if (!o.contains(QStringLiteral("limit")))
        f.limit = 100;
    f.beforeOrderNo = r.string(QStringLiteral("before"));
    if (!r.finish()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return f;
}

} // namespace paydesk::wire
