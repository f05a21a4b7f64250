#pragma once

#include "RemoteLink.h"
#include "api/PayDeskApi.h"
#include "api/TerminalKeyFile.h"

#include <QPointer>
#include <QSet>
#include <QSslConfiguration>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;
class QWebSocket;

namespace paydesk {

struct RemoteOptions
{
    QUrl server; // "https://core.shop.example:8443"
    // Other servers on the same database, tried in turn while the current
    // one cannot be reached (a request not sent goes to the next at once;
    // one whose answer was lost is asked again there, under its number).
    QList<QUrl> moreServers;
    TerminalKey key;
    int requestTimeoutMs = 15'000;
    // The time requests are signed with (tests: the core's manual clock).
    std::function<qint64()> nowMs;
    int maxBackoffMs = 30'000;
};

// The facade over a server (paydesk-core serve): every call a signed HTTP
// request, the signals from the server's WebSocket. A command whose answer
// was lost (the link dropped after it was sent) is sent again under the
// same request number until the server answers, so its reply is the true
// outcome, never a guess; meanwhile the link is down (linkChanged). A
// command that could not be sent at all answers ServerUnreachable at once:
// nothing was done. After a reconnect it catches up on what it missed (the
// server's backlog, or by re-reading the orders it is watching). The back
// office and reconciliation (RemoteBackOffice.h) go over the same link.
class RemoteApi final : public PayDeskApi, private RemoteLink
{
    Q_OBJECT
public:
    explicit RemoteApi(RemoteOptions options, QObject* parent = nullptr);
    ~RemoteApi() override;

    // Connects the events and reads the limits and reachability. Returns
    // at once; linkChanged(true) follows when the server answers.
    void start();
    bool linkUp() const override { return m_linkUp; }
    QString linkError() const { return m_linkError; }

    void pay(const PayCommand& cmd, Reply reply) override;
    void createQr(const QrCommand& cmd, Reply reply) override;
    void refund(const RefundCommand& cmd, Reply reply) override;
    void revoke(const RevokeCommand& cmd, Reply reply) override;
    void query(const QString& orderNo, Reply reply) override;
    void orderDetails(const QString& orderNo, DetailsReply reply) override;
    void orders(const OrderFilter& filter, OrdersReply reply) override;
    void alerts(bool openOnly, int limit, AlertsReply reply) override;
    void acknowledgeAlert(qint64 alertId, const QString& who, Reply reply) override;
    void reportPinLockout(const PinLockout& lockout, Reply reply) override;
    BackOfficeApi& accounting() override;
    ReconApi& reconciliation() override;
    DashboardAccess& dashboard() override;
    int resumeAll() override { return 0; } // the server resumes its own work
    bool isIdle() const override { return m_inFlight == 0; }
    // While the server cannot be reached, every wallet is down with the
    // reason: the counter takes no sale it could not send.
    QList<WalletReachability> reachability() const override;
    CounterLimits counterLimits() const override { return m_limits; }

    // "https://a:8443,https://b:8443": the servers in the order tried, each
    // http or https with a host. Error text naming the bad one, or empty.
    static QString parseServers(const QString& text, QList<QUrl>* servers);
    // The server requests go to now.
    QUrl currentServer() const;

    // Enrols a terminal: its one-time code for its secret. Error text or empty.
    static QString enrol(const QUrl& server, const TerminalKey& who, const QString& code,
                         QByteArray* secret);

private:
    using Answer = RemoteAnswer;
    void send(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body,
              bool resendWhenLost, AnswerFn done) override;
    void sendAttempt(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body,
                     bool resendWhenLost, AnswerFn done, int attempt, bool sentBefore);
    int serverCount() const { return 1 + int(m_options.moreServers.size()); }
    // After `failed` could not be reached: the next server, unless another
    // request has moved on already.
    void moveOnFrom(const QUrl& failed);
    void command(const QString& path, const QJsonObject& body, Reply reply);
    void setLink(bool up, const QString& error);
    void connectEvents();
    void onEvent(const QString& text);
    void resync();
    void watch(const QString& orderNo);
    void refreshCounterState();
    QSslConfiguration tls() const;
    void trustPinned(QNetworkReply* reply);

    RemoteOptions m_options;
    QNetworkAccessManager* m_nam = nullptr;
    QWebSocket* m_events = nullptr;
    QTimer* m_reconnect = nullptr;
    int m_backoffMs = 500;
    int m_server = 0; // index into server + moreServers
    bool m_linkUp = false;
    QString m_linkError;
    int m_inFlight = 0;
    QString m_epoch;
    qint64 m_seq = 0;
    QSet<QString> m_watched;            // orders not final that this counter touched
    QHash<QString, qint64> m_lastEvent; // per watched order, the last event id seen
    QList<WalletReachability> m_reachability;
    CounterLimits m_limits;
    std::unique_ptr<BackOfficeApi> m_accounting;
    std::unique_ptr<ReconApi> m_reconciliation;
    std::unique_ptr<DashboardAccess> m_dashboard;
};

} // namespace paydesk
