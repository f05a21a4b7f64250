// The demo environment: the whole engine through the real WeChat Pay V2 and
// Alipay adapters over loopback HTTPS against the sandbox, for every wallet,
// with the customer's side played through DemoGateway::acquirer().
#include "DemoGateway.h"
#include "api/CoreConfig.h"
#include "api/EmbeddedApi.h"
#include "common/Clock.h"
#include "sandbox/SandboxAcquirer.h"
#include "sandbox/SandboxBehaviour.h"
#include "sandbox/SandboxGatewayConfig.h"
#include "testsupport/TempDir.h"

#include <QtTest>

#include <memory>

using namespace paydesk;

Q_DECLARE_METATYPE(paydesk::Wallet)
Q_DECLARE_METATYPE(paydesk::GatewaySettings::Protocol)

class tst_DemoGateway : public QObject
{
    Q_OBJECT

private:
    SystemClock m_clock;

    // A throw-away demo in `dir`, no fsync.
    static DemoGatewayOptions options(const test::TempDataDir& dir)
    {
        DemoGatewayOptions o;
        o.dataDir = dir.path();
        o.durable = false;
        return o;
    }

    static std::optional<OrderDetails> details(EmbeddedApi& api, const QString& orderNo)
    {
        std::optional<OrderDetails> out;
        api.orderDetails(orderNo, [&](const std::optional<OrderDetails>& d) { out = d; });
        return out;
    }

private slots:
    void everyWalletThroughRealAdapters_data()
    {
        QTest::addColumn<Wallet>("wallet");
        QTest::addColumn<GatewaySettings::Protocol>("unionpayProtocol");
        QTest::addColumn<QString>("rawMarker"); // what the wire message looks like
        QTest::newRow("wechat") << Wallet::WeChat << GatewaySettings::Protocol::WeChatV2
                                << QStringLiteral("<auth_code>");
        QTest::newRow("alipay") << Wallet::Alipay << GatewaySettings::Protocol::WeChatV2
                                << QStringLiteral("alipay.trade.pay");
        QTest::newRow("unionpay-via-wechat")
            << Wallet::UnionPay << GatewaySettings::Protocol::WeChatV2
            << QStringLiteral("<auth_code>");
        QTest::newRow("unionpay-via-alipay")
            << Wallet::UnionPay << GatewaySettings::Protocol::Alipay
            << QStringLiteral("alipay.trade.pay");
    }
    void everyWalletThroughRealAdapters()
    {
        QFETCH(Wallet, wallet);
        QFETCH(GatewaySettings::Protocol, unionpayProtocol);
        QFETCH(QString, rawMarker);
        test::TempDataDir dir;
        DemoGatewayOptions o = options(dir);
        o.unionpayProtocol = unionpayProtocol;
        DemoGateway demo(m_clock, o);
        QCOMPARE(demo.start(), QString());
        QVERIFY(demo.baseUrl().startsWith(QStringLiteral("https://127.0.0.1:")));

        EmbeddedOptions eo;
        eo.dataDir = dir.path();
        eo.durable = false;
        demo.configure(eo.config);
        QCOMPARE(eo.config.gateways.size(), 3);
        QCOMPARE(eo.config.gateways.value(QStringLiteral("unionpay")).protocol, unionpayProtocol);
        EmbeddedApi api(eo);
        QCOMPARE(api.open(), QString());
        QVERIFY(!api.servesSandbox()); // one acquirer only: the demo's

        std::optional<CommandOutcome> outcome;
        api.pay(PayCommand{QStringLiteral("demo-1"), Money::fromFen(1234),
                           sandboxCode(wallet, SandboxBehaviour::InstantSuccess),
                           QStringLiteral("咖啡")},
                [&](const CommandOutcome& c) { outcome = c; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QVERIFY2(outcome->ok(), qPrintable(outcome->message));
        QTRY_VERIFY_WITH_TIMEOUT(details(api, outcome->orderNo)->order.state == OrderState::Paid,
                                 10000);
        const auto d = details(api, outcome->orderNo);
        const bool sawWire =
            std::any_of(d->events.cbegin(), d->events.cend(),
                        [&](const TrackEvent& e) { return e.raw.contains(rawMarker); });
        QVERIFY2(sawWire, "the payment did not go through the protocol adapter");
        const auto trade = demo.acquirer().trade(d->payments.first().paymentNo);
        QVERIFY(trade);
        QCOMPARE(trade->state, QStringLiteral("SUCCESS"));
    }

    // A damaged demo directory (a key file emptied) is refused with the
    // file named, not run with an empty key.
    void anEmptyKeyFileIsRefused()
    {
        test::TempDataDir dir;
        const DemoGatewayOptions o = options(dir);
        {
            DemoGateway first(m_clock, o);
            QCOMPARE(first.start(), QString());
        }
        const QString keyFile =
            QDir(dir.path()).filePath(QStringLiteral("demo/wechat-api-key.txt"));
        QVERIFY(QFile::exists(keyFile));
        QFile f(keyFile);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.close();
        DemoGateway second(m_clock, o);
        QCOMPARE(second.start(), QStringLiteral("the demo gateway: %1 is empty").arg(keyFile));
    }

    void customerScansAQrCodeAtTheDemoAcquirer()
    {
        test::TempDataDir dir;
        DemoGateway demo(m_clock, options(dir));
        QCOMPARE(demo.start(), QString());
        EmbeddedOptions eo;
        eo.dataDir = dir.path();
        eo.durable = false;
        demo.configure(eo.config);
        EmbeddedApi api(eo);
        QCOMPARE(api.open(), QString());

        std::optional<CommandOutcome> created;
        api.createQr(QrCommand{QStringLiteral("qr-1"), Money::fromFen(880), Wallet::Alipay,
                               QStringLiteral("面包")},
                     [&](const CommandOutcome& c) { created = c; });
        QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 10000);
        QVERIFY2(created->ok(), qPrintable(created->message));
        QVERIFY(!created->codeUrl.isEmpty());
        QCOMPARE(demo.acquirer().customerScan(
                     created->codeUrl, sandboxCode(Wallet::Alipay, SandboxBehaviour::InstantSuccess)),
                 QString());
        std::optional<CommandOutcome> queried;
        api.query(created->orderNo, [&](const CommandOutcome& c) { queried = c; });
        QTRY_VERIFY_WITH_TIMEOUT(details(api, created->orderNo)->order.state == OrderState::Paid,
                                 10000);
    }
};

QTEST_GUILESS_MAIN(tst_DemoGateway)
#include "tst_demogateway.moc"
