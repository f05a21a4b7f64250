// AlipayChannel end to end against AlipayGatewayFront and a real
// SandboxAcquirer (temp database, manual clock). The transport hands each
// HttpCall to the front directly: no sockets, but the real form encoding,
// signatures and envelopes both ways.

#include "channels/alipay/AlipayChannel.h"
#include "common/Clock.h"
#include "common/Masking.h"
#include "sandbox/AlipayGatewayFront.h"
#include "sandbox/SandboxAcquirer.h"
#include "sandbox/SandboxBehaviour.h"
#include "testsupport/TempDir.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <memory>

using namespace paydesk;
using namespace paydesk::alipay;

Q_DECLARE_METATYPE(paydesk::SandboxBehaviour)
Q_DECLARE_METATYPE(paydesk::TradeStatus)

namespace {

const QString kAppId = QStringLiteral("2021000000000001");
const QString kNotifyUrl = QStringLiteral("https://shop.example/notify/alipay");
const QString kBaseUrl = QStringLiteral("http://127.0.0.1:8700");

// Hands calls to a gateway front, as the sandbox's HTTP server would. A lost
// answer (drop) is what a client sees as a read timeout.
class DirectTransport final : public HttpTransport
{
public:
    GatewayFront* front = nullptr;
    std::function<void(QByteArray&)> tamper; // edits an answer on the way back
    int calls = 0;
    HttpCall last;

    void post(const HttpCall& call, std::function<void(const HttpReply&)> done) override
    {
        ++calls;
        last = call;
        GatewayRequest req;
        req.path = call.url.path();
        req.query = call.url.query(QUrl::FullyEncoded).toLatin1();
        req.contentType = call.contentType;
        req.body = call.body;
        front->handle(req, [this, done](const GatewayResponse& g) {
            HttpReply r;
            if (g.drop) {
                r.outcome = HttpReply::Outcome::TimedOut;
                r.error = QStringLiteral("read timeout");
            } else {
                r.outcome = HttpReply::Outcome::Answered;
                r.httpStatus = g.httpStatus;
                r.body = g.body;
                if (tamper)
                    tamper(r.body);
            }
            done(r);
        });
    }
};

// Always gives the same reply (transport failures).
class FixedTransport final : public HttpTransport
{
public:
    HttpReply reply;
    void post(const HttpCall&, std::function<void(const HttpReply&)> done) override
    {
        QTimer::singleShot(0, [r = reply, done] { done(r); });
    }
};

RsaKey load(const QByteArray& pem, RsaKey::Kind kind)
{
    QString error;
    RsaKey k = RsaKey::load(pem, kind, &error);
    if (k.isNull())
        qWarning() << error;
    return k;
}

QString code(SandboxBehaviour b, int n = 0)
{
    return sandboxCode(Wallet::Alipay, b, n);
}

} // namespace

class tst_AlipayGateway : public QObject
{
    Q_OBJECT

private:
    RsaKey m_appPrivate, m_appPublic, m_sandboxPrivate, m_sandboxPublic, m_otherPrivate;
    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SandboxAcquirer> m_acquirer;
    std::unique_ptr<AlipayGatewayFront> m_front;
    std::unique_ptr<DirectTransport> m_transport;
    std::unique_ptr<AlipayChannel> m_channel;

    ClientConfig config() const
    {
        ClientConfig c;
        c.appId = kAppId;
        c.appPrivateKey = m_appPrivate;
        c.alipayPublicKey = m_sandboxPublic;
        c.notifyUrl = kNotifyUrl;
        return c;
    }

    void makeChannel(const ClientConfig& c, const QString& name = QStringLiteral("alipay"))
    {
        m_front = std::make_unique<AlipayGatewayFront>(
            *m_acquirer, name, m_sandboxPrivate, QHash<QString, RsaKey>{{kAppId, m_appPublic}},
            kBaseUrl, m_clock.get());
        m_transport->front = m_front.get();
        m_channel = std::make_unique<AlipayChannel>(
            *m_transport, c, QUrl(kBaseUrl + QStringLiteral("/alipay/gateway.do")), name,
            m_clock.get());
    }

    template <typename Call> ChannelResult await(Call call)
    {
        auto got = std::make_shared<std::optional<ChannelResult>>();
        call([got](const ChannelResult& r) { *got = r; });
        if (!QTest::qWaitFor([got] { return got->has_value(); }, 5000))
            qWarning("the channel did not answer within 5 s");
        return got->value_or(ChannelResult());
    }

