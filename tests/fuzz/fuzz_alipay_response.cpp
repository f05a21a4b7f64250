// Alipay OpenAPI answers (JSON): parseResponse finds the method's member and
// keeps its exact bytes, which the RSA2 signature covers. The contract that
// keeps money safe: the fields acted on are exactly the fields those bytes
// hold, so nothing unsigned can slip in beside a signed answer. A refusal
// says why; mapResponse takes whatever fields are found.
#include "FuzzSupport.h"

#include "channels/alipay/AlipayProtocol.h"

#include <QJsonDocument>

using namespace paydesk;
using namespace paydesk::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte picks the method the answer is read for.
    constexpr alipay::Method kMethods[] = {
        alipay::Method::TradePay,       alipay::Method::TradePrecreate, alipay::Method::TradeQuery,
        alipay::Method::TradeCancel,    alipay::Method::TradeRefund,    alipay::Method::RefundQuery,
        alipay::Method::BillDownloadUrl};
    const alipay::Method method = kMethods[data[0] % std::size(kMethods)];
    const QByteArray body = bytes(data + 1, size - 1);

    QString error;
    const std::optional<alipay::Response> r = alipay::parseResponse(body, method, &error);
    if (!r) {
        require(!error.isEmpty(), "a refused answer without a reason");
        return 0;
    }
    require(r->key == alipay::responseKey(method) || r->isErrorResponse(),
            "the answer was read from another member", r->key);
    QJsonParseError pe;
    const QJsonDocument signedDoc = QJsonDocument::fromJson(r->signedContent, &pe);
    require(pe.error == QJsonParseError::NoError && signedDoc.isObject(),
            "the signed bytes are not the JSON object that was read",
            QString::fromUtf8(r->signedContent));
    require(signedDoc.object() == r->fields, "the fields acted on are not the signed fields",
            QStringLiteral("signed: %1\nread: %2")
                .arg(QString::fromUtf8(r->signedContent),
                     QString::fromUtf8(QJsonDocument(r->fields).toJson(QJsonDocument::Compact))));
    const ChannelResult mapped = alipay::mapResponse(method, r->fields);
    (void)mapped;
    return 0;
}
