#pragma once

#include "channels/alipay/AlipaySign.h"
#include "sandbox/NotificationSender.h"
#include "sandbox/WeChatGatewayFront.h"
#include "sandbox/bills/BillDifferences.h"

#include <QHash>
#include <QList>
#include <QString>

namespace paydesk {

// Who the sandbox gateway serves, read from its configuration file:
// {"dataDir": "sandbox-data",
//  "wechat": [{"appId": "wx...", "mchId": "1900000109", "apiKeyFile": "wechat-api-key.txt"}],
//  "alipay": [{"appId": "2021...", "appPublicKeyFile": "app-public.pem"}]}
// File names are relative to the configuration file. The WeChat API keys are
// secrets shared with the merchant side. The sandbox's own Alipay key pair is
// dataDir/sandbox-alipay-private.pem and -public.pem, made on first start;
// the merchant side verifies answers with the public one.
struct SandboxGatewayConfig
{
    QString dataDir;
    QList<WeChatSandboxMerchant> wechat;
    QHash<QString, alipay::RsaKey> alipayAppKeys; // app_id -> the app's public key
    bool durable = true;
    // "billDifferences": what the bills show differently from the trades.
    BillDifferences billDifferences;
    // "notifyRetryDelaysMs": waits between attempts to post a notification
    // to a merchant that does not acknowledge it.
    NotificationSender::Options notify;
};
QString loadSandboxGatewayConfig(const QString& path, SandboxGatewayConfig& out);

} // namespace paydesk
