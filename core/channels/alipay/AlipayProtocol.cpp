#include "channels/alipay/AlipayProtocol.h"
#include "common/ChinaTime.h"

#include <QJsonDocument>
#include <QSet>
#include <QStringDecoder>
#include <QTimeZone>

namespace paydesk::alipay {

// Alipay requires a subject; a sale without a note is named by its store.
static QString subjectOf(const QString& subject, const QString& storeId)
{
    return subject.isEmpty() ? QStringLiteral("store %1").arg(storeId) : subject;
}

namespace {

const QString kTimestampFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");

const QString kSuccess = QStringLiteral("10000");
const QString kInProcess = QStringLiteral("10003");
const QString kUnavailable = QStringLiteral("20000");
const QString kBusinessFailed = QStringLiteral("40004");

struct MethodRow
{
    Method method;
    const char* name;
};
const MethodRow kMethods[] = {
    {Method::TradePay, "alipay.trade.pay"},
    {Method::TradePrecreate, "alipay.trade.precreate"},
    {Method::TradeQuery, "alipay.trade.query"},
    {Method::TradeCancel, "alipay.trade.cancel"},
    {Method::TradeRefund, "alipay.trade.refund"},
    {Method::RefundQuery, "alipay.trade.fastpay.refund.query"},
    {Method::BillDownloadUrl, "alipay.data.dataservice.bill.downloadurl.query"},
};

QString str(const QJsonObject& o, const char* name)
{
    return o.value(QLatin1String(name)).toString();
}

// Alipay's sub_code is the precise reason; code alone when there is none.
void fillCodes(ChannelResult& r, const QJsonObject& f)
{
    const QString sub = str(f, "sub_code");
    r.returnCode = sub.isEmpty() ? str(f, "code") : sub;
    const QString subMsg = str(f, "sub_msg");
    r.message = subMsg.isEmpty() ? str(f, "msg") : subMsg;
}

ChannelResult unknown(ChannelResult r, const QString& why)
{
    r.status = TradeStatus::Unknown;
    r.message = r.message.isEmpty() ? why : r.message + QStringLiteral(" (") + why + u')';
    return r;
}

// --- exact value extraction --------------------------------------------------
// The body is known to be well-formed JSON (QJsonDocument checked it), so the
// scanner only has to find where values end, minding strings and escapes.
qsizetype skipSpace(const QByteArray& s, qsizetype i)
{
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        ++i;
    return i;
}

qsizetype skipString(const QByteArray& s, qsizetype i) // s[i] == '"'
{
    for (++i; i < s.size(); ++i) {
        if (s[i] == '\\')
            ++i;
        else if (s[i] == '"')
            return i + 1;
    }
    return -1;
}

qsizetype skipValue(const QByteArray& s, qsizetype i)
{
    if (i >= s.size())
        return -1;
    if (s[i] == '"')
        return skipString(s, i);
    if (s[i] == '{' || s[i] == '[') {
        int depth = 0;
        while (i < s.size()) {
            const char c = s[i];
            if (c == '"') {
                i = skipString(s, i);
                if (i < 0)
                    return -1;
                continue;
            }
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return i + 1;
            ++i;
        }
        return -1;
    }
    while (i < s.size() && !QByteArrayView(",}] \t\r\n").contains(s[i]))
        ++i;
    return i;
}

struct Member
{
    QByteArray rawKey; // between the quotes, escapes untouched
    qsizetype valueStart = 0;
    qsizetype valueEnd = 0;
};

bool topLevelMembers(const QByteArray& s, QList<Member>* out)
{
    qsizetype i = skipSpace(s, 0);
    if (i >= s.size() || s[i] != '{')
        return false;
    i = skipSpace(s, i + 1);
    if (i < s.size() && s[i] == '}')
        return true;
    while (i < s.size()) {
        if (s[i] != '"')
            return false;
        const qsizetype keyEnd = skipString(s, i);
        if (keyEnd < 0)
            return false;
        Member m;
        m.rawKey = s.mid(i + 1, keyEnd - i - 2);
        i = skipSpace(s, keyEnd);
        if (i >= s.size() || s[i] != ':')
            return false;
        m.valueStart = skipSpace(s, i + 1);
        m.valueEnd = skipValue(s, m.valueStart);
        if (m.valueEnd < 0)
            return false;
        out->append(m);
        i = skipSpace(s, m.valueEnd);
        if (i < s.size() && s[i] == ',') {
            i = skipSpace(s, i + 1);
            continue;
        }
        return i < s.size() && s[i] == '}';
    }
    return false;
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool decodeComponent(QByteArray raw, QString* out)
{
    raw.replace('+', ' ');
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] == '%' && (i + 2 >= raw.size() || !isHex(raw[i + 1]) || !isHex(raw[i + 2])))
            return false;
    }
    const QByteArray bytes = QByteArray::fromPercentEncoding(raw);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *out = utf8(bytes);
    return !utf8.hasError();
}

