#include "ledger/EnginePostings.h"

#include "api/types/Accounts.h"
#include "common/ChinaTime.h"
#include "ledger/Ledger.h"
#include "ledger/SettlementStore.h"

#include <algorithm>

namespace paydesk {

EnginePostings::EnginePostings(Ledger& ledger, SettlementStore& clearing, LedgerConfig config)
    : m_ledger(ledger), m_clearing(clearing), m_config(std::move(config))
{}

MoneyMovements::Outcome EnginePostings::post(const QString& key, const QString& refKind,
                                             const QString& refNo, const QString& orderNo,
                                             const QString& channel, const Money& amount,
                                             bool moneyIn, const ClearingWhen& clearing)
{
    const QString receivable = accounts::channelReceivable(channel);
    const QString pending = accounts::merchantPending(m_config.merchantId);
    LedgerTransaction t(m_ledger, key, refKind, refNo, orderNo,
                        QStringLiteral("%1 via %2").arg(refKind, channel));
    if (moneyIn)
        t.debit(receivable, amount).credit(pending, amount);
    else
        t.debit(pending, amount).credit(receivable, amount);
    QString error;
    const PostResult r = t.commit(&error);
    if (r == PostResult::AlreadyPosted)
        return {};
    if (r != PostResult::Posted)
        return {false, error};

    const Money fee = m_config.fee(channel, amount);
    ClearingItem c;
    c.refKey = key;
    c.merchantId = m_config.merchantId;
    c.channel = channel;
    c.orderNo = orderNo;
    c.atMs = clearing.atMs > 0 ? clearing.atMs : t.entry().atMs;
    c.businessDate = clearing.day.isValid() ? clearing.day : chinaTime(c.atMs).date();
    c.amountFen = moneyIn ? amount.fen() : -amount.fen();
    c.feeFen = moneyIn ? fee.fen() : -fee.fen();
    c.currency = amount.currency();
    if (clearing.settledThatDay)
        c.settledFor = c.businessDate;
    if (m_clearing.insertClearing(c) < 0)
        return {false, m_clearing.lastError()};
    const QString note =
        QStringLiteral("ledger entry %1: Dr %2 %3, Cr %4 %3; fee %5 %6 at settlement of %7")
            .arg(key, moneyIn ? receivable : pending, amount.toPlainString(),
                 moneyIn ? pending : receivable,
                 Money::fromFen(c.feeFen, c.currency).toPlainString(),
                 moneyIn ? QStringLiteral("due") : QStringLiteral("returned"),
                 c.businessDate.toString(Qt::ISODate));
    return {true, note};
}

MoneyMovements::Outcome EnginePostings::paymentCaptured(const PaymentRecord& p,
                                                        const QDate& clearingDay)
{
    return post(paymentKey(p.paymentNo), refkind::payment, p.paymentNo, p.orderNo, p.channel,
                p.amount, true, ClearingWhen{clearingDay});
}

MoneyMovements::Outcome EnginePostings::paymentReversed(const PaymentRecord& p)
{
    return post(reversalKey(p.paymentNo), refkind::reversal, p.paymentNo, p.orderNo, p.channel,
                p.amount, false);
}

MoneyMovements::Outcome EnginePostings::refundSucceeded(const RefundRecord& r,
                                                        const QString& channel)
{
    return post(refundKey(r.refundNo), refkind::refund, r.refundNo, r.orderNo, channel, r.amount,
                false);
}

MoneyMovements::Outcome EnginePostings::postBeforeLedger(Movement m, const QString& refNo,
                                                         const QString& orderNo,
                                                         const QString& channel,
                                                         const Money& amount, qint64 movedAtMs)
{
    Q_ASSERT(movedAtMs > 0);
    const QString& refKind = m == Movement::Capture    ? refkind::payment
                             : m == Movement::Reversal ? refkind::reversal
                                                       : refkind::refund;
    return post(keyOf(m, refNo), refKind, refNo, orderNo, channel, amount, m == Movement::Capture,
                ClearingWhen{{}, movedAtMs, true});
}

MoneyMovements::Outcome EnginePostings::settleOutside(const QString& key, const Currency& currency,
                                                      const QMap<QString, qint64>& netFenByChannel)
{
    if (std::all_of(netFenByChannel.cbegin(), netFenByChannel.cend(),
                    [](qint64 fen) { return fen == 0; }))
        return {}; // nothing to move
    LedgerTransaction t(m_ledger, key, refkind::settlement, key, QString(),
                        QStringLiteral("movements from before the ledger: the channel paid the "
                                       "merchant outside PayDesk"));
    qint64 totalFen = 0;
    for (auto it = netFenByChannel.cbegin(); it != netFenByChannel.cend(); ++it) {
        if (it.value() == 0)
            continue;
        const Money m = Money::fromFen(qAbs(it.value()), currency);
        if (it.value() > 0)
            t.credit(accounts::channelReceivable(it.key()), m);
        else
            t.debit(accounts::channelReceivable(it.key()), m);
        totalFen += it.value();
    }
    if (totalFen > 0)
        t.debit(accounts::merchantPending(m_config.merchantId), Money::fromFen(totalFen, currency));
    else if (totalFen < 0)
        t.credit(accounts::merchantPending(m_config.merchantId),
                 Money::fromFen(-totalFen, currency));
    QString error;
    switch (t.commit(&error)) {
    case PostResult::Posted:
    case PostResult::AlreadyPosted:
        return {true, key};
    default:
        return {false, error};
    }
}

} // namespace paydesk
