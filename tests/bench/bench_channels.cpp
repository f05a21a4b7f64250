// bench_channels: round trips of a barcode payment through each protocol
// adapter + the sandbox's HTTP gateway over loopback (WeChat Pay V2
// micropay: XML, HMAC-SHA256; Alipay alipay.trade.pay: form, RSA2 signed both
// ways), against the same payments through the in-process sandbox channel
// (the baseline), with 1 and with C calls in flight. Prints payments/s,
// p50/p99 latency and CPU per payment (every thread) of each and what the
// adapter and HTTP add at p50 (goal: at most 1 ms). The top-level figures
// are WeChat's at C in flight.
//
// The sandbox gateway runs on a thread of its own, as a real gateway runs
// elsewhere; the baseline then has its own acquirer with the same durable
// store settings. --same-thread runs the gateway on the client's thread
// instead, as the embedded demo does.
//
// --tls talks HTTPS to the gateway (its generated test CA), as merchants
// reach real gateways. --only wechat|alipay measures one protocol.
//
// The HTTP floor rows measure the same transport against a server that
// answers a canned body at once (plain HTTP, no messages, signatures or
// store): what Qt's HTTP client and server cost before any adapter work.
//
//   bench_channels [--payments N] [--concurrency C] [--same-thread] [--tls] [--only P] [--json]

#include "GatewayHttpServer.h"
#include "HttpServerSupport.h"
#include "SandboxGateway.h"
#include "channels/alipay/AlipayChannel.h"
#include "channels/transport/NetworkTransport.h"
#include "channels/wechat/WeChatV2Channel.h"
#include "common/Clock.h"
#include "sandbox/SandboxAcquirer.h"
#include "sandbox/SandboxBehaviour.h"
#include "sandbox/SandboxCertificates.h"
#include "sandbox/SandboxChannel.h"
#include "sandbox/SandboxGatewayConfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

using namespace paydesk;

