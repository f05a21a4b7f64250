#include "shell/ReachabilityLights.h"

#include "cashier/SaleView.h"

#include <QHBoxLayout>
#include <QLabel>

namespace paydesk::ui {

ReachabilityLights::ReachabilityLights(PayDeskApi& api, QWidget* parent)
    : QWidget(parent), m_api(api), m_layout(new QHBoxLayout(this))
{
    setObjectName(QStringLiteral("reachabilityLights"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    connect(&m_api, &PayDeskApi::reachabilityChanged, this, &ReachabilityLights::refresh);
    refresh();
}

void ReachabilityLights::refresh()
{
    while (QLayoutItem* item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const WalletReachability& r : m_api.reachability()) {
        auto* light = new QLabel(this);
        light->setObjectName(QStringLiteral("reachability_") + walletName(r.wallet));
        const char* colour = r.state == Reachability::Up     ? "#1b7f3b"
                             : r.state == Reachability::Down ? "#b00020"
                                                             : "#777777";
        light->setText(QStringLiteral("<span style='color:%1'>●</span> %2")
                           .arg(QLatin1String(colour), SaleText::walletLabel(r.wallet)));
        light->setToolTip(r.state == Reachability::Up ? tr("%1 answers.").arg(r.channel)
                          : r.state == Reachability::Down
                              ? tr("%1 cannot be reached: %2").arg(r.channel, r.detail)
                              : tr("%1: no call yet.").arg(r.channel));
        light->setProperty("reachability", int(r.state));
        m_layout->addWidget(light);
    }
}

} // namespace paydesk::ui
