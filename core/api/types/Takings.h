#pragma once

#include "domain/PaymentCode.h"

#include <QList>
#include <QString>
#include <algorithm>

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

// The wallet's row in `list` (rows with a `wallet`, kept in wallet order),
// added when it has none yet.
template <typename Row> Row& walletRow(QList<Row>* list, Wallet wallet)
{
    auto it = std::lower_bound(list->begin(), list->end(), wallet,
                               [](const Row& r, Wallet w) { return int(r.wallet) < int(w); });
    if (it == list->end() || it->wallet != wallet) {
        Row row;
        row.wallet = wallet;
        it = list->insert(it, row);
    }
    return *it;
}
inline WalletTakings& takingsOf(QList<WalletTakings>* list, Wallet wallet)
{
    return walletRow(list, wallet);
}
// Every wallet's figures added up (wallet Unknown).
WalletTakings sumTakings(const QList<WalletTakings>& list);
// "sales 2 / 20.00  refunds 1 / 2.00  revokes 0 / 0.00  net 18.00": one
// line of a slip or of the CLI.
QString takingsText(const WalletTakings& t);

} // namespace paydesk