bool isIn(const QString& code, std::initializer_list<const char*> list)
{
    for (const char* c : list)
        if (code == QLatin1String(c))
            return true;
    return false;
}

// --- the whitelists ------------------------------------------------------------
// alipay.trade.pay: the buyer, the payment code or the trade refused; no money
// moved. Deliberately absent: ACQ.TRADE_HAS_SUCCESS (paid!), ACQ.TRADE_BUYER_NOT_MATCH
// and ACQ.CONTEXT_INCONSISTENT (a trade with this number exists and may be
// paid), ACQ.SYSTEM_ERROR and every merchant-side setup error: they query.
const std::initializer_list<const char*> kPayFailed = {
    "ACQ.PAYMENT_AUTH_CODE_INVALID",
    "ACQ.BUYER_BALANCE_NOT_ENOUGH",
    "ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH",
    "ACQ.ERROR_BALANCE_PAYMENT_DISABLE",
    "ACQ.BUYER_SELLER_EQUAL",
    "ACQ.BUYER_ENABLE_STATUS_FORBID",
    "ACQ.PULL_MOBILE_CASHIER_FAIL",
    "ACQ.MOBILE_PAYMENT_SWITCH_OFF",
    "ACQ.PAYMENT_FAIL",
    "ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR",
    "ACQ.BUYER_PAYMENT_AMOUNT_MONTH_LIMIT_ERROR",
    "ACQ.BEYOND_PAY_RESTRICTION",
    "ACQ.BEYOND_PER_RECEIPT_RESTRICTION",
    "ACQ.ERROR_BUYER_CERTIFY_LEVEL_LIMIT",
    "ACQ.PAYMENT_REQUEST_HAS_RISK",
    "ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE",
    "ACQ.USER_FACE_PAYMENT_SWITCH_OFF",
    "ACQ.TRADE_HAS_CLOSE",
};
// alipay.trade.precreate: no QR code was made, so nothing can be paid.
const std::initializer_list<const char*> kPrecreateFailed = {
    "ACQ.TRADE_HAS_CLOSE",  "ACQ.TOTAL_FEE_EXCEED",     "ACQ.INVALID_PARAMETER",
    "ACQ.ACCESS_FORBIDDEN", "ACQ.EXIST_FORBIDDEN_WORD", "ACQ.PARTNER_ERROR",
    "ACQ.INVALID_STORE_ID",
};
// alipay.trade.cancel: the cancel was refused; the trade stays as it was.
const std::initializer_list<const char*> kCancelFailed = {
    "ACQ.TRADE_CANCEL_TIME_OUT",       "ACQ.CANCEL_NOT_ALLOWED",
    "ACQ.REASON_TRADE_BEEN_FREEZEN",   "ACQ.SELLER_BALANCE_NOT_ENOUGH",
    "ACQ.REASON_TRADE_REFUND_FEE_ERR", "ACQ.TRADE_HAS_FINISHED",
};
// alipay.trade.refund: refused, nothing returned. ACQ.DISCORDANT_REPEAT_REQUEST
// is absent on purpose: the first request with that number may have refunded.
const std::initializer_list<const char*> kRefundFailed = {
    "ACQ.TRADE_NOT_EXIST",
    "ACQ.TRADE_STATUS_ERROR",
    "ACQ.TRADE_NOT_ALLOW_REFUND",
    "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL",
    "ACQ.REASON_TRADE_REFUND_FEE_ERR",
    "ACQ.TRADE_HAS_FINISHED",
    "ACQ.SELLER_BALANCE_NOT_ENOUGH",
    "ACQ.INVALID_PARAMETER",
};
const std::initializer_list<const char*> kBillFailed = {"isp.bill_not_exist"};

