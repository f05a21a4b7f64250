#include "sandbox/WeChatGatewayFront.h"

#include "channels/Channel.h"
#include "channels/wechat/WeChatV2Api.h"
#include "sandbox/SandboxAcquirer.h"
#include "sandbox/bills/BillDifferences.h"
#include "sandbox/bills/WeChatBill.h"

#include <QTimer>


namespace paydesk {

using namespace wechat;

namespace {

const QString kSuccess = QStringLiteral("SUCCESS");
const QString kFail = QStringLiteral("FAIL");

GatewayResponse xmlResponse(const Params& p)
{
    GatewayResponse r;
    // As api.mch.weixin.qq.com labels its XML answers. Short on purpose too:
    // Qt's HTTP client reads the status line and headers one byte per
    // system call.
    r.contentType = "text/plain";
    r.body = toXml(p);
    return r;
}

// WeChat's answer when the call itself is refused: unsigned, no business part.
GatewayResponse refusal(const QString& message)
{
    Params p;
    p.insert(QStringLiteral("return_code"), kFail);
    p.insert(QStringLiteral("return_msg"), message);
    return xmlResponse(p);
}

// The acquirer speaks WeChat's codes already, plus a few of its own; these
// are what WeChat answers in their place.
QString wechatErrCode(Api api, const QString& sandboxCode)
{
    if (sandboxCode == QLatin1String("SANDBOX_STORAGE_ERROR"))
        return QStringLiteral("SYSTEMERROR");
    if (api == Api::Reverse && sandboxCode == QLatin1String("TRADE_HAS_REFUND"))
        return QStringLiteral("TRADE_ERROR");
    if (api == Api::Refund && (sandboxCode == QLatin1String("TRADE_STATE_ERROR") ||
                               sandboxCode == QLatin1String("REFUND_FEE_INVALID")))
        return QStringLiteral("ERROR");
    return sandboxCode;
}

bool parseFen(const QString& text, qint64* out)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v <= 0 || text.startsWith(QLatin1Char('+')))
        return false;
    *out = v;
    return true;
}

qint64 parseTimeExpire(const QString& text)
{
    return text.isEmpty() ? 0 : parseTime(text).value_or(-1);
}

} // namespace

WeChatGatewayFront::WeChatGatewayFront(SandboxAcquirer& acquirer, QString channel,
                                       QList<WeChatSandboxMerchant> merchants)
    : m_acquirer(acquirer), m_channel(std::move(channel))
{
    for (WeChatSandboxMerchant& m : merchants)
        m_merchants.insert(m.mchId, std::move(m));
}

