// Alipay's form bodies: trade_status_sync notifications (posted to us from
// outside) and the gateway's request form (the sandbox front). Refusals say
// why; a decoded form encodes back to the same fields; a taken notification
// carries every field the engine acts on and an amount within the ceiling.
#include "FuzzSupport.h"

#include "channels/alipay/AlipayProtocol.h"

using namespace paydesk;
using namespace paydesk::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input = bytes(data, size);

    alipay::Params fields;
    QString error;
    const std::optional<ChannelNotification> n = alipay::parseNotification(input, &fields, &error);
    if (!n) {
        require(!error.isEmpty(), "a refused notification without a reason");
    } else {
        require(error.isEmpty(), "a taken notification with an error", error);
        require(!n->paymentNo.isEmpty() && !n->channelTradeNo.isEmpty() &&
                    !n->returnCode.isEmpty() && !n->notificationId.isEmpty(),
                "a taken notification lacks a field the engine acts on");
        require(n->amount.currency() == kCny && n->amount.fen() >= -kMaxAmountFen &&
                    n->amount.fen() <= kMaxAmountFen,
                "a notification's amount beyond the ceiling", n->amount.toPlainString());
        require(n->status == alipay::tradeStatusOf(n->returnCode),
                "the status is not what trade_status says", n->returnCode);
    }

    // The form decoder alone: what it takes, formEncode writes back to the
    // same fields.
    alipay::Params decoded;
    QString formError;
    if (alipay::formDecode(input, &decoded, &formError)) {
        alipay::Params again;
        QString againError;
        require(alipay::formDecode(alipay::formEncode(decoded), &again, &againError) &&
                    again == decoded,
                "formEncode does not round-trip", againError);
    } else {
        require(!formError.isEmpty(), "a refused form without a reason");
    }

    // The gateway's request: the URL query and the body, split at the first
    // NUL of the input (neither can hold one as it is).
    const qsizetype cut = input.indexOf('\0');
    if (cut >= 0) {
        alipay::Params request;
        QString requestError;
        if (!alipay::parseGatewayForm(input.left(cut), input.mid(cut + 1), &request, &requestError))
            require(!requestError.isEmpty(), "a refused request form without a reason");
    }
    return 0;
}
