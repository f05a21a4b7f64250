// NotificationSender: how the sandbox posts notifications to a merchant's
// notify_url. Scripted transport answers; no network.
#include "sandbox/NotificationSender.h"

#include <QtTest>

#include <deque>

using namespace paydesk;

Q_DECLARE_METATYPE(paydesk::NotificationSender::Ack)

namespace {

// Answers each post with the next scripted reply, later, like a network.
class ScriptedTransport final : public HttpTransport
{
public:
    std::deque<HttpReply> script;
    QList<HttpCall> calls;

    void post(const HttpCall& call, std::function<void(const HttpReply&)> done) override
    {
        calls << call;
        HttpReply r;
        r.outcome = HttpReply::Outcome::NotConnected;
        r.error = QStringLiteral("connection refused");
        if (!script.empty()) {
            r = script.front();
            script.pop_front();
        }
        QTimer::singleShot(0, [r, done = std::move(done)] { done(r); });
    }
};

HttpReply answered(int status, const QByteArray& body)
{
    HttpReply r;
    r.outcome = HttpReply::Outcome::Answered;
    r.httpStatus = status;
    r.body = body;
    return r;
}

HttpReply unreachable()
{
    HttpReply r;
    r.outcome = HttpReply::Outcome::NotConnected;
    r.error = QStringLiteral("connection refused");
    return r;
}

const QByteArray kWeChatOk = "<xml><return_code><![CDATA[SUCCESS]]></"
                             "return_code><return_msg><![CDATA[OK]]></return_msg></xml>";
const QByteArray kWeChatFail = "<xml><return_code><![CDATA[FAIL]]></"
                               "return_code><return_msg><![CDATA[busy]]></return_msg></xml>";

} // namespace

class tst_NotificationSender : public QObject
{
    Q_OBJECT

private slots:
    void acknowledgement_data()
    {
        QTest::addColumn<NotificationSender::Ack>("ack");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("acknowledged");
        using A = NotificationSender::Ack;
        QTest::newRow("alipay-success") << A::Alipay << QByteArray("success") << true;
        QTest::newRow("alipay-success-newline") << A::Alipay << QByteArray("success\r\n") << true;
        QTest::newRow("alipay-failure") << A::Alipay << QByteArray("failure") << false;
        QTest::newRow("alipay-html-page")
            << A::Alipay << QByteArray("<html>success</html>") << false;
        QTest::newRow("wechat-success") << A::WeChat << kWeChatOk << true;
        QTest::newRow("wechat-fail") << A::WeChat << kWeChatFail << false;
        QTest::newRow("wechat-plain-success") << A::WeChat << QByteArray("SUCCESS") << false;
        QTest::newRow("wechat-truncated") << A::WeChat << kWeChatOk.left(40) << false;
    }
    void acknowledgement()
    {
        QFETCH(NotificationSender::Ack, ack);
        QFETCH(QByteArray, body);
        QFETCH(bool, acknowledged);
        QCOMPARE(NotificationSender::isAcknowledgement(ack, body), acknowledged);
    }

    void retriesUntilAcknowledged_data()
    {
        QTest::addColumn<QList<HttpReply>>("replies");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<int>("acknowledged");
        QTest::addColumn<int>("gaveUp");
        QTest::newRow("first-time") << QList<HttpReply>{answered(200, "success")} << 1 << 1 << 0;
        QTest::newRow("listener-down-then-up")
            << QList<HttpReply>{unreachable(), unreachable(), answered(200, "success")} << 3 << 1
            << 0;
        QTest::newRow("merchant-says-failure-then-success")
            << QList<HttpReply>{answered(200, "failure"), answered(500, "oops"),
                                answered(200, "success")}
            << 3 << 1 << 0;
        // Three retries configured: four attempts in all, then given up.
        QTest::newRow("never-acknowledged")
            << QList<HttpReply>{answered(200, "failure"), unreachable(), answered(404, ""),
                                answered(200, "fail")}
            << 4 << 0 << 1;
    }
    void retriesUntilAcknowledged()
    {
        QFETCH(QList<HttpReply>, replies);
        QFETCH(int, attempts);
        QFETCH(int, acknowledged);
        QFETCH(int, gaveUp);
        ScriptedTransport transport;
        transport.script.assign(replies.cbegin(), replies.cend());
        NotificationSender::Options o;
        o.retryDelaysMs = {5, 5, 5};
        NotificationSender sender(transport, o);
        QSignalSpy acks(&sender, &NotificationSender::acknowledged);
        QSignalSpy givenUp(&sender, &NotificationSender::gaveUp);
        sender.send(QUrl(QStringLiteral("http://127.0.0.1:9/notify/alipay")),
                    "application/x-www-form-urlencoded", "a=1", NotificationSender::Ack::Alipay,
                    QStringLiteral("alipay P1"));
        QTRY_COMPARE_WITH_TIMEOUT(sender.stats().pending, 0, 5000);
        QCOMPARE(sender.stats().attempts, attempts);
        QCOMPARE(transport.calls.size(), attempts);
        QCOMPARE(sender.stats().acknowledged, acknowledged);
        QCOMPARE(sender.stats().gaveUp, gaveUp);
        QCOMPARE(acks.size(), acknowledged);
        QCOMPARE(givenUp.size(), gaveUp);
        // Every attempt is the same message to the same place.
        for (const HttpCall& c : transport.calls) {
            QCOMPARE(c.url, QUrl(QStringLiteral("http://127.0.0.1:9/notify/alipay")));
            QCOMPARE(c.body, QByteArray("a=1"));
        }
    }

    void boundedQueueDropsTheExcess()
    {
        ScriptedTransport transport; // never answers anything but "refused"
        NotificationSender::Options o;
        o.retryDelaysMs = {60'000};
        o.maxPending = 2;
        NotificationSender sender(transport, o);
        for (int i = 0; i < 3; ++i)
            sender.send(QUrl(QStringLiteral("http://127.0.0.1:9/n")), "text/xml", kWeChatOk,
                        NotificationSender::Ack::WeChat, QStringLiteral("n%1").arg(i));
        QCOMPARE(sender.stats().pending, 2);
        QCOMPARE(sender.stats().dropped, 1);
        QTRY_COMPARE(sender.stats().failedAttempts, 2);
    }
};

QTEST_GUILESS_MAIN(tst_NotificationSender)
#include "tst_notificationsender.moc"
