// The sandbox gateway over HTTPS with its generated test CA: WeChat's mutual
// TLS (secapi/* with the merchant certificate) end to end over loopback, and
// every way the TLS layer can refuse mapped to "unknown", never "failed".
#include "SandboxGateway.h"
#include "channels/transport/NetworkTransport.h"
#include "channels/wechat/WeChatV2Channel.h"
#include "common/Clock.h"
#include "sandbox/SandboxAcquirer.h"
#include "sandbox/SandboxBehaviour.h"
#include "sandbox/SandboxCertificates.h"
#include "sandbox/SandboxGatewayConfig.h"
#include "testsupport/TempDir.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSslCertificate>
#include <QtTest>

#include <memory>

using namespace paydesk;

Q_DECLARE_METATYPE(paydesk::TradeStatus)

namespace {

const QByteArray kApiKey = "192006250b4c09247ec02edce69f6a2d";
const QString kAppId = QStringLiteral("wxd930ea5d5a258f4f");
const QString kMchId = QStringLiteral("10000100");

ChannelResult await(const std::function<void(ResultCallback)>& call, int timeoutMs = 8000)
{
    std::optional<ChannelResult> got;
    call([&got](const ChannelResult& r) { got = r; });
    QElapsedTimer t;
    t.start();
    while (!got && t.elapsed() < timeoutMs)
        QTest::qWait(5);
    if (!got) {
        ChannelResult none;
        none.returnCode = QStringLiteral("TEST_NO_ANSWER");
        return none;
    }
    return *got;
}

// How the merchant side is set up for one case.
enum class Trust
{
    CaAndClientCertificate, // caFile + clientCertFile/clientKeyFile
    CaOnly,                 // trusts the server, presents nothing
    NoCa,                   // the system store only: the test CA is unknown
    ForeignClientCertificate, // a client certificate from another CA
};

} // namespace

Q_DECLARE_METATYPE(Trust)

