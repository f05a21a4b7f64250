#include "common/Clock.h"
#include "common/Masking.h"
#include "domain/PaymentCode.h"
#include "sandbox/SandboxAcquirer.h"
#include "sandbox/SandboxBehaviour.h"
#include "sandbox/SandboxChannel.h"
#include "testsupport/TempDir.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

#include <atomic>
#include <memory>

using namespace paydesk;

Q_DECLARE_METATYPE(paydesk::SandboxBehaviour)
Q_DECLARE_METATYPE(paydesk::TradeStatus)
Q_DECLARE_METATYPE(paydesk::Wallet)

namespace {

struct Reply
{
    bool answered = false;
    ChannelResult result;
    bool dropped = false;
};

struct Received
{
    QString channel;
    ChannelNotification n;
};

const QString kWalletNames[] = {QString(), QStringLiteral("wechat"), QStringLiteral("alipay"),
                                QStringLiteral("unionpay")};

QString behaviourTag(SandboxBehaviour b)
{
    static const char* names[] = {"instant-success",
                                  "user-paying-then-success",
                                  "user-paying-then-cancelled",
                                  "insufficient-funds",
                                  "system-error-then-success",
                                  "no-response-then-success",
                                  "never-final",
                                  "revoke-fails-n-times",
                                  "duplicate-notifications",
                                  "contradicting-notification",
                                  "auth-code-expired",
                                  "slow-to-record",
                                  "acquirer-refuses"};
    return QString::fromLatin1(names[int(b)]);
}

int exampleParameter(SandboxBehaviour b)
{
    switch (b) {
    case SandboxBehaviour::RevokeFailsNTimes:
        return 3;
    case SandboxBehaviour::UserPayingThenSuccess:
    case SandboxBehaviour::UserPayingThenCancelled:
    case SandboxBehaviour::SlowToRecord:
        return 5;
    default:
        return 0;
    }
}

} // namespace

