// bench_scan [--seed N] [--per-case N] [--json]: read rate and time on the
// generated scan set (tests/scanset: cluttered counters, thin modules, dark
// mode, rotation, glare, a product barcode or the shop's sticker beside the
// phone, scenes with no payment code; QR Code and Code 128), 1280x720 grey.
// Three readers on the same scenes: the camera path (FrameDecoder, one pass
// per frame over the frames of one cycle), paydesk-scan (CodeDecoder, every
// pass on the first frame) and the baseline, plain ZXing ReadBarcode with its
// default hints on the camera's frames. Goals: the camera reads at least what
// paydesk-scan reads, both read clearly more than the baseline (at least
// 1.2 times), no wrong reads, median <= 10 ms per frame on the camera path.
#include "BenchSupport.h"

#include "SetReading.h"

#include <QGuiApplication>
#include <QMap>

#include <algorithm>

using namespace paydesk;
using namespace paydesk::bench;
using namespace paydesk::scanset;

namespace {

constexpr double kCameraMedianGoalMs = 10;
constexpr double kClearlyMoreRatio = 1.2;

struct Tally
{
    int scenes = 0;
    int withPaymentCode = 0;
    int camera = 0, scanCli = 0, baseline = 0;
    int cameraWrong = 0, scanCliWrong = 0, baselineWrong = 0;

    void add(const SceneOutcome& o)
    {
        ++scenes;
        withPaymentCode += o.scene.paymentCode.isEmpty() ? 0 : 1;
        camera += o.camera.read;
        scanCli += o.scanCli.read;
        baseline += o.baseline.read;
        cameraWrong += o.camera.wrong;
        scanCliWrong += o.scanCli.wrong;
        baselineWrong += o.baseline.wrong;
    }

