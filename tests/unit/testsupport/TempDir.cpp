#include "testsupport/TempDir.h"

#include <QFile>

#include <sys/stat.h>

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

void writeFile(const QString& path, const QByteArray& bytes, unsigned mode)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    f.close();
    if (::chmod(QFile::encodeName(path).constData(), mode_t(mode)) != 0)
        qFatal("cannot chmod %s", qPrintable(path));
}

int fileMode(const QString& path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

} // namespace paydesk::test
