// Unit tests for paydesk::Money (core/money/Money.h): parsing, formatting and
// checked arithmetic on integer fen.

#include "money/Money.h"

#include <QRandomGenerator>
#include <QtTest>

#include <limits>

namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();
const QString kUsd = QStringLiteral("USD");

} // namespace

class tst_Money : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseRefused_data();
    void parseRefused();
    void parseRefusedWithoutErrorPointer();
    void parseKeepsCurrency();

    void plainString_data();
    void plainString();
    void displayString_data();
    void displayString();
    void signPredicates_data();
    void signPredicates();
    void equalityIncludesCurrency();

    void checkedAdd_data();
    void checkedAdd();
    void checkedSub_data();
    void checkedSub();
    void currencyMismatch_data();
    void currencyMismatch();
    void mulDiv_data();
    void mulDiv();
    void mulDivKeepsCurrency();

    void roundTripFromFen_data();
    void roundTripFromFen();
    void roundTripFromText_data();
    void roundTripFromText();
    void roundTripSweep();
};

// ---------------------------------------------------------------- parsing

void tst_Money::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("fen");

    QTest::newRow("two_decimals") << QStringLiteral("12.34") << qint64(1234);
    QTest::newRow("integer") << QStringLiteral("12") << qint64(1200);
    QTest::newRow("one_decimal") << QStringLiteral("0.5") << qint64(50);
    QTest::newRow("one_fen") << QStringLiteral("0.01") << qint64(1);
    QTest::newRow("negative_fen") << QStringLiteral("-0.05") << qint64(-5);
    QTest::newRow("negative_integer") << QStringLiteral("-3") << qint64(-300);
    QTest::newRow("explicit_plus") << QStringLiteral("+1.00") << qint64(100);
    QTest::newRow("surrounding_spaces") << QStringLiteral(" 7.10 ") << qint64(710);
    QTest::newRow("scanner_whitespace") << QStringLiteral("\t3.00\r\n") << qint64(300);
    QTest::newRow("zero") << QStringLiteral("0") << qint64(0);
    QTest::newRow("zero_two_decimals") << QStringLiteral("0.00") << qint64(0);
    QTest::newRow("negative_zero") << QStringLiteral("-0.00") << qint64(0);
    QTest::newRow("leading_zeros") << QStringLiteral("007.5") << qint64(750);
    QTest::newRow("many_leading_zeros")
        << QStringLiteral("000000000000000000000000000001.00") << qint64(100);
    QTest::newRow("largest_valid") << QStringLiteral("1000000000.00") << paydesk::kMaxAmountFen;
    QTest::newRow("largest_valid_negative")
        << QStringLiteral("-1000000000") << -paydesk::kMaxAmountFen;
    QTest::newRow("large_integer") << QStringLiteral("999999999") << qint64(99999999900);
}

void tst_Money::parseValid()
{
    QFETCH(QString, text);
    QFETCH(qint64, fen);

    QString error;
    const std::optional<paydesk::Money> m = paydesk::Money::parse(text, paydesk::kCny, &error);
    QVERIFY2(m.has_value(), qPrintable(error));
    QCOMPARE(m->fen(), fen);
    QCOMPARE(m->currency(), paydesk::kCny);

    // Also without an error pointer.
    const std::optional<paydesk::Money> again = paydesk::Money::parse(text);
    QVERIFY(again.has_value());
    QCOMPARE(again->fen(), fen);
}

