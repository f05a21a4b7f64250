#pragma once

#include "channels/ChannelResult.h"
#include "channels/wechat/WeChatV2Message.h"

namespace paydesk::wechat {

// The WeChat Pay V2 endpoints PayDesk uses.
enum class Api
{
    MicroPay,     // pay/micropay: the customer's payment code
    OrderQuery,   // pay/orderquery
    Reverse,      // secapi/pay/reverse: revoke (mutual TLS)
    Refund,       // secapi/pay/refund (mutual TLS)
    RefundQuery,  // pay/refundquery
    UnifiedOrder, // pay/unifiedorder, trade_type NATIVE: a code_url to show
    DownloadBill, // pay/downloadbill
};

// "pay/micropay", "secapi/pay/reverse", ... (relative to the gateway base).
QString apiPath(Api api);
// The endpoint a path names; false if none.
bool apiForPath(const QString& path, Api* out);
// secapi/* calls need the merchant certificate.
bool needsClientCertificate(Api api);

// Maps a response whose signature was verified (or a return_code=FAIL
// answer, which WeChat does not sign) to the unified result. Only the codes
// listed per endpoint are trusted; anything else is Unknown, never Failed.
// Sets status, returnCode, message, channelTradeNo, tradeNotFound, retry,
// codeUrl; the caller keeps requestNo and the raw messages.
void mapResponse(Api api, const Params& response, ChannelResult& out);

} // namespace paydesk::wechat
