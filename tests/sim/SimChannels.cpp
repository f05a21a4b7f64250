#include "SimChannels.h"

#include "SimPostbox.h"
#include "SimRandom.h"

#include "sandbox/SandboxChannel.h"

namespace paydesk::sim {

QString ChannelWeather::describe() const
{
    return QStringLiteral("not sent %1%, request lost %2%, answer lost %3%, late %4% (≤ %5 ms), "
                          "notifications dropped %6%, doubled %7%, delayed %8% (≤ %9 ms)")
        .arg(notSentPct)
        .arg(lostRequestPct)
        .arg(lostAnswerPct)
        .arg(lateAnswerPct)
        .arg(maxLateMs)
        .arg(dropNotificationPct)
        .arg(duplicateNotificationPct)
        .arg(delayNotificationPct)
        .arg(maxNotificationDelayMs);
}

// The sandbox's own channel, with the weather between it and the engine.
// Every fault is drawn when the call is made, so the draws follow the
// engine's calls in order and a seed replays them.
class FaultyChannel final : public Channel
{
public:
    FaultyChannel(const QString& name, SandboxAcquirer& acquirer, SimPostbox& postbox,
                  SimRandom& random, const ChannelWeather& weather, std::weak_ptr<void> alive,
                  SimChannels::Note note)
        : m_inner(name, acquirer), m_postbox(postbox), m_random(random), m_weather(weather),
          m_alive(std::move(alive)), m_note(std::move(note))
    {
        m_inner.setNotificationSink([this](const ChannelNotification& n) { arrive(n); });
    }

    QString name() const override { return m_inner.name(); }
    SandboxChannel& inner() { return m_inner; }

    void barcodePay(const BarcodePayRequest& req, ResultCallback done) override
    {
        call(QStringLiteral("pay"), req.paymentNo, std::move(done),
             [this, req](ResultCallback cb) { m_inner.barcodePay(req, std::move(cb)); });
    }
    void precreate(const PrecreateRequest& req, ResultCallback done) override
    {
        call(QStringLiteral("precreate"), req.paymentNo, std::move(done),
             [this, req](ResultCallback cb) { m_inner.precreate(req, std::move(cb)); });
    }
    void query(const QString& paymentNo, ResultCallback done) override
    {
        call(QStringLiteral("query"), paymentNo, std::move(done),
             [this, paymentNo](ResultCallback cb) { m_inner.query(paymentNo, std::move(cb)); });
    }
    void revoke(const QString& paymentNo, ResultCallback done) override
    {
        call(QStringLiteral("revoke"), paymentNo, std::move(done),
             [this, paymentNo](ResultCallback cb) { m_inner.revoke(paymentNo, std::move(cb)); });
    }
    void refund(const RefundRequest& req, ResultCallback done) override
    {
        call(QStringLiteral("refund"), req.refundNo, std::move(done),
             [this, req](ResultCallback cb) { m_inner.refund(req, std::move(cb)); });
    }
    void refundQuery(const QString& refundNo, const QString& paymentNo,
                     ResultCallback done) override
    {
        call(QStringLiteral("refund query"), refundNo, std::move(done),
             [this, refundNo, paymentNo](ResultCallback cb) {
                 m_inner.refundQuery(refundNo, paymentNo, std::move(cb));
             });
    }
    void downloadBill(const QDate& day, BillKind kind, BillCallback done) override
    {
        m_inner.downloadBill(day, kind,
                             [alive = m_alive, done = std::move(done)](const BillDownload& b) {
                                 if (!alive.expired())
                                     done(b);
                             });
    }

private:
    void call(const QString& what, const QString& number, ResultCallback done,
              const std::function<void(ResultCallback)>& send)
    {
        const int draw = m_random.below(100);
        int edge = m_weather.notSentPct;
        if (draw < edge) {
            note(QStringLiteral("%1 %2 not sent").arg(what, number));
            ChannelResult r;
            r.requestNo = number;
            r.returnCode = QStringLiteral("NOT_SENT");
            r.message = QStringLiteral("connection refused (simulated)");
            r.notSent = true;
            r.noAnswer = true;
            // Asynchronous, as every channel answer is.
            m_postbox.post(0, m_alive, [done = std::move(done), r] { done(r); });
            return;
        }
        if (draw < (edge += m_weather.lostRequestPct)) {
            note(QStringLiteral("%1 %2 lost on the way").arg(what, number));
            return;
        }
        if (draw < (edge += m_weather.lostAnswerPct)) {
            note(QStringLiteral("%1 %2 answer lost").arg(what, number));
            send([](const ChannelResult&) {});
            return;
        }
        if (draw < (edge += m_weather.lateAnswerPct)) {
            const qint64 lateMs = m_random.between(1, qMax<qint64>(1, m_weather.maxLateMs));
            note(QStringLiteral("%1 %2 answer %3 ms late").arg(what, number).arg(lateMs));
            send([this, alive = m_alive, lateMs, done = std::move(done)](const ChannelResult& r) {
                if (!alive.expired())
                    m_postbox.post(lateMs, alive, [done, r] { done(r); });
            });
            return;
        }
        send([alive = m_alive, done = std::move(done)](const ChannelResult& r) {
            if (!alive.expired())
                done(r);
        });
    }

