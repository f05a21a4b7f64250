#include "cashier/SaleView.h"

#include "orders/TimelineTexts.h"

#include "api/types/Commands.h"

namespace paydesk::ui {

namespace {

const PaymentRecord* lastPayment(const OrderDetails& d)
{
    return d.payments.isEmpty() ? nullptr : &d.payments.constLast();
}

const RevokeRecord* revokeOf(const OrderDetails& d, const QString& paymentNo)
{
    for (const RevokeRecord& r : d.revokes)
        if (r.paymentNo == paymentNo)
            return &r;
    return nullptr;
}

QString money(qint64 fen)
{
    return Money::fromFen(fen).toDisplayString();
}

} // namespace

QString SaleText::walletLabel(Wallet w)
{
    switch (w) {
    case Wallet::WeChat:
        return tr("WeChat Pay");
    case Wallet::Alipay:
        return tr("Alipay");
    case Wallet::UnionPay:
        return tr("UnionPay");
    case Wallet::Unknown:
        break;
    }
    return tr("unknown wallet");
}

QString SaleText::orderStateLabel(OrderState s)
{
    switch (s) {
    case OrderState::Pending:
        return tr("in progress");
    case OrderState::Paid:
        return tr("paid");
    case OrderState::Closed:
        return tr("not paid");
    case OrderState::Attention:
        return tr("needs attention");
    case OrderState::PartiallyRefunded:
        return tr("partly refunded");
    case OrderState::Refunded:
        return tr("refunded");
    }
    return tr("unknown");
}

QString SaleText::countdown(qint64 remainingMs)
{
    const qint64 s = qMax<qint64>(0, (remainingMs + 999) / 1000);
    return tr("%1 s left before it is revoked automatically").arg(s);
}

SaleView SaleText::idle()
{
    SaleView v;
    v.headline = tr("Ready");
    v.nextStep = tr("Enter the amount, then scan the customer's payment code.");
    return v;
}

SaleView SaleText::starting(qint64 amountFen)
{
    SaleView v;
    v.phase = SalePhase::Starting;
    v.tone = SaleTone::Busy;
    v.amountFen = amountFen;
    v.headline = tr("Starting %1…").arg(money(amountFen));
    v.nextStep = tr("Wait a moment.");
    return v;
}

SaleView SaleText::waitingForServer(const SaleView& last)
{
    SaleView v = last;
    v.tone = SaleTone::Warning;
    v.canRevoke = false; // a revoke could not be sent either
    v.headline = tr("Waiting for the PayDesk server…");
    v.detail = tr("The link to the server dropped during this sale. The server keeps the "
                  "sale's outcome; it shows here as soon as the link is back.");
    v.nextStep = tr("Do not charge this sale again. Wait, or check the network.");
    return v;
}

SaleView SaleText::refused(const CommandOutcome& outcome, qint64 amountFen)
{
    SaleView v;
    v.phase = SalePhase::Refused;
    v.tone = SaleTone::Failure;
    v.final = true;
    v.amountFen = amountFen;
    v.orderNo = outcome.orderNo;
    v.headline = tr("Not started");
    v.detail = outcome.message;
    switch (outcome.status) {
    case CommandStatus::InvalidPaymentCode:
        v.nextStep = tr("Nothing was charged. Scan the customer's payment code again.");
        break;
    case CommandStatus::InvalidArgument:
        v.nextStep = tr("Nothing was charged. Check the amount and try again.");
        break;
    case CommandStatus::StorageError:
        v.nextStep = tr("Nothing was charged. Restart PayDesk, then charge again.");
        break;
    case CommandStatus::NoChannel:
        v.nextStep = tr("Nothing was charged. This wallet is not set up: ask for another one.");
        break;
    case CommandStatus::ChannelUnreachable:
        v.nextStep = tr("Nothing was charged. The payment service is down: try again in a "
                        "moment, or take another way to pay.");
        break;
    case CommandStatus::ServerUnreachable:
        v.nextStep = tr("Nothing was charged. The PayDesk server cannot be reached: check the "
                        "network, then charge again.");
        break;
    case CommandStatus::Forbidden:
        v.nextStep = tr("Nothing was charged. Your role may not do this: ask a supervisor.");
        break;
    case CommandStatus::Unauthenticated:
        v.nextStep = tr("Nothing was charged. Log in again: File → Switch user.");
        break;
    default:
        v.nextStep = tr("Nothing was charged. Read the message, then try again.");
        break;
    }
    return v;
}

SaleView SaleText::describe(const OrderDetails& d)
{
    SaleView v;
    v.orderNo = d.order.orderNo;
    v.amountFen = d.order.amount.fen();
    if (!d.events.isEmpty())
        v.lastStep = timelineMessage(d.events.constLast());
    const PaymentRecord* p = lastPayment(d);
    const RevokeRecord* rv = p ? revokeOf(d, p->paymentNo) : nullptr;
    const QString amount = money(v.amountFen);
    const QString wallet = p ? walletLabel(p->wallet) : QString();
    const bool revokeRunning =
        rv && (rv->state == RevokeState::Requested || rv->state == RevokeState::Retrying);
    const bool paymentOpen = p && !isFinal(p->state);

    if (d.order.state == OrderState::Pending || revokeRunning ||
        (paymentOpen && d.order.state != OrderState::Attention)) {
        v.tone = SaleTone::Busy;
        v.deadlineAtMs = p ? p->deadlineAtMs : 0;
        if (revokeRunning) {
            v.phase = SalePhase::Revoking;
            v.headline = tr("Revoking…");
            v.detail = rv->attempts > 0
                           ? tr("Revoke attempt %1 at %2.").arg(rv->attempts).arg(wallet)
                           : tr("The revoke is being sent to %1.").arg(wallet);
            v.nextStep = tr("Wait: the payment is being cancelled. Do not charge again yet.");
            v.deadlineAtMs = 0;
            return v;
        }
        if (!p || p->state == PaymentState::Created) {
            v.phase = SalePhase::Sending;
            v.headline = tr("Sent to %1…").arg(wallet);
            v.detail = tr("%1 is being charged.").arg(amount);
            v.nextStep = tr("Wait for the answer.");
        } else if (p->kind == PaymentKind::Qr) {
            v.phase = SalePhase::WaitingForScan;
            v.headline = tr("Waiting for the customer to scan");
            v.detail = p->pollCount > 0
                           ? tr("Checked with %1 %n time(s).", nullptr, p->pollCount).arg(wallet)
                           : tr("The code is valid until the countdown ends.");
            v.nextStep = tr("Ask the customer to scan the code with %1.").arg(wallet);
        } else if (p->returnCode == QLatin1String("USERPAYING")) {
            v.phase = SalePhase::WaitingForPassword;
            v.headline = tr("Waiting for the customer's password");
            v.detail = p->pollCount > 0
                           ? tr("Checked with %1 %n time(s).", nullptr, p->pollCount).arg(wallet)
                           : tr("%1 asked the customer to confirm.").arg(wallet);
            v.nextStep = tr("Ask the customer to confirm the payment on the phone.");
        } else {
            v.phase = SalePhase::Checking;
            v.headline = p->pollCount > 0
                             ? tr("Checking with %1 (attempt %2)").arg(wallet).arg(p->pollCount)
                             : tr("No clear answer yet from %1").arg(wallet);
            v.detail = tr("The outcome is not known yet; the payment is checked automatically.");
            v.nextStep = tr("Wait. Do not charge again: the customer may already have paid.");
        }
        if (d.order.state == OrderState::Pending && p && !rv) {
            v.canRevoke = true;
            v.revokeLabel = p->state == PaymentState::Success
                                ? tr("Revoke: return the money to the customer")
                                : tr("Revoke: cancel the payment (returned if already paid)");
        }
        return v;
    }

    v.final = true;
    switch (d.order.state) {
    case OrderState::Paid:
    case OrderState::PartiallyRefunded:
        v.phase = SalePhase::Paid;
        v.tone = SaleTone::Success;
        v.headline = tr("Paid %1").arg(amount);
        v.detail = tr("Paid with %1. Order %2.").arg(wallet, d.order.orderNo);
        v.nextStep = tr("Hand over the receipt, then press New sale.");
        break;
    case OrderState::Refunded:
        v.phase = SalePhase::Returned;
        v.tone = SaleTone::Warning;
        v.headline = tr("Money returned");
        v.detail =
            rv && rv->action == QLatin1String("refund")
                ? tr("The payment was revoked after it went through: %1 went back to the customer.")
                      .arg(amount)
                : tr("%1 was refunded to the customer.").arg(amount);
        v.nextStep = tr("Nothing is kept for this sale. Charge again if the customer still buys.");
        break;
    case OrderState::Closed:
        if (rv && rv->state == RevokeState::Done) {
            v.phase = SalePhase::Revoked;
            v.tone = SaleTone::Warning;
            v.headline = tr("Revoked: not paid");
            v.detail = tr("The payment was cancelled before any money was taken.");
            v.nextStep = tr("Ask the customer to pay again, or start a new sale.");
        } else {
            v.phase = SalePhase::NotPaid;
            v.tone = SaleTone::Failure;
            v.headline = tr("Not paid");
            const QString code = p ? p->returnCode : QString();
            if (code == QLatin1String("NOTENOUGH"))
                v.detail = tr("The customer's balance is not enough.");
            else if (code == QLatin1String("AUTHCODEEXPIRE"))
                v.detail = tr("The payment code has expired.");
            else if (code == QLatin1String("NOT_CONNECTED"))
                v.detail = tr("The payment service could not be reached, so nothing was sent "
                              "and nothing was charged.");
            else
                v.detail = p && !p->message.isEmpty() ? p->message
                                                      : tr("The channel refused the payment.");
            v.nextStep = tr("Nothing was taken. Ask for a new payment code or another way to pay.");
        }
        break;
    case OrderState::Attention:
        v.phase = SalePhase::NeedsAttention;
        v.tone = SaleTone::Failure;
        v.headline = tr("Needs attention");
        v.detail = tr("The payment could not be cancelled, so whether money was taken is unknown.");
        v.nextStep = tr("Do not charge again. Call a supervisor with order %1; support checks it "
                        "with the channel.")
                         .arg(d.order.orderNo);
        break;
    case OrderState::Pending:
        break;
    }
    return v;
}

} // namespace paydesk::ui