namespace {

constexpr double kGoalAddedP50Ms = 1.0;
const QByteArray kApiKey = "192006250b4c09247ec02edce69f6a2d";
const QString kAppId = QStringLiteral("wxd930ea5d5a258f4f");
const QString kMchId = QStringLiteral("10000100");
const QString kAlipayAppId = QStringLiteral("2021000000000001");

struct Figures
{
    double paymentsPerS = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    int failed = 0;
    double cpuMsPerPayment = 0; // every thread of the process, user + system
};

double processCpuMs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

// Runs `total` calls with `concurrency` in flight; `call(i, done)` starts the
// i-th and reports through done(success).
Figures measure(int total, int concurrency,
                const std::function<void(int, std::function<void(bool)>)>& call)
{
    std::vector<qint64> latenciesNs;
    latenciesNs.reserve(size_t(total));
    int started = 0, done = 0, failed = 0;
    QEventLoop loop;
    QElapsedTimer wall;
    wall.start();
    const double cpuStartMs = processCpuMs();
    std::function<void()> startOne = [&] {
        if (started >= total)
            return;
        const qint64 t0 = wall.nsecsElapsed();
        call(started++, [&, t0](bool success) {
            latenciesNs.push_back(wall.nsecsElapsed() - t0);
            if (!success)
                ++failed;
            if (++done == total)
                loop.quit();
            else
                startOne();
        });
    };
    for (int i = 0; i < concurrency; ++i)
        startOne();
    loop.exec();
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    std::sort(latenciesNs.begin(), latenciesNs.end());
    auto pct = [&](double p) {
        return double(latenciesNs[size_t(p * double(latenciesNs.size() - 1))]) / 1e6;
    };
    return Figures{double(total) / seconds, pct(0.50), pct(0.99), failed,
                   (processCpuMs() - cpuStartMs) / total};
}

// Runs `total` payments with `concurrency` in flight through `channel`.
Figures run(Channel& channel, const QString& prefix, int total, int concurrency,
            Wallet wallet = Wallet::WeChat)
{
    const QString code = sandboxCode(wallet, SandboxBehaviour::InstantSuccess);
    return measure(total, concurrency, [&](int i, std::function<void(bool)> done) {
        BarcodePayRequest req;
        req.paymentNo = QStringLiteral("%1%2").arg(prefix).arg(i, 8, 10, QLatin1Char('0'));
        req.authCode = code;
        req.amount = Money::fromFen(100);
        req.subject = QStringLiteral("bench");
        channel.barcodePay(req, [done = std::move(done)](const ChannelResult& r) {
            done(r.status == TradeStatus::Success);
        });
    });
}

// What HTTP alone costs: the adapters' transport posting a micropay-sized
// body to a server that answers a canned micropay-sized body at once. No
// messages, signatures or store: the floor under what the adapters add.
class CannedHttpServer final : public QAbstractHttpServer
{
public:
    static constexpr qsizetype kAnswerBytes = 660;

private:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        static const QByteArray answer(kAnswerBytes, 'x');
        makeResponder(request, socket)
            .write(answer, {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")}},
                   QHttpServerResponder::StatusCode::Ok);
        return true;
    }
    void missingHandler(const QHttpServerRequest&, QTcpSocket*) override {}
};

Figures runHttpFloor(NetworkTransport& transport, const QUrl& url, int total, int concurrency)
{
    HttpCall call;
    call.url = url;
    call.contentType = QByteArrayLiteral("text/xml");
    call.body = QByteArray(800, 'x');
    return measure(total, concurrency, [&](int, std::function<void(bool)> done) {
        transport.post(call, [done = std::move(done)](const HttpReply& r) {
            done(r.outcome == HttpReply::Outcome::Answered &&
                 r.body.size() == CannedHttpServer::kAnswerBytes);
        });
    });
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption(
        {QStringLiteral("payments"), QString(), QStringLiteral("n"), QStringLiteral("2000")});
    p.addOption(
        {QStringLiteral("concurrency"), QString(), QStringLiteral("c"), QStringLiteral("4")});
    p.addOption({QStringLiteral("json"), QString()});
    p.addOption({QStringLiteral("same-thread"), QString()});
    p.addOption({QStringLiteral("only"), QString(), QStringLiteral("protocol")});
    p.addOption({QStringLiteral("tls"), QString()});
    p.process(app);
    const bool gatewayThread = !p.isSet(QStringLiteral("same-thread"));
    const bool tls = p.isSet(QStringLiteral("tls"));
    const int total = std::max(10, p.value(QStringLiteral("payments")).toInt());
    const int concurrency = std::clamp(p.value(QStringLiteral("concurrency")).toInt(), 1, 64);

    QTemporaryDir dir;
    SystemClock clock;
    QByteArray appPrivatePem, appPublicPem;
    if (!alipay::RsaKey::generate(2048, &appPrivatePem, &appPublicPem)) {
        std::fprintf(stderr, "bench_channels: cannot generate an RSA key pair\n");
        return 1;
    }
    QString keyError;
    SandboxGatewayConfig cfg;
    cfg.dataDir = dir.filePath(QStringLiteral("gateway"));
    cfg.wechat << WeChatSandboxMerchant{kAppId, kMchId, kApiKey};
    cfg.alipayAppKeys.insert(
        kAlipayAppId, alipay::RsaKey::load(appPublicPem, alipay::RsaKey::Kind::Public, &keyError));
    // The gateway lives (is made, serves and is destroyed) on its thread.
    QThread thread;
    QObject threadContext;
    std::unique_ptr<SandboxGateway> gatewayOwner;
    std::unique_ptr<CannedHttpServer> canned; // beside the gateway, on its thread
    quint16 cannedPort = 0;
    QString startError;
    auto onGatewayThread = [&](const std::function<void()>& f) {
        if (gatewayThread)
            QMetaObject::invokeMethod(&threadContext, f, Qt::BlockingQueuedConnection);
        else
            f();
    };
    if (gatewayThread) {
        thread.setObjectName(QStringLiteral("gateway"));
        threadContext.moveToThread(&thread);
        thread.start();
    }
    onGatewayThread([&] {
        gatewayOwner = std::make_unique<SandboxGateway>(clock, cfg);
        startError = gatewayOwner->start(QHostAddress::LocalHost, 0, tls);
        canned = std::make_unique<CannedHttpServer>();
        auto* listener = new QTcpServer(canned.get());
        if (listener->listen(QHostAddress::LocalHost, 0)) {
            canned->bind(listener);
            cannedPort = listener->serverPort();
        } else if (startError.isEmpty()) {
            startError =
                QStringLiteral("the canned HTTP server cannot listen: ") + listener->errorString();
        }
    });
    const auto stopGateway = qScopeGuard([&] {
        onGatewayThread([&] {
            canned.reset();
            gatewayOwner.reset();
        });
        thread.quit();
        thread.wait();
    });
    if (!startError.isEmpty()) {
        std::fprintf(stderr, "bench_channels: %s\n", qPrintable(startError));
        return 1;
    }
    SandboxGateway& gateway = *gatewayOwner;
    QFile sandboxPublic(gateway.alipayPublicKeyFile());
    if (!sandboxPublic.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_channels: cannot read the sandbox's public key\n");
        return 1;
    }
    TransportConfig t;
    t.maxInFlight = concurrency;
    if (tls) {
        if (QString e = loadTransportCertificates(gateway.certificates().caCertificate, QString(),
                                                  QString(), t);
            !e.isEmpty()) {
            std::fprintf(stderr, "bench_channels: %s\n", qPrintable(e));
            return 1;
        }
    }
    NetworkTransport wechatTransport(t);
    NetworkTransport alipayTransport(t);
    WeChatMerchant m;
    m.appId = kAppId;
    m.mchId = kMchId;
    m.apiKey = kApiKey;
    m.gateway = QUrl(gateway.baseUrl() + QStringLiteral("/wechat/"));
    WeChatV2Channel wechat(QStringLiteral("wechat"), m, wechatTransport);
    alipay::ClientConfig a;
    a.appId = kAlipayAppId;
    a.appPrivateKey = alipay::RsaKey::load(appPrivatePem, alipay::RsaKey::Kind::Private, &keyError);
    a.alipayPublicKey =
        alipay::RsaKey::load(sandboxPublic.readAll(), alipay::RsaKey::Kind::Public, &keyError);
    alipay::AlipayChannel alipayChannel(
        alipayTransport, a, QUrl(gateway.baseUrl() + QStringLiteral("/alipay/gateway.do")),
        QStringLiteral("alipay"), &clock);
    // The baseline: the same acquirer (same durable store) without HTTP,
    // messages or signatures.
    SandboxAcquirer ownAcquirer(clock);
    if (gatewayThread) {
        DatabaseConfig db;
        db.sqlitePath = dir.filePath(QStringLiteral("baseline.db"));
        if (QString e = ownAcquirer.open(db); !e.isEmpty()) {
            std::fprintf(stderr, "bench_channels: %s\n", qPrintable(e));
            return 1;
        }
    }
    SandboxChannel inProcess(QStringLiteral("wechat"),
                             gatewayThread ? ownAcquirer : gateway.acquirer());

    struct Row
    {
        const char* protocol;
        int concurrency;
        Figures over;
        Figures base;
        double addedP50() const { return over.p50Ms - base.p50Ms; }
        bool met() const { return addedP50() <= kGoalAddedP50Ms && over.failed == 0; }
    };
    QList<Row> rows;
    int batch = 0;
    auto prefix = [&](char kind) {
        return QStringLiteral("%1%2-").arg(QLatin1Char(kind)).arg(++batch);
    };
    run(wechat, prefix('W'), std::min(total, 200), concurrency); // warm-up
    run(alipayChannel, prefix('W'), std::min(total, 100), concurrency, Wallet::Alipay);
    const QString only = p.value(QStringLiteral("only"));
    for (const int c : {1, concurrency}) {
        const Figures base = run(inProcess, prefix('B'), total, c);
        if (only != QLatin1String("alipay"))
            rows.append({"wechat", c, run(wechat, prefix('H'), total, c), base});
        if (only != QLatin1String("wechat"))
            rows.append(
                {"alipay", c, run(alipayChannel, prefix('A'), total, c, Wallet::Alipay), base});
        if (concurrency == 1)
            break;
    }
    // The top-level figures: WeChat at C in flight, else the last row.
    const Row* topRow = &rows.last();
    for (const Row& r : rows)
        if (r.concurrency == concurrency && QLatin1String(r.protocol) == QLatin1String("wechat"))
            topRow = &r;
    const Row& top = *topRow;

    NetworkTransport floorTransport(t);
    const QUrl cannedUrl(QStringLiteral("http://127.0.0.1:%1/wechat/pay/micropay").arg(cannedPort));
    runHttpFloor(floorTransport, cannedUrl, std::min(total, 200), concurrency); // warm-up
    QList<std::pair<int, Figures>> floor;
    for (const int c : {1, concurrency}) {
        floor.append({c, runHttpFloor(floorTransport, cannedUrl, total, c)});
        if (concurrency == 1)
            break;
    }

    if (p.isSet(QStringLiteral("json"))) {
        QString rowsJson;
        for (const Row& r : rows)
            rowsJson += QStringLiteral("%1{\"protocol\":\"%2\",\"concurrency\":%3,"
                                       "\"payments_per_s\":%4,\"p50_ms\":%5,\"p99_ms\":%6,"
                                       "\"failed\":%7,\"baseline_payments_per_s\":%8,"
                                       "\"baseline_p50_ms\":%9,\"added_p50_ms\":%10,"
                                       "\"added_p50_met\":%11,\"cpu_ms_per_payment\":%12,"
                                       "\"baseline_cpu_ms_per_payment\":%13}")
                            .arg(rowsJson.isEmpty() ? QString() : QStringLiteral(","))
                            .arg(QLatin1String(r.protocol))
                            .arg(r.concurrency)
                            .arg(r.over.paymentsPerS, 0, 'f', 1)
                            .arg(r.over.p50Ms, 0, 'f', 3)
                            .arg(r.over.p99Ms, 0, 'f', 3)
                            .arg(r.over.failed)
                            .arg(r.base.paymentsPerS, 0, 'f', 1)
                            .arg(r.base.p50Ms, 0, 'f', 3)
                            .arg(r.addedP50(), 0, 'f', 3)
                            .arg(r.met() ? QStringLiteral("true") : QStringLiteral("false"))
                            .arg(r.over.cpuMsPerPayment, 0, 'f', 3)
                            .arg(r.base.cpuMsPerPayment, 0, 'f', 3);
        QString floorJson;
        for (const auto& [c, f] : floor)
            floorJson += QStringLiteral("%1{\"concurrency\":%2,\"requests_per_s\":%3,\"p50_ms\":%4,"
                                        "\"p99_ms\":%5,\"cpu_ms_per_request\":%6,\"failed\":%7}")
                             .arg(floorJson.isEmpty() ? QString() : QStringLiteral(","))
                             .arg(c)
                             .arg(f.paymentsPerS, 0, 'f', 1)
                             .arg(f.p50Ms, 0, 'f', 3)
                             .arg(f.p99Ms, 0, 'f', 3)
                             .arg(f.cpuMsPerPayment, 0, 'f', 3)
                             .arg(f.failed);
        const bool everyRowMet =
            std::all_of(rows.cbegin(), rows.cend(), [](const Row& r) { return r.met(); });
        std::printf("{\"benchmark\":\"channels\",\"payments\":%d,\"concurrency\":%d,"
                    "\"durable\":true,\"gateway_thread\":%s,\"tls\":%s,\"payments_per_s\":%.1f,"
                    "\"p50_ms\":%."
                    "3f,\"p99_ms\":%.3f,"
                    "\"failed\":%d,\"baseline\":{\"method\":\"%s\",\"payments_per_s\":%.1f,\"p50_"
                    "ms\":%.3f,\"p99_ms\":%.3f},"
                    "\"ratio\":%.3f,\"added_p50_ms\":%.3f,\"rows\":[%s],"
                    "\"http_floor\":{\"method\":\"the same transport posting 800 bytes to a "
                    "plain-HTTP server answering a canned %d-byte body\",\"rows\":[%s]},"
                    "\"goals\":{\"added_p50_ms_max\":%.1f},"
                    "\"goals_met\":{\"added_p50_ms\":%s,\"added_p50_ms_every_row\":%s}}\n",
                    total, concurrency, gatewayThread ? "true" : "false", tls ? "true" : "false",
                    top.over.paymentsPerS, top.over.p50Ms, top.over.p99Ms, top.over.failed,
                    gatewayThread ? "in-process sandbox channel, its own acquirer with the same "
                                    "durable store"
                                  : "in-process sandbox channel, the gateway's acquirer and store",
                    top.base.paymentsPerS, top.base.p50Ms, top.base.p99Ms,
                    top.over.paymentsPerS / top.base.paymentsPerS, top.addedP50(),
                    qUtf8Printable(rowsJson), int(CannedHttpServer::kAnswerBytes),
                    qUtf8Printable(floorJson), kGoalAddedP50Ms, top.met() ? "true" : "false",
                    everyRowMet ? "true" : "false");
    } else {
        for (const Row& r : rows)
            std::printf(
                "%-6s %2d in flight: %6.0f/s  p50 %.3f ms  p99 %.3f ms  cpu %.3f ms  (%d not "
                "successful); in-process %6.0f/s  p50 %.3f ms  cpu %.3f ms; adds %.3f ms at p50 "
                "(goal <= %.1f): %s\n",
                r.protocol, r.concurrency, r.over.paymentsPerS, r.over.p50Ms, r.over.p99Ms,
                r.over.cpuMsPerPayment, r.over.failed, r.base.paymentsPerS, r.base.p50Ms,
                r.base.cpuMsPerPayment, r.addedP50(), kGoalAddedP50Ms, r.met() ? "met" : "NOT met");
        for (const auto& [c, f] : floor)
            std::printf("HTTP floor %2d in flight: %6.0f/s  p50 %.3f ms  p99 %.3f ms  cpu %.3f ms "
                        "(%d failed): plain HTTP, canned answer, no messages or signatures\n",
                        c, f.paymentsPerS, f.p50Ms, f.p99Ms, f.cpuMsPerPayment, f.failed);
    }
    return 0;
}