void tst_Money::parseRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions"); // part of the reason, lower case

    QTest::newRow("empty") << QString() << QStringLiteral("empty");
    QTest::newRow("whitespace_only") << QStringLiteral("   \t") << QStringLiteral("empty");
    QTest::newRow("three_decimals") << QStringLiteral("1.234") << QStringLiteral("two decimals");
    QTest::newRow("three_decimals_large")
        << QStringLiteral("9223372036854775.807") << QStringLiteral("two decimals");
    QTest::newRow("grouping_comma") << QStringLiteral("1,000") << QStringLiteral("not a number");
    QTest::newRow("inner_space") << QStringLiteral("1 000") << QStringLiteral("not a number");
    QTest::newRow("exponent") << QStringLiteral("1e3") << QStringLiteral("not a number");
    QTest::newRow("letters") << QStringLiteral("abc") << QStringLiteral("not a number");
    QTest::newRow("trailing_dot") << QStringLiteral("1.") << QStringLiteral("decimal point");
    QTest::newRow("dot_only") << QStringLiteral(".") << QStringLiteral("no digits");
    QTest::newRow("sign_only") << QStringLiteral("-") << QStringLiteral("no digits");
    QTest::newRow("plus_only") << QStringLiteral("+") << QStringLiteral("no digits");
    QTest::newRow("double_minus") << QStringLiteral("--1") << QStringLiteral("not a number");
    QTest::newRow("plus_minus") << QStringLiteral("+-1") << QStringLiteral("not a number");
    QTest::newRow("sign_in_middle") << QStringLiteral("1-2") << QStringLiteral("not a number");
    QTest::newRow("two_dots") << QStringLiteral("1.2.3")
                              << QStringLiteral("more than one decimal point");
    // Regression (ledger overflow): an amount that fits int64 but would
    // overflow a balance on the next entry is refused where it enters.
    QTest::newRow("ledger_overflow_int64_max_as_amount")
        << QStringLiteral("92233720368547758.07") << QStringLiteral("ceiling");
    QTest::newRow("above_ceiling_by_one_fen")
        << QStringLiteral("1000000000.01") << QStringLiteral("ceiling");
    QTest::newRow("above_ceiling_negative")
        << QStringLiteral("-1000000000.01") << QStringLiteral("ceiling");
    QTest::newRow("too_large_by_one_fen")
        << QStringLiteral("92233720368547758.08") << QStringLiteral("too large");
    QTest::newRow("too_large_one_decimal")
        << QStringLiteral("92233720368547758.1") << QStringLiteral("too large");
    QTest::newRow("too_large_integer")
        << QStringLiteral("100000000000000000000") << QStringLiteral("too large");
    // INT64_MIN fen is formattable but deliberately not parseable: the parser
    // accepts the symmetric range -INT64_MAX..INT64_MAX only, so negating a
    // parsed amount can never overflow.
    QTest::newRow("int64_min_refused")
        << QStringLiteral("-92233720368547758.08") << QStringLiteral("too large");
    QTest::newRow("yuan_sign") << QStringLiteral("¥12") << QStringLiteral("not a number");
    QTest::newRow("fullwidth_digits")
        << QStringLiteral("\uFF11\uFF12.\uFF13\uFF14") << QStringLiteral("not a number");
    QTest::newRow("currency_suffix")
        << QStringLiteral("12.00 CNY") << QStringLiteral("not a number");
}

void tst_Money::parseRefused()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);

    QString error;
    const std::optional<paydesk::Money> m = paydesk::Money::parse(text, paydesk::kCny, &error);
    if (m.has_value())
        QFAIL(qPrintable(QStringLiteral("'%1' accepted as %2 fen").arg(text).arg(m->fen())));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.toLower().contains(mentions), qPrintable(error));
    // The reason quotes what was typed so the cashier can see the mistake.
    if (!text.trimmed().isEmpty())
        QVERIFY2(error.contains(text.trimmed()), qPrintable(error));
}

void tst_Money::parseRefusedWithoutErrorPointer()
{
    QVERIFY(!paydesk::Money::parse(QStringLiteral("1.234")).has_value());
    QVERIFY(!paydesk::Money::parse(QString()).has_value());
    QVERIFY(!paydesk::Money::parse(QStringLiteral("92233720368547758.08")).has_value());
}

void tst_Money::parseKeepsCurrency()
{
    const std::optional<paydesk::Money> m = paydesk::Money::parse(QStringLiteral("1.5"), kUsd);
    QVERIFY(m.has_value());
    QCOMPARE(m->fen(), qint64(150));
    QCOMPARE(m->currency(), kUsd);
    QVERIFY(*m != paydesk::Money::fromFen(150));
    QVERIFY(*m == paydesk::Money::fromFen(150, kUsd));
}

// ------------------------------------------------------------- formatting

void tst_Money::plainString_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<QString>("text");

    QTest::newRow("zero") << qint64(0) << QStringLiteral("0.00");
    QTest::newRow("one_fen") << qint64(1) << QStringLiteral("0.01");
    QTest::newRow("ten_fen") << qint64(10) << QStringLiteral("0.10");
    QTest::newRow("one_yuan") << qint64(100) << QStringLiteral("1.00");
    QTest::newRow("two_decimals") << qint64(1234) << QStringLiteral("12.34");
    QTest::newRow("no_grouping") << qint64(123456789) << QStringLiteral("1234567.89");
    QTest::newRow("minus_one_fen") << qint64(-1) << QStringLiteral("-0.01");
    QTest::newRow("minus_five_fen") << qint64(-5) << QStringLiteral("-0.05");
    QTest::newRow("minus_one_yuan") << qint64(-100) << QStringLiteral("-1.00");
    QTest::newRow("negative") << qint64(-123456) << QStringLiteral("-1234.56");
    QTest::newRow("int64_max") << kMax << QStringLiteral("92233720368547758.07");
    QTest::newRow("int64_max_negated") << -kMax << QStringLiteral("-92233720368547758.07");
    QTest::newRow("int64_min") << kMin << QStringLiteral("-92233720368547758.08");
}

