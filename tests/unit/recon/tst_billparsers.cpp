// The reconciliation bill parsers: hand-made bills in the channels' real
// formats (tests/unit/recon/data/bills, written by make_samples.py), round trips
// through the sandbox's bill writers, the zlib-backed inflate fed in every
// chunking, archives the reader must refuse (zip bombs, lying sizes, bad
// names, too many entries) and every kind of bad file refused with the line
// it is about.
#include "common/Crc32.h"
#include "recon/BillParsers.h"
#include "recon/Inflate.h"
#include "recon/ZipReader.h"
#include "sandbox/bills/AlipayBill.h"
#include "sandbox/bills/WeChatBill.h"
#include "sandbox/bills/ZipWriter.h"
#include "testsupport/TempDir.h"

#include <QStringDecoder>
#include <QStringEncoder>
#include <QtTest>

#include <zlib.h>

using namespace paydesk;

Q_DECLARE_METATYPE(paydesk::WeChatBillType)

namespace {

// 2026-01-01 00:00 China time.
constexpr qint64 kDayMs = 1'767'196'800'000;
constexpr qint64 kHourMs = 3'600'000;
const QDate kDay(2026, 1, 1);

QString kindText(BillLine::Kind k)
{
    switch (k) {
    case BillLine::Kind::Payment:
        return QStringLiteral("Payment");
    case BillLine::Kind::Refund:
        return QStringLiteral("Refund");
    case BillLine::Kind::Revoke:
        return QStringLiteral("Revoke");
    }
    return QStringLiteral("?");
}

// One line as text, so a difference shows every field side by side.
QString describe(const BillLine& l)
{
    return QStringLiteral("%1 pay=%2 trade=%3 refund=%4 channelRefund=%5 state=%6 %7 amount=%8 "
                          "fee=%9 at=%10 line=%11")
        .arg(kindText(l.kind), l.paymentNo, l.tradeNo, l.refundNo, l.channelRefundNo, l.state,
             l.currency)
        .arg(l.amountFen)
        .arg(l.feeFen)
        .arg(l.atMs)
        .arg(l.lineNo);
}

BillLine line(BillLine::Kind kind, const QString& paymentNo, const QString& tradeNo,
              const QString& refundNo, const QString& channelRefundNo, const QString& state,
              qint64 amountFen, qint64 feeFen, qint64 atMs, qint64 lineNo)
{
    BillLine l;
    l.kind = kind;
    l.paymentNo = paymentNo;
    l.tradeNo = tradeNo;
    l.refundNo = refundNo;
    l.channelRefundNo = channelRefundNo;
    l.state = state;
    l.currency = QStringLiteral("CNY");
    l.amountFen = amountFen;
    l.feeFen = feeFen;
    l.atMs = atMs;
    l.lineNo = lineNo;
    return l;
}

QString totalsText(const BillTotals& t)
{
    return QStringLiteral("lines=%1 payments=%2 refunds=%3 paid=%4 refunded=%5 fee=%6")
        .arg(t.lines)
        .arg(t.payments)
        .arg(t.refunds)
        .arg(t.paidFen)
        .arg(t.refundedFen)
        .arg(t.feeFen);
}

BillTotals totalsOf(const QList<BillLine>& lines)
{
    BillTotals t;
    for (const BillLine& l : lines) {
        ++t.lines;
        if (l.kind == BillLine::Kind::Payment) {
            ++t.payments;
            t.paidFen += l.amountFen;
        } else {
            ++t.refunds;
            t.refundedFen += l.amountFen;
        }
        t.feeFen += l.feeFen;
    }
    return t;
}

QStringList described(const QList<BillLine>& lines)
{
    QStringList out;
    for (const BillLine& l : lines)
        out << describe(l);
    return out;
}

template <typename Parse>
BillParseResult parseAll(Parse parse, const QString& path, QList<BillLine>* lines)
{
    return parse(path, [lines](const BillLine& l) {
        lines->append(l);
        return true;
    });
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

void writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
}

QString sample(const char* name)
{
    return QFINDTESTDATA(QStringLiteral("data/bills/") + QLatin1String(name));
}

// The sandbox's bill entries for one day: a payment, a payment revoked
// after it was paid (and the revoke), a payment refunded in part.
QList<SandboxAcquirer::BillEntry> sandboxEntries()
{
    QList<SandboxAcquirer::BillEntry> out;
    auto payment = [&](const QString& no, const QString& trade, const QString& state, qint64 fen,
                       qint64 atMs) {
        SandboxAcquirer::BillEntry e;
        e.paymentNo = no;
        e.tradeNo = trade;
        e.tradeState = state;
        e.amountFen = fen;
        e.currency = QStringLiteral("CNY");
        e.createdAtMs = atMs - 2000;
        e.atMs = atMs;
        out << e;
        return e;
    };
    auto refund = [&](SandboxAcquirer::BillEntry e, bool revoke, const QString& refundNo,
                      const QString& refundId, qint64 fen, qint64 atMs) {
        e.refund = true;
        e.revoke = revoke;
        e.refundNo = refundNo;
        e.refundId = refundId;
        e.refundFen = fen;
        e.refundState = QStringLiteral("SUCCESS");
        e.atMs = atMs;
        out << e;
    };
    payment(QStringLiteral("PA20260101001"), QStringLiteral("4200000001202601010000000101"),
            QStringLiteral("SUCCESS"), 1234, kDayMs + 10 * kHourMs);
    const auto revoked =
        payment(QStringLiteral("PA20260101002"), QStringLiteral("4200000001202601010000000102"),
                QStringLiteral("REVOKED"), 500, kDayMs + 11 * kHourMs);
    refund(revoked, true, QStringLiteral("PA20260101002"),
           QStringLiteral("50300000012026010100000102"), 500, kDayMs + 11 * kHourMs + 30'000);
    const auto refunded =
        payment(QStringLiteral("PA20260101003"), QStringLiteral("4200000001202601010000000103"),
                QStringLiteral("REFUND"), 2001, kDayMs + 12 * kHourMs);
    refund(refunded, false, QStringLiteral("RF20260101003"),
           QStringLiteral("50300000012026010100000103"), 825, kDayMs + 13 * kHourMs);
    return out;
}

// The text largePlain() in make_samples.py builds: words picked by a
// 32-bit LCG, back-references at every distance, a literal now and then.
QByteArray largePlain(qsizetype size)
{
    const QList<QByteArray> words = {"alipay",  "wechat",     "bill", "line", "fen",  "refund",
                                     "payment", "2026-01-01", "\r\n", ",",    "0.00", "PayDesk"};
    QByteArray out;
    quint32 x = 12345;
    while (out.size() < size) {
        x = x * 1103515245u + 12345u;
        out += words.at(int((x >> 16) % quint32(words.size())));
        if (((x >> 8) & 0xFF) == 7)
            out += char((x >> 24) & 0xFF);
    }
    return out.left(size);
}

QByteArray dynamicPlain()
{
    QByteArray out;
    for (int i = 0; i < 12; ++i)
        out += QString::asprintf("line %d: payment PA%05d paid %d.%02d yuan\r\n", i, i * 7,
                                 i * 13 % 100, i * 31 % 100)
                   .toLatin1();
    return out;
}

// Feeds `in` in chunks of `inChunk` with `outCap` bytes of room per call.
QByteArray inflateAll(const QByteArray& in, qsizetype inChunk, qsizetype outCap, QString* error)
{
    Inflater inflater;
    QByteArray out;
    QByteArray buf(outCap, '\0');
    qsizetype pos = 0;
    for (int guard = 0; guard < 10'000'000; ++guard) {
        const QByteArrayView chunk =
            QByteArrayView(in).sliced(pos, std::min(inChunk, in.size() - pos));
        qsizetype used = 0, made = 0;
        const Inflater::Status s = inflater.inflate(chunk, &used, buf.data(), outCap, &made);
        pos += used;
        out += QByteArrayView(buf.constData(), made);
        switch (s) {
        case Inflater::Status::Finished:
            return out;
        case Inflater::Status::Failed:
            *error = inflater.error();
            return out;
        case Inflater::Status::NeedInput:
            if (pos == in.size()) {
                *error = QStringLiteral("the stream ends early");
                return out;
            }
            break;
        case Inflater::Status::OutputFull:
            break;
        }
    }
    *error = QStringLiteral("no progress");
    return out;
}

QList<QByteArray> crlfLines(const QByteArray& text)
{
    QList<QByteArray> lines = text.split('\n');
    for (QByteArray& l : lines)
        if (l.endsWith('\r'))
            l.chop(1);
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

QByteArray crlfJoin(const QList<QByteArray>& lines)
{
    QByteArray out;
    for (const QByteArray& l : lines)
        out += l + "\r\n";
    return out;
}

// The sample WeChat bill with line `no` (1-based) edited.
QByteArray editedWeChat(int no, const QByteArray& from, const QByteArray& to)
{
    QList<QByteArray> lines = crlfLines(readFile(sample("wechat_all.csv")));
    const qsizetype at = lines[no - 1].indexOf(from);
    if (at < 0)
        qFatal("'%s' not on line %d", from.constData(), no);
    lines[no - 1].replace(at, from.size(), to);
    return crlfJoin(lines);
}

struct AlipayTexts
{
    QString detail; // Unicode, edited by the rows, written as GBK
    QString summary;
    QString detailName, summaryName;
};

AlipayTexts alipayTexts()
{
    QString error;
    const AlipayBillFiles f =
        alipayBill(sandboxEntries(), kDay, QStringLiteral("20881234567890120156"),
                   kDayMs + 33 * kHourMs, &error);
    if (f.zip.isEmpty())
        qFatal("alipayBill: %s", qPrintable(error));
    QStringDecoder gbk("GBK");
    AlipayTexts t;
    t.detail = gbk.decode(f.detail);
    t.summary = gbk.decode(f.summary);
    t.detailName = f.detailName;
    t.summaryName = f.summaryName;
    return t;
}

QString editedLine(const QString& text, int no, const QString& from, const QString& to)
{
    QStringList lines = text.split(QStringLiteral("\r\n"));
    if (!lines[no - 1].contains(from))
        qFatal("'%s' not on line %d", qPrintable(from), no);
    lines[no - 1].replace(lines[no - 1].indexOf(from), from.size(), to);
    return lines.join(QStringLiteral("\r\n"));
}

QByteArray gbk(const QString& s)
{
    QStringEncoder e("GBK");
    return e.encode(s);
}

QByteArray alipayZip(const AlipayTexts& t)
{
    ZipWriter zip;
    zip.add(gbk(t.detailName), gbk(t.detail));
    zip.add(gbk(t.summaryName), gbk(t.summary));
    return zip.finish();
}

// One entry of a hand-made archive: every field the reader checks can be
// set wrong on its own.
struct RawZipEntry
{
    QByteArray name;
    QByteArray data; // as it lies in the archive: deflated when method is 8
    quint16 method = 8;
    quint16 flags = 1 << 11; // UTF-8 name
    quint32 crc = 0;
    quint32 compressedSize = 0;
    quint32 size = 0;
};

// Raw DEFLATE from zlib's compress2(): its output less the 2-byte zlib
// header and the 4-byte Adler-32 trailer.
QByteArray rawDeflate(const QByteArray& plain)
{
    uLongf len = compressBound(uLong(plain.size()));
    QByteArray out(qsizetype(len), '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &len,
                  reinterpret_cast<const Bytef*>(plain.constData()), uLong(plain.size()),
                  Z_BEST_COMPRESSION) != Z_OK)
        qFatal("compress2 failed");
    return out.mid(2, qsizetype(len) - 6);
}

RawZipEntry deflatedEntry(const QString& name, const QByteArray& plain)
{
    RawZipEntry e;
    e.name = name.toUtf8();
    e.data = rawDeflate(plain);
    e.crc = Crc32::of(plain);
    e.compressedSize = quint32(e.data.size());
    e.size = quint32(plain.size());
    return e;
}

// Writes the entries as they are, wrong fields and all.
QByteArray rawZip(const QList<RawZipEntry>& entries)
{
    auto le16 = [](QByteArray& out, quint32 v) {
        out.append(char(v & 0xff));
        out.append(char((v >> 8) & 0xff));
    };
    auto le32 = [&](QByteArray& out, quint32 v) {
        le16(out, v & 0xffff);
        le16(out, v >> 16);
    };
    // Fields from "version" to "name length", the same in both headers.
    auto common = [&](QByteArray& out, const RawZipEntry& e) {
        le16(out, 20);
        le16(out, e.flags);
        le16(out, e.method);
        le32(out, 0x00210000); // 1980-01-01 00:00
        le32(out, e.crc);
        le32(out, e.compressedSize);
        le32(out, e.size);
        le16(out, quint32(e.name.size()));
        le16(out, 0);
    };
    QByteArray out;
    QList<quint32> offsets;
    for (const RawZipEntry& e : entries) {
        offsets << quint32(out.size());
        le32(out, 0x04034b50);
        common(out, e);
        out += e.name + e.data;
    }
    const quint32 directoryAt = quint32(out.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        le32(out, 0x02014b50);
        le16(out, 20);
        common(out, entries[i]);
        le16(out, 0); // comment
        le16(out, 0); // disk
        le16(out, 0); // internal attributes
        le32(out, 0); // external attributes
        le32(out, offsets[i]);
        out += entries[i].name;
    }
    const quint32 directorySize = quint32(out.size()) - directoryAt;
    le32(out, 0x06054b50);
    le32(out, 0); // disks
    le16(out, quint32(entries.size()));
    le16(out, quint32(entries.size()));
    le32(out, directorySize);
    le32(out, directoryAt);
    le16(out, 0);
    return out;
}

} // namespace

class tst_BillParsers : public QObject
{
    Q_OBJECT

private slots:
    void wechatSample();
    void alipaySample();
    void wechatRoundTrip_data();
    void wechatRoundTrip();
    void alipayRoundTrip_data();
    void alipayRoundTrip();
    void inflate_data();
    void inflate();
    void inflateCorrupt_data();
    void inflateCorrupt();
    void zipEntries();
    void zipLimits_data();
    void zipLimits();
    void badWeChat_data();
    void badWeChat();
    void badAlipay_data();
    void badAlipay();
    void handlerStops_data();
    void handlerStops();
    void manyLinesParseExactly();

private:
    test::TempDataDir m_dir;
};

void tst_BillParsers::wechatSample()
{
    QList<BillLine> lines;
    const BillParseResult r = parseAll(parseWeChatBillFile, sample("wechat_all.csv"), &lines);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(!r.stopped);
    QCOMPARE(r.merchant, QStringLiteral("1900000109"));
    const QString t1 = QStringLiteral("4200000001202601010000000001");
    const QString t2 = QStringLiteral("4200000001202601010000000002");
    const QString t3 = QStringLiteral("4200000001202601010000000003");
    using K = BillLine::Kind;
    const QList<BillLine> want = {
        // 0.07404 yuan of fee: 7.404 fen -> 7
        line(K::Payment, QStringLiteral("PA001"), t1, {}, {}, QStringLiteral("SUCCESS"), 1234, 7,
             1'767'232'805'000, 2),
        line(K::Payment, QStringLiteral("PA002"), t2, {}, {}, QStringLiteral("REVOKED"), 500, 3,
             1'767'233'100'000, 3),
        line(K::Revoke, QStringLiteral("PA002"), t2, QStringLiteral("PA002"),
             QStringLiteral("50300000012026010100000002"), QStringLiteral("REVOKED"), 500, -3,
             1'767'233'130'000, 4),
        line(K::Payment, QStringLiteral("PA003"), t3, {}, {}, QStringLiteral("SUCCESS"), 2000, 12,
             1'767'236'400'000, 5),
        // -0.04950 yuan: -4.95 fen, half away from zero -> -5
        line(K::Refund, QStringLiteral("PA003"), t3, QStringLiteral("RF003"),
             QStringLiteral("50300000012026010100000003"), QStringLiteral("REFUND"), 825, -5,
             1'767'240'000'000, 6),
    };
    QCOMPARE(described(lines), described(want));
    QCOMPARE(totalsText(r.totals),
             QStringLiteral("lines=5 payments=3 refunds=2 paid=3734 refunded=1325 fee=14"));
}

void tst_BillParsers::alipaySample()
{
    QList<BillLine> lines;
    const BillParseResult r = parseAll(parseAlipayBillFile, sample("alipay_trade.csv.zip"), &lines);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.merchant, QStringLiteral("20881234567890120156"));
    const QString t1 = QStringLiteral("2026010122001400001000000001");
    const QString t2 = QStringLiteral("2026010122001400001000000002");
    const QString t3 = QStringLiteral("2026010122001400001000000003");
    const QString ok = QStringLiteral("SUCCESS"), back = QStringLiteral("REFUND");
    using K = BillLine::Kind;
    const QList<BillLine> want = {
        line(K::Payment, QStringLiteral("PB001"), t1, {}, {}, ok, 1234, 7, kDayMs + 36'005'000, 6),
        line(K::Payment, QStringLiteral("PB002"), t2, {}, {}, ok, 3000, 18, kDayMs + 37'802'000, 7),
        line(K::Payment, QStringLiteral("PB003"), t3, {}, {}, ok, 800, 5, kDayMs + 39'601'000, 8),
        line(K::Refund, QStringLiteral("PB002"), t2, QStringLiteral("RF002"), {}, back, 1000, -6,
             kDayMs + 14 * kHourMs, 9),
        // the cancel: its batch number is the trade number
        line(K::Revoke, QStringLiteral("PB003"), t3, t3, {}, back, 800, -5, kDayMs + 39'630'000,
             10),
    };
    QCOMPARE(described(lines), described(want));
    QCOMPARE(totalsText(r.totals),
             QStringLiteral("lines=5 payments=3 refunds=2 paid=5034 refunded=1800 fee=19"));
}

