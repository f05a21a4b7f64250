#include "FuzzSupport.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace paydesk::fuzz {

void require(bool ok, const char* what, const QString& detail)
{
    if (ok)
        return;
    std::fprintf(stderr, "CONTRACT BROKEN: %s\n%s\n", what, qPrintable(detail));
    std::fflush(stderr);
    std::abort();
}

QString scratchFile(const QByteArray& content, const QString& name)
{
    // One folder per process (libFuzzer's -jobs/-fork run several at once),
    // removed at a normal exit. Each file stays open: rewriting it in place
    // costs a fraction of creating it again for every input.
    static const QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/paydesk-fuzz-XXXXXX"));
    require(dir.isValid(), "cannot make a scratch folder", dir.errorString());
    static QHash<QString, int> open;
    const QString path = dir.filePath(name);
    int& fd = open[name];
    if (fd <= 0)
        fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    require(fd > 0 && ::ftruncate(fd, 0) == 0 &&
                ::pwrite(fd, content.constData(), size_t(content.size()), 0) == content.size(),
            "cannot write the scratch file", path);
    return path;
}

qint64 leadingLineNumber(const QString& message)
{
    static const QRegularExpression re(QStringLiteral("^line (\\d+): "));
    const QRegularExpressionMatch m = re.match(message);
    return m.hasMatch() ? m.captured(1).toLongLong() : 0;
}

qint64 lineCount(const QByteArray& text)
{
    if (text.isEmpty())
        return 0;
    return text.count('\n') + (text.endsWith('\n') ? 0 : 1);
}

} // namespace paydesk::fuzz
