#pragma once

#include "channels/Channel.h"
#include "channels/GatewaySettings.h"

#include <memory>

namespace paydesk {

// A channel reached over the network, with the transport it owns (one per
// channel: its own connections, cap and queue).
struct GatewayChannel
{
    std::unique_ptr<NetworkTransport> transport;
    std::unique_ptr<Channel> channel;
};

// Builds the adapter `settings` asks for under the channel name `name`.
// Returns an error text (bad keys), empty on success.
QString makeGatewayChannel(const QString& name, const GatewaySettings& settings,
                           GatewayChannel* out);

} // namespace paydesk