void tst_BillParsers::wechatRoundTrip_data()
{
    QTest::addColumn<WeChatBillType>("type");
    QTest::newRow("ALL") << WeChatBillType::All;
    QTest::newRow("SUCCESS") << WeChatBillType::Success;
    QTest::newRow("REFUND") << WeChatBillType::Refund;
}

void tst_BillParsers::wechatRoundTrip()
{
    QFETCH(WeChatBillType, type);
    const WeChatBillAccount account{QStringLiteral("wx2421b1c4370ec43b"),
                                    QStringLiteral("1900000109")};
    const QByteArray bill = wechatBill(sandboxEntries(), type, account);
    const QString path = m_dir.file(QStringLiteral("wechat_roundtrip.csv"));
    writeFile(path, bill);

    QList<BillLine> want;
    qint64 no = 1;
    for (const SandboxAcquirer::BillEntry& e : sandboxEntries()) {
        if ((type == WeChatBillType::Success && e.refund) ||
            (type == WeChatBillType::Refund && !e.refund))
            continue;
        // The writer bills 0.6 % in 10^-5 yuan (fen * 6); the parser rounds
        // that to the fen half away from zero.
        const qint64 fen = e.refund ? e.refundFen : e.amountFen;
        const qint64 fee = (fen * 6 + 500) / 1000;
        if (e.refund)
            want << line(e.revoke ? BillLine::Kind::Revoke : BillLine::Kind::Refund, e.paymentNo,
                         e.tradeNo, e.refundNo, e.refundId,
                         e.revoke ? QStringLiteral("REVOKED") : QStringLiteral("REFUND"), fen, -fee,
                         e.atMs, ++no);
        else
            want << line(BillLine::Kind::Payment, e.paymentNo, e.tradeNo, {}, {},
                         e.tradeState == QLatin1String("REVOKED") ? QStringLiteral("REVOKED")
                                                                  : QStringLiteral("SUCCESS"),
                         fen, fee, e.atMs, ++no);
    }
    QList<BillLine> lines;
    const BillParseResult r = parseAll(parseWeChatBillFile, path, &lines);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.merchant, account.mchId);
    QCOMPARE(described(lines), described(want));
    QCOMPARE(totalsText(r.totals), totalsText(totalsOf(want)));
}

