#pragma once

#include "channels/ChannelProvider.h"
#include "sandbox/SandboxAcquirer.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace paydesk::sim {

class SimPostbox;
class SimRandom;
class FaultyChannel;

// How unreliable the network between the shop and its acquirer is in one
// run, each figure a percentage of calls or notifications.
struct ChannelWeather
{
    int notSentPct = 0;     // the call never leaves (refused connection)
    int lostRequestPct = 0; // the request is lost on the way: never answered
    int lostAnswerPct = 0;  // the acquirer does the work, its answer is lost
    int lateAnswerPct = 0;  // the answer comes, but late (maybe after the timeout)
    qint64 maxLateMs = 0;
    int dropNotificationPct = 0;
    int duplicateNotificationPct = 0;
    int delayNotificationPct = 0; // delayed, so later ones may overtake it
    qint64 maxNotificationDelayMs = 0;

    QString describe() const;
};

// The channels one core process sees: the long-lived sandbox acquirer (it
// outlives every crash of the shop, as a real acquirer does) behind
// channels that lose, delay and duplicate as the weather says. One per
// process: when the process dies, its answers and notifications in flight
// die with it.
class SimChannels final : public ChannelProvider
{
public:
    using Note = std::function<void(const QString& line)>;

    SimChannels(SandboxAcquirer& acquirer, SimPostbox& postbox, SimRandom& random,
                ChannelWeather weather, Note note);
    ~SimChannels() override;

    QString open(const QString& dataDir, bool durable, Clock& clock) override;
    Channel* serve(const QString& name) override;
    BillShape billShape(const QString& name) const override;

private:
    FaultyChannel* channel(const QString& name) const;

    SandboxAcquirer& m_acquirer;
    SimPostbox& m_postbox;
    SimRandom& m_random;
    ChannelWeather m_weather;
    Note m_note;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
    std::vector<std::unique_ptr<FaultyChannel>> m_channels;
};

} // namespace paydesk::sim
