#pragma once

#include "channels/GatewaySettings.h"
#include "domain/PaymentCode.h"
#include "store/Database.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace paydesk {

// Timing and limits of one channel. Defaults follow common practice: first query
// after a few seconds, growing intervals, revoke after ~30 s.
struct ChannelPolicy
{
    qint64 callTimeoutMs = 10'000;
    qint64 barcodeDeadlineMs = 30'000;
    qint64 qrDeadlineMs = 120'000;
    QList<qint64> pollDelaysMs = {2'000, 3'000, 5'000, 5'000, 5'000, 10'000};
    int maxPolls = 15;
    QList<qint64> revokeDelaysMs = {0, 2'000, 5'000, 10'000, 30'000, 60'000};
    int maxRevokeAttempts = 6;
    QList<qint64> refundPollDelaysMs = {5'000, 10'000, 30'000, 60'000, 300'000};
    int maxRefundPolls = 10;
};

struct EngineConfig
{
    QString storeId = QStringLiteral("0001");
    QString terminalId = QStringLiteral("0001");
    // Which channel takes each wallet's codes. UnionPay codes go through an
    // acquirer that speaks one of the other protocols, as aggregators do.
    QHash<Wallet, QString> routes = {
        {Wallet::WeChat, QStringLiteral("wechat")},
        {Wallet::Alipay, QStringLiteral("alipay")},
        {Wallet::UnionPay, QStringLiteral("unionpay")},
    };
    // Further acquirers for a wallet's codes, tried in order when the one
    // before refused a payment for a reason of its own (rerouteCodes), in an
    // answer it signed. Never after a timeout or an unknown outcome (the
    // first may still take the money), nor when the customer's side failed
    // (another acquirer would fail the same way).
    QHash<Wallet, QStringList> fallbackRoutes;
    // The refusals that are the acquirer's, not the customer's: its setup
    // or permissions for this merchant (WeChat Pay V2 micropay err_codes).
    // Alipay's setup refusals are not listed: its adapter maps them to
    // Unknown, so they are never re-routed.
    QStringList rerouteCodes = {QStringLiteral("NOAUTH"), QStringLiteral("APPID_NOT_EXIST"),
                                QStringLiteral("MCHID_NOT_EXIST"),
                                QStringLiteral("APPID_MCHID_NOT_MATCH"),
                                QStringLiteral("SIGNERROR")};
    QHash<QString, ChannelPolicy> policies; // by channel name; missing → defaultPolicy
    ChannelPolicy defaultPolicy;
    qint64 maxAmountFen = 10'000'000;   // ¥100,000.00 per sale: bigger is a typo
    qint64 largeAmountFen = 500'000;    // ¥5,000.00 raises a watch alert
    int networkErrorsPerMinute = 12;    // per channel, pages when reached
    // How long an order's work lease lasts unless renewed (every third of
    // it): when its holder dies, another process takes the order's
    // unfinished items over within about this long plus a third.
    qint64 leaseMs = 6'000;
    // The name on this engine's leases; empty: host/pid/random, unique per
    // process start.
    QString leaseHolder;
    // Channels reached over the network, by channel name. A wallet routed
    // to a channel not listed here takes no codes, unless `sandbox` is set.
    QHash<QString, GatewaySettings> gateways;
    // A test shop: channels without a gateway are served by the in-process
    // sandbox acquirer (nothing is really charged). Only ever when asked
    // for ("sandbox": true), never as a fallback for a missing gateway.
    bool sandbox = false;
    // Where the engine keeps its tables: PostgreSQL when set ("database" in
    // the configuration file), else SQLite paydesk.db in the data directory.
    // The sandbox keeps its own SQLite file either way.
    std::optional<DatabaseConfig> database;

    // A wallet's acquirers in the order they are tried: its route, then
    // its fallbacks.
    QStringList routeChain(Wallet wallet) const
    {
        return QStringList{routes.value(wallet)} + fallbackRoutes.value(wallet);
    }
    // The wallet whose codes `channel` takes, as route or fallback; Unknown
    // when none.
    Wallet walletOf(const QString& channel) const
    {
        for (auto it = routes.cbegin(); it != routes.cend(); ++it)
            if (routeChain(it.key()).contains(channel))
                return it.key();
        return Wallet::Unknown;
    }

    const ChannelPolicy& policy(const QString& channel) const
    {
        auto it = policies.constFind(channel);
        return it == policies.cend() ? defaultPolicy : *it;
    }
};

} // namespace paydesk