void tst_BillParsers::alipayRoundTrip_data()
{
    QTest::addColumn<bool>("zipped");
    QTest::newRow("zip") << true;
    QTest::newRow("bare detail csv") << false;
}

void tst_BillParsers::alipayRoundTrip()
{
    QFETCH(bool, zipped);
    QString error;
    const QString account = QStringLiteral("20881234567890120156");
    const AlipayBillFiles f =
        alipayBill(sandboxEntries(), kDay, account, kDayMs + 33 * kHourMs, &error);
    QVERIFY2(!f.zip.isEmpty(), qPrintable(error));
    const QString path = m_dir.file(zipped ? QStringLiteral("alipay.csv.zip")
                                           : QStringLiteral("alipay_业务明细.csv"));
    writeFile(path, zipped ? f.zip : f.detail);

    QList<BillLine> want;
    qint64 no = 5; // four '#' lines and the header come first
    for (const SandboxAcquirer::BillEntry& e : sandboxEntries()) {
        const qint64 fen = e.refund ? e.refundFen : e.amountFen;
        const qint64 fee = -alipayServiceFeeFen(fen); // what the merchant pays
        if (e.refund)
            want << line(e.revoke ? BillLine::Kind::Revoke : BillLine::Kind::Refund, e.paymentNo,
                         e.tradeNo, e.revoke ? e.tradeNo : e.refundNo, {}, QStringLiteral("REFUND"),
                         fen, -fee, e.atMs, ++no);
        else
            want << line(BillLine::Kind::Payment, e.paymentNo, e.tradeNo, {}, {},
                         QStringLiteral("SUCCESS"), fen, fee, e.atMs, ++no);
    }
    QList<BillLine> lines;
    const BillParseResult r = parseAll(parseAlipayBillFile, path, &lines);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.merchant, account);
    QCOMPARE(described(lines), described(want));
    QCOMPARE(totalsText(r.totals), totalsText(totalsOf(want)));
}

