#pragma once

#include "store/Database.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace paydesk::test {

// A throw-away PostgreSQL cluster for one test: initdb into a temporary
// directory, a server on a free loopback port, trust authentication, no
// fsync; stopped and removed on destruction. The server is this process's
// child and is told to quit if this process dies (a crash, a watchdog), so
// no server outlives its test. Run as root (CI), it runs as the `postgres`
// user, since PostgreSQL refuses to run as root.
class PostgresCluster
{
public:
    PostgresCluster() = default;
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster&) = delete;
    PostgresCluster& operator=(const PostgresCluster&) = delete;

    // Error text, empty when the server accepts connections.
    QString start();
    // A fresh database in the cluster, and the settings to open it.
    DatabaseConfig newDatabase(const QString& name, QString* error);

private:
    QString run(const QString& program, const QStringList& args, QString* output = nullptr);

    QTemporaryDir m_dir;
    QString m_bin;
    int m_port = 0;
    std::unique_ptr<QProcess> m_server;
};

} // namespace paydesk::test
