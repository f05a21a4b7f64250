// bench_billzip: reading one day's Alipay bill ZIP (DEFLATE + CRC-32).
//
//   bench_billzip [--lines N] [--zip PATH] [--write PATH] [--runs R] [--json]
//
// 1. Setup (untimed): the sandbox's Alipay bill of N payments (alipayBill(),
//    the format the parser reads), or the archive given by --zip, so two
//    builds can be compared on the very same bytes. --write keeps the
//    generated archive.
// 2. Timed, best of R runs: every entry streamed through ZipReader (inflate
//    and CRC-32, nothing parsed); CRC-32 alone over the unpacked detail; the
//    whole parseAlipayBillFile() (inflate, GBK, fields, totals, SHA-256).
#include "BenchSupport.h"

#include "common/Crc32.h"
#include "recon/BillParsers.h"
#include "recon/ZipReader.h"
#include "sandbox/bills/AlipayBill.h"

#include <QTemporaryDir>

#include <algorithm>

using namespace paydesk;
using namespace paydesk::bench;

namespace {

// 2026-01-01 00:00 China time.
constexpr qint64 kDayMs = 1'767'196'800'000;
const QDate kDay(2026, 1, 1);

QByteArray generatedZip(int lines)
{
    QList<SandboxAcquirer::BillEntry> entries;
    entries.reserve(lines);
    SandboxAcquirer::BillEntry e;
    e.tradeState = QStringLiteral("SUCCESS");
    e.currency = QStringLiteral("CNY");
    for (int i = 0; i < lines; ++i) {
        e.paymentNo = QStringLiteral("PA%1").arg(100'000'000 + i);
        e.tradeNo = QStringLiteral("2026010122001%1").arg(400'000'000 + i);
        e.amountFen = 100 + (i * 7919) % 100'000;
        e.createdAtMs = kDayMs + 8 * 3'600'000 + i * 400;
        e.atMs = e.createdAtMs + 2000;
        entries << e;
    }
    QString error;
    const AlipayBillFiles f =
        alipayBill(entries, kDay, QStringLiteral("20881234567890120156"), kDayMs, &error);
    if (f.zip.isEmpty())
        die(QStringLiteral("alipayBill: ") + error);
    return f.zip;
}

// Streams every entry; the unpacked bytes of the first (the detail) go to
// `keep` when it is given.
qint64 readEntries(const QString& path, QByteArray* keep)
{
    ZipReader zip;
    QString error;
    if (!zip.open(path, &error))
        die(error);
    qint64 total = 0;
    QByteArray buf(64 * 1024, '\0');
    for (const ZipEntry& e : zip.entries()) {
        auto r = zip.openEntry(e, QString::fromLatin1(e.rawName.toHex()), &error);
        if (!r)
            die(error);
        qsizetype got = 0;
        while ((got = r->read(buf.data(), buf.size())) > 0) {
            total += got;
            if (keep && &e == &zip.entries().constFirst())
                keep->append(buf.constData(), got);
        }
        if (got < 0)
            die(r->error());
    }
    return total;
}

template <typename F> double bestMs(int runs, F&& f)
{
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        best = std::min(best, double(t.nsecsElapsed()) / 1e6);
    }
    return best;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_billzip"));
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Reading an Alipay bill ZIP."));
    p.addHelpOption();
    const QCommandLineOption linesOpt(QStringLiteral("lines"),
                                      QStringLiteral("payments in the generated bill"),
                                      QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption zipOpt(
        QStringLiteral("zip"), QStringLiteral("read this archive instead"), QStringLiteral("PATH"));
    const QCommandLineOption writeOpt(QStringLiteral("write"),
                                      QStringLiteral("keep the generated archive here"),
                                      QStringLiteral("PATH"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("best of R"),
                                     QStringLiteral("R"), QStringLiteral("5"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("one JSON object"));
    p.addOptions({linesOpt, zipOpt, writeOpt, runsOpt, jsonOpt});
    p.process(app);
    const int runs = positiveOption(p, runsOpt);

    QTemporaryDir dir;
    QString path = p.value(zipOpt);
    if (path.isEmpty()) {
        path = p.isSet(writeOpt) ? p.value(writeOpt) : dir.filePath(QStringLiteral("bill.zip"));
        QFile f(path);
        const QByteArray zip = generatedZip(positiveOption(p, linesOpt));
        if (!f.open(QIODevice::WriteOnly) || f.write(zip) != zip.size())
            die(QStringLiteral("cannot write ") + path);
    }

    ZipReader zip;
    QString error;
    if (!zip.open(path, &error))
        die(error);
    QByteArray detail;
    const qint64 unpacked = readEntries(path, &detail);

    const double readMs = bestMs(runs, [&] { readEntries(path, nullptr); });
    const double crcMs = bestMs(runs, [&] {
        Crc32 crc;
        crc.update(detail);
        if (crc.value() != zip.entries().constFirst().crc)
            die(QStringLiteral("CRC-32 of the detail differs from the directory's"));
    });
    qint64 lines = 0;
    const double parseMs = bestMs(runs, [&] {
        lines = 0;
        const BillParseResult r = parseAlipayBillFile(path, [&lines](const BillLine&) {
            ++lines;
            return true;
        });
        if (!r.ok)
            die(r.error);
    });

    const double mb = double(unpacked) / 1e6;
    JsonObject out;
    out.text(QStringLiteral("benchmark"), QStringLiteral("billzip"))
        .integer(QStringLiteral("lines"), lines)
        .integer(QStringLiteral("zip_bytes"), QFileInfo(path).size())
        .integer(QStringLiteral("unpacked_bytes"), unpacked)
        .integer(QStringLiteral("detail_method"), zip.entries().constFirst().method)
        .integer(QStringLiteral("runs"), runs)
        .number(QStringLiteral("read_entries_ms"), readMs)
        .number(QStringLiteral("read_entries_mb_per_s"), mb / (readMs / 1000), 1)
        .number(QStringLiteral("crc32_detail_ms"), crcMs)
        .number(QStringLiteral("crc32_mb_per_s"), double(detail.size()) / 1e6 / (crcMs / 1000), 1)
        .number(QStringLiteral("parse_ms"), parseMs)
        .number(QStringLiteral("parse_lines_per_s"), double(lines) / (parseMs / 1000), 0);
    out.print(p.isSet(jsonOpt));
    return 0;
}
