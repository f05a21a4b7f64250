#include "SimRun.h"

#include "SimWorld.h"

#include "api/types/BackOffice.h"
#include "api/types/Reconciliation.h"
#include "common/ChinaTime.h"
#include "domain/States.h"
#include "sandbox/SandboxBehaviour.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QSet>

namespace paydesk::sim {

namespace {

struct Sale
{
    PayCommand pay; // barcode sales
    QrCommand qr;   // QR sales
    bool isQr = false;
    QString orderNo; // once a reply named it
    QString codeUrl; // QR: once issued
    bool scanned = false;
};

struct WeightedBehaviour
{
    SandboxBehaviour behaviour;
    int weight;
    int minParameter;
    int maxParameter;
};

// The sandbox codes a customer shows, weighted like a bad day at a busy
// counter: mostly instant, then every way a payment goes wrong.
const QList<WeightedBehaviour>& barcodeBehaviours()
{
    static const QList<WeightedBehaviour> list = {
        {SandboxBehaviour::InstantSuccess, 25, 0, 0},
        {SandboxBehaviour::UserPayingThenSuccess, 12, 1, 40},
        {SandboxBehaviour::UserPayingThenCancelled, 6, 1, 20},
        {SandboxBehaviour::InsufficientFunds, 5, 0, 0},
        {SandboxBehaviour::SystemErrorThenSuccess, 6, 0, 0},
        {SandboxBehaviour::NoResponseThenSuccess, 8, 0, 0},
        {SandboxBehaviour::NeverFinal, 3, 0, 0},
        {SandboxBehaviour::RevokeFailsNTimes, 5, 1, 3},
        {SandboxBehaviour::DuplicateNotifications, 3, 0, 0},
        {SandboxBehaviour::ContradictingNotification, 3, 0, 0},
        {SandboxBehaviour::AuthCodeExpired, 3, 0, 0},
        {SandboxBehaviour::SlowToRecord, 6, 1, 90},
        {SandboxBehaviour::AcquirerRefuses, 4, 0, 0},
    };
    return list;
}

const QList<SandboxBehaviour>& scanBehaviours()
{
    static const QList<SandboxBehaviour> list = {
        SandboxBehaviour::InstantSuccess,
        SandboxBehaviour::InstantSuccess,
        SandboxBehaviour::UserPayingThenSuccess,
        SandboxBehaviour::UserPayingThenCancelled,
        SandboxBehaviour::InsufficientFunds,
        SandboxBehaviour::DuplicateNotifications,
        SandboxBehaviour::ContradictingNotification,
    };
    return list;
}

enum class Action
{
    Pay,
    PayAgain,
    Qr,
    Scan,
    Refund,
    RefundAgain,
    Revoke,
    Query,
    Wait,
    WaitLong,
    Crash,
    Restart,
    DiskFault,
};

struct WeightedAction
{
    Action action;
    int weight;
};

const QList<WeightedAction>& actions()
{
    static const QList<WeightedAction> list = {
        {Action::Pay, 30},      {Action::PayAgain, 6},    {Action::Qr, 8},     {Action::Scan, 8},
        {Action::Refund, 10},   {Action::RefundAgain, 3}, {Action::Revoke, 5}, {Action::Query, 4},
        {Action::Wait, 12},     {Action::WaitLong, 6},    {Action::Crash, 3},  {Action::Restart, 1},
        {Action::DiskFault, 3},
    };
    return list;
}

template <typename T> const T& weighted(SimRandom& random, const QList<T>& list)
{
    int total = 0;
    for (const T& x : list)
        total += x.weight;
    int draw = random.below(total);
    for (const T& x : list) {
        if (draw < x.weight)
            return x;
        draw -= x.weight;
    }
    Q_UNREACHABLE();
}

QString behaviourName(SandboxBehaviour b)
{
    switch (b) {
    case SandboxBehaviour::InstantSuccess:
        return QStringLiteral("instant");
    case SandboxBehaviour::UserPayingThenSuccess:
        return QStringLiteral("user-paying-then-paid");
    case SandboxBehaviour::UserPayingThenCancelled:
        return QStringLiteral("user-paying-then-cancelled");
    case SandboxBehaviour::InsufficientFunds:
        return QStringLiteral("no-funds");
    case SandboxBehaviour::SystemErrorThenSuccess:
        return QStringLiteral("systemerror-then-paid");
    case SandboxBehaviour::NoResponseThenSuccess:
        return QStringLiteral("no-answer-then-paid");
    case SandboxBehaviour::NeverFinal:
        return QStringLiteral("never-final");
    case SandboxBehaviour::RevokeFailsNTimes:
        return QStringLiteral("revoke-fails");
    case SandboxBehaviour::DuplicateNotifications:
        return QStringLiteral("notifications-twice");
    case SandboxBehaviour::ContradictingNotification:
        return QStringLiteral("contradicting-notification");
    case SandboxBehaviour::AuthCodeExpired:
        return QStringLiteral("code-expired");
    case SandboxBehaviour::SlowToRecord:
        return QStringLiteral("slow-to-record");
    case SandboxBehaviour::AcquirerRefuses:
        return QStringLiteral("acquirer-refuses");
    }
    return QStringLiteral("behaviour-%1").arg(int(b));
}

Wallet pickWallet(SimRandom& random)
{
    const int draw = random.below(100);
    return draw < 45 ? Wallet::WeChat : draw < 85 ? Wallet::Alipay : Wallet::UnionPay;
}

qint64 pickAmountFen(SimRandom& random)
{
    // Now and then a sale above the "large amount" alert.
    return random.percent(5) ? random.between(500'000, 900'000) : random.between(1, 99'999);
}

ChannelWeather pickWeather(SimRandom& random)
{
    ChannelWeather w;
    if (random.percent(25))
        return w; // a calm day: only the codes' own behaviours
    w.notSentPct = int(random.between(0, 4));
    w.lostRequestPct = int(random.between(0, 5));
    w.lostAnswerPct = int(random.between(0, 8));
    w.lateAnswerPct = int(random.between(0, 10));
    w.maxLateMs = random.between(1, 20'000);
    w.dropNotificationPct = int(random.between(0, 30));
    w.duplicateNotificationPct = int(random.between(0, 30));
    w.delayNotificationPct = int(random.between(0, 30));
    w.maxNotificationDelayMs = random.between(1, 60'000);
    return w;
}

CoreConfig pickConfig(SimRandom& random, QString* description)
{
    CoreConfig c;
    c.leaseMs = random.between(3, 10) * 1000;
    if (random.percent(30))
        c.fallbackRoutes.insert(Wallet::WeChat, {QStringLiteral("alipay")});
    c.defaultPolicy.callTimeoutMs = random.between(2, 10) * 1000;
    c.defaultPolicy.barcodeDeadlineMs = random.between(15, 60) * 1000;
    c.defaultPolicy.qrDeadlineMs = random.between(60, 180) * 1000;
    *description =
        QStringLiteral("lease %1 ms, call timeout %2 ms, barcode deadline %3 ms, QR "
                       "deadline %4 ms%5")
            .arg(c.leaseMs)
            .arg(c.defaultPolicy.callTimeoutMs)
            .arg(c.defaultPolicy.barcodeDeadlineMs)
            .arg(c.defaultPolicy.qrDeadlineMs)
            .arg(c.fallbackRoutes.isEmpty() ? QString()
                                            : QStringLiteral(", WeChat falls back to Alipay"));
    return c;
}

QString yuan(qint64 fen)
{
    return Money::fromFen(fen).toPlainString();
}

class Run
{
public:
    explicit Run(const SimOptions& options)
        : m_options(options), m_master(options.seed), m_workload(m_master.split()),
          m_faults(m_master.split())
    {
        m_result.seed = options.seed;
        SimRandom setup = m_master.split();
        const ChannelWeather weather = pickWeather(setup);
        QString config;
        CoreConfig core = pickConfig(setup, &config);
        m_result.weather = weather.describe() + QStringLiteral("; ") + config;
        m_world = std::make_unique<SimWorld>(m_faults, weather, core,
                                             [this](const QString& line) { trace(line); });
        m_world->setOnOpen([this](EmbeddedApi& core) { watch(core); });
    }

    SimResult go()
    {
        if (QString e = m_world->start(); !e.isEmpty()) {
            m_result.setupError = e;
            return m_result;
        }
        m_startMs = m_world->clock().nowMs();
        for (int n = 1; n <= m_options.steps && m_result.violations.isEmpty(); ++n) {
            m_step = n;
            act(weighted(m_workload, actions()).action);
            m_world->advance(m_workload.between(0, 8) * 250);
            check(QStringLiteral("step %1").arg(n));
            m_result.steps = n;
        }
        if (m_result.violations.isEmpty())
            settle();
        if (m_result.simulatedMs == 0) // the overnight jump before reconciling is not counted
            m_result.simulatedMs = m_world->clock().nowMs() - m_startMs;
        m_result.digest = QCryptographicHash::hash(m_result.trace.join(QLatin1Char('\n')).toUtf8(),
                                                   QCryptographicHash::Sha256)
                              .toHex();
        return m_result;
    }

private:
    void trace(const QString& line)
    {
        const qint64 at = m_world ? m_world->clock().nowMs() - m_startMs : 0;
        m_result.trace << QStringLiteral("%1.%2 s  %3")
                              .arg(at / 1000, 6)
                              .arg(at % 1000, 3, 10, QLatin1Char('0'))
                              .arg(line);
    }

    void violation(const QString& orderNo, const QString& text)
    {
        trace(QStringLiteral("VIOLATION: ") + text);
        m_result.violations << Violation{orderNo, text};
    }

    // What the shop's staff are told: the facade's signals, sent once a
    // change is durable.
    void watch(EmbeddedApi& core)
    {
        const int n = m_world->incarnation();
        QObject::connect(&core, &PayDeskApi::orderChanged, &core,
                         [this, n](const QString& orderNo, int state) {
                             if (m_world->isCurrent(n))
                                 m_toldOrder.insert(orderNo, state);
                         });
        QObject::connect(&core, &PayDeskApi::paymentChanged, &core,
                         [this, n](const QString&, const QString& paymentNo, int state) {
                             if (m_world->isCurrent(n))
                                 m_toldPayment.insert(paymentNo, state);
                         });
    }

    PayDeskApi::Reply reply(const QString& label, const QString& requestNo, const QString& content,
                            int saleIndex = -1)
    {
        const int n = m_world->incarnation();
        return [this, n, label, requestNo, content, saleIndex](const CommandOutcome& o) {
            if (!m_world->isCurrent(n))
                return; // the process died: nobody saw this
            trace(QStringLiteral("%1 → %2%3%4%5")
                      .arg(label, commandStatusName(o.status),
                           o.orderNo.isEmpty() ? QString() : QStringLiteral(" ") + o.orderNo,
                           o.refundNo.isEmpty() ? QString() : QStringLiteral(" ") + o.refundNo,
                           o.repeated ? QStringLiteral(" (repeated)") : QString()));
            if (!o.ok())
                return;
            if (!requestNo.isEmpty())
                toldRequest(requestNo, content, o.refundNo.isEmpty() ? o.orderNo : o.refundNo);
            if (saleIndex >= 0) {
                Sale& sale = m_sales[saleIndex];
                if (sale.orderNo.isEmpty())
                    sale.orderNo = o.orderNo;
                if (!o.codeUrl.isEmpty())
                    sale.codeUrl = o.codeUrl;
            }
        };
    }

    // The idempotency contract: one request number, one content, one result.
    void toldRequest(const QString& requestNo, const QString& content, const QString& result)
    {
        const auto it = m_told.constFind(requestNo);
        if (it == m_told.cend()) {
            m_told.insert(requestNo, {content, result});
            return;
        }
        if (it->first != content)
            violation(QString(),
                      QStringLiteral("request %1 was taken with \"%2\" and again with \"%3\"")
                          .arg(requestNo, it->first, content));
        if (it->second != result)
            violation(result, QStringLiteral("request %1 answered %2, then %3")
                                  .arg(requestNo, it->second, result));
    }

    void act(Action a)
    {
        switch (a) {
        case Action::Pay:
            return pay();
        case Action::PayAgain:
            return payAgain();
        case Action::Qr:
            return qr();
        case Action::Scan:
            return scan();
        case Action::Refund:
            return refund(false);
        case Action::RefundAgain:
            return refund(true);
        case Action::Revoke:
            return revoke();
        case Action::Query:
            return query();
        case Action::Wait: {
            const qint64 ms = m_workload.between(1, 40) * 250;
            trace(QStringLiteral("wait %1 ms").arg(ms));
            return m_world->advance(ms);
        }
        case Action::WaitLong: {
            const qint64 ms = m_workload.between(30, 600) * 1000;
            trace(QStringLiteral("wait %1 s").arg(ms / 1000));
            return m_world->advance(ms);
        }
        case Action::Crash:
            ++m_result.crashes;
            return m_world->crash(m_workload.percent(50) ? 0 : m_workload.between(1, 120) * 1000);
        case Action::Restart:
            ++m_result.restarts;
            return m_world->restart(m_workload.between(0, 30) * 1000);
        case Action::DiskFault: {
            static const QList<DiskFault> kinds = {DiskFault::FailWrite, DiskFault::FailCommit,
                                                   DiskFault::FailAfterCommit};
            const DiskFault kind = m_workload.pick(kinds);
            const int after = int(m_workload.between(1, 30));
            ++m_result.diskFaults;
            trace(QStringLiteral("the disk will fail (%1) at its %2th %3")
                      .arg(kind == DiskFault::FailWrite ? QStringLiteral("write")
                           : kind == DiskFault::FailCommit
                               ? QStringLiteral("commit, nothing written")
                               : QStringLiteral("commit, after writing"))
                      .arg(after)
                      .arg(kind == DiskFault::FailWrite ? QStringLiteral("write")
                                                        : QStringLiteral("commit")));
            return m_world->armDiskFault(kind, after);
        }
        }
    }

    QString nextRequestNo(const QString& prefix)
    {
        return QStringLiteral("%1-%2-%3").arg(prefix).arg(m_options.seed).arg(++m_requests);
    }

    void pay()
    {
        const WeightedBehaviour& b = weighted(m_workload, barcodeBehaviours());
        int parameter = int(m_workload.between(b.minParameter, b.maxParameter));
        if (b.behaviour == SandboxBehaviour::RevokeFailsNTimes && m_workload.percent(20))
            parameter = 99; // never: the manual queue
        const Wallet wallet = pickWallet(m_workload);
        Sale sale;
        sale.pay = PayCommand{nextRequestNo(QStringLiteral("sale")),
                              Money::fromFen(pickAmountFen(m_workload)),
                              sandboxCode(wallet, b.behaviour, parameter),
                              QStringLiteral("simulated sale"), QString()};
        m_sales << sale;
        ++m_result.sales;
        sendPay(
            int(m_sales.size()) - 1, sale.pay,
            QStringLiteral("%1 %2 %3(%4)")
                .arg(walletName(wallet), yuan(sale.pay.amount.fen()), behaviourName(b.behaviour))
                .arg(parameter));
    }

    void sendPay(int index, const PayCommand& cmd, const QString& what)
    {
        const QString label = QStringLiteral("pay %1 %2").arg(cmd.requestNo, what);
        trace(label);
        const QString content =
            QStringLiteral("pay %1 %2").arg(cmd.amount.fen()).arg(cmd.paymentCode);
        m_world->core().pay(cmd, reply(label, cmd.requestNo, content, index));
    }

    // The cashier presses again, or another counter reuses the number.
    void payAgain()
    {
        QList<int> barcode;
        for (int i = 0; i < m_sales.size(); ++i)
            if (!m_sales[i].isQr)
                barcode << i;
        if (barcode.isEmpty())
            return pay();
        const int index = m_workload.pick(barcode);
        PayCommand cmd = m_sales[index].pay;
        if (m_workload.percent(25)) {
            cmd.amount = Money::fromFen(cmd.amount.fen() + 1);
            sendPay(-1, cmd, QStringLiteral("again with another amount"));
        } else {
            sendPay(index, cmd, QStringLiteral("again"));
        }
    }

    void qr()
    {
        const Wallet wallet = m_workload.percent(50) ? Wallet::WeChat : Wallet::Alipay;
        Sale sale;
        sale.isQr = true;
        sale.qr = QrCommand{nextRequestNo(QStringLiteral("qr")),
                            Money::fromFen(pickAmountFen(m_workload)), wallet,
                            QStringLiteral("simulated QR sale")};
        m_sales << sale;
        ++m_result.sales;
        const QString label =
            QStringLiteral("qr %1 %2 %3")
                .arg(sale.qr.requestNo, walletName(wallet), yuan(sale.qr.amount.fen()));
        trace(label);
        const QString content =
            QStringLiteral("qr %1 %2").arg(sale.qr.amount.fen()).arg(walletName(wallet));
        m_world->core().createQr(sale.qr,
                                 reply(label, sale.qr.requestNo, content, int(m_sales.size()) - 1));
    }

    // The customer scans a QR code they were shown, maybe a second time.
    void scan()
    {
        QList<int> shown;
        for (int i = 0; i < m_sales.size(); ++i)
            if (m_sales[i].isQr && !m_sales[i].codeUrl.isEmpty() &&
                (!m_sales[i].scanned || m_workload.percent(15)))
                shown << i;
        if (shown.isEmpty())
            return qr();
        Sale& sale = m_sales[m_workload.pick(shown)];
        const SandboxBehaviour b = m_workload.pick(scanBehaviours());
        const int parameter = b == SandboxBehaviour::UserPayingThenSuccess ||
                                      b == SandboxBehaviour::UserPayingThenCancelled
                                  ? int(m_workload.between(1, 30))
                                  : 0;
        sale.scanned = true;
        const QString error = m_world->acquirer().customerScan(
            sale.codeUrl, sandboxCode(sale.qr.wallet, b, parameter));
        trace(QStringLiteral("customer scans %1 (%2): %3")
                  .arg(sale.orderNo, behaviourName(b),
                       error.isEmpty() ? QStringLiteral("taken") : error));
    }

    QList<int> salesWithOrders() const
    {
        QList<int> out;
        for (int i = 0; i < m_sales.size(); ++i)
            if (!m_sales[i].orderNo.isEmpty())
                out << i;
        return out;
    }

    void refund(bool again)
    {
        if (again && !m_refunds.isEmpty()) {
            const RefundCommand cmd = m_workload.pick(m_refunds);
            sendRefund(cmd, QStringLiteral("again"));
            return;
        }
        const QList<int> candidates = salesWithOrders();
        if (candidates.isEmpty())
            return pay();
        const Sale& sale = m_sales[m_workload.pick(candidates)];
        const qint64 paidFen = sale.isQr ? sale.qr.amount.fen() : sale.pay.amount.fen();
        const int draw = m_workload.below(100);
        const qint64 fen = draw < 35   ? paidFen
                           : draw < 80 ? m_workload.between(1, paidFen)
                           : draw < 90 ? paidFen + m_workload.between(1, 100)
                                       : 1;
        RefundCommand cmd{nextRequestNo(QStringLiteral("refund")), sale.orderNo,
                          Money::fromFen(fen), QStringLiteral("simulated return")};
        m_refunds << cmd;
        ++m_result.refunds;
        sendRefund(cmd, QString());
    }

    void sendRefund(const RefundCommand& cmd, const QString& what)
    {
        const QString label = QStringLiteral("refund %1 of %2 %3 %4")
                                  .arg(cmd.requestNo, cmd.orderNo, yuan(cmd.amount.fen()), what);
        trace(label);
        const QString content =
            QStringLiteral("refund %1 %2").arg(cmd.orderNo).arg(cmd.amount.fen());
        m_world->core().refund(cmd, reply(label, cmd.requestNo, content));
    }

    void revoke()
    {
        const QList<int> candidates = salesWithOrders();
        if (candidates.isEmpty())
            return pay();
        const QString orderNo = m_sales[m_workload.pick(candidates)].orderNo;
        const QString label = QStringLiteral("revoke %1").arg(orderNo);
        trace(label);
        m_world->core().revoke(
            RevokeCommand{QString(), orderNo, QStringLiteral("simulated revoke")},
            reply(label, QString(), QString()));
    }

    void query()
    {
        const QList<int> candidates = salesWithOrders();
        if (candidates.isEmpty())
            return pay();
        const QString orderNo = m_sales[m_workload.pick(candidates)].orderNo;
        const QString label = QStringLiteral("check again %1").arg(orderNo);
        trace(label);
        m_world->core().query(orderNo, reply(label, QString(), QString()));
    }

    void check(const QString& when)
    {
        Records r;
        if (QString e = r.read(m_world->coreDatabase(), m_world->acquirerDatabase(),
                               m_world->clock().nowMs());
            !e.isEmpty()) {
            violation(QString(), when + QStringLiteral(": ") + e);
            return;
        }
        for (const Violation& v : alwaysChecks(r))
            violation(v.orderNo, when + QStringLiteral(": ") + v.text);
        checkTold(r, when);
        checkTransitions(r, when);
        if (!m_world->storageFailed())
            checkBooks(when);
    }

    // What somebody was told stays true after any crash.
    void checkTold(const Records& r, const QString& when)
    {
        for (auto it = m_told.cbegin(); it != m_told.cend(); ++it) {
            const QString& result = it->second;
            const bool isRefund = it.key().startsWith(QLatin1String("refund-"));
            const bool found = isRefund ? r.refunds.contains(result) : r.orders.contains(result);
            if (!found)
                violation(result,
                          QStringLiteral("%1: request %2 was answered with %3, which storage "
                                         "no longer has")
                              .arg(when, it.key(), result));
        }
        for (auto it = m_toldOrder.cbegin(); it != m_toldOrder.cend(); ++it) {
            const OrderState told = OrderState(*it);
            const bool toldPaid = told == OrderState::Paid ||
                                  told == OrderState::PartiallyRefunded ||
                                  told == OrderState::Refunded;
            const auto o = r.orders.constFind(it.key());
            if (o == r.orders.cend()) {
                violation(it.key(), QStringLiteral("%1: order %2 was shown as %3 and is gone")
                                        .arg(when, it.key(), orderStateName(told)));
                continue;
            }
            const OrderState now = OrderState(o->state);
            const bool paidNow = now == OrderState::Paid || now == OrderState::PartiallyRefunded ||
                                 now == OrderState::Refunded;
            if ((toldPaid && !paidNow) || !reachable(int(EntityKind::Order), int(told), int(now)))
                violation(it.key(),
                          QStringLiteral("%1: order %2 was shown as %3 and is now %4")
                              .arg(when, it.key(), orderStateName(told), orderStateName(now)));
        }
        for (auto it = m_toldPayment.cbegin(); it != m_toldPayment.cend(); ++it) {
            const auto p = r.payments.constFind(it.key());
            if (p == r.payments.cend())
                violation(QString(), QStringLiteral("%1: payment %2 was shown as %3 and is gone")
                                         .arg(when, it.key(), paymentStateName(PaymentState(*it))));
            else if (!reachable(int(EntityKind::Payment), *it, p->state))
                violation(p->orderNo, QStringLiteral("%1: payment %2 was shown as %3 and is now %4")
                                          .arg(when, it.key(), paymentStateName(PaymentState(*it)),
                                               paymentStateName(PaymentState(p->state))));
        }
    }

    // Between two looks, every change went along the whitelists.
    void checkTransitions(const Records& r, const QString& when)
    {
        const auto follow = [&](EntityKind kind, const QString& key, const QString& orderNo,
                                int state, QHash<QString, int>& seen) {
            const auto it = seen.constFind(key);
            if (it != seen.cend() && !reachable(int(kind), *it, state))
                violation(orderNo, QStringLiteral("%1: %2 %3 went from %4 to %5")
                                       .arg(when, entityKindName(kind), key, stateName(kind, *it),
                                            stateName(kind, state)));
            seen.insert(key, state);
        };
        for (const auto& o : r.orders)
            follow(EntityKind::Order, o.orderNo, o.orderNo, o.state, m_seenOrder);
        for (const auto& p : r.payments)
            follow(EntityKind::Payment, p.paymentNo, p.orderNo, p.state, m_seenPayment);
        for (const auto& f : r.refunds)
            follow(EntityKind::Refund, f.refundNo, f.orderNo, f.state, m_seenRefund);
        // Nothing seen disappears: storage keeps what it committed.
        for (auto it = m_seenOrder.cbegin(); it != m_seenOrder.cend(); ++it)
            if (!r.orders.contains(it.key()))
                violation(
                    it.key(),
                    QStringLiteral("%1: order %2 was stored and is gone").arg(when, it.key()));
    }

    // Leaves the shop to finish everything it can, then judges it.
    void settle()
    {
        trace(QStringLiteral("the day is over: everything is left to finish"));
        waitUntilQuiet();
        m_world->restart(0);
        waitUntilQuiet();
        check(QStringLiteral("settled"));
        if (!m_result.violations.isEmpty())
            return;
        Records r;
        if (QString e = r.read(m_world->coreDatabase(), m_world->acquirerDatabase(),
                               m_world->clock().nowMs());
            !e.isEmpty())
            return violation(QString(), e);
        for (const Violation& v : settledChecks(r))
            violation(v.orderNo, QStringLiteral("settled: ") + v.text);
        resendTold(r);
        if (m_result.violations.isEmpty())
            reconcileDays(r);
    }

    template <typename T>
    std::optional<T> waitFor(const std::function<void(std::function<void(const T&)>)>& send)
    {
        std::optional<T> out;
        send([&](const T& x) { out = x; });
        for (int i = 0; i < 1000 && !out; ++i)
            QCoreApplication::processEvents(QEventLoop::AllEvents);
        m_world->drain();
        return out;
    }

    // The next morning accounting reconciles every day of every channel
    // against the acquirer's bills; every difference left for a person must
    // be one the records explain.
    void reconcileDays(const Records& r)
    {
        m_result.simulatedMs = m_world->clock().nowMs() - m_startMs;
        const QDate first = chinaTime(m_startMs).date();
        const QDate last = chinaTime(m_world->clock().nowMs()).date();
        // Bills are ready the next morning; the engine has nothing to do
        // meanwhile, so the clock jumps.
        m_world->clock().set(chinaDayStartMs(last.addDays(1)) + 10 * 3'600'000);
        m_world->drain();
        trace(QStringLiteral("the next morning: reconciling %1 to %2")
                  .arg(first.toString(Qt::ISODate), last.toString(Qt::ISODate)));
        for (QDate day = first; day <= last; day = day.addDays(1)) {
            for (const QString& channel :
                 {QStringLiteral("wechat"), QStringLiteral("alipay"), QStringLiteral("unionpay")}) {
                const auto result = waitFor<ReconcileResult>([&](auto reply) {
                    m_world->core().reconciliation().reconcile(
                        ReconcileRequest{
                            channel, day, {}, false, QStringLiteral("auditor"), {}, {}},
                        reply);
                });
                if (!result) {
                    violation(QString(), QStringLiteral("reconciling %1 %2 never answered")
                                             .arg(channel, day.toString(Qt::ISODate)));
                    continue;
                }
                trace(
                    QStringLiteral("reconcile %1 %2 → %3, %4 matched, %5 held for the next day")
                        .arg(channel, day.toString(Qt::ISODate),
                             result->outcome.ok() ? QStringLiteral("ok") : result->outcome.message)
                        .arg(result->report.matched)
                        .arg(result->report.pendingNextDay));
                if (!result->outcome.ok())
                    violation(QString(), QStringLiteral("reconciling %1 %2 failed: %3")
                                             .arg(channel, day.toString(Qt::ISODate),
                                                  result->outcome.message));
            }
        }
        DiffFilter needsPerson;
        needsPerson.needsAction = true;
        needsPerson.limit = 100'000;
        const auto open = waitFor<QList<ReconDifference>>(
            [&](auto reply) { m_world->core().reconciliation().differences(needsPerson, reply); });
        for (const ReconDifference& d : open.value_or(QList<ReconDifference>{})) {
            const QString text =
                QStringLiteral("%1 %2: %3 on %4 (ours %5 fen %6, theirs %7 fen %8)")
                    .arg(d.channel, d.businessDate.toString(Qt::ISODate), diffKindName(d.kind),
                         d.itemNo)
                    .arg(d.oursFen)
                    .arg(d.oursState)
                    .arg(d.theirsFen)
                    .arg(d.theirsState);
            if (r.inManualQueue(d.orderNo) || paidUnseenThenRevoked(d, r)) {
                trace(QStringLiteral("explained difference: ") + text);
                continue;
            }
            violation(d.orderNo,
                      QStringLiteral("reconciliation left a difference for a person: ") + text);
        }
        checkBooks(QStringLiteral("reconciled"));
    }

    // A sale paid just before the revoke reached the acquirer, which then
    // returned the money, while PayDesk never saw it paid: the revoke's
    // answer does not say so (WeChat), or was lost and a query then said
    // only REVOKED. The payment is recorded CLOSED or FAILED, and the bill's
    // payment and reversal lines differ from it (README, Limitations:
    // "Channels over HTTP"). The money is back with the customer; a person
    // closes the difference.
    static bool paidUnseenThenRevoked(const ReconDifference& d, const Records& r)
    {
        const auto t = r.trades.constFind(d.itemNo);
        return d.kind == DiffKind::StatusMismatch &&
               (d.oursState == QLatin1String("CLOSED") || d.oursState == QLatin1String("FAILED")) &&
               (d.theirsState == QLatin1String("REVOKED") ||
                d.theirsState == QLatin1String("SUCCESS")) &&
               t != r.trades.cend() && t->state == QLatin1String("REVOKED") &&
               t->revokeAction == QLatin1String("refund");
    }

    void waitUntilQuiet()
    {
        // Six hours at most: the longest refund polling ends well before.
        for (int minute = 0; minute < 360; ++minute) {
            m_world->advance(60'000, 1'000);
            if (m_world->quiet())
                return;
        }
        violation(QString(), QStringLiteral("the engine still had work after six hours"));
    }

    // The ledger balances and agrees with the orders at every moment: each
    // posting is one unit of work with the change it records.
    void checkBooks(const QString& when)
    {
        const auto report = waitFor<InternalCheckReport>(
            [&](auto reply) { m_world->core().accounting().check(reply); });
        if (!report)
            return violation(QString(),
                             when + QStringLiteral(": the internal check never answered"));
        if (!report->error.isEmpty())
            return violation(QString(), when +
                                            QStringLiteral(": the internal check could not run: ") +
                                            report->error);
        for (const CheckLine& line : report->lines)
            if (!line.ok())
                violation(QString(), QStringLiteral("%1: the books: %2, %3: expected %4, found %5")
                                         .arg(when, line.subject, line.rule)
                                         .arg(line.expectedFen)
                                         .arg(line.actualFen));
    }

    // Every sale answered before is answered the same again, and makes
    // nothing new.
    void resendTold(const Records& before)
    {
        int resent = 0;
        for (const Sale& sale : std::as_const(m_sales)) {
            if (sale.isQr || sale.orderNo.isEmpty() || resent >= 8)
                continue;
            ++resent;
            const auto out =
                waitFor<CommandOutcome>([&](auto reply) { m_world->core().pay(sale.pay, reply); });
            trace(QStringLiteral("pay %1 once more → %2 %3")
                      .arg(sale.pay.requestNo,
                           out ? commandStatusName(out->status) : QStringLiteral("no answer"),
                           out ? out->orderNo : QString()));
            if (!out || !out->ok() || out->orderNo != sale.orderNo)
                violation(sale.orderNo,
                          QStringLiteral("request %1 sent again after the day did not "
                                         "answer its order %2")
                              .arg(sale.pay.requestNo, sale.orderNo));
        }
        Records after;
        if (after
                .read(m_world->coreDatabase(), m_world->acquirerDatabase(),
                      m_world->clock().nowMs())
                .isEmpty() &&
            (after.orders.size() != before.orders.size() ||
             after.payments.size() != before.payments.size()))
            violation(QString(), QStringLiteral("sending answered requests again made %1 orders "
                                                "and %2 payments")
                                     .arg(after.orders.size() - before.orders.size())
                                     .arg(after.payments.size() - before.payments.size()));
    }

    SimOptions m_options;
    SimRandom m_master;
    SimRandom m_workload;
    SimRandom m_faults;
    std::unique_ptr<SimWorld> m_world;
    SimResult m_result;
    qint64 m_startMs = 0;
    int m_step = 0;
    int m_requests = 0;
    QList<Sale> m_sales;
    QList<RefundCommand> m_refunds;
    QHash<QString, std::pair<QString, QString>> m_told; // request → content, result
    QHash<QString, int> m_toldOrder;
    QHash<QString, int> m_toldPayment;
    QHash<QString, int> m_seenOrder;
    QHash<QString, int> m_seenPayment;
    QHash<QString, int> m_seenRefund;
};

} // namespace

SimResult runSeed(const SimOptions& options)
{
    Run run(options);
    return run.go();
}

} // namespace paydesk::sim