std::initializer_list<const char*> failedList(Method m)
{
    switch (m) {
    case Method::TradePay:
        return kPayFailed;
    case Method::TradePrecreate:
        return kPrecreateFailed;
    case Method::TradeCancel:
        return kCancelFailed;
    case Method::TradeRefund:
        return kRefundFailed;
    case Method::BillDownloadUrl:
        return kBillFailed;
    case Method::TradeQuery:
    case Method::RefundQuery:
        break;
    }
    return {};
}

} // namespace

QString methodName(Method m)
{
    for (const MethodRow& row : kMethods)
        if (row.method == m)
            return QString::fromLatin1(row.name);
    return QString();
}

QString responseKey(Method m)
{
    return methodName(m).replace(QLatin1Char('.'), QLatin1Char('_')) + QStringLiteral("_response");
}

std::optional<Method> methodFromName(const QString& name)
{
    for (const MethodRow& row : kMethods)
        if (name == QLatin1String(row.name))
            return row.method;
    return std::nullopt;
}

QString chinaTimestamp(qint64 msSinceEpoch)
{
    return chinaTime(msSinceEpoch).toString(kTimestampFormat);
}

std::optional<qint64> parseChinaTimestamp(const QString& text)
{
    if (text.size() != 19 || text[10] != QLatin1Char(' '))
        return std::nullopt;
    return parseChinaTime(text.left(10), QStringLiteral("yyyy-MM-dd"), text.mid(11),
                          QStringLiteral("HH:mm:ss"));
}

Params buildRequest(Method method, const QJsonObject& bizContent, const ClientConfig& config,
                    const QDateTime& now, QString* error)
{
    Params p;
    p.insert(QStringLiteral("app_id"), config.appId);
    p.insert(QStringLiteral("method"), methodName(method));
    p.insert(QStringLiteral("format"), QStringLiteral("JSON"));
    p.insert(QStringLiteral("charset"), QStringLiteral("utf-8"));
    p.insert(QStringLiteral("sign_type"), QStringLiteral("RSA2"));
    p.insert(QStringLiteral("timestamp"), chinaTimestamp(now.toMSecsSinceEpoch()));
    p.insert(QStringLiteral("version"), QStringLiteral("1.0"));
    if (!config.notifyUrl.isEmpty())
        p.insert(QStringLiteral("notify_url"), config.notifyUrl);
    p.insert(QStringLiteral("biz_content"),
             QString::fromUtf8(QJsonDocument(bizContent).toJson(QJsonDocument::Compact)));
    if (config.appId.isEmpty()) {
        *error = QStringLiteral("no Alipay app_id configured");
        return Params();
    }
    const QString sign =
        signRsa2(signingContent(p, SignScope::Request), config.appPrivateKey, error);
    if (sign.isEmpty())
        return Params();
    p.insert(QStringLiteral("sign"), sign);
    return p;
}

QByteArray formEncode(const Params& params)
{
    QByteArray out;
    for (auto it = params.cbegin(); it != params.cend(); ++it) {
        if (!out.isEmpty())
            out += '&';
        out += it.key().toUtf8().toPercentEncoding();
        out += '=';
        out += it.value().toUtf8().toPercentEncoding();
    }
    return out;
}

