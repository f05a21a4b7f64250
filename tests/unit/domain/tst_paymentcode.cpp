// Unit tests for paydesk::classifyPaymentCode (core/domain/PaymentCode.h): the
// wallet is chosen from the customer's code, so the rules are pinned here.

#include "domain/PaymentCode.h"

#include <QRegularExpression>
#include <QtTest>

namespace {

// A code of exactly `length` digits starting with `prefix`.
QString makeCode(const QString& prefix, int length)
{
    QString out = prefix;
    for (int i = 0; out.size() < length; ++i)
        out += QLatin1Char(char('0' + (7 + 3 * i) % 10));
    return out.left(length);
}

} // namespace

class tst_PaymentCode : public QObject
{
    Q_OBJECT

private slots:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void scannerNoise_data();
    void scannerNoise();
    void walletNames_data();
    void walletNames();
    void walletFromNameLenient_data();
    void walletFromNameLenient();
};

void tst_PaymentCode::accepted_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("wallet");

    for (int p = 10; p <= 15; ++p)
        QTest::addRow("wechat_prefix_%d", p)
            << makeCode(QString::number(p), 18) << int(paydesk::Wallet::WeChat);
    QTest::newRow("wechat_example")
        << QStringLiteral("134512345678901234") << int(paydesk::Wallet::WeChat);

    for (int p = 25; p <= 30; ++p)
        QTest::addRow("alipay_prefix_%d", p)
            << makeCode(QString::number(p), 18) << int(paydesk::Wallet::Alipay);
    for (int len = 16; len <= 24; ++len)
        QTest::addRow("alipay_length_%d", len)
            << makeCode(QStringLiteral("28"), len) << int(paydesk::Wallet::Alipay);
    QTest::newRow("alipay_min_length_prefix_25")
        << makeCode(QStringLiteral("25"), 16) << int(paydesk::Wallet::Alipay);
    QTest::newRow("alipay_max_length_prefix_30")
        << makeCode(QStringLiteral("30"), 24) << int(paydesk::Wallet::Alipay);

    QTest::newRow("unionpay") << makeCode(QStringLiteral("62"), 19)
                              << int(paydesk::Wallet::UnionPay);
    QTest::newRow("unionpay_example")
        << QStringLiteral("6228480402564890018") << int(paydesk::Wallet::UnionPay);
}

void tst_PaymentCode::accepted()
{
    QFETCH(QString, code);
    QFETCH(int, wallet);

    const paydesk::PaymentCodeCheck check = paydesk::classifyPaymentCode(code);
    QVERIFY2(check.ok(), qPrintable(check.error));
    QCOMPARE(int(check.wallet), wallet);
    QCOMPARE(check.normalized, code);
    QVERIFY2(check.error.isEmpty(), qPrintable(check.error));
}

void tst_PaymentCode::refused_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("mentions"); // part of the reason

    QTest::newRow("wechat_like_17_digits")
        << makeCode(QStringLiteral("13"), 17) << QStringLiteral("17-digit");
    QTest::newRow("wechat_like_19_digits")
        << makeCode(QStringLiteral("13"), 19) << QStringLiteral("19-digit");
    QTest::newRow("prefix_09") << makeCode(QStringLiteral("09"), 18) << QStringLiteral("09");
    QTest::newRow("prefix_16") << makeCode(QStringLiteral("16"), 18) << QStringLiteral("16");
    QTest::newRow("prefix_24") << makeCode(QStringLiteral("24"), 18) << QStringLiteral("24");
    QTest::newRow("prefix_24_alipay_length")
        << makeCode(QStringLiteral("24"), 20) << QStringLiteral("24");
    QTest::newRow("prefix_31") << makeCode(QStringLiteral("31"), 18) << QStringLiteral("31");
    QTest::newRow("prefix_31_alipay_length")
        << makeCode(QStringLiteral("31"), 16) << QStringLiteral("31");
    QTest::newRow("alipay_15_digits")
        << makeCode(QStringLiteral("28"), 15) << QStringLiteral("15-digit");
    QTest::newRow("alipay_25_digits")
        << makeCode(QStringLiteral("28"), 25) << QStringLiteral("25-digit");
    QTest::newRow("unionpay_18_digits")
        << makeCode(QStringLiteral("62"), 18) << QStringLiteral("18-digit");
    QTest::newRow("unionpay_20_digits")
        << makeCode(QStringLiteral("62"), 20) << QStringLiteral("20-digit");
    QTest::newRow("prefix_63_19_digits")
        << makeCode(QStringLiteral("63"), 19) << QStringLiteral("63");
    QTest::newRow("single_digit") << QStringLiteral("1") << QStringLiteral("1-digit");
    QTest::newRow("letter_inside")
        << QStringLiteral("13451234567890123A") << QStringLiteral("digits only");
    QTest::newRow("letters_only") << QStringLiteral("abcdefghijklmnopqr")
                                  << QStringLiteral("digits only");
    QTest::newRow("minus_sign") << QStringLiteral("-134512345678901234")
                                << QStringLiteral("digits only");
    QTest::newRow("fullwidth_digits")
        << QStringLiteral("\uFF11\uFF13\uFF14\uFF15\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17"
                          "\uFF18\uFF19\uFF10\uFF11\uFF12\uFF13\uFF14")
        << QStringLiteral("digits only");
    QTest::newRow("url_instead_of_code")
        << QStringLiteral("https://qr.alipay.com/abc") << QStringLiteral("digits only");
    QTest::newRow("empty") << QString() << QStringLiteral("scan");
    QTest::newRow("whitespace_only") << QStringLiteral("  \t\r\n ") << QStringLiteral("scan");
}

