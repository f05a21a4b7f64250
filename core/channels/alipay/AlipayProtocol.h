#pragma once

// Alipay OpenAPI (gateway.do, RSA2) as pure functions: request building and
// signing, the response envelope, the mapping of answers to ChannelResult,
// async notifications, and the gateway side the sandbox front needs. No I/O.

#include "channels/Channel.h"
#include "channels/alipay/AlipaySign.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace paydesk::alipay {

enum class Method
{
    TradePay,        // alipay.trade.pay: barcode (payment code) payment
    TradePrecreate,  // alipay.trade.precreate: QR code to be scanned by the customer
    TradeQuery,      // alipay.trade.query
    TradeCancel,     // alipay.trade.cancel: close if unpaid, refund if paid
    TradeRefund,     // alipay.trade.refund
    RefundQuery,     // alipay.trade.fastpay.refund.query
    BillDownloadUrl, // alipay.data.dataservice.bill.downloadurl.query
};

// "alipay.trade.pay"
QString methodName(Method m);
// "alipay_trade_pay_response": the envelope key of the method's answer.
QString responseKey(Method m);
std::optional<Method> methodFromName(const QString& name);

// The key the gateway answers under when it cannot tell the method.
inline const QString kErrorResponseKey = QStringLiteral("error_response");

// The merchant's side of the OpenAPI contract.
struct ClientConfig
{
    QString appId;
    RsaKey appPrivateKey;   // signs our requests
    RsaKey alipayPublicKey; // verifies Alipay's answers and notifications
    QString notifyUrl;      // optional; where QR payment results are posted
};

// Alipay's wire time: "yyyy-MM-dd HH:mm:ss" in China time (UTC+8) whatever
// the machine's zone.
QString chinaTimestamp(qint64 msSinceEpoch);
std::optional<qint64> parseChinaTimestamp(const QString& text);

// The signed parameters of one call: app_id, method, format=JSON,
// charset=utf-8, sign_type=RSA2, timestamp, version=1.0, notify_url (when
// configured), biz_content and sign. Empty and `error` set when signing fails.
Params buildRequest(Method method, const QJsonObject& bizContent, const ClientConfig& config,
                    const QDateTime& now, QString* error);

// application/x-www-form-urlencoded, UTF-8: everything but A-Z a-z 0-9 - . _ ~
// percent-encoded (so '+', '&', '=' and Chinese survive any decoder).
QByteArray formEncode(const Params& params);
// The reverse; '+' is a space. Malformed escapes, invalid UTF-8 and repeated
// names are refused: a repeated name could make us sign one value and act on
// another.
bool formDecode(const QByteArray& text, Params* out, QString* error);
// The fields as "name=value&..." unencoded, sorted, sign included: what the
// track shows (the engine masks auth_code and sign in it).
QString readableForm(const Params& params);

// --- biz_content ---------------------------------------------------------------
// Amounts are yuan with exactly two decimals, from fen (Money), never doubles.
QJsonObject barcodePayBiz(const BarcodePayRequest& req);
QJsonObject precreateBiz(const PrecreateRequest& req);
QJsonObject tradeBiz(const QString& paymentNo); // query and cancel by out_trade_no
QJsonObject refundBiz(const RefundRequest& req);
QJsonObject refundQueryBiz(const QString& paymentNo, const QString& refundNo);
QJsonObject billBiz(const QDate& day); // bill_type trade, one day

// --- responses -----------------------------------------------------------------
struct Response
{
    QString key;              // responseKey(method) or kErrorResponseKey
    QByteArray signedContent; // the value's exact bytes in the body: what Alipay signs
    QJsonObject fields;       // the same, parsed
    QString sign;             // empty when the gateway did not sign
    bool isErrorResponse() const { return key == kErrorResponseKey; }
};

// Finds the method's answer (or error_response) in a body. Well-formed JSON,
// an object at the top, exactly one answer key whose value is an object;
// otherwise std::nullopt and a reason.
std::optional<Response> parseResponse(const QByteArray& body, Method method, QString* error);
// RSA2 over the exact content bytes with Alipay's public key.
bool verifyResponse(const Response& response, const RsaKey& alipayPublicKey);

// The verified answer as a ChannelResult (status, codes, channel numbers;
// requestNo and raw texts are the caller's). Explicit per-method whitelists:
// whatever is not listed is Unknown, never Failed.
ChannelResult mapResponse(Method method, const QJsonObject& fields);

// Sets for the tests and ARCHITECTURE: the 40004 sub_codes that mean the call
// certainly did nothing (nothing taken, nothing revoked, nothing refunded).
QStringList failedSubCodes(Method method);

// --- async notifications (trade_status_sync) -----------------------------------
// Decodes a notification form. Std::nullopt and `error` when the form is
// malformed or lacks a field we act on. Does not verify: see verifyNotification.
std::optional<ChannelNotification> parseNotification(const QByteArray& formBody, Params* fields,
                                                     QString* error);
// RSA2 with SignScope::Notification (sign and sign_type left out).
bool verifyNotification(const Params& fields, const RsaKey& alipayPublicKey);
// What the trade_status of a notification or a query means.
TradeStatus tradeStatusOf(const QString& tradeStatus);
// The signed form Alipay posts to notify_url (the sandbox's side).
Params buildNotification(const ChannelNotification& n, const QString& appId,
                         const RsaKey& alipayPrivateKey, const QDateTime& now, QString* error);

// --- gateway side (the sandbox front) --------------------------------------------
// The request's fields from the URL query and the body together (SDKs put
// the common parameters in the query and biz_content in the body). A name in
// both is refused.
bool parseGatewayForm(const QByteArray& query, const QByteArray& body, Params* out, QString* error);

// The gateway-level refusals, as the real gateway words them.
enum class GatewayError
{
    MissingMethod,        // 40001 isv.missing-method
    MissingAppId,         // 40001 isv.missing-app-id
    MissingSignature,     // 40001 isv.missing-signature
    MissingSignatureType, // 40001 isv.missing-signature-type
    InvalidMethod,        // 40002 isv.invalid-method
    InvalidAppId,         // 40002 isv.invalid-app-id
    InvalidSignatureType, // 40002 isv.invalid-signature-type
    InvalidSignature,     // 40002 isv.invalid-signature
    InvalidParameter,     // 40002 isv.invalid-parameter (e.g. biz_content not JSON)
};
QJsonObject gatewayErrorFields(GatewayError e);
// A business answer field set: code, msg and, for failures, sub_code/sub_msg.
QJsonObject answerFields(const QString& code, const QString& subCode = QString(),
                         const QString& subMsg = QString());

// {"<key>":{...},"sign":"..."} with sign = RSA2 over the exact value text.
QByteArray buildSignedResponse(const QString& key, const QJsonObject& fields,
                               const RsaKey& alipayPrivateKey, QString* error);
// The same without sign (gateway-level errors are not signed).
QByteArray buildUnsignedResponse(const QString& key, const QJsonObject& fields);

} // namespace paydesk::alipay