void WeChatGatewayFront::handle(const GatewayRequest& request, GatewayReply reply)
{
    Api api;
    if (!request.path.startsWith(pathPrefix()) ||
        !apiForPath(request.path.mid(pathPrefix().size()), &api)) {
        GatewayResponse r;
        r.httpStatus = 404;
        r.contentType = "text/plain; charset=utf-8";
        r.body = "no such WeChat Pay V2 endpoint: " + request.path.toUtf8();
        return reply(r);
    }
    if (request.method != "POST") {
        GatewayResponse r;
        r.httpStatus = 405;
        r.contentType = "text/plain; charset=utf-8";
        r.body = "WeChat Pay V2 takes POST only";
        return reply(r);
    }
    const XmlResult xml = parseXml(request.body);
    if (!xml.ok())
        return reply(refusal(QStringLiteral("XML格式错误 (XML_FORMAT_ERROR): ") + xml.error));
    const Params& in = xml.params;
    const auto merchant = m_merchants.constFind(in.value(QStringLiteral("mch_id")));
    if (merchant == m_merchants.cend())
        return reply(refusal(QStringLiteral("mch_id参数格式错误 (MCHID_NOT_EXIST)")));
    if (merchant->appId != in.value(QStringLiteral("appid")))
        return reply(refusal(QStringLiteral("appid和mch_id不匹配 (APPID_MCHID_NOT_MATCH)")));
    SignType signType;
    if (!parseSignType(in.value(QStringLiteral("sign_type")), &signType))
        return reply(refusal(QStringLiteral("sign_type参数格式错误")));
    if (!verify(in, merchant->apiKey, signType))
        return reply(refusal(QStringLiteral("签名错误 (SIGNERROR)")));
    if (needsClientCertificate(api) && !request.clientCertificate)
        return reply(refusal(QStringLiteral("证书错误: this call needs the merchant certificate")));
    if (in.value(QStringLiteral("nonce_str")).isEmpty())
        return reply(refusal(QStringLiteral("缺少参数 nonce_str (LACK_PARAMS)")));

    // Every business answer: the account, a nonce, the result, signed with
    // the request's sign type.
    const WeChatSandboxMerchant m = *merchant;
    auto answer = [m, signType, api](Params p, bool ok, const QString& errCode,
                                     const QString& errDes) {
        p.insert(QStringLiteral("return_code"), kSuccess);
        p.insert(QStringLiteral("return_msg"), QStringLiteral("OK"));
        p.insert(QStringLiteral("appid"), m.appId);
        p.insert(QStringLiteral("mch_id"), m.mchId);
        p.insert(QStringLiteral("nonce_str"), nonceStr());
        p.insert(QStringLiteral("result_code"), ok ? kSuccess : kFail);
        if (!ok) {
            p.insert(QStringLiteral("err_code"), wechatErrCode(api, errCode));
            p.insert(QStringLiteral("err_code_des"), errDes);
        }
        p.insert(QStringLiteral("sign"), sign(p, m.apiKey, signType));
        return xmlResponse(p);
    };
    auto paramError = [&](const QString& what) {
        reply(answer(Params(), false, QStringLiteral("PARAM_ERROR"), what));
    };

    const QString outTradeNo = in.value(QStringLiteral("out_trade_no"));
    SandboxAcquirer& acquirer = m_acquirer;
    // The fields WeChat returns about a trade, as the acquirer has it.
    auto paidFields = [](const QString& paymentNo, const QString& tradeNo, qint64 fen,
                         qint64 paidAtMs, Params& p) {
        p.insert(QStringLiteral("transaction_id"), tradeNo);
        p.insert(QStringLiteral("total_fee"), QString::number(fen));
        p.insert(QStringLiteral("fee_type"), QStringLiteral("CNY"));
        // When the acquirer recorded the payment, on its own clock: a bill
        // and a query must tell the same time.
        if (paidAtMs > 0)
            p.insert(QStringLiteral("time_end"), formatTime(paidAtMs));
        p.insert(QStringLiteral("out_trade_no"), paymentNo);
    };
    auto tradeFields = [&acquirer, paidFields](const QString& paymentNo, Params& p) {
        if (auto t = acquirer.trade(paymentNo))
            paidFields(paymentNo, t->tradeNo, t->amountFen, t->paidAtMs, p);
        else
            p.insert(QStringLiteral("out_trade_no"), paymentNo);
    };

    switch (api) {
    case Api::MicroPay:
    case Api::UnifiedOrder: {
        qint64 fen = 0;
        if (!parseFen(in.value(QStringLiteral("total_fee")), &fen))
            return paramError(QStringLiteral("total_fee must be a positive whole number of fen"));
        if (outTradeNo.isEmpty() || in.value(QStringLiteral("body")).isEmpty())
            return paramError(QStringLiteral("out_trade_no and body are required"));
        const qint64 expireAtMs = parseTimeExpire(in.value(QStringLiteral("time_expire")));
        if (expireAtMs < 0)
            return paramError(QStringLiteral("time_expire must be yyyyMMddHHmmss"));
        const QString currency = in.value(QStringLiteral("fee_type"), QStringLiteral("CNY"));
        if (api == Api::MicroPay) {
            BarcodePayRequest req;
            req.paymentNo = outTradeNo;
            req.authCode = in.value(QStringLiteral("auth_code"));
            req.amount = Money::fromFen(fen, currency);
            req.subject = in.value(QStringLiteral("body"));
            req.terminalId = in.value(QStringLiteral("device_info"));
            req.expireAtMs = expireAtMs;
            auto respond = [answer, paidFields](const ChannelResult& r) {
                Params p;
                const bool ok = r.status == TradeStatus::Success;
                if (ok) {
                    // The acquirer's answer carries the trade: no read back.
                    paidFields(r.requestNo, r.channelTradeNo, r.paidFen, r.paidAtMs, p);
                    p.insert(QStringLiteral("trade_type"), QStringLiteral("MICROPAY"));
                }
                return answer(p, ok, r.returnCode, r.message);
            };
            return payAndReply(m_acquirer, m_channel, req, respond, reply);
        }
        if (in.value(QStringLiteral("trade_type")) != QLatin1String("NATIVE"))
            return paramError(QStringLiteral("the sandbox supports trade_type NATIVE only"));
        PrecreateRequest req;
        req.paymentNo = outTradeNo;
        req.amount = Money::fromFen(fen, currency);
        req.subject = in.value(QStringLiteral("body"));
        req.terminalId = in.value(QStringLiteral("device_info"));
        req.expireAtMs = expireAtMs;
        const SandboxAcquirer::NotifyTarget notifyTo{QStringLiteral("wechat"),
                                                     in.value(QStringLiteral("notify_url")),
                                                     m.mchId, signTypeName(signType)};
        return m_acquirer.precreate(
            m_channel, req,
            [answer, reply](const ChannelResult& r, bool dropped) {
                if (dropped)
                    return reply(GatewayResponse{200, {}, {}, true});
                Params p;
                const bool ok = r.status == TradeStatus::Success;
                if (ok) {
                    p.insert(QStringLiteral("trade_type"), QStringLiteral("NATIVE"));
                    p.insert(QStringLiteral("prepay_id"), QStringLiteral("wx") + r.requestNo);
                    p.insert(QStringLiteral("code_url"), r.codeUrl);
                }
                reply(answer(p, ok, r.returnCode, r.message));
            },
            notifyTo);
    }
    case Api::OrderQuery:
        if (outTradeNo.isEmpty())
            return paramError(QStringLiteral("out_trade_no is required"));
        return m_acquirer.query(
            outTradeNo, [answer, reply, tradeFields](const ChannelResult& r, bool dropped) {
                if (dropped)
                    return reply(GatewayResponse{200, {}, {}, true});
                if (r.tradeNotFound)
                    return reply(answer(Params(), false, QStringLiteral("ORDERNOTEXIST"),
                                        QStringLiteral("此交易订单号不存在")));
                if (r.status == TradeStatus::Unknown)
                    return reply(answer(Params(), false, QStringLiteral("SYSTEMERROR"), r.message));
                Params p;
                tradeFields(r.requestNo, p);
                p.insert(QStringLiteral("trade_state"), r.returnCode);
                p.insert(QStringLiteral("trade_state_desc"), r.message);
                reply(answer(p, true, QString(), QString()));
            });
    case Api::Reverse:
        if (outTradeNo.isEmpty())
            return paramError(QStringLiteral("out_trade_no is required"));
        return m_acquirer.revoke(outTradeNo, [answer, reply](const ChannelResult& r, bool dropped) {
            if (dropped)
                return reply(GatewayResponse{200, {}, {}, true});
            Params p;
            p.insert(QStringLiteral("recall"), r.retry ? QStringLiteral("Y") : QStringLiteral("N"));
            reply(answer(p, r.status == TradeStatus::Success, r.returnCode, r.message));
        });
    case Api::Refund: {
        qint64 totalFen = 0, refundFen = 0;
        if (!parseFen(in.value(QStringLiteral("total_fee")), &totalFen) ||
            !parseFen(in.value(QStringLiteral("refund_fee")), &refundFen))
            return paramError(QStringLiteral("total_fee and refund_fee must be positive fen"));
        RefundRequest req;
        req.refundNo = in.value(QStringLiteral("out_refund_no"));
        req.paymentNo = outTradeNo;
        req.channelTradeNo = in.value(QStringLiteral("transaction_id"));
        const QString currency = in.value(QStringLiteral("refund_fee_type"), QStringLiteral("CNY"));
        req.refundAmount = Money::fromFen(refundFen, currency);
        req.paymentAmount = Money::fromFen(totalFen, currency);
        req.reason = in.value(QStringLiteral("refund_desc"));
        if (req.refundNo.isEmpty() || req.paymentNo.isEmpty())
            return paramError(QStringLiteral("out_trade_no and out_refund_no are required"));
        return m_acquirer.refund(req, [answer, reply, req](const ChannelResult& r, bool dropped) {
            if (dropped)
                return reply(GatewayResponse{200, {}, {}, true});
            Params p;
            const bool ok = r.status == TradeStatus::Success;
            p.insert(QStringLiteral("out_trade_no"), req.paymentNo);
            p.insert(QStringLiteral("out_refund_no"), req.refundNo);
            if (ok) {
                p.insert(QStringLiteral("refund_id"), r.channelTradeNo);
                p.insert(QStringLiteral("refund_fee"), QString::number(req.refundAmount.fen()));
                p.insert(QStringLiteral("total_fee"), QString::number(req.paymentAmount.fen()));
            }
            reply(answer(p, ok, r.returnCode, r.message));
        });
    }
    case Api::RefundQuery: {
        const QString refundNo = in.value(QStringLiteral("out_refund_no"));
        if (refundNo.isEmpty())
            return paramError(QStringLiteral("the sandbox finds refunds by out_refund_no"));
        return m_acquirer.refundQuery(
            refundNo, [answer, reply, refundNo](const ChannelResult& r, bool dropped) {
                if (dropped)
                    return reply(GatewayResponse{200, {}, {}, true});
                if (r.tradeNotFound)
                    return reply(answer(Params(), false, QStringLiteral("REFUNDNOTEXIST"),
                                        QStringLiteral("退款订单查询失败")));
                if (r.status == TradeStatus::Unknown)
                    return reply(answer(Params(), false, QStringLiteral("SYSTEMERROR"), r.message));
                Params p;
                p.insert(QStringLiteral("refund_count"), QStringLiteral("1"));
                p.insert(QStringLiteral("out_refund_no_0"), refundNo);
                p.insert(QStringLiteral("refund_id_0"), r.channelTradeNo);
                p.insert(QStringLiteral("refund_status_0"), r.returnCode);
                reply(answer(p, true, QString(), QString()));
            });
    }
    case Api::DownloadBill:
        return downloadBill(in, m, reply);
    }
}

