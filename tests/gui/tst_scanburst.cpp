// ScanBurstDetector: scanner bursts vs people typing, with a manual clock.
#include "common/Clock.h"
#include "scan/ScanBurstDetector.h"

#include <QTest>

using namespace paydesk;
using namespace paydesk::ui;

namespace {

// A key script: "x@5" types x 5 ms after the previous key; "\n" is Enter.
struct Step
{
    QString text;
    qint64 gapMs;
};

QList<Step> script(const QString& keys, qint64 gapMs)
{
    QList<Step> out;
    for (QChar c : keys)
        out << Step{QString(c), gapMs};
    return out;
}

HeldKey keyFor(const QString& t)
{
    if (t == QLatin1String("\n"))
        return {Qt::Key_Return, QStringLiteral("\r"), 0};
    const QChar c = t.at(0);
    int key = c.isDigit() ? Qt::Key_0 + c.digitValue() : c.toUpper().unicode();
    if (c.category() == QChar::Other_Control)
        key = Qt::Key_unknown;
    return {key, t, 0};
}

struct Run
{
    QStringList codes;
    QString typed; // what reached the widget, in order (Enter as '\n')
};

Run play(const QList<Step>& steps, const ScanBurstConfig& cfg)
{
    ManualClock clock;
    ScanBurstDetector d(clock, cfg);
    Run run;
    auto deliver = [&](const ScanBurstDetector::Decision& dec) {
        for (const HeldKey& k : dec.replay)
            run.typed += k.text;
        if (dec.code)
            run.codes << *dec.code;
    };
    for (const Step& s : steps) {
        // Time passes; the filter's timer fires when the gap is too long.
        const qint64 wait = d.msUntilTimeout();
        if (wait >= 0 && s.gapMs >= wait) {
            clock.advance(wait);
            deliver(d.timeout());
            clock.advance(s.gapMs - wait);
        } else {
            clock.advance(s.gapMs);
        }
        const auto dec = d.key(keyFor(s.text));
        deliver(dec);
        if (!dec.consume)
            run.typed += s.text == QLatin1String("\r") ? QStringLiteral("\n") : s.text;
    }
    clock.advance(1000);
    deliver(d.timeout());
    return run;
}

} // namespace

Q_DECLARE_METATYPE(QList<Step>)

class tst_ScanBurst : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bursts_data()
    {
        QTest::addColumn<QList<Step>>("steps");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QStringList>("codes");
        QTest::addColumn<QString>("typed");

        const QString code = QStringLiteral("130000000000000001");
        QTest::newRow("scanner burst 3 ms apart")
            << script(code + QStringLiteral("\n"), 3) << QString() << QString() << QStringList{code}
            << QString();
        QTest::newRow("person typing 150 ms apart")
            << script(QStringLiteral("12.50\n"), 150) << QString() << QString() << QStringList{}
            << QStringLiteral("12.50\n");
        QTest::newRow("short fast burst is typing (amount then Enter)")
            << script(QStringLiteral("12.50\n"), 2) << QString() << QString() << QStringList{}
            << QStringLiteral("12.50\n");
        QTest::newRow("control characters stripped")
            << script(QStringLiteral("\x02") + code + QStringLiteral("\x03\n"), 4) << QString()
            << QString() << QStringList{code} << QString();
        QTest::newRow("prefix and suffix removed")
            << script(QStringLiteral("]Q1") + code + QStringLiteral("#\n"), 4)
            << QStringLiteral("]Q1") << QStringLiteral("#") << QStringList{code} << QString();
        QList<Step> slowThenScan = script(QStringLiteral("ab"), 200);
        slowThenScan += Step{QStringLiteral("1"), 300};
        slowThenScan += script(code.mid(1) + QStringLiteral("\n"), 3);
        QTest::newRow("typing, pause, then a scan")
            << slowThenScan << QString() << QString() << QStringList{code} << QStringLiteral("ab");
        QList<Step> gapInside = script(code.left(12), 3);
        gapInside += Step{code.mid(12, 1), 120};
        gapInside += script(code.mid(13) + QStringLiteral("\n"), 3);
        QTest::newRow("a long gap splits it: no scan, keys delivered")
            << gapInside << QString() << QString() << QStringList{} << code + QStringLiteral("\n");
        QList<Step> lateEnter = script(code, 3);
        lateEnter += Step{QStringLiteral("\n"), 500};
        QTest::newRow("Enter long after the burst is a person's Enter")
            << lateEnter << QString() << QString() << QStringList{} << code + QStringLiteral("\n");
        QList<Step> two = script(code + QStringLiteral("\n"), 3);
        two += Step{QStringLiteral("2"), 800};
        two += script(QStringLiteral("80000000000000002\n"), 3);
        QTest::newRow("two scans in a row")
            << two << QString() << QString()
            << QStringList{code, QStringLiteral("280000000000000002")} << QString();
        QTest::newRow("only framing characters: not a code")
            << script(QStringLiteral("\x02\x02\x02\x02\x02\x02\x02\x02\x02\n"), 3) << QString()
            << QString() << QStringList{}
            << QStringLiteral("\x02\x02\x02\x02\x02\x02\x02\x02\x02\n");
    }

    void bursts()
    {
        QFETCH(QList<Step>, steps);
        QFETCH(QString, prefix);
        QFETCH(QString, suffix);
        QFETCH(QStringList, codes);
        QFETCH(QString, typed);
        ScanBurstConfig cfg;
        cfg.prefix = prefix;
        cfg.suffix = suffix;
        const Run run = play(steps, cfg);
        QCOMPARE(run.codes, codes);
        QCOMPARE(run.typed, typed);
    }

    void clean_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("clean");
        QTest::newRow("plain") << QStringLiteral("130000000000000001")
                               << QStringLiteral("130000000000000001");
        QTest::newRow("CR LF TAB")
            << QStringLiteral("\t130000000000000001\r\n") << QStringLiteral("130000000000000001");
        QTest::newRow("zero-width")
            << QStringLiteral("13000000\u200b0000000001") << QStringLiteral("130000000000000001");
    }
    void clean()
    {
        QFETCH(QString, raw);
        QFETCH(QString, clean);
        QCOMPARE(ScanBurstDetector::clean(raw, {}), clean);
    }
};

QTEST_GUILESS_MAIN(tst_ScanBurst)
#include "tst_scanburst.moc"
