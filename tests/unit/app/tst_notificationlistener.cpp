// The notify URL is open to anyone: what a stranger can take from it is
// bounded. An outside test found 3,000 unsigned POSTs giving 3,000 alerts, a
// 100 MB body taking the process to 317 MB, and 3,000 idle connections
// still open after 70 s while real notifications timed out.
#include "NotificationHttpServer.h"
#include "api/NotificationRefusals.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QtTest>

#include <memory>

using namespace paydesk;

namespace {

// Peak resident memory of this process, in KiB (/proc's VmHWM).
qint64 peakKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

struct Listener
{
    NotificationHttpServer server;
    int handled = 0;
    QString error;
    quint16 port = 0;

    explicit Listener(const ConnectionLimits& limits)
    {
        server.setLimits(limits);
        server.setHandler([this](const QString&, const QByteArray&, const QString&) {
            ++handled;
            NotificationReceipt r;
            r.accepted = true;
            r.replyBody = "success";
            r.replyContentType = "text/plain";
            return r;
        });
        port = server.listenOn(QHostAddress(QHostAddress::LocalHost), 0, &error);
    }
};

// A raw client: what it was answered, and how much of its body went out.
struct RawClient
{
    QTcpSocket socket;
    QByteArray answer;
    bool closed = false;

    explicit RawClient(quint16 port)
    {
        QObject::connect(&socket, &QIODevice::readyRead, [this] { answer += socket.readAll(); });
        QObject::connect(&socket, &QAbstractSocket::disconnected, [this] { closed = true; });
        QObject::connect(&socket, &QAbstractSocket::errorOccurred, [this] { closed = true; });
        socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        socket.waitForConnected(5000);
    }
    // Sends up to `total` bytes of body in chunks as the socket drains;
    // returns how many went out before the server closed.
    qint64 stream(qint64 total, bool chunked)
    {
        const QByteArray piece(64 * 1024, 'x');
        const QByteArray chunk = QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
        qint64 sent = 0;
        QElapsedTimer t;
        t.start();
        while (!closed && sent < total && t.elapsed() < 20'000) {
            if (socket.bytesToWrite() < 256 * 1024) {
                socket.write(chunked ? chunk : piece);
                sent += piece.size();
            }
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        return sent;
    }
};

QByteArray postHead(const QByteArray& extra)
{
    return "POST /notify/wechat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\n" + extra +
           "\r\n";
}

} // namespace

class tst_NotificationListener : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oversizedBodyIsRefused_data();
    void oversizedBodyIsRefused();
    void bodyAtTheLimitIsTaken();
    void idleConnectionsAreClosed();
    void connectionsBeyondTheLimitAreRefused();
    void refusalsAreAlertedOncePerSourceAndMinute();
    void refusalSourcesAreBounded();
};

void tst_NotificationListener::oversizedBodyIsRefused_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<qint64>("body"); // bytes streamed after the head
    QTest::addColumn<bool>("chunked");
    QTest::addColumn<int>("handled"); // requests that were whole and small
    QTest::newRow("declared 100 MB, nothing sent")
        << postHead("Content-Length: 100000000\r\n") << qint64(0) << false << 0;
    QTest::newRow("100 MB streamed")
        << postHead("Content-Length: 100000000\r\n") << qint64(100'000'000) << false << 0;
    QTest::newRow("chunked 100 MB, no length")
        << postHead("Transfer-Encoding: chunked\r\n") << qint64(100'000'000) << true << 0;
    // Its first 1,000 bytes are a request; the rest is not one.
    QTest::newRow("length understated, 100 MB sent")
        << postHead("Content-Length: 1000\r\n") << qint64(100'000'000) << false << 1;
}

// Regression: a 100 MB body took the process to 317 MB.
void tst_NotificationListener::oversizedBodyIsRefused()
{
    QFETCH(QByteArray, head);
    QFETCH(qint64, body);
    QFETCH(bool, chunked);
    QFETCH(int, handled);
    Listener l(ConnectionLimits{});
    QVERIFY2(l.port, qPrintable(l.error));
    const qint64 peakBefore = peakKiB();
    RawClient c(l.port);
    c.socket.write(head);
    const qint64 sent = c.stream(body, chunked);
    QTRY_VERIFY_WITH_TIMEOUT(c.closed, 5000);
    QCOMPARE(l.handled, handled);
    QVERIFY2(sent < 8 * 1024 * 1024, qPrintable(QString::number(sent)));
    // Whatever was sent, the listener held at most about one request.
    const qint64 grewKiB = peakKiB() - peakBefore;
    QVERIFY2(grewKiB < 16 * 1024, qPrintable(QStringLiteral("%1 KiB").arg(grewKiB)));
    if (body == 0) // nothing left unread: the answer arrives whole
        QVERIFY2(c.answer.startsWith("HTTP/1.1 413 Payload Too Large"), c.answer.constData());
    QCOMPARE(l.server.guard()->openConnections(), 0);
}

