// The sandbox's bills, downloaded through the real adapters over loopback
// HTTPS: WeChat's downloadbill CSV (columns, backticks, summary equal to the
// detail sums in fen) and Alipay's ZIP of GBK CSVs, revokes billed as each
// wallet bills them, and the injected differences reconciliation must find.
#include "DemoGateway.h"
#include "SandboxGateway.h"
#include "channels/GatewayChannels.h"
#include "common/ChinaTime.h"
#include "common/Clock.h"
#include "sandbox/AlipayGatewayFront.h"
#include "sandbox/SandboxAcquirer.h"
#include "sandbox/SandboxBehaviour.h"
#include "sandbox/bills/AlipayBill.h"
#include "sandbox/bills/BillDifferences.h"
#include "sandbox/bills/WeChatBill.h"
#include "sandbox/bills/ZipWriter.h"
#include "testsupport/TempDir.h"

#include <QStringDecoder>
#include <QtTest>

#include <memory>

#include <zlib.h>

using namespace paydesk;

Q_DECLARE_METATYPE(paydesk::BillKind)

namespace {

// 2026-01-01 10:00 China time.
constexpr qint64 kStartMs = 1'767'225'600'000 + 2 * 3600 * 1000;
const QDate kDay(2026, 1, 1);

template <typename T, typename Call>
T await(Call call)
{
    std::optional<T> got;
    call([&got](const T& r) { got = r; });
    QElapsedTimer t;
    t.start();
    while (!got && t.elapsed() < 10000)
        QTest::qWait(5);
    return got.value_or(T());
}

// "yuan" text of a bill to fen, exactly; a stray character fails the test.
qint64 fen(QString text)
{
    text.remove(QLatin1Char('`')).remove(QLatin1Char('\t'));
    const bool negative = text.startsWith(QLatin1Char('-'));
    if (negative)
        text = text.mid(1);
    const QStringList parts = text.split(QLatin1Char('.'));
    bool ok1 = false, ok2 = false;
    const qint64 yuan = parts.value(0).toLongLong(&ok1);
    const qint64 cents = parts.value(1).toLongLong(&ok2);
    if (parts.size() != 2 || parts.at(1).size() != 2 || !ok1 || !ok2)
        qFatal("not an amount: %s", qPrintable(text));
    return (negative ? -1 : 1) * (yuan * 100 + cents);
}

struct ZipEntry
{
    QByteArray name;
    quint16 method = 0;
    QByteArray content;
};

// Unpacks one raw-DEFLATE entry of a known size with zlib.
QByteArray inflated(const QByteArray& packed, quint32 size)
{
    QByteArray out(qsizetype(size), '\0');
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
        qFatal("inflateInit2 failed");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.constData()));
    z.avail_in = uInt(packed.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = inflate(&z, Z_FINISH);
    inflateEnd(&z);
    if (rc != Z_STREAM_END || z.total_out != size)
        qFatal("entry does not inflate to its size");
    return out;
}

// Reads the entries of a ZIP (what the sandbox writes: deflated, or stored
// when that is not smaller), checking CRCs. zlib and the format directly,
// not the importer's ZipReader: the writer is checked against the format.
QList<ZipEntry> unzip(const QByteArray& zip)
{
    QList<ZipEntry> out;
    auto u16 = [&](qsizetype at) { return quint16(quint8(zip[at]) | (quint8(zip[at + 1]) << 8)); };
    auto u32 = [&](qsizetype at) { return quint32(u16(at)) | (quint32(u16(at + 2)) << 16); };
    qsizetype at = 0;
    while (at + 30 <= zip.size() && u32(at) == 0x04034b50) {
        const quint32 crc = u32(at + 14), packedSize = u32(at + 18), size = u32(at + 22);
        const quint16 nameLen = u16(at + 26), extraLen = u16(at + 28);
        ZipEntry e;
        e.method = u16(at + 8);
        e.name = zip.mid(at + 30, nameLen);
        const QByteArray packed = zip.mid(at + 30 + nameLen + extraLen, packedSize);
        if (e.method == 8)
            e.content = inflated(packed, size);
        else if (e.method == 0 && packedSize == size)
            e.content = packed;
        else
            qFatal("entry neither deflated nor stored");
        if (ZipWriter::crc32(e.content) != crc)
            qFatal("bad CRC");
        out << e;
        at += 30 + nameLen + extraLen + packedSize;
    }
    return out;
}

