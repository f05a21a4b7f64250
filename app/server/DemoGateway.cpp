#include "DemoGateway.h"

#include "api/CoreConfig.h"
#include "common/SaveFile.h"
#include "common/SecretFile.h"
#include "sandbox/AlipayGatewayFront.h"
#include "sandbox/NotificationSender.h"
#include "sandbox/SandboxAcquirer.h"
#include "sandbox/SandboxCertificates.h"
#include "sandbox/SandboxFronts.h"
#include "sandbox/SandboxGatewayConfig.h"
#include "sandbox/bills/BillDifferences.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <future>

namespace paydesk {

namespace {

// The demo merchant's accounts (the numbers WeChat's and Alipay's own
// documentation use for examples).
const QString kWeChatAppId = QStringLiteral("wx2421b1c4370ec43b");
const QString kWeChatMchId = QStringLiteral("10000100");
const QString kAlipayAppId = QStringLiteral("2021000000000001");

QString writeOnce(const QString& path, const QByteArray& data, bool secret)
{
    return QFile::exists(path) ? QString() : saveFile(path, data, secret);
}

// The demo's keys: an empty file is a damaged demo directory, not a key.
QString readDemoFile(const QString& path, KeyFileKind kind, QByteArray* out)
{
    const QString where = QStringLiteral("the demo gateway");
    return kind == KeyFileKind::Secret ? readSecretFile(QString(), path, where, out)
                                       : readPublicKeyFile(QString(), path, where, out);
}

// WeChat API keys are 32 characters of A-Z a-z 0-9.
QByteArray newApiKey()
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray key(32, '0');
    for (char& c : key)
        c = alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet - 1))];
    return key;
}

} // namespace

struct DemoGateway::Impl
{
    const Clock& clock;
    DemoGatewayOptions options;
    std::unique_ptr<SandboxGateway> gateway;
    QByteArray wechatApiKey;
    QByteArray appPrivateKey;
    QByteArray sandboxPublicKey; // read once the gateway has written it
    TransportConfig transport;

    Impl(const Clock& c, DemoGatewayOptions o) : clock(c), options(std::move(o)) {}

    QString demoFile(const QString& name) const
    {
        return QDir(options.dataDir).filePath(QStringLiteral("demo/") + name);
    }
};

DemoGateway::DemoGateway(const Clock& clock, DemoGatewayOptions options)
    : d(std::make_unique<Impl>(clock, std::move(options)))
{}

DemoGateway::~DemoGateway() = default;

QString DemoGateway::start()
{
    if (!QDir().mkpath(d->demoFile(QString())))
        return QStringLiteral("cannot create %1").arg(d->demoFile(QString()));
    const QString apiKeyFile = d->demoFile(QStringLiteral("wechat-api-key.txt"));
    const QString appPrivateFile = d->demoFile(QStringLiteral("alipay-app-private.pem"));
    const QString appPublicFile = d->demoFile(QStringLiteral("alipay-app-public.pem"));
    if (QString e = writeOnce(apiKeyFile, newApiKey(), true); !e.isEmpty())
        return e;
    // Two RSA key generations are most of a first demo start: the sandbox's
    // runs on a second thread beside the app's (the future joins on return).
    auto sandboxKey =
        std::async(std::launch::async, &SandboxFronts::ensureAlipayKeyPair, d->options.dataDir);
    if (QString e = SandboxFronts::ensureRsaKeyPair(appPrivateFile, appPublicFile,
                                                    QStringLiteral("the demo app's"));
        !e.isEmpty())
        return e;
    QByteArray appPublic;
    struct KeyFile
    {
        QString path;
        KeyFileKind kind;
        QByteArray* out;
    };
    for (const KeyFile& k : {KeyFile{apiKeyFile, KeyFileKind::Secret, &d->wechatApiKey},
                             KeyFile{appPrivateFile, KeyFileKind::Secret, &d->appPrivateKey},
                             KeyFile{appPublicFile, KeyFileKind::Public, &appPublic}})
        if (QString e = readDemoFile(k.path, k.kind, k.out); !e.isEmpty())
            return e;

    // The sandbox's side of the same accounts, also written out so that
    // `paydesk-core sandbox --config DIR/demo/sandbox.json` serves them.
    const QJsonObject sandboxJson{
        {QStringLiteral("dataDir"), QStringLiteral("..")},
        {QStringLiteral("wechat"),
         QJsonArray{QJsonObject{{QStringLiteral("appId"), kWeChatAppId},
                                {QStringLiteral("mchId"), kWeChatMchId},
                                {QStringLiteral("apiKeyFile"),
                                 QStringLiteral("wechat-api-key.txt")}}}},
        {QStringLiteral("alipay"),
         QJsonArray{QJsonObject{{QStringLiteral("appId"), kAlipayAppId},
                                {QStringLiteral("appPublicKeyFile"),
                                 QStringLiteral("alipay-app-public.pem")}}}}};
    if (QString e = writeOnce(d->demoFile(QStringLiteral("sandbox.json")),
                              QJsonDocument(sandboxJson).toJson(), false);
        !e.isEmpty())
        return e;
    SandboxGatewayConfig config;
    config.dataDir = d->options.dataDir;
    config.durable = d->options.durable;
    config.wechat << WeChatSandboxMerchant{kWeChatAppId, kWeChatMchId, d->wechatApiKey};
    QString keyError;
    const alipay::RsaKey appKey =
        alipay::RsaKey::load(appPublic, alipay::RsaKey::Kind::Public, &keyError);
    if (appKey.isNull())
        return QStringLiteral("%1: %2").arg(appPublicFile, keyError);
    config.alipayAppKeys.insert(kAlipayAppId, appKey);

    if (QString e = sandboxKey.get(); !e.isEmpty())
        return e;
    d->gateway = std::make_unique<SandboxGateway>(d->clock, config);
    if (QString e = d->gateway->start(QHostAddress(QHostAddress::LocalHost), 0, d->options.tls);
        !e.isEmpty())
        return e;
    // The sandbox's public key, for the Alipay adapter to verify answers.
    if (QString e = readDemoFile(d->gateway->alipayPublicKeyFile(), KeyFileKind::Public,
                                 &d->sandboxPublicKey);
        !e.isEmpty())
        return e;
    if (d->options.tls) {
        const SandboxCertificateFiles f = d->gateway->certificates();
        if (QString e = loadTransportCertificates(f.caCertificate, f.clientCertificate,
                                                  f.clientKey, d->transport);
            !e.isEmpty())
            return e;
    }
    return QString();
}