void tst_NotificationListener::bodyAtTheLimitIsTaken()
{
    Listener l(ConnectionLimits{});
    QVERIFY2(l.port, qPrintable(l.error));
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(l.server.baseUrl() + QStringLiteral("wechat")));
    req.setHeader(QNetworkRequest::ContentTypeHeader, "text/xml");
    std::unique_ptr<QNetworkReply> reply(nam.post(req, QByteArray(64 * 1024, 'x')));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(l.handled, 1);
}

// Regression: 3,000 idle connections were still open after 70 s.
void tst_NotificationListener::idleConnectionsAreClosed()
{
    ConnectionLimits limits;
    limits.requestTimeoutMs = 300;
    Listener l(limits);
    QVERIFY2(l.port, qPrintable(l.error));
    std::vector<std::unique_ptr<RawClient>> idle;
    for (int i = 0; i < 20; ++i)
        idle.push_back(std::make_unique<RawClient>(l.port));
    // One that drips its headers, never finishing them.
    RawClient drip(l.port);
    drip.socket.write("POST /notify/wechat HTTP/1.1\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(l.server.guard()->openConnections(), 21, 5000);
    for (int i = 0; i < 5; ++i) {
        QTest::qWait(100);
        drip.socket.write("X-Slow: 1\r\n");
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(idle.cbegin(), idle.cend(), [](const auto& c) { return c->closed; }), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(drip.closed, 5000);
    QCOMPARE(l.server.guard()->openConnections(), 0);
    QCOMPARE(l.server.guard()->closedIdle(), 21);
}

// Regression: with the descriptors taken, real notifications timed out.
void tst_NotificationListener::connectionsBeyondTheLimitAreRefused()
{
    ConnectionLimits limits;
    limits.maxConnections = 4;
    limits.requestTimeoutMs = 500;
    Listener l(limits);
    QVERIFY2(l.port, qPrintable(l.error));
    std::vector<std::unique_ptr<RawClient>> flood;
    for (int i = 0; i < 30; ++i)
        flood.push_back(std::make_unique<RawClient>(l.port));
    QTRY_COMPARE_WITH_TIMEOUT(l.server.guard()->refusedConnections(), 26, 5000);
    QCOMPARE(l.server.guard()->openConnections(), 4);
    int answered503 = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        std::count_if(flood.cbegin(), flood.cend(), [](const auto& c) { return c->closed; }) >= 26,
        5000);
    for (const auto& c : flood)
        answered503 += c->answer.startsWith("HTTP/1.1 503") ? 1 : 0;
    QCOMPARE(answered503, 26);

    // The held ones time out; then the gateway's notification goes through.
    QTRY_COMPARE_WITH_TIMEOUT(l.server.guard()->openConnections(), 0, 5000);
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(l.server.baseUrl() + QStringLiteral("wechat")));
    req.setHeader(QNetworkRequest::ContentTypeHeader, "text/xml");
    std::unique_ptr<QNetworkReply> reply(nam.post(req, QByteArray("<xml></xml>")));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->readAll(), QByteArray("success"));
    QCOMPARE(l.handled, 1);
}

// Regression: 3,000 unsigned POSTs gave 3,000 alerts (and a 39 MB WAL).
void tst_NotificationListener::refusalsAreAlertedOncePerSourceAndMinute()
{
    QStringList alerts;
    NotificationRefusals refusals([&](const QString& m) { alerts << m; }, 300);
    for (int i = 0; i < 500; ++i)
        refusals.refused(QStringLiteral("192.0.2.7"), QStringLiteral("wechat"),
                         QStringLiteral("signature does not verify"));
    QCOMPARE(alerts.size(), 1);
    QVERIFY2(alerts[0].contains(QStringLiteral("from 192.0.2.7 was refused: signature")),
             qPrintable(alerts[0]));
    refusals.refused(QStringLiteral("198.51.100.1"), QStringLiteral("alipay"),
                     QStringLiteral("unknown app_id"));
    QCOMPARE(alerts.size(), 2);
    // The minute ends: the count goes out once; a quiet source is forgotten.
    QTRY_COMPARE_WITH_TIMEOUT(alerts.size(), 3, 2000);
    QVERIFY2(alerts[2].startsWith(QStringLiteral("499 more notifications from 192.0.2.7")),
             qPrintable(alerts[2]));
    QTRY_COMPARE_WITH_TIMEOUT(refusals.sources(), 0, 2000);
    QCOMPARE(alerts.size(), 3);
}

void tst_NotificationListener::refusalSourcesAreBounded()
{
    QStringList alerts;
    NotificationRefusals refusals([&](const QString& m) { alerts << m; }, 60'000, 16);
    for (int i = 0; i < 1000; ++i)
        refusals.refused(QStringLiteral("2001:db8::%1").arg(i, 0, 16), QStringLiteral("wechat"),
                         QStringLiteral("forged"));
    QCOMPARE(refusals.sources(), 17); // 16 and "other addresses"
    QCOMPARE(alerts.size(), 17);
    QVERIFY(alerts.last().contains(QStringLiteral("from other addresses")));
}

QTEST_GUILESS_MAIN(tst_NotificationListener)
#include "tst_notificationlistener.moc"
