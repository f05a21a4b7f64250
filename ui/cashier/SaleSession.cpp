#include "cashier/SaleSession.h"

#include <QUuid>

namespace paydesk::ui {

SaleSession::SaleSession(PayDeskApi& api, QObject* parent)
    : QObject(parent), m_api(api), m_view(SaleText::idle())
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &SaleSession::refresh);
    connect(&m_api, &PayDeskApi::orderChanged, this, [this](const QString& orderNo, int) {
        if (orderNo == m_orderNo)
            scheduleRefresh();
    });
    connect(&m_api, &PayDeskApi::paymentChanged, this,
            [this](const QString& orderNo, const QString&, int) {
                if (orderNo == m_orderNo)
                    scheduleRefresh();
            });
    connect(&m_api, &PayDeskApi::eventRecorded, this, [this](const TrackEvent& e) {
        if (e.orderNo == m_orderNo)
            scheduleRefresh();
    });
    connect(&m_api, &PayDeskApi::linkChanged, this, &SaleSession::onLinkChanged);
}

void SaleSession::onLinkChanged(bool up)
{
    // Only a sale under way waits; a new one is refused with the reason.
    if (!m_view.busy() && !m_awaitingReply)
        return;
    if (!up)
        setView(SaleText::waitingForServer(m_view));
    else if (m_orderNo.isEmpty())
        setView(SaleText::starting(m_view.amountFen)); // its answer is on the way again
    else
        refresh();
}

QString SaleSession::newRequestNo()
{
    return QStringLiteral("gui-") + QUuid::createUuid().toString(QUuid::Id128);
}

bool SaleSession::charge(const Money& amount, const QString& paymentCode, const QString& note)
{
    if (busy() || m_awaitingReply)
        return false;
    PayCommand cmd{newRequestNo(), amount, paymentCode, note, {}};
    m_awaitingReply = true;
    m_orderNo.clear();
    setView(SaleText::starting(amount.fen()));
    m_api.pay(cmd, [this, fen = amount.fen()](const CommandOutcome& o) {
        m_awaitingReply = false;
        if (!o.ok()) {
            setView(SaleText::refused(o, fen));
            return;
        }
        follow(o.orderNo);
    });
    return true;
}

bool SaleSession::presentQr(const Money& amount, Wallet wallet, const QString& note)
{
    if (busy() || m_awaitingReply)
        return false;
    QrCommand cmd{newRequestNo(), amount, wallet, note};
    m_awaitingReply = true;
    m_orderNo.clear();
    setView(SaleText::starting(amount.fen()));
    m_api.createQr(cmd, [this, fen = amount.fen()](const CommandOutcome& o) {
        m_awaitingReply = false;
        if (!o.ok()) {
            setView(SaleText::refused(o, fen));
            return;
        }
        follow(o.orderNo);
        if (!o.codeUrl.isEmpty())
            Q_EMIT qrReady(o.codeUrl);
    });
    return true;
}

void SaleSession::revoke()
{
    if (m_orderNo.isEmpty() || !m_view.canRevoke)
        return;
    RevokeCommand cmd{newRequestNo(), m_orderNo, QStringLiteral("cancelled by the cashier")};
    m_view.canRevoke = false; // one click is enough; the core's answer follows
    Q_EMIT viewChanged(m_view);
    m_api.revoke(cmd, [this](const CommandOutcome& o) {
        Q_EMIT notice(o.ok() ? tr("Revoke requested: the payment is being cancelled.")
                             : tr("Not revoked: %1").arg(o.message));
        scheduleRefresh();
    });
}

void SaleSession::reset()
{
    if (busy() || m_awaitingReply)
        return;
    m_orderNo.clear();
    setView(SaleText::idle());
}

void SaleSession::retranslate()
{
    if (!m_orderNo.isEmpty())
        refresh();
    else if (m_view.phase == SalePhase::Idle)
        setView(SaleText::idle());
}

void SaleSession::follow(const QString& orderNo)
{
    m_orderNo = orderNo;
    refresh();
}

void SaleSession::scheduleRefresh()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void SaleSession::refresh()
{
    if (m_orderNo.isEmpty())
        return;
    const QString orderNo = m_orderNo;
    m_api.orderDetails(orderNo, [this, orderNo](const std::optional<OrderDetails>& d) {
        if (!d || orderNo != m_orderNo)
            return;
        const bool wasFinal = m_view.final;
        SaleView v = SaleText::describe(*d);
        if (!m_api.linkUp() && !v.final)
            v = SaleText::waitingForServer(v);
        setView(v);
        if (m_view.final && !wasFinal)
            Q_EMIT saleFinished(orderNo);
    });
}

void SaleSession::setView(const SaleView& v)
{
    m_view = v;
    Q_EMIT viewChanged(m_view);
}

} // namespace paydesk::ui
