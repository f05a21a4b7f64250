#include "sandbox/GatewayFront.h"

#include "sandbox/SandboxAcquirer.h"

namespace paydesk {

void payAndReply(SandboxAcquirer& acquirer, const QString& channel, const BarcodePayRequest& req,
                 GatewayRespond respond, GatewayReply reply)
{
    auto build = [respond = std::move(respond)](const ChannelResult& r, bool dropped) {
        return dropped ? GatewayResponse{200, {}, {}, true} : respond(r);
    };
    acquirer.barcodePay(
        channel, req,
        [build, reply](const ChannelResult& r, bool dropped) { reply(build(r, dropped)); },
        [build, reply](const ChannelResult& r, bool dropped) {
            return [reply, built = build(r, dropped)] { reply(built); };
        });
}

} // namespace paydesk
