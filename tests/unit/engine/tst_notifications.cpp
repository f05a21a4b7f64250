// QR payments' results arriving as notifications over HTTP: the sandbox
// gateway posts them to PayDesk's notify_url (NotificationHttpServer) in
// WeChat's signed XML or Alipay's signed form, the adapters verify them and
// the engine applies them. Polling is pushed out of reach, so only a
// notification can settle these payments.
#include "DemoGateway.h"
#include "NotificationHttpServer.h"
#include "api/CoreConfig.h"
#include "api/EmbeddedApi.h"
#include "channels/wechat/WeChatV2Message.h"
#include "common/Clock.h"
#include "sandbox/NotificationSender.h"
#include "sandbox/SandboxAcquirer.h"
#include "sandbox/SandboxBehaviour.h"
#include "sandbox/SandboxGatewayConfig.h"
#include "testsupport/TempDir.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

#include <memory>

using namespace paydesk;

Q_DECLARE_METATYPE(paydesk::Wallet)
Q_DECLARE_METATYPE(paydesk::SandboxBehaviour)

namespace {

// PayDesk with its notify listener, and the demo's sandbox gateway whose
// notify URLs point at it.
struct Shop
{
    SystemClock clock;
    test::TempDataDir dir;
    std::unique_ptr<NotificationHttpServer> listener;
    std::unique_ptr<DemoGateway> demo;
    std::unique_ptr<EmbeddedApi> api;
    QString error;

