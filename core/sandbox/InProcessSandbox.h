#pragma once

#include "channels/ChannelProvider.h"
#include "sandbox/SandboxAcquirer.h"

#include <memory>
#include <vector>

namespace paydesk {

class SandboxChannel;

// The sandbox acquirer in this process, behind every channel the engine
// asks it to serve (a test shop's wallets without a gateway, the tests').
// Its trades are in DIR/sandbox.db. The acquirer is reachable for playing
// the customer (scanning a QR code) and for tests.
class InProcessSandbox final : public ChannelProvider
{
public:
    InProcessSandbox();
    ~InProcessSandbox() override;

    QString open(const QString& dataDir, bool durable, Clock& clock) override;
    Channel* serve(const QString& name) override;
    BillShape billShape(const QString& name) const override;

    // Null before open().
    SandboxAcquirer* acquirer() const { return m_acquirer.get(); }
    // The channel served as `name`, null when none.
    SandboxChannel* channel(const QString& name) const;

private:
    std::unique_ptr<SandboxAcquirer> m_acquirer;
    std::vector<std::unique_ptr<SandboxChannel>> m_channels;
};

} // namespace paydesk
