#pragma once

#include "sandbox/SandboxAcquirer.h"

#include <QByteArray>
#include <QStringList>

namespace paydesk {

// WeChat Pay V2 pay/downloadbill's answer: UTF-8 text, the detail header
// (Chinese column names), one line per payment or refund with every value
// prefixed by a backtick, then the summary header and the summary line.
// Amounts are yuan with two decimals; fees yuan with five (0.6 %, exact).
// A revoke that reversed a paid payment bills as the payment, marked
// REVOKED, plus a refund line of the whole amount whose merchant refund
// number is the payment number.
enum class WeChatBillType
{
    All,
    Success,
    Refund
};

bool parseWeChatBillType(const QString& text, WeChatBillType* out); // "" means ALL
QStringList wechatBillColumns(WeChatBillType type);
QStringList wechatBillSummaryColumns(WeChatBillType type);

struct WeChatBillAccount
{
    QString appId;
    QString mchId;
};

// Empty when the day has no line of this type (the gateway then answers
// "No Bill Exist").
QByteArray wechatBill(const QList<SandboxAcquirer::BillEntry>& lines, WeChatBillType type,
                      const WeChatBillAccount& account);

} // namespace paydesk