class tst_Sandbox : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SandboxAcquirer> m_acquirer;
    QList<Received> m_received;

    QString dbPath() const { return m_dir->file(QStringLiteral("sandbox.sqlite")); }

    bool openAcquirer(bool durable = false, std::function<bool(QString*)> walSync = {})
    {
        m_acquirer = std::make_unique<SandboxAcquirer>(*m_clock);
        DatabaseConfig config;
        config.sqlitePath = dbPath();
        config.durable = durable;
        config.walSync = std::move(walSync);
        const QString error = m_acquirer->open(config);
        if (!error.isEmpty())
            qWarning() << error;
        return error.isEmpty();
    }

    // Simulates a restart: the acquirer goes, its file stays.
    bool reopen()
    {
        m_acquirer.reset();
        return openAcquirer(true);
    }

    void attachSink()
    {
        m_acquirer->setNotificationSink([this](const QString& channel, const ChannelNotification& n,
                                               const SandboxAcquirer::NotifyTarget&) {
            m_received.append({channel, n});
        });
    }

    template <typename Call> Reply await(Call call)
    {
        auto reply = std::make_shared<Reply>();
        call([reply](const ChannelResult& r, bool dropped) {
            reply->answered = true;
            reply->result = r;
            reply->dropped = dropped;
        });
        if (!QTest::qWaitFor([reply] { return reply->answered; }, 5000))
            qWarning("the sandbox did not answer within 5 s");
        return *reply;
    }

    Reply pay(const QString& paymentNo, const QString& code, qint64 fen = 1000,
              const QString& channel = QStringLiteral("wechat"))
    {
        BarcodePayRequest req;
        req.paymentNo = paymentNo;
        req.authCode = code;
        req.amount = Money::fromFen(fen);
        req.subject = QStringLiteral("coffee & cake");
        req.storeId = QStringLiteral("S1");
        req.terminalId = QStringLiteral("T1");
        return await([&](SandboxAcquirer::Answer a) { m_acquirer->barcodePay(channel, req, a); });
    }
    Reply precreate(const QString& paymentNo, qint64 fen = 1000, qint64 expireAtMs = 0,
                    const QString& channel = QStringLiteral("alipay"))
    {
        PrecreateRequest req;
        req.paymentNo = paymentNo;
        req.amount = Money::fromFen(fen);
        req.subject = QStringLiteral("tea");
        req.expireAtMs = expireAtMs;
        return await([&](SandboxAcquirer::Answer a) { m_acquirer->precreate(channel, req, a); });
    }
    Reply query(const QString& paymentNo)
    {
        return await([&](SandboxAcquirer::Answer a) { m_acquirer->query(paymentNo, a); });
    }
    Reply revoke(const QString& paymentNo)
    {
        return await([&](SandboxAcquirer::Answer a) { m_acquirer->revoke(paymentNo, a); });
    }
    Reply refund(const QString& refundNo, const QString& paymentNo, qint64 fen,
                 qint64 paymentFen = 1000)
    {
        RefundRequest req;
        req.refundNo = refundNo;
        req.paymentNo = paymentNo;
        req.refundAmount = Money::fromFen(fen);
        req.paymentAmount = Money::fromFen(paymentFen);
        req.reason = QStringLiteral("returned goods");
        return await([&](SandboxAcquirer::Answer a) { m_acquirer->refund(req, a); });
    }
    Reply refundQuery(const QString& refundNo)
    {
        return await([&](SandboxAcquirer::Answer a) { m_acquirer->refundQuery(refundNo, a); });
    }
    QString stateOf(const QString& paymentNo)
    {
        const auto t = m_acquirer->trade(paymentNo);
        return t ? t->state : QStringLiteral("<none>");
    }
    // Lets every pending commit and delivery run.
    void settleEvents() { QTest::qWait(30); }

    // Prepares a trade for the revoke table; returns its payment number.
    QString setUp(const QString& setup)
    {
        const QString p = QStringLiteral("P-") + setup;
        const auto code = [](SandboxBehaviour b, int n = 5) {
            return sandboxCode(Wallet::WeChat, b, n);
        };
        if (setup == QLatin1String("barcode-userpaying"))
            pay(p, code(SandboxBehaviour::UserPayingThenSuccess));
        else if (setup == QLatin1String("barcode-paid"))
            pay(p, code(SandboxBehaviour::InstantSuccess));
        else if (setup == QLatin1String("barcode-failed"))
            pay(p, code(SandboxBehaviour::InsufficientFunds));
        else if (setup == QLatin1String("barcode-never-final"))
            pay(p, code(SandboxBehaviour::NeverFinal));
        else if (setup == QLatin1String("barcode-slow-to-record"))
            pay(p, code(SandboxBehaviour::SlowToRecord));
        else if (setup == QLatin1String("qr-unpaid"))
            precreate(p);
        else if (setup == QLatin1String("qr-paid")) {
            const Reply r = precreate(p);
            m_acquirer->customerScan(r.result.codeUrl, code(SandboxBehaviour::InstantSuccess));
        } else if (setup == QLatin1String("barcode-refunded")) {
            pay(p, code(SandboxBehaviour::InstantSuccess));
            refund(QStringLiteral("R-") + p, p, 100);
        }
        return p;
    }

    void checkCommon(const Reply& r, const QString& requestNo)
    {
        QVERIFY(r.answered);
        QCOMPARE(r.result.requestNo, requestNo);
        QVERIFY(r.result.rawRequest.startsWith(QLatin1String("<xml>")));
        QVERIFY(r.result.rawResponse.startsWith(QLatin1String("<xml>")));
        QVERIFY(!r.result.message.isEmpty());
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<test::TempDataDir>();
        m_clock = std::make_unique<ManualClock>();
        m_received.clear();
        QVERIFY(openAcquirer());
    }

    void cleanup()
    {
        m_acquirer.reset();
        m_clock.reset();
        m_dir.reset();
    }

    void codes_data()
    {
        QTest::addColumn<Wallet>("wallet");
        QTest::addColumn<SandboxBehaviour>("behaviour");
        QTest::addColumn<int>("parameter");
        QTest::addColumn<int>("length");
        for (int w = 1; w <= 3; ++w) {
            for (int b = 0; b <= int(SandboxBehaviour::AcquirerRefuses); ++b) {
                const auto behaviour = SandboxBehaviour(b);
                QTest::addRow("%s/%s", qPrintable(kWalletNames[w]),
                              qPrintable(behaviourTag(behaviour)))
                    << Wallet(w) << behaviour << 17 << (w == 3 ? 19 : 18);
            }
        }
    }
    void codes()
    {
        QFETCH(Wallet, wallet);
        QFETCH(SandboxBehaviour, behaviour);
        QFETCH(int, parameter);
        QFETCH(int, length);
        const QString code = sandboxCode(wallet, behaviour, parameter);
        QCOMPARE(code.size(), length);
        QVERIFY(code.endsWith(QLatin1Char('1')));
        const PaymentCodeCheck check = classifyPaymentCode(code);
        QVERIFY2(check.ok(), qPrintable(check.error));
        QCOMPARE(check.wallet, wallet);
        const SandboxCodeInfo info = sandboxBehaviourOf(code);
        QCOMPARE(info.behaviour, behaviour);
        QCOMPARE(info.parameter, parameter);
        QVERIFY(!info.description.isEmpty());

        // The documented table has the same code for the example parameter.
        const QList<SandboxCodeRow> table = sandboxCodeTable();
        QCOMPARE(table.size(), int(SandboxBehaviour::AcquirerRefuses) + 1);
        const SandboxCodeRow& row = table.at(int(behaviour));
        QCOMPARE(row.behaviour, behaviour);
        const QString example = wallet == Wallet::WeChat   ? row.wechatCode
                                : wallet == Wallet::Alipay ? row.alipayCode
                                                           : row.unionpayCode;
        QCOMPARE(example, sandboxCode(wallet, behaviour, exampleParameter(behaviour)));
        QCOMPARE(sandboxBehaviourOf(example).behaviour, behaviour);
        QVERIFY(!row.description.isEmpty());
    }

    void codeDefaults_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<SandboxBehaviour>("behaviour");
        QTest::addColumn<int>("parameter");
        QTest::newRow("unknown-behaviour-13")
            << QStringLiteral("131305000000000001") << SandboxBehaviour::InstantSuccess << 5;
        QTest::newRow("unknown-behaviour-99")
            << QStringLiteral("289900000000000001") << SandboxBehaviour::InstantSuccess << 0;
        QTest::newRow("user-paying-n0-means-5")
            << sandboxCode(Wallet::Alipay, SandboxBehaviour::UserPayingThenSuccess, 0)
            << SandboxBehaviour::UserPayingThenSuccess << 5;
        QTest::newRow("slow-to-record-n0-means-5")
            << sandboxCode(Wallet::UnionPay, SandboxBehaviour::SlowToRecord, 0)
            << SandboxBehaviour::SlowToRecord << 5;
        QTest::newRow("revoke-fails-forever")
            << sandboxCode(Wallet::WeChat, SandboxBehaviour::RevokeFailsNTimes, 99)
            << SandboxBehaviour::RevokeFailsNTimes << 99;
        QTest::newRow("real-looking-code")
            << QStringLiteral("134567890123456789") << SandboxBehaviour::InstantSuccess << 67;
    }
    void codeDefaults()
    {
        QFETCH(QString, code);
        QFETCH(SandboxBehaviour, behaviour);
        QFETCH(int, parameter);
        const SandboxCodeInfo info = sandboxBehaviourOf(code);
        QCOMPARE(info.behaviour, behaviour);
        QCOMPARE(info.parameter, parameter);
    }

    void barcodeBehaviours_data()
    {
        QTest::addColumn<Wallet>("wallet");
        QTest::addColumn<SandboxBehaviour>("behaviour");
        QTest::addColumn<TradeStatus>("payStatus");
        QTest::addColumn<QString>("payCode");
        QTest::addColumn<bool>("dropped");
        QTest::addColumn<TradeStatus>("queryStatus");
        QTest::addColumn<QString>("queryCode");
        QTest::addColumn<TradeStatus>("laterStatus");
        QTest::addColumn<QString>("laterCode");
        QTest::addColumn<QString>("finalState");

        using B = SandboxBehaviour;
        using S = TradeStatus;
        const QString ok = QStringLiteral("SUCCESS");
        const QString paying = QStringLiteral("USERPAYING");
        const QString payError = QStringLiteral("PAYERROR");
        const QString notExist = QStringLiteral("ORDERNOTEXIST");
        struct Row
        {
            B b;
            S pay;
            QString payCode;
            bool dropped;
            S query;
            QString queryCode;
            S later;
            QString laterCode;
            QString finalState;
        };
        const QList<Row> rows = {
            {B::InstantSuccess, S::Success, ok, false, S::Success, ok, S::Success, ok, ok},
            {B::UserPayingThenSuccess, S::Processing, paying, false, S::Processing, paying,
             S::Success, ok, ok},
            {B::UserPayingThenCancelled, S::Processing, paying, false, S::Processing, paying,
             S::Failed, payError, payError},
            {B::InsufficientFunds, S::Failed, QStringLiteral("NOTENOUGH"), false, S::Failed,
             payError, S::Failed, payError, payError},
            {B::SystemErrorThenSuccess, S::Unknown, QStringLiteral("SYSTEMERROR"), false,
             S::Success, ok, S::Success, ok, ok},
            {B::NoResponseThenSuccess, S::Success, ok, true, S::Success, ok, S::Success, ok, ok},
            {B::NeverFinal, S::Processing, paying, false, S::Processing, paying, S::Processing,
             paying, paying},
            {B::RevokeFailsNTimes, S::Processing, paying, false, S::Processing, paying,
             S::Processing, paying, paying},
            {B::DuplicateNotifications, S::Success, ok, false, S::Success, ok, S::Success, ok, ok},
            {B::ContradictingNotification, S::Success, ok, false, S::Success, ok, S::Success, ok,
             ok},
            {B::AuthCodeExpired, S::Failed, QStringLiteral("AUTHCODEEXPIRE"), false, S::Failed,
             payError, S::Failed, payError, payError},
            {B::SlowToRecord, S::Success, ok, true, S::Unknown, notExist, S::Success, ok, ok},
        };
        for (int w = 1; w <= 3; ++w) {
            for (const Row& r : rows) {
                QTest::addRow("%s/%s", qPrintable(kWalletNames[w]), qPrintable(behaviourTag(r.b)))
                    << Wallet(w) << r.b << r.pay << r.payCode << r.dropped << r.query << r.queryCode
                    << r.later << r.laterCode << r.finalState;
            }
        }
    }
    void barcodeBehaviours()
    {
        QFETCH(Wallet, wallet);
        QFETCH(SandboxBehaviour, behaviour);
        QFETCH(TradeStatus, payStatus);
        QFETCH(QString, payCode);
        QFETCH(bool, dropped);
        QFETCH(TradeStatus, queryStatus);
        QFETCH(QString, queryCode);
        QFETCH(TradeStatus, laterStatus);
        QFETCH(QString, laterCode);
        QFETCH(QString, finalState);

        const QString p = QStringLiteral("P1");
        const QString code = sandboxCode(wallet, behaviour, exampleParameter(behaviour));
        const Reply r = pay(p, code, 1234, kWalletNames[int(wallet)]);
        checkCommon(r, p);
        QVERIFY2(r.result.status == payStatus, qPrintable(r.result.message));
        QCOMPARE(r.result.returnCode, payCode);
        QCOMPARE(r.dropped, dropped);
        QVERIFY2(
            r.result.rawRequest.contains(QStringLiteral("<auth_code>%1</auth_code>").arg(code)),
            qPrintable(r.result.rawRequest));
        if (payStatus == TradeStatus::Success)
            QVERIFY(r.result.channelTradeNo.startsWith(QLatin1String("SBX")));
        if (payStatus == TradeStatus::Processing)
            QCOMPARE(r.result.message, QStringLiteral("user is entering the password"));

        const auto view = m_acquirer->trade(p);
        QVERIFY(view);
        QCOMPARE(view->channel, kWalletNames[int(wallet)]);
        QCOMPARE(view->amountFen, qint64(1234));
        QCOMPARE(view->tradeNo.size(), 23);
        QVERIFY(view->tradeNo.startsWith(QLatin1String("SBX")));

        Reply q = query(p);
        checkCommon(q, p);
        QCOMPARE(q.result.status, queryStatus);
        QCOMPARE(q.result.returnCode, queryCode);
        QCOMPARE(q.result.tradeNotFound, queryCode == QLatin1String("ORDERNOTEXIST"));
        QVERIFY(!q.dropped);

        // "For N s" means up to the last millisecond before created + N s.
        const int parameter = sandboxBehaviourOf(code).parameter;
        const qint64 n = parameter > 0 ? parameter : 5;
        m_clock->advance(n * 1000 - 1);
        q = query(p);
        QCOMPARE(q.result.status, queryStatus);
        QCOMPARE(q.result.returnCode, queryCode);
        m_clock->advance(1);
        q = query(p);
        QCOMPARE(q.result.status, laterStatus);
        QCOMPARE(q.result.returnCode, laterCode);
        QCOMPARE(q.result.tradeNotFound, false);
        QCOMPARE(q.result.channelTradeNo, view->tradeNo);

        m_clock->advance(3600 * 1000);
        QCOMPARE(stateOf(p), finalState);
    }

    void repeatedPay_data()
    {
        QTest::addColumn<SandboxBehaviour>("behaviour");
        QTest::addColumn<TradeStatus>("status");
        QTest::addColumn<QString>("returnCode");
        QTest::newRow("paid") << SandboxBehaviour::InstantSuccess << TradeStatus::Success
                              << QStringLiteral("SUCCESS");
        QTest::newRow("system-error-now-paid") << SandboxBehaviour::SystemErrorThenSuccess
                                               << TradeStatus::Success << QStringLiteral("SUCCESS");
        QTest::newRow("lost-answer-now-paid") << SandboxBehaviour::NoResponseThenSuccess
                                              << TradeStatus::Success << QStringLiteral("SUCCESS");
        QTest::newRow("user-paying") << SandboxBehaviour::NeverFinal << TradeStatus::Processing
                                     << QStringLiteral("USERPAYING");
        QTest::newRow("insufficient") << SandboxBehaviour::InsufficientFunds << TradeStatus::Failed
                                      << QStringLiteral("NOTENOUGH");
    }
    void repeatedPay()
    {
        QFETCH(SandboxBehaviour, behaviour);
        QFETCH(TradeStatus, status);
        QFETCH(QString, returnCode);
        const QString code = sandboxCode(Wallet::Alipay, behaviour);
        const Reply first = pay(QStringLiteral("P1"), code);
        QVERIFY(first.answered);
        const QString tradeNo = m_acquirer->trade(QStringLiteral("P1"))->tradeNo;
        const Reply again = pay(QStringLiteral("P1"), code);
        checkCommon(again, QStringLiteral("P1"));
        QCOMPARE(again.result.status, status);
        QCOMPARE(again.result.returnCode, returnCode);
        QVERIFY(!again.dropped);
        QCOMPARE(m_acquirer->trade(QStringLiteral("P1"))->tradeNo, tradeNo);
        if (status == TradeStatus::Success)
            QCOMPARE(again.result.channelTradeNo, tradeNo);
    }

    void invalidPay_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("fen");
        QTest::addColumn<QString>("returnCode");
        const QString good = sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess);
        QTest::newRow("zero-amount") << good << qint64(0) << QStringLiteral("PARAM_ERROR");
        QTest::newRow("negative-amount") << good << qint64(-5) << QStringLiteral("PARAM_ERROR");
        QTest::newRow("not-a-code")
            << QStringLiteral("12345") << qint64(100) << QStringLiteral("AUTH_CODE_INVALID");
    }
    void invalidPay()
    {
        QFETCH(QString, code);
        QFETCH(qint64, fen);
        QFETCH(QString, returnCode);
        const Reply r = pay(QStringLiteral("P1"), code, fen);
        checkCommon(r, QStringLiteral("P1"));
        QCOMPARE(r.result.status, TradeStatus::Failed);
        QCOMPARE(r.result.returnCode, returnCode);
        QVERIFY(!m_acquirer->trade(QStringLiteral("P1")));
    }

    void queryUnknownTrade()
    {
        const Reply q = query(QStringLiteral("NOPE"));
        checkCommon(q, QStringLiteral("NOPE"));
        QCOMPARE(q.result.status, TradeStatus::Unknown);
        QVERIFY(q.result.tradeNotFound);
        QCOMPARE(q.result.returnCode, QStringLiteral("ORDERNOTEXIST"));
    }

    void revokeAction_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<TradeStatus>("status");
        QTest::addColumn<QString>("returnCode");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("state");
        const QString ok = QStringLiteral("SUCCESS");
        const QString close = QStringLiteral("close");
        const QString refund = QStringLiteral("refund");
        const QString revoked = QStringLiteral("REVOKED");
        const QString closed = QStringLiteral("CLOSED");
        QTest::newRow("barcode-user-paying-closes")
            << "barcode-userpaying" << TradeStatus::Success << ok << close << revoked;
        QTest::newRow("barcode-never-final-closes")
            << "barcode-never-final" << TradeStatus::Success << ok << close << revoked;
        QTest::newRow("barcode-failed-closes")
            << "barcode-failed" << TradeStatus::Success << ok << close << revoked;
        QTest::newRow("barcode-paid-refunds")
            << "barcode-paid" << TradeStatus::Success << ok << refund << revoked;
        QTest::newRow("barcode-slow-to-record-refunds")
            << "barcode-slow-to-record" << TradeStatus::Success << ok << refund << revoked;
        QTest::newRow("qr-unpaid-closes")
            << "qr-unpaid" << TradeStatus::Success << ok << close << closed;
        QTest::newRow("qr-paid-refunds")
            << "qr-paid" << TradeStatus::Success << ok << refund << revoked;
        QTest::newRow("unknown-trade-tombstone")
            << "unknown" << TradeStatus::Success << ok << close << closed;
        QTest::newRow("refunded-trade-refused")
            << "barcode-refunded" << TradeStatus::Failed << QStringLiteral("TRADE_HAS_REFUND")
            << QString() << QStringLiteral("REFUND");
    }
    void revokeAction()
    {
        QFETCH(QString, setup);
        QFETCH(TradeStatus, status);
        QFETCH(QString, returnCode);
        QFETCH(QString, action);
        QFETCH(QString, state);
        const QString p = setUp(setup);
        for (int attempt = 0; attempt < 2; ++attempt) {
            // The second revoke proves idempotence: same answer, same action.
            const Reply r = revoke(p);
            checkCommon(r, p);
            QCOMPARE(r.result.status, status);
            QCOMPARE(r.result.returnCode, returnCode);
            QCOMPARE(r.result.revokeAction, action);
            QCOMPARE(r.result.retry, false);
            QCOMPARE(stateOf(p), state);
        }
        // A revoked user-paying trade must not turn paid when its time comes.
        m_clock->advance(60 * 1000);
        QCOMPARE(stateOf(p), state);
        const Reply q = query(p);
        if (state == QLatin1String("REFUND"))
            QCOMPARE(q.result.status, TradeStatus::Success);
        else
            QCOMPARE(q.result.status, TradeStatus::Failed);
    }

    void revokeFailsNTimes_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<bool>("restartMidway");
        QTest::newRow("once") << 1 << false;
        QTest::newRow("three-times") << 3 << false;
        QTest::newRow("three-times-across-restart") << 3 << true;
        QTest::newRow("forever-99") << 99 << false;
    }
    void revokeFailsNTimes()
    {
        QFETCH(int, failures);
        QFETCH(bool, restartMidway);
        const QString p = QStringLiteral("P1");
        pay(p, sandboxCode(Wallet::UnionPay, SandboxBehaviour::RevokeFailsNTimes, failures));
        const int retried = failures == 99 ? 20 : failures;
        for (int i = 0; i < retried; ++i) {
            if (restartMidway && i == 1)
                QVERIFY(reopen());
            const Reply r = revoke(p);
            checkCommon(r, p);
            QCOMPARE(r.result.status, TradeStatus::Unknown);
            QCOMPARE(r.result.returnCode, QStringLiteral("SYSTEMERROR"));
            QVERIFY(r.result.retry);
            QCOMPARE(stateOf(p), QStringLiteral("USERPAYING"));
        }
        const Reply last = revoke(p);
        if (failures == 99) {
            QCOMPARE(last.result.status, TradeStatus::Unknown);
            QVERIFY(last.result.retry);
            return;
        }
        QCOMPARE(last.result.status, TradeStatus::Success);
        QCOMPARE(last.result.revokeAction, QStringLiteral("close"));
        QVERIFY(!last.result.retry);
        QCOMPARE(stateOf(p), QStringLiteral("REVOKED"));
    }

    void refunds_data()
    {
        QTest::addColumn<QList<qint64>>("amounts");
        QTest::addColumn<QStringList>("codes");
        QTest::addColumn<qint64>("refunded");
        QTest::addColumn<QString>("state");
        const QString ok = QStringLiteral("SUCCESS");
        const QString invalid = QStringLiteral("REFUND_FEE_INVALID");
        QTest::newRow("full") << QList<qint64>{1000} << QStringList{ok} << qint64(1000)
                              << QStringLiteral("REFUND");
        QTest::newRow("two-partial-make-full") << QList<qint64>{300, 700} << QStringList{ok, ok}
                                               << qint64(1000) << QStringLiteral("REFUND");
        QTest::newRow("over-in-one") << QList<qint64>{1001} << QStringList{invalid} << qint64(0)
                                     << QStringLiteral("SUCCESS");
        QTest::newRow("over-cumulative")
            << QList<qint64>{600, 500, 400} << QStringList{ok, invalid, ok} << qint64(1000)
            << QStringLiteral("REFUND");
        QTest::newRow("after-full-nothing-left")
            << QList<qint64>{1000, 1} << QStringList{ok, invalid} << qint64(1000)
            << QStringLiteral("REFUND");
        QTest::newRow("zero") << QList<qint64>{0} << QStringList{QStringLiteral("PARAM_ERROR")}
                              << qint64(0) << QStringLiteral("SUCCESS");
    }
    void refunds()
    {
        QFETCH(QList<qint64>, amounts);
        QFETCH(QStringList, codes);
        QFETCH(qint64, refunded);
        QFETCH(QString, state);
        const QString p = QStringLiteral("P1");
        pay(p, sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess), 1000);
        QStringList refundIds;
        for (int i = 0; i < amounts.size(); ++i) {
            const QString no = QStringLiteral("R%1").arg(i);
            const Reply r = refund(no, p, amounts.at(i));
            checkCommon(r, no);
            QCOMPARE(r.result.returnCode, codes.at(i));
            const bool ok = codes.at(i) == QLatin1String("SUCCESS");
            QCOMPARE(r.result.status, ok ? TradeStatus::Success : TradeStatus::Failed);
            if (ok)
                QVERIFY(r.result.channelTradeNo.startsWith(QLatin1String("SBXR")));
            refundIds << (ok ? r.result.channelTradeNo : QString());
        }
        QCOMPARE(m_acquirer->trade(p)->refundedFen, refunded);
        QCOMPARE(stateOf(p), state);

        for (int i = 0; i < amounts.size(); ++i) {
            const QString no = QStringLiteral("R%1").arg(i);
            const Reply q = refundQuery(no);
            checkCommon(q, no);
            if (refundIds.at(i).isEmpty()) {
                QCOMPARE(q.result.status, TradeStatus::Unknown);
                QVERIFY(q.result.tradeNotFound);
            } else {
                QCOMPARE(q.result.status, TradeStatus::Success);
                QCOMPARE(q.result.channelTradeNo, refundIds.at(i));
                // Repeating a refund number answers the same and moves no money.
                const Reply again = refund(no, p, amounts.at(i));
                QCOMPARE(again.result.status, TradeStatus::Success);
                QCOMPARE(again.result.channelTradeNo, refundIds.at(i));
            }
        }
        QCOMPARE(m_acquirer->trade(p)->refundedFen, refunded);

        // The payment did succeed: a query says so, with REFUND as the code.
        const Reply q = query(p);
        QCOMPARE(q.result.status, TradeStatus::Success);
        QCOMPARE(q.result.returnCode, state);
    }

    void refundRefused_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("returnCode");
        QTest::newRow("unpaid") << "barcode-userpaying" << QStringLiteral("TRADE_STATE_ERROR");
        QTest::newRow("failed") << "barcode-failed" << QStringLiteral("TRADE_STATE_ERROR");
        QTest::newRow("qr-unpaid") << "qr-unpaid" << QStringLiteral("TRADE_STATE_ERROR");
        QTest::newRow("unknown-trade") << "unknown" << QStringLiteral("ORDERNOTEXIST");
    }
    void refundRefused()
    {
        QFETCH(QString, setup);
        QFETCH(QString, returnCode);
        const QString p = setUp(setup);
        const Reply r = refund(QStringLiteral("R1"), p, 100);
        checkCommon(r, QStringLiteral("R1"));
        QCOMPARE(r.result.status, TradeStatus::Failed);
        QCOMPARE(r.result.returnCode, returnCode);
        QVERIFY(refundQuery(QStringLiteral("R1")).result.tradeNotFound);
    }

    void refundQueryUnknown()
    {
        const Reply q = refundQuery(QStringLiteral("R-NOPE"));
        checkCommon(q, QStringLiteral("R-NOPE"));
        QCOMPARE(q.result.status, TradeStatus::Unknown);
        QVERIFY(q.result.tradeNotFound);
    }

    void tombstoneRefusesLatePay_data()
    {
        QTest::addColumn<Wallet>("wallet");
        for (int w = 1; w <= 3; ++w)
            QTest::newRow(qPrintable(kWalletNames[w])) << Wallet(w);
    }
    void tombstoneRefusesLatePay()
    {
        QFETCH(Wallet, wallet);
        const QString p = QStringLiteral("P-late");
        const Reply r = revoke(p);
        QCOMPARE(r.result.status, TradeStatus::Success);
        QCOMPARE(r.result.revokeAction, QStringLiteral("close"));
        QCOMPARE(stateOf(p), QStringLiteral("CLOSED"));

        const Reply late = pay(p, sandboxCode(wallet, SandboxBehaviour::InstantSuccess));
        QCOMPARE(late.result.status, TradeStatus::Failed);
        QCOMPARE(late.result.returnCode, QStringLiteral("ORDERREVERSED"));
        QCOMPARE(stateOf(p), QStringLiteral("CLOSED"));
        QCOMPARE(precreate(p).result.status, TradeStatus::Failed);
        const Reply q = query(p);
        QCOMPARE(q.result.status, TradeStatus::Failed);
        QCOMPARE(q.result.returnCode, QStringLiteral("CLOSED"));
        QVERIFY(!q.result.tradeNotFound);
    }

    void durability_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("stateAfterRestart");
        QTest::addColumn<TradeStatus>("queryStatus");
        QTest::newRow("paid") << "barcode-paid" << QStringLiteral("SUCCESS")
                              << TradeStatus::Success;
        QTest::newRow("user-paying-finishes-after-restart")
            << "barcode-userpaying" << QStringLiteral("SUCCESS") << TradeStatus::Success;
        QTest::newRow("failed") << "barcode-failed" << QStringLiteral("PAYERROR")
                                << TradeStatus::Failed;
        QTest::newRow("refunded") << "barcode-refunded" << QStringLiteral("REFUND")
                                  << TradeStatus::Success;
        QTest::newRow("qr-paid") << "qr-paid" << QStringLiteral("SUCCESS") << TradeStatus::Success;
        QTest::newRow("tombstone") << "unknown" << QStringLiteral("CLOSED") << TradeStatus::Failed;
    }
    void durability()
    {
        QFETCH(QString, setup);
        QFETCH(QString, stateAfterRestart);
        QFETCH(TradeStatus, queryStatus);
        QVERIFY(reopen()); // durable from here on
        QString p = setUp(setup);
        if (setup == QLatin1String("unknown"))
            revoke(p);
        const auto before = m_acquirer->trade(p);
        QVERIFY(before);
        settleEvents();

        QVERIFY(reopen());
        m_clock->advance(10 * 1000);
        const auto after = m_acquirer->trade(p);
        QVERIFY(after);
        QCOMPARE(after->state, stateAfterRestart);
        QCOMPARE(after->tradeNo, before->tradeNo);
        QCOMPARE(after->amountFen, before->amountFen);
        QCOMPARE(after->refundedFen, before->refundedFen);
        QCOMPARE(query(p).result.status, queryStatus);

        // The number counter survived too: no acquirer number is reused.
        pay(QStringLiteral("P-new"), sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess));
        const QString newTradeNo = m_acquirer->trade(QStringLiteral("P-new"))->tradeNo;
        QVERIFY(!newTradeNo.isEmpty());
        QVERIFY(newTradeNo != before->tradeNo);
        if (!before->tradeNo.isEmpty())
            QVERIFY(newTradeNo.right(12) > before->tradeNo.right(12));
    }

    // A gateway builds and signs its answer while the trade's write is
    // fsynced, and sends it only once durable; if the sync fails the
    // prepared answer is dropped and the storage error is answered instead.
    void preparedPayAnswerWaitsForTheSync_data()
    {
        QTest::addColumn<bool>("syncFails");
        QTest::addColumn<QString>("told");
        QTest::newRow("synced") << false << QStringLiteral("prepared SUCCESS");
        QTest::newRow("sync-fails") << true << QStringLiteral("answer SANDBOX_STORAGE_ERROR");
    }
    void preparedPayAnswerWaitsForTheSync()
    {
        QFETCH(bool, syncFails);
        QFETCH(QString, told);
        std::atomic<bool> held{true};
        std::atomic<int> syncs{0};
        QVERIFY(openAcquirer(true, [&](QString* error) {
            while (held.load())
                QThread::msleep(1);
            syncs.fetch_add(1);
            if (syncFails)
                *error = QStringLiteral("injected EIO");
            return !syncFails;
        }));
        BarcodePayRequest req;
        req.paymentNo = QStringLiteral("PREP-1");
        req.authCode = sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess);
        req.amount = Money::fromFen(1234);
        req.subject = QStringLiteral("prepared");
        QStringList events;
        m_acquirer->barcodePay(
            QStringLiteral("wechat"), req,
            [&](const ChannelResult& r, bool) {
                events << QStringLiteral("answer ") + r.returnCode;
            },
            [&](const ChannelResult& r, bool dropped) -> std::function<void()> {
                events << QStringLiteral("prepare %1 %2 fen, dropped %3, %4 sync(s)")
                              .arg(r.returnCode)
                              .arg(r.paidFen)
                              .arg(dropped)
                              .arg(syncs.load());
                return [&events, code = r.returnCode] {
                    events << QStringLiteral("prepared ") + code;
                };
            });
        QTRY_COMPARE(events.size(), 1);
        QCOMPARE(events.at(0), QStringLiteral("prepare SUCCESS 1234 fen, dropped 0, 0 sync(s)"));
        QTest::qWait(30);
        QCOMPARE(events.size(), 1); // nothing is sent before the sync
        held = false;
        QTRY_COMPARE(events.size(), 2);
        QCOMPARE(events.at(1), told);
        settleEvents();
        QCOMPARE(events.size(), 2); // told once
        m_acquirer.reset();         // its sync function refers to this test's locals
    }

    // Trade numbers come from blocks reserved in the counter row: one write
    // per block, not per trade; after a restart numbers go on past the
    // block, never back into it.
    void tradeNumbersAreReservedInBlocks()
    {
        QVERIFY(reopen());
        const QString code = sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess);
        QList<qint64> numbers;
        for (const char* no : {"B-1", "B-2", "B-3"}) {
            pay(QString::fromLatin1(no), code);
            numbers << m_acquirer->trade(QString::fromLatin1(no))->tradeNo.right(12).toLongLong();
        }
        QCOMPARE(numbers, QList<qint64>({1, 2, 3}));
        auto storedCounter = [this] {
            qint64 v = -1;
            {
                QSqlDatabase db =
                    QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("counter"));
                db.setDatabaseName(dbPath());
                if (db.open()) {
                    QSqlQuery q(db);
                    if (q.exec(QStringLiteral(
                            "SELECT value FROM sandbox_counters WHERE name = 'trade'")) &&
                        q.next())
                        v = q.value(0).toLongLong();
                }
            }
            QSqlDatabase::removeDatabase(QStringLiteral("counter"));
            return v;
        };
        QCOMPARE(storedCounter(), SandboxAcquirer::kNumberBlock);
        QVERIFY(reopen());
        pay(QStringLiteral("B-4"), code);
        QCOMPARE(m_acquirer->trade(QStringLiteral("B-4"))->tradeNo.right(12).toLongLong(),
                 SandboxAcquirer::kNumberBlock + 1);
        QCOMPARE(storedCounter(), 2 * SandboxAcquirer::kNumberBlock);
    }

    void qrPayments_data()
    {
        QTest::addColumn<SandboxBehaviour>("behaviour");
        QTest::addColumn<QString>("stateAfterScan");
        QTest::addColumn<qint64>("advanceMs");
        QTest::addColumn<QString>("finalState");
        QTest::addColumn<QStringList>("notifications"); // return codes, in order
        QTest::addColumn<bool>("sameIds");
        const QString ok = QStringLiteral("SUCCESS");
        QTest::newRow("instant") << SandboxBehaviour::InstantSuccess << ok << qint64(0) << ok
                                 << QStringList{ok} << false;
        QTest::newRow("duplicate-notifications") << SandboxBehaviour::DuplicateNotifications << ok
                                                 << qint64(0) << ok << QStringList{ok, ok} << true;
        QTest::newRow("contradicting-notification")
            << SandboxBehaviour::ContradictingNotification << ok << qint64(0) << ok
            << QStringList{ok, QStringLiteral("CLOSED")} << false;
        QTest::newRow("user-paying-then-success")
            << SandboxBehaviour::UserPayingThenSuccess << QStringLiteral("USERPAYING")
            << qint64(5000) << ok << QStringList{ok} << false;
        QTest::newRow("user-paying-then-cancelled")
            << SandboxBehaviour::UserPayingThenCancelled << QStringLiteral("USERPAYING")
            << qint64(5000) << QStringLiteral("PAYERROR") << QStringList{} << false;
        QTest::newRow("insufficient-funds")
            << SandboxBehaviour::InsufficientFunds << QStringLiteral("PAYERROR") << qint64(0)
            << QStringLiteral("PAYERROR") << QStringList{} << false;
        QTest::newRow("notification-lost") << SandboxBehaviour::NoResponseThenSuccess << ok
                                           << qint64(0) << ok << QStringList{} << false;
    }
    void qrPayments()
    {
        QFETCH(SandboxBehaviour, behaviour);
        QFETCH(QString, stateAfterScan);
        QFETCH(qint64, advanceMs);
        QFETCH(QString, finalState);
        QFETCH(QStringList, notifications);
        QFETCH(bool, sameIds);
        attachSink();
        const QString p = QStringLiteral("Q1");
        const Reply created = precreate(p, 2500);
        checkCommon(created, p);
        QCOMPARE(created.result.status, TradeStatus::Success);
        QCOMPARE(created.result.codeUrl, QStringLiteral("paydesk-sandbox://qr/Q1"));
        // Creating it again hands out the same code.
        QCOMPARE(precreate(p, 2500).result.codeUrl, created.result.codeUrl);

        Reply q = query(p);
        QCOMPARE(q.result.status, TradeStatus::Processing);
        QCOMPARE(q.result.returnCode, QStringLiteral("NOTPAY"));

        const QString error = m_acquirer->customerScan(created.result.codeUrl,
                                                       sandboxCode(Wallet::Alipay, behaviour, 5));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(stateOf(p), stateAfterScan);
        if (advanceMs > 0) {
            settleEvents();
            QCOMPARE(m_received.size(), 0);
            // Nobody queries: the acquirer notices the time itself.
            m_clock->advance(advanceMs);
        }
        settleEvents();
        QCOMPARE(stateOf(p), finalState);

        QCOMPARE(m_received.size(), notifications.size());
        const auto view = m_acquirer->trade(p);
        for (int i = 0; i < notifications.size(); ++i) {
            const Received& got = m_received.at(i);
            QCOMPARE(got.channel, QStringLiteral("alipay"));
            QCOMPARE(got.n.paymentNo, p);
            QCOMPARE(got.n.channelTradeNo, view->tradeNo);
            QCOMPARE(got.n.amount, Money::fromFen(2500));
            QCOMPARE(got.n.returnCode, notifications.at(i));
            QCOMPARE(got.n.status, notifications.at(i) == QLatin1String("SUCCESS")
                                       ? TradeStatus::Success
                                       : TradeStatus::Failed);
            QVERIFY(got.n.raw.contains(QStringLiteral("<out_trade_no>Q1</out_trade_no>")));
            QVERIFY(!got.n.notificationId.isEmpty());
        }
        if (notifications.size() == 2)
            QCOMPARE(m_received.at(0).n.notificationId == m_received.at(1).n.notificationId,
                     sameIds);

        // Delivered ones are not delivered again, not even after a restart.
        QVERIFY(reopen());
        attachSink();
        settleEvents();
        QCOMPARE(m_received.size(), notifications.size());
    }

    void qrScanRefused_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("before"); // what happens before the scan
        const QString good = sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess);
        const QString url = QStringLiteral("paydesk-sandbox://qr/Q1");
        QTest::newRow("unknown-url")
            << QStringLiteral("paydesk-sandbox://qr/NOPE") << good << QString();
        QTest::newRow("foreign-url")
            << QStringLiteral("https://example.invalid/qr/Q1") << good << QString();
        QTest::newRow("invalid-code") << url << QStringLiteral("99123") << QString();
        QTest::newRow("already-paid") << url << good << QStringLiteral("scan");
        QTest::newRow("revoked") << url << good << QStringLiteral("revoke");
        QTest::newRow("expired") << url << good << QStringLiteral("expire");
        QTest::newRow("barcode-trade")
            << QStringLiteral("paydesk-sandbox://qr/B1") << good << QStringLiteral("barcode");
    }
    void qrScanRefused()
    {
        QFETCH(QString, url);
        QFETCH(QString, code);
        QFETCH(QString, before);
        precreate(QStringLiteral("Q1"), 100, m_clock->nowMs() + 60 * 1000);
        const QString good = sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess);
        if (before == QLatin1String("scan"))
            QVERIFY(m_acquirer->customerScan(url, good).isEmpty());
        else if (before == QLatin1String("revoke"))
            revoke(QStringLiteral("Q1"));
        else if (before == QLatin1String("expire"))
            m_clock->advance(60 * 1000);
        else if (before == QLatin1String("barcode"))
            pay(QStringLiteral("B1"), good);
        const QString stateBefore = stateOf(QStringLiteral("Q1"));
        const QString error = m_acquirer->customerScan(url, code);
        QVERIFY(!error.isEmpty());
        QCOMPARE(stateOf(QStringLiteral("Q1")), stateBefore);
    }

    void qrWakesWithSystemClock()
    {
        // The real clock does not announce its advance: a timer must.
        SystemClock clock;
        SandboxAcquirer acquirer(clock);
        DatabaseConfig config;
        config.sqlitePath = m_dir->file(QStringLiteral("realtime.sqlite"));
        config.durable = false;
        QVERIFY(acquirer.open(config).isEmpty());
        QList<ChannelNotification> got;
        acquirer.setNotificationSink([&](const QString&, const ChannelNotification& n,
                                         const SandboxAcquirer::NotifyTarget&) { got.append(n); });
        auto reply = std::make_shared<Reply>();
        PrecreateRequest req;
        req.paymentNo = QStringLiteral("Q1");
        req.amount = Money::fromFen(100);
        acquirer.precreate(QStringLiteral("wechat"), req, [reply](const ChannelResult& r, bool) {
            reply->answered = true;
            reply->result = r;
        });
        QTRY_VERIFY(reply->answered);
        QVERIFY(acquirer
                    .customerScan(
                        reply->result.codeUrl,
                        sandboxCode(Wallet::WeChat, SandboxBehaviour::UserPayingThenSuccess, 1))
                    .isEmpty());
        QTest::qWait(500);
        QCOMPARE(got.size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 1, 3000);
        QCOMPARE(acquirer.trade(QStringLiteral("Q1"))->state, QStringLiteral("SUCCESS"));
    }

    void notificationsWaitForSink()
    {
        const Reply created = precreate(QStringLiteral("Q1"));
        QVERIFY(m_acquirer
                    ->customerScan(
                        created.result.codeUrl,
                        sandboxCode(Wallet::WeChat, SandboxBehaviour::DuplicateNotifications))
                    .isEmpty());
        settleEvents();
        // Pending ones are stored: they survive a restart.
        QVERIFY(reopen());
        settleEvents();
        QCOMPARE(m_received.size(), 0);
        attachSink();
        QCOMPARE(m_received.size(), 0); // asynchronous, after the caller is wired
        settleEvents();
        QCOMPARE(m_received.size(), 2);
        QCOMPARE(m_received.at(0).channel, QStringLiteral("alipay"));
        attachSink();
        settleEvents();
        QCOMPARE(m_received.size(), 2);
    }

    void paymentCodeNeverStored()
    {
        const QString code = sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess, 42);
        QVERIFY(pay(QStringLiteral("P1"), code).answered);
        const Reply created = precreate(QStringLiteral("Q1"));
        const QString scanCode = sandboxCode(Wallet::Alipay, SandboxBehaviour::InstantSuccess, 43);
        QVERIFY(m_acquirer->customerScan(created.result.codeUrl, scanCode).isEmpty());
        settleEvents();
        m_acquirer.reset();

        const QString name = QStringLiteral("tst_sandbox_inspect");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(dbPath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT * FROM sandbox_trades")));
            int rows = 0;
            while (q.next()) {
                ++rows;
                for (int i = 0; i < q.record().count(); ++i) {
                    const QString v = q.value(i).toString();
                    QVERIFY2(!v.contains(code) && !v.contains(scanCode),
                             qPrintable(q.record().fieldName(i)));
                }
                const QString masked = q.value(QStringLiteral("auth_code_masked")).toString();
                QVERIFY(masked == maskPaymentCode(code) || masked == maskPaymentCode(scanCode));
            }
            QCOMPARE(rows, 2);
        }
        QSqlDatabase::removeDatabase(name);
    }

    void channelForwards_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<SandboxBehaviour>("behaviour");
        QTest::addColumn<bool>("called");
        QTest::newRow("wechat-instant") << "wechat" << SandboxBehaviour::InstantSuccess << true;
        QTest::newRow("alipay-system-error")
            << "alipay" << SandboxBehaviour::SystemErrorThenSuccess << true;
        QTest::newRow("unionpay-no-response")
            << "unionpay" << SandboxBehaviour::NoResponseThenSuccess << false;
        QTest::newRow("wechat-slow-to-record")
            << "wechat" << SandboxBehaviour::SlowToRecord << false;
    }
    void channelForwards()
    {
        QFETCH(QString, name);
        QFETCH(SandboxBehaviour, behaviour);
        QFETCH(bool, called);
        SandboxChannel channel(name, *m_acquirer);
        QCOMPARE(channel.name(), name);

        BarcodePayRequest req;
        req.paymentNo = QStringLiteral("P1");
        req.authCode = sandboxCode(walletFromName(name), behaviour);
        req.amount = Money::fromFen(500);
        int calls = 0;
        ChannelResult got;
        channel.barcodePay(req, [&](const ChannelResult& r) {
            ++calls;
            got = r;
        });
        QCOMPARE(calls, 0); // never synchronous
        settleEvents();
        QCOMPARE(calls, called ? 1 : 0);
        QCOMPARE(m_acquirer->trade(QStringLiteral("P1"))->channel, name);

        // The trade is paid whatever the answer did; query reaches it.
        m_clock->advance(5000);
        calls = 0;
        channel.query(QStringLiteral("P1"), [&](const ChannelResult& r) {
            ++calls;
            got = r;
        });
        settleEvents();
        QCOMPARE(calls, 1);
        QCOMPARE(got.status, TradeStatus::Success);

        calls = 0;
        channel.refund(RefundRequest{QStringLiteral("R1"), QStringLiteral("P1"), got.channelTradeNo,
                                     Money::fromFen(100), Money::fromFen(500), QString()},
                       [&](const ChannelResult& r) {
                           ++calls;
                           got = r;
                       });
        settleEvents();
        QCOMPARE(calls, 1);
        QCOMPARE(got.status, TradeStatus::Success);
        channel.refundQuery(QStringLiteral("R1"), QStringLiteral("P1"),
                            [&](const ChannelResult& r) {
                                ++calls;
                                got = r;
                            });
        settleEvents();
        QCOMPARE(calls, 2);
        QCOMPARE(got.status, TradeStatus::Success);
        QCOMPARE(got.requestNo, QStringLiteral("R1"));

        channel.revoke(QStringLiteral("P1"), [&](const ChannelResult& r) {
            ++calls;
            got = r;
        });
        settleEvents();
        QCOMPARE(calls, 3);
        QCOMPARE(got.returnCode, QStringLiteral("TRADE_HAS_REFUND"));

        PrecreateRequest pre;
        pre.paymentNo = QStringLiteral("Q1");
        pre.amount = Money::fromFen(300);
        channel.precreate(pre, [&](const ChannelResult& r) {
            ++calls;
            got = r;
        });
        settleEvents();
        QCOMPARE(calls, 4);
        QCOMPARE(got.codeUrl, QStringLiteral("paydesk-sandbox://qr/Q1"));

        QList<ChannelNotification> delivered;
        channel.setNotificationSink([&](const ChannelNotification& n) { delivered.append(n); });
        m_acquirer->setNotificationSink([&](const QString& to, const ChannelNotification& n,
                                            const SandboxAcquirer::NotifyTarget&) {
            if (to == channel.name())
                channel.deliverNotification(n);
        });
        QVERIFY(m_acquirer
                    ->customerScan(got.codeUrl,
                                   sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess))
                    .isEmpty());
        settleEvents();
        QCOMPARE(delivered.size(), 1);
        QCOMPARE(delivered.at(0).paymentNo, QStringLiteral("Q1"));
        QCOMPARE(delivered.at(0).status, TradeStatus::Success);
        // The sink refers to this function's channel.
        m_acquirer->setNotificationSink(nullptr);
    }
};

QTEST_GUILESS_MAIN(tst_Sandbox)
#include "tst_sandbox.moc"