    ChannelResult pay(const QString& paymentNo, const QString& authCode, qint64 fen = 1000)
    {
        BarcodePayRequest req;
        req.paymentNo = paymentNo;
        req.authCode = authCode;
        req.amount = Money::fromFen(fen);
        req.subject = QStringLiteral("咖啡 & cake");
        req.storeId = QStringLiteral("S1");
        req.terminalId = QStringLiteral("T1");
        req.expireAtMs = m_clock->nowMs() + 60000;
        return await([&](ResultCallback cb) { m_channel->barcodePay(req, cb); });
    }
    ChannelResult query(const QString& paymentNo)
    {
        return await([&](ResultCallback cb) { m_channel->query(paymentNo, cb); });
    }
    ChannelResult revoke(const QString& paymentNo)
    {
        return await([&](ResultCallback cb) { m_channel->revoke(paymentNo, cb); });
    }
    ChannelResult refund(const QString& refundNo, const QString& paymentNo, qint64 fen)
    {
        RefundRequest req;
        req.refundNo = refundNo;
        req.paymentNo = paymentNo;
        req.refundAmount = Money::fromFen(fen);
        req.paymentAmount = Money::fromFen(1000);
        req.reason = QStringLiteral("退货");
        return await([&](ResultCallback cb) { m_channel->refund(req, cb); });
    }
    ChannelResult refundQuery(const QString& refundNo, const QString& paymentNo)
    {
        return await([&](ResultCallback cb) { m_channel->refundQuery(refundNo, paymentNo, cb); });
    }
    ChannelResult precreate(const QString& paymentNo)
    {
        PrecreateRequest req;
        req.paymentNo = paymentNo;
        req.amount = Money::fromFen(1234);
        req.subject = QStringLiteral("茶");
        return await([&](ResultCallback cb) { m_channel->precreate(req, cb); });
    }

    // Sends a hand-made request to the front and returns its JSON answer.
    GatewayResponse raw(const QByteArray& query, const QByteArray& body)
    {
        GatewayRequest req;
        req.path = QStringLiteral("/alipay/gateway.do");
        req.query = query;
        req.body = body;
        req.contentType = AlipayChannel::kContentType;
        auto got = std::make_shared<std::optional<GatewayResponse>>();
        m_front->handle(req, [got](const GatewayResponse& g) { *got = g; });
        if (!QTest::qWaitFor([got] { return got->has_value(); }, 5000))
            qWarning("the front did not answer within 5 s");
        return got->value_or(GatewayResponse());
    }

    // A correctly signed form for `method` with these biz fields, all in the body.
    QByteArray signedForm(const QString& method, const QString& biz,
                          const std::function<void(Params&)>& edit = {})
    {
        Params p{{QStringLiteral("app_id"), kAppId},
                 {QStringLiteral("method"), method},
                 {QStringLiteral("format"), QStringLiteral("JSON")},
                 {QStringLiteral("charset"), QStringLiteral("utf-8")},
                 {QStringLiteral("sign_type"), QStringLiteral("RSA2")},
                 {QStringLiteral("timestamp"), chinaTimestamp(QDateTime::currentMSecsSinceEpoch())},
                 {QStringLiteral("version"), QStringLiteral("1.0")},
                 {QStringLiteral("biz_content"), biz}};
        QString error;
        p.insert(QStringLiteral("sign"),
                 signRsa2(signingContent(p, SignScope::Request), m_appPrivate, &error));
        if (edit)
            edit(p);
        return formEncode(p);
    }

    void checkCommon(const ChannelResult& r, const QString& requestNo, const QString& method)
    {
        QCOMPARE(r.requestNo, requestNo);
        QVERIFY(r.rawRequest.contains(QStringLiteral("method=") + method));
        QVERIFY(!r.rawResponse.isEmpty());
        QVERIFY(!r.message.isEmpty());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QByteArray priv, pub;
        QVERIFY(RsaKey::generate(2048, &priv, &pub));
        m_appPrivate = load(priv, RsaKey::Kind::Private);
        m_appPublic = load(pub, RsaKey::Kind::Public);
        QVERIFY(RsaKey::generate(2048, &priv, &pub));
        m_sandboxPrivate = load(priv, RsaKey::Kind::Private);
        m_sandboxPublic = load(pub, RsaKey::Kind::Public);
        QVERIFY(RsaKey::generate(2048, &priv, &pub));
        m_otherPrivate = load(priv, RsaKey::Kind::Private);
    }