bool formDecode(const QByteArray& text, Params* out, QString* error)
{
    out->clear();
    if (text.isEmpty())
        return true;
    for (const QByteArray& pair : text.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QString name;
        QString value;
        if (!decodeComponent(eq < 0 ? pair : pair.left(eq), &name) ||
            (eq >= 0 && !decodeComponent(pair.mid(eq + 1), &value))) {
            *error = QStringLiteral("malformed form field (bad %-escape or not UTF-8): ") +
                     QString::fromLatin1(pair.left(40));
            return false;
        }
        if (name.isEmpty()) {
            *error = QStringLiteral("a form field has no name");
            return false;
        }
        if (out->contains(name)) {
            *error = QStringLiteral("the form field %1 appears twice").arg(name);
            return false;
        }
        out->insert(name, value);
    }
    return true;
}

QString readableForm(const Params& params)
{
    QString out;
    for (auto it = params.cbegin(); it != params.cend(); ++it) {
        if (!out.isEmpty())
            out += u'&';
        out += it.key() + u'=' + it.value();
    }
    return out;
}

// The fields a sale carries to trade.pay and trade.precreate alike.
static QJsonObject saleBiz(const QString& paymentNo, const Money& amount, const QString& subject,
                           const QString& storeId, const QString& terminalId, qint64 expireAtMs)
{
    QJsonObject o{{QStringLiteral("out_trade_no"), paymentNo},
                  {QStringLiteral("subject"), subjectOf(subject, storeId)},
                  {QStringLiteral("total_amount"), amount.toPlainString()}};
    if (!storeId.isEmpty())
        o.insert(QStringLiteral("store_id"), storeId);
    if (!terminalId.isEmpty())
        o.insert(QStringLiteral("terminal_id"), terminalId);
    if (expireAtMs > 0)
        o.insert(QStringLiteral("time_expire"), chinaTimestamp(expireAtMs));
    return o;
}

QJsonObject barcodePayBiz(const BarcodePayRequest& req)
{
    QJsonObject o = saleBiz(req.paymentNo, req.amount, req.subject, req.storeId, req.terminalId,
                            req.expireAtMs);
    o.insert(QStringLiteral("scene"), QStringLiteral("bar_code"));
    o.insert(QStringLiteral("auth_code"), req.authCode);
    return o;
}

QJsonObject precreateBiz(const PrecreateRequest& req)
{
    return saleBiz(req.paymentNo, req.amount, req.subject, req.storeId, req.terminalId,
                   req.expireAtMs);
}

QJsonObject tradeBiz(const QString& paymentNo)
{
    return {{QStringLiteral("out_trade_no"), paymentNo}};
}

QJsonObject refundBiz(const RefundRequest& req)
{
    QJsonObject o{{QStringLiteral("out_trade_no"), req.paymentNo},
                  {QStringLiteral("refund_amount"), req.refundAmount.toPlainString()},
                  {QStringLiteral("out_request_no"), req.refundNo}};
    if (!req.channelTradeNo.isEmpty())
        o.insert(QStringLiteral("trade_no"), req.channelTradeNo);
    if (!req.reason.isEmpty())
        o.insert(QStringLiteral("refund_reason"), req.reason);
    return o;
}

QJsonObject refundQueryBiz(const QString& paymentNo, const QString& refundNo)
{
    return {{QStringLiteral("out_trade_no"), paymentNo},
            {QStringLiteral("out_request_no"), refundNo}};
}

QJsonObject billBiz(const QDate& day)
{
    return {{QStringLiteral("bill_type"), QStringLiteral("trade")},
            {QStringLiteral("bill_date"), day.toString(QStringLiteral("yyyy-MM-dd"))}};
}