GatewaySettings DemoGateway::settings(const QString& channel) const
{
    Q_ASSERT_X(d->gateway, "DemoGateway::settings", "start() first");
    GatewaySettings s;
    s.protocol = channel == QLatin1String("alipay") ? GatewaySettings::Protocol::Alipay
                 : channel == QLatin1String("wechat")
                     ? GatewaySettings::Protocol::WeChatV2
                     : d->options.unionpayProtocol;
    s.transport = d->transport;
    if (!d->options.notifyBaseUrl.isEmpty())
        s.notifyUrl = d->options.notifyBaseUrl + channel;
    if (s.protocol == GatewaySettings::Protocol::WeChatV2) {
        s.url = QUrl(d->gateway->baseUrl() + QStringLiteral("/wechat/"));
        s.appId = kWeChatAppId;
        s.mchId = kWeChatMchId;
        s.apiKey = d->wechatApiKey;
        s.signType = wechat::SignType::HmacSha256;
    } else {
        s.url = QUrl(d->gateway->baseUrl() + QStringLiteral("/alipay/gateway.do"));
        s.appId = kAlipayAppId;
        s.appPrivateKey = d->appPrivateKey;
        s.alipayPublicKey = d->sandboxPublicKey;
        s.billAccount = AlipayGatewayFront::billAccount(kAlipayAppId);
    }
    return s;
}

void DemoGateway::configure(CoreConfig& config) const
{
    for (const QString& channel :
         {QStringLiteral("wechat"), QStringLiteral("alipay"), QStringLiteral("unionpay")})
        config.gateways.insert(channel, settings(channel));
    config.routes = {{Wallet::WeChat, QStringLiteral("wechat")},
                     {Wallet::Alipay, QStringLiteral("alipay")},
                     {Wallet::UnionPay, QStringLiteral("unionpay")}};
    // Sandbox sales stay in the demo's throw-away directory, never in the
    // shop's configured database.
    config.database.reset();
}

SandboxAcquirer& DemoGateway::acquirer()
{
    Q_ASSERT_X(d->gateway, "DemoGateway::acquirer", "start() first");
    return d->gateway->acquirer();
}

void DemoGateway::setBillDifferences(const BillDifferences& differences)
{
    Q_ASSERT_X(d->gateway, "DemoGateway::setBillDifferences", "start() first");
    d->gateway->setBillDifferences(differences);
}

NotificationSender& DemoGateway::notifier()
{
    Q_ASSERT_X(d->gateway, "DemoGateway::notifier", "start() first");
    return d->gateway->notifier();
}

QString DemoGateway::baseUrl() const
{
    return d->gateway ? d->gateway->baseUrl() : QString();
}

} // namespace paydesk