    void init()
    {
        m_dir = std::make_unique<test::TempDataDir>();
        m_clock = std::make_unique<ManualClock>();
        m_acquirer = std::make_unique<SandboxAcquirer>(*m_clock);
        DatabaseConfig db;
        db.sqlitePath = m_dir->file(QStringLiteral("sandbox.sqlite"));
        QCOMPARE(m_acquirer->open(db), QString());
        m_transport = std::make_unique<DirectTransport>();
        makeChannel(config());
    }

    void cleanup()
    {
        m_channel.reset();
        m_front.reset();
        m_transport.reset();
        m_acquirer.reset();
        m_clock.reset();
        m_dir.reset();
    }

    void payBehaviours_data()
    {
        QTest::addColumn<SandboxBehaviour>("behaviour");
        QTest::addColumn<TradeStatus>("status");
        QTest::addColumn<QString>("returnCode");
        QTest::addColumn<QString>("sandboxState");
        QTest::newRow("instant-success")
            << SandboxBehaviour::InstantSuccess << TradeStatus::Success << "10000"
            << "SUCCESS";
        QTest::newRow("user-paying")
            << SandboxBehaviour::UserPayingThenSuccess << TradeStatus::Processing << "10003"
            << "USERPAYING";
        QTest::newRow("insufficient-funds") << SandboxBehaviour::InsufficientFunds
                                            << TradeStatus::Failed << "ACQ.BUYER_BALANCE_NOT_ENOUGH"
                                            << "PAYERROR";
        QTest::newRow("auth-code-expired") << SandboxBehaviour::AuthCodeExpired
                                           << TradeStatus::Failed << "ACQ.PAYMENT_AUTH_CODE_INVALID"
                                           << "PAYERROR";
        QTest::newRow("system-error-is-unknown") << SandboxBehaviour::SystemErrorThenSuccess
                                                 << TradeStatus::Unknown << "ACQ.SYSTEM_ERROR"
                                                 << "SUCCESS";
        QTest::newRow("dropped-answer-is-processing")
            << SandboxBehaviour::NoResponseThenSuccess << TradeStatus::Processing << "LOCAL_TIMEOUT"
            << "SUCCESS";
    }
    void payBehaviours()
    {
        QFETCH(SandboxBehaviour, behaviour);
        QFETCH(TradeStatus, status);
        QFETCH(QString, returnCode);
        QFETCH(QString, sandboxState);
        const QString p = QStringLiteral("PA-") + QString::number(int(behaviour));
        const QString authCode = code(behaviour, 5);
        const ChannelResult r = pay(p, authCode);
        QCOMPARE(r.status, status);
        QCOMPARE(r.returnCode, returnCode);
        QCOMPARE(r.requestNo, p);
        QVERIFY(r.rawRequest.contains(QStringLiteral("method=alipay.trade.pay")));
        if (behaviour == SandboxBehaviour::NoResponseThenSuccess) {
            QVERIFY(r.timedOut);
            QVERIFY(r.rawResponse.isEmpty());
        } else {
            QVERIFY(r.rawResponse.startsWith(QLatin1String("{\"alipay_trade_pay_response\":")));
        }
        if (status == TradeStatus::Success) {
            QVERIFY(r.channelTradeNo.startsWith(QLatin1String("SBX")));
            // Stamped from the sandbox's (manual) clock, in China time.
            QVERIFY(
                r.rawResponse.contains(QLatin1String("\"gmt_payment\":\"2026-01-01 08:00:00\"")));
        }
        // The engine masks raw messages: the code must not survive whole.
        QVERIFY(r.rawRequest.contains(authCode));
        QVERIFY(!maskRawMessage(r.rawRequest).contains(authCode));
        const auto t = m_acquirer->trade(p);
        QVERIFY(t);
        QCOMPARE(t->state, sandboxState);
        QCOMPARE(t->amountFen, qint64(1000));
        QCOMPARE(t->channel, QStringLiteral("alipay"));
        // Every later truth comes from a query.
        const ChannelResult q = query(p);
        QCOMPARE(q.status, sandboxState == QLatin1String("SUCCESS")      ? TradeStatus::Success
                           : sandboxState == QLatin1String("USERPAYING") ? TradeStatus::Processing
                                                                         : TradeStatus::Failed);
    }

