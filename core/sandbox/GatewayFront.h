#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace paydesk {

// One HTTP request as a gateway sees it, independent of the HTTP server that
// carried it (the sandbox's HTTP listener, or a test calling in directly).
struct GatewayRequest
{
    QByteArray method = "POST"; // "GET" only for files a gateway links to (bills)
    QString path;           // "/wechat/pay/micropay", "/alipay/gateway.do"
    QByteArray query;       // the raw URL query, without '?' (Alipay SDKs put the
                            // common parameters there and biz_content in the body)
    QByteArray contentType; // as sent
    QByteArray body;
    // The TLS layer verified a client certificate for this request (WeChat
    // secapi/* calls need the merchant's certificate).
    bool clientCertificate = false;
};

struct GatewayResponse
{
    int httpStatus = 200;
    QByteArray contentType;
    QByteArray body;
    // The acquirer did the work but its answer is lost: the server sends
    // nothing and the client times out, as on a real network.
    bool drop = false;
};

using GatewayReply = std::function<void(const GatewayResponse&)>;

// A protocol front end of the sandbox acquirer (WeChat Pay V2, Alipay
// OpenAPI). `reply` runs once, later, after the acquirer's write is durable;
// the front never throws and answers bad input with the gateway's own error
// shapes, not with HTTP errors.
class GatewayFront
{
public:
    virtual ~GatewayFront() = default;
    virtual void handle(const GatewayRequest& request, GatewayReply reply) = 0;
};

struct BarcodePayRequest;
struct ChannelResult;
class SandboxAcquirer;

// The wire answer to a result the acquirer did not lose on the way back.
using GatewayRespond = std::function<GatewayResponse(const ChannelResult& result)>;

// A barcode pay through the acquirer, its wire answer built (and signed) by
// `respond` while the trade's write is fsynced and sent through `reply` once
// it is durable (SandboxAcquirer::Prepare); a lost answer sends nothing.
void payAndReply(SandboxAcquirer& acquirer, const QString& channel, const BarcodePayRequest& req,
                 GatewayRespond respond, GatewayReply reply);

} // namespace paydesk