std::optional<Response> parseResponse(const QByteArray& body, Method method, QString* error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = QStringLiteral("the answer is not well-formed JSON (%1 at byte %2)")
                     .arg(pe.errorString())
                     .arg(pe.offset);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("the answer is not a JSON object");
        return std::nullopt;
    }
    QList<Member> members;
    if (!topLevelMembers(body, &members)) {
        *error = QStringLiteral("cannot delimit the answer's members");
        return std::nullopt;
    }
    // JSON lets a name be written with escapes ("..._respons\u0065"), which
    // the byte scan above does not see as the answer's name, while the
    // parsed object keeps one of the two values: a second answer beside a
    // signed one could then be acted on. A name repeated in any spelling is
    // refused.
    if (doc.object().size() != members.size()) {
        *error = QStringLiteral("the answer repeats a member name");
        return std::nullopt;
    }
    const QByteArray wanted = responseKey(method).toLatin1();
    const QByteArray fallback = kErrorResponseKey.toLatin1();
    const Member* found = nullptr;
    for (const Member& m : members) {
        if (m.rawKey != wanted && m.rawKey != fallback)
            continue;
        if (found) {
            *error = QStringLiteral("the answer has more than one response member");
            return std::nullopt;
        }
        found = &m;
    }
    if (!found) {
        *error = QStringLiteral("the answer has no %1 member").arg(QLatin1String(wanted));
        return std::nullopt;
    }
    Response r;
    r.key = QString::fromLatin1(found->rawKey);
    r.signedContent = body.mid(found->valueStart, found->valueEnd - found->valueStart);
    // The fields are read from the signed bytes themselves: what is acted on
    // is what the signature covers, by construction.
    const QJsonDocument value = QJsonDocument::fromJson(r.signedContent);
    if (!value.isObject()) {
        *error = QStringLiteral("%1 is not a JSON object").arg(r.key);
        return std::nullopt;
    }
    r.fields = value.object();
    r.sign = doc.object().value(QLatin1String("sign")).toString();
    return r;
}

bool verifyResponse(const Response& response, const RsaKey& alipayPublicKey)
{
    return verifyRsa2(response.signedContent, response.sign, alipayPublicKey);
}

QStringList failedSubCodes(Method method)
{
    QStringList out;
    for (const char* c : failedList(method))
        out << QString::fromLatin1(c);
    return out;
}