void tst_BillParsers::inflate_data()
{
    QTest::addColumn<QByteArray>("compressed");
    QTest::addColumn<QByteArray>("plain");
    QTest::addColumn<int>("inChunk");
    QTest::addColumn<int>("outCap");

    struct Vector
    {
        const char* name;
        QByteArray compressed, plain;
    };
    const QList<Vector> vectors = {
        {"stored",
         QByteArray("\x01\x05\x00\xfa\xff"
                    "hello",
                    10),
         "hello"},
        // two stored blocks (65535 + 4465 bytes), from zlib level 0
        {"stored 70000", readFile(sample("large_stored.deflate")), largePlain(70000)},
        // zlib.compress(b"abc") without its zlib wrapper
        {"fixed abc", QByteArray::fromHex("4b4c4a0600"), "abc"},
        // Z_FIXED: a back-reference in a fixed block
        {"fixed repeat", QByteArray::fromHex("cb48cdc9c957c840277514d2322b5253149272f293b31501"),
         "hello hello hello hello, fixed block!"},
        {"dynamic",
         QByteArray::fromHex(
             "5dd1310ec3300840d1bd52efe0132063c0d8dd7a835e215233444aa30eed90db3711a9446002e94dfc79"
             "5ac6946fe93dacaf71f9a4c73defb3ddd33365d8b6f53b2cd7cbbc3b8c4ecd2101a18725406483a5422d"
             "1e5280050d52874e1e7284cda01428eca1044862b00a88785803e462501bb4eaa146d80d7604540f5b80"
             "520d3270f3ae0757e978a382f6d3bf63183dc250063c978969f448c304fc4ff303"),
         dynamicPlain()},
        // 300,000 bytes: many dynamic blocks, distances up to the 32 KiB window
        {"dynamic 300000", readFile(sample("large.deflate")), largePlain(300000)},
    };
    const QList<QPair<int, int>> feeds = {{1, 1}, {7, 100}, {4096, 65536}, {1 << 20, 1 << 20}};
    for (const Vector& v : vectors)
        for (const auto& [in, out] : feeds) {
            // Byte by byte over 300 KB adds nothing the smaller vectors do not cover.
            if (v.plain.size() > 100'000 && in == 1 && out == 1)
                continue;
            QTest::addRow("%s, input by %d, output by %d", v.name, in, out)
                << v.compressed << v.plain << in << out;
        }
}

void tst_BillParsers::inflate()
{
    QFETCH(QByteArray, compressed);
    QFETCH(QByteArray, plain);
    QFETCH(int, inChunk);
    QFETCH(int, outCap);
    QString error;
    const QByteArray out = inflateAll(compressed, inChunk, outCap, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(out.size(), plain.size());
    QVERIFY(out == plain);
}

void tst_BillParsers::inflateCorrupt_data()
{
    QTest::addColumn<QByteArray>("compressed");
    QTest::addColumn<QString>("error");
    QTest::newRow("reserved block type") << QByteArray("\x07", 1) << QStringLiteral("block type 3");
    QTest::newRow("stored length check")
        << QByteArray("\x01\x05\x00\x00\x00hello", 10) << QStringLiteral("complement");
    // a fixed block starting with <length 3, distance 1>: nothing to copy
    QTest::newRow("distance before the start")
        << QByteArray("\x03\x02\x00", 3) << QStringLiteral("before the start");
    QTest::newRow("cut short") << readFile(sample("large.deflate")).left(20000)
                               << QStringLiteral("ends early");
    QByteArray damaged = QByteArray::fromHex(
        "5dd1310ec3300840d1bd52efe0132063c0d8dd7a835e215233444aa30eed90db3711a9446002e94dfc79");
    damaged[2] = char(0xff); // the code-length code lengths
    QTest::newRow("damaged dynamic header") << damaged << QStringLiteral("corrupt deflate data");
}

void tst_BillParsers::inflateCorrupt()
{
    QFETCH(QByteArray, compressed);
    QFETCH(QString, error);
    for (int chunk : {1, 4096}) {
        QString got;
        inflateAll(compressed, chunk, 4096, &got);
        QVERIFY2(got.contains(error), qPrintable(got));
    }
}

void tst_BillParsers::zipEntries()
{
    // Names are GBK without the UTF-8 flag; both entries are deflated.
    ZipReader zip;
    QString error;
    QVERIFY2(zip.open(sample("alipay_trade.csv.zip"), &error), qPrintable(error));
    QCOMPARE(zip.entries().size(), 2);
    QStringDecoder decoder("GBK");
    const ZipEntry& detail = zip.entries().at(0);
    QVERIFY(!detail.utf8Name);
    QCOMPARE(detail.method, quint16(8));
    QCOMPARE(QString(decoder.decode(detail.rawName)),
             QStringLiteral("20881234567890120156_20260101_业务明细.csv"));
    auto reader = zip.openEntry(detail, QStringLiteral("detail"), &error);
    QVERIFY2(reader, qPrintable(error));
    QByteArray content;
    char buf[100];
    qsizetype got = 0;
    while ((got = reader->read(buf, sizeof buf)) > 0)
        content.append(buf, got);
    QCOMPARE(got, qsizetype(0));
    QCOMPARE(quint64(content.size()), detail.size);
    QVERIFY(content.startsWith(gbk(QStringLiteral("#支付宝业务明细查询\r\n"))));

    // A damaged CRC in the directory: the data no longer matches it.
    QByteArray bytes = readFile(sample("alipay_trade.csv.zip"));
    const qsizetype dir = bytes.indexOf(QByteArray("PK\x01\x02", 4));
    bytes[dir + 16] = char(bytes[dir + 16] ^ 0x01);
    const QString badCrc = m_dir.file(QStringLiteral("bad_crc.zip"));
    writeFile(badCrc, bytes);
    ZipReader zip2;
    QVERIFY2(zip2.open(badCrc, &error), qPrintable(error));
    reader = zip2.openEntry(zip2.entries().at(0), QStringLiteral("detail"), &error);
    QVERIFY(reader);
    while ((got = reader->read(buf, sizeof buf)) > 0) {
    }
    QCOMPARE(got, qsizetype(-1));
    QVERIFY2(reader->error().contains(QStringLiteral("CRC-32 mismatch")),
             qPrintable(reader->error()));
    const BillParseResult r = parseAlipayBillFile(badCrc, {});
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QStringLiteral("CRC-32 mismatch")), qPrintable(r.error));
}

