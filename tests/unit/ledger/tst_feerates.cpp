// Fee rates are integers (ppm) and fees round half away from zero to the fen.
#include "ledger/LedgerConfig.h"

#include <QTest>

using namespace paydesk;

class tst_FeeRates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void feeRounding_data();
    void feeRounding();
};

void tst_FeeRates::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ppm"); // -1: refused
    QTest::newRow("percent") << "0.38%" << qint64(3800);
    QTest::newRow("fraction") << "0.0038" << qint64(3800);
    QTest::newRow("percent_4_decimals") << "0.2345%" << qint64(2345);
    QTest::newRow("whole_percent") << "1%" << qint64(10000);
    QTest::newRow("zero") << "0" << qint64(0);
    QTest::newRow("spaces_trimmed") << " 0.6% " << qint64(6000);
    QTest::newRow("too_many_percent_decimals") << "0.12345%" << qint64(-1);
    QTest::newRow("hundred_percent") << "100%" << qint64(-1);
    QTest::newRow("one_as_fraction") << "1" << qint64(-1);
    QTest::newRow("negative") << "-0.38%" << qint64(-1);
    QTest::newRow("exponent") << "3.8e-3" << qint64(-1);
    QTest::newRow("comma") << "0,38%" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
}

void tst_FeeRates::parse()
{
    QFETCH(QString, text);
    QFETCH(qint64, ppm);
    QString error;
    const auto got = parseFeeRatePpm(text, &error);
    if (ppm < 0) {
        QVERIFY(!got);
        QVERIFY(error.contains(text.trimmed().isEmpty() ? QStringLiteral("fee rate") : text));
    } else {
        QVERIFY2(got, qPrintable(error));
        QCOMPARE(*got, ppm);
        QCOMPARE(*parseFeeRatePpm(formatFeeRatePpm(*got)), ppm);
    }
}

void tst_FeeRates::feeRounding_data()
{
    QTest::addColumn<qint64>("ppm");
    QTest::addColumn<qint64>("amountFen");
    QTest::addColumn<qint64>("feeFen");
    QTest::newRow("one_yuan_at_0.38_rounds_down") << qint64(3800) << qint64(100) << qint64(0);
    QTest::newRow("0.4976_fen_rounds_down") << qint64(3800) << qint64(131) << qint64(0);
    QTest::newRow("0.5016_fen_rounds_up") << qint64(3800) << qint64(132) << qint64(1);
    QTest::newRow("exact_half_rounds_up") << qint64(4000) << qint64(125) << qint64(1);
    QTest::newRow("hundred_yuan") << qint64(3800) << qint64(10000) << qint64(38);
    QTest::newRow("refund_half_rounds_away_from_zero") << qint64(4000) << qint64(-125) << qint64(-1);
    QTest::newRow("refund_symmetric") << qint64(3800) << qint64(-10000) << qint64(-38);
    QTest::newRow("zero_rate") << qint64(0) << qint64(99999) << qint64(0);
    QTest::newRow("large_amount_no_overflow") << qint64(999999) << qint64(9'000'000'000'000'000'000LL)
                                              << qint64(8'999'991'000'000'000'000LL);
}

void tst_FeeRates::feeRounding()
{
    QFETCH(qint64, ppm);
    QFETCH(qint64, amountFen);
    QFETCH(qint64, feeFen);
    LedgerConfig c;
    c.feeRatePpm.insert(QStringLiteral("wechat"), ppm);
    QCOMPARE(c.fee(QStringLiteral("wechat"), Money::fromFen(amountFen)).fen(), feeFen);
}

QTEST_GUILESS_MAIN(tst_FeeRates)
#include "tst_feerates.moc"