void WeChatGatewayFront::downloadBill(const Params& in, const WeChatSandboxMerchant& merchant,
                                      const GatewayReply& reply)
{
    // WeChat answers bill errors unsigned, return_code FAIL, with an error_code.
    auto fail = [&reply](const QString& message, const char* code) {
        Params p;
        p.insert(QStringLiteral("return_code"), kFail);
        p.insert(QStringLiteral("return_msg"), message);
        p.insert(QStringLiteral("error_code"), QString::fromLatin1(code));
        GatewayResponse r = xmlResponse(p);
        QTimer::singleShot(0, [reply, r] { reply(r); });
    };
    const QDate day =
        QDate::fromString(in.value(QStringLiteral("bill_date")), QStringLiteral("yyyyMMdd"));
    WeChatBillType type;
    if (!day.isValid() || in.value(QStringLiteral("bill_date")).size() != 8)
        return fail(QStringLiteral("invalid bill_date"), "20001");
    if (!parseWeChatBillType(in.value(QStringLiteral("bill_type")), &type))
        return fail(QStringLiteral("invalid bill_type"), "20001");
    QString error;
    const QList<SandboxAcquirer::BillEntry> lines =
        dayBillEntries(m_acquirer, m_channel, day, m_differences, &error);
    if (!error.isEmpty())
        return fail(QStringLiteral("System Error: ") + error, "20007");
    const QByteArray bill = wechatBill(lines, type, WeChatBillAccount{merchant.appId, merchant.mchId});
    if (bill.isEmpty())
        return fail(QStringLiteral("No Bill Exist"), "20002");
    GatewayResponse r;
    r.contentType = "text/plain; charset=utf-8";
    r.body = bill;
    QTimer::singleShot(0, [reply, r] { reply(r); });
}

