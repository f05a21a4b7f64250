#pragma once

#include "domain/PaymentCode.h"

#include <QList>
#include <QString>

// What a wallet's sales took and gave back over a period: a counter's shift,
// the dashboard's day. Counts and sums of minor units (fen), never doubles.
namespace paydesk {

struct WalletTakings
{
    Wallet wallet = Wallet::Unknown;
    qint64 sales = 0; // payments taken (money moved), at their start
    qint64 salesFen = 0;
    qint64 refunds = 0; // successful refunds, when they succeeded
    qint64 refundsFen = 0;
    qint64 revokes = 0; // paid payments revoked (money back), when revoked
    qint64 revokedFen = 0;
    qint64 netFen() const { return salesFen - refundsFen - revokedFen; }
};

// The wallet's row in `list`, added (in wallet order) when it has none yet.
WalletTakings& takingsOf(QList<WalletTakings>* list, Wallet wallet);
// Every wallet's figures added up (wallet Unknown).
WalletTakings sumTakings(const QList<WalletTakings>& list);
// "sales 2 / 20.00  refunds 1 / 2.00  revokes 0 / 0.00  net 18.00": one
// line of a slip or of the CLI.
QString takingsText(const WalletTakings& t);

} // namespace paydesk