void tst_BillParsers::zipLimits_data()
{
    QTest::addColumn<QByteArray>("zip");
    QTest::addColumn<QString>("error"); // empty: the archive is read in full

    // The sandbox's detail file: the importer reads it to its end, so a
    // fault found only there (size, CRC) reaches the importer too.
    const QString detail = QStringLiteral("20260101_业务明细.csv");
    const QByteArray text = gbk(alipayTexts().detail);
    const RawZipEntry good = deflatedEntry(detail, text);
    auto one = [](const RawZipEntry& e) { return rawZip({e}); };
    auto named = [&](const QByteArray& name) {
        RawZipEntry e = good;
        e.name = name;
        return rawZip({e});
    };

    QTest::newRow("a good entry") << one(good) << QString();
    RawZipEntry stored = good;
    stored.method = 0;
    stored.data = text;
    stored.compressedSize = stored.size;
    QTest::newRow("a stored entry") << one(stored) << QString();
    RawZipEntry storedLonger = stored;
    storedLonger.size -= 10; // the data runs on past the declared size
    QTest::newRow("stored entry longer than declared")
        << one(storedLonger)
        << detail + QStringLiteral(": more data than the directory says (%1 bytes)")
                        .arg(storedLonger.size);

    // Zeros pack about 1000:1, as deep as DEFLATE goes.
    const QByteArray zeros(20 * 1024 * 1024, '\0');
    QTest::newRow("zip bomb: 20 MiB of zeros at ~1000:1")
        << one(deflatedEntry(detail, zeros))
        << detail + QStringLiteral(": 20971520 bytes packed into");
    QTest::newRow("1 MiB of zeros: small enough for any ratio")
        << one(deflatedEntry(detail, zeros.left(qsizetype(ZipReader::kRatioFloor)))) << QString();
    RawZipEntry lies = deflatedEntry(detail, zeros);
    lies.size = 4096; // the ratio then looks harmless
    QTest::newRow("zip bomb behind a declared size that lies")
        << one(lies) << detail + QStringLiteral(": more data than the directory says");
    RawZipEntry longer = good;
    longer.size += 1000;
    QTest::newRow("declared size larger than the data")
        << one(longer)
        << detail + QStringLiteral(": %1 bytes unpacked, the directory says %2")
                        .arg(text.size())
                        .arg(text.size() + 1000);
    RawZipEntry cut = good;
    cut.data = cut.data.left(cut.data.size() / 2);
    cut.compressedSize = quint32(cut.data.size());
    QTest::newRow("truncated deflate stream")
        << one(cut) << detail + QStringLiteral(": the deflate data ends before its final block");
    RawZipEntry past = good;
    past.compressedSize += 100'000;
    QTest::newRow("compressed size past the end of the file")
        << one(past) << detail + QStringLiteral(": the entry's data is cut short");
    RawZipEntry badCrc = good;
    badCrc.crc ^= 1;
    QTest::newRow("bad CRC") << one(badCrc) << detail + QStringLiteral(": CRC-32 mismatch");
    RawZipEntry garbage = good;
    garbage.data = QByteArray("\x07\x00\x00\x00", 4);
    garbage.compressedSize = 4;
    QTest::newRow("corrupt deflate data")
        << one(garbage) << detail + QStringLiteral(": corrupt deflate data: block type 3");
    RawZipEntry encrypted = good;
    encrypted.flags |= 1;
    QTest::newRow("encrypted entry")
        << one(encrypted) << detail + QStringLiteral(": the entry is encrypted");
    RawZipEntry bzip2 = good;
    bzip2.method = 12;
    QTest::newRow("bzip2 entry") << one(bzip2)
                                 << detail + QStringLiteral(": compression method 12");
    RawZipEntry zip64 = good;
    zip64.size = 0xFFFFFFFFu;
    QTest::newRow("ZIP64 size") << one(zip64) << QStringLiteral("ZIP64 entries are not supported");

    QTest::newRow("path with '..'")
        << named(QByteArray("../") + detail.toUtf8())
        << QStringLiteral("entry 1 \"../%1\" has a '..' in its path").arg(detail);
    QTest::newRow("path with '..' between backslashes")
        << named(QByteArray("bills\\..\\..\\") + detail.toUtf8())
        << QStringLiteral("has a '..' in its path");
    QTest::newRow("absolute path")
        << named(QByteArray("/tmp/") + detail.toUtf8()) << QStringLiteral("has an absolute path");
    QTest::newRow("drive letter") << named(QByteArray("C:") + detail.toUtf8())
                                  << QStringLiteral("has an absolute path");
    QTest::newRow("NUL in the name")
        << named(QByteArray("x.csv\0", 6) + detail.toUtf8())
        << QStringLiteral("entry 1 \"x.csv\\x00%1\" has a NUL byte in its name").arg(detail);
    QTest::newRow("name too long")
        << named(QByteArray(ZipReader::kMaxNameBytes, 'x') + detail.toUtf8())
        << QStringLiteral("has a name of %1 bytes (at most %2)")
               .arg(ZipReader::kMaxNameBytes + detail.toUtf8().size())
               .arg(ZipReader::kMaxNameBytes);
    QTest::newRow("dots in a name are not '..'")
        << named(QByteArray("..a..") + detail.toUtf8()) << QString();

    QList<RawZipEntry> many;
    for (int i = 0; i < ZipReader::kMaxEntries; ++i) {
        RawZipEntry e = deflatedEntry(QStringLiteral("%1.txt").arg(i), "x");
        many << e;
    }
    many.first() = good;
    QTest::newRow("entries at the limit") << rawZip(many) << QString();
    many << deflatedEntry(QStringLiteral("one too many.txt"), "x");
    QTest::newRow("too many entries")
        << rawZip(many)
        << QStringLiteral("the archive lists %1 entries; a bill archive has at most %2")
               .arg(ZipReader::kMaxEntries + 1)
               .arg(ZipReader::kMaxEntries);
}