void tst_Money::plainString()
{
    QFETCH(qint64, fen);
    QFETCH(QString, text);

    QCOMPARE(paydesk::Money::fromFen(fen).toPlainString(), text);
    // The plain string never carries the currency.
    QCOMPARE(paydesk::Money::fromFen(fen, kUsd).toPlainString(), text);
}

void tst_Money::displayString_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");

    QTest::newRow("cny") << qint64(1234) << paydesk::kCny << QStringLiteral("¥12.34");
    QTest::newRow("cny_zero") << qint64(0) << paydesk::kCny << QStringLiteral("¥0.00");
    QTest::newRow("cny_negative") << qint64(-5) << paydesk::kCny << QStringLiteral("¥-0.05");
    QTest::newRow("cny_int64_max")
        << kMax << paydesk::kCny << QStringLiteral("¥92233720368547758.07");
    QTest::newRow("cny_int64_min")
        << kMin << paydesk::kCny << QStringLiteral("¥-92233720368547758.08");
    QTest::newRow("usd") << qint64(1234) << kUsd << QStringLiteral("12.34 USD");
    QTest::newRow("usd_negative") << qint64(-1) << kUsd << QStringLiteral("-0.01 USD");
    QTest::newRow("usd_int64_min") << kMin << kUsd << QStringLiteral("-92233720368547758.08 USD");
}

void tst_Money::displayString()
{
    QFETCH(qint64, fen);
    QFETCH(QString, currency);
    QFETCH(QString, text);

    QCOMPARE(paydesk::Money::fromFen(fen, currency).toDisplayString(), text);
}

void tst_Money::signPredicates_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<bool>("zero");
    QTest::addColumn<bool>("positive");
    QTest::addColumn<bool>("negative");

    QTest::newRow("zero") << qint64(0) << true << false << false;
    QTest::newRow("one_fen") << qint64(1) << false << true << false;
    QTest::newRow("minus_one_fen") << qint64(-1) << false << false << true;
    QTest::newRow("int64_max") << kMax << false << true << false;
    QTest::newRow("int64_min") << kMin << false << false << true;
}

void tst_Money::signPredicates()
{
    QFETCH(qint64, fen);
    QFETCH(bool, zero);
    QFETCH(bool, positive);
    QFETCH(bool, negative);

    const paydesk::Money m = paydesk::Money::fromFen(fen);
    QCOMPARE(m.isZero(), zero);
    QCOMPARE(m.isPositive(), positive);
    QCOMPARE(m.isNegative(), negative);
}

void tst_Money::equalityIncludesCurrency()
{
    QVERIFY(paydesk::Money::fromFen(100) == paydesk::Money::fromFen(100, paydesk::kCny));
    QVERIFY(paydesk::Money::fromFen(100) != paydesk::Money::fromFen(101));
    QVERIFY(paydesk::Money::fromFen(100) != paydesk::Money::fromFen(100, kUsd));
    QVERIFY(paydesk::Money() == paydesk::Money::fromFen(0));
    QVERIFY(paydesk::Money::fromFen(-1).lessThan(paydesk::Money::fromFen(0)));
    QVERIFY(!paydesk::Money::fromFen(0).lessThan(paydesk::Money::fromFen(0)));
    QVERIFY(paydesk::Money::fromFen(kMin).lessThan(paydesk::Money::fromFen(kMax)));
}

// ------------------------------------------------------------- arithmetic

