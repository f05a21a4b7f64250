// paydesk-core serve under load: N terminals (RemoteApi, one sale in flight
// each) pay instant sandbox codes over HTTPS to a real `serve` process, on
// SQLite and on PostgreSQL (a throw-away cluster started here). Baseline in
// the same run, on the same cluster: pgbench -b tpcb-like with the same
// client counts. Figures: payments/s (a payment counts when its pay call
// answered ok, i.e. the order is durable and the channel asked), latency
// p50/p99 of that call, and, after the run, that every answered sale ended
// PAID (none lost, none twice).
#include "BenchSupport.h"

#include "RemoteApi.h"
#include "api/TerminalKeyFile.h"
#include "sandbox/SandboxBehaviour.h"
#include "sandbox/SandboxCertificates.h"
#include "testsupport/CoreProcess.h"
#include "testsupport/PostgresCluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <csignal>

using namespace paydesk;
using namespace paydesk::bench;

namespace {

const QString kCoreBin = QStringLiteral(PAYDESK_CORE_BIN_PATH);

QString runCore(const QStringList& args, int* exitCode = nullptr)
{
    QProcess p;
    p.start(kCoreBin, args);
    p.waitForFinished(120'000);
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput()) +
           QString::fromUtf8(p.readAllStandardError());
}

struct Load
{
    double paymentsPerSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    qint64 answered = 0;
    qint64 refused = 0;
    qint64 paidAfter = 0; // orders PAID in the server's books after the run
};

// A server with `terminals` enrolled terminals; `database` empty: SQLite.
class Served
{
public:
    Served(const QString& database, int terminals, bool tls = true) : m_tls(tls)
    {
        if (!m_dir.isValid())
            die(QStringLiteral("no temporary directory"));
        SandboxCertificateFiles pki;
        if (QString e = ensureSandboxCertificates(m_dir.filePath(QStringLiteral("tls")), &pki);
            !e.isEmpty())
            die(e);
        m_ca = pki.caCertificate;
        m_port = test::freeLoopbackPort();
        QFile f(m_dir.filePath(QStringLiteral("shop.json")));
        f.open(QIODevice::WriteOnly);
        f.write(
            QStringLiteral(R"({"sandbox": true, %1 "server": {"listen": "127.0.0.1:%2", %3
            "requestsPerSecond": 100000, "maxConnections": 1024}})")
                .arg(database.isEmpty() ? QString() : database + QLatin1Char(','))
                .arg(m_port)
                .arg(tls ? QStringLiteral(
                               R"("certFile": "tls/server.pem", "keyFile": "tls/server-key.pem",)")
                         : QString())
                .toUtf8());
        f.close();
        for (int i = 0; i < terminals; ++i) {
            const QString terminal = QStringLiteral("T%1").arg(i, 3, 10, QLatin1Char('0'));
            int rc = 0;
            const QString out =
                runCore(local({QStringLiteral("--json"), QStringLiteral("terminal"),
                               QStringLiteral("add"), QStringLiteral("--store"),
                               QStringLiteral("S1"), QStringLiteral("--terminal"), terminal}),
                        &rc);
            const QString code = QJsonDocument::fromJson(out.split(QLatin1Char('\n'))
                                                             .filter(QLatin1String("\"code\""))
                                                             .value(0)
                                                             .toUtf8())
                                     .object()
                                     .value(QStringLiteral("code"))
                                     .toString();
            if (rc != 0 || code.isEmpty())
                die(QStringLiteral("terminal add failed: ") + out);
            m_codes << std::pair{terminal, code};
        }
        m_server.start(kCoreBin, local({QStringLiteral("serve")}));
        if (!test::waitUntilServing(m_server, 30'000))
            die(QStringLiteral("serve did not start: ") + QString::fromUtf8(m_server.readAll()));
        for (const auto& [terminal, code] : std::as_const(m_codes)) {
            TerminalKey key;
            key.storeId = QStringLiteral("S1");
            key.terminalId = terminal;
            key.caFile = m_ca;
            if (QString e = RemoteApi::enrol(url(), key, code, &key.secret); !e.isEmpty())
                die(QStringLiteral("enrol failed: ") + e);
            m_keys << key;
        }
    }
    ~Served()
    {
        if (m_server.state() != QProcess::NotRunning) {
            ::kill(m_server.processId(), SIGTERM);
            m_server.waitForFinished(30'000);
        }
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2")
                        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                        .arg(m_port));
    }
    const QList<TerminalKey>& keys() const { return m_keys; }
    QStringList local(const QStringList& args) const
    {
        return QStringList{QStringLiteral("--data"), m_dir.filePath(QStringLiteral("data")),
                           QStringLiteral("--config"),
                           m_dir.filePath(QStringLiteral("shop.json"))} +
               args;
    }
    // A sale is answered once its order is stored; its channel call may
    // still be finishing when the load stops, so the books are read until
    // they show every answered sale paid, or 15 s have passed.
    qint64 paidOrders(qint64 answered)
    {
        QElapsedTimer waited;
        waited.start();
        qint64 paid = 0;
        do {
            const QString out = runCore(
                local({QStringLiteral("--json"), QStringLiteral("order"), QStringLiteral("list"),
                       QStringLiteral("--status"), QStringLiteral("PAID"),
                       QStringLiteral("--limit"), QStringLiteral("100000")}));
            paid = out.count(QLatin1String("\"state\":\"PAID\""));
        } while (paid < answered && waited.elapsed() < 15'000);
        return paid;
    }
    void stop()
    {
        ::kill(m_server.processId(), SIGTERM);
        m_server.waitForFinished(30'000);
    }

private:
    bool m_tls = true;
    QTemporaryDir m_dir;
    QString m_ca;
    quint16 m_port = 0;
    QList<std::pair<QString, QString>> m_codes;
    QList<TerminalKey> m_keys;
    QProcess m_server;
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return std::nan("");
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

Load drive(Served& s, int seconds)
{
    std::vector<std::unique_ptr<RemoteApi>> clients;
    for (const TerminalKey& key : s.keys()) {
        RemoteOptions o;
        o.server = s.url();
        o.key = key;
        clients.push_back(std::make_unique<RemoteApi>(o));
    }
    const QString code = sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess);
    std::vector<double> latencies;
    Load load;
    QElapsedTimer clock;
    clock.start();
    const qint64 endMs = qint64(seconds) * 1000;
    int running = int(clients.size());
    QEventLoop loop;
    qint64 serial = 0;
    std::function<void(RemoteApi*)> next = [&](RemoteApi* api) {
        if (clock.elapsed() >= endMs) {
            if (--running == 0)
                loop.quit();
            return;
        }
        const qint64 startedNs = clock.nsecsElapsed();
        PayCommand cmd{QStringLiteral("b%1").arg(++serial), Money::fromFen(100), code, kSubject,
                       QString()};
        api->pay(cmd, [&, api, startedNs](const CommandOutcome& o) {
            latencies.push_back(double(clock.nsecsElapsed() - startedNs) / 1e6);
            (o.ok() ? load.answered : load.refused) += 1;
            next(api);
        });
    };
    for (auto& c : clients)
        next(c.get());
    loop.exec();
    const double elapsedS = double(clock.elapsed()) / 1000.0;
    load.paymentsPerSecond = double(load.answered) / elapsedS;
    load.p50Ms = percentile(latencies, 0.50);
    load.p99Ms = percentile(latencies, 0.99);
    return load;
}

// pgbench -b tpcb-like on the same cluster: TPS at `clients`.
double pgbenchTps(const DatabaseConfig& db, int clients, int seconds)
{
    const QString bin = QStringLiteral("/usr/lib/postgresql/15/bin/pgbench");
    const QStringList conn = {QStringLiteral("-h"), db.host,
                              QStringLiteral("-p"), QString::number(db.port),
                              QStringLiteral("-U"), db.user};
    QProcess init;
    init.start(bin,
               conn + QStringList{QStringLiteral("-i"), QStringLiteral("-q"), QStringLiteral("-s"),
                                  QStringLiteral("10"), db.databaseName});
    init.waitForFinished(300'000);
    if (init.exitCode() != 0)
        die(QStringLiteral("pgbench -i failed: ") + QString::fromUtf8(init.readAllStandardError()));
    QProcess run;
    run.start(bin, conn + QStringList{QStringLiteral("-b"), QStringLiteral("tpcb-like"),
                                      QStringLiteral("-n"), QStringLiteral("-c"),
                                      QString::number(clients), QStringLiteral("-j"),
                                      QStringLiteral("2"), QStringLiteral("-T"),
                                      QString::number(seconds), db.databaseName});
    run.waitForFinished(600'000);
    const QString out = QString::fromUtf8(run.readAllStandardOutput());
    const auto m = QRegularExpression(QStringLiteral("tps = ([0-9.]+)")).match(out);
    if (!m.hasMatch())
        die(QStringLiteral("pgbench said: ") + out + QString::fromUtf8(run.readAllStandardError()));
    return m.captured(1).toDouble();
}

JsonObject figures(const Load& l)
{
    JsonObject o;
    o.number(QStringLiteral("payments_per_s"), l.paymentsPerSecond, 1)
        .number(QStringLiteral("p50_ms"), l.p50Ms, 2)
        .number(QStringLiteral("p99_ms"), l.p99Ms, 2)
        .integer(QStringLiteral("answered"), l.answered)
        .integer(QStringLiteral("refused"), l.refused)
        .integer(QStringLiteral("paid_after"), l.paidAfter)
        .flag(QStringLiteral("all_answered_paid"), l.paidAfter == l.answered);
    return o;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_serve"));
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("one JSON object"));
    const QCommandLineOption terminals(QStringLiteral("terminals"), QStringLiteral("client counts"),
                                       QStringLiteral("list"), QStringLiteral("4,16,64"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("per measurement"),
                                     QStringLiteral("s"), QStringLiteral("5"));
    const QCommandLineOption plain(
        QStringLiteral("plain-http"),
        QStringLiteral("HTTP and WS instead of HTTPS and WSS (what TLS costs)"));
    const QCommandLineOption backend(QStringLiteral("backend"),
                                     QStringLiteral("sqlite, postgres or both"),
                                     QStringLiteral("name"), QStringLiteral("both"));
    p.addOptions({json, terminals, seconds, backend, plain});
    p.addHelpOption();
    p.process(app);
    const bool tls = !p.isSet(plain);
    const int secs = positiveOption(p, seconds);
    QList<int> counts;
    for (const QString& t : p.value(terminals).split(QLatin1Char(','))) {
        bool ok = false;
        const int n = t.toInt(&ok);
        if (!ok || n <= 0 || n > 512)
            die(QStringLiteral("--terminals takes counts 1..512, e.g. 4,16,64"));
        counts << n;
    }
    const QString which = p.value(backend);
    JsonObject out;
    out.text(QStringLiteral("load"),
             QStringLiteral("serve, clients and database on this machine (%1 cores)")
                 .arg(QThread::idealThreadCount()))
        .integer(QStringLiteral("seconds_per_point"), secs)
        .text(QStringLiteral("transport"),
              tls ? QStringLiteral("https+wss") : QStringLiteral("http+ws"));
    if (which == QLatin1String("sqlite") || which == QLatin1String("both")) {
        JsonObject sqlite;
        for (int n : counts) {
            Served s(QString(), n, tls);
            Load l = drive(s, secs);
            l.paidAfter = s.paidOrders(l.answered);
            sqlite.object(QStringLiteral("terminals_%1").arg(n), figures(l));
        }
        out.object(QStringLiteral("sqlite"), sqlite);
    }
    if (which == QLatin1String("postgres") || which == QLatin1String("both")) {
        test::PostgresCluster cluster;
        if (QString e = cluster.start(); !e.isEmpty())
            die(e);
        JsonObject pg;
        int db = 0;
        for (int n : counts) {
            QString error;
            const DatabaseConfig c =
                cluster.newDatabase(QStringLiteral("serve%1").arg(++db), &error);
            if (!error.isEmpty())
                die(error);
            const QString database =
                QStringLiteral(R"("database": {"postgres": {"host": "%1", "port": %2,
                "name": "%3", "user": "%4"}})")
                    .arg(c.host)
                    .arg(c.port)
                    .arg(c.databaseName, c.user);
            Load l;
            {
                Served s(database, n, tls);
                l = drive(s, secs);
                l.paidAfter = s.paidOrders(l.answered);
            }
            const DatabaseConfig base =
                cluster.newDatabase(QStringLiteral("pgbench%1").arg(db), &error);
            const double tps = pgbenchTps(base, n, secs);
            JsonObject f = figures(l);
            f.number(QStringLiteral("baseline_pgbench_tps"), tps, 1)
                .number(QStringLiteral("ratio"), l.paymentsPerSecond / tps, 3);
            pg.object(QStringLiteral("terminals_%1").arg(n), f);
        }
        out.object(QStringLiteral("postgres"), pg);
    }
    std::printf("%s\n", qPrintable(p.isSet(json) ? out.toJson() : out.toTable()));
    return 0;
}
