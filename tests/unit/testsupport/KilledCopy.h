#pragma once

#include <QDir>
#include <QFile>
#include <QString>

namespace paydesk::test {

// Copies a data directory's files as a process started after a kill -9
// finds them: as they are now, without SQLite's shared-memory index (it is
// rebuilt from the WAL, as after a crash). Header-only: the simulation
// uses it without the test-support library. Returns the name of the file
// that could not be copied, empty on success.
inline QString copyAsAfterKill(const QString& from, const QString& to)
{
    const QDir source(from);
    for (const QString& name : source.entryList(QDir::Files))
        if (!name.endsWith(QLatin1String("-shm")) &&
            !QFile::copy(source.filePath(name), QDir(to).filePath(name)))
            return name;
    return QString();
}

} // namespace paydesk::test