void tst_Money::checkedAdd_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("sum");

    QTest::newRow("simple") << qint64(1234) << qint64(66) << true << qint64(1300);
    QTest::newRow("with_negative") << qint64(100) << qint64(-250) << true << qint64(-150);
    QTest::newRow("zero") << qint64(0) << qint64(0) << true << qint64(0);
    QTest::newRow("up_to_max") << kMax - 1 << qint64(1) << true << kMax;
    QTest::newRow("down_to_min") << kMin + 1 << qint64(-1) << true << kMin;
    QTest::newRow("max_plus_min") << kMax << kMin << true << qint64(-1);
    QTest::newRow("max_plus_one_overflows") << kMax << qint64(1) << false << qint64(0);
    QTest::newRow("max_plus_max_overflows") << kMax << kMax << false << qint64(0);
    QTest::newRow("min_minus_one_overflows") << kMin << qint64(-1) << false << qint64(0);
    QTest::newRow("min_plus_min_overflows") << kMin << kMin << false << qint64(0);
}

void tst_Money::checkedAdd()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(bool, ok);
    QFETCH(qint64, sum);

    const paydesk::Money ma = paydesk::Money::fromFen(a);
    const paydesk::Money mb = paydesk::Money::fromFen(b);
    const std::optional<paydesk::Money> r = ma.checkedAdd(mb);
    QCOMPARE(r.has_value(), ok);
    // Addition is commutative, overflow included.
    const std::optional<paydesk::Money> swapped = mb.checkedAdd(ma);
    QCOMPARE(swapped.has_value(), ok);
    if (ok) {
        QCOMPARE(r->fen(), sum);
        QCOMPARE(r->currency(), paydesk::kCny);
        QCOMPARE(swapped->fen(), sum);
    }
}

void tst_Money::checkedSub_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("difference");

    QTest::newRow("simple") << qint64(1300) << qint64(66) << true << qint64(1234);
    QTest::newRow("goes_negative") << qint64(100) << qint64(250) << true << qint64(-150);
    QTest::newRow("minus_negative") << qint64(100) << qint64(-250) << true << qint64(350);
    QTest::newRow("down_to_min") << kMin + 1 << qint64(1) << true << kMin;
    QTest::newRow("up_to_max") << kMax - 1 << qint64(-1) << true << kMax;
    QTest::newRow("min_minus_min") << kMin << kMin << true << qint64(0);
    QTest::newRow("minus_one_minus_max") << qint64(-1) << kMax << true << kMin;
    QTest::newRow("min_minus_one_overflows") << kMin << qint64(1) << false << qint64(0);
    QTest::newRow("max_minus_minus_one_overflows") << kMax << qint64(-1) << false << qint64(0);
    QTest::newRow("zero_minus_min_overflows") << qint64(0) << kMin << false << qint64(0);
    QTest::newRow("max_minus_min_overflows") << kMax << kMin << false << qint64(0);
    QTest::newRow("minus_two_minus_max_overflows") << qint64(-2) << kMax << false << qint64(0);
}

void tst_Money::checkedSub()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(bool, ok);
    QFETCH(qint64, difference);

    const std::optional<paydesk::Money> r =
        paydesk::Money::fromFen(a, kUsd).checkedSub(paydesk::Money::fromFen(b, kUsd));
    QCOMPARE(r.has_value(), ok);
    if (ok) {
        QCOMPARE(r->fen(), difference);
        QCOMPARE(r->currency(), kUsd);
    }
}

void tst_Money::currencyMismatch_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");

    QTest::newRow("zeros") << qint64(0) << qint64(0);
    QTest::newRow("small") << qint64(100) << qint64(1);
    QTest::newRow("negative") << qint64(-100) << qint64(-1);
}

void tst_Money::currencyMismatch()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);

    const paydesk::Money cny = paydesk::Money::fromFen(a);
    const paydesk::Money usd = paydesk::Money::fromFen(b, kUsd);
    QVERIFY(!cny.checkedAdd(usd).has_value());
    QVERIFY(!usd.checkedAdd(cny).has_value());
    QVERIFY(!cny.checkedSub(usd).has_value());
    QVERIFY(!usd.checkedSub(cny).has_value());
    // Same amounts, same currency: fine.
    QVERIFY(cny.checkedAdd(paydesk::Money::fromFen(b)).has_value());
    QVERIFY(cny.checkedSub(paydesk::Money::fromFen(b)).has_value());
}

