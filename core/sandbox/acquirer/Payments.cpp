// SandboxAcquirer's payments: a pay at the counter, a QR code, and the
// customer's scan of it.
#include "sandbox/acquirer/AcquirerImpl.h"

#include "common/Masking.h"
#include "domain/PaymentCode.h"

namespace paydesk {

using namespace sandbox;

namespace {

const QString kQrPrefix = QStringLiteral("paydesk-sandbox://qr/");

ChannelResult missingOrNotPositive(const ChannelResult& r, const QString& paymentNo)
{
    return failed(r, TradeStatus::Failed, QStringLiteral("PARAM_ERROR"),
                  paymentNo.isEmpty() ? QStringLiteral("out_trade_no is missing")
                                      : QStringLiteral("the amount must be positive"));
}

} // namespace

void SandboxAcquirer::barcodePay(const QString& channel, const BarcodePayRequest& req,
                                 Answer answer, Prepare prepare)
{
    Impl::Reply reply(std::move(answer), std::move(prepare));
    const PaymentCodeCheck code = classifyPaymentCode(req.authCode);
    ChannelResult r;
    r.requestNo = req.paymentNo;
    // The whole code goes into the raw request on purpose: the engine masks
    // raw messages before storing them, and this proves it does.
    r.rawRequest = RawXml()
                       .add("channel", channel)
                       .add("out_trade_no", req.paymentNo)
                       .add("auth_code", code.normalized)
                       .num("total_fee", req.amount.fen())
                       .add("fee_type", req.amount.currency())
                       .add("body", req.subject)
                       .add("store_id", req.storeId)
                       .add("device_info", req.terminalId)
                       .text();
    if (!d->store.isOpen())
        return d->respondStorageError(r, std::move(reply));
    if (req.paymentNo.isEmpty() || !req.amount.isPositive())
        return d->respond(missingOrNotPositive(r, req.paymentNo), false, std::move(reply));
    if (!code.ok())
        return d->respond(
            failed(r, TradeStatus::Failed, QStringLiteral("AUTH_CODE_INVALID"), code.error), false,
            std::move(reply));

    // Insert first: a new number (the hot path) costs one counter update and
    // one insert. A known number wastes a trade number, a harmless gap.
    bool ok = false;
    std::optional<Trade> existing;
    {
        const SandboxCodeInfo info = sandboxBehaviourOf(code.normalized);
        Trade t;
        t.paymentNo = req.paymentNo;
        t.channel = channel;
        t.kind = kBarcode;
        t.behaviour = info.behaviour;
        t.parameter = info.parameter;
        t.amountFen = req.amount.fen();
        t.currency = req.amount.currency();
        t.createdAtMs = d->now();
        t.authCodeMasked = maskPaymentCode(code.normalized);
        t.expireAtMs = req.expireAtMs;
        ScriptInput script;
        script.behaviour = info.behaviour;
        script.parameter = info.parameter;
        script.path = ScriptPath::CounterPay;
        script.startedAtMs = t.createdAtMs;
        script.walletsOwnAcquirer = channel == walletName(code.wallet);
        startScript(t, scriptedState(script, t.createdAtMs));
        if (!d->store.nextTradeNo(d->now(), &t.tradeNo))
            return d->respondStorageError(r, std::move(reply));
        const bool inserted = d->store.insert(t, &ok);
        if (!ok)
            return d->respondStorageError(r, std::move(reply));
        if (inserted) {
            switch (scriptedPayAnswer(info.behaviour)) {
            case PayAnswer::TheTrade:
                return d->respond(payAnswerFor(r, t), false, std::move(reply));
            case PayAnswer::SystemError:
                return d->respond(
                    failed(r, TradeStatus::Unknown, QStringLiteral("SYSTEMERROR"),
                           QStringLiteral("system error: query the trade to learn its result")),
                    false, std::move(reply));
            case PayAnswer::Lost:
                return d->respond(payAnswerFor(r, t), true, std::move(reply));
            }
        }
        existing = d->store.load(req.paymentNo, &ok);
        if (!ok || !existing)
            return d->respondStorageError(r, std::move(reply));
    }

    Trade& t = *existing;
    if (!d->settle(t))
        return d->respondStorageError(r, std::move(reply));
    if (!t.tombstone && (t.amountFen != req.amount.fen() || t.currency != req.amount.currency()))
        return d->respond(failed(r, TradeStatus::Unknown, QStringLiteral("OUT_TRADE_NO_USED"),
                                 QStringLiteral("this payment number is used by a trade with "
                                                "another amount: query it")),
                          false, std::move(reply));
    d->respond(payAnswerFor(r, t), false, std::move(reply));
}

void SandboxAcquirer::precreate(const QString& channel, const PrecreateRequest& req, Answer answer,
                                const NotifyTarget& notifyTo)
{
    ChannelResult r;
    r.requestNo = req.paymentNo;
    r.rawRequest = RawXml()
                       .add("channel", channel)
                       .add("trade_type", QStringLiteral("NATIVE"))
                       .add("out_trade_no", req.paymentNo)
                       .num("total_fee", req.amount.fen())
                       .add("fee_type", req.amount.currency())
                       .add("body", req.subject)
                       .add("store_id", req.storeId)
                       .add("device_info", req.terminalId)
                       .text();
    if (!d->store.isOpen())
        return d->respondStorageError(r, std::move(answer));
    if (req.paymentNo.isEmpty() || !req.amount.isPositive())
        return d->respond(missingOrNotPositive(r, req.paymentNo), false, std::move(answer));

    auto created = [&](const Trade& t) {
        ChannelResult out = r;
        out.status = TradeStatus::Success;
        out.returnCode = kSuccess;
        out.message = QStringLiteral("QR code created: show it to the customer");
        out.codeUrl = t.codeUrl;
        out.rawResponse = responseXml(out, true)
                              .add("trade_type", QStringLiteral("NATIVE"))
                              .add("out_trade_no", t.paymentNo)
                              .add("code_url", t.codeUrl)
                              .text();
        return out;
    };

    bool ok = false;
    std::optional<Trade> existing;
    {
        Trade t;
        t.paymentNo = req.paymentNo;
        t.channel = channel;
        t.kind = kQr;
        t.amountFen = req.amount.fen();
        t.currency = req.amount.currency();
        t.state = kNotPay;
        t.createdAtMs = d->now();
        t.expireAtMs = req.expireAtMs;
        t.codeUrl = kQrPrefix + req.paymentNo;
        if (!d->store.nextTradeNo(d->now(), &t.tradeNo))
            return d->respondStorageError(r, std::move(answer));
        const bool inserted = d->store.insert(t, &ok);
        if (!ok)
            return d->respondStorageError(r, std::move(answer));
        if (inserted && !notifyTo.url.isEmpty() &&
            !d->store.insertNotifyTarget(t.paymentNo, notifyTo))
            return d->respondStorageError(r, std::move(answer));
        if (inserted)
            return d->respond(created(t), false, std::move(answer));
        existing = d->store.load(req.paymentNo, &ok);
        if (!ok || !existing)
            return d->respondStorageError(r, std::move(answer));
    }

    Trade& t = *existing;
    if (!d->settle(t))
        return d->respondStorageError(r, std::move(answer));
    ChannelResult out;
    if (t.tombstone || t.state == kClosed || t.state == kRevoked) {
        out = failed(r, TradeStatus::Failed, QStringLiteral("ORDERCLOSED"),
                     QStringLiteral("this payment number is closed: use a new one"));
    } else if (t.kind != kQr || t.amountFen != req.amount.fen() ||
               t.currency != req.amount.currency()) {
        // Not a failure of this payment: the number belongs to another trade
        // whose outcome only a query tells.
        out = failed(r, TradeStatus::Unknown, QStringLiteral("OUT_TRADE_NO_USED"),
                     QStringLiteral("this payment number is used by another trade: query it"));
    } else if (isPaidState(t.state)) {
        out = failed(r, TradeStatus::Unknown, QStringLiteral("ORDERPAID"),
                     QStringLiteral("this order is already paid: query it"));
    } else if (t.state == kPayError) {
        out = failed(r, TradeStatus::Failed, kPayError, failureText(t.errorCode));
    } else {
        out = created(t);
    }
    d->respond(out, false, std::move(answer));
}

QString SandboxAcquirer::customerScan(const QString& codeUrl, const QString& customerCode)
{
    if (!d->store.isOpen())
        return QStringLiteral("the sandbox is not open");
    if (!codeUrl.startsWith(kQrPrefix))
        return QStringLiteral("this QR code is not a sandbox payment code URL");
    const QString paymentNo = codeUrl.mid(kQrPrefix.size());
    bool ok = false;
    std::optional<Trade> found = d->store.load(paymentNo, &ok);
    if (!ok)
        return QStringLiteral("the sandbox cannot read its trades: ") + d->store.lastError();
    if (!found || found->kind != kQr || found->tombstone)
        return QStringLiteral("unknown QR code");
    const PaymentCodeCheck code = classifyPaymentCode(customerCode);
    if (!code.ok())
        return code.error;
    Trade& t = *found;
    if (!d->settle(t))
        return QStringLiteral("the sandbox cannot store the trade: ") + d->store.lastError();
    if (t.state != kNotPay)
        return QStringLiteral("this QR code cannot be paid any more (the trade is %1)")
            .arg(t.state);
    const qint64 now = d->now();
    if (t.expireAtMs > 0 && now >= t.expireAtMs)
        return QStringLiteral("this QR code has expired");

    const SandboxCodeInfo info = sandboxBehaviourOf(code.normalized);
    t.behaviour = info.behaviour;
    t.parameter = info.parameter;
    t.authCodeMasked = maskPaymentCode(code.normalized);
    ScriptInput script;
    script.behaviour = info.behaviour;
    script.parameter = info.parameter;
    script.path = ScriptPath::QrScan;
    script.startedAtMs = now;
    startScript(t, scriptedState(script, now));
    if (!d->store.update(t))
        return QStringLiteral("the sandbox cannot store the trade: ") + d->store.lastError();
    if (t.state == kSuccess && !d->notifications.queuePaid(t, now))
        return QStringLiteral("the sandbox cannot store the notification: ") + d->store.lastError();
    if (t.state == kUserPaying && t.settlesAtMs > 0)
        d->scheduleWake(t.settlesAtMs);
    return QString();
}

} // namespace paydesk
