#pragma once

#include "store/Database.h"

#include <QString>
#include <QTemporaryDir>

namespace paydesk::test {

// A throw-away PostgreSQL cluster for one test: initdb into a temporary
// directory, a server on a free loopback port, trust authentication, no
// fsync; stopped and removed on destruction. Run as root (CI), the server
// runs as the `postgres` user, since PostgreSQL refuses to run as root.
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
    bool m_running = false;
};

} // namespace paydesk::test