ChannelResult mapResponse(Method method, const QJsonObject& f)
{
    ChannelResult r;
    fillCodes(r, f);
    const QString code = str(f, "code");
    const QString sub = str(f, "sub_code");
    r.channelTradeNo = str(f, "trade_no");

    // Common to every method: a business refusal on the whitelist is final;
    // anything else that is not a 10000 is Unknown.
    auto notSuccess = [&](ChannelResult res) {
        if (code == kBusinessFailed && isIn(sub, failedList(method))) {
            res.status = TradeStatus::Failed;
            return res;
        }
        return unknown(res, code == kUnavailable || sub == QLatin1String("ACQ.SYSTEM_ERROR")
                                ? QStringLiteral("Alipay is busy: the outcome is unknown")
                                : QStringLiteral("not a listed answer: the outcome is unknown"));
    };

    switch (method) {
    case Method::TradePay:
        if (code == kSuccess) {
            r.status = TradeStatus::Success;
            return r;
        }
        if (code == kInProcess) {
            // The customer is confirming on the phone: poll with query.
            r.status = TradeStatus::Processing;
            return r;
        }
        return notSuccess(r);

    case Method::TradePrecreate:
        if (code == kSuccess) {
            r.codeUrl = str(f, "qr_code");
            if (r.codeUrl.isEmpty())
                return unknown(r, QStringLiteral("success without a qr_code"));
            r.status = TradeStatus::Success;
            return r;
        }
        return notSuccess(r);

    case Method::TradeQuery:
        if (code == kSuccess) {
            const QString ts = str(f, "trade_status");
            r.status = tradeStatusOf(ts);
            r.message += QStringLiteral(" (trade_status=%1)").arg(ts);
            return r;
        }
        if (code == kBusinessFailed && sub == QLatin1String("ACQ.TRADE_NOT_EXIST")) {
            // Not a failure: Alipay may not have recorded a just-sent pay yet.
            r.tradeNotFound = true;
            r.status = TradeStatus::Unknown;
            return r;
        }
        return notSuccess(r);

    case Method::TradeCancel: {
        const bool retryFlag = str(f, "retry_flag") == QLatin1String("Y");
        if (code == kUnavailable || sub == QLatin1String("ACQ.SYSTEM_ERROR") || retryFlag) {
            r.retry = true;
            return unknown(r, QStringLiteral("Alipay asks to call cancel again"));
        }
        if (code == kSuccess) {
            const QString action = str(f, "action");
            // "close": unpaid, closed; "refund": paid, money returned. No
            // action means Alipay found no trade or the call failed: not a
            // confirmation that a late pay cannot succeed.
            if (action == QLatin1String("close") || action == QLatin1String("refund")) {
                r.revokeAction = action;
                r.status = TradeStatus::Success;
                return r;
            }
            return unknown(r, action.isEmpty()
                                  ? QStringLiteral("cancel answered without an action")
                                  : QStringLiteral("unlisted cancel action ") + action);
        }
        return notSuccess(r);
    }

    case Method::TradeRefund:
        if (code == kSuccess) {
            // 10000 only says the call was accepted; fund_change=Y says money
            // moved. N (e.g. a repeated request) must be confirmed by a
            // refund query.
            if (str(f, "fund_change") == QLatin1String("Y")) {
                r.status = TradeStatus::Success;
            } else {
                r.status = TradeStatus::Processing;
                r.message += QStringLiteral(" (fund_change is not Y: confirm with a refund query)");
            }
            return r;
        }
        return notSuccess(r);

    case Method::RefundQuery:
        if (code == kSuccess) {
            const QString rs = str(f, "refund_status");
            if (rs == QLatin1String("REFUND_SUCCESS")) {
                r.status = TradeStatus::Success;
                return r;
            }
            if (rs.isEmpty()) {
                // Alipay: no refund_status means the refund was not received
                // (or failed). Refunding again with the same number is safe.
                r.tradeNotFound = true;
                return unknown(r, QStringLiteral("no such refund (yet)"));
            }
            return unknown(r, QStringLiteral("unlisted refund_status ") + rs);
        }
        if (code == kBusinessFailed && sub == QLatin1String("ACQ.TRADE_NOT_EXIST")) {
            r.tradeNotFound = true;
            return unknown(r, QStringLiteral("no such trade"));
        }
        return notSuccess(r);

    case Method::BillDownloadUrl:
        if (code == kSuccess) {
            // The bill's address travels in codeUrl: it is a URL to fetch.
            r.codeUrl = str(f, "bill_download_url");
            r.status = r.codeUrl.isEmpty() ? TradeStatus::Unknown : TradeStatus::Success;
            return r;
        }
        return notSuccess(r);
    }
    return unknown(r, QStringLiteral("unknown method"));
}

TradeStatus tradeStatusOf(const QString& tradeStatus)
{
    if (tradeStatus == QLatin1String("TRADE_SUCCESS") ||
        tradeStatus == QLatin1String("TRADE_FINISHED"))
        return TradeStatus::Success;
    if (tradeStatus == QLatin1String("WAIT_BUYER_PAY"))
        return TradeStatus::Processing;
    // Unpaid and timed out, or paid and then fully refunded/cancelled.
    if (tradeStatus == QLatin1String("TRADE_CLOSED"))
        return TradeStatus::Failed;
    return TradeStatus::Unknown;
}

