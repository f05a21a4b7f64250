#pragma once

#include "channels/ChannelResult.h"
#include "sandbox/acquirer/RawXml.h"
#include "sandbox/acquirer/Trade.h"

namespace paydesk::sandbox {

// The acquirer's answers as ChannelResults with WeChat-style codes, each
// with its raw WeChat-V2-like response.

// WeChat V2: return_code is the transport verdict (always SUCCESS here: the
// sandbox answered), result_code the business one, err_code the reason.
RawXml responseXml(const ChannelResult& r, bool businessOk);

// `r` refused with `code`, for the cashier to read in `message`.
ChannelResult failed(ChannelResult r, TradeStatus status, const QString& code,
                     const QString& message);

// The store failed: the outcome is unknown to the caller (query later).
ChannelResult storageError(const ChannelResult& request, const QString& dbError);

// What the cashier reads for a PAYERROR trade's error code.
QString failureText(const QString& errorCode);

// A pay's answer for the trade as it stands; a repeated pay with a known
// payment number gets the same (idempotent, like WeChat).
ChannelResult payAnswerFor(ChannelResult r, const Trade& t);

} // namespace paydesk::sandbox
