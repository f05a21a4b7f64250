#include "testsupport/PostgresCluster.h"

#include <QDir>
#include <QProcess>
#include <QTcpServer>

#include <unistd.h>

namespace paydesk::test {

namespace {

// The newest server version installed by packaging/install-deps.sh.
QString serverBin()
{
    QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString& a, const QString& b) { return a.toInt() < b.toInt(); });
    for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
        const QString bin = root.filePath(*it + QStringLiteral("/bin"));
        if (QFile::exists(bin + QStringLiteral("/initdb")))
            return bin;
    }
    return QString();
}

int freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

} // namespace

PostgresCluster::~PostgresCluster()
{
    if (m_running)
        run(m_bin + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
             QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")});
}

QString PostgresCluster::run(const QString& program, const QStringList& args, QString* output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(m_dir.path()); // the postgres user may not enter ours
    if (::geteuid() == 0)
        p.start(QStringLiteral("runuser"),
                QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                            program} +
                    args);
    else
        p.start(program, args);
    if (!p.waitForFinished(60000))
        return QStringLiteral("%1 did not finish: %2").arg(program, p.errorString());
    const QString out = QString::fromLocal8Bit(p.readAll());
    if (output)
        *output = out;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("%1 failed (%2): %3").arg(program).arg(p.exitCode()).arg(out);
    return QString();
}

QString PostgresCluster::start()
{
    m_bin = serverBin();
    if (m_bin.isEmpty())
        return QStringLiteral("no PostgreSQL server under /usr/lib/postgresql "
                              "(run packaging/install-deps.sh)");
    if (!m_dir.isValid())
        return QStringLiteral("cannot make a temporary directory");
    if (::geteuid() == 0) {
        QProcess chown;
        chown.start(QStringLiteral("chown"), {QStringLiteral("postgres"), m_dir.path()});
        if (!chown.waitForFinished() || chown.exitCode() != 0)
            return QStringLiteral("cannot hand %1 to the postgres user").arg(m_dir.path());
    }
    const QString data = m_dir.filePath(QStringLiteral("data"));
    if (QString e = run(m_bin + QStringLiteral("/initdb"),
                        {QStringLiteral("-D"), data, QStringLiteral("-A"), QStringLiteral("trust"),
                         QStringLiteral("-U"), QStringLiteral("postgres"),
                         QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--no-sync")});
        !e.isEmpty())
        return e;
    m_port = freePort();
    if (m_port == 0)
        return QStringLiteral("no free loopback port");
    const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off")
                                .arg(m_port)
                                .arg(m_dir.path());
    if (QString e = run(m_bin + QStringLiteral("/pg_ctl"),
                        {QStringLiteral("-D"), data, QStringLiteral("-o"), options,
                         QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")),
                         QStringLiteral("-w"), QStringLiteral("start")});
        !e.isEmpty())
        return e;
    m_running = true;
    return QString();
}

DatabaseConfig PostgresCluster::newDatabase(const QString& name, QString* error)
{
    DatabaseConfig c;
    c.dialect = SqlDialect::Postgres;
    c.port = m_port;
    c.user = QStringLiteral("postgres");
    c.databaseName = name;
    *error = run(m_bin + QStringLiteral("/createdb"),
                 {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                  QString::number(m_port), QStringLiteral("-U"), QStringLiteral("postgres"), name});
    return c;
}

} // namespace paydesk::test
