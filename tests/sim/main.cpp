// The seeded simulation (README, "How we test"): the whole core in one
// process on a manual clock, against the sandbox acquirer behind an
// unreliable network, with crashes and failing disks. One seed is one run;
// the same seed replays it exactly.
#include "SimRun.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

using namespace paydesk::sim;

namespace {

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

// "7", "1..500" or "3,9,12..15".
bool parseSeeds(const QString& text, QList<quint64>* seeds)
{
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList range = part.trimmed().split(QStringLiteral(".."));
        bool okA = false;
        bool okB = true;
        const quint64 a = range.value(0).toULongLong(&okA);
        const quint64 b = range.size() == 2 ? range.value(1).toULongLong(&okB) : a;
        if (!okA || !okB || range.size() > 2 || b < a || b - a > 10'000'000)
            return false;
        for (quint64 s = a; s <= b; ++s)
            *seeds << s;
    }
    return !seeds->isEmpty();
}

bool readSeedFile(const QString& path, QList<quint64>* seeds, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    int lineNo = 0;
    while (!f.atEnd()) {
        ++lineNo;
        const QString line =
            QString::fromUtf8(f.readLine()).section(QLatin1Char('#'), 0, 0).trimmed();
        if (line.isEmpty())
            continue;
        bool ok = false;
        const quint64 seed = line.section(QLatin1Char(' '), 0, 0).toULongLong(&ok);
        if (!ok) {
            *error = QStringLiteral("%1 line %2: not a seed: %3").arg(path).arg(lineNo).arg(line);
            return false;
        }
        *seeds << seed;
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Seeded simulation of the whole PayDesk core: every seed is one shop day with an "
        "unreliable network, crashes and failing disks, checked after every step."));
    p.addHelpOption();
    p.addOption({QStringLiteral("seeds"), QStringLiteral("seeds to run: 7, 1..500 or 3,9,12..15"),
                 QStringLiteral("SEEDS")});
    p.addOption({QStringLiteral("seed-file"),
                 QStringLiteral("also run the seeds listed in FILE (one per line, # comments)"),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("steps"), QStringLiteral("workload steps per seed (default 60)"),
                 QStringLiteral("N"), QStringLiteral("60")});
    p.addOption({QStringLiteral("replay"),
                 QStringLiteral("run every seed twice and require the same trace")});
    p.addOption({QStringLiteral("trace"), QStringLiteral("print every seed's whole trace")});
    p.addOption({QStringLiteral("json"), QStringLiteral("end with one JSON line of figures")});
    p.process(app);

    QList<quint64> seeds;
    if (p.isSet(QStringLiteral("seeds")) && !parseSeeds(p.value(QStringLiteral("seeds")), &seeds)) {
        err() << "--seeds: expected 7, 1..500 or 3,9,12..15, got "
              << p.value(QStringLiteral("seeds")) << Qt::endl;
        return 2;
    }
    if (p.isSet(QStringLiteral("seed-file"))) {
        QString error;
        if (!readSeedFile(p.value(QStringLiteral("seed-file")), &seeds, &error)) {
            err() << error << Qt::endl;
            return 2;
        }
    }
    bool stepsOk = false;
    const int steps = p.value(QStringLiteral("steps")).toInt(&stepsOk);
    if (!stepsOk || steps < 1 || steps > 100'000) {
        err() << "--steps: expected a number from 1 to 100000" << Qt::endl;
        return 2;
    }
    if (seeds.isEmpty() && p.isSet(QStringLiteral("seed-file"))) {
        out() << "no seeds listed in " << p.value(QStringLiteral("seed-file")) << Qt::endl;
        return 0;
    }
    if (seeds.isEmpty()) {
        err() << "no seeds: give --seeds or --seed-file" << Qt::endl;
        return 2;
    }

    QElapsedTimer timer;
    timer.start();
    int failed = 0;
    qint64 sales = 0, refunds = 0, crashes = 0, diskFaults = 0, simulatedMs = 0;
    QJsonArray failedSeeds;
    for (const quint64 seed : std::as_const(seeds)) {
        SimResult r = runSeed(SimOptions{seed, steps});
        QString replayNote;
        if (r.ok() && p.isSet(QStringLiteral("replay"))) {
            const SimResult again = runSeed(SimOptions{seed, steps});
            if (again.digest != r.digest) {
                int at = 0;
                while (at < r.trace.size() && at < again.trace.size() &&
                       r.trace[at] == again.trace[at])
                    ++at;
                r.violations << Violation{
                    QString(), QStringLiteral("the replay differs from line %1: \"%2\" vs \"%3\"")
                                   .arg(at + 1)
                                   .arg(r.trace.value(at), again.trace.value(at))};
            }
        }
        sales += r.sales;
        refunds += r.refunds;
        crashes += r.crashes;
        diskFaults += r.diskFaults;
        simulatedMs += r.simulatedMs;
        if (p.isSet(QStringLiteral("trace")) || !r.ok()) {
            out() << "seed " << seed << ": " << r.weather << "\n";
            for (const QString& line : std::as_const(r.trace))
                out() << "  " << line << "\n";
        }
        if (!r.ok()) {
            ++failed;
            failedSeeds.append(QString::number(seed));
            out() << "seed " << seed << " FAILED";
            if (!r.setupError.isEmpty())
                out() << " to start: " << r.setupError;
            out() << "\n";
            for (const Violation& v : std::as_const(r.violations))
                out() << "  violation: " << v.text << "\n";
            out() << "  replay: paydesk-sim --seeds " << seed << " --steps " << steps
                  << " --trace\n";
        } else if (seeds.size() <= 20) {
            out() << "seed " << seed << " ok: " << r.steps << " steps, " << r.sales << " sales, "
                  << r.refunds << " refunds, " << r.crashes << " crashes, " << r.diskFaults
                  << " disk faults, " << r.simulatedMs / 1000 << " s simulated, trace "
                  << r.digest.left(16) << "\n";
        }
        out().flush();
    }
    const double seconds = timer.elapsed() / 1000.0;
    out() << seeds.size() - failed << " of " << seeds.size() << " seeds passed in "
          << QString::number(seconds, 'f', 1) << " s (" << sales << " sales, " << refunds
          << " refunds, " << crashes << " crashes, " << diskFaults << " disk faults, "
          << simulatedMs / 3'600'000 << " h simulated)\n";
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject o{{QStringLiteral("seeds"), int(seeds.size())},
                      {QStringLiteral("failed"), failed},
                      {QStringLiteral("failed_seeds"), failedSeeds},
                      {QStringLiteral("steps_per_seed"), steps},
                      {QStringLiteral("sales"), sales},
                      {QStringLiteral("refunds"), refunds},
                      {QStringLiteral("crashes"), crashes},
                      {QStringLiteral("disk_faults"), diskFaults},
                      {QStringLiteral("simulated_hours"), simulatedMs / 3'600'000.0},
                      {QStringLiteral("seconds"), seconds}};
        out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
    }
    out().flush();
    return failed == 0 ? 0 : 1;
}
