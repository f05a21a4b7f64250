#include "testsupport/CoreProcess.h"

#include <QJsonDocument>
#include <QProcess>

namespace paydesk::test {

QString coreBin()
{
    const QString bin = qEnvironmentVariable("PAYDESK_CORE_BIN");
    if (bin.isEmpty())
        qFatal("PAYDESK_CORE_BIN is not set (run through ctest)");
    return bin;
}

CoreRun runCore(const QStringList& args, int timeoutMs)
{
    QProcess p;
    p.start(coreBin(), args);
    return finishCore(p, timeoutMs);
}

std::unique_ptr<QProcess> startCore(const QStringList& args)
{
    auto p = std::make_unique<QProcess>();
    p->start(coreBin(), args);
    return p;
}

CoreRun finishCore(QProcess& p, int timeoutMs)
{
    const bool finished = p.waitForFinished(timeoutMs);
    if (!finished) { // a hang is a failure, never exit code 0
        p.kill();
        p.waitForFinished();
    }
    CoreRun r;
    r.exitCode = finished && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QJsonObject lastJson(const QString& out)
{
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(lines.last().toUtf8()).object();
}

} // namespace paydesk::test