QStringList lines(const QString& text)
{
    return text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
}

} // namespace

class tst_SandboxBills : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<DemoGateway> m_demo;
    GatewayChannel m_wechat;
    GatewayChannel m_alipay;
    QHash<QString, QString> m_no; // name in the test -> payment number

    ChannelResult pay(GatewayChannel& g, Wallet wallet, const QString& name, qint64 amountFen,
                      SandboxBehaviour b = SandboxBehaviour::InstantSuccess)
    {
        BarcodePayRequest req;
        req.paymentNo = QStringLiteral("PA%1%2").arg(name).arg(m_no.size(), 4, 10, QLatin1Char('0'));
        req.authCode = sandboxCode(wallet, b);
        req.amount = Money::fromFen(amountFen);
        req.subject = QStringLiteral("咖啡");
        req.storeId = QStringLiteral("0001");
        m_no.insert(name, req.paymentNo);
        return await<ChannelResult>([&](ResultCallback cb) { g.channel->barcodePay(req, cb); });
    }
    ChannelResult refund(GatewayChannel& g, const QString& name, qint64 paidFen, qint64 fen)
    {
        RefundRequest r;
        r.refundNo = QStringLiteral("RF") + m_no.value(name);
        r.paymentNo = m_no.value(name);
        r.refundAmount = Money::fromFen(fen);
        r.paymentAmount = Money::fromFen(paidFen);
        r.reason = QStringLiteral("退货");
        return await<ChannelResult>([&](ResultCallback cb) { g.channel->refund(r, cb); });
    }
    BillDownload bill(GatewayChannel& g, BillKind kind, const QDate& day = kDay)
    {
        return await<BillDownload>(
            [&](BillCallback cb) { g.channel->downloadBill(day, kind, cb); });
    }

    // Payments of the day: W1 ¥12.34, W2 ¥50.00 refunded ¥12.00, W3 ¥8.00
    // revoked after payment, W4 refused (no line); the same on Alipay.
    void makeTheDay()
    {
        QCOMPARE(pay(m_wechat, Wallet::WeChat, QStringLiteral("W1"), 1234).status,
                 TradeStatus::Success);
        QCOMPARE(pay(m_wechat, Wallet::WeChat, QStringLiteral("W2"), 5000).status,
                 TradeStatus::Success);
        m_clock->advance(60'000);
        QVERIFY(refund(m_wechat, QStringLiteral("W2"), 5000, 1200).status !=
                TradeStatus::Failed);
        QCOMPARE(pay(m_wechat, Wallet::WeChat, QStringLiteral("W3"), 800).status,
                 TradeStatus::Success);
        m_clock->advance(60'000);
        QCOMPARE(await<ChannelResult>([&](ResultCallback cb) {
                     m_wechat.channel->revoke(m_no.value(QStringLiteral("W3")), cb);
                 }).status,
                 TradeStatus::Success);
        QCOMPARE(pay(m_wechat, Wallet::WeChat, QStringLiteral("W4"), 100,
                     SandboxBehaviour::InsufficientFunds)
                     .status,
                 TradeStatus::Failed);

        QCOMPARE(pay(m_alipay, Wallet::Alipay, QStringLiteral("A1"), 1999).status,
                 TradeStatus::Success);
        QCOMPARE(pay(m_alipay, Wallet::Alipay, QStringLiteral("A2"), 3000).status,
                 TradeStatus::Success);
        m_clock->advance(60'000);
        QVERIFY(refund(m_alipay, QStringLiteral("A2"), 3000, 1000).status !=
                TradeStatus::Failed);
        QCOMPARE(pay(m_alipay, Wallet::Alipay, QStringLiteral("A3"), 700).status,
                 TradeStatus::Success);
        QCOMPARE(await<ChannelResult>([&](ResultCallback cb) {
                     m_alipay.channel->revoke(m_no.value(QStringLiteral("A3")), cb);
                 }).status,
                 TradeStatus::Success);
    }

    // The detail lines of a WeChat bill, values without their backticks.
    static QList<QStringList> wechatRows(const QByteArray& bill, int columns, QStringList* summary)
    {
        const QStringList all = lines(QString::fromUtf8(bill));
        QList<QStringList> rows;
        for (qsizetype i = 1; i + 2 < all.size(); ++i) {
            const QStringList v = all.at(i).split(QLatin1Char(','));
            if (v.size() != columns)
                qFatal("line %lld has %lld columns", qlonglong(i), qlonglong(v.size()));
            QStringList plain;
            for (const QString& s : v) {
                if (!s.startsWith(QLatin1Char('`')))
                    qFatal("a value without its backtick on line %lld", qlonglong(i));
                plain << s.mid(1);
            }
            rows << plain;
        }
        for (const QString& s : all.last().split(QLatin1Char(','))) {
            if (!s.startsWith(QLatin1Char('`')))
                qFatal("a summary value without its backtick");
            *summary << s.mid(1);
        }
        return rows;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<test::TempDataDir>();
        m_clock = std::make_unique<ManualClock>(kStartMs);
        DemoGatewayOptions o;
        o.dataDir = m_dir->path();
        o.durable = false;
        m_demo = std::make_unique<DemoGateway>(*m_clock, o);
        QCOMPARE(m_demo->start(), QString());
        QCOMPARE(makeGatewayChannel(QStringLiteral("wechat"),
                                    m_demo->settings(QStringLiteral("wechat")), &m_wechat),
                 QString());
        QCOMPARE(makeGatewayChannel(QStringLiteral("alipay"),
                                    m_demo->settings(QStringLiteral("alipay")), &m_alipay),
                 QString());
        m_no.clear();
        makeTheDay();
    }
    void cleanup()
    {
        m_wechat = {};
        m_alipay = {};
        m_demo.reset();
        m_clock.reset();
        m_dir.reset();
    }

    void zipCrcMatchesTheStandardVector()
    {
        QCOMPARE(ZipWriter::crc32("123456789"), 0xCBF43926u);
    }

    void wechatBillColumnsAndTotals_data()
    {
        QTest::addColumn<BillKind>("kind");
        QTest::addColumn<int>("columns");
        QTest::addColumn<int>("lines");
        QTest::addColumn<qint64>("settledFen");
        QTest::addColumn<qint64>("refundFen");
        QTest::newRow("all") << BillKind::All << 27 << 5 << qint64(7034) << qint64(2000);
        QTest::newRow("success") << BillKind::Success << 20 << 3 << qint64(7034) << qint64(0);
        QTest::newRow("refund") << BillKind::Refund << 29 << 2 << qint64(0) << qint64(2000);
    }
    void wechatBillColumnsAndTotals()
    {
        QFETCH(BillKind, kind);
        QFETCH(int, columns);
        QFETCH(int, lines);
        QFETCH(qint64, settledFen);
        QFETCH(qint64, refundFen);
        const BillDownload b = bill(m_wechat, kind);
        QVERIFY2(b.status == TradeStatus::Success, qPrintable(b.returnCode + b.message));
        const WeChatBillType type = kind == BillKind::All       ? WeChatBillType::All
                                    : kind == BillKind::Success ? WeChatBillType::Success
                                                                : WeChatBillType::Refund;
        const QStringList all = ::lines(QString::fromUtf8(b.content));
        QCOMPARE(all.first(), wechatBillColumns(type).join(QLatin1Char(',')));
        QCOMPARE(all.at(all.size() - 2), wechatBillSummaryColumns(type).join(QLatin1Char(',')));
        QCOMPARE(wechatBillColumns(type).size(), columns);
        QStringList summary;
        const QList<QStringList> rows = wechatRows(b.content, columns, &summary);
        QCOMPARE(rows.size(), lines);
        QCOMPARE(summary.first().toInt(), lines);
        // The summary equals the detail sums, exactly in fen.
        const QStringList head = wechatBillColumns(type);
        const int settledCol = head.indexOf(QStringLiteral("应结订单金额"));
        const int refundCol = head.indexOf(QStringLiteral("退款金额"));
        qint64 settled = 0, refunded = 0;
        for (const QStringList& r : rows) {
            settled += fen(r.at(settledCol));
            if (refundCol >= 0)
                refunded += fen(r.at(refundCol));
            QCOMPARE(r.at(2), QStringLiteral("10000100"));
            QVERIFY(QDateTime::fromString(r.at(0), QStringLiteral("yyyy-MM-dd HH:mm:ss")).isValid());
        }
        QCOMPARE(settled, settledFen);
        QCOMPARE(refunded, refundFen);
        QCOMPARE(fen(summary.at(1)), settledFen);
        if (kind != BillKind::Success)
            QCOMPARE(fen(summary.at(2)), refundFen);
        // W4 was refused: never billed.
        QVERIFY(!b.content.contains(m_no.value(QStringLiteral("W4")).toUtf8()));
    }

    void wechatBillsARevokeAsRevoked()
    {
        const BillDownload b = bill(m_wechat, BillKind::All);
        QStringList summary;
        const QList<QStringList> rows = wechatRows(b.content, 27, &summary);
        const QString w3 = m_no.value(QStringLiteral("W3"));
        QList<QStringList> mine;
        for (const QStringList& r : rows)
            if (r.at(6) == w3)
                mine << r;
        QCOMPARE(mine.size(), 2);
        QCOMPARE(mine.at(0).at(9), QStringLiteral("REVOKED")); // the payment
        QCOMPARE(fen(mine.at(0).at(12)), 800);
        QCOMPARE(mine.at(1).at(9), QStringLiteral("REVOKED")); // its reversal
        QCOMPARE(mine.at(1).at(15), w3);
        QCOMPARE(fen(mine.at(1).at(16)), 800);
    }

    void wechatDayWithoutTradesHasNoBill()
    {
        const BillDownload b = bill(m_wechat, BillKind::All, kDay.addDays(1));
        QCOMPARE(b.status, TradeStatus::Failed);
        QCOMPARE(b.returnCode, QStringLiteral("20002"));
        QCOMPARE(b.message, QStringLiteral("No Bill Exist"));
    }

    void alipayBillIsAZipOfGbkCsvs()
    {
        const BillDownload b = bill(m_alipay, BillKind::All);
        QVERIFY2(b.status == TradeStatus::Success, qPrintable(b.returnCode + b.message));
        const QList<ZipEntry> entries = unzip(b.content);
        QCOMPARE(entries.size(), 2);
        // Deflated, as Alipay's own archives are (the importer's inflate is
        // what reads them).
        QCOMPARE(entries.at(0).method, quint16(8));
        QStringDecoder gbk("GBK");
        QVERIFY(gbk.isValid());
        const QString account = AlipayGatewayFront::billAccount(QStringLiteral("2021000000000001"));
        QCOMPARE(gbk.decode(entries.at(0).name),
                 account + QStringLiteral("_20260101_业务明细.csv"));
        QCOMPARE(QStringDecoder("GBK").decode(entries.at(1).name),
                 account + QStringLiteral("_20260101_业务明细(汇总).csv"));
        const QString detail = QStringDecoder("GBK").decode(entries.at(0).content);
        // GBK round trip: nothing lost on the way.
        QCOMPARE(QStringEncoder("GBK").encode(detail), entries.at(0).content);
        const QStringList d = lines(detail);
        QCOMPARE(d.at(0), QStringLiteral("#支付宝业务明细查询"));
        QCOMPARE(d.at(1), QStringLiteral("#账号：[%1]").arg(account));
        QVERIFY(d.at(2).startsWith(QStringLiteral("#起始日期：[2026年01月01日 00:00:00]")));
        QCOMPARE(d.at(4), alipayBillColumns().join(QLatin1Char(',')));
        qint64 paid = 0, refunded = 0;
        int payments = 0, refunds = 0;
        const QString a3 = m_no.value(QStringLiteral("A3"));
        bool sawCancel = false;
        for (qsizetype i = 5; i < d.size() && !d.at(i).startsWith(QLatin1Char('#')); ++i) {
            const QStringList v = d.at(i).split(QLatin1Char(','));
            QCOMPARE(v.size(), 25);
            const QString type = v.at(2).trimmed();
            if (type == QStringLiteral("交易")) {
                ++payments;
                paid += fen(v.at(12));
                QVERIFY(fen(v.at(22)) < 0); // the service fee is charged
            } else {
                QCOMPARE(type, QStringLiteral("退款"));
                ++refunds;
                refunded += fen(v.at(12));
                QVERIFY(fen(v.at(12)) < 0);
                if (v.at(1).trimmed() == a3) {
                    // A cancel's refund: the batch number is the trade number.
                    QCOMPARE(v.at(21).trimmed(), v.at(0).trimmed());
                    sawCancel = true;
                }
            }
        }
        QVERIFY(sawCancel);
        QCOMPARE(payments, 3);
        QCOMPARE(refunds, 2);
        QCOMPARE(paid, 1999 + 3000 + 700);
        QCOMPARE(refunded, -(1000 + 700));
        QVERIFY(detail.contains(
            QStringLiteral("#交易合计：3笔，商家实收共56.99元，商家优惠共0.00元")));
        QVERIFY(detail.contains(
            QStringLiteral("#退款合计：2笔，商家实收退款共-17.00元，商家优惠退款共0.00元")));
        const QStringList s = lines(QStringDecoder("GBK").decode(entries.at(1).content));
        QString total;
        for (const QString& l : s)
            if (l.startsWith(QStringLiteral("合计,")))
                total = l;
        const QStringList t = total.split(QLatin1Char(','));
        QCOMPARE(t.size(), alipayBillSummaryColumns().size());
        QCOMPARE(t.at(2), QStringLiteral("3"));
        QCOMPARE(t.at(3), QStringLiteral("2"));
        QCOMPARE(fen(t.at(5)), paid + refunded);
    }

    void injectedDifferencesShowInBills_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("drop-a-trade") << QStringLiteral("drop");
        QTest::newRow("change-an-amount") << QStringLiteral("amount");
        QTest::newRow("change-a-status") << QStringLiteral("state");
        QTest::newRow("add-an-extra-trade") << QStringLiteral("extra");
    }
    void injectedDifferencesShowInBills()
    {
        QFETCH(QString, kind);
        const QString w1 = m_no.value(QStringLiteral("W1"));
        const QString a1 = m_no.value(QStringLiteral("A1"));
        BillDifferences diff;
        if (kind == QLatin1String("drop"))
            diff.dropPayments << w1 << a1;
        else if (kind == QLatin1String("amount"))
            diff.amountFen = {{w1, 999}, {a1, 999}};
        else if (kind == QLatin1String("state"))
            diff.states = {{w1, QStringLiteral("CLOSED")}, {a1, QStringLiteral("CLOSED")}};
        else
            diff.extraPayments << BillDifferences::Extra{QStringLiteral("PAEXTRA0001"), 555, kDay};
        m_demo->setBillDifferences(diff);

        QStringList summary;
        const QList<QStringList> rows =
            wechatRows(bill(m_wechat, BillKind::All).content, 27, &summary);
        const auto line = [&](const QString& no) -> QStringList {
            for (const QStringList& r : rows)
                if (r.at(6) == no && r.at(14) == QLatin1String("0"))
                    return r;
            return {};
        };
        const QList<ZipEntry> zip = unzip(bill(m_alipay, BillKind::All).content);
        const QString alipayDetail = QStringDecoder("GBK").decode(zip.value(0).content);
        if (kind == QLatin1String("drop")) {
            QVERIFY(line(w1).isEmpty());
            QVERIFY(!alipayDetail.contains(a1));
            QCOMPARE(summary.first().toInt(), 4);
        } else if (kind == QLatin1String("amount")) {
            QCOMPARE(fen(line(w1).at(12)), 999);
            QVERIFY(alipayDetail.contains(a1 + QStringLiteral("\t,交易\t,,")));
            QVERIFY(alipayDetail.contains(QStringLiteral(",9.99,9.99,")));
        } else if (kind == QLatin1String("state")) {
            QCOMPARE(line(w1).at(9), QStringLiteral("CLOSED"));
            QCOMPARE(alipayDetail.count(a1), 2); // paid, then shown reversed
        } else {
            QCOMPARE(fen(line(QStringLiteral("PAEXTRA0001")).at(12)), 555);
            QVERIFY(alipayDetail.contains(QStringLiteral("PAEXTRA0001")));
        }
        // Whatever was injected, the summary still equals the detail.
        qint64 settled = 0;
        for (const QStringList& r : rows)
            settled += fen(r.at(12));
        QCOMPARE(fen(summary.at(1)), settled);
    }
};

QTEST_GUILESS_MAIN(tst_SandboxBills)
#include "tst_sandboxbills.moc"
