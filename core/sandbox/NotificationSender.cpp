#include "sandbox/NotificationSender.h"

#include "channels/wechat/WeChatV2Message.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

namespace paydesk {

namespace {
Q_LOGGING_CATEGORY(lcNotify, "paydesk.sandbox.notify")
} // namespace

NotificationSender::NotificationSender(HttpTransport& transport, Options options, QObject* parent)
    : QObject(parent), m_transport(transport), m_options(std::move(options))
{}

bool NotificationSender::isAcknowledgement(Ack ack, const QByteArray& body)
{
    if (ack == Ack::Alipay)
        return body.trimmed() == "success";
    const wechat::XmlResult xml = wechat::parseXml(body);
    return xml.ok() && xml.params.value(QStringLiteral("return_code")) == QLatin1String("SUCCESS");
}

void NotificationSender::send(const QUrl& url, const QByteArray& contentType,
                              const QByteArray& body, Ack ack, const QString& label)
{
    if (m_stats.pending >= m_options.maxPending) {
        ++m_stats.dropped;
        qCWarning(lcNotify) << "too many notifications waiting; dropped" << label;
        return;
    }
    Attempt a;
    a.call.url = url;
    a.call.contentType = contentType;
    a.call.body = body;
    a.ack = ack;
    a.label = label;
    ++m_stats.pending;
    post(std::move(a));
}

void NotificationSender::post(Attempt a)
{
    ++m_stats.attempts;
    QPointer<NotificationSender> guard(this);
    const HttpCall call = a.call;
    m_transport.post(call, [guard, a = std::move(a)](const HttpReply& reply) mutable {
        if (!guard)
            return;
        NotificationSender* self = guard;
        if (reply.outcome != HttpReply::Outcome::Answered) {
            ++self->m_stats.failedAttempts;
            return self->failed(std::move(a), reply.error);
        }
        if (reply.httpStatus != 200 || !isAcknowledgement(a.ack, reply.body)) {
            ++self->m_stats.refusedAttempts;
            return self->failed(std::move(a), QStringLiteral("HTTP %1: %2")
                                                  .arg(reply.httpStatus)
                                                  .arg(QString::fromUtf8(reply.body.left(200))));
        }
        ++self->m_stats.acknowledged;
        --self->m_stats.pending;
        qCDebug(lcNotify) << "acknowledged" << a.label;
        emit self->acknowledged(a.label);
    });
}

void NotificationSender::failed(Attempt a, const QString& why)
{
    if (a.failures >= m_options.retryDelaysMs.size()) {
        ++m_stats.gaveUp;
        --m_stats.pending;
        qCWarning(lcNotify) << "gave up on" << a.label << "after" << a.failures + 1
                            << "attempts:" << why;
        emit gaveUp(a.label, why);
        return;
    }
    const qint64 delayMs = m_options.retryDelaysMs.at(a.failures);
    ++a.failures;
    qCInfo(lcNotify) << a.label << "not acknowledged (" << why << "); again in" << delayMs << "ms";
    QTimer::singleShot(std::chrono::milliseconds(delayMs), this,
                       [this, a = std::move(a)]() mutable { post(std::move(a)); });
}

} // namespace paydesk
