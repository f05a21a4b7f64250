#include "ledger/EnginePostings.h"

#include "common/ChinaTime.h"
#include "ledger/Accounts.h"
#include "ledger/Ledger.h"
#include "ledger/SettlementStore.h"

namespace paydesk {

EnginePostings::EnginePostings(Ledger& ledger, SettlementStore& clearing, LedgerConfig config)
    : m_ledger(ledger), m_clearing(clearing), m_config(std::move(config))
{}

MoneyMovements::Outcome EnginePostings::post(const QString& key, const QString& refKind,
                                             const QString& refNo, const QString& orderNo,
                                             const QString& channel, const Money& amount,
                                             bool moneyIn, const QDate& clearingDay)
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
    c.businessDate = clearingDay.isValid() ? clearingDay : chinaTime(t.entry().atMs).date();
    c.amountFen = moneyIn ? amount.fen() : -amount.fen();
    c.feeFen = moneyIn ? fee.fen() : -fee.fen();
    c.currency = amount.currency();
    c.atMs = t.entry().atMs;
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
                p.amount, true, clearingDay);
}

MoneyMovements::Outcome EnginePostings::reversalOn(const PaymentRecord& p, const QDate& clearingDay)
{
    return post(reversalKey(p.paymentNo), refkind::reversal, p.paymentNo, p.orderNo, p.channel,
                p.amount, false, clearingDay);
}

MoneyMovements::Outcome EnginePostings::refundOn(const RefundRecord& r, const QString& channel,
                                                 const QDate& clearingDay)
{
    return post(refundKey(r.refundNo), refkind::refund, r.refundNo, r.orderNo, channel, r.amount,
                false, clearingDay);
}

} // namespace paydesk