    Shop()
    {
        listener = std::make_unique<NotificationHttpServer>();
        if (listener->listenOn(QHostAddress(QHostAddress::LocalHost), 0, &error) == 0)
            return;
        DemoGatewayOptions o;
        o.dataDir = dir.path();
        o.durable = false;
        o.tls = false;
        o.notifyBaseUrl = listener->baseUrl();
        demo = std::make_unique<DemoGateway>(clock, o);
        if (error = demo->start(); !error.isEmpty())
            return;
        EmbeddedOptions eo;
        eo.dataDir = dir.path();
        eo.durable = false;
        demo->configure(eo.config);
        // Out of reach within a test: only a notification settles a QR sale.
        eo.config.defaultPolicy.pollDelaysMs = {600'000};
        api = std::make_unique<EmbeddedApi>(eo);
        error = api->open();
        listener->setHandler(
            [this](const QString& channel, const QByteArray& body, const QString& source) {
                return api->receiveNotification(channel, body, source);
            });
    }
    ~Shop()
    {
        listener.reset(); // no request may reach the api while it goes
        api.reset();
    }

    std::optional<OrderDetails> details(const QString& orderNo)
    {
        std::optional<OrderDetails> out;
        api->orderDetails(orderNo, [&](const std::optional<OrderDetails>& d) { out = d; });
        return out;
    }
    QList<AlertRecord> alerts()
    {
        QList<AlertRecord> out;
        api->alerts(false, 100, [&](const QList<AlertRecord>& a) { out = a; });
        return out;
    }
    QStringList alertKinds()
    {
        QStringList kinds;
        for (const AlertRecord& a : alerts())
            kinds << a.kind;
        return kinds;
    }
    CommandOutcome createQr(Wallet wallet, qint64 fen, const QString& requestNo)
    {
        std::optional<CommandOutcome> created;
        api->createQr(QrCommand{requestNo, Money::fromFen(fen), wallet, QStringLiteral("面包")},
                      [&](const CommandOutcome& c) { created = c; });
        if (!QTest::qWaitFor([&] { return created.has_value(); }, 10000))
            return CommandOutcome::error(CommandStatus::StorageError, QStringLiteral("no answer"));
        return *created;
    }
};

int countEvents(const OrderDetails& d, const QString& source, const QString& kind)
{
    return int(std::count_if(d.events.cbegin(), d.events.cend(), [&](const TrackEvent& e) {
        return e.source == source && e.kind == kind;
    }));
}

struct PostReply
{
    int status = 0;
    QByteArray body;
};

PostReply post(const QString& url, const QByteArray& contentType, const QByteArray& body)
{
    QNetworkAccessManager nam;
    QNetworkRequest req{QUrl(url)};
    req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply* reply = nam.post(req, body);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        qWarning("no answer to the POST within 10 s");
    PostReply out{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                  reply->readAll()};
    delete reply;
    return out;
}

} // namespace

class tst_Notifications : public QObject
{
    Q_OBJECT

private slots:
    void qrResultArrivesByNotification_data()
    {
        QTest::addColumn<Wallet>("wallet");
        QTest::addColumn<SandboxBehaviour>("behaviour");
        QTest::addColumn<QString>("channel");
        QTest::addColumn<int>("notifications");
        QTest::addColumn<bool>("conflict");
        QTest::newRow("wechat-paid") << Wallet::WeChat << SandboxBehaviour::InstantSuccess
                                     << QStringLiteral("wechat") << 1 << false;
        QTest::newRow("alipay-paid") << Wallet::Alipay << SandboxBehaviour::InstantSuccess
                                     << QStringLiteral("alipay") << 1 << false;
        QTest::newRow("unionpay-paid") << Wallet::UnionPay << SandboxBehaviour::InstantSuccess
                                       << QStringLiteral("unionpay") << 1 << false;
        QTest::newRow("wechat-duplicated")
            << Wallet::WeChat << SandboxBehaviour::DuplicateNotifications
            << QStringLiteral("wechat") << 2 << false;
        QTest::newRow("alipay-duplicated")
            << Wallet::Alipay << SandboxBehaviour::DuplicateNotifications
            << QStringLiteral("alipay") << 2 << false;
        QTest::newRow("wechat-contradicted")
            << Wallet::WeChat << SandboxBehaviour::ContradictingNotification
            << QStringLiteral("wechat") << 2 << true;
        QTest::newRow("alipay-contradicted")
            << Wallet::Alipay << SandboxBehaviour::ContradictingNotification
            << QStringLiteral("alipay") << 2 << true;
    }
    void qrResultArrivesByNotification()
    {
        QFETCH(Wallet, wallet);
        QFETCH(SandboxBehaviour, behaviour);
        QFETCH(QString, channel);
        QFETCH(int, notifications);
        QFETCH(bool, conflict);
        Shop shop;
        QVERIFY2(shop.error.isEmpty(), qPrintable(shop.error));

        const CommandOutcome created = shop.createQr(wallet, 880, QStringLiteral("qr-1"));
        QVERIFY2(created.ok(), qPrintable(created.message));
        QCOMPARE(shop.details(created.orderNo)->order.state, OrderState::Pending);
        QCOMPARE(
            shop.demo->acquirer().customerScan(created.codeUrl, sandboxCode(wallet, behaviour)),
            QString());

        // Every notification is posted over HTTP and acknowledged.
        QTRY_COMPARE_WITH_TIMEOUT(shop.demo->notifier().stats().acknowledged, notifications, 10000);
        QCOMPARE(shop.listener->received(), notifications);
        QTRY_COMPARE_WITH_TIMEOUT(shop.details(created.orderNo)->order.state, OrderState::Paid,
                                  5000);
        const OrderDetails d = *shop.details(created.orderNo);
        const QString source = QStringLiteral("notify:") + channel;
        QCOMPARE(countEvents(d, source, QStringLiteral("call")), notifications);
        QCOMPARE(d.payments.first().state, PaymentState::Success);
        // Paid once, by the first notification; nothing was polled.
        int paidTransitions = 0;
        for (const TrackEvent& e : d.events) {
            if (e.kind == QLatin1String("transition") && e.toState == QLatin1String("SUCCESS")) {
                ++paidTransitions;
                QCOMPARE(e.source, source);
            }
            QVERIFY2(e.source != QLatin1String("scheduler"), qPrintable(e.message));
        }
        QCOMPARE(paidTransitions, 1);
        QCOMPARE(shop.alertKinds().contains(QStringLiteral("conflicting_result")), conflict);
        QVERIFY(!shop.alertKinds().contains(QStringLiteral("notification_refused")));
    }

