// scanset DIR [--seed N] [--per-case N]: writes the scan benchmark's scenes
// as PNG camera frames (what bench_scan and tst_decoder draw in memory) and
// manifest.tsv (file, condition, symbology, payment code), to look at them or
// to feed them to paydesk-scan.
#include "Scene.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QTextStream>

using namespace paydesk::scanset;

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // fonts for the scenes' text
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Writes the generated scan set as PNG files."));
    p.addHelpOption();
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QStringLiteral("set seed"),
                                     QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption perCaseOpt(QStringLiteral("per-case"),
                                        QStringLiteral("scenes per condition and symbology"),
                                        QStringLiteral("N"), QStringLiteral("8"));
    p.addOptions({seedOpt, perCaseOpt});
    p.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("output directory"));
    p.process(app);
    QTextStream err(stderr);
    if (p.positionalArguments().size() != 1) {
        err << "scanset: give one output directory\n";
        return 2;
    }
    const QDir dir(p.positionalArguments().constFirst());
    if (!QDir().mkpath(dir.path())) {
        err << "scanset: cannot create " << dir.path() << '\n';
        return 1;
    }
    QFile manifest(dir.filePath(QStringLiteral("manifest.tsv")));
    if (!manifest.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        err << "scanset: cannot write " << manifest.fileName() << '\n';
        return 1;
    }
    QTextStream out(&manifest);
    out << "file\tcondition\tsymbology\tpaymentCode\n";
    const QList<Scene> set =
        scanSet(p.value(seedOpt).toUInt(), qMax(1, p.value(perCaseOpt).toInt()));
    for (const Scene& s : set) {
        const QString file = s.name() + QStringLiteral(".png");
        if (!cameraFrame(drawScene(s), s.seed).save(dir.filePath(file))) {
            err << "scanset: cannot write " << file << '\n';
            return 1;
        }
        out << file << '\t' << conditionName(s.condition) << '\t' << symbologyName(s.symbology)
            << '\t' << s.paymentCode << '\n';
    }
    return 0;
}