class tst_SandboxTls : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SandboxGateway> m_gateway;
    int m_seq = 0;

    QString nextPaymentNo() { return QStringLiteral("T%1").arg(++m_seq, 6, 10, QLatin1Char('0')); }

    TransportConfig transport(Trust trust)
    {
        const SandboxCertificateFiles f = m_gateway->certificates();
        TransportConfig t;
        t.readTimeoutMs = 4000;
        QString error;
        switch (trust) {
        case Trust::CaAndClientCertificate:
            error = loadTransportCertificates(f.caCertificate, f.clientCertificate, f.clientKey, t);
            break;
        case Trust::CaOnly:
            error = loadTransportCertificates(f.caCertificate, {}, {}, t);
            break;
        case Trust::NoCa:
            error = loadTransportCertificates({}, f.clientCertificate, f.clientKey, t);
            break;
        case Trust::ForeignClientCertificate: {
            SandboxCertificateFiles other;
            error = ensureSandboxCertificates(m_dir->file(QStringLiteral("other-ca")), &other);
            if (error.isEmpty())
                error = loadTransportCertificates(f.caCertificate, other.clientCertificate,
                                                  other.clientKey, t);
            break;
        }
        }
        if (!error.isEmpty())
            qFatal("%s", qPrintable(error));
        return t;
    }

    WeChatMerchant merchant() const
    {
        WeChatMerchant m;
        m.appId = kAppId;
        m.mchId = kMchId;
        m.apiKey = kApiKey;
        m.gateway = QUrl(m_gateway->url(true) + QStringLiteral("/wechat/"));
        m.notifyUrl = QStringLiteral("http://127.0.0.1:1/notify");
        return m;
    }

    // A paid WeChat trade of ¥50.00, paid over HTTPS with full trust.
    QString paidTrade()
    {
        NetworkTransport t(transport(Trust::CaAndClientCertificate));
        WeChatV2Channel channel(QStringLiteral("wechat"), merchant(), t);
        BarcodePayRequest req;
        req.paymentNo = nextPaymentNo();
        req.authCode = sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess);
        req.amount = Money::fromFen(5000);
        req.subject = QStringLiteral("tea");
        req.storeId = QStringLiteral("0001");
        const ChannelResult r = await([&](ResultCallback cb) { channel.barcodePay(req, cb); });
        if (r.status != TradeStatus::Success)
            qFatal("pay over HTTPS failed: %s %s", qPrintable(r.returnCode), qPrintable(r.message));
        return req.paymentNo;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<test::TempDataDir>();
        m_clock = std::make_unique<ManualClock>();
        SandboxGatewayConfig cfg;
        cfg.dataDir = m_dir->path();
        cfg.durable = false;
        cfg.wechat << WeChatSandboxMerchant{kAppId, kMchId, kApiKey};
        m_gateway = std::make_unique<SandboxGateway>(*m_clock, cfg);
        QCOMPARE(m_gateway->start({SandboxListener{QHostAddress(QHostAddress::LocalHost), 0, false},
                                   SandboxListener{QHostAddress(QHostAddress::LocalHost), 0, true}}),
                 QString());
        QVERIFY(m_gateway->url(true).startsWith(QStringLiteral("https://127.0.0.1:")));
        QVERIFY(m_gateway->url(false).startsWith(QStringLiteral("http://127.0.0.1:")));
    }
    void cleanup()
    {
        m_gateway.reset();
        m_clock.reset();
        m_dir.reset();
    }

    void certificatesAreMadeOnceWithTheRightNames()
    {
        const SandboxCertificateFiles f = m_gateway->certificates();
        QFile caFile(f.caCertificate), serverFile(f.serverCertificate);
        QVERIFY(caFile.open(QIODevice::ReadOnly) && serverFile.open(QIODevice::ReadOnly));
        const QSslCertificate ca = QSslCertificate::fromData(caFile.readAll()).value(0);
        const QSslCertificate server = QSslCertificate::fromData(serverFile.readAll()).value(0);
        QVERIFY(!ca.isNull() && !server.isNull());
        QCOMPARE(server.issuerInfo(QSslCertificate::CommonName),
                 ca.subjectInfo(QSslCertificate::CommonName));
        const auto names = server.subjectAlternativeNames();
        QVERIFY(names.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
        QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
        QVERIFY(server.expiryDate() > QDateTime::currentDateTimeUtc().addYears(5));
        // Keys are the owner's only.
        for (const QString& key : {f.caKey, f.serverKey, f.clientKey})
            QCOMPARE(QFile(key).permissions() &
                         (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                     QFileDevice::Permissions());
        // A second start keeps them (the merchant side has them configured).
        SandboxCertificateFiles again;
        bool created = true;
        QCOMPARE(ensureSandboxCertificates(QFileInfo(f.caCertificate).absolutePath(), &again,
                                           &created),
                 QString());
        QVERIFY(!created);
        // A partial set is made again, whole.
        QVERIFY(QFile::remove(f.clientKey));
        QCOMPARE(ensureSandboxCertificates(QFileInfo(f.caCertificate).absolutePath(), &again,
                                           &created),
                 QString());
        QVERIFY(created);
        QVERIFY(QFile::exists(f.clientKey));
    }

    void secapiOverHttps_data()
    {
        QTest::addColumn<Trust>("trust");
        QTest::addColumn<bool>("isRefund");
        QTest::addColumn<TradeStatus>("status");
        QTest::addColumn<QString>("returnCode");
        QTest::addColumn<QString>("tradeStateAfter");

        QTest::newRow("refund-mutual-tls") << Trust::CaAndClientCertificate << true
                                           << TradeStatus::Processing << QStringLiteral("SUCCESS")
                                           << QStringLiteral("REFUND");
        QTest::newRow("reverse-mutual-tls") << Trust::CaAndClientCertificate << false
                                            << TradeStatus::Success << QStringLiteral("SUCCESS")
                                            << QStringLiteral("REVOKED");
        // WeChat refuses secapi/* without the merchant certificate with a
        // return_code FAIL, which says nothing about the trade.
        QTest::newRow("refund-without-client-certificate")
            << Trust::CaOnly << true << TradeStatus::Unknown << QStringLiteral("FAIL")
            << QStringLiteral("SUCCESS");
        QTest::newRow("reverse-without-client-certificate")
            << Trust::CaOnly << false << TradeStatus::Unknown << QStringLiteral("FAIL")
            << QStringLiteral("SUCCESS");
        QTest::newRow("reverse-with-foreign-client-certificate")
            << Trust::ForeignClientCertificate << false << TradeStatus::Unknown
            << QStringLiteral("FAIL") << QStringLiteral("SUCCESS");
        // The server's certificate is not trusted: nothing is sent at all.
        QTest::newRow("refund-untrusted-server") << Trust::NoCa << true << TradeStatus::Unknown
                                                 << QStringLiteral("NOT_CONNECTED")
                                                 << QStringLiteral("SUCCESS");
        QTest::newRow("reverse-untrusted-server") << Trust::NoCa << false << TradeStatus::Unknown
                                                  << QStringLiteral("NOT_CONNECTED")
                                                  << QStringLiteral("SUCCESS");
    }
    void secapiOverHttps()
    {
        QFETCH(Trust, trust);
        QFETCH(bool, isRefund);
        QFETCH(TradeStatus, status);
        QFETCH(QString, returnCode);
        QFETCH(QString, tradeStateAfter);
        const QString no = paidTrade();

        NetworkTransport t(transport(trust));
        WeChatV2Channel channel(QStringLiteral("wechat"), merchant(), t);
        // A plain call first, so a pooled connection without the certificate
        // exists when the secapi call comes.
        QCOMPARE(await([&](ResultCallback cb) { channel.query(no, cb); }).status,
                 trust == Trust::NoCa ? TradeStatus::Unknown : TradeStatus::Success);
        ChannelResult r;
        if (isRefund) {
            RefundRequest rr;
            rr.refundNo = QStringLiteral("R") + no;
            rr.paymentNo = no;
            rr.refundAmount = Money::fromFen(1200);
            rr.paymentAmount = Money::fromFen(5000);
            rr.reason = QStringLiteral("cold tea");
            r = await([&](ResultCallback cb) { channel.refund(rr, cb); });
        } else {
            r = await([&](ResultCallback cb) { channel.revoke(no, cb); });
        }
        QVERIFY2(r.returnCode == returnCode,
                 qPrintable(r.returnCode + QStringLiteral(": ") + r.message));
        QCOMPARE(r.status, status);
        QVERIFY(r.status != TradeStatus::Failed);
        const auto trade = m_gateway->acquirer().trade(no);
        QVERIFY(trade);
        QCOMPARE(trade->state, tradeStateAfter);
        QCOMPARE(trade->refundedFen, tradeStateAfter == QLatin1String("REFUND") ? 1200 : 0);
    }

    void plainHttpListenerStillServes()
    {
        TransportConfig t;
        NetworkTransport transport(t);
        WeChatMerchant m = merchant();
        m.gateway = QUrl(m_gateway->url(false) + QStringLiteral("/wechat/"));
        WeChatV2Channel channel(QStringLiteral("wechat"), m, transport);
        const ChannelResult q =
            await([&](ResultCallback cb) { channel.query(QStringLiteral("T999999"), cb); });
        QCOMPARE(q.returnCode, QStringLiteral("ORDERNOTEXIST"));
    }
};

QTEST_GUILESS_MAIN(tst_SandboxTls)
#include "tst_sandboxtls.moc"
