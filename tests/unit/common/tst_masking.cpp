// Unit tests for core/common/Masking.h: payment codes are bearer credentials,
// so they (and signatures and keys) must never reach a log or a screen whole.

#include "common/Masking.h"

#include <QtTest>

namespace {

const QString kWeChatCode = QStringLiteral("134512345678901234");
const QString kWeChatMasked = QStringLiteral("13************1234");
const QString kAlipayCode = QStringLiteral("287654321098765432");
const QString kAlipayMasked = QStringLiteral("28************5432");

} // namespace

class tst_Masking : public QObject
{
    Q_OBJECT

private slots:
    void maskPaymentCode_data();
    void maskPaymentCode();
    void maskRawMessage_data();
    void maskRawMessage();
    void maskRawMessageIsIdempotent();
};

void tst_Masking::maskPaymentCode_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("masked");

    QTest::newRow("wechat_18") << kWeChatCode << kWeChatMasked;
    QTest::newRow("alipay_16") << QStringLiteral("2812345678901234")
                               << QStringLiteral("28**********1234");
    QTest::newRow("alipay_24") << QStringLiteral("281234567890123456789012")
                               << QStringLiteral("28******************9012");
    QTest::newRow("unionpay_19") << QStringLiteral("6228480402564890018")
                                 << QStringLiteral("62*************0018");
    QTest::newRow("seven_chars") << QStringLiteral("1234567") << QStringLiteral("12*4567");
    // Too short to keep anything: fully masked, length kept.
    QTest::newRow("six_chars") << QStringLiteral("123456") << QStringLiteral("******");
    QTest::newRow("four_chars") << QStringLiteral("1234") << QStringLiteral("****");
    QTest::newRow("one_char") << QStringLiteral("9") << QStringLiteral("*");
    QTest::newRow("empty") << QString() << QString();
}

void tst_Masking::maskPaymentCode()
{
    QFETCH(QString, code);
    QFETCH(QString, masked);

    const QString out = paydesk::maskPaymentCode(code);
    QCOMPARE(out, masked);
    QCOMPARE(out.size(), code.size());
    if (!code.isEmpty())
        QVERIFY(out != code);
}