void tst_Money::mulDiv_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<qint64>("num");
    QTest::addColumn<qint64>("den");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("result");

    // 0.6% fee (6/1000) on small amounts: half away from zero.
    QTest::newRow("one_fen_times_6_per_1000")
        << qint64(1) << qint64(6) << qint64(1000) << true << qint64(0);
    QTest::newRow("exact") << qint64(500) << qint64(6) << qint64(1000) << true << qint64(3);
    QTest::newRow("below_half_down")
        << qint64(83) << qint64(6) << qint64(1000) << true << qint64(0); // 0.498
    QTest::newRow("exact_half_up")
        << qint64(250) << qint64(6) << qint64(1000) << true << qint64(2); // 1.5
    QTest::newRow("above_half_up")
        << qint64(84) << qint64(6) << qint64(1000) << true << qint64(1); // 0.504
    QTest::newRow("negative_below_half")
        << qint64(-83) << qint64(6) << qint64(1000) << true << qint64(0); // -0.498
    QTest::newRow("negative_exact_half_away")
        << qint64(-250) << qint64(6) << qint64(1000) << true << qint64(-2); // -1.5
    QTest::newRow("negative_above_half")
        << qint64(-84) << qint64(6) << qint64(1000) << true << qint64(-1); // -0.504
    QTest::newRow("half_fen_up") << qint64(1) << qint64(1) << qint64(2) << true << qint64(1);
    QTest::newRow("minus_half_fen_away")
        << qint64(-1) << qint64(1) << qint64(2) << true << qint64(-1);
    QTest::newRow("negative_rate_half_away")
        << qint64(1) << qint64(-1) << qint64(2) << true << qint64(-1);
    QTest::newRow("both_negative_half_up")
        << qint64(-1) << qint64(-1) << qint64(2) << true << qint64(1);
    QTest::newRow("one_third_down") << qint64(1) << qint64(1) << qint64(3) << true << qint64(0);
    QTest::newRow("two_thirds_up") << qint64(2) << qint64(1) << qint64(3) << true << qint64(1);
    QTest::newRow("minus_two_thirds") << qint64(-2) << qint64(1) << qint64(3) << true << qint64(-1);
    QTest::newRow("minus_one_third") << qint64(-1) << qint64(1) << qint64(3) << true << qint64(0);
    // Basis points (38 bps = 0.38%).
    QTest::newRow("bps_exact") << qint64(10000) << qint64(38) << qint64(10000) << true
                               << qint64(38);
    QTest::newRow("bps_up") << qint64(12345) << qint64(38) << qint64(10000) << true
                            << qint64(47); // 46.911
    QTest::newRow("bps_down") << qint64(12345) << qint64(60) << qint64(10000) << true
                              << qint64(74); // 74.07
    QTest::newRow("bps_half") << qint64(12500) << qint64(2) << qint64(10000) << true
                              << qint64(3); // 2.5
    QTest::newRow("zero_rate") << qint64(12345) << qint64(0) << qint64(10000) << true << qint64(0);
    QTest::newRow("zero_amount") << qint64(0) << kMax << qint64(1) << true << qint64(0);
    // The intermediate product needs 128 bits; the result is exact.
    QTest::newRow("max_times_3_over_4")
        << kMax << qint64(3) << qint64(4) << true << qint64(6917529027641081855); // .25 down
    QTest::newRow("max_times_2_over_2") << kMax << qint64(2) << qint64(2) << true << kMax;
    QTest::newRow("max_times_max_over_max") << kMax << kMax << kMax << true << kMax;
    QTest::newRow("min_times_max_over_max") << kMin << kMax << kMax << true << kMin;
    QTest::newRow("max_half_up") << kMax << qint64(1) << qint64(2) << true
                                 << qint64(4611686018427387904); // ...903.5
    QTest::newRow("min_half_exact")
        << kMin << qint64(1) << qint64(2) << true << qint64(-4611686018427387904);
    QTest::newRow("identity_min") << kMin << qint64(1) << qint64(1) << true << kMin;
    QTest::newRow("overflow_max_times_2") << kMax << qint64(2) << qint64(1) << false << qint64(0);
    QTest::newRow("overflow_max_times_3_over_2")
        << kMax << qint64(3) << qint64(2) << false << qint64(0);
    QTest::newRow("overflow_min_negated") << kMin << qint64(-1) << qint64(1) << false << qint64(0);
    QTest::newRow("overflow_min_times_max") << kMin << kMax << qint64(1) << false << qint64(0);
}

void tst_Money::mulDiv()
{
    QFETCH(qint64, fen);
    QFETCH(qint64, num);
    QFETCH(qint64, den);
    QFETCH(bool, ok);
    QFETCH(qint64, result);

    const std::optional<paydesk::Money> r = paydesk::Money::fromFen(fen).checkedMulDiv(num, den);
    QCOMPARE(r.has_value(), ok);
    if (ok)
        QCOMPARE(r->fen(), result);
}

