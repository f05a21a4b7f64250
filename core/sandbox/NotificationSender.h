#pragma once

#include "channels/transport/HttpTransport.h"

#include <QList>
#include <QObject>
#include <QUrl>

namespace paydesk {

// Posts an acquirer's notifications to merchants' notify_url the way the
// gateways do: again on a schedule until the merchant acknowledges in the
// gateway's own shape (WeChat: XML with return_code SUCCESS; Alipay: the
// body "success"), then never again. Attempts live in memory: a notification
// still unacknowledged when the process stops is not sent again, and the
// merchant learns the result by querying, as it must anyway (the gateways
// do not promise delivery either).
class NotificationSender final : public QObject
{
    Q_OBJECT
public:
    enum class Ack
    {
        WeChat,
        Alipay
    };
    struct Options
    {
        // After each failed attempt, the wait before the next; when the list
        // is used up the notification is given up. WeChat's own schedule,
        // 15s/15s/30s/3m/10m/... over 24 hours, compressed for a sandbox.
        QList<qint64> retryDelaysMs = {1'000, 2'000, 5'000, 15'000, 30'000, 60'000};
        int maxPending = 10'000; // beyond that a new notification is dropped
    };
    struct Stats
    {
        int attempts = 0;
        int acknowledged = 0;
        int refusedAttempts = 0; // answered, but not with the acknowledgement
        int failedAttempts = 0;  // no answer: connection refused, timeout, ...
        int gaveUp = 0;
        int dropped = 0;
        int pending = 0;
    };

    NotificationSender(HttpTransport& transport, Options options, QObject* parent = nullptr);
    NotificationSender(HttpTransport& transport, QObject* parent = nullptr)
        : NotificationSender(transport, Options(), parent)
    {}

    // `label` names the notification in logs and signals ("wechat P123 SUCCESS").
    void send(const QUrl& url, const QByteArray& contentType, const QByteArray& body, Ack ack,
              const QString& label);
    Stats stats() const { return m_stats; }

    // Whether `body` is the merchant's acknowledgement in `ack`'s shape.
    static bool isAcknowledgement(Ack ack, const QByteArray& body);

signals:
    void acknowledged(const QString& label);
    void gaveUp(const QString& label, const QString& lastError);

private:
    struct Attempt
    {
        HttpCall call;
        Ack ack = Ack::WeChat;
        QString label;
        int failures = 0;
    };
    void post(Attempt a);
    void failed(Attempt a, const QString& why);

    HttpTransport& m_transport;
    Options m_options;
    Stats m_stats;
};

} // namespace paydesk
