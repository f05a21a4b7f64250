#include "sandbox/InProcessSandbox.h"

#include "sandbox/SandboxChannel.h"

#include <QDir>

namespace paydesk {

InProcessSandbox::InProcessSandbox() = default;

InProcessSandbox::~InProcessSandbox()
{
    // The channels hold the acquirer: they go first.
    m_channels.clear();
    m_acquirer.reset();
}

QString InProcessSandbox::open(const QString& dataDir, bool durable, Clock& clock)
{
    m_acquirer = std::make_unique<SandboxAcquirer>(clock);
    DatabaseConfig config;
    config.sqlitePath = QDir(dataDir).filePath(QStringLiteral("sandbox.db"));
    config.durable = durable;
    if (QString e = m_acquirer->open(config); !e.isEmpty())
        return e;
    // Notifications (QR results) go to the channel the trade was made on.
    m_acquirer->setNotificationSink([this](const QString& name, const ChannelNotification& n,
                                           const SandboxAcquirer::NotifyTarget&) {
        if (SandboxChannel* c = channel(name))
            c->deliverNotification(n);
    });
    return QString();
}

Channel* InProcessSandbox::serve(const QString& name)
{
    Q_ASSERT_X(m_acquirer, "InProcessSandbox::serve", "open() first");
    if (SandboxChannel* c = channel(name))
        return c;
    m_channels.push_back(std::make_unique<SandboxChannel>(name, *m_acquirer));
    return m_channels.back().get();
}

ChannelProvider::BillShape InProcessSandbox::billShape(const QString& name) const
{
    const SandboxChannel* c = channel(name);
    return c ? BillShape{c->billsAreAlipay(), c->billMerchant()} : BillShape{};
}

SandboxChannel* InProcessSandbox::channel(const QString& name) const
{
    for (const auto& c : m_channels)
        if (c->name() == name)
            return c.get();
    return nullptr;
}

} // namespace paydesk