    void userPayingThenQuerySuccess()
    {
        const QString p = QStringLiteral("PA-slow");
        const ChannelResult r = pay(p, code(SandboxBehaviour::UserPayingThenSuccess, 5));
        QCOMPARE(r.status, TradeStatus::Processing);
        ChannelResult q = query(p);
        QCOMPARE(q.status, TradeStatus::Processing);
        QVERIFY(q.message.contains(QLatin1String("WAIT_BUYER_PAY")));
        m_clock->advance(5000);
        q = query(p);
        checkCommon(q, p, QStringLiteral("alipay.trade.query"));
        QCOMPARE(q.status, TradeStatus::Success);
        QVERIFY(q.message.contains(QLatin1String("TRADE_SUCCESS")));
        QVERIFY(q.rawResponse.contains(QLatin1String("\"total_amount\":\"10.00\"")));
        QCOMPARE(q.channelTradeNo, r.channelTradeNo);
    }

    void queryUnknownTrade()
    {
        const ChannelResult q = query(QStringLiteral("PA-nobody"));
        QCOMPARE(q.status, TradeStatus::Unknown);
        QVERIFY(q.tradeNotFound);
        QCOMPARE(q.returnCode, QStringLiteral("ACQ.TRADE_NOT_EXIST"));
    }

