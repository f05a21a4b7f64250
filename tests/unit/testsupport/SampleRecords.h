#pragma once

#include "domain/Records.h"

#include <QList>
#include <QStringList>

namespace paydesk::test {

// Rows as the engine stores them, for tests that write a store directly.
// Row i is numbered PO00000i / PA00000i (channel trade T00000i, refund
// RF00000i, channel refund CR00000i), worth 100 + i fen, made i days after
// kSampleStartMs.
constexpr qint64 kSampleDayMs = 86'400'000;
constexpr qint64 kSampleStartMs = 1'767'225'600'000; // 2026-01-01 00:00 UTC

OrderRecord sampleOrder(int i, OrderState state = OrderState::Paid);
PaymentRecord samplePayment(const OrderRecord& o, const QString& codeMasked,
                            PaymentState state = PaymentState::Success);
// 0.50 of the payment back, succeeded.
RefundRecord sampleRefund(const PaymentRecord& p);
QStringList orderNumbers(const QList<OrderRecord>& orders);

} // namespace paydesk::test
