#pragma once

#include <QString>
#include <QTemporaryDir>

namespace paydesk::test {

// A throw-away data directory that is kept (and printed) when a test fails
// with PAYDESK_KEEP_TEST_DATA=1, so the database can be inspected.
class TempDataDir
{
public:
    TempDataDir();
    QString path() const { return m_dir.path(); }
    QString file(const QString& name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

} // namespace paydesk::test
