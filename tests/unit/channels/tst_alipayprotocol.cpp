// Alipay OpenAPI as pure functions: request building and signing, form
// encoding, the exact-substring response envelope, the per-method mapping
// whitelists, async notifications and the gateway-side helpers.

#include "channels/alipay/AlipayProtocol.h"
#include "common/Masking.h"

#include <QJsonDocument>
#include <QtTest>

using namespace paydesk;
using namespace paydesk::alipay;

Q_DECLARE_METATYPE(paydesk::alipay::Method)
Q_DECLARE_METATYPE(paydesk::TradeStatus)

namespace {

const QString kAuthCode = QStringLiteral("286612345678901234");

RsaKey load(const QByteArray& pem, RsaKey::Kind kind)
{
    QString error;
    RsaKey k = RsaKey::load(pem, kind, &error);
    if (k.isNull())
        qWarning() << error;
    return k;
}

BarcodePayRequest payRequest()
{
    BarcodePayRequest req;
    req.paymentNo = QStringLiteral("PA20260101000001");
    req.authCode = kAuthCode;
    req.amount = Money::fromFen(1234);
    req.subject = QStringLiteral("咖啡 & cake = \"good\"");
    req.storeId = QStringLiteral("S1");
    req.terminalId = QStringLiteral("T1");
    req.expireAtMs = 1767225600000 + 60000; // 2026-01-01T00:01Z
    return req;
}

QJsonObject obj(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class tst_AlipayProtocol : public QObject
{
    Q_OBJECT

private:
    // Keys are generated once per run: RSA generation is slow.
    RsaKey m_appPrivate, m_appPublic, m_alipayPrivate, m_alipayPublic;

    ClientConfig config() const
    {
        ClientConfig c;
        c.appId = QStringLiteral("2021000000000001");
        c.appPrivateKey = m_appPrivate;
        c.alipayPublicKey = m_alipayPublic;
        return c;
    }
    QDateTime newYear() const { return QDateTime::fromMSecsSinceEpoch(1767225600000, Qt::UTC); }

private Q_SLOTS:
    void initTestCase()
    {
        QByteArray priv, pub;
        QVERIFY(RsaKey::generate(2048, &priv, &pub));
        m_appPrivate = load(priv, RsaKey::Kind::Private);
        m_appPublic = load(pub, RsaKey::Kind::Public);
        QVERIFY(RsaKey::generate(2048, &priv, &pub));
        m_alipayPrivate = load(priv, RsaKey::Kind::Private);
        m_alipayPublic = load(pub, RsaKey::Kind::Public);
        QVERIFY(!m_appPrivate.isNull() && !m_alipayPublic.isNull());
    }

    void methodNames_data()
    {
        QTest::addColumn<Method>("method");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("key");
        QTest::newRow("pay") << Method::TradePay << "alipay.trade.pay"
                             << "alipay_trade_pay_response";
        QTest::newRow("precreate") << Method::TradePrecreate << "alipay.trade.precreate"
                                   << "alipay_trade_precreate_response";
        QTest::newRow("query") << Method::TradeQuery << "alipay.trade.query"
                               << "alipay_trade_query_response";
        QTest::newRow("cancel") << Method::TradeCancel << "alipay.trade.cancel"
                                << "alipay_trade_cancel_response";
        QTest::newRow("refund") << Method::TradeRefund << "alipay.trade.refund"
                                << "alipay_trade_refund_response";
        QTest::newRow("refund-query") << Method::RefundQuery << "alipay.trade.fastpay.refund.query"
                                      << "alipay_trade_fastpay_refund_query_response";
        QTest::newRow("bill") << Method::BillDownloadUrl
                              << "alipay.data.dataservice.bill.downloadurl.query"
                              << "alipay_data_dataservice_bill_downloadurl_query_response";
    }
    void methodNames()
    {
        QFETCH(Method, method);
        QFETCH(QString, name);
        QFETCH(QString, key);
        QCOMPARE(methodName(method), name);
        QCOMPARE(responseKey(method), key);
        QCOMPARE(methodFromName(name), std::optional<Method>(method));
    }

    void unknownMethodName() { QVERIFY(!methodFromName(QStringLiteral("alipay.trade.close"))); }

    void chinaTime_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("utc-midnight-is-8am") << qint64(1767225600000) << "2026-01-01 08:00:00";
        QTest::newRow("utc-evening-is-next-day")
            << qint64(1767225600000 - 3600000) << "2026-01-01 07:00:00";
        // A DST gap in Europe: a valid China time whatever the machine's zone.
        QTest::newRow("europe-dst-gap") << qint64(1774722600000) << "2026-03-29 02:30:00";
        QTest::newRow("day-rolls-over")
            << qint64(1767225600000 + 16 * 3600000) << "2026-01-02 00:00:00";
    }
    void chinaTime()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(chinaTimestamp(ms), text);
        QCOMPARE(parseChinaTimestamp(text), std::optional<qint64>(ms));
    }

    void chinaTimeRefusesJunk()
    {
        QVERIFY(!parseChinaTimestamp(QStringLiteral("2026-13-01 00:00:00")));
        QVERIFY(!parseChinaTimestamp(QStringLiteral("2026-01-01T00:00:00")));
        QVERIFY(!parseChinaTimestamp(QString()));
        QVERIFY(!parseChinaTimestamp(QStringLiteral("2026-01-01 8:00:00")));
        QVERIFY(!parseChinaTimestamp(QStringLiteral("2026-01-01 24:00:00")));
    }