    JsonObject json() const
    {
        JsonObject o;
        o.integer(QStringLiteral("scenes"), scenes)
            .integer(QStringLiteral("withPaymentCode"), withPaymentCode);
        o.integer(QStringLiteral("camera"), camera)
            .integer(QStringLiteral("scanCli"), scanCli)
            .integer(QStringLiteral("baseline"), baseline);
        o.integer(QStringLiteral("cameraWrong"), cameraWrong)
            .integer(QStringLiteral("scanCliWrong"), scanCliWrong)
            .integer(QStringLiteral("baselineWrong"), baselineWrong);
        return o;
    }
};

struct Spread
{
    double medianMs = 0, p90Ms = 0, maxMs = 0, meanMs = 0;
    int frames = 0;
};

Spread spread(std::vector<double> ms)
{
    Spread s;
    if (ms.empty())
        return s;
    std::sort(ms.begin(), ms.end());
    s.frames = int(ms.size());
    s.medianMs = ms[ms.size() / 2];
    s.p90Ms = ms[ms.size() * 9 / 10];
    s.maxMs = ms.back();
    double sum = 0;
    for (double v : ms)
        sum += v;
    s.meanMs = sum / double(ms.size());
    return s;
}

JsonObject json(const Spread& s)
{
    JsonObject o;
    o.integer(QStringLiteral("frames"), s.frames);
    o.number(QStringLiteral("medianMs"), s.medianMs).number(QStringLiteral("p90Ms"), s.p90Ms);
    o.number(QStringLiteral("maxMs"), s.maxMs).number(QStringLiteral("meanMs"), s.meanMs);
    return o;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // fonts for the scenes' text
    QCoreApplication::setApplicationName(QStringLiteral("bench_scan"));
    QCommandLineParser p;
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QStringLiteral("scan set seed"),
                                     QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption perCaseOpt(QStringLiteral("per-case"),
                                        QStringLiteral("scenes per condition and symbology"),
                                        QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("one JSON object"));
    p.addOptions({seedOpt, perCaseOpt, jsonOpt});
    p.process(app);
    const int seed = positiveOption(p, seedOpt);
    const int perCase = positiveOption(p, perCaseOpt);

    const SetReader reader;
    Tally total;
    QMap<QString, Tally> byCase; // "condition/symbology"
    QMap<QString, Tally> byCondition;
    std::vector<double> cameraMs, scanCliMs, baselineMs;
    int cameraBelowScanCli = 0; // scenes paydesk-scan read and the camera did not
    const QList<Scene> set = scanSet(quint32(seed), perCase);
    for (const Scene& scene : set) {
        const SceneOutcome o = reader.read(scene);
        total.add(o);
        byCondition[conditionName(scene.condition)].add(o);
        byCase[conditionName(scene.condition) + QLatin1Char('/') + symbologyName(scene.symbology)]
            .add(o);
        cameraBelowScanCli += o.scanCli.read && !o.camera.read;
        cameraMs.insert(cameraMs.end(), o.camera.msPerFrame.begin(), o.camera.msPerFrame.end());
        scanCliMs.insert(scanCliMs.end(), o.scanCli.msPerFrame.begin(), o.scanCli.msPerFrame.end());
        baselineMs.insert(baselineMs.end(), o.baseline.msPerFrame.begin(),
                          o.baseline.msPerFrame.end());
    }

    JsonObject out;
    JsonObject setInfo;
    setInfo.integer(QStringLiteral("seed"), seed).integer(QStringLiteral("scenesPerCase"), perCase);
    setInfo.integer(QStringLiteral("scenes"), total.scenes)
        .integer(QStringLiteral("withPaymentCode"), total.withPaymentCode);
    setInfo.text(QStringLiteral("frame"), QStringLiteral("1280x720 grey"))
        .integer(QStringLiteral("cameraFramesPerScene"), reader.framesPerScene());
    out.object(QStringLiteral("set"), setInfo);

    JsonObject reads;
    reads.integer(QStringLiteral("camera"), total.camera)
        .integer(QStringLiteral("scanCli"), total.scanCli)
        .integer(QStringLiteral("baseline"), total.baseline);
    const double cameraRatio = double(total.camera) / double(total.baseline);
    const double scanCliRatio = double(total.scanCli) / double(total.baseline);
    reads.number(QStringLiteral("ratioCameraToBaseline"), cameraRatio)
        .number(QStringLiteral("ratioScanCliToBaseline"), scanCliRatio);
    reads.integer(QStringLiteral("scenesScanCliReadAndCameraMissed"), cameraBelowScanCli);
    out.object(QStringLiteral("reads"), reads);

    JsonObject wrong;
    wrong.integer(QStringLiteral("camera"), total.cameraWrong)
        .integer(QStringLiteral("scanCli"), total.scanCliWrong)
        .integer(QStringLiteral("baseline"), total.baselineWrong);
    out.object(QStringLiteral("wrongReads"), wrong);

    JsonObject conditions;
    for (auto it = byCondition.cbegin(); it != byCondition.cend(); ++it)
        conditions.object(it.key(), it.value().json());
    out.object(QStringLiteral("byCondition"), conditions);
    JsonObject cases;
    for (auto it = byCase.cbegin(); it != byCase.cend(); ++it)
        cases.object(it.key(), it.value().json());
    out.object(QStringLiteral("byConditionAndSymbology"), cases);

    const Spread camera = spread(cameraMs);
    const Spread baseline = spread(baselineMs);
    JsonObject time;
    time.object(QStringLiteral("camera"), json(camera));
    time.object(QStringLiteral("scanCli"), json(spread(scanCliMs)));
    time.object(QStringLiteral("baseline"), json(baseline));
    time.number(QStringLiteral("ratioCameraToBaselineMedian"), camera.medianMs / baseline.medianMs);
    out.object(QStringLiteral("timePerFrame"), time);

    const bool atLeastScanCli = total.camera >= total.scanCli && cameraBelowScanCli == 0;
    const bool clearlyMore = cameraRatio >= kClearlyMoreRatio && scanCliRatio >= kClearlyMoreRatio;
    const bool noWrong = total.cameraWrong == 0 && total.scanCliWrong == 0;
    const bool fast = camera.medianMs <= kCameraMedianGoalMs;
    JsonObject goals;
    goals.flag(QStringLiteral("cameraReadsAtLeastScanCli"), atLeastScanCli);
    goals.number(QStringLiteral("clearlyMoreRatio"), kClearlyMoreRatio, 1)
        .flag(QStringLiteral("bothReadClearlyMoreThanBaseline"), clearlyMore);
    goals.flag(QStringLiteral("noWrongReads"), noWrong);
    goals.number(QStringLiteral("cameraMedianGoalMs"), kCameraMedianGoalMs, 0)
        .flag(QStringLiteral("cameraMedianMet"), fast);
    goals.flag(QStringLiteral("allMet"), atLeastScanCli && clearlyMore && noWrong && fast);
    out.object(QStringLiteral("goals"), goals);
    out.print(p.isSet(jsonOpt));
    return atLeastScanCli && clearlyMore && noWrong && fast ? 0 : 1;
}