    void refusedNotificationChangesNothing_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("forgery");
        QTest::addColumn<QByteArray>("expectedReply");
        QTest::addColumn<QString>("why");
        QTest::newRow("wechat-wrong-key")
            << QStringLiteral("wechat") << QStringLiteral("wrong-key")
            << QByteArray("<return_code><![CDATA[FAIL]]>") << QStringLiteral("signature");
        QTest::newRow("wechat-other-merchant")
            << QStringLiteral("wechat") << QStringLiteral("other-merchant")
            << QByteArray("<return_code><![CDATA[FAIL]]>") << QStringLiteral("another merchant");
        QTest::newRow("wechat-truncated-xml")
            << QStringLiteral("wechat") << QStringLiteral("truncated")
            << QByteArray("<return_code><![CDATA[FAIL]]>") << QStringLiteral("malformed XML");
        QTest::newRow("alipay-forged") << QStringLiteral("alipay") << QStringLiteral("wrong-key")
                                       << QByteArray("failure") << QStringLiteral("signature");
        QTest::newRow("alipay-empty") << QStringLiteral("alipay") << QStringLiteral("empty")
                                      << QByteArray("failure") << QStringLiteral("out_trade_no");
        QTest::newRow("unknown-channel")
            << QStringLiteral("paypal") << QStringLiteral("wrong-key")
            << QByteArray("unknown channel") << QStringLiteral("no gateway channel");
    }
    void refusedNotificationChangesNothing()
    {
        QFETCH(QString, channel);
        QFETCH(QString, forgery);
        QFETCH(QByteArray, expectedReply);
        QFETCH(QString, why);
        Shop shop;
        QVERIFY2(shop.error.isEmpty(), qPrintable(shop.error));
        const Wallet wallet = channel == QLatin1String("alipay") ? Wallet::Alipay : Wallet::WeChat;
        const CommandOutcome created = shop.createQr(wallet, 880, QStringLiteral("qr-2"));
        QVERIFY2(created.ok(), qPrintable(created.message));
        const QString paymentNo = shop.details(created.orderNo)->payments.first().paymentNo;

        // A "paid" notification for the real payment, not from the gateway.
        QByteArray body;
        QByteArray type = "text/xml";
        if (channel == QLatin1String("alipay")) {
            type = "application/x-www-form-urlencoded";
            body = forgery == QLatin1String("empty")
                       ? QByteArray()
                       : "notify_type=trade_status_sync&notify_id=n1&app_id=2021000000000001"
                         "&out_trade_no=" +
                             paymentNo.toUtf8() +
                             "&trade_no=T1&trade_status=TRADE_SUCCESS&total_amount=8.80"
                             "&sign_type=RSA2&sign=AAAA";
        } else {
            const GatewaySettings s = shop.demo->settings(QStringLiteral("wechat"));
            wechat::Params p{{QStringLiteral("return_code"), QStringLiteral("SUCCESS")},
                             {QStringLiteral("result_code"), QStringLiteral("SUCCESS")},
                             {QStringLiteral("appid"), s.appId},
                             {QStringLiteral("mch_id"), s.mchId},
                             {QStringLiteral("nonce_str"), wechat::nonceStr()},
                             {QStringLiteral("out_trade_no"), paymentNo},
                             {QStringLiteral("transaction_id"), QStringLiteral("4200000001")},
                             {QStringLiteral("total_fee"), QStringLiteral("880")},
                             {QStringLiteral("sign_type"), QStringLiteral("HMAC-SHA256")}};
            QByteArray key = s.apiKey;
            if (forgery == QLatin1String("wrong-key"))
                key = QByteArray(32, 'x');
            if (forgery == QLatin1String("other-merchant"))
                p.insert(QStringLiteral("mch_id"), QStringLiteral("1900000109"));
            p.insert(QStringLiteral("sign"), wechat::sign(p, key, wechat::SignType::HmacSha256));
            body = wechat::toXml(p);
            if (forgery == QLatin1String("truncated"))
                body.chop(10);
        }
        const PostReply reply = post(shop.listener->baseUrl() + channel, type, body);
        QCOMPARE(reply.status, 200);
        QVERIFY2(reply.body.contains(expectedReply), reply.body.constData());

        const OrderDetails d = *shop.details(created.orderNo);
        QCOMPARE(d.order.state, OrderState::Pending);
        QVERIFY(d.payments.first().state != PaymentState::Success);
        QCOMPARE(countEvents(d, QStringLiteral("notify:") + channel, QStringLiteral("call")), 0);
        const QList<AlertRecord> alerts = shop.alerts();
        const auto refused = std::find_if(alerts.cbegin(), alerts.cend(), [](const AlertRecord& a) {
            return a.kind == QLatin1String("notification_refused");
        });
        QVERIFY(refused != alerts.cend());
        QVERIFY2(refused->message.contains(why), qPrintable(refused->message));
    }

