// Alipay OpenAPI RSA2 (SHA256withRSA): what is signed, signing and
// verification with OpenSSL, and keys in PEM or Alipay's bare base64 form.

#include "channels/alipay/AlipaySign.h"

#include <QtTest>

using namespace paydesk::alipay;

Q_DECLARE_METATYPE(paydesk::alipay::SignScope)

namespace {

Params tradePay()
{
    return {{QStringLiteral("app_id"), QStringLiteral("2014072300007148")},
            {QStringLiteral("method"), QStringLiteral("alipay.trade.pay")},
            {QStringLiteral("charset"), QStringLiteral("utf-8")},
            {QStringLiteral("sign_type"), QStringLiteral("RSA2")},
            {QStringLiteral("timestamp"), QStringLiteral("2026-11-23 10:00:00")},
            {QStringLiteral("version"), QStringLiteral("1.0")},
            {QStringLiteral("notify_url"), QString()},
            {QStringLiteral("biz_content"),
             QStringLiteral("{\"out_trade_no\":\"PA1\",\"scene\":\"bar_code\","
                            "\"auth_code\":\"28763443825664394\",\"total_amount\":\"12.34\","
                            "\"subject\":\"咖啡\"}")}};
}

// Base64 body of a PEM block, as Alipay's console shows keys.
QByteArray bare(const QByteArray& pem)
{
    QByteArray out;
    for (const QByteArray& line : pem.split('\n'))
        if (!line.startsWith("-----"))
            out += line.trimmed();
    return out;
}

} // namespace

class tst_AlipaySign : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(RsaKey::generate(2048, &m_privatePem, &m_publicPem));
        QVERIFY(RsaKey::generate(2048, &m_otherPrivatePem, &m_otherPublicPem));
    }

    void signingContent_data()
    {
        QTest::addColumn<SignScope>("scope");
        QTest::addColumn<QString>("expectedStart");
        QTest::addColumn<bool>("hasSignType");
        QTest::newRow("request-keeps-sign_type") << SignScope::Request << "app_id=2014072300007148&"
                                                 << true;
        QTest::newRow("notification-drops-sign_type")
            << SignScope::Notification << "app_id=2014072300007148&" << false;
    }
    void signingContent()
    {
        QFETCH(SignScope, scope);
        QFETCH(QString, expectedStart);
        QFETCH(bool, hasSignType);
        Params p = tradePay();
        p.insert(QStringLiteral("sign"), QStringLiteral("abc"));
        const QString s = QString::fromUtf8(paydesk::alipay::signingContent(p, scope));
        QVERIFY(s.startsWith(expectedStart));
        QCOMPARE(s.contains(QStringLiteral("sign_type=RSA2")), hasSignType);
        QVERIFY(!s.contains(QStringLiteral("&sign=")));
        QVERIFY(!s.contains(QStringLiteral("notify_url"))); // empty: left out
        // Sorted by name: biz_content before charset before method.
        QVERIFY(s.indexOf(QStringLiteral("biz_content=")) < s.indexOf(QStringLiteral("charset=")));
        QVERIFY(s.indexOf(QStringLiteral("charset=")) < s.indexOf(QStringLiteral("method=")));
        QVERIFY(s.contains(QStringLiteral("\"subject\":\"咖啡\"")));
    }

    void signAndVerify_data()
    {
        QTest::addColumn<bool>("barePrivate");
        QTest::addColumn<bool>("barePublic");
        QTest::newRow("pem-pem") << false << false;
        QTest::newRow("bare-bare") << true << true;
        QTest::newRow("pem-bare") << false << true;
    }
    void signAndVerify()
    {
        QFETCH(bool, barePrivate);
        QFETCH(bool, barePublic);
        QString error;
        const RsaKey priv = RsaKey::load(barePrivate ? bare(m_privatePem) : m_privatePem,
                                         RsaKey::Kind::Private, &error);
        QVERIFY2(!priv.isNull(), qPrintable(error));
        const RsaKey pub = RsaKey::load(barePublic ? bare(m_publicPem) : m_publicPem,
                                        RsaKey::Kind::Public, &error);
        QVERIFY2(!pub.isNull(), qPrintable(error));

        const QByteArray content = paydesk::alipay::signingContent(tradePay(), SignScope::Request);
        const QString sig = signRsa2(content, priv, &error);
        QVERIFY2(!sig.isEmpty(), qPrintable(error));
        QCOMPARE(QByteArray::fromBase64(sig.toLatin1()).size(), 256); // 2048-bit RSA
        QVERIFY(verifyRsa2(content, sig, pub));
    }

    void verifyRefuses_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("amount-changed") << "amount";
        QTest::newRow("other-key") << "key";
        QTest::newRow("signature-not-base64") << "garbage";
        QTest::newRow("signature-empty") << "empty";
        QTest::newRow("signature-truncated") << "truncated";
    }
    void verifyRefuses()
    {
        QFETCH(QString, what);
        QString error;
        const RsaKey priv = RsaKey::load(m_privatePem, RsaKey::Kind::Private, &error);
        const RsaKey pub = RsaKey::load(
            what == QLatin1String("key") ? m_otherPublicPem : m_publicPem, RsaKey::Kind::Public,
            &error);
        QByteArray content = paydesk::alipay::signingContent(tradePay(), SignScope::Request);
        QString sig = signRsa2(content, priv, &error);
        if (what == QLatin1String("amount"))
            content.replace("12.34", "1234.00");
        else if (what == QLatin1String("garbage"))
            sig = QStringLiteral("%%% not base64 %%%");
        else if (what == QLatin1String("empty"))
            sig.clear();
        else if (what == QLatin1String("truncated"))
            sig.chop(8);
        QVERIFY(!verifyRsa2(content, sig, pub));
    }

    void badKeysSayWhy_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << QByteArray("  ") << int(RsaKey::Kind::Private) << "is empty";
        QTest::newRow("not-base64") << QByteArray("this is not a key!") << int(RsaKey::Kind::Public)
                                    << "neither PEM nor base64";
        QTest::newRow("base64-garbage") << QByteArray("aGVsbG8gd29ybGQ=")
                                        << int(RsaKey::Kind::Private) << "cannot read";
        QTest::newRow("broken-pem")
            << QByteArray("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
            << int(RsaKey::Kind::Public) << "cannot read";
    }
    void badKeysSayWhy()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, kind);
        QFETCH(QString, says);
        QString error;
        const RsaKey k = RsaKey::load(text, RsaKey::Kind(kind), &error);
        QVERIFY(k.isNull());
        QVERIFY2(error.contains(says), qPrintable(error));
    }

    void publicKeyCannotBeLoadedAsPrivate()
    {
        QString error;
        QVERIFY(RsaKey::load(m_publicPem, RsaKey::Kind::Private, &error).isNull());
        QVERIFY(!error.isEmpty());
    }

private:
    QByteArray m_privatePem, m_publicPem, m_otherPrivatePem, m_otherPublicPem;
};

QTEST_GUILESS_MAIN(tst_AlipaySign)
#include "tst_alipaysign.moc"
