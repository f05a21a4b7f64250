#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

class QProcess;

namespace paydesk::test {

// The paydesk-core executable as a user runs it (ctest passes its path in
// PAYDESK_CORE_BIN).
struct CoreRun
{
    int exitCode = -1; // -1: crashed or did not finish
    QString out;
    QString err;
};

QString coreBin();
CoreRun runCore(const QStringList& args, int timeoutMs = 60000);
// With `input` on its standard input (a password typed), then closed.
CoreRun runCoreWithInput(const QStringList& args, const QByteArray& input, int timeoutMs = 60000);
// Several at once: start them all, then collect each (a hang is -1).
std::unique_ptr<QProcess> startCore(const QStringList& args);
CoreRun finishCore(QProcess& p, int timeoutMs = 60000);
// A loopback port that was free when asked (a test's server binds it next).
quint16 freeLoopbackPort();
// Waits until `serve`'s start line ("... serving URL ...") is on `p`'s
// standard output, left there unread; false if it did not come in time.
bool waitUntilServing(QProcess& p, int timeoutMs = 10'000);

// The last line of --json output as an object.
QJsonObject lastJson(const QString& out);

} // namespace paydesk::test