    void buildRequestSigns_data()
    {
        QTest::addColumn<Method>("method");
        QTest::addColumn<QString>("bizField");
        QTest::addColumn<QString>("bizValue");
        QTest::newRow("pay") << Method::TradePay << "total_amount"
                             << "12.34";
        QTest::newRow("precreate") << Method::TradePrecreate << "total_amount"
                                   << "12.34";
        QTest::newRow("query") << Method::TradeQuery << "out_trade_no"
                               << "PA20260101000001";
        QTest::newRow("refund") << Method::TradeRefund << "refund_amount"
                                << "3.00";
    }
    void buildRequestSigns()
    {
        QFETCH(Method, method);
        QFETCH(QString, bizField);
        QFETCH(QString, bizValue);
        QJsonObject biz;
        switch (method) {
        case Method::TradePay:
            biz = barcodePayBiz(payRequest());
            break;
        case Method::TradePrecreate: {
            PrecreateRequest req;
            req.paymentNo = QStringLiteral("PQ1");
            req.amount = Money::fromFen(1234);
            req.subject = QStringLiteral("茶");
            biz = precreateBiz(req);
            break;
        }
        case Method::TradeRefund: {
            RefundRequest req;
            req.refundNo = QStringLiteral("RF1");
            req.paymentNo = QStringLiteral("PA1");
            req.refundAmount = Money::fromFen(300);
            biz = refundBiz(req);
            break;
        }
        default:
            biz = tradeBiz(QStringLiteral("PA20260101000001"));
        }
        QString error;
        ClientConfig c = config();
        c.notifyUrl = QStringLiteral("https://shop.example/notify?a=1&b=2");
        const Params p = buildRequest(method, biz, c, newYear(), &error);
        QVERIFY2(!p.isEmpty(), qPrintable(error));
        QCOMPARE(p.value("app_id"), c.appId);
        QCOMPARE(p.value("method"), methodName(method));
        QCOMPARE(p.value("format"), QStringLiteral("JSON"));
        QCOMPARE(p.value("charset"), QStringLiteral("utf-8"));
        QCOMPARE(p.value("sign_type"), QStringLiteral("RSA2"));
        QCOMPARE(p.value("timestamp"), QStringLiteral("2026-01-01 08:00:00"));
        QCOMPARE(p.value("version"), QStringLiteral("1.0"));
        QCOMPARE(p.value("notify_url"), c.notifyUrl);
        const QJsonObject sent = QJsonDocument::fromJson(p.value("biz_content").toUtf8()).object();
        QCOMPARE(sent.value(bizField).toString(), bizValue);
        // The signature covers every field but sign, with the app's key.
        QVERIFY(verifyRsa2(signingContent(p, SignScope::Request), p.value("sign"), m_appPublic));
        Params changed = p;
        changed.insert(QStringLiteral("biz_content"),
                       p.value("biz_content").replace(bizValue, QStringLiteral("0.01")));
        QVERIFY(
            !verifyRsa2(signingContent(changed, SignScope::Request), p.value("sign"), m_appPublic));
    }

    void buildRequestNeedsKeyAndAppId()
    {
        QString error;
        ClientConfig c = config();
        c.appPrivateKey = RsaKey();
        QVERIFY(buildRequest(Method::TradeQuery, tradeBiz("P"), c, newYear(), &error).isEmpty());
        QVERIFY(!error.isEmpty());
        c = config();
        c.appId.clear();
        error.clear();
        QVERIFY(buildRequest(Method::TradeQuery, tradeBiz("P"), c, newYear(), &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("app_id")));
    }

    void payBiz()
    {
        const QJsonObject b = barcodePayBiz(payRequest());
        QCOMPARE(b.value("out_trade_no").toString(), QStringLiteral("PA20260101000001"));
        QCOMPARE(b.value("scene").toString(), QStringLiteral("bar_code"));
        QCOMPARE(b.value("auth_code").toString(), kAuthCode);
        QCOMPARE(b.value("total_amount").toString(), QStringLiteral("12.34"));
        QCOMPARE(b.value("store_id").toString(), QStringLiteral("S1"));
        QCOMPARE(b.value("terminal_id").toString(), QStringLiteral("T1"));
        QCOMPARE(b.value("time_expire").toString(), QStringLiteral("2026-01-01 08:01:00"));
        QVERIFY(b.value("total_amount").isString()); // never a JSON number (double)
    }

    void amounts_data()
    {
        QTest::addColumn<qint64>("fen");
        QTest::addColumn<QString>("text");
        QTest::newRow("one-fen") << qint64(1) << "0.01";
        QTest::newRow("ten-fen") << qint64(10) << "0.10";
        QTest::newRow("whole-yuan") << qint64(100) << "1.00";
        QTest::newRow("cents") << qint64(1234) << "12.34";
        QTest::newRow("large-exact") << qint64(9999999999) << "99999999.99";
    }
    void amounts()
    {
        QFETCH(qint64, fen);
        QFETCH(QString, text);
        BarcodePayRequest req = payRequest();
        req.amount = Money::fromFen(fen);
        QCOMPARE(barcodePayBiz(req).value("total_amount").toString(), text);
        RefundRequest r;
        r.refundAmount = Money::fromFen(fen);
        QCOMPARE(refundBiz(r).value("refund_amount").toString(), text);
    }

