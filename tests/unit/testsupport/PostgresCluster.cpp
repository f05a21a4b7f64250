#include "testsupport/PostgresCluster.h"

#include <QDir>
#include <QProcess>
#include <QTcpServer>

#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
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
    if (!m_server || m_server->state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_server->processId()), SIGINT); // fast shutdown
    if (!m_server->waitForFinished(10000))
        m_server->kill();
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
    const bool asRoot = ::geteuid() == 0;
    const passwd* pg = asRoot ? ::getpwnam("postgres") : nullptr;
    if (asRoot && !pg)
        return QStringLiteral("running as root, but there is no postgres user to run the server");
    const uid_t uid = pg ? pg->pw_uid : 0;
    const gid_t gid = pg ? pg->pw_gid : 0;
    m_server = std::make_unique<QProcess>();
    m_server->setWorkingDirectory(m_dir.path());
    m_server->setStandardOutputFile(m_dir.filePath(QStringLiteral("server.log")));
    m_server->setStandardErrorFile(m_dir.filePath(QStringLiteral("server.log")), QIODevice::Append);
    m_server->setChildProcessModifier([asRoot, uid, gid] {
        if (asRoot && (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0))
            ::_exit(127);
        // After setuid: a change of user clears the parent-death signal.
        ::prctl(PR_SET_PDEATHSIG, SIGQUIT);
    });
    m_server->start(m_bin + QStringLiteral("/postgres"),
                    {QStringLiteral("-D"), data, QStringLiteral("-p"), QString::number(m_port),
                     QStringLiteral("-k"), m_dir.path(), QStringLiteral("-c"),
                     QStringLiteral("listen_addresses=127.0.0.1"), QStringLiteral("-c"),
                     QStringLiteral("fsync=off")});
    if (!m_server->waitForStarted())
        return QStringLiteral("cannot start postgres: %1").arg(m_server->errorString());
    for (int i = 0; i < 300; ++i) {
        if (m_server->state() == QProcess::NotRunning)
            return QStringLiteral("postgres stopped at start; see %1")
                .arg(m_dir.filePath(QStringLiteral("server.log")));
        if (run(m_bin + QStringLiteral("/pg_isready"),
                {QStringLiteral("-q"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
                 QStringLiteral("-p"), QString::number(m_port)})
                .isEmpty())
            return QString();
        m_server->waitForFinished(100);
    }
    return QStringLiteral("postgres did not accept connections within 30 s");
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