std::optional<ChannelNotification> parseNotification(const QByteArray& formBody, Params* fields,
                                                     QString* error)
{
    if (!formDecode(formBody, fields, error))
        return std::nullopt;
    const auto need = [&](const char* name) {
        const QString v = fields->value(QLatin1String(name));
        if (v.isEmpty() && error->isEmpty())
            *error = QStringLiteral("the notification has no %1").arg(QLatin1String(name));
        return v;
    };
    error->clear();
    ChannelNotification n;
    n.paymentNo = need("out_trade_no");
    n.channelTradeNo = need("trade_no");
    n.returnCode = need("trade_status");
    n.notificationId = need("notify_id");
    need("sign");
    const QString amount = need("total_amount");
    if (!error->isEmpty())
        return std::nullopt;
    const QString type = fields->value(QStringLiteral("notify_type"));
    if (type != QLatin1String("trade_status_sync")) {
        *error = QStringLiteral("unexpected notify_type ") + type;
        return std::nullopt;
    }
    const auto money = Money::parse(amount, kCny, error);
    if (!money) {
        *error = QStringLiteral("bad total_amount: ") + *error;
        return std::nullopt;
    }
    n.amount = *money;
    n.status = tradeStatusOf(n.returnCode);
    n.raw = QString::fromUtf8(formBody);
    return n;
}

bool verifyNotification(const Params& fields, const RsaKey& alipayPublicKey)
{
    // Only RSA2 is accepted: a downgrade to RSA(1) must not pass.
    if (fields.value(QStringLiteral("sign_type")) != QLatin1String("RSA2"))
        return false;
    return verifyRsa2(signingContent(fields, SignScope::Notification),
                      fields.value(QStringLiteral("sign")), alipayPublicKey);
}

Params buildNotification(const ChannelNotification& n, const QString& appId,
                         const RsaKey& alipayPrivateKey, const QDateTime& now, QString* error)
{
    QString status;
    switch (n.status) {
    case TradeStatus::Success:
        status = QStringLiteral("TRADE_SUCCESS");
        break;
    case TradeStatus::Failed:
        status = QStringLiteral("TRADE_CLOSED");
        break;
    case TradeStatus::Processing:
        status = QStringLiteral("WAIT_BUYER_PAY");
        break;
    case TradeStatus::Unknown:
        *error = QStringLiteral("a notification needs a known trade status");
        return Params();
    }
    const QString at = chinaTimestamp(now.toMSecsSinceEpoch());
    Params p{{QStringLiteral("notify_time"), at},
             {QStringLiteral("notify_type"), QStringLiteral("trade_status_sync")},
             {QStringLiteral("notify_id"), n.notificationId},
             {QStringLiteral("app_id"), appId},
             {QStringLiteral("charset"), QStringLiteral("utf-8")},
             {QStringLiteral("version"), QStringLiteral("1.0")},
             {QStringLiteral("sign_type"), QStringLiteral("RSA2")},
             {QStringLiteral("trade_no"), n.channelTradeNo},
             {QStringLiteral("out_trade_no"), n.paymentNo},
             {QStringLiteral("trade_status"), status},
             {QStringLiteral("total_amount"), n.amount.toPlainString()}};
    if (n.status == TradeStatus::Success) {
        p.insert(QStringLiteral("receipt_amount"), n.amount.toPlainString());
        p.insert(QStringLiteral("buyer_pay_amount"), n.amount.toPlainString());
        p.insert(QStringLiteral("gmt_payment"), n.paidAtMs > 0 ? chinaTimestamp(n.paidAtMs) : at);
    } else if (n.status == TradeStatus::Failed) {
        p.insert(QStringLiteral("gmt_close"), at);
    }
    const QString sign =
        signRsa2(signingContent(p, SignScope::Notification), alipayPrivateKey, error);
    if (sign.isEmpty())
        return Params();
    p.insert(QStringLiteral("sign"), sign);
    return p;
}

