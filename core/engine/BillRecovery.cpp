// Completing our side of a payment from the channel's bill (reconciliation's
// "recovery", approved by two people before it reaches the engine).
#include "engine/PaymentEngine.h"

namespace paydesk {

namespace {

const QString kSource = QStringLiteral("reconciliation");

} // namespace

CommandOutcome PaymentEngine::recoverPayment(const RecoverPaymentCommand& cmd)
{
    Q_ASSERT(cmd.billDay.isValid());
    if (cmd.paymentNo.isEmpty() || !cmd.amount.isPositive())
        return CommandOutcome::error(
            CommandStatus::InvalidArgument,
            QStringLiteral("a recovered payment needs the bill's merchant number and an amount "
                           "above 0"));
    const QString why = QStringLiteral("the %1 bill of %2 shows it paid %3 (trade %4); %5")
                            .arg(cmd.channel, cmd.billDay.toString(Qt::ISODate),
                                 cmd.amount.toDisplayString(), cmd.channelTradeNo, cmd.approval);
    if (auto p = m_store.payment(cmd.paymentNo)) {
        QString refusal;
        if (p->channel != cmd.channel)
            refusal = QStringLiteral("payment %1 went through %2, not %3")
                          .arg(p->paymentNo, p->channel, cmd.channel);
        else if (p->amount != cmd.amount)
            refusal =
                QStringLiteral("payment %1 is for %2, the bill says %3: that is an amount "
                               "difference, not a missing payment")
                    .arg(p->paymentNo, p->amount.toDisplayString(), cmd.amount.toDisplayString());
        else if (p->state == PaymentState::Success)
            refusal = QStringLiteral("payment %1 is already paid here").arg(p->paymentNo);
        else if (isFinal(p->state))
            refusal = QStringLiteral("payment %1 is %2 because %3 said so at the time; PayDesk "
                                     "never turns that into money taken. Ask %3 to return the "
                                     "money to the customer, then resolve the difference with "
                                     "their reference.")
                          .arg(p->paymentNo, paymentStateName(p->state), p->channel);
        if (!refusal.isEmpty())
            return CommandOutcome::error(CommandStatus::InvalidState, refusal);

        if (p->channelTradeNo.isEmpty())
            p->channelTradeNo = cmd.channelTradeNo;
        if (!movePayment(*p, PaymentState::Success, kSource, QStringLiteral("recovered: ") + why,
                         cmd.billDay))
            return CommandOutcome::error(
                CommandStatus::InvalidState,
                QStringLiteral("payment %1 changed meanwhile; look at it again").arg(p->paymentNo));
        onPaymentSucceeded(*p);
        // A revoke that gave up is asked to try again: the sale it was meant
        // to undo must still not keep the money.
        if (auto rv = m_store.revokeOfPayment(p->paymentNo); rv && rv->state == RevokeState::Manual)
            retryManualRevoke(*rv, kSource,
                              QStringLiteral("the bill shows the payment paid: returning it"));
        CommandOutcome out;
        out.orderNo = p->orderNo;
        out.message = QStringLiteral("payment %1 of order %2 completed from the bill")
                          .arg(p->paymentNo, p->orderNo);
        return out;
    }

    // No trace of it: the sale happened without us (a dropped order).
    const Wallet wallet = m_config.walletOf(cmd.channel);
    OrderRecord o = newOrder(m_ids.next(IdKind::Order),
                             QStringLiteral("recovered:") + cmd.paymentNo, cmd.amount,
                             QStringLiteral("recovered from the %1 bill of %2")
                                 .arg(cmd.channel, cmd.billDay.toString(Qt::ISODate)));
    // Paid already: no deadline to wait for.
    PaymentRecord p = newPayment(cmd.paymentNo, o, PaymentKind::Barcode, wallet, cmd.channel, 0);
    p.channelTradeNo = cmd.channelTradeNo;
    if (!m_store.insertOrder(o) || !m_store.insertPayment(p))
        return CommandOutcome::error(CommandStatus::StorageError, m_store.lastError());
    track(o.orderNo, kSource, QStringLiteral("created"), o.orderNo,
          QStringLiteral("order recreated for payment %1, which the channel billed but PayDesk "
                         "had no trace of")
              .arg(cmd.paymentNo),
          {}, {}, orderStateName(o.state));
    movePayment(p, PaymentState::Success, kSource, QStringLiteral("recovered: ") + why,
                cmd.billDay);
    o.paidPaymentNo = p.paymentNo;
    moveOrder(
        o, OrderState::Paid, kSource,
        QStringLiteral("paid %1 (recovered from the bill)").arg(cmd.amount.toDisplayString()));
    CommandOutcome out;
    out.orderNo = o.orderNo;
    out.message = QStringLiteral("order %1 created for payment %2 from the bill")
                      .arg(o.orderNo, cmd.paymentNo);
    return out;
}

} // namespace paydesk