void tst_BillParsers::zipLimits()
{
    QFETCH(QByteArray, zip);
    QFETCH(QString, error);
    const QString path = m_dir.file(QStringLiteral("limits.zip"));
    writeFile(path, zip);

    // The reader alone: open, then every entry to its checked end.
    QString got;
    ZipReader reader;
    if (reader.open(path, &got)) {
        QByteArray buf(64 * 1024, '\0');
        for (const ZipEntry& e : reader.entries()) {
            auto entry = reader.openEntry(e, QString::fromUtf8(e.rawName), &got);
            if (!entry)
                break;
            qsizetype n = 0;
            while ((n = entry->read(buf.data(), buf.size())) > 0) {
            }
            if (n < 0) {
                got = entry->error();
                break;
            }
        }
    }
    if (error.isEmpty()) {
        QVERIFY2(got.isEmpty(), qPrintable(got));
        return;
    }
    QVERIFY2(got.contains(error), qPrintable(got));
    QVERIFY2(got.startsWith(QStringLiteral("limits.zip: ")), qPrintable(got));

    // The importer: the same refusal reaches whoever imports the bill.
    const BillParseResult r = parseAlipayBillFile(path, {});
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(error), qPrintable(r.error));
}

void tst_BillParsers::badWeChat_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("error");
    QTest::addColumn<qint64>("errorLine");

    QTest::newRow("empty file") << QByteArray() << QStringLiteral("the WeChat bill is empty")
                                << qint64(0);
    QTest::newRow("invalid UTF-8") << editedWeChat(2, "咖啡", "\xff\xfe")
                                   << QStringLiteral("line 2: not valid UTF-8") << qint64(2);
    QByteArray cut = crlfJoin(crlfLines(readFile(sample("wechat_all.csv"))).mid(0, 6));
    QTest::newRow("truncated: no summary")
        << cut << QStringLiteral("line 6: the bill ends here without its summary") << qint64(6);
    QTest::newRow("summary does not match")
        << editedWeChat(8, "`37.34", "`37.35")
        << QStringLiteral("line 8: summary says 5 lines / 37.35 yuan paid, 13.25 yuan refunded, "
                          "0.14454 yuan fees; the lines add up to 5 lines / 37.34 yuan paid")
        << qint64(8);
    QTest::newRow("summary count does not match")
        << editedWeChat(8, "`5,", "`4,") << QStringLiteral("line 8: summary says 4 lines")
        << qint64(8);
    QTest::newRow("summary fee off by 0.00001") << editedWeChat(8, "`0.14454", "`0.14455")
                                                << QStringLiteral("0.14455 yuan fees") << qint64(8);
    QTest::newRow("unknown column")
        << editedWeChat(1, "费率备注", "费率说明")
        << QStringLiteral("line 1: unknown column \"费率说明\"") << qint64(1);
    QTest::newRow("missing column")
        << editedWeChat(1, ",商户号,", ",")
        << QStringLiteral("line 1: the header has no column \"商户号\"") << qint64(1);
    QTest::newRow("value without a backtick")
        << editedWeChat(3, "`MICROPAY", "MICROPAY")
        << QStringLiteral("line 3: value 9 (\"MICROPAY\") does not start with a backtick")
        << qint64(3);
    QTest::newRow("wrong field count")
        << editedWeChat(5, ",`POS-02", "") << QStringLiteral("line 5: 26 fields; the header has 27")
        << qint64(5);
    QTest::newRow("second merchant")
        << editedWeChat(4, "`1900000109", "`1900000110")
        << QStringLiteral("line 4: merchant 1900000110, but the bill is for merchant 1900000109")
        << qint64(4);
    QTest::newRow("amount 12.3.4") << editedWeChat(2, "`12.34", "`12.3.4")
                                   << QStringLiteral("line 2: 应结订单金额 \"12.3.4\" is not an "
                                                     "amount")
                                   << qint64(2);
    QTest::newRow("amount abc") << editedWeChat(6, "`8.25", "`abc")
                                << QStringLiteral("line 6: 退款金额 \"abc\" is not an amount")
                                << qint64(6);
    QTest::newRow("fee with six decimals")
        << editedWeChat(2, "`0.07404", "`0.074040")
        << QStringLiteral("line 2: 手续费 \"0.074040\" is not an amount") << qint64(2);
    QTest::newRow("bad time") << editedWeChat(2, "2026-01-01 10:00:05", "2026-02-30 10:00:05")
                              << QStringLiteral("line 2: time \"2026-02-30 10:00:05\"")
                              << qint64(2);
    QTest::newRow("error answer") << QByteArray(
                                         "<xml><return_code><![CDATA[FAIL]]></return_code></xml>")
                                  << QStringLiteral("line 1: the file is a WeChat error answer")
                                  << qint64(1);
    QTest::newRow("text after the summary")
        << readFile(sample("wechat_all.csv")) + "more\r\n"
        << QStringLiteral("line 9: text after the summary line") << qint64(9);

    // Regression: these were matched as paid CNY payments with no difference.
    QTest::newRow("regression: state XYZ")
        << editedWeChat(2, "`SUCCESS", "`XYZ")
        << QStringLiteral("line 2: unknown 交易状态 \"XYZ\" (WeChat's trade bills use SUCCESS, "
                          "REFUND and REVOKED)")
        << qint64(2);
    QTest::newRow("regression: state CLOSED")
        << editedWeChat(2, "`SUCCESS", "`CLOSED")
        << QStringLiteral("line 2: 交易状态 \"CLOSED\" is a trade that was never paid")
        << qint64(2);
    QTest::newRow("regression: state NOTPAY")
        << editedWeChat(5, "`SUCCESS", "`NOTPAY")
        << QStringLiteral("line 5: 交易状态 \"NOTPAY\" is a trade that was never paid")
        << qint64(5);
    QTest::newRow("regression: empty state")
        << editedWeChat(2, "`SUCCESS", "`") << QStringLiteral("line 2: 交易状态 is empty")
        << qint64(2);
    QTest::newRow("regression: refund line says SUCCESS")
        << editedWeChat(6, "`REFUND", "`SUCCESS")
        << QStringLiteral("line 6: a refund line whose 交易状态 is SUCCESS") << qint64(6);
    QTest::newRow("regression: currency USD")
        << editedWeChat(2, "`CNY", "`USD")
        << QStringLiteral("line 2: 货币种类 \"USD\": PayDesk reconciles CNY bills only")
        << qint64(2);
    QTest::newRow("regression: empty currency")
        << editedWeChat(2, "`CNY", "`") << QStringLiteral("line 2: 货币种类 is empty") << qint64(2);
    QTest::newRow("regression: coupon above the order")
        << editedWeChat(2, "`12.34,`0.00,", "`12.34,`12.35,")
        << QStringLiteral("line 2: 代金券金额 12.35 is more than the line's 订单金额 12.34")
        << qint64(2);
    QTest::newRow("regression: negative coupon")
        << editedWeChat(2, "`12.34,`0.00,", "`12.34,`-0.01,")
        << QStringLiteral("line 2: 代金券金额 -0.01 is negative") << qint64(2);
    QTest::newRow("regression: amount above the ceiling")
        << editedWeChat(2, "`12.34,`0.00,", "`1000000000.01,`0.00,")
        << QStringLiteral("line 2: 应结订单金额 \"1000000000.01\" is above PayDesk's ceiling of "
                          "1000000000.00 yuan")
        << qint64(2);
    QTest::newRow("regression: refund above the ceiling")
        << editedWeChat(6, "`8.25", "`999999999999.00")
        << QStringLiteral("line 6: 退款金额 \"999999999999.00\" is above") << qint64(6);
    QTest::newRow("regression: fee above the ceiling")
        << editedWeChat(2, "`0.07404", "`1000000000.00001")
        << QStringLiteral("line 2: 手续费 \"1000000000.00001\" is above") << qint64(2);
    // Found by tests/fuzz (fuzz_amount): 15 digits at 5 decimals overflowed
    // int64 (undefined behaviour), here wrapping 2^64 units to a fee of 0.
    // Found while writing fuzz_wechat_bill (which then caught it under
    // AddressSanitizer): a summary of more than 64 columns, header and line
    // alike, was split past the end of the parser's field array.
    QList<QByteArray> wide = crlfLines(readFile(sample("wechat_all.csv")));
    for (int i = 0; i < 63; ++i) {
        wide[6] += ",订单总金额";
        wide[7] += ",`0";
    }
    QTest::newRow("regression: summary of 70 columns overran the field array")
        << crlfJoin(wide)
        << QStringLiteral("line 7: the summary header has 70 columns; no WeChat bill has that "
                          "many")
        << qint64(7);
    // Found by fuzz_wechat_bill's contract (a taken bill's sums equal its
    // summary): the summary was held against every line's 应结订单金额 and
    // 退款金额, the totals count a payment's settled and a refund's refunded
    // amount only, so the bill was taken with ¥5.00 (¥1.00) its summary has
    // and its totals lack.
    QList<QByteArray> settledRefund = crlfLines(readFile(sample("wechat_all.csv")));
    settledRefund[5].replace("`CNY,`0.00,", "`CNY,`5.00,");
    settledRefund[7].replace("`37.34,", "`42.34,");
    QTest::newRow("regression: settled amount on a refund line")
        << crlfJoin(settledRefund)
        << QStringLiteral("line 8: summary says 5 lines / 42.34 yuan paid") << qint64(8);
    QList<QByteArray> refundedPayment = crlfLines(readFile(sample("wechat_all.csv")));
    refundedPayment[1].replace("`0,`0,`0.00,", "`0,`0,`1.00,");
    refundedPayment[7].replace("`13.25,", "`14.25,");
    QTest::newRow("regression: refunded amount on a payment line")
        << crlfJoin(refundedPayment)
        << QStringLiteral("line 8: summary says 5 lines / 37.34 yuan paid, 14.25 yuan refunded")
        << qint64(8);
    QTest::newRow("regression: fee of 15 digits overflowed to 0")
        << editedWeChat(2, "`0.07404", "`184467440737095.51616")
        << QStringLiteral("line 2: 手续费 \"184467440737095.51616\" is not an amount") << qint64(2);
}

