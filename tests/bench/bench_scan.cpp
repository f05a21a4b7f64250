// bench_scan [--frames N] [--json]: decode time per 1280x720 camera frame,
// with and without a code, through the decoder the camera path uses
// (CodeDecoder::liveOptions) and the thorough one paydesk-scan uses.
// Baseline in the same run: ZXing's ReadBarcodes alone on the same grey
// buffer with its default hints. Goal: <= 10 ms per frame (camera path).
#include "BenchSupport.h"

#include "decode/CodeDecoder.h"
#include "decode/CodeImage.h"

#include <ZXing/ReadBarcode.h>

#include <QGuiApplication>
#include <QPainter>
#include <QRandomGenerator>

#include <algorithm>

using namespace paydesk;
using namespace paydesk::bench;

namespace {

QImage frame(bool withCode)
{
    QImage img(1280, 720, QImage::Format_Grayscale8);
    QRandomGenerator rng(1);
    // A counter scene: soft gradient and sensor noise.
    for (int y = 0; y < img.height(); ++y) {
        uchar* line = img.scanLine(y);
        for (int x = 0; x < img.width(); ++x)
            line[x] = uchar(qBound(0, 120 + x / 20 - y / 12 + int(rng.bounded(17)) - 8, 255));
    }
    if (withCode) {
        QPainter p(&img);
        const QImage code =
            decode::renderCode(QStringLiteral("134567890123456789"), decode::CodeFormat::QrCode, 8);
        p.fillRect(520, 180, code.width() + 40, code.height() + 40, Qt::white); // the phone screen
        p.drawImage(540, 200, code);
    }
    return img;
}

struct Timing
{
    double meanMs = 0;
    double p50Ms = 0;
    double maxMs = 0;
    int found = 0;
};

template <typename F> Timing measure(int frames, F&& decodeOnce)
{
    std::vector<double> ms;
    Timing t;
    for (int i = 0; i < frames; ++i) {
        QElapsedTimer e;
        e.start();
        t.found += decodeOnce();
        ms.push_back(double(e.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    double sum = 0;
    for (double v : ms)
        sum += v;
    t.meanMs = sum / double(ms.size());
    t.p50Ms = ms[ms.size() / 2];
    t.maxMs = ms.back();
    return t;
}

JsonObject report(const Timing& t)
{
    JsonObject o;
    o.number(QStringLiteral("meanMs"), t.meanMs).number(QStringLiteral("p50Ms"), t.p50Ms);
    o.number(QStringLiteral("maxMs"), t.maxMs)
        .integer(QStringLiteral("framesWithCodeFound"), t.found);
    return o;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_scan"));
    QCommandLineParser p;
    const QCommandLineOption framesOpt(QStringLiteral("frames"), QStringLiteral("frames per case"),
                                       QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("one JSON object"));
    p.addOptions({framesOpt, jsonOpt});
    p.process(app);
    const int frames = positiveOption(p, framesOpt);

    const decode::CodeDecoder live(decode::CodeDecoder::liveOptions());
    const decode::CodeDecoder thorough;
    JsonObject out;
    out.text(QStringLiteral("frame"), QStringLiteral("1280x720 grey"));
    out.integer(QStringLiteral("frames"), frames);
    Timing liveWith, liveWithout;
    for (bool withCode : {true, false}) {
        const QImage img = frame(withCode);
        const Timing l = measure(frames, [&] { return int(live.decode(img).size()); });
        const Timing t =
            measure(qMax(1, frames / 4), [&] { return int(thorough.decode(img).size()); });
        const ZXing::ImageView view(img.constBits(), img.width(), img.height(),
                                    ZXing::ImageFormat::Lum, int(img.bytesPerLine()));
        const Timing raw = measure(frames, [&] {
            ZXing::DecodeHints hints;
            hints.setTryHarder(false);
            hints.setMaxNumberOfSymbols(1);
            return int(ZXing::ReadBarcodes(view, hints).size());
        });
        (withCode ? liveWith : liveWithout) = l;
        JsonObject c;
        c.object(QStringLiteral("cameraDecoder"), report(l));
        c.object(QStringLiteral("scanCliDecoder"), report(t));
        c.object(QStringLiteral("baselineZXingReadBarcodes"), report(raw));
        c.number(QStringLiteral("ratioCameraToBaseline"), l.meanMs / raw.meanMs);
        out.object(withCode ? QStringLiteral("withCode") : QStringLiteral("withoutCode"), c);
    }
    out.number(QStringLiteral("goalMs"), 10);
    out.flag(QStringLiteral("goalMet"), liveWith.meanMs <= 10 && liveWithout.meanMs <= 10);
    out.print(p.isSet(jsonOpt));
    return liveWith.found == frames ? 0 : 1;
}