bool parseGatewayForm(const QByteArray& query, const QByteArray& body, Params* out, QString* error)
{
    Params fromBody;
    if (!formDecode(query, out, error) || !formDecode(body, &fromBody, error))
        return false;
    for (auto it = fromBody.cbegin(); it != fromBody.cend(); ++it) {
        if (out->contains(it.key())) {
            *error = QStringLiteral("%1 is both in the URL and in the body").arg(it.key());
            return false;
        }
        out->insert(it.key(), it.value());
    }
    return true;
}

QJsonObject gatewayErrorFields(GatewayError e)
{
    const auto missing = [](const char* sub, const QString& msg) {
        return QJsonObject{{QStringLiteral("code"), QStringLiteral("40001")},
                           {QStringLiteral("msg"), QStringLiteral("Missing Required Arguments")},
                           {QStringLiteral("sub_code"), QLatin1String(sub)},
                           {QStringLiteral("sub_msg"), msg}};
    };
    const auto invalid = [](const char* sub, const QString& msg) {
        return QJsonObject{{QStringLiteral("code"), QStringLiteral("40002")},
                           {QStringLiteral("msg"), QStringLiteral("Invalid Arguments")},
                           {QStringLiteral("sub_code"), QLatin1String(sub)},
                           {QStringLiteral("sub_msg"), msg}};
    };
    switch (e) {
    case GatewayError::MissingMethod:
        return missing("isv.missing-method", QStringLiteral("缺少方法名参数"));
    case GatewayError::MissingAppId:
        return missing("isv.missing-app-id", QStringLiteral("缺少AppID参数"));
    case GatewayError::MissingSignature:
        return missing("isv.missing-signature", QStringLiteral("缺少签名参数"));
    case GatewayError::MissingSignatureType:
        return missing("isv.missing-signature-type", QStringLiteral("缺少签名类型参数"));
    case GatewayError::InvalidMethod:
        return invalid("isv.invalid-method", QStringLiteral("不存在的方法名"));
    case GatewayError::InvalidAppId:
        return invalid("isv.invalid-app-id", QStringLiteral("无效的AppID参数"));
    case GatewayError::InvalidSignatureType:
        return invalid("isv.invalid-signature-type", QStringLiteral("无效的签名类型"));
    case GatewayError::InvalidSignature:
        return invalid("isv.invalid-signature",
                       QStringLiteral("验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配"));
    case GatewayError::InvalidParameter:
        return invalid("isv.invalid-parameter", QStringLiteral("参数无效"));
    }
    return invalid("isv.invalid-parameter", QStringLiteral("参数无效"));
}

QJsonObject answerFields(const QString& code, const QString& subCode, const QString& subMsg)
{
    QString msg;
    if (code == kSuccess)
        msg = QStringLiteral("Success");
    else if (code == kInProcess)
        msg = QStringLiteral(" order success pay inprocess");
    else if (code == kUnavailable)
        msg = QStringLiteral("Service Currently Unavailable");
    else if (code == kBusinessFailed)
        msg = QStringLiteral("Business Failed");
    QJsonObject o{{QStringLiteral("code"), code}, {QStringLiteral("msg"), msg}};
    if (!subCode.isEmpty()) {
        o.insert(QStringLiteral("sub_code"), subCode);
        o.insert(QStringLiteral("sub_msg"), subMsg);
    }
    return o;
}

QByteArray buildSignedResponse(const QString& key, const QJsonObject& fields,
                               const RsaKey& alipayPrivateKey, QString* error)
{
    const QByteArray content = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    const QString sign = signRsa2(content, alipayPrivateKey, error);
    if (sign.isEmpty())
        return QByteArray();
    return "{\"" + key.toLatin1() + "\":" + content + ",\"sign\":\"" + sign.toLatin1() + "\"}";
}

QByteArray buildUnsignedResponse(const QString& key, const QJsonObject& fields)
{
    return "{\"" + key.toLatin1() + "\":" + QJsonDocument(fields).toJson(QJsonDocument::Compact) +
           "}";
}

} // namespace paydesk::alipay