void tst_BillParsers::badWeChat()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, error);
    QFETCH(qint64, errorLine);
    const QString path = m_dir.file(QStringLiteral("bad_wechat.csv"));
    writeFile(path, content);
    const BillParseResult r = parseWeChatBillFile(path, {});
    QVERIFY(!r.ok);
    QVERIFY(!r.stopped);
    QVERIFY2(r.error.contains(error), qPrintable(r.error));
    QCOMPARE(r.errorLine, errorLine);
}

void tst_BillParsers::badAlipay_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("error");
    QTest::addColumn<qint64>("errorLine");

    const AlipayTexts base = alipayTexts();
    // Detail: 1 #支付宝业务明细查询, 2 #账号, 3 #起始日期, 4 #---, 5 header,
    // 6-10 rows, 11 #---结束, 12 #交易合计, 13 #退款合计, 14 #导出时间.
    const QString d = QStringLiteral("业务明细.csv line ");
    auto detail = [&](int no, const QString& from, const QString& to) {
        AlipayTexts t = base;
        t.detail = editedLine(t.detail, no, from, to);
        return alipayZip(t);
    };

    QTest::newRow("empty file") << QByteArray() << QStringLiteral("the Alipay bill is empty")
                                << qint64(0);
    QTest::newRow("UTF-8 where GBK is expected")
        << base.detail.toUtf8()
        << QStringLiteral("line 1: the Alipay bill is UTF-8; Alipay bills are GBK") << qint64(1);
    QTest::newRow("not GBK") << QByteArray("#\xff\xff\r\n")
                             << QStringLiteral("line 1: not GBK text") << qint64(1);
    AlipayTexts cut = base;
    cut.detail = cut.detail.split(QStringLiteral("\r\n")).mid(0, 11).join(QStringLiteral("\r\n"));
    QTest::newRow("truncated: no totals")
        << alipayZip(cut)
        << d + QStringLiteral("11: the bill ends here without its '#交易合计' line") << qint64(11);
    // Found by fuzz_alipay_bill (a bill's own totals equal its lines'): '#'
    // lines above the header were skipped but for the account, so a totals
    // line there that contradicted the rows, or a second account, was taken.
    QTest::newRow("regression: totals line above the header")
        << detail(3, QStringLiteral("#起始日期"),
                  QStringLiteral("#交易合计：1笔，商家实收共1.00元，"))
        << d + QStringLiteral("3: totals before the header row") << qint64(3);
    QTest::newRow("regression: a second account")
        << detail(3, QStringLiteral("#起始日期："), QStringLiteral("#账号：[20889999999999999999]"))
        << d + QStringLiteral("3: a second account 20889999999999999999 (the bill is for "
                              "20881234567890120156)")
        << qint64(3);
    // Found by fuzz_alipay_bill (a refusal names its line): the message was
    // made by chained arg() calls, so a '%1' in an entry's name took the
    // line number and the line's place showed the reason.
    ZipWriter percentName;
    const QString oddName = QStringLiteral("%1_") + base.detailName;
    percentName.add(gbk(oddName), gbk(editedLine(base.detail, 12, QStringLiteral("：3笔"),
                                                 QStringLiteral("：4笔"))));
    percentName.add(gbk(base.summaryName), gbk(base.summary));
    QTest::newRow("regression: '%1' in an entry's name")
        << percentName.finish() << oddName + QStringLiteral(" line 12: the bill says 4 payments")
        << qint64(12);
    // Seen while writing fuzz_alipay_bill: the last detail file was read
    // and the first one's lines were never seen.
    ZipWriter twoDetails;
    twoDetails.add(gbk(base.detailName), gbk(base.detail));
    twoDetails.add(gbk(QStringLiteral("2_") + base.detailName), gbk(base.detail));
    twoDetails.add(gbk(base.summaryName), gbk(base.summary));
    QTest::newRow("regression: two detail files, the first left unread")
        << twoDetails.finish() << QStringLiteral("the archive holds two detail files") << qint64(0);
    QTest::newRow("zip cut short")
        << alipayZip(base).left(500) << QStringLiteral("cut short") << qint64(0);
    QTest::newRow("payment totals do not match")
        << detail(12, QStringLiteral("：3笔"), QStringLiteral("：4笔"))
        << d + QStringLiteral("12: the bill says 4 payments / 37.35 yuan, the lines add up to 3 "
                              "payments / 37.35 yuan")
        << qint64(12);
    AlipayTexts summary = base;
    summary.summary =
        summary.summary.replace(QStringLiteral("合计,,3,2,"), QStringLiteral("合计,,3,3,"));
    QTest::newRow("summary file does not match")
        << alipayZip(summary)
        << QStringLiteral("业务明细(汇总).csv line 7: summary says 3 payments, 3 refunds")
        << qint64(7);
    QTest::newRow("unknown column")
        << detail(5, QStringLiteral("备注"), QStringLiteral("说明"))
        << d + QStringLiteral("5: unknown column \"说明\"") << qint64(5);
    QTest::newRow("missing column")
        << detail(5, QStringLiteral("服务费（元）,"), QString())
        << d + QStringLiteral("5: the header has no column \"服务费（元）\"") << qint64(5);
    QTest::newRow("wrong field count")
        << detail(7, QStringLiteral(",0.00,0.00,"), QStringLiteral(","))
        << d + QStringLiteral("7: 23 fields; the header has 25") << qint64(7);
    QTest::newRow("amount 12.3.4")
        << detail(6, QStringLiteral("12.34,12.34"), QStringLiteral("12.34,12.3.4"))
        << d + QStringLiteral("6: 商家实收（元） \"12.3.4\" is not an "
                              "amount")
        << qint64(6);
    QTest::newRow("amount abc") << detail(6, QStringLiteral("12.34,12.34"),
                                          QStringLiteral("abc,12.34"))
                                << d + QStringLiteral("6: 订单金额（元） \"abc\" is not an amount")
                                << qint64(6);
    QTest::newRow("refund with a positive amount")
        << detail(8, QStringLiteral("-5.00,-5.00"), QStringLiteral("5.00,5.00"))
        << d + QStringLiteral("8: a refund with a positive amount") << qint64(8);

    // Regression: the Alipay side of the same review.
    QTest::newRow("regression: unknown business type")
        << detail(6, QStringLiteral("交易"), QStringLiteral("转账"))
        << d + QStringLiteral("6: 业务类型 \"转账\" is neither 交易 nor 退款") << qint64(6);
    QTest::newRow("regression: amount above the ceiling")
        << detail(6, QStringLiteral("12.34,12.34"), QStringLiteral("1000000000.01,1000000000.01"))
        << d + QStringLiteral("6: 订单金额（元） \"1000000000.01\" is above PayDesk's ceiling of "
                              "1000000000.00 yuan")
        << qint64(6);
    QTest::newRow("regression: fee above the ceiling")
        << detail(6, QStringLiteral(",-0.07,"), QStringLiteral(",-1000000000.01,"))
        << d + QStringLiteral("6: 服务费（元） \"-1000000000.01\" is above") << qint64(6);
    QTest::newRow("regression: refund beyond the ceiling")
        << detail(8, QStringLiteral("-5.00,-5.00"), QStringLiteral("-5.00,-1000000000.01"))
        << d + QStringLiteral("8: 商家实收（元） \"-1000000000.01\" is above") << qint64(8);
}

