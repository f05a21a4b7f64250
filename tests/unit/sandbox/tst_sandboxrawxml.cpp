// The raw XML the sandbox acquirer records for each call: the same bytes the
// hand-written builder it replaced wrote (tracks, tests and the Alipay front
// read them), always well-formed.
#include "sandbox/acquirer/RawXml.h"

#include <QXmlStreamReader>
#include <QtTest>

using namespace paydesk::sandbox;

class tst_SandboxRawXml : public QObject
{
    Q_OBJECT
private slots:
    void bytes_data();
    void bytes();
    void numbers();
    void startingFields();
    void parses_data();
    void parses();
};

void tst_SandboxRawXml::bytes_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no-fields-is-not-self-closing")
        << QString() << QString() << QStringLiteral("<xml></xml>");
    QTest::newRow("plain") << QStringLiteral("out_trade_no") << QStringLiteral("P1")
                           << QStringLiteral("<xml><out_trade_no>P1</out_trade_no></xml>");
    QTest::newRow("empty-value-left-out")
        << QStringLiteral("body") << QStringLiteral("") << QStringLiteral("<xml></xml>");
    QTest::newRow("markup-escaped-as-html")
        << QStringLiteral("body") << QStringLiteral("a<b>&\"c'")
        << QStringLiteral("<xml><body>a&lt;b&gt;&amp;&quot;c'</body></xml>");
    QTest::newRow("cdata-end-escaped") << QStringLiteral("body") << QStringLiteral("]]>")
                                       << QStringLiteral("<xml><body>]]&gt;</body></xml>");
    QTest::newRow("chinese-and-emoji-as-is")
        << QStringLiteral("body") << QStringLiteral("咖啡 \U0001F600")
        << QStringLiteral("<xml><body>咖啡 \U0001F600</body></xml>");
    QTest::newRow("tab-and-newlines-as-is")
        << QStringLiteral("body") << QStringLiteral("a\tb\nc\rd")
        << QStringLiteral("<xml><body>a\tb\nc\rd</body></xml>");
    // The old builder wrote these raw, which no XML reader accepts.
    QTest::newRow("control-characters-dropped") << QStringLiteral("body")
                                                << QStringLiteral("a\x01"
                                                                  "b\x0B"
                                                                  "c")
                                                << QStringLiteral("<xml><body>abc</body></xml>");
}

void tst_SandboxRawXml::bytes()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    RawXml x;
    if (!name.isEmpty())
        x.add(name, value);
    QCOMPARE(x.text(), expected);
}

void tst_SandboxRawXml::numbers()
{
    QCOMPARE(RawXml().num("total_fee", 100).num("refund_fee", 0).num("n", -5).text(),
             QStringLiteral("<xml><total_fee>100</total_fee><refund_fee>0</refund_fee>"
                            "<n>-5</n></xml>"));
}

void tst_SandboxRawXml::startingFields()
{
    QCOMPARE(RawXml({{"return_code", QStringLiteral("SUCCESS")}, {"err_code", QString()}})
                 .add("out_trade_no", QStringLiteral("P1"))
                 .text(),
             QStringLiteral("<xml><return_code>SUCCESS</return_code>"
                            "<out_trade_no>P1</out_trade_no></xml>"));
}

void tst_SandboxRawXml::parses_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("markup") << QStringLiteral("<a href=\"x\">&amp;</a>");
    QTest::newRow("controls") << QStringLiteral("\x01\x02\x1F");
    QTest::newRow("noncharacter") << QString(QChar(0xFFFE));
}

void tst_SandboxRawXml::parses()
{
    QFETCH(QString, value);
    QXmlStreamReader reader(RawXml().add("body", value).add("n", QStringLiteral("1")).text());
    while (!reader.atEnd())
        reader.readNext();
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
}

QTEST_GUILESS_MAIN(tst_SandboxRawXml)
#include "tst_sandboxrawxml.moc"
