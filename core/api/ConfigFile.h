#pragma once

#include "api/CoreConfig.h"

namespace paydesk {

// Reads the core's configuration from a JSON file:
// {"storeId":"0001","terminalId":"0001","maxAmount":"100000.00","largeAmount":"5000.00",
//  "routes":{"unionpay":"alipay"},
//  "channels":{"wechat":{"callTimeoutMs":10000,"barcodeDeadlineMs":30000,"qrDeadlineMs":120000,
//              "pollDelaysMs":[2000,3000,5000],"maxPolls":15,"revokeDelaysMs":[0,2000,5000],
//              "maxRevokeAttempts":6,"refundPollDelaysMs":[5000],"maxRefundPolls":10}},
//  "gateways":{"wechat":{"protocol":"wechat-v2","url":"https://api.mch.weixin.qq.com/",
//              "appId":"wx...","mchId":"...","apiKeyFile":"wechat-api-key.txt"}}}
// (see GatewaySettings.h for every gateway key; file names are relative to
// the configuration file).
// Unknown keys and wrong types are refused with the key named. Returns an
// error text, empty on success; `config` is only changed on success.
QString loadCoreConfig(const QString& path, CoreConfig& config);

} // namespace paydesk