void tst_BillParsers::badAlipay()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, error);
    QFETCH(qint64, errorLine);
    const QString path = m_dir.file(content.startsWith("PK") ? QStringLiteral("bad_alipay.zip")
                                                             : QStringLiteral("bad_alipay.csv"));
    writeFile(path, content);
    const BillParseResult r = parseAlipayBillFile(path, {});
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(error), qPrintable(r.error));
    QCOMPARE(r.errorLine, errorLine);
}

void tst_BillParsers::handlerStops_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("wechat");
    QTest::newRow("WeChat") << sample("wechat_all.csv") << true;
    QTest::newRow("Alipay") << sample("alipay_trade.csv.zip") << false;
}

void tst_BillParsers::handlerStops()
{
    QFETCH(QString, path);
    QFETCH(bool, wechat);
    int seen = 0;
    const BillLineHandler stopAtSecond = [&seen](const BillLine&) { return ++seen < 2; };
    const BillParseResult r =
        wechat ? parseWeChatBillFile(path, stopAtSecond) : parseAlipayBillFile(path, stopAtSecond);
    QCOMPARE(seen, 2);
    QVERIFY(r.stopped);
    QVERIFY(!r.ok);
    QCOMPARE(r.totals.lines, qint64(2));
}

// 100,000 lines of each format come through whole (the timing is
// bench_reconcile's).
void tst_BillParsers::manyLinesParseExactly()
{
    const int n = 100'000;
    // WeChat: the sample's payment line, numbered.
    {
        const QList<QByteArray> sampleLines = crlfLines(readFile(sample("wechat_all.csv")));
        QByteArray bill = sampleLines.at(0) + "\r\n";
        bill.reserve(qsizetype(n) * 300);
        for (int i = 0; i < n; ++i) {
            QByteArray l = sampleLines.at(1);
            l.replace("`PA001", "`PA" + QByteArray::number(100'000'000 + i));
            bill += l + "\r\n";
        }
        bill += sampleLines.at(6) + "\r\n";
        bill += "`" + QByteArray::number(n) + ",`" + QByteArray::number(qint64(n) * 1234 / 100) +
                "." + QByteArray::number(qint64(n) * 1234 % 100).rightJustified(2, '0') +
                ",`0.00,`0.00,`" + QByteArray::number(qint64(n) * 7404 / 100000) + "." +
                QByteArray::number(qint64(n) * 7404 % 100000).rightJustified(5, '0') +
                ",`0.00,`0.00\r\n";
        const QString path = m_dir.file(QStringLiteral("many_wechat.csv"));
        writeFile(path, bill);
        bill.clear();
        qint64 lines = 0;
        const BillParseResult r = parseWeChatBillFile(path, [&lines](const BillLine&) {
            ++lines;
            return true;
        });
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(lines, qint64(n));
    }
    // Alipay: the sandbox's bill for many payments (deflated by zlib).
    {
        QList<SandboxAcquirer::BillEntry> entries;
        entries.reserve(n);
        SandboxAcquirer::BillEntry e = sandboxEntries().first();
        for (int i = 0; i < n; ++i) {
            e.paymentNo = QStringLiteral("PA%1").arg(100'000'000 + i);
            e.atMs = kDayMs + 10 * kHourMs + i;
            entries << e;
        }
        QString error;
        const AlipayBillFiles f =
            alipayBill(entries, kDay, QStringLiteral("20881234567890120156"), kDayMs, &error);
        QVERIFY2(!f.zip.isEmpty(), qPrintable(error));
        const QString path = m_dir.file(QStringLiteral("many_alipay.zip"));
        writeFile(path, f.zip);
        qint64 lines = 0;
        const BillParseResult r = parseAlipayBillFile(path, [&lines](const BillLine&) {
            ++lines;
            return true;
        });
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(lines, qint64(n));
    }
}

QTEST_GUILESS_MAIN(tst_BillParsers)
#include "tst_billparsers.moc"
