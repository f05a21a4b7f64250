// The orders CSV: quoting, formula guard, and amounts as decimal text.
#include "orders/OrdersCsv.h"

#include <QTest>

using namespace paydesk;
using namespace paydesk::ui;

class tst_OrdersCsv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cell_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("coffee") << QStringLiteral("coffee");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("comma") << QStringLiteral("tea, large") << QStringLiteral("\"tea, large\"");
        QTest::newRow("quote") << QStringLiteral("the \"best\"")
                               << QStringLiteral("\"the \"\"best\"\"\"");
        QTest::newRow("newline") << QStringLiteral("two\nlines")
                                 << QStringLiteral("\"two\nlines\"");
        QTest::newRow("formulaIsKeptAsText")
            << QStringLiteral("=HYPERLINK(\"x\")") << QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\"");
        QTest::newRow("plusMinusAt") << QStringLiteral("@cmd") << QStringLiteral("'@cmd");
        QTest::newRow("chinese") << QStringLiteral("咖啡两杯") << QStringLiteral("咖啡两杯");
    }
    void cell()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(OrdersCsv::cell(text), expected);
    }

    void line_data()
    {
        QTest::addColumn<qint64>("amountFen");
        QTest::addColumn<qint64>("refundedFen");
        QTest::addColumn<QString>("amount");
        QTest::addColumn<QString>("refunded");
        QTest::newRow("oneFen") << qint64(1) << qint64(0) << QStringLiteral("0.01")
                                << QStringLiteral("0.00");
        QTest::newRow("partlyRefunded")
            << qint64(1'250) << qint64(1'005) << QStringLiteral("12.50") << QStringLiteral("10.05");
        // Far beyond a double's exact cents (2^53 fen).
        QTest::newRow("beyondDoublePrecision")
            << qint64(9'007'199'254'740'993) << qint64(0) << QStringLiteral("90071992547409.93")
            << QStringLiteral("0.00");
    }
    void line()
    {
        QFETCH(qint64, amountFen);
        QFETCH(qint64, refundedFen);
        QFETCH(QString, amount);
        QFETCH(QString, refunded);
        OrderRecord o;
        o.orderNo = QStringLiteral("PO1");
        o.amount = Money::fromFen(amountFen);
        o.refundedFen = refundedFen;
        o.state = OrderState::PartiallyRefunded;
        o.storeId = QStringLiteral("S1");
        o.terminalId = QStringLiteral("T1");
        o.subject = QStringLiteral("a, b");
        PaymentRecord p;
        p.paymentNo = QStringLiteral("PP1");
        p.wallet = Wallet::Alipay;
        p.channel = QStringLiteral("alipay");
        p.channelTradeNo = QStringLiteral("2026120722001");
        const QStringList cells = OrdersCsv::line(OrderCsvLine{o, &p}).chopped(2).split(u',');
        const QStringList columns = OrdersCsv::header().chopped(2).split(u',');
        QCOMPARE(cells.size(), columns.size() + 1); // the quoted note holds a comma
        QCOMPARE(cells.at(columns.indexOf(QStringLiteral("amount"))), amount);
        QCOMPARE(cells.at(columns.indexOf(QStringLiteral("refunded"))), refunded);
        QCOMPARE(cells.at(columns.indexOf(QStringLiteral("state"))),
                 QStringLiteral("PARTIALLY_REFUNDED"));
        QCOMPARE(cells.at(columns.indexOf(QStringLiteral("wallet"))), QStringLiteral("alipay"));
        QCOMPARE(cells.at(columns.indexOf(QStringLiteral("channel_trade_no"))),
                 QStringLiteral("2026120722001"));
        QVERIFY(OrdersCsv::line(OrderCsvLine{o, &p}).endsWith(QStringLiteral(",\"a, b\"\r\n")));
    }
};

QTEST_MAIN(tst_OrdersCsv)
#include "tst_orderscsv.moc"
