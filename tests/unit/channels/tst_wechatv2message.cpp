// WeChat Pay V2 message rules: signing (MD5, HMAC-SHA256), verification and
// the XML envelope, including the malformed bodies a gateway or an attacker
// may send.

#include "channels/wechat/WeChatV2Message.h"

#include <QtTest>

using namespace paydesk::wechat;

Q_DECLARE_METATYPE(paydesk::wechat::SignType)

namespace {

// The worked example of WeChat Pay's V2 signing documentation.
Params documentedExample()
{
    return {{QStringLiteral("appid"), QStringLiteral("wxd930ea5d5a258f4f")},
            {QStringLiteral("mch_id"), QStringLiteral("10000100")},
            {QStringLiteral("device_info"), QStringLiteral("1000")},
            {QStringLiteral("body"), QStringLiteral("test")},
            {QStringLiteral("nonce_str"), QStringLiteral("ibuaiVcKdpRxkhJA")}};
}
const QByteArray kDocumentedKey = "192006250b4c09247ec02edce69f6a2d";

} // namespace

class tst_WeChatV2Message : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signMatchesTheDocumentedExample_data()
    {
        QTest::addColumn<SignType>("type");
        QTest::addColumn<QString>("expected");
        QTest::newRow("md5") << SignType::Md5 << "9A0A8659F005D6984697E2CA0A9CF3B7";
        QTest::newRow("hmac-sha256")
            << SignType::HmacSha256
            << "6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6";
    }
    void signMatchesTheDocumentedExample()
    {
        QFETCH(SignType, type);
        QFETCH(QString, expected);
        QCOMPARE(sign(documentedExample(), kDocumentedKey, type), expected);
    }

    // WeChat's nonce_str: at most 32 characters; ours are 32 of [A-Z0-9],
    // fresh each time, every character in use.
    void nonceStrIs32UpperCaseLettersAndDigits()
    {
        QSet<QString> seen;
        QSet<QChar> letters;
        for (int i = 0; i < 2000; ++i) {
            const QString n = nonceStr();
            QCOMPARE(n.size(), 32);
            for (const QChar c : n) {
                QVERIFY2((c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                             (c >= QLatin1Char('0') && c <= QLatin1Char('9')),
                         qPrintable(n));
                letters.insert(c);
            }
            seen.insert(n);
        }
        QCOMPARE(seen.size(), 2000);
        QCOMPARE(letters.size(), 36);
    }

    void emptyFieldsAndSignDoNotTakePart()
    {
        Params p = documentedExample();
        p.insert(QStringLiteral("attach"), QString());
        p.insert(QStringLiteral("sign"), QStringLiteral("WHATEVER"));
        QCOMPARE(sign(p, kDocumentedKey, SignType::Md5),
                 QStringLiteral("9A0A8659F005D6984697E2CA0A9CF3B7"));
    }

    void verify_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<bool>("valid");
        QTest::newRow("as-signed") << QString() << QString() << kDocumentedKey << true;
        QTest::newRow("lower-case-sign") << "sign" << "lower" << kDocumentedKey << true;
        QTest::newRow("amount-changed") << "total_fee" << "1" << kDocumentedKey << false;
        QTest::newRow("field-edited") << "body" << "test2" << kDocumentedKey << false;
        QTest::newRow("wrong-key") << QString() << QString() << QByteArray("other-key") << false;
        QTest::newRow("sign-missing") << "sign" << "" << kDocumentedKey << false;
        QTest::newRow("sign-garbage") << "sign" << "NOT-HEX" << kDocumentedKey << false;
    }
    void verify()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QByteArray, key);
        QFETCH(bool, valid);
        Params p = documentedExample();
        p.insert(QStringLiteral("sign"), sign(p, kDocumentedKey, SignType::HmacSha256));
        if (field == QLatin1String("sign") && value == QLatin1String("lower"))
            p.insert(QStringLiteral("sign"), p.value(QStringLiteral("sign")).toLower());
        else if (!field.isEmpty())
            p.insert(field, value);
        QCOMPARE(paydesk::wechat::verify(p, key, SignType::HmacSha256), valid);
    }

    void xmlRoundTrip()
    {
        Params p = documentedExample();
        p.insert(QStringLiteral("body"), QStringLiteral("咖啡 <大杯> & 蛋糕 ]]> end"));
        p.insert(QStringLiteral("total_fee"), QStringLiteral("1234"));
        const XmlResult back = parseXml(toXml(p));
        QVERIFY2(back.ok(), qPrintable(back.error));
        QCOMPARE(back.params, p);
    }

    void parsesWeChatsOwnAnswer()
    {
        const QByteArray answer =
            "<xml>\n  <return_code><![CDATA[SUCCESS]]></return_code>\n"
            "  <return_msg><![CDATA[OK]]></return_msg>\n"
            "  <result_code>FAIL</result_code>\n"
            "  <err_code><![CDATA[USERPAYING]]></err_code>\n</xml>";
        const XmlResult r = parseXml(answer);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.params.value(QStringLiteral("return_code")), QStringLiteral("SUCCESS"));
        QCOMPARE(r.params.value(QStringLiteral("result_code")), QStringLiteral("FAIL"));
        QCOMPARE(r.params.value(QStringLiteral("err_code")), QStringLiteral("USERPAYING"));
        QCOMPARE(r.params.size(), 4);
    }

    void malformedXmlIsRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << QByteArray() << "empty message";
        QTest::newRow("wrong-root") << QByteArray("<root><a>1</a></root>") << "not <xml>";
        QTest::newRow("truncated") << QByteArray("<xml><return_code>SUCC") << "line 1";
        QTest::newRow("unclosed-root")
            << QByteArray("<xml><return_code>SUCCESS</return_code>") << "line 1";
        QTest::newRow("nested") << QByteArray("<xml><a><b>1</b></a></xml>") << "contains an element";
        QTest::newRow("duplicate-field")
            << QByteArray("<xml><total_fee>1</total_fee><total_fee>100</total_fee></xml>")
            << "appears twice";
        QTest::newRow("xxe-doctype")
            << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
                          "\"file:///etc/passwd\">]><xml><a>&e;</a></xml>")
            << "DTDs and entities";
        QTest::newRow("text-outside-field") << QByteArray("<xml>loose<a>1</a></xml>")
                                            << "text outside a field";
        QTest::newRow("second-root") << QByteArray("<xml><a>1</a></xml><xml></xml>") << "line 1";
        QTest::newRow("too-large") << QByteArray("<xml><a>" + QByteArray(70000, 'x') + "</a></xml>")
                                   << "larger than";
    }
    void malformedXmlIsRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, says);
        const XmlResult r = parseXml(body);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(says), qPrintable(r.error));
        QVERIFY(r.params.isEmpty());
    }

    // The direct reader takes WeChat's own shape and declines everything
    // else; whichever path reads a message, the result is the full
    // parser's, to the character.
    void bothPathsAgree_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("direct"); // read without QXmlStreamReader
        QTest::newRow("cdata") << QByteArray("<xml><a><![CDATA[x y]]></a><b><![CDATA[]]></b></xml>")
                               << true;
        QTest::newRow("plain-text") << QByteArray("<xml><total_fee>100</total_fee></xml>") << true;
        QTest::newRow("empty-field") << QByteArray("<xml><a></a></xml>") << true;
        QTest::newRow("empty-root") << QByteArray("<xml></xml>") << true;
        QTest::newRow("spaces-and-newlines")
            << QByteArray("\n <xml>\n  <a>1</a>\n\t<b><![CDATA[2]]></b>\n</xml>\n") << true;
        QTest::newRow("whitespace-text") << QByteArray("<xml><a>  </a></xml>") << true;
        QTest::newRow("utf-8") << QByteArray("<xml><body><![CDATA[咖啡 & <大杯>]]></body></xml>")
                               << true;
        // Regression: a value's leading U+FEFF was dropped by the decoder.
        QTest::newRow("value-starting-with-bom")
            << QByteArray("<xml><a>\xEF\xBB\xBFx</a><b>1</b></xml>") << true;
        QTest::newRow("cdata-of-a-bom")
            << QByteArray("<xml><a><![CDATA[\xEF\xBB\xBF]]></a></xml>") << true;
        QTest::newRow("second-field-starting-with-bom")
            << QByteArray("<xml><a>1</a><b>\xEF\xBB\xBF\xE4\xB8\xAD</b></xml>") << true;
        QTest::newRow("newline-and-tab-in-value") << QByteArray("<xml><a>1\n\t2</a></xml>") << true;
        QTest::newRow("greater-than-in-text") << QByteArray("<xml><a>1 > 0</a></xml>") << true;
        QTest::newRow("field-named-xml") << QByteArray("<xml><xml>1</xml></xml>") << true;
        QTest::newRow("declaration")
            << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><a>1</a></xml>") << false;
        QTest::newRow("byte-order-mark") << QByteArray("\xEF\xBB\xBF<xml><a>1</a></xml>") << false;
        QTest::newRow("comment") << QByteArray("<xml><!-- c --><a>1</a></xml>") << false;
        QTest::newRow("attribute") << QByteArray("<xml><a x=\"1\">1</a></xml>") << false;
        QTest::newRow("self-closing") << QByteArray("<xml><a/></xml>") << false;
        QTest::newRow("entity") << QByteArray("<xml><a>1 &amp; 2</a></xml>") << false;
        QTest::newRow("character-reference") << QByteArray("<xml><a>&#x41;</a></xml>") << false;
        QTest::newRow("unknown-entity") << QByteArray("<xml><a>&e;</a></xml>") << false;
        QTest::newRow("carriage-return") << QByteArray("<xml><a>1\r\n2</a></xml>") << false;
        QTest::newRow("carriage-return-in-cdata")
            << QByteArray("<xml><a><![CDATA[1\r\n2]]></a></xml>") << false;
        QTest::newRow("control-character") << QByteArray("<xml><a>1\x01</a></xml>") << false;
        QTest::newRow("invalid-utf-8") << QByteArray("<xml><a>\xC3\x28</a></xml>") << false;
        QTest::newRow("noncharacter-fffe") << QByteArray("<xml><a>\xEF\xBF\xBE</a></xml>") << false;
        QTest::newRow("split-cdata")
            << QByteArray("<xml><a><![CDATA[]]]]><![CDATA[>]]></a></xml>") << false;
        QTest::newRow("text-then-cdata") << QByteArray("<xml><a>x<![CDATA[y]]></a></xml>") << false;
        QTest::newRow("stray-cdata-end") << QByteArray("<xml><a>x]]>y</a></xml>") << false;
        QTest::newRow("name-with-dash") << QByteArray("<xml><a-b>1</a-b></xml>") << false;
        QTest::newRow("name-starting-with-digit") << QByteArray("<xml><1a>1</1a></xml>") << false;
        QTest::newRow("mismatched-close") << QByteArray("<xml><a>1</b></xml>") << false;
        QTest::newRow("duplicate") << QByteArray("<xml><a>1</a><a>2</a></xml>") << false;
        QTest::newRow("nested") << QByteArray("<xml><a><b>1</b></a></xml>") << false;
        QTest::newRow("unclosed-cdata") << QByteArray("<xml><a><![CDATA[1</a></xml>") << false;
        QTest::newRow("truncated") << QByteArray("<xml><a>1</a>") << false;
        QTest::newRow("after-root") << QByteArray("<xml></xml>x") << false;
        QTest::newRow("second-root") << QByteArray("<xml></xml><xml></xml>") << false;
        QTest::newRow("wrong-root") << QByteArray("<root><a>1</a></root>") << false;
        QTest::newRow("empty") << QByteArray() << false;
    }
    void bothPathsAgree()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, direct);
        QCOMPARE(parseCanonicalXml(body).has_value(), direct);
        const XmlResult full = parseXmlFully(body);
        const XmlResult r = parseXml(body);
        QCOMPARE(r.error, full.error);
        QCOMPARE(r.params, full.params);
        if (direct)
            QVERIFY2(full.ok(), qPrintable(full.error));
    }

    void toXmlIsReadDirectly()
    {
        Params p = documentedExample();
        p.insert(QStringLiteral("body"), QStringLiteral("咖啡 <大杯> & 蛋糕"));
        const std::optional<Params> back = parseCanonicalXml(toXml(p));
        QVERIFY(back.has_value());
        QCOMPARE(*back, p);
    }

    void signTypeNames()
    {
        SignType t = SignType::HmacSha256;
        QVERIFY(parseSignType(QString(), &t));
        QCOMPARE(t, SignType::Md5);
        QVERIFY(parseSignType(QStringLiteral("HMAC-SHA256"), &t));
        QCOMPARE(t, SignType::HmacSha256);
        QVERIFY(!parseSignType(QStringLiteral("RSA"), &t));
        QCOMPARE(signTypeName(SignType::HmacSha256), QStringLiteral("HMAC-SHA256"));
    }
};

QTEST_GUILESS_MAIN(tst_WeChatV2Message)
#include "tst_wechatv2message.moc"
