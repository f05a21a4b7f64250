#include "testsupport/CoreProcess.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>

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

CoreRun runCoreWithInput(const QStringList& args, const QByteArray& input, int timeoutMs)
{
    QProcess p;
    p.start(coreBin(), args);
    p.write(input);
    p.closeWriteChannel();
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

quint16 freeLoopbackPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost);
    return s.serverPort();
}

bool waitUntilServing(QProcess& p, int timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    while (!p.peek(4096).contains("serving")) {
        if (waited.elapsed() > timeoutMs || p.state() == QProcess::NotRunning)
            return false;
        p.waitForReadyRead(100);
    }
    return true;
}

QJsonObject lastJson(const QString& out)
{
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(lines.last().toUtf8()).object();
}

} // namespace paydesk::test
