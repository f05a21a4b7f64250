#pragma once

#include "SandboxGateway.h"
#include "api/CoreConfig.h"

#include <memory>

namespace paydesk {

class Clock;

struct DemoGatewayOptions
{
    // sandbox.db (the same file the in-process sandbox uses, so later CLI
    // commands on this directory still find the trades), tls/ and demo/
    // (the merchant's keys and the sandbox's configuration).
    QString dataDir;
    bool tls = true;      // HTTPS with the generated test CA, mutual TLS on secapi/*
    bool durable = true;  // fsync the sandbox's commits
    // Where PayDesk takes notifications ("http://127.0.0.1:PORT/notify/"):
    // each channel's notifyUrl is this plus its name. Empty: none, and QR
    // payments' results are learnt by polling alone.
    QString notifyBaseUrl;
    // Which protocol the UnionPay acquirer speaks, as aggregators do.
    GatewaySettings::Protocol unionpayProtocol = GatewaySettings::Protocol::WeChatV2;
};

// A ready-made sandbox acquirer for demos: starts SandboxGateway on a free
// loopback port and hands out the merchant-side gateway settings, so the
// engine reaches it through the real WeChat Pay V2 and Alipay adapters over
// (by default) HTTPS, the code path a merchant with real keys runs. Keys
// are made on first start and kept in dataDir/demo. The object must
// outlive the engine that uses its settings.
//
//   DemoGateway demo(clock, {dataDir});
//   if (QString e = demo.start(); !e.isEmpty()) ...
//   EmbeddedOptions opt; demo.configure(opt.config); // no in-process sandbox beside it
//   ... demo.acquirer().customerScan(codeUrl, code)   // the customer's side
class DemoGateway
{
public:
    DemoGateway(const Clock& clock, DemoGatewayOptions options);
    ~DemoGateway();

    // Makes the keys (first time) and starts the sandbox. Returns an error text.
    QString start();
    // Routes wechat, alipay and unionpay to the sandbox through real adapters,
    // and keeps the engine in the demo's own directory (no configured database).
    void configure(CoreConfig& config) const;
    // The settings of one channel ("wechat", "alipay", "unionpay").
    GatewaySettings settings(const QString& channel) const;
    // The acquirer behind the gateway: the customer's side (scan a QR code).
    SandboxAcquirer& acquirer();
    // "https://127.0.0.1:PORT"
    QString baseUrl() const;
    // Who posts the acquirer's notifications to the notify URLs.
    NotificationSender& notifier();
    // What the next bills show differently (reconciliation tests).
    void setBillDifferences(const BillDifferences& differences);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace paydesk
