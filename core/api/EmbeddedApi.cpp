#include "api/EmbeddedApi.h"

#include "api/EmbeddedBackOffice.h"
#include "api/EmbeddedRecon.h"

#include "access/AuditLog.h"
#include "access/TerminalRegistry.h"
#include "access/UserDirectory.h"
#include "api/EmbeddedDashboard.h"
#include "api/NotificationRefusals.h"
#include "channels/ChannelProvider.h"
#include "channels/GatewayChannels.h"
#include "engine/PaymentEngine.h"
#include "engine/RecordedMovements.h"
#include "engine/Scheduler.h"
#include "ids/IdGenerator.h"
#include "ledger/BackOffice.h"
#include "ledger/ShiftBook.h"
#include "ledger/TakingsBook.h"
#include "recon/Reconciler.h"
#include "store/CachingStore.h"
#include "store/Database.h"
#include "store/SqlStore.h"

#include <QDir>
#include <QFileInfo>
#include <QMetaMethod>

namespace paydesk {

struct EmbeddedApi::Impl
{
    EmbeddedOptions options;
    SystemClock systemClock;
    Clock* clock = nullptr;
    Database db;
    std::unique_ptr<SqlStore> sqlStore;
    std::unique_ptr<CachingStore> store;
    std::unique_ptr<StoreMovements> movements; // the back office reads the engine's through it
    std::unique_ptr<OrderNumberGenerator> ids;
    std::unique_ptr<Scheduler> scheduler;
    // Channels served by the provider (the sandbox), by name.
    QHash<QString, Channel*> providedChannels;
    std::vector<GatewayChannel> gatewayChannels;
    std::unique_ptr<PaymentEngine> engine;
    std::unique_ptr<BackOffice> backOffice;
    std::unique_ptr<Reconciler> reconciler;
    std::unique_ptr<EmbeddedBackOffice> accounting;
    std::unique_ptr<EmbeddedRecon> reconciliation;
    std::unique_ptr<NotificationRefusals> refusals; // after engine: goes first
    std::unique_ptr<TerminalRegistry> terminals;
    std::unique_ptr<UserDirectory> users;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<ShiftBook> shifts;
    std::unique_ptr<TakingsBook> takings;
    std::unique_ptr<EmbeddedDashboard> dashboard;
    bool failed = false;