void tst_Masking::maskRawMessage_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("masked");
    QTest::addColumn<QStringList>("secrets"); // must not appear in the output

    const QString sign = QStringLiteral("C380BEC2BFD727A4B6845133519F3AD6");

    // key=value (form posts, query strings)
    QTest::newRow("kv_auth_code_and_sign")
        << QStringLiteral("auth_code=%1&out_trade_no=PO100010001202611231200000000000"
                          "&total_fee=100&sign=%2")
               .arg(kWeChatCode, sign)
        << QStringLiteral("auth_code=%1&out_trade_no=PO100010001202611231200000000000"
                          "&total_fee=100&sign=***")
               .arg(kWeChatMasked)
        << QStringList{kWeChatCode, sign};
    QTest::newRow("kv_key_and_password")
        << QStringLiteral("mch_id=1900000109&key=192006250b4c09247ec02edce69f6a2d&password="
                          "hunter2&total_fee=1")
        << QStringLiteral("mch_id=1900000109&key=***&password=***&total_fee=1")
        << QStringList{QStringLiteral("192006250b4c09247ec02edce69f6a2d"),
                       QStringLiteral("hunter2")};
    QTest::newRow("kv_sign_type_kept")
        << QStringLiteral("sign_type=MD5&sign=%1").arg(sign)
        << QStringLiteral("sign_type=MD5&sign=***") << QStringList{sign};
    QTest::newRow("kv_camel_case_auth_code")
        << QStringLiteral("authCode=%1&txnAmt=100").arg(kAlipayCode)
        << QStringLiteral("authCode=%1&txnAmt=100").arg(kAlipayMasked) << QStringList{kAlipayCode};
    QTest::newRow("kv_lines")
        << QStringLiteral("auth_code=%1\nsign=%2\ntotal_fee=100").arg(kWeChatCode, sign)
        << QStringLiteral("auth_code=%1\nsign=***\ntotal_fee=100").arg(kWeChatMasked)
        << QStringList{kWeChatCode, sign};
    QTest::newRow("kv_query_string")
        << QStringLiteral("GET /pay?auth_code=%1&total_fee=100").arg(kWeChatCode)
        << QStringLiteral("GET /pay?auth_code=%1&total_fee=100").arg(kWeChatMasked)
        << QStringList{kWeChatCode};

    // XML (WeChat Pay v2)
    QTest::newRow("xml_plain")
        << QStringLiteral("<xml><auth_code>%1</auth_code><out_trade_no>PO1</out_trade_no>"
                          "<total_fee>100</total_fee><sign>%2</sign></xml>")
               .arg(kWeChatCode, sign)
        << QStringLiteral("<xml><auth_code>%1</auth_code><out_trade_no>PO1</out_trade_no>"
                          "<total_fee>100</total_fee><sign>***</sign></xml>")
               .arg(kWeChatMasked)
        << QStringList{kWeChatCode, sign};
    QTest::newRow("xml_cdata")
        << QStringLiteral("<xml><auth_code><![CDATA[%1]]></auth_code>"
                          "<out_trade_no><![CDATA[PO1]]></out_trade_no>"
                          "<total_fee><![CDATA[100]]></total_fee>"
                          "<sign><![CDATA[%2]]></sign><sign_type><![CDATA[MD5]]></sign_type></xml>")
               .arg(kWeChatCode, sign)
        << QStringLiteral(
               "<xml><auth_code><![CDATA[%1]]></auth_code>"
               "<out_trade_no><![CDATA[PO1]]></out_trade_no>"
               "<total_fee><![CDATA[100]]></total_fee>"
               "<sign><![CDATA[***]]></sign><sign_type><![CDATA[MD5]]></sign_type></xml>")
               .arg(kWeChatMasked)
        << QStringList{kWeChatCode, sign};
    QTest::newRow("xml_multiline")
        << QStringLiteral("<xml>\n  <auth_code>%1</auth_code>\n  <key>k3y</key>\n</xml>")
               .arg(kWeChatCode)
        << QStringLiteral("<xml>\n  <auth_code>%1</auth_code>\n  <key>***</key>\n</xml>")
               .arg(kWeChatMasked)
        << QStringList{kWeChatCode, QStringLiteral("k3y")};

    // JSON (Alipay biz_content, our own API)
    QTest::newRow("json") << QStringLiteral(
                                 "{\"auth_code\":\"%1\",\"out_trade_no\":\"PO1\",\"total_amount\":"
                                 "\"1.00\",\"sign\":\"%2\"}")
                                 .arg(kAlipayCode, sign)
                          << QStringLiteral(
                                 "{\"auth_code\":\"%1\",\"out_trade_no\":\"PO1\",\"total_amount\":"
                                 "\"1.00\",\"sign\":\"***\"}")
                                 .arg(kAlipayMasked)
                          << QStringList{kAlipayCode, sign};
    QTest::newRow("json_spaced")
        << QStringLiteral("{ \"sign\" : \"%1\", \"password\":\"pw\", \"total_fee\": 100 }")
               .arg(sign)
        << QStringLiteral("{ \"sign\" : \"***\", \"password\":\"***\", \"total_fee\": 100 }")
        << QStringList{sign, QStringLiteral("\"pw\"")};
    QTest::newRow("json_number_auth_code")
        << QStringLiteral("{\"auth_code\": %1, \"total_fee\": 100}").arg(kWeChatCode)
        << QStringLiteral("{\"auth_code\": %1, \"total_fee\": 100}").arg(kWeChatMasked)
        << QStringList{kWeChatCode};
    QTest::newRow("json_inside_kv")
        << QStringLiteral("app_id=2021000000000000&biz_content={\"auth_code\":\"%1\","
                          "\"out_trade_no\":\"PO1\"}&sign=%2")
               .arg(kAlipayCode, sign)
        << QStringLiteral("app_id=2021000000000000&biz_content={\"auth_code\":\"%1\","
                          "\"out_trade_no\":\"PO1\"}&sign=***")
               .arg(kAlipayMasked)
        << QStringList{kAlipayCode, sign};

    // Nothing secret: untouched.
    QTest::newRow("no_secrets") << QStringLiteral("out_trade_no=PO1&total_fee=100&body=coffee")
                                << QStringLiteral("out_trade_no=PO1&total_fee=100&body=coffee")
                                << QStringList{};
    QTest::newRow("similar_names_untouched")
        << QStringLiteral("<xml><signature_ok>yes</signature_ok><monkey>1</monkey>"
                          "<sign_type>MD5</sign_type></xml>")
        << QStringLiteral("<xml><signature_ok>yes</signature_ok><monkey>1</monkey>"
                          "<sign_type>MD5</sign_type></xml>")
        << QStringList{};
    QTest::newRow("empty") << QString() << QString() << QStringList{};
}

void tst_Masking::maskRawMessage()
{
    QFETCH(QString, raw);
    QFETCH(QString, masked);
    QFETCH(QStringList, secrets);

    const QString out = paydesk::maskRawMessage(raw);
    QCOMPARE(out, masked);
    for (const QString& secret : secrets)
        QVERIFY2(!out.contains(secret), qPrintable(secret + QStringLiteral(" in ") + out));
}

void tst_Masking::maskRawMessageIsIdempotent()
{
    const QString raw = QStringLiteral("auth_code=%1&sign=abc&total_fee=100").arg(kWeChatCode);
    const QString once = paydesk::maskRawMessage(raw);
    QCOMPARE(paydesk::maskRawMessage(once), once);
}

QTEST_GUILESS_MAIN(tst_Masking)
#include "tst_masking.moc"