    void arrive(const ChannelNotification& n)
    {
        const int draw = m_random.below(100);
        int edge = m_weather.dropNotificationPct;
        if (draw < edge) {
            note(QStringLiteral("notification of %1 dropped").arg(n.paymentNo));
            return;
        }
        qint64 delayMs = 0;
        if (draw < (edge += m_weather.delayNotificationPct)) {
            delayMs = m_random.between(1, qMax<qint64>(1, m_weather.maxNotificationDelayMs));
            note(QStringLiteral("notification of %1 delayed %2 ms").arg(n.paymentNo).arg(delayMs));
        }
        const bool twice = m_random.percent(m_weather.duplicateNotificationPct);
        if (twice)
            note(QStringLiteral("notification of %1 doubled").arg(n.paymentNo));
        for (int i = 0; i < (twice ? 2 : 1); ++i)
            m_postbox.post(delayMs + i * m_random.between(0, 2000), m_alive,
                           [this, n] { deliver(n); });
    }

    void note(const QString& line)
    {
        if (m_note)
            m_note(m_inner.name() + QLatin1Char(' ') + line);
    }

    SandboxChannel m_inner;
    SimPostbox& m_postbox;
    SimRandom& m_random;
    const ChannelWeather& m_weather;
    std::weak_ptr<void> m_alive;
    SimChannels::Note m_note;
};

SimChannels::SimChannels(SandboxAcquirer& acquirer, SimPostbox& postbox, SimRandom& random,
                         ChannelWeather weather, Note note)
    : m_acquirer(acquirer), m_postbox(postbox), m_random(random), m_weather(weather),
      m_note(std::move(note))
{}

SimChannels::~SimChannels()
{
    // This process is gone: the acquirer keeps what it would have posted.
    m_acquirer.setNotificationSink({});
    m_alive.reset();
}

QString SimChannels::open(const QString&, bool, Clock&)
{
    // The acquirer is open already and outlives this process; from now on
    // it posts its results to this process's channels.
    m_acquirer.setNotificationSink([this](const QString& name, const ChannelNotification& n,
                                          const SandboxAcquirer::NotifyTarget&) {
        if (FaultyChannel* c = channel(name))
            c->inner().deliverNotification(n);
    });
    return QString();
}

Channel* SimChannels::serve(const QString& name)
{
    if (FaultyChannel* c = channel(name))
        return c;
    m_channels.push_back(std::make_unique<FaultyChannel>(name, m_acquirer, m_postbox, m_random,
                                                         m_weather, m_alive, m_note));
    return m_channels.back().get();
}

ChannelProvider::BillShape SimChannels::billShape(const QString& name) const
{
    FaultyChannel* c = channel(name);
    return c ? BillShape{c->inner().billsAreAlipay(), c->inner().billMerchant()} : BillShape{};
}

FaultyChannel* SimChannels::channel(const QString& name) const
{
    for (const auto& c : m_channels)
        if (c->name() == name)
            return c.get();
    return nullptr;
}

} // namespace paydesk::sim