    void otherBiz()
    {
        RefundRequest r;
        r.refundNo = QStringLiteral("RF1");
        r.paymentNo = QStringLiteral("PA1");
        r.refundAmount = Money::fromFen(50);
        r.reason = QStringLiteral("退货");
        const QJsonObject rb = refundBiz(r);
        QCOMPARE(rb.value("out_request_no").toString(), QStringLiteral("RF1"));
        QCOMPARE(rb.value("out_trade_no").toString(), QStringLiteral("PA1"));
        QCOMPARE(rb.value("refund_reason").toString(), QStringLiteral("退货"));
        const QJsonObject q = refundQueryBiz(QStringLiteral("PA1"), QStringLiteral("RF1"));
        QCOMPARE(q.value("out_trade_no").toString(), QStringLiteral("PA1"));
        QCOMPARE(q.value("out_request_no").toString(), QStringLiteral("RF1"));
        const QJsonObject b = billBiz(QDate(2026, 1, 2));
        QCOMPARE(b.value("bill_type").toString(), QStringLiteral("trade"));
        QCOMPARE(b.value("bill_date").toString(), QStringLiteral("2026-01-02"));
    }

    void formEncoding_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("plus") << "a+b" << QByteArray("v=a%2Bb");
        QTest::newRow("ampersand") << "a&b" << QByteArray("v=a%26b");
        QTest::newRow("equals") << "a=b" << QByteArray("v=a%3Db");
        QTest::newRow("space") << "a b" << QByteArray("v=a%20b");
        QTest::newRow("chinese") << "咖啡" << QByteArray("v=%E5%92%96%E5%95%A1");
        QTest::newRow("json") << "{\"a\":\"1\"}" << QByteArray("v=%7B%22a%22%3A%221%22%7D");
        QTest::newRow("unreserved-kept") << "aZ0-._~" << QByteArray("v=aZ0-._~");
        QTest::newRow("base64-sign") << "ab/c+d==" << QByteArray("v=ab%2Fc%2Bd%3D%3D");
    }
    void formEncoding()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, encoded);
        const Params p{{QStringLiteral("v"), value}};
        QCOMPARE(formEncode(p), encoded);
        Params back;
        QString error;
        QVERIFY2(formDecode(encoded, &back, &error), qPrintable(error));
        QCOMPARE(back, p);
    }

    void formDecodePlusIsSpace()
    {
        Params p;
        QString error;
        QVERIFY(formDecode("a=x+y&b=", &p, &error));
        QCOMPARE(p.value("a"), QStringLiteral("x y"));
        QVERIFY(p.contains("b"));
    }

    void formDecodeRefuses_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("bad-escape") << QByteArray("a=%G1");
        QTest::newRow("cut-escape") << QByteArray("a=%4");
        QTest::newRow("invalid-utf8") << QByteArray("a=%FF%FE");
        QTest::newRow("repeated-name") << QByteArray("a=1&a=2");
        QTest::newRow("no-name") << QByteArray("=1");
    }
    void formDecodeRefuses()
    {
        QFETCH(QByteArray, text);
        Params p;
        QString error;
        QVERIFY(!formDecode(text, &p, &error));
        QVERIFY(!error.isEmpty());
    }

    void readableFormIsMaskable()
    {
        QString error;
        const Params p = buildRequest(Method::TradePay, barcodePayBiz(payRequest()), config(),
                                      newYear(), &error);
        const QString raw = readableForm(p);
        QVERIFY(raw.contains(kAuthCode)); // as sent...
        const QString masked = maskRawMessage(raw);
        QVERIFY(!masked.contains(kAuthCode)); // ...but never stored whole
        QVERIFY(!masked.contains(p.value("sign")));
        QVERIFY(masked.contains(QStringLiteral("method=alipay.trade.pay")));
    }

    void envelopeExactSubstring_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("signFirst");
        QTest::newRow("flat") << QByteArray(
                                     "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"1\"}")
                              << false;
        QTest::newRow("nested-objects-and-arrays")
            << QByteArray(
                   "{\"code\":\"10000\",\"fund_bill_list\":[{\"amount\":\"1.00\",\"fund_channel\":"
                   "\"ALIPAYACCOUNT\"}],\"x\":{\"y\":{\"z\":[1,2,{\"w\":null}]}},\"ok\":true}")
            << false;
        QTest::newRow("escaped-quotes-and-braces")
            << QByteArray("{\"code\":\"10000\",\"subject\":\"a \\\"quoted\\\" {not} [an] "
                          "\\\\ object\",\"t\":\"}\"}")
            << false;
        QTest::newRow("chinese-and-unicode-escapes")
            << QByteArray("{\"code\":\"40004\",\"sub_msg\":\"买家余额不足\",\"u\":\"\\u4e2d\"}")
            << false;
        QTest::newRow("spaces-kept-as-sent")
            << QByteArray("{ \"code\" : \"10000\" ,\n  \"msg\":\"Success\" }") << false;
        QTest::newRow("sign-before-response")
            << QByteArray("{\"code\":\"10000\",\"msg\":\"Success\"}") << true;
    }
    void envelopeExactSubstring()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, signFirst);
        QString error;
        const QString sign = signRsa2(content, m_alipayPrivate, &error);
        QVERIFY(!sign.isEmpty());
        const QByteArray member = "\"alipay_trade_pay_response\" : " + content;
        const QByteArray signMember = "\"sign\":\"" + sign.toLatin1() + "\"";
        const QByteArray body = signFirst ? "{" + signMember + ",\n" + member + "}"
                                          : "{" + member + "," + signMember + "}";
        const auto r = parseResponse(body, Method::TradePay, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->signedContent, content);
        QCOMPARE(r->sign, sign);
        QCOMPARE(r->key, responseKey(Method::TradePay));
        QVERIFY(!r->isErrorResponse());
        QVERIFY(verifyResponse(*r, m_alipayPublic));
        // Re-serializing would not be the signed bytes: the parsed object
        // matches, the verification is over the text.
        QCOMPARE(r->fields, QJsonDocument::fromJson(content).object());
    }

    void tamperedResponseFails_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::newRow("code-changed") << QByteArray("40004") << QByteArray("10000");
        QTest::newRow("amount-changed") << QByteArray("12.34") << QByteArray("12.35");
        QTest::newRow("space-added") << QByteArray("\"msg\"") << QByteArray(" \"msg\"");
        QTest::newRow("chinese-changed") << QByteArray("不足") << QByteArray("充足");
    }
    void tamperedResponseFails()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QString error;
        const QJsonObject f{{"code", "40004"},
                            {"msg", "Business Failed"},
                            {"sub_code", "ACQ.BUYER_BALANCE_NOT_ENOUGH"},
                            {"sub_msg", "买家余额不足"},
                            {"total_amount", "12.34"}};
        QByteArray body =
            buildSignedResponse(responseKey(Method::TradePay), f, m_alipayPrivate, &error);
        QVERIFY(!body.isEmpty());
        const auto good = parseResponse(body, Method::TradePay, &error);
        QVERIFY(good && verifyResponse(*good, m_alipayPublic));
        QVERIFY(body.contains(from));
        body.replace(from, to);
        const auto bad = parseResponse(body, Method::TradePay, &error);
        QVERIFY2(bad, qPrintable(error));
        QVERIFY(!verifyResponse(*bad, m_alipayPublic));
    }

    void wrongKeyFails()
    {
        QString error;
        const QByteArray body = buildSignedResponse(responseKey(Method::TradeQuery),
                                                    answerFields("10000"), m_appPrivate, &error);
        const auto r = parseResponse(body, Method::TradeQuery, &error);
        QVERIFY(r);
        QVERIFY(!verifyResponse(*r, m_alipayPublic));
    }

    void malformedResponse_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("why");
        QTest::newRow("empty") << QByteArray() << "not well-formed";
        QTest::newRow("truncated")
            << QByteArray("{\"alipay_trade_pay_response\":{\"code\":\"10000\",\"msg\":\"Succ")
            << "not well-formed";
        QTest::newRow("truncated-after-value")
            << QByteArray("{\"alipay_trade_pay_response\":{\"code\":\"10000\"},\"sign\":\"ab")
            << "not well-formed";
        QTest::newRow("html-error-page") << QByteArray("<html>502</html>") << "not well-formed";
        QTest::newRow("array") << QByteArray("[1,2]") << "not a JSON object";
        QTest::newRow("missing-key")
            << QByteArray("{\"alipay_trade_query_response\":{}}") << "no alipay_trade_pay_response";
        QTest::newRow("value-not-object")
            << QByteArray("{\"alipay_trade_pay_response\":\"10000\",\"sign\":\"x\"}")
            << "not a JSON object";
        QTest::newRow("two-answers")
            << QByteArray("{\"alipay_trade_pay_response\":{},\"error_response\":{}}")
            << "more than one";
        // Found by fuzz_alipay_response's contract (the fields acted on are the
        // signed fields): a second answer under an escaped name replaced the
        // signed one in the parsed fields, so a signed refusal could be read
        // as a success.
        QTest::newRow("regression: second answer under an escaped name")
            << QByteArray("{\"alipay_trade_pay_response\":{\"code\":\"40004\"},"
                          "\"alipay_trade_pay_respons\\u0065\":{\"code\":\"10000\"},"
                          "\"sign\":\"x\"}")
            << "repeats a member name";
        QTest::newRow("regression: the same name twice")
            << QByteArray("{\"sign\":\"a\",\"alipay_trade_pay_response\":{},\"sign\":\"b\"}")
            << "repeats a member name";
    }
    void malformedResponse()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, why);
        QString error;
        QVERIFY(!parseResponse(body, Method::TradePay, &error));
        QVERIFY2(error.contains(why), qPrintable(error));
    }

    void errorResponseKey()
    {
        QString error;
        const QByteArray body = buildUnsignedResponse(
            kErrorResponseKey, gatewayErrorFields(GatewayError::InvalidMethod));
        const auto r = parseResponse(body, Method::TradeQuery, &error);
        QVERIFY2(r, qPrintable(error));
        QVERIFY(r->isErrorResponse());
        QVERIFY(r->sign.isEmpty());
        QCOMPARE(r->fields.value("code").toString(), QStringLiteral("40002"));
        QCOMPARE(r->fields.value("sub_code").toString(), QStringLiteral("isv.invalid-method"));
        QVERIFY(!verifyResponse(*r, m_alipayPublic));
        const ChannelResult m = mapResponse(Method::TradeQuery, r->fields);
        QCOMPARE(m.status, TradeStatus::Unknown);
    }

    void gatewayErrors_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("msg");
        QTest::addColumn<QString>("subCode");
        QTest::newRow("missing-signature") << int(GatewayError::MissingSignature) << "40001"
                                           << "Missing Required Arguments"
                                           << "isv.missing-signature";
        QTest::newRow("missing-method") << int(GatewayError::MissingMethod) << "40001"
                                        << "Missing Required Arguments"
                                        << "isv.missing-method";
        QTest::newRow("missing-app-id") << int(GatewayError::MissingAppId) << "40001"
                                        << "Missing Required Arguments"
                                        << "isv.missing-app-id";
        QTest::newRow("invalid-signature") << int(GatewayError::InvalidSignature) << "40002"
                                           << "Invalid Arguments"
                                           << "isv.invalid-signature";
        QTest::newRow("invalid-app-id") << int(GatewayError::InvalidAppId) << "40002"
                                        << "Invalid Arguments"
                                        << "isv.invalid-app-id";
        QTest::newRow("invalid-method") << int(GatewayError::InvalidMethod) << "40002"
                                        << "Invalid Arguments"
                                        << "isv.invalid-method";
        QTest::newRow("invalid-parameter") << int(GatewayError::InvalidParameter) << "40002"
                                           << "Invalid Arguments"
                                           << "isv.invalid-parameter";
    }
    void gatewayErrors()
    {
        QFETCH(int, error);
        QFETCH(QString, code);
        QFETCH(QString, msg);
        QFETCH(QString, subCode);
        const QJsonObject f = gatewayErrorFields(GatewayError(error));
        QCOMPARE(f.value("code").toString(), code);
        QCOMPARE(f.value("msg").toString(), msg);
        QCOMPARE(f.value("sub_code").toString(), subCode);
        QVERIFY(!f.value("sub_msg").toString().isEmpty());
        // Whatever the method, a gateway refusal is never a final answer.
        for (Method m : {Method::TradePay, Method::TradeQuery, Method::TradeCancel,
                         Method::TradeRefund, Method::RefundQuery, Method::TradePrecreate})
            QCOMPARE(mapResponse(m, f).status, TradeStatus::Unknown);
    }

    void mapping_data()
    {
        QTest::addColumn<Method>("method");
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<TradeStatus>("status");
        QTest::addColumn<QString>("returnCode");
        QTest::addColumn<QString>("extra"); // what else must hold, see mapping()

        const auto S = TradeStatus::Success;
        const auto F = TradeStatus::Failed;
        const auto P = TradeStatus::Processing;
        const auto U = TradeStatus::Unknown;
        const auto biz = [](const char* sub) {
            return QByteArray("{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"") +
                   sub + "\",\"sub_msg\":\"x\"}";
        };
        // --- pay
        QTest::newRow("pay/10000-success")
            << Method::TradePay
            << QByteArray("{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"T1\"}") << S
            << "10000"
            << "trade_no=T1";
        QTest::newRow("pay/10003-user-paying")
            << Method::TradePay
            << QByteArray("{\"code\":\"10003\",\"msg\":\" order success pay inprocess\"}") << P
            << "10003"
            << "";
        QTest::newRow("pay/20000-busy")
            << Method::TradePay
            << QByteArray("{\"code\":\"20000\",\"msg\":\"Service Currently Unavailable\","
                          "\"sub_code\":\"isp.unknow-error\",\"sub_msg\":\"x\"}")
            << U << "isp.unknow-error"
            << "";
        QTest::newRow("pay/ACQ.SYSTEM_ERROR")
            << Method::TradePay << biz("ACQ.SYSTEM_ERROR") << U << "ACQ.SYSTEM_ERROR"
            << "";
        for (const char* sub :
             {"ACQ.BUYER_BALANCE_NOT_ENOUGH", "ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH",
              "ACQ.PAYMENT_AUTH_CODE_INVALID", "ACQ.PAYMENT_FAIL", "ACQ.TRADE_HAS_CLOSE",
              "ACQ.BUYER_SELLER_EQUAL", "ACQ.BUYER_ENABLE_STATUS_FORBID",
              "ACQ.ERROR_BALANCE_PAYMENT_DISABLE", "ACQ.PULL_MOBILE_CASHIER_FAIL",
              "ACQ.MOBILE_PAYMENT_SWITCH_OFF", "ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR",
              "ACQ.PAYMENT_REQUEST_HAS_RISK", "ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE"})
            QTest::addRow("pay/%s", sub) << Method::TradePay << biz(sub) << F << sub << "";
        // A trade with this number exists and may be paid: query, do not fail.
        for (const char* sub : {"ACQ.TRADE_HAS_SUCCESS", "ACQ.TRADE_BUYER_NOT_MATCH",
                                "ACQ.CONTEXT_INCONSISTENT", "ACQ.INVALID_PARAMETER"})
            QTest::addRow("pay/%s-is-unknown", sub)
                << Method::TradePay << biz(sub) << U << sub << "";
        QTest::newRow("pay/unlisted-sub-code")
            << Method::TradePay << biz("ACQ.SOMETHING_NEW") << U << "ACQ.SOMETHING_NEW"
            << "";
        QTest::newRow("pay/unlisted-code")
            << Method::TradePay << QByteArray("{\"code\":\"12345\",\"msg\":\"?\"}") << U << "12345"
            << "";
        QTest::newRow("pay/40004-without-sub-code")
            << Method::TradePay << QByteArray("{\"code\":\"40004\",\"msg\":\"Business Failed\"}")
            << U << "40004"
            << "";
        QTest::newRow("pay/no-code") << Method::TradePay << QByteArray("{}") << U << ""
                                     << "";
        // --- precreate
        QTest::newRow("precreate/10000-qr")
            << Method::TradePrecreate
            << QByteArray("{\"code\":\"10000\",\"msg\":\"Success\",\"qr_code\":\"https://"
                          "qr.alipay.com/x\"}")
            << S << "10000"
            << "codeUrl=https://qr.alipay.com/x";
        QTest::newRow("precreate/10000-without-qr")
            << Method::TradePrecreate << QByteArray("{\"code\":\"10000\",\"msg\":\"Success\"}") << U
            << "10000"
            << "";
        QTest::newRow("precreate/ACQ.TRADE_HAS_CLOSE")
            << Method::TradePrecreate << biz("ACQ.TRADE_HAS_CLOSE") << F << "ACQ.TRADE_HAS_CLOSE"
            << "";
        QTest::newRow("precreate/ACQ.TRADE_HAS_SUCCESS")
            << Method::TradePrecreate << biz("ACQ.TRADE_HAS_SUCCESS") << U
            << "ACQ.TRADE_HAS_SUCCESS"
            << "";
        QTest::newRow("precreate/ACQ.SYSTEM_ERROR")
            << Method::TradePrecreate << biz("ACQ.SYSTEM_ERROR") << U << "ACQ.SYSTEM_ERROR"
            << "";
        // --- query
        for (const auto& [ts, st] : {std::pair{"WAIT_BUYER_PAY", P}, std::pair{"TRADE_SUCCESS", S},
                                     std::pair{"TRADE_FINISHED", S}, std::pair{"TRADE_CLOSED", F},
                                     std::pair{"TRADE_PENDING", U}, std::pair{"", U}})
            QTest::addRow("query/trade_status=%s", ts)
                << Method::TradeQuery
                << QByteArray("{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"T9\","
                              "\"trade_status\":\"") +
                       ts + "\"}"
                << st << "10000"
                << "trade_no=T9";
        QTest::newRow("query/ACQ.TRADE_NOT_EXIST")
            << Method::TradeQuery << biz("ACQ.TRADE_NOT_EXIST") << U << "ACQ.TRADE_NOT_EXIST"
            << "tradeNotFound";
        QTest::newRow("query/ACQ.SYSTEM_ERROR")
            << Method::TradeQuery << biz("ACQ.SYSTEM_ERROR") << U << "ACQ.SYSTEM_ERROR"
            << "";
        QTest::newRow("query/ACQ.INVALID_PARAMETER")
            << Method::TradeQuery << biz("ACQ.INVALID_PARAMETER") << U << "ACQ.INVALID_PARAMETER"
            << "";
        // --- cancel
        QTest::newRow("cancel/10000-close")
            << Method::TradeCancel
            << QByteArray("{\"code\":\"10000\",\"msg\":\"Success\",\"retry_flag\":\"N\",\"action\":"
                          "\"close\"}")
            << S << "10000"
            << "action=close";
        QTest::newRow("cancel/10000-refund")
            << Method::TradeCancel
            << QByteArray("{\"code\":\"10000\",\"msg\":\"Success\",\"retry_flag\":\"N\",\"action\":"
                          "\"refund\","
                          "\"trade_no\":\"T2\"}")
            << S << "10000"
            << "action=refund";
        QTest::newRow("cancel/10000-retry-flag-Y")
            << Method::TradeCancel
            << QByteArray("{\"code\":\"10000\",\"msg\":\"Success\","
                          "\"retry_flag\":\"Y\"}")
            << U << "10000"
            << "retry";
        QTest::newRow("cancel/10000-no-action")
            << Method::TradeCancel
            << QByteArray("{\"code\":\"10000\",\"msg\":\"Success\",\"retry_flag\":\"N\"}") << U
            << "10000"
            << "";
        QTest::newRow("cancel/10000-unlisted-action")
            << Method::TradeCancel
            << QByteArray("{\"code\":\"10000\",\"msg\":\"Success\",\"retry_flag\":\"N\",\"action\":"
                          "\"hold\"}")
            << U << "10000"
            << "";
        QTest::newRow("cancel/ACQ.SYSTEM_ERROR-retries")
            << Method::TradeCancel << biz("ACQ.SYSTEM_ERROR") << U << "ACQ.SYSTEM_ERROR"
            << "retry";
        QTest::newRow("cancel/20000-retries")
            << Method::TradeCancel
            << QByteArray("{\"code\":\"20000\",\"msg\":\"Service Currently Unavailable\"}") << U
            << "20000"
            << "retry";
        QTest::newRow("cancel/ACQ.TRADE_CANCEL_TIME_OUT")
            << Method::TradeCancel << biz("ACQ.TRADE_CANCEL_TIME_OUT") << F
            << "ACQ.TRADE_CANCEL_TIME_OUT"
            << "";
        QTest::newRow("cancel/ACQ.REASON_TRADE_REFUND_FEE_ERR")
            << Method::TradeCancel << biz("ACQ.REASON_TRADE_REFUND_FEE_ERR") << F
            << "ACQ.REASON_TRADE_REFUND_FEE_ERR"
            << "";
        QTest::newRow("cancel/ACQ.TRADE_NOT_EXIST-unlisted")
            << Method::TradeCancel << biz("ACQ.TRADE_NOT_EXIST") << U << "ACQ.TRADE_NOT_EXIST"
            << "";
        // --- refund
        QTest::newRow("refund/10000-fund-change-Y")
            << Method::TradeRefund
            << QByteArray("{\"code\":\"10000\",\"msg\":\"Success\",\"fund_change\":\"Y\",\"trade_"
                          "no\":\"T3\","
                          "\"refund_fee\":\"3.00\"}")
            << S << "10000"
            << "trade_no=T3";
        QTest::newRow("refund/10000-fund-change-N")
            << Method::TradeRefund
            << QByteArray("{\"code\":\"10000\",\"msg\":\"Success\",\"fund_change\":\"N\"}") << P
            << "10000"
            << "";
        QTest::newRow("refund/10000-no-fund-change")
            << Method::TradeRefund << QByteArray("{\"code\":\"10000\",\"msg\":\"Success\"}") << P
            << "10000"
            << "";
        for (const char* sub :
             {"ACQ.TRADE_NOT_EXIST", "ACQ.TRADE_STATUS_ERROR", "ACQ.REASON_TRADE_REFUND_FEE_ERR",
              "ACQ.TRADE_NOT_ALLOW_REFUND", "ACQ.SELLER_BALANCE_NOT_ENOUGH"})
            QTest::addRow("refund/%s", sub) << Method::TradeRefund << biz(sub) << F << sub << "";
        QTest::newRow("refund/ACQ.DISCORDANT_REPEAT_REQUEST-unknown")
            << Method::TradeRefund << biz("ACQ.DISCORDANT_REPEAT_REQUEST") << U
            << "ACQ.DISCORDANT_REPEAT_REQUEST"
            << "";
        QTest::newRow("refund/ACQ.SYSTEM_ERROR")
            << Method::TradeRefund << biz("ACQ.SYSTEM_ERROR") << U << "ACQ.SYSTEM_ERROR"
            << "";
        // --- refund query
        QTest::newRow("refund-query/REFUND_SUCCESS")
            << Method::RefundQuery
            << QByteArray("{\"code\":\"10000\",\"msg\":\"Success\",\"out_request_no\":\"R1\","
                          "\"refund_amount\":\"3.00\",\"refund_status\":\"REFUND_SUCCESS\"}")
            << S << "10000"
            << "";
        QTest::newRow("refund-query/no-refund-data")
            << Method::RefundQuery
            << QByteArray("{\"code\":\"10000\",\"msg\":\"Success\",\"out_request_no\":\"R1\"}") << U
            << "10000"
            << "tradeNotFound";
        QTest::newRow("refund-query/amount-without-status")
            << Method::RefundQuery
            << QByteArray("{\"code\":\"10000\",\"msg\":\"Success\",\"refund_amount\":\"3.00\"}")
            << U << "10000"
            << "tradeNotFound";
        QTest::newRow("refund-query/unlisted-status")
            << Method::RefundQuery
            << QByteArray(
                   "{\"code\":\"10000\",\"msg\":\"Success\",\"refund_status\":\"REFUND_FAIL\"}")
            << U << "10000"
            << "";
        QTest::newRow("refund-query/ACQ.TRADE_NOT_EXIST")
            << Method::RefundQuery << biz("ACQ.TRADE_NOT_EXIST") << U << "ACQ.TRADE_NOT_EXIST"
            << "tradeNotFound";
        QTest::newRow("refund-query/ACQ.SYSTEM_ERROR")
            << Method::RefundQuery << biz("ACQ.SYSTEM_ERROR") << U << "ACQ.SYSTEM_ERROR"
            << "";
        // --- bill
        QTest::newRow("bill/10000-url")
            << Method::BillDownloadUrl
            << QByteArray(
                   "{\"code\":\"10000\",\"msg\":\"Success\",\"bill_download_url\":\"http://b/x\"}")
            << S << "10000"
            << "codeUrl=http://b/x";
        QTest::newRow("bill/isp.bill_not_exist")
            << Method::BillDownloadUrl << biz("isp.bill_not_exist") << F << "isp.bill_not_exist"
            << "";
    }
    void mapping()
    {
        QFETCH(Method, method);
        QFETCH(QByteArray, fields);
        QFETCH(TradeStatus, status);
        QFETCH(QString, returnCode);
        QFETCH(QString, extra);
        const QJsonObject f = QJsonDocument::fromJson(fields).object();
        QVERIFY(!f.isEmpty() || fields == "{}");
        const ChannelResult r = mapResponse(method, f);
        QCOMPARE(r.status, status);
        QCOMPARE(r.returnCode, returnCode);
        if (!f.value("sub_msg").toString().isEmpty())
            QVERIFY(r.message.startsWith(f.value("sub_msg").toString()));
        QCOMPARE(r.tradeNotFound, extra == QLatin1String("tradeNotFound"));
        QCOMPARE(r.retry, extra == QLatin1String("retry"));
        if (extra.startsWith(QLatin1String("action=")))
            QCOMPARE(r.revokeAction, extra.mid(7));
        else
            QVERIFY(r.revokeAction.isEmpty());
        if (extra.startsWith(QLatin1String("codeUrl=")))
            QCOMPARE(r.codeUrl, extra.mid(8));
        if (extra.startsWith(QLatin1String("trade_no=")))
            QCOMPARE(r.channelTradeNo, extra.mid(9));
        if (r.status != TradeStatus::Success && r.status != TradeStatus::Processing)
            QVERIFY(!r.message.isEmpty() || f.isEmpty());
    }

    void failedListsAreNarrow()
    {
        for (Method m : {Method::TradePay, Method::TradePrecreate, Method::TradeQuery,
                         Method::TradeCancel, Method::TradeRefund, Method::RefundQuery}) {
            const QStringList l = failedSubCodes(m);
            QVERIFY(!l.contains(QStringLiteral("ACQ.SYSTEM_ERROR")));
            QVERIFY(!l.contains(QStringLiteral("ACQ.TRADE_HAS_SUCCESS")));
            QVERIFY(!l.contains(QStringLiteral("ACQ.DISCORDANT_REPEAT_REQUEST")));
        }
        QVERIFY(failedSubCodes(Method::TradeQuery).isEmpty());
        QVERIFY(failedSubCodes(Method::RefundQuery).isEmpty());
    }

    void signedResponseRoundTrip()
    {
        QString error;
        const QJsonObject f{{"code", "10000"},
                            {"msg", "Success"},
                            {"trade_no", "2026010122001"},
                            {"subject", "咖啡 \"拿铁\" {大}"}};
        const QByteArray body =
            buildSignedResponse(responseKey(Method::TradePay), f, m_alipayPrivate, &error);
        QVERIFY(body.startsWith("{\"alipay_trade_pay_response\":{"));
        QVERIFY(body.contains("\"sign\":\""));
        const auto r = parseResponse(body, Method::TradePay, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->fields, f);
        QVERIFY(verifyResponse(*r, m_alipayPublic));
        QCOMPARE(mapResponse(Method::TradePay, r->fields).status, TradeStatus::Success);
    }

    void notificationStatus_data()
    {
        QTest::addColumn<TradeStatus>("status");
        QTest::addColumn<QString>("tradeStatus");
        QTest::newRow("paid") << TradeStatus::Success << "TRADE_SUCCESS";
        QTest::newRow("closed") << TradeStatus::Failed << "TRADE_CLOSED";
        QTest::newRow("waiting") << TradeStatus::Processing << "WAIT_BUYER_PAY";
    }
    void notificationStatus()
    {
        QFETCH(TradeStatus, status);
        QFETCH(QString, tradeStatus);
        ChannelNotification n;
        n.paymentNo = QStringLiteral("PQ1");
        n.channelTradeNo = QStringLiteral("2026010122001");
        n.status = status;
        n.amount = Money::fromFen(1234);
        n.notificationId = QStringLiteral("N-1");
        QString error;
        const Params p = buildNotification(n, QStringLiteral("2021000000000001"), m_alipayPrivate,
                                           newYear(), &error);
        QVERIFY2(!p.isEmpty(), qPrintable(error));
        QCOMPARE(p.value("notify_type"), QStringLiteral("trade_status_sync"));
        QCOMPARE(p.value("notify_time"), QStringLiteral("2026-01-01 08:00:00"));
        QCOMPARE(p.value("trade_status"), tradeStatus);
        const QByteArray body = formEncode(p);
        Params fields;
        const auto parsed = parseNotification(body, &fields, &error);
        QVERIFY2(parsed, qPrintable(error));
        QVERIFY(verifyNotification(fields, m_alipayPublic));
        QCOMPARE(parsed->paymentNo, n.paymentNo);
        QCOMPARE(parsed->channelTradeNo, n.channelTradeNo);
        QCOMPARE(parsed->status, status);
        QCOMPARE(parsed->returnCode, tradeStatus);
        QCOMPARE(parsed->amount, n.amount);
        QCOMPARE(parsed->notificationId, n.notificationId);
        QCOMPARE(parsed->raw, QString::fromUtf8(body));
    }

    void notificationTrust_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("verifies");
        QTest::newRow("untouched") << ""
                                   << "" << true;
        QTest::newRow("amount-changed") << "total_amount"
                                        << "0.01" << false;
        QTest::newRow("status-changed") << "trade_status"
                                        << "TRADE_CLOSED" << false;
        QTest::newRow("sign_type-not-signed-but-must-be-RSA2") << "sign_type"
                                                               << "RSA" << false;
        QTest::newRow("field-added") << "buyer_id"
                                     << "2088" << false;
        QTest::newRow("sign-dropped") << "sign"
                                      << "" << false;
    }
    void notificationTrust()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(bool, verifies);
        ChannelNotification n;
        n.paymentNo = QStringLiteral("PQ1");
        n.channelTradeNo = QStringLiteral("T1");
        n.status = TradeStatus::Success;
        n.amount = Money::fromFen(100);
        n.notificationId = QStringLiteral("N-1");
        QString error;
        Params p = buildNotification(n, QStringLiteral("A"), m_alipayPrivate, newYear(), &error);
        if (!field.isEmpty())
            p.insert(field, value);
        QCOMPARE(verifyNotification(p, m_alipayPublic), verifies);
    }

    void notificationRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("why");
        QTest::newRow("not-a-form") << QByteArray("%ZZ") << "malformed";
        QTest::newRow("no-out_trade_no")
            << QByteArray("notify_type=trade_status_sync&trade_no=1&trade_status=TRADE_SUCCESS&"
                          "notify_id=n&sign=s&total_amount=1.00")
            << "out_trade_no";
        QTest::newRow("wrong-notify_type")
            << QByteArray("notify_type=other&out_trade_no=P&trade_no=1&trade_status=TRADE_SUCCESS&"
                          "notify_id=n&sign=s&total_amount=1.00")
            << "notify_type";
        QTest::newRow("amount-with-three-decimals")
            << QByteArray("notify_type=trade_status_sync&out_trade_no=P&trade_no=1&"
                          "trade_status=TRADE_SUCCESS&notify_id=n&sign=s&total_amount=1.005")
            << "total_amount";
    }
    void notificationRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, why);
        Params fields;
        QString error;
        QVERIFY(!parseNotification(body, &fields, &error));
        QVERIFY2(error.contains(why), qPrintable(error));
    }

    void gatewayForm_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("fields");
        QTest::newRow("query-and-body") << QByteArray("method=alipay.trade.pay&app_id=1")
                                        << QByteArray("biz_content=%7B%7D") << true << 3;
        QTest::newRow("all-in-body")
            << QByteArray() << QByteArray("method=m&biz_content=x") << true << 2;
        QTest::newRow("name-in-both") << QByteArray("sign=a") << QByteArray("sign=b") << false << 0;
        QTest::newRow("bad-escape-in-body")
            << QByteArray("a=1") << QByteArray("b=%G0") << false << 0;
    }
    void gatewayForm()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(int, fields);
        Params p;
        QString error;
        QCOMPARE(parseGatewayForm(query, body, &p, &error), ok);
        if (ok)
            QCOMPARE(p.size(), fields);
        else
            QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_AlipayProtocol)
#include "tst_alipayprotocol.moc"
