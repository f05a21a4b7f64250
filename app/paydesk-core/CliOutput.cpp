#include "CliOutput.h"
#include "api/types/ChinaTime.h"

#include "api/Json.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimeZone>

#include <cstdio>

namespace paydesk::cli {

namespace {
QString clock(qint64 ms)
{
    return chinaTime(ms).toString(QStringLiteral("HH:mm:ss.zzz"));
}
} // namespace

Output::Output(bool json) : m_json(json), m_out(stdout), m_err(stderr) {}

void Output::object(const QJsonObject& o)
{
    m_out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
}

void Output::line(const QString& text)
{
    if (!m_json)
        m_out << text << Qt::endl;
}

void Output::error(const QString& text)
{
    if (m_json)
        object({{QStringLiteral("error"), text}});
    else
        m_err << "paydesk-core: " << text << Qt::endl;
}

void Output::notice(const QString& text)
{
    m_err << "paydesk-core: " << text << Qt::endl;
}

void Output::outcome(const CommandOutcome& o)
{
    if (m_json)
        return object(toJson(o));
    if (!o.ok())
        return error(o.message);
    m_out << o.message;
    if (o.repeated)
        m_out << " (repeated request)";
    m_out << Qt::endl;
    if (!o.codeUrl.isEmpty())
        m_out << "QR code URL: " << o.codeUrl << Qt::endl;
}

void Output::order(const OrderRecord& o)
{
    if (m_json)
        return object(toJson(o));
    m_out << QStringLiteral("%1  %2  %3  %4  %5")
                 .arg(o.orderNo, orderStateName(o.state).leftJustified(18),
                      o.amount.toDisplayString().rightJustified(12),
                      isoTime(o.createdAtMs), o.subject)
          << Qt::endl;
}

void Output::event(const TrackEvent& e)
{
    if (m_json)
        return object(toJson(e));
    QString text = QStringLiteral("%1  %2  %3  %4  %5")
                       .arg(clock(e.atMs), e.source.leftJustified(16), e.kind.leftJustified(10),
                            e.entity, e.message);
    if (!e.fromState.isEmpty() || !e.toState.isEmpty())
        text += QStringLiteral("  [%1 -> %2]").arg(e.fromState, e.toState);
    if (e.alert != AlertLevel::None)
        text += QStringLiteral("  !%1").arg(alertLevelName(e.alert).toUpper());
    m_out << text << Qt::endl;
}

void Output::details(const OrderDetails& d)
{
    if (m_json)
        return object(toJson(d));
    const OrderRecord& o = d.order;
    m_out << "Order     " << o.orderNo << Qt::endl
          << "State     " << orderStateName(o.state) << Qt::endl
          << "Amount    " << o.amount.toDisplayString() << Qt::endl
          << "Refunded  " << Money::fromFen(o.refundedFen, o.amount.currency()).toDisplayString();
    if (o.refundPendingFen)
        m_out << " (+" << Money::fromFen(o.refundPendingFen).toDisplayString() << " pending)";
    m_out << Qt::endl
          << "Request   " << o.requestNo << Qt::endl
          << "Created   " << isoTime(o.createdAtMs) << Qt::endl;
    for (const auto& p : d.payments)
        m_out << "Payment   " << p.paymentNo << "  " << walletName(p.wallet) << " via " << p.channel
              << "  " << p.codeMasked << "  " << paymentStateName(p.state) << "  "
              << p.channelTradeNo << Qt::endl;
    for (const auto& r : d.revokes)
        m_out << "Revoke    " << r.revokeNo << "  " << revokeStateName(r.state) << "  attempts "
              << r.attempts << "  " << r.action << "  " << r.reason << Qt::endl;
    for (const auto& r : d.refunds)
        m_out << "Refund    " << r.refundNo << "  " << r.amount.toDisplayString() << "  "
              << refundStateName(r.state) << "  " << r.reason << Qt::endl;
    m_out << "Timeline" << Qt::endl;
    for (const auto& e : d.events)
        event(e);
}

void Output::alert(const AlertRecord& a)
{
    if (m_json)
        return object(toJson(a));
    m_out << QStringLiteral("#%1  %2  %3  %4  %5  %6%7")
                 .arg(a.id)
                 .arg(isoTime(a.atMs), alertLevelName(a.level).toUpper(), a.kind, a.orderNo,
                      a.message,
                      a.acknowledgedAtMs ? QStringLiteral("  (ack by %1)").arg(a.acknowledgedBy)
                                         : QString())
          << Qt::endl;
}

} // namespace paydesk::cli
