#pragma once

#include "api/CoreConfig.h"
#include "api/PayDeskApi.h"
#include "api/types/Terminals.h"
#include "api/types/Users.h"
#include "channels/Channel.h"
#include "common/Clock.h"
#include "common/DiskFault.h"
#include "common/PasswordHash.h"

#include <memory>
#include <optional>

namespace paydesk {

class AuditLog;
class ShiftAccess;
class DashboardAccess;
class BackOffice;
class Channel;
class Reconciler;
class ChannelProvider;

struct EmbeddedOptions
{
    QString dataDir;        // paydesk.db and, with the sandbox, sandbox.db
    bool durable = true;    // fsync every group commit
    // Serves every routed channel that has no gateway: the in-process
    // sandbox (InProcessSandbox) of tests, test shops and the demo. Null,
    // such a wallet's codes are refused before anything is created.
    std::shared_ptr<ChannelProvider> sandbox;
    CoreConfig config;
    Clock* clock = nullptr; // default: the system clock
    // Tests only (the seeded simulation): faults of paydesk.db's disk.
    std::function<DiskFault(bool commit)> diskFault;
    // Tests only: a cheaper password hash than production's.
    std::optional<ScryptCost> userCost;
};

// The core in this process, on SQLite.
class EmbeddedApi final : public PayDeskApi
{
    Q_OBJECT
public:
    explicit EmbeddedApi(EmbeddedOptions options, QObject* parent = nullptr);
    ~EmbeddedApi() override;

    // Opens storage and channels. Returns an error text, empty on success.
    QString open();

    void pay(const PayCommand& cmd, Reply reply) override;
    void createQr(const QrCommand& cmd, Reply reply) override;
    void refund(const RefundCommand& cmd, Reply reply) override;
    void revoke(const RevokeCommand& cmd, Reply reply) override;
    void query(const QString& orderNo, Reply reply) override;
    void orderDetails(const QString& orderNo, DetailsReply reply) override;
    void orders(const OrderFilter& filter, OrdersReply reply) override;
    void alerts(bool openOnly, int limit, AlertsReply reply) override;
    void acknowledgeAlert(qint64 alertId, const QString& who, Reply reply) override;
    void reportPinLockout(const PinLockout& lockout, Reply reply) override;
    int resumeAll() override;
    bool isIdle() const override;
    int workHeldElsewhere() const override;
    QList<WalletReachability> reachability() const override;
    CounterLimits counterLimits() const override;
    BackOfficeApi& accounting() override;
    ReconApi& reconciliation() override;

    // The terminals that may call this core when it serves (paydesk-core
    // serve): enrolment and each request's signature check.
    TerminalAccess& terminalAccess();
    // The people who log in (paydesk-core user ..., login): their roles and
    // sessions.
    UserAccess& userAccess();
    // Every change people asked for (written by GuardedApi; front ends read
    // it through GuardedApi::audit()).
    AuditLog& auditLog();
    // This counter's shifts: close one, read the closed ones (front ends go
    // through GuardedApi::shifts()).
    ShiftAccess& shifts() const;
    // Takings, channel performance and open items of every counter (front
    // ends go through GuardedApi::dashboard()).
    DashboardAccess& dashboard() override;
    // This core's counter, "STORE/TERMINAL" from the configuration.
    QString counterName() const;

    // True when some channel is served by the in-process sandbox: nothing
    // it "charges" is real, and every screen and output must say so.
    bool servesSandbox() const;
    // The ledger's and reconciliation's own objects (null before open()):
    // tests look inside them. Front ends use accounting() and
    // reconciliation().
    BackOffice* backOffice() const;
    Reconciler* reconciler() const;
    // Where a channel's bills come from: the adapter that downloads them,
    // their format ("alipay" or "wechat") and the merchant they must carry.
    struct BillSource
    {
        Channel* channel = nullptr;
        bool alipayFormat = false;
        QString merchant;
    };
    // Empty channel when the name is not a configured channel.
    BillSource billSource(const QString& channelName) const;

    // A notification a gateway posted to our notify_url for `channel` (the
    // last path segment of the URL configured as that channel's notifyUrl).
    // The channel's adapter verifies it and the engine applies it before
    // this returns; a refused one raises a watch alert, one per `source`
    // (the poster's address) and minute (NotificationRefusals). The receipt
    // is the reply to send back. Only network channels take notifications.
    NotificationReceipt receiveNotification(const QString& channel, const QByteArray& body,
                                            const QString& source = QString());

    // Commits whatever is pending now (tests and shutdown).
    void flush();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace paydesk
