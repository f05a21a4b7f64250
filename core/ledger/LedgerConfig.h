#pragma once

#include "money/Money.h"

#include <QHash>
#include <QString>

#include <optional>

namespace paydesk {

// The merchant's accounting terms. Fee rates are integers of parts per
// million (0.38 % = 3800 ppm): fees are computed in integers only.
struct LedgerConfig
{
    QString merchantId = QStringLiteral("M0001");
    QHash<QString, qint64> feeRatePpm; // by channel; missing → defaultFeeRatePpm
    // 0.6 %: WeChat Pay's and Alipay's standard rate (and the sandbox's).
    qint64 defaultFeeRatePpm = 6000;
    int settlementDelayDays = 1;       // T+1: a day may be settled the day after
    int payoutsPerDay = 3;             // risk rule: at most 3 withdrawals a day
    qint64 payoutFenPerDay = 1'000'000;// and at most ¥10,000.00 a day
    // The same risk rule for each member's wallet withdrawals.
    int walletWithdrawalsPerDay = 3;
    qint64 walletWithdrawalFenPerDay = 1'000'000;

    qint64 feeRate(const QString& channel) const { return feeRatePpm.value(channel, defaultFeeRatePpm); }
    // The fee on an amount: rounded half away from zero to the fen (the
    // channels' rule), so a refund returns exactly the fee its amount carried.
    Money fee(const QString& channel, const Money& amount) const;
};

// "0.38%" or "0.0038" → 3800. At most 4 decimals of a percent (6 of a
// fraction); no signs, exponents or values of 100 % and more.
std::optional<qint64> parseFeeRatePpm(const QString& text, QString* error = nullptr);
QString formatFeeRatePpm(qint64 ppm); // "0.38%"

} // namespace paydesk