void tst_PaymentCode::refused()
{
    QFETCH(QString, raw);
    QFETCH(QString, mentions);

    const paydesk::PaymentCodeCheck check = paydesk::classifyPaymentCode(raw);
    QVERIFY2(!check.ok(), qPrintable(paydesk::walletName(check.wallet)));
    QCOMPARE(int(check.wallet), int(paydesk::Wallet::Unknown));
    QVERIFY(!check.error.isEmpty());
    QVERIFY2(check.error.contains(mentions), qPrintable(check.error));
    // Regression: the message never carries the code whole (a code with
    // one wrong character is still most of a customer's live code).
    const QString digits = QString(raw).remove(QRegularExpression(QStringLiteral("\\s")));
    if (digits.size() > 6)
        QVERIFY2(!check.error.contains(digits.mid(2, digits.size() - 6)), qPrintable(check.error));
}

void tst_PaymentCode::scannerNoise_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<int>("wallet");

    const QString wechat = QStringLiteral("134512345678901234");
    const QString alipay = QStringLiteral("281234567890123456");
    const QString unionpay = QStringLiteral("6228480402564890018");

    QTest::newRow("trailing_crlf")
        << wechat + QStringLiteral("\r\n") << wechat << int(paydesk::Wallet::WeChat);
    QTest::newRow("trailing_lf") << alipay + QStringLiteral("\n") << alipay
                                 << int(paydesk::Wallet::Alipay);
    QTest::newRow("leading_tab") << QStringLiteral("\t") + wechat << wechat
                                 << int(paydesk::Wallet::WeChat);
    QTest::newRow("trailing_tab") << unionpay + QStringLiteral("\t") << unionpay
                                  << int(paydesk::Wallet::UnionPay);
    QTest::newRow("spaces_inside")
        << QStringLiteral("1345 1234 5678 9012 34") << wechat << int(paydesk::Wallet::WeChat);
    QTest::newRow("spaces_around")
        << QStringLiteral("  281234567890123456  ") << alipay << int(paydesk::Wallet::Alipay);
    QTest::newRow("no_break_space")
        << QStringLiteral("1345\u00A012345678901234") << wechat << int(paydesk::Wallet::WeChat);
    QTest::newRow("stx_etx_framing") << QStringLiteral("\x02") + alipay + QStringLiteral("\x03")
                                     << alipay << int(paydesk::Wallet::Alipay);
    QTest::newRow("everything") << QStringLiteral("\x02 6228 4804\t0256 4890 018\r\n") << unionpay
                                << int(paydesk::Wallet::UnionPay);
}

void tst_PaymentCode::scannerNoise()
{
    QFETCH(QString, raw);
    QFETCH(QString, normalized);
    QFETCH(int, wallet);

    const paydesk::PaymentCodeCheck check = paydesk::classifyPaymentCode(raw);
    QVERIFY2(check.ok(), qPrintable(check.error));
    QCOMPARE(check.normalized, normalized);
    QCOMPARE(int(check.wallet), wallet);
    QVERIFY(check.error.isEmpty());
}

void tst_PaymentCode::walletNames_data()
{
    QTest::addColumn<int>("wallet");
    QTest::addColumn<int>("storedValue");
    QTest::addColumn<QString>("name");

    QTest::newRow("unknown") << int(paydesk::Wallet::Unknown) << 0 << QStringLiteral("unknown");
    QTest::newRow("wechat") << int(paydesk::Wallet::WeChat) << 1 << QStringLiteral("wechat");
    QTest::newRow("alipay") << int(paydesk::Wallet::Alipay) << 2 << QStringLiteral("alipay");
    QTest::newRow("unionpay") << int(paydesk::Wallet::UnionPay) << 3 << QStringLiteral("unionpay");
}

void tst_PaymentCode::walletNames()
{
    QFETCH(int, wallet);
    QFETCH(int, storedValue);
    QFETCH(QString, name);

    // The values are stored in the database: they must not move.
    QCOMPARE(wallet, storedValue);
    const auto w = paydesk::Wallet(wallet);
    QCOMPARE(paydesk::walletName(w), name);
    QCOMPARE(int(paydesk::walletFromName(paydesk::walletName(w))), wallet);
}

void tst_PaymentCode::walletFromNameLenient_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("wallet");

    QTest::newRow("mixed_case") << QStringLiteral("WeChat") << int(paydesk::Wallet::WeChat);
    QTest::newRow("upper_case") << QStringLiteral("ALIPAY") << int(paydesk::Wallet::Alipay);
    QTest::newRow("spaces") << QStringLiteral(" unionpay ") << int(paydesk::Wallet::UnionPay);
    QTest::newRow("empty") << QString() << int(paydesk::Wallet::Unknown);
    QTest::newRow("chinese_name") << QStringLiteral("微信") << int(paydesk::Wallet::Unknown);
    QTest::newRow("misspelt") << QStringLiteral("wechatpay") << int(paydesk::Wallet::Unknown);
    QTest::newRow("union_pay_spaced")
        << QStringLiteral("union pay") << int(paydesk::Wallet::Unknown);
}

void tst_PaymentCode::walletFromNameLenient()
{
    QFETCH(QString, name);
    QFETCH(int, wallet);

    QCOMPARE(int(paydesk::walletFromName(name)), wallet);
}

QTEST_GUILESS_MAIN(tst_PaymentCode)
#include "tst_paymentcode.moc"