    // The network channel named `name`; null when there is none.
    Channel* gatewayChannel(const QString& name) const
    {
        for (const GatewayChannel& g : gatewayChannels)
            if (g.channel->name() == name)
                return g.channel.get();
        return nullptr;
    }
};

EmbeddedApi::EmbeddedApi(EmbeddedOptions options, QObject* parent)
    : PayDeskApi(parent), d(std::make_unique<Impl>())
{
    d->options = std::move(options);
    d->clock = d->options.clock ? d->options.clock : &d->systemClock;
}

EmbeddedApi::~EmbeddedApi()
{
    if (d->db.isOpen() && !d->failed) {
        // What is left unfinished is another process's to take at once.
        if (d->engine)
            d->engine->releaseLeases();
        d->db.flush();
    }
    // Closing tells every callback still waiting (after a storage failure:
    // that it failed). They belong to the engine, ledger and channels, so
    // that happens while those still exist.
    d->db.close();
    d->reconciliation.reset();
    d->accounting.reset();
    d->users.reset();
    d->shifts.reset();
    d->dashboard.reset();
    d->takings.reset();
    d->audit.reset();
    d->terminals.reset();
    d->engine.reset();
    d->reconciler.reset();
    d->backOffice.reset();
    d->gatewayChannels.clear();
    d->providedChannels.clear();
    d->options.sandbox.reset();
}

QString EmbeddedApi::open()
{
    if (!QDir().mkpath(d->options.dataDir))
        return QStringLiteral("cannot create data directory %1").arg(d->options.dataDir);
    DatabaseConfig cfg;
    const QString sqlitePath = QDir(d->options.dataDir).filePath(QStringLiteral("paydesk.db"));
    if (d->options.config.database) {
        // A data directory's own database is never left behind silently:
        // its unfinished payments would never be resumed.
        if (QFileInfo::exists(sqlitePath))
            return QStringLiteral("%1 holds this data directory's own database (paydesk.db), "
                                  "but the configuration names a PostgreSQL database. PayDesk "
                                  "does not move data between them: use a new data directory "
                                  "with PostgreSQL, or remove \"database\" from the "
                                  "configuration")
                .arg(d->options.dataDir);
        cfg = *d->options.config.database;
    } else {
        cfg.sqlitePath = sqlitePath;
    }
    cfg.durable = d->options.durable;
    cfg.diskFault = d->options.diskFault;
    if (QString e = d->db.open(cfg, SqlStore::schemaName(), SqlStore::migrations()); !e.isEmpty())
        return e;
    d->sqlStore = std::make_unique<SqlStore>(d->db);
    d->store = std::make_unique<CachingStore>(*d->sqlStore, d->db);
    d->movements = std::make_unique<StoreMovements>(*d->store);
    // Migrated before anything writes (the ledger's backfill opens a batch).
    d->terminals = std::make_unique<TerminalRegistry>(
        d->db, *d->clock, TerminalPolicy{}, [this](const QString& kind, const QString& message) {
            if (d->engine)
                d->engine->raiseExternalAlert(AlertLevel::Watch, kind, QString(), message);
        });
    if (QString e = d->terminals->open(); !e.isEmpty())
        return e;
    UserPolicy userPolicy;
    userPolicy.sessionIdleMs = d->options.config.sessionIdleMs;
    if (d->options.userCost)
        userPolicy.cost = *d->options.userCost;
    d->users = std::make_unique<UserDirectory>(
        d->db, *d->clock, userPolicy, [this](const QString& kind, const QString& message) {
            if (d->engine)
                d->engine->raiseExternalAlert(AlertLevel::Watch, kind, QString(), message);
        });
    if (QString e = d->users->open(); !e.isEmpty())
        return e;
    d->audit = std::make_unique<AuditLog>(d->db, *d->clock);
    if (QString e = d->audit->open(); !e.isEmpty())
        return e;
    d->users->setAuditLog(d->audit.get(), counterName());
    d->shifts = std::make_unique<ShiftBook>(d->db, *d->clock, d->options.config.storeId,
                                            d->options.config.terminalId);
    if (QString e = d->shifts->open(); !e.isEmpty())
        return e;
    connect(&d->db, &Database::storageFailed, this, [this](const QString& msg) {
        d->failed = true;
        Q_EMIT fatalError(msg);
    });

    const CoreConfig& ec = d->options.config;
    const QString leaseKey = QStringLiteral("ids.lease.") + ec.storeId + QLatin1Char('.') + ec.terminalId;
    // The range is read and moved inside the write transaction, which holds
    // the writers' lock (SQLite's IMMEDIATE, PostgreSQL's advisory lock):
    // two processes on one terminal's numbers never get the same
    // milliseconds, and the reservation is durable with the numbers issued
    // under it (a lost batch loses both).
    d->ids = std::make_unique<OrderNumberGenerator>(
        *d->clock, ec.storeId, ec.terminalId,
        [this, leaseKey](qint64 fromMs, qint64 lengthMs) -> std::optional<qint64> {
            if (!d->db.beginWrite())
                return std::nullopt;
            const std::optional<QString> stored = d->sqlStore->meta(leaseKey);
            const qint64 start = qMax(fromMs, stored.value_or(QStringLiteral("0")).toLongLong());
            if (!d->store->setMeta(leaseKey, QString::number(start + lengthMs)))
                return std::nullopt;
            return start;
        });
    d->scheduler = std::make_unique<Scheduler>(*d->clock);
    d->engine = std::make_unique<PaymentEngine>(*d->clock, *d->store, *d->ids, *d->scheduler, ec);
    d->backOffice = std::make_unique<BackOffice>(
        d->db, *d->clock, ec.ledger, ec.storeId,
        [this](const QString& orderNo) -> std::optional<Money> {
            const auto o = d->store->order(orderNo);
            if (!o || (o->state != OrderState::Paid))
                return std::nullopt;
            return o->amount;
        },
        *d->movements);
    if (QString e = d->backOffice->open(); !e.isEmpty())
        return e;
    d->backOffice->ledger().setAlertSink([this](const QString& kind, const QString& orderNo, const QString& msg) {
        d->engine->raiseExternalAlert(AlertLevel::Page, kind, orderNo, msg);
    });
    d->engine->setMoneyMovements(&d->backOffice->engineSink());
    ReconConfig recon = ec.recon;
    recon.billsDir = QDir(d->options.dataDir).filePath(QStringLiteral("bills"));
    d->reconciler = std::make_unique<Reconciler>(d->db, *d->clock, d->backOffice->ledger(), recon);
    if (QString e = d->reconciler->open(); !e.isEmpty())
        return e;
    if (d->backOffice->backfillPending()) {
        const BackfillReport r = d->backOffice->backfill();
        if (!r.error.isEmpty())
            return QStringLiteral("cannot record in the ledger the payments made before it "
                                  "existed (%1). Nothing was lost: fix the cause (disk space, "
                                  "file permissions, or the database server) and start PayDesk "
                                  "again; it goes on where it stopped")
                .arg(r.error);
        if (r.posted() > 0)
            d->engine->raiseExternalAlert(
                AlertLevel::Watch, QStringLiteral("ledger_backfill"), QString(),
                QStringLiteral("the ledger now records %1 payments, %2 reversals and %3 refunds "
                               "made before it existed, each on its own order's trail. Their "
                               "money was settled between the channels and the merchant outside "
                               "PayDesk, so none of it is due for settlement or payout.")
                    .arg(r.payments)
                    .arg(r.reversals)
                    .arg(r.refunds));
    }
    d->accounting = std::make_unique<EmbeddedBackOffice>(*d->backOffice);
    d->takings = std::make_unique<TakingsBook>(d->db);
    d->dashboard =
        std::make_unique<EmbeddedDashboard>(*d->takings, *d->reconciler, d->db, *d->clock);
    d->reconciliation = std::make_unique<EmbeddedRecon>(
        *d->reconciler, *d->backOffice, [this](const QString& channel) {
            const BillSource src = billSource(channel);
            return EmbeddedRecon::BillSource{src.channel, src.alipayFormat, src.merchant};
        });
    d->reconciler->setTimelineSink([this](const QString& orderNo, const QString& message, AlertLevel level) {
        if (level != AlertLevel::None)
            d->engine->raiseExternalAlert(level, QStringLiteral("reconciliation"), orderNo, message);
        else
            d->engine->trackExternal(orderNo, QStringLiteral("reconciliation"),
                                     QStringLiteral("reconciliation"), message);
    });
    d->reconciler->setLocalRecords(
        [this](ItemKind kind, const QString& itemNo) -> std::optional<LocalRecord> {
            if (kind == ItemKind::Refund) {
                if (const auto r = d->store->refund(itemNo))
                    return LocalRecord{r->orderNo, stateName(EntityKind::Refund, int(r->state)),
                                       r->amount.fen()};
                return std::nullopt;
            }
            if (const auto p = d->store->payment(itemNo))
                return LocalRecord{p->orderNo, stateName(EntityKind::Payment, int(p->state)),
                                   p->amount.fen()};
            return std::nullopt;
        });
    d->reconciler->setRecoverySink([this](const ReconDifference& diff, const QString& approval) {
        RecoverPaymentCommand cmd;
        cmd.paymentNo = diff.itemNo;
        cmd.channel = diff.channel;
        cmd.channelTradeNo = diff.tradeNo;
        cmd.amount = Money::fromFen(diff.theirsFen);
        cmd.paidAtMs = diff.lineAtMs;
        cmd.billDay = diff.businessDate;
        cmd.approval = approval;
        const CommandOutcome o = d->engine->recoverPayment(cmd);
        return RecoveryOutcome{o.ok(), o.orderNo, o.message};
    });
    connect(d->engine.get(), &PaymentEngine::orderChanged, this, &PayDeskApi::orderChanged);
    connect(d->engine.get(), &PaymentEngine::paymentChanged, this, &PayDeskApi::paymentChanged);
    connect(d->engine.get(), &PaymentEngine::eventRecorded, this, &PayDeskApi::eventRecorded);
    d->engine->setEventListenersProbe([this] {
        static const QMetaMethod signal = QMetaMethod::fromSignal(&PayDeskApi::eventRecorded);
        return isSignalConnected(signal);
    });
    connect(d->engine.get(), &PaymentEngine::alertRaised, this, &PayDeskApi::alertRaised);
    connect(d->engine.get(), &PaymentEngine::idle, this, &PayDeskApi::idle);
    connect(d->engine.get(), &PaymentEngine::reachabilityChanged, this,
            &PayDeskApi::reachabilityChanged);

    QStringList names;
    for (const QString& n : ec.routes)
        if (!names.contains(n))
            names << n;
    for (const QStringList& fallbacks : ec.fallbackRoutes)
        for (const QString& n : fallbacks)
            if (!names.contains(n))
                names << n;
    for (const QString& n : names) {
        if (!ec.gateways.contains(n))
            continue;
        GatewayChannel g;
        if (QString e = makeGatewayChannel(n, ec.gateways.value(n), &g); !e.isEmpty())
            return e;
        d->engine->addChannel(g.channel.get());
        d->gatewayChannels.push_back(std::move(g));
    }
    if (ChannelProvider* provider = d->options.sandbox.get()) {
        if (QString e = provider->open(d->options.dataDir, d->options.durable, *d->clock);
            !e.isEmpty())
            return e;
        for (const QString& n : names) {
            if (ec.gateways.contains(n))
                continue;
            if (Channel* c = provider->serve(n)) {
                d->providedChannels.insert(n, c);
                d->engine->addChannel(c);
            }
        }
    }
    return QString();
}

namespace {
CommandOutcome storageStopped()
{
    return CommandOutcome::error(CommandStatus::StorageError,
                                 QStringLiteral("storage failed earlier: restart PayDesk"));
}
} // namespace

void EmbeddedApi::pay(const PayCommand& cmd, Reply reply)
{
    if (d->failed)
        return reply(storageStopped());
    d->engine->pay(cmd, std::move(reply));
}

void EmbeddedApi::createQr(const QrCommand& cmd, Reply reply)
{
    if (d->failed)
        return reply(storageStopped());
    d->engine->createQr(cmd, std::move(reply));
}

void EmbeddedApi::refund(const RefundCommand& cmd, Reply reply)
{
    if (d->failed)
        return reply(storageStopped());
    d->engine->refund(cmd, std::move(reply));
}

void EmbeddedApi::revoke(const RevokeCommand& cmd, Reply reply)
{
    if (d->failed)
        return reply(storageStopped());
    d->engine->revokeOrder(cmd, std::move(reply));
}

void EmbeddedApi::query(const QString& orderNo, Reply reply)
{
    if (d->failed)
        return reply(storageStopped());
    d->engine->queryOrder(orderNo, std::move(reply));
}

void EmbeddedApi::orderDetails(const QString& orderNo, DetailsReply reply)
{
    reply(d->engine->orderDetails(orderNo));
}

void EmbeddedApi::orders(const OrderFilter& filter, OrdersReply reply)
{
    reply(d->engine->orders(filter));
}

void EmbeddedApi::alerts(bool openOnly, int limit, AlertsReply reply)
{
    reply(d->engine->alerts(openOnly, limit));
}

void EmbeddedApi::acknowledgeAlert(qint64 alertId, const QString& who, Reply reply)
{
    if (d->engine->acknowledgeAlert(alertId, who)) {
        CommandOutcome out;
        out.message = QStringLiteral("alert %1 acknowledged by %2").arg(alertId).arg(who);
        return reply(out);
    }
    reply(CommandOutcome::error(CommandStatus::NotFound,
                                QStringLiteral("no open alert %1").arg(alertId)));
}

void EmbeddedApi::reportPinLockout(const PinLockout& lockout, Reply reply)
{
    Q_ASSERT(lockout.failedTries > 0 && lockout.lockedForMs > 0);
    d->engine->reportPinLockout(lockout, std::move(reply));
}

NotificationReceipt EmbeddedApi::receiveNotification(const QString& channel, const QByteArray& body,
                                                     const QString& source)
{
    Channel* target = d->gatewayChannel(channel);
    NotificationReceipt r;
    if (!target) {
        r.replyBody = QByteArrayLiteral("unknown channel");
        r.replyContentType = QByteArrayLiteral("text/plain;charset=utf-8");
        r.error =
            QStringLiteral("no gateway channel named '%1' takes notifications here").arg(channel);
    } else {
        r = target->receiveNotification(body);
    }
    // A refused notification may be an attack (a forged "paid") or a key
    // mismatch that will leave every QR payment to polling: a person looks.
    if (r.accepted)
        return r;
    if (!d->refusals)
        d->refusals = std::make_unique<NotificationRefusals>([this](const QString& message) {
            if (d->engine)
                d->engine->raiseExternalAlert(
                    AlertLevel::Watch, QStringLiteral("notification_refused"), QString(), message);
        });
    d->refusals->refused(source, channel, r.error);
    return r;
}

UserAccess& EmbeddedApi::userAccess()
{
    Q_ASSERT_X(d->users, "EmbeddedApi::userAccess", "open() first");
    return *d->users;
}

AuditLog& EmbeddedApi::auditLog()
{
    Q_ASSERT_X(d->audit, "EmbeddedApi::auditLog", "open() first");
    return *d->audit;
}

DashboardAccess& EmbeddedApi::dashboard()
{
    Q_ASSERT_X(d->dashboard, "EmbeddedApi::dashboard", "open() first");
    return *d->dashboard;
}

ShiftAccess& EmbeddedApi::shifts() const
{
    Q_ASSERT_X(d->shifts, "EmbeddedApi::shifts", "open() first");
    return *d->shifts;
}

QString EmbeddedApi::counterName() const
{
    return d->options.config.storeId + QLatin1Char('/') + d->options.config.terminalId;
}

TerminalAccess& EmbeddedApi::terminalAccess()
{
    Q_ASSERT_X(d->terminals, "EmbeddedApi::terminalAccess", "open() first");
    return *d->terminals;
}

int EmbeddedApi::resumeAll()
{
    return d->engine->resume();
}

bool EmbeddedApi::isIdle() const
{
    return d->engine->isIdle();
}

int EmbeddedApi::workHeldElsewhere() const
{
    return d->engine->workHeldElsewhere();
}

QList<WalletReachability> EmbeddedApi::reachability() const
{
    return d->engine ? d->engine->reachability() : QList<WalletReachability>();
}

CounterLimits EmbeddedApi::counterLimits() const
{
    const CoreConfig& c = d->options.config;
    return {c.maxAmountFen,
            c.largeAmountFen,
            c.cashierRefundLimitFen,
            c.ledger.payoutsPerDay,
            c.ledger.payoutFenPerDay,
            c.ledger.walletWithdrawalsPerDay,
            c.ledger.walletWithdrawalFenPerDay};
}

BackOffice* EmbeddedApi::backOffice() const
{
    return d->backOffice.get();
}

bool EmbeddedApi::servesSandbox() const
{
    return !d->providedChannels.isEmpty();
}

void EmbeddedApi::flush()
{
    d->db.flush();
}

Reconciler* EmbeddedApi::reconciler() const
{
    return d->reconciler.get();
}

BackOfficeApi& EmbeddedApi::accounting()
{
    Q_ASSERT_X(d->accounting, "EmbeddedApi::accounting", "open() first");
    return *d->accounting;
}

ReconApi& EmbeddedApi::reconciliation()
{
    Q_ASSERT_X(d->reconciliation, "EmbeddedApi::reconciliation", "open() first");
    return *d->reconciliation;
}

EmbeddedApi::BillSource EmbeddedApi::billSource(const QString& channelName) const
{
    BillSource src;
    const CoreConfig& ec = d->options.config;
    if (Channel* g = d->gatewayChannel(channelName)) {
        const GatewaySettings s = ec.gateways.value(channelName);
        src.channel = g;
        src.alipayFormat = s.protocol == GatewaySettings::Protocol::Alipay;
        src.merchant = src.alipayFormat ? s.billAccount : s.mchId;
        return src;
    }
    if (Channel* c = d->providedChannels.value(channelName)) {
        const ChannelProvider::BillShape shape = d->options.sandbox->billShape(channelName);
        src.channel = c;
        src.alipayFormat = shape.alipayFormat;
        src.merchant = shape.merchant;
    }
    return src;
}

} // namespace paydesk