QByteArray WeChatGatewayFront::notificationBody(const ChannelNotification& n, const QString& mchId,
                                                const QString& signTypeText, QString* error) const
{
    const auto merchant = m_merchants.constFind(mchId);
    if (merchant == m_merchants.cend()) {
        *error = QStringLiteral("no sandbox merchant %1 to sign the notification").arg(mchId);
        return QByteArray();
    }
    SignType type = SignType::Md5;
    if (!parseSignType(signTypeText, &type)) {
        *error = QStringLiteral("unknown sign_type %1").arg(signTypeText);
        return QByteArray();
    }
    const bool paid = n.status == TradeStatus::Success;
    Params p;
    p.insert(QStringLiteral("return_code"), kSuccess);
    p.insert(QStringLiteral("appid"), merchant->appId);
    p.insert(QStringLiteral("mch_id"), merchant->mchId);
    p.insert(QStringLiteral("nonce_str"), nonceStr());
    p.insert(QStringLiteral("sign_type"), signTypeName(type));
    p.insert(QStringLiteral("result_code"), kSuccess);
    if (!paid) {
        // Not a message WeChat sends (it notifies payments only): the
        // sandbox's contradicting notification names the trade's state as
        // orderquery does, so a merchant reads it through the same list.
        p.insert(QStringLiteral("trade_state"), n.returnCode);
        p.insert(QStringLiteral("trade_state_desc"),
                 QStringLiteral("the trade is %1").arg(n.returnCode));
    }
    p.insert(QStringLiteral("openid"), QStringLiteral("oSandbox") + n.channelTradeNo.right(12));
    p.insert(QStringLiteral("is_subscribe"), QStringLiteral("N"));
    p.insert(QStringLiteral("trade_type"), QStringLiteral("NATIVE"));
    p.insert(QStringLiteral("bank_type"), QStringLiteral("OTHERS"));
    p.insert(QStringLiteral("total_fee"), QString::number(n.amount.fen()));
    p.insert(QStringLiteral("fee_type"), n.amount.currency());
    p.insert(QStringLiteral("cash_fee"), QString::number(n.amount.fen()));
    p.insert(QStringLiteral("transaction_id"), n.channelTradeNo);
    p.insert(QStringLiteral("out_trade_no"), n.paymentNo);
    if (n.paidAtMs > 0)
        p.insert(QStringLiteral("time_end"), formatTime(n.paidAtMs));
    p.insert(QStringLiteral("sign"), sign(p, merchant->apiKey, type));
    return toXml(p);
}

} // namespace paydesk