void tst_Money::mulDivKeepsCurrency()
{
    const std::optional<paydesk::Money> r =
        paydesk::Money::fromFen(250, kUsd).checkedMulDiv(6, 1000);
    QVERIFY(r.has_value());
    QCOMPARE(r->fen(), qint64(2));
    QCOMPARE(r->currency(), kUsd);
}

// ------------------------------------------------------------- round trip

void tst_Money::roundTripFromFen_data()
{
    QTest::addColumn<qint64>("fen");

    QTest::newRow("zero") << qint64(0);
    QTest::newRow("one_fen") << qint64(1);
    QTest::newRow("minus_one_fen") << qint64(-1);
    QTest::newRow("nine_fen") << qint64(9);
    QTest::newRow("ten_fen") << qint64(10);
    QTest::newRow("ninety_nine_fen") << qint64(99);
    QTest::newRow("one_yuan") << qint64(100);
    QTest::newRow("minus_one_yuan_one") << qint64(-101);
    QTest::newRow("typical") << qint64(1234);
    QTest::newRow("million_yuan") << qint64(100000000);
    QTest::newRow("ceiling") << paydesk::kMaxAmountFen;
    QTest::newRow("ceiling_negated") << -paydesk::kMaxAmountFen;
    QTest::newRow("ceiling_minus_one") << paydesk::kMaxAmountFen - 1;
}

void tst_Money::roundTripFromFen()
{
    QFETCH(qint64, fen);

    const paydesk::Money m = paydesk::Money::fromFen(fen);
    QString error;
    const std::optional<paydesk::Money> back =
        paydesk::Money::parse(m.toPlainString(), paydesk::kCny, &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(back->fen(), fen);
    QVERIFY(*back == m);
}

void tst_Money::roundTripFromText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("canonical") << QStringLiteral("12.34") << QStringLiteral("12.34");
    QTest::newRow("canonical_negative") << QStringLiteral("-0.05") << QStringLiteral("-0.05");
    QTest::newRow("integer") << QStringLiteral("12") << QStringLiteral("12.00");
    QTest::newRow("one_decimal") << QStringLiteral("0.5") << QStringLiteral("0.50");
    QTest::newRow("plus") << QStringLiteral("+1") << QStringLiteral("1.00");
    QTest::newRow("negative_zero") << QStringLiteral("-0") << QStringLiteral("0.00");
    QTest::newRow("leading_zeros") << QStringLiteral("0007.10") << QStringLiteral("7.10");
    QTest::newRow("spaces") << QStringLiteral(" 7.10 ") << QStringLiteral("7.10");
    QTest::newRow("largest") << QStringLiteral("1000000000") << QStringLiteral("1000000000.00");
}

void tst_Money::roundTripFromText()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);

    const std::optional<paydesk::Money> m = paydesk::Money::parse(text);
    QVERIFY(m.has_value());
    QCOMPARE(m->toPlainString(), canonical);
    // The canonical text parses back to the same amount and is a fixed point.
    const std::optional<paydesk::Money> again = paydesk::Money::parse(canonical);
    QVERIFY(again.has_value());
    QCOMPARE(again->fen(), m->fen());
    QCOMPARE(again->toPlainString(), canonical);
}

void tst_Money::roundTripSweep()
{
    // Deterministic values of every magnitude up to the ceiling (37 bits),
    // both signs; larger ones are refused (parseRefused).
    QRandomGenerator rng(20261123);
    int checked = 0;
    for (int i = 0; i < 100000; ++i) {
        const int bits = 1 + int(rng.bounded(37)); // 1..37: 2^37 > kMaxAmountFen
        qint64 fen = qint64(rng.generate64() >> (64 - bits));
        if (fen > paydesk::kMaxAmountFen)
            fen = paydesk::kMaxAmountFen;
        if (rng.bounded(2))
            fen = -fen;
        const QString text = paydesk::Money::fromFen(fen).toPlainString();
        QString error;
        const std::optional<paydesk::Money> back =
            paydesk::Money::parse(text, paydesk::kCny, &error);
        if (!back.has_value() || back->fen() != fen)
            QFAIL(qPrintable(QStringLiteral("round trip of %1 fen via '%2' failed: %3")
                                 .arg(fen)
                                 .arg(text, error)));
        ++checked;
    }
    QCOMPARE(checked, 100000);
}

QTEST_GUILESS_MAIN(tst_Money)
#include "tst_money.moc"
