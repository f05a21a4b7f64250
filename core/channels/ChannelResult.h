#pragma once

#include "domain/States.h"
#include "money/Money.h"

#include <QString>

namespace paydesk {

// The unified answer of every trade call and every query (ARCHITECTURE.md:
// "Unified status contract").
// Only Success and Failed are final and fully trusted. A timeout is Processing,
// never Failed; an exception or an unlisted code is Unknown.
struct ChannelResult
{
    TradeStatus status = TradeStatus::Unknown;
    QString requestNo;      // our number for the call (payment, refund or revoke no.)
    QString channelTradeNo; // the channel's number, when it gave one
    QString returnCode;     // the channel's own code, verbatim (e.g. USERPAYING, 10003)
    QString message;        // the channel's text, for the track
    QString rawRequest;     // as sent, masked before it is stored
    QString rawResponse;    // as received, masked before it is stored

    // Query only: the channel has no such trade (yet). Not a failure right
    // after a payment: the channel may be slow to record it.
    bool tradeNotFound = false;
    // Revoke only: the channel asks to call revoke again (WeChat recall=Y,
    // Alipay retry_flag=Y).
    bool retry = false;
    // Revoke only: what the revoke did: "close" (unpaid) or "refund" (paid).
    QString revokeAction;
    // Precreate only: the URL to show as a QR code.
    QString codeUrl;
    // A successful payment as the channel recorded it, when it says so
    // (0 otherwise): the amount in fen and when it was paid.
    qint64 paidFen = 0;
    qint64 paidAtMs = 0;
    // Set by the engine, not the channel: the call timed out locally.
    bool timedOut = false;
    // The call never left this machine (connection refused, host not found,
    // TLS handshake failed, too many calls queued): the channel cannot have
    // seen it. Status stays Unknown; what it proves is the caller's to say.
    bool notSent = false;
    // No answer came back at all (not sent, timed out, the connection
    // broke): the channel is unreachable for now. Any answer, even an
    // error, means it is up.
    bool noAnswer = false;

    bool isFinal() const { return status == TradeStatus::Success || status == TradeStatus::Failed; }

    static ChannelResult timeout(const QString& requestNo)
    {
        ChannelResult r;
        r.status = TradeStatus::Processing;
        r.requestNo = requestNo;
        r.returnCode = QStringLiteral("LOCAL_TIMEOUT");
        r.message = QStringLiteral("no answer from the channel before the timeout");
        r.timedOut = true;
        r.noAnswer = true;
        return r;
    }
};

} // namespace paydesk