    // Regression: 3,000 unsigned POSTs gave 3,000 alerts and a 39 MB WAL.
    void floodOfForgedPostsGivesOneAlert()
    {
        Shop shop;
        QVERIFY2(shop.error.isEmpty(), qPrintable(shop.error));
        QNetworkAccessManager nam; // one connection, kept alive, as a flood would
        QNetworkRequest req{QUrl(shop.listener->baseUrl() + QStringLiteral("wechat"))};
        req.setHeader(QNetworkRequest::ContentTypeHeader, "text/xml");
        for (int i = 0; i < 500; ++i) {
            std::unique_ptr<QNetworkReply> reply(nam.post(req, QByteArray("<xml>forged</xml>")));
            QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        }
        QCOMPARE(shop.listener->received(), 500);
        const QStringList kinds = shop.alertKinds();
        QCOMPARE(kinds.count(QStringLiteral("notification_refused")), 1);
        const QList<AlertRecord> alerts = shop.alerts();
        const auto refused = std::find_if(alerts.cbegin(), alerts.cend(), [](const AlertRecord& a) {
            return a.kind == QLatin1String("notification_refused");
        });
        QVERIFY2(refused->message.contains(QStringLiteral("from 127.0.0.1")),
                 qPrintable(refused->message));

        // The gateway's real notification still settles a payment.
        const CommandOutcome created = shop.createQr(Wallet::WeChat, 880, QStringLiteral("qr-9"));
        QVERIFY2(created.ok(), qPrintable(created.message));
        QCOMPARE(
            shop.demo->acquirer().customerScan(
                created.codeUrl, sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess)),
            QString());
        QTRY_COMPARE_WITH_TIMEOUT(shop.details(created.orderNo)->order.state, OrderState::Paid,
                                  10000);
    }

    void notifyUrlGoesToTheGateways()
    {
        Shop shop;
        QVERIFY2(shop.error.isEmpty(), qPrintable(shop.error));
        for (const QString& channel :
             {QStringLiteral("wechat"), QStringLiteral("alipay"), QStringLiteral("unionpay")})
            QCOMPARE(shop.demo->settings(channel).notifyUrl, shop.listener->baseUrl() + channel);
        const PostReply get = [&] {
            QNetworkAccessManager nam;
            QNetworkReply* r = nam.get(QNetworkRequest(QUrl(shop.listener->baseUrl() + "wechat")));
            if (!QTest::qWaitFor([r] { return r->isFinished(); }, 10000))
                qWarning("no answer to the GET within 10 s");
            PostReply out{r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), {}};
            delete r;
            return out;
        }();
        QCOMPARE(get.status, 405);
        QCOMPARE(post(shop.listener->baseUrl() + "../etc", "text/plain", "x").status, 404);
    }
};

QTEST_GUILESS_MAIN(tst_Notifications)
#include "tst_notifications.moc"
