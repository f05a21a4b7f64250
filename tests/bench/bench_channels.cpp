// bench_channels: round trips of a barcode payment (micropay) through the
// WeChat Pay V2 adapter + the sandbox's HTTP gateway over loopback, against
// the same payments through the in-process sandbox channel (the baseline),
// with N calls in flight. Prints payments/s and p50/p99 latency of both and
// what HTTP adds at p50 (goal: at most 1 ms).
//
//   bench_channels [--payments N] [--concurrency C] [--json]

#include "SandboxGateway.h"
#include "channels/transport/NetworkTransport.h"
#include "channels/wechat/WeChatV2Channel.h"
#include "common/Clock.h"
#include "sandbox/SandboxAcquirer.h"
#include "sandbox/SandboxBehaviour.h"
#include "sandbox/SandboxChannel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace paydesk;

namespace {

constexpr double kGoalAddedP50Ms = 1.0;
const QByteArray kApiKey = "192006250b4c09247ec02edce69f6a2d";
const QString kAppId = QStringLiteral("wxd930ea5d5a258f4f");
const QString kMchId = QStringLiteral("10000100");

struct Figures
{
    double paymentsPerS = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    int failed = 0;
};

// Runs `total` payments with `concurrency` in flight through `channel`.
Figures run(Channel& channel, const QString& prefix, int total, int concurrency)
{
    std::vector<qint64> latenciesNs;
    latenciesNs.reserve(size_t(total));
    int started = 0, done = 0, failed = 0;
    QEventLoop loop;
    QElapsedTimer wall;
    wall.start();
    const QString code = sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess);
    std::function<void()> startOne = [&] {
        if (started >= total)
            return;
        BarcodePayRequest req;
        req.paymentNo = QStringLiteral("%1%2").arg(prefix).arg(started++, 8, 10, QLatin1Char('0'));
        req.authCode = code;
        req.amount = Money::fromFen(100);
        req.subject = QStringLiteral("bench");
        const qint64 t0 = wall.nsecsElapsed();
        channel.barcodePay(req, [&, t0](const ChannelResult& r) {
            latenciesNs.push_back(wall.nsecsElapsed() - t0);
            if (r.status != TradeStatus::Success)
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
    return Figures{double(total) / seconds, pct(0.50), pct(0.99), failed};
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
    p.process(app);
    const int total = std::max(10, p.value(QStringLiteral("payments")).toInt());
    const int concurrency = std::clamp(p.value(QStringLiteral("concurrency")).toInt(), 1, 64);

    QTemporaryDir dir;
    SystemClock clock;
    SandboxGatewayConfig cfg;
    cfg.dataDir = dir.filePath(QStringLiteral("gateway"));
    cfg.wechat << WeChatSandboxMerchant{kAppId, kMchId, kApiKey};
    SandboxGateway gateway(clock, cfg);
    if (QString e = gateway.start(QHostAddress::LocalHost, 0); !e.isEmpty()) {
        std::fprintf(stderr, "bench_channels: %s\n", qPrintable(e));
        return 1;
    }
    TransportConfig t;
    t.maxInFlight = concurrency;
    NetworkTransport transport(t);
    WeChatMerchant m;
    m.appId = kAppId;
    m.mchId = kMchId;
    m.apiKey = kApiKey;
    m.gateway = QUrl(gateway.baseUrl() + QStringLiteral("/wechat/"));
    WeChatV2Channel http(QStringLiteral("wechat"), m, transport);
    // The baseline: the same acquirer (same durable store) without HTTP,
    // XML or signatures.
    SandboxChannel inProcess(QStringLiteral("wechat"), gateway.acquirer());

    run(http, QStringLiteral("W"), std::min(total, 200), concurrency); // warm-up
    const Figures base = run(inProcess, QStringLiteral("B"), total, concurrency);
    const Figures over = run(http, QStringLiteral("H"), total, concurrency);
    const double addedP50 = over.p50Ms - base.p50Ms;
    const bool goalMet = addedP50 <= kGoalAddedP50Ms && over.failed == 0;

    if (p.isSet(QStringLiteral("json"))) {
        std::printf("{\"benchmark\":\"channels\",\"payments\":%d,\"concurrency\":%d,"
                    "\"durable\":true,\"payments_per_s\":%.1f,\"p50_ms\":%.3f,\"p99_ms\":%.3f,"
                    "\"failed\":%d,\"baseline\":{\"method\":\"in-process sandbox channel, same "
                    "acquirer and store\",\"payments_per_s\":%.1f,\"p50_ms\":%.3f,\"p99_ms\":%.3f},"
                    "\"ratio\":%.3f,\"added_p50_ms\":%.3f,\"goals\":{\"added_p50_ms_max\":%.1f},"
                    "\"goals_met\":{\"added_p50_ms\":%s}}\n",
                    total, concurrency, over.paymentsPerS, over.p50Ms, over.p99Ms, over.failed,
                    base.paymentsPerS, base.p50Ms, base.p99Ms,
                    over.paymentsPerS / base.paymentsPerS, addedP50, kGoalAddedP50Ms,
                    goalMet ? "true" : "false");
    } else {
        std::printf(
            "micropay over HTTP (adapter + sandbox gateway): %.0f/s  p50 %.3f ms  p99 %.3f ms"
            "  (%d not successful)\n",
            over.paymentsPerS, over.p50Ms, over.p99Ms, over.failed);
        std::printf(
            "in-process sandbox channel (baseline):          %.0f/s  p50 %.3f ms  p99 %.3f ms\n",
            base.paymentsPerS, base.p50Ms, base.p99Ms);
        std::printf("HTTP adds %.3f ms at p50 (goal <= %.1f ms): %s\n", addedP50, kGoalAddedP50Ms,
                    goalMet ? "met" : "NOT met");
    }
    return 0;
}