    void cancel_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<TradeStatus>("status");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("sandboxState");
        QTest::newRow("unpaid-closes") << "user-paying" << TradeStatus::Success << "close"
                                       << "REVOKED";
        QTest::newRow("paid-refunds") << "paid" << TradeStatus::Success << "refund"
                                      << "REVOKED";
        QTest::newRow("unknown-number-is-closed-for-good")
            << "none" << TradeStatus::Success << "close"
            << "CLOSED";
        QTest::newRow("refunded-is-refused") << "refunded" << TradeStatus::Failed << ""
                                             << "REFUND";
    }
    void cancel()
    {
        QFETCH(QString, setup);
        QFETCH(TradeStatus, status);
        QFETCH(QString, action);
        QFETCH(QString, sandboxState);
        const QString p = QStringLiteral("PA-") + setup;
        if (setup == QLatin1String("user-paying"))
            pay(p, code(SandboxBehaviour::NeverFinal));
        else if (setup != QLatin1String("none"))
            pay(p, code(SandboxBehaviour::InstantSuccess));
        if (setup == QLatin1String("refunded"))
            QCOMPARE(refund(QStringLiteral("RF-") + p, p, 100).status, TradeStatus::Success);
        const ChannelResult r = revoke(p);
        checkCommon(r, p, QStringLiteral("alipay.trade.cancel"));
        QCOMPARE(r.status, status);
        QCOMPARE(r.revokeAction, action);
        QVERIFY(!r.retry);
        if (status == TradeStatus::Failed)
            QCOMPARE(r.returnCode, QStringLiteral("ACQ.REASON_TRADE_REFUND_FEE_ERR"));
        QCOMPARE(m_acquirer->trade(p)->state, sandboxState);
    }

    void latePayAfterCancelIsRefused()
    {
        // The pay timed out on the way and the cancel overtook it: the number
        // is closed for good, the late pay must not take money.
        const QString p = QStringLiteral("PA-late");
        const ChannelResult c = revoke(p);
        QCOMPARE(c.status, TradeStatus::Success);
        QCOMPARE(c.revokeAction, QStringLiteral("close"));
        const ChannelResult r = pay(p, code(SandboxBehaviour::InstantSuccess));
        QCOMPARE(r.status, TradeStatus::Failed);
        QCOMPARE(r.returnCode, QStringLiteral("ACQ.TRADE_HAS_CLOSE"));
        QCOMPARE(m_acquirer->trade(p)->state, QStringLiteral("CLOSED"));
    }

    void cancelRetries()
    {
        const QString p = QStringLiteral("PA-stubborn");
        pay(p, code(SandboxBehaviour::RevokeFailsNTimes, 2));
        for (int i = 0; i < 2; ++i) {
            const ChannelResult r = revoke(p);
            QCOMPARE(r.status, TradeStatus::Unknown);
            QVERIFY(r.retry);
            QCOMPARE(r.returnCode, QStringLiteral("ACQ.SYSTEM_ERROR"));
        }
        const ChannelResult r = revoke(p);
        QCOMPARE(r.status, TradeStatus::Success);
        QCOMPARE(r.revokeAction, QStringLiteral("close"));
    }

    void refundAndRefundQuery()
    {
        const QString p = QStringLiteral("PA-refund");
        QCOMPARE(pay(p, code(SandboxBehaviour::InstantSuccess)).status, TradeStatus::Success);
        ChannelResult r = refund(QStringLiteral("RF-1"), p, 300);
        checkCommon(r, QStringLiteral("RF-1"), QStringLiteral("alipay.trade.refund"));
        QCOMPARE(r.status, TradeStatus::Success);
        QVERIFY(r.rawResponse.contains(QLatin1String("\"fund_change\":\"Y\"")));
        QVERIFY(r.rawResponse.contains(QLatin1String("\"refund_fee\":\"3.00\"")));
        r = refund(QStringLiteral("RF-2"), p, 200);
        QCOMPARE(r.status, TradeStatus::Success);
        // refund_fee is the trade's running total.
        QVERIFY(r.rawResponse.contains(QLatin1String("\"refund_fee\":\"5.00\"")));
        QCOMPARE(m_acquirer->trade(p)->refundedFen, qint64(500));

        ChannelResult q = refundQuery(QStringLiteral("RF-1"), p);
        checkCommon(q, QStringLiteral("RF-1"), QStringLiteral("alipay.trade.fastpay.refund.query"));
        QCOMPARE(q.status, TradeStatus::Success);
        QVERIFY(q.rawResponse.contains(QLatin1String("\"refund_amount\":\"3.00\"")));
        QVERIFY(q.rawResponse.contains(QLatin1String("REFUND_SUCCESS")));
        q = refundQuery(QStringLiteral("RF-none"), p);
        QCOMPARE(q.status, TradeStatus::Unknown);
        QVERIFY(q.tradeNotFound);

        r = refund(QStringLiteral("RF-3"), p, 600); // more than is left
        QCOMPARE(r.status, TradeStatus::Failed);
        QCOMPARE(r.returnCode, QStringLiteral("ACQ.REASON_TRADE_REFUND_FEE_ERR"));
        r = refund(QStringLiteral("RF-4"), QStringLiteral("PA-nobody"), 100);
        QCOMPARE(r.status, TradeStatus::Failed);
        QCOMPARE(r.returnCode, QStringLiteral("ACQ.TRADE_NOT_EXIST"));
        QCOMPARE(m_acquirer->trade(p)->refundedFen, qint64(500));
    }

    void precreateThenScan()
    {
        const QString p = QStringLiteral("PQ-1");
        const ChannelResult r = precreate(p);
        checkCommon(r, p, QStringLiteral("alipay.trade.precreate"));
        QVERIFY2(r.status == TradeStatus::Success,
                 qPrintable(r.returnCode + QLatin1Char(' ') + r.message));
        QVERIFY(r.codeUrl.startsWith(QLatin1String("paydesk-sandbox://qr/")));
        QCOMPARE(query(p).status, TradeStatus::Processing);
        QCOMPARE(m_acquirer->customerScan(r.codeUrl, code(SandboxBehaviour::InstantSuccess)),
                 QString());
        QCOMPARE(query(p).status, TradeStatus::Success);
        QCOMPARE(m_acquirer->trade(p)->amountFen, qint64(1234));
    }

    void notificationReachesTheSink()
    {
        QList<ChannelNotification> got;
        m_channel->setNotificationSink([&got](const ChannelNotification& n) { got.append(n); });
        QList<QByteArray> bodies;
        QList<SandboxAcquirer::NotifyTarget> targets;
        m_acquirer->setNotificationSink([&](const QString& channel, const ChannelNotification& n,
                                            const SandboxAcquirer::NotifyTarget& to) {
            QCOMPARE(channel, QStringLiteral("alipay"));
            targets.append(to);
            QString error;
            bodies.append(m_front->notificationBody(
                n, kAppId, QDateTime::fromMSecsSinceEpoch(m_clock->nowMs()), &error));
        });
        const ChannelResult r = precreate(QStringLiteral("PQ-2"));
        QCOMPARE(m_acquirer->customerScan(r.codeUrl, code(SandboxBehaviour::InstantSuccess)),
                 QString());
        QTRY_COMPARE_WITH_TIMEOUT(bodies.size(), 1, 3000);
        // The notify_url the request carried, and who signs for it.
        QCOMPARE(targets[0].protocol, QStringLiteral("alipay"));
        QCOMPARE(targets[0].account, kAppId);
        QCOMPARE(targets[0].url, kNotifyUrl);
        QString error;
        NotificationReceipt receipt = m_channel->receiveNotification(bodies[0]);
        QVERIFY2(receipt.accepted, qPrintable(receipt.error));
        QCOMPARE(receipt.replyBody, QByteArray("success"));
        QCOMPARE(got.size(), 1);
        QCOMPARE(got[0].paymentNo, QStringLiteral("PQ-2"));
        QCOMPARE(got[0].status, TradeStatus::Success);
        QCOMPARE(got[0].amount, Money::fromFen(1234));
        QCOMPARE(got[0].returnCode, QStringLiteral("TRADE_SUCCESS"));

        // Tampered, or signed by someone else: refused, nothing delivered.
        QByteArray tampered = bodies[0];
        tampered.replace("total_amount=12.34", "total_amount=0.01");
        receipt = m_channel->receiveNotification(tampered);
        QVERIFY(!receipt.accepted);
        QCOMPARE(receipt.replyBody, QByteArray("failure"));
        QVERIFY(receipt.error.contains(QLatin1String("signature")));
        ChannelNotification other = got[0];
        const QByteArray otherApp =
            m_front->notificationBody(other, QStringLiteral("2021000000000999"),
                                      QDateTime::fromMSecsSinceEpoch(m_clock->nowMs()), &error);
        receipt = m_channel->receiveNotification(otherApp);
        QCOMPARE(receipt.replyBody, QByteArray("failure"));
        QVERIFY(receipt.error.contains(QLatin1String("app_id")));
        QCOMPARE(got.size(), 1);
    }

    void wrongAppKeyIsUnknown()
    {
        ClientConfig c = config();
        c.appPrivateKey = m_otherPrivate;
        makeChannel(c);
        const QString p = QStringLiteral("PA-badkey");
        const ChannelResult r = pay(p, code(SandboxBehaviour::InsufficientFunds));
        QCOMPARE(r.status, TradeStatus::Unknown); // never Failed
        QCOMPARE(r.returnCode, QStringLiteral("isv.invalid-signature"));
        QVERIFY(r.rawResponse.contains(QLatin1String("\"code\":\"40002\"")));
        QVERIFY(!r.rawResponse.contains(QLatin1String("\"sign\"")));
        QVERIFY(!m_acquirer->trade(p)); // the gateway refused before the acquirer
    }

    void unknownAppIdIsUnknown()
    {
        ClientConfig c = config();
        c.appId = QStringLiteral("2021999999999999");
        makeChannel(c);
        const ChannelResult r = query(QStringLiteral("PA-x"));
        QCOMPARE(r.status, TradeStatus::Unknown);
        QCOMPARE(r.returnCode, QStringLiteral("isv.invalid-app-id"));
    }

    void untrustedAnswers_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("returnCode");
        QTest::newRow("failure-turned-success")
            << QByteArray("\"code\":\"40004\"") << QByteArray("\"code\":\"10000\"")
            << "BAD_SIGNATURE";
        QTest::newRow("signature-removed")
            << QByteArray(",\"sign\":\"") << QByteArray(",\"sig\":\"") << "BAD_SIGNATURE";
        QTest::newRow("truncated") << QByteArray("}") << QByteArray("") << "BAD_RESPONSE";
    }
    void untrustedAnswers()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, returnCode);
        m_transport->tamper = [from, to](QByteArray& body) {
            if (to.isEmpty())
                body.chop(1);
            else
                body.replace(from, to);
        };
        const ChannelResult r =
            pay(QStringLiteral("PA-tamper"), code(SandboxBehaviour::InsufficientFunds));
        QCOMPARE(r.status, TradeStatus::Unknown);
        QCOMPARE(r.returnCode, returnCode);
        QVERIFY(!r.rawResponse.isEmpty());
    }

    void wrongAlipayKeyIsUnknown()
    {
        ClientConfig c = config();
        c.alipayPublicKey = m_appPublic; // not the key the gateway signs with
        makeChannel(c);
        const ChannelResult r = pay(QStringLiteral("PA-k"), code(SandboxBehaviour::InstantSuccess));
        QCOMPARE(r.status, TradeStatus::Unknown);
        QCOMPARE(r.returnCode, QStringLiteral("BAD_SIGNATURE"));
        QCOMPARE(m_acquirer->trade(QStringLiteral("PA-k"))->state, QStringLiteral("SUCCESS"));
    }

    void transportFailures_data()
    {
        QTest::addColumn<int>("outcome");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<TradeStatus>("status");
        QTest::addColumn<QString>("returnCode");
        QTest::newRow("timed-out") << int(HttpReply::Outcome::TimedOut) << 0 << QByteArray()
                                   << TradeStatus::Processing << "LOCAL_TIMEOUT";
        QTest::newRow("not-connected") << int(HttpReply::Outcome::NotConnected) << 0 << QByteArray()
                                       << TradeStatus::Unknown << "NOT_CONNECTED";
        QTest::newRow("connection-broke")
            << int(HttpReply::Outcome::NetworkError) << 0 << QByteArray() << TradeStatus::Unknown
            << "NETWORK_ERROR";
        QTest::newRow("http-502") << int(HttpReply::Outcome::Answered) << 502
                                  << QByteArray("<html>bad gateway</html>") << TradeStatus::Unknown
                                  << "HTTP_502";
        QTest::newRow("not-json") << int(HttpReply::Outcome::Answered) << 200
                                  << QByteArray("<html>hi</html>") << TradeStatus::Unknown
                                  << "BAD_RESPONSE";
        QTest::newRow("other-method-key")
            << int(HttpReply::Outcome::Answered) << 200
            << QByteArray("{\"alipay_trade_query_response\":{\"code\":\"10000\"},\"sign\":\"x\"}")
            << TradeStatus::Unknown << "BAD_RESPONSE";
    }
    void transportFailures()
    {
        QFETCH(int, outcome);
        QFETCH(int, httpStatus);
        QFETCH(QByteArray, body);
        QFETCH(TradeStatus, status);
        QFETCH(QString, returnCode);
        FixedTransport t;
        t.reply.outcome = HttpReply::Outcome(outcome);
        t.reply.httpStatus = httpStatus;
        t.reply.body = body;
        t.reply.error = QStringLiteral("simulated");
        AlipayChannel channel(t, config(), QUrl(kBaseUrl), QStringLiteral("alipay"), m_clock.get());
        BarcodePayRequest req;
        req.paymentNo = QStringLiteral("PA-net");
        req.authCode = code(SandboxBehaviour::InstantSuccess);
        req.amount = Money::fromFen(100);
        req.subject = QStringLiteral("x");
        const ChannelResult r = await([&](ResultCallback cb) { channel.barcodePay(req, cb); });
        QCOMPARE(r.status, status);
        QCOMPARE(r.returnCode, returnCode);
        QCOMPARE(r.requestNo, QStringLiteral("PA-net"));
        QVERIFY(!r.rawRequest.isEmpty());
        QVERIFY(!r.message.isEmpty());
        // Only a call that never left the machine proves Alipay never saw it.
        QCOMPARE(r.notSent, outcome == int(HttpReply::Outcome::NotConnected));
    }

    void malformedRequests_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("subCode");
        QTest::addColumn<bool>("signedAnswer");
        const QString payKey = QStringLiteral("alipay_trade_pay_response");
        const QString biz = QStringLiteral("{\"out_trade_no\":\"PA-m\",\"scene\":\"bar_code\","
                                           "\"auth_code\":\"") +
                            code(SandboxBehaviour::InstantSuccess) +
                            QStringLiteral("\",\"subject\":\"x\",\"total_amount\":\"1.00\"}");
        const QString pay = QStringLiteral("alipay.trade.pay");
        QTest::newRow("well-formed-control")
            << QByteArray() << signedForm(pay, biz) << payKey << "10000"
            << "" << true;
        QTest::newRow("empty") << QByteArray() << QByteArray() << "error_response"
                               << "40001"
                               << "isv.missing-method" << false;
        QTest::newRow("not-a-form") << QByteArray("a=%ZZ") << QByteArray() << "error_response"
                                    << "40002"
                                    << "isv.invalid-parameter" << false;
        QTest::newRow("unknown-method")
            << QByteArray() << signedForm(QStringLiteral("alipay.trade.steal"), biz)
            << "error_response"
            << "40002"
            << "isv.invalid-method" << false;
        QTest::newRow("missing-sign")
            << QByteArray()
            << signedForm(pay, biz, [](Params& p) { p.remove(QStringLiteral("sign")); }) << payKey
            << "40001"
            << "isv.missing-signature" << false;
        QTest::newRow("bad-sign") << QByteArray()
                                  << signedForm(pay, biz,
                                                [](Params& p) {
                                                    p.insert(QStringLiteral("sign"),
                                                             QStringLiteral("AAAA"));
                                                })
                                  << payKey << "40002"
                                  << "isv.invalid-signature" << false;
        QTest::newRow("field-changed-after-signing")
            << QByteArray()
            << signedForm(pay, biz,
                          [](Params& p) {
                              p.insert(QStringLiteral("timestamp"),
                                       QStringLiteral("2020-01-01 00:00:00"));
                          })
            << payKey << "40002"
            << "isv.invalid-signature" << false;
        QTest::newRow("missing-app-id")
            << QByteArray()
            << signedForm(pay, biz, [](Params& p) { p.remove(QStringLiteral("app_id")); }) << payKey
            << "40001"
            << "isv.missing-app-id" << false;
        QTest::newRow("rsa1-sign-type")
            << QByteArray()
            << signedForm(
                   pay, biz,
                   [](Params& p) { p.insert(QStringLiteral("sign_type"), QStringLiteral("RSA")); })
            << payKey << "40002"
            << "isv.invalid-signature-type" << false;
        QTest::newRow("biz_content-not-json")
            << QByteArray() << signedForm(pay, QStringLiteral("{\"out_trade_no\":")) << payKey
            << "40002"
            << "isv.invalid-parameter" << false;
        QTest::newRow("biz_content-missing-amount")
            << QByteArray()
            << signedForm(pay, QStringLiteral("{\"out_trade_no\":\"PA-m2\",\"scene\":\"bar_code\","
                                              "\"auth_code\":\"1\",\"subject\":\"x\"}"))
            << payKey << "40004"
            << "ACQ.INVALID_PARAMETER" << true;
        QTest::newRow("amount-with-three-decimals")
            << QByteArray()
            << signedForm(pay,
                          QString(biz).replace(QStringLiteral("1.00"), QStringLiteral("1.005")))
            << payKey << "40004"
            << "ACQ.INVALID_PARAMETER" << true;
        QTest::newRow("name-in-query-and-body")
            << QByteArray("app_id=") + kAppId.toLatin1() << signedForm(pay, biz) << "error_response"
            << "40002"
            << "isv.invalid-parameter" << false;
    }
    void malformedRequests()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, body);
        QFETCH(QString, key);
        QFETCH(QString, code);
        QFETCH(QString, subCode);
        QFETCH(bool, signedAnswer);
        const GatewayResponse g = raw(query, body);
        QCOMPARE(g.httpStatus, 200); // errors are JSON envelopes, not HTTP errors
        QVERIFY(!g.drop);
        const QJsonObject root = QJsonDocument::fromJson(g.body).object();
        const QJsonObject answer = root.value(key).toObject();
        QVERIFY2(!answer.isEmpty(), g.body.constData());
        QCOMPARE(answer.value("code").toString(), code);
        QCOMPARE(answer.value("sub_code").toString(), subCode);
        QCOMPARE(root.contains(QStringLiteral("sign")), signedAnswer);
        if (signedAnswer) {
            QString error;
            const auto r = parseResponse(g.body, Method::TradePay, &error);
            QVERIFY(r && verifyResponse(*r, m_sandboxPublic));
        }
    }

    void billDownloadUrl()
    {
        const ChannelResult r =
            await([&](ResultCallback cb) { m_channel->billDownloadUrl(QDate(2026, 1, 1), cb); });
        QCOMPARE(r.status, TradeStatus::Success);
        QVERIFY(r.codeUrl.startsWith(kBaseUrl + QStringLiteral("/alipay/bill?")));
        QVERIFY(r.codeUrl.contains(QLatin1String("bill_date=2026-01-01")));
        QVERIFY(r.codeUrl.contains(QLatin1String("bill_type=trade")));
    }

    void unionPayThroughAlipay()
    {
        makeChannel(config(), QStringLiteral("unionpay"));
        QCOMPARE(m_channel->name(), QStringLiteral("unionpay"));
        const QString p = QStringLiteral("PU-1");
        const ChannelResult r =
            pay(p, sandboxCode(Wallet::UnionPay, SandboxBehaviour::InstantSuccess));
        QCOMPARE(r.status, TradeStatus::Success);
        QCOMPARE(m_acquirer->trade(p)->channel, QStringLiteral("unionpay"));
    }

    void commonParametersTravelInTheUrl()
    {
        pay(QStringLiteral("PA-url"), code(SandboxBehaviour::InstantSuccess));
        const HttpCall& c = m_transport->last;
        QCOMPARE(c.contentType, QByteArray(AlipayChannel::kContentType));
        QVERIFY(c.url.query().contains(QLatin1String("method=alipay.trade.pay")));
        QVERIFY(c.url.query().contains(QLatin1String("sign=")));
        QVERIFY(c.body.startsWith("biz_content="));
        QVERIFY(!c.body.contains('&'));
    }
};

QTEST_GUILESS_MAIN(tst_AlipayGateway)
#include "tst_alipaygateway.moc"
