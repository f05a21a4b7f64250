#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace paydesk::test {

// A test shop: wallets without a gateway are served by the in-process
// sandbox. PayDesk never does this unless the configuration says so.
inline constexpr char kSandboxShop[] = R"({"sandbox": true})";

// A throw-away data directory that is kept (and printed) when a test fails
// with PAYDESK_KEEP_TEST_DATA=1, so the database can be inspected.
class TempDataDir
{
public:
    TempDataDir();
    // With `config` written as the directory's paydesk.json (e.g.
    // kSandboxShop for command-line tests that charge sandbox codes).
    explicit TempDataDir(const QByteArray& config);
    QString path() const { return m_dir.path(); }
    QString file(const QString& name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

// Writes `bytes` to `path` with the permission bits `mode` (a key file
// as a test needs it: owner-only, or open to others); fails the test run
// when it cannot.
void writeFile(const QString& path, const QByteArray& bytes, unsigned mode = 0600);
// The permission bits of `path`, -1 when it cannot be read.
int fileMode(const QString& path);

} // namespace paydesk::test
