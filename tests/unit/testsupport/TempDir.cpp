#include "testsupport/TempDir.h"

#include <QFile>

namespace paydesk::test {

TempDataDir::TempDataDir()
{
    if (qEnvironmentVariableIsSet("PAYDESK_KEEP_TEST_DATA"))
        m_dir.setAutoRemove(false);
}

TempDataDir::TempDataDir(const QByteArray& config) : TempDataDir()
{
    QFile f(file(QStringLiteral("paydesk.json")));
    if (!f.open(QIODevice::WriteOnly) || f.write(config) != config.size())
        qFatal("cannot write the test configuration %s", qPrintable(f.fileName()));
}

} // namespace paydesk::test
