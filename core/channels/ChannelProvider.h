#pragma once

#include <QString>

namespace paydesk {

class Channel;
class Clock;

// Channels that are not network gateways, served by something a front end
// chose to add: the in-process sandbox acquirer of a test shop, the demo or
// a test. The core knows only this interface, so a production front end
// links no sandbox at all.
class ChannelProvider
{
public:
    virtual ~ChannelProvider() = default;

    // Opens what it keeps (its own database in `dataDir`). Error text or
    // empty.
    virtual QString open(const QString& dataDir, bool durable, Clock& clock) = 0;
    // Serves a channel named `name` from now on (the engine routes to it);
    // owned by the provider. Null when it cannot.
    virtual Channel* serve(const QString& name) = 0;

    // How a served channel's bills look, for reconciliation.
    struct BillShape
    {
        bool alipayFormat = false;
        QString merchant;
    };
    virtual BillShape billShape(const QString& name) const = 0;
};

} // namespace paydesk
