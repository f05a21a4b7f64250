#include "SandboxGateway.h"

#include "sandbox/SandboxAcquirer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace paydesk {

QString loadSandboxGatewayConfig(const QString& path, SandboxGatewayConfig& out)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return QStringLiteral("%1 is not a JSON object: %2").arg(path, pe.errorString());
    const QJsonObject root = doc.object();
    const QDir base = QFileInfo(path).absoluteDir();
    for (auto it = root.begin(); it != root.end(); ++it)
        if (it.key() != QLatin1String("dataDir") && it.key() != QLatin1String("wechat") &&
            it.key() != QLatin1String("alipay"))
            return QStringLiteral("%1: unknown key '%2' (known: dataDir, wechat, alipay)")
                .arg(path, it.key());
    SandboxGatewayConfig c = out;
    if (root.contains(QStringLiteral("dataDir")))
        c.dataDir = base.absoluteFilePath(root.value(QStringLiteral("dataDir")).toString());
    const QJsonArray wechat = root.value(QStringLiteral("wechat")).toArray();
    for (qsizetype i = 0; i < wechat.size(); ++i) {
        const QJsonObject m = wechat.at(i).toObject();
        const QString where = QStringLiteral("%1: wechat[%2]").arg(path).arg(i);
        WeChatSandboxMerchant w;
        w.appId = m.value(QStringLiteral("appId")).toString();
        w.mchId = m.value(QStringLiteral("mchId")).toString();
        const QString keyFile = m.value(QStringLiteral("apiKeyFile")).toString();
        if (w.appId.isEmpty() || w.mchId.isEmpty() || keyFile.isEmpty())
            return where + QStringLiteral(" needs appId, mchId and apiKeyFile");
        QFile k(base.absoluteFilePath(keyFile));
        if (!k.open(QIODevice::ReadOnly))
            return QStringLiteral("%1: cannot read %2: %3")
                .arg(where, k.fileName(), k.errorString());
        w.apiKey = k.readAll().trimmed();
        if (w.apiKey.isEmpty())
            return QStringLiteral("%1: %2 is empty").arg(where, k.fileName());
        c.wechat << w;
    }
    const QJsonArray alipayApps = root.value(QStringLiteral("alipay")).toArray();
    for (qsizetype i = 0; i < alipayApps.size(); ++i) {
        const QJsonObject m = alipayApps.at(i).toObject();
        const QString where = QStringLiteral("%1: alipay[%2]").arg(path).arg(i);
        const QString appId = m.value(QStringLiteral("appId")).toString();
        const QString keyFile = m.value(QStringLiteral("appPublicKeyFile")).toString();
        if (appId.isEmpty() || keyFile.isEmpty())
            return where + QStringLiteral(" needs appId and appPublicKeyFile");
        QFile k(base.absoluteFilePath(keyFile));
        if (!k.open(QIODevice::ReadOnly))
            return QStringLiteral("%1: cannot read %2: %3")
                .arg(where, k.fileName(), k.errorString());
        QString error;
        const alipay::RsaKey key =
            alipay::RsaKey::load(k.readAll(), alipay::RsaKey::Kind::Public, &error);
        if (key.isNull())
            return QStringLiteral("%1: %2: %3").arg(where, k.fileName(), error);
        c.alipayAppKeys.insert(appId, key);
    }
    if (c.dataDir.isEmpty())
        return QStringLiteral("%1: dataDir is required (where the sandbox keeps its trades)")
            .arg(path);
    out = c;
    return QString();
}

SandboxGateway::SandboxGateway(const Clock& clock, SandboxGatewayConfig config)
    : m_config(std::move(config)), m_acquirer(std::make_unique<SandboxAcquirer>(clock))
{}

SandboxGateway::~SandboxGateway()
{
    // The listener goes first: no request may reach a front being destroyed.
    m_server.reset();
    m_wechat.reset();
    m_alipay.reset();
}

QString SandboxGateway::start(const QHostAddress& address, quint16 port,
                              const GatewayTlsConfig* tls)
{
    if (!QDir().mkpath(m_config.dataDir))
        return QStringLiteral("cannot create %1").arg(m_config.dataDir);
    DatabaseConfig db;
    db.sqlitePath = QDir(m_config.dataDir).filePath(QStringLiteral("sandbox.db"));
    db.durable = m_config.durable;
    if (QString e = m_acquirer->open(db); !e.isEmpty())
        return e;
    m_wechat = std::make_unique<WeChatGatewayFront>(*m_acquirer, QStringLiteral("wechat"),
                                                    m_config.wechat);
    // The sandbox's own Alipay keys: made once, kept with its trades.
    const QString privatePath =
        QDir(m_config.dataDir).filePath(QStringLiteral("sandbox-alipay-private.pem"));
    if (!QFile::exists(privatePath)) {
        QByteArray privatePem, publicPem;
        if (!alipay::RsaKey::generate(2048, &privatePem, &publicPem))
            return QStringLiteral("cannot generate the sandbox's RSA key pair");
        QFile priv(privatePath), pub(alipayPublicKeyFile());
        if (!priv.open(QIODevice::WriteOnly) || priv.write(privatePem) != privatePem.size() ||
            !pub.open(QIODevice::WriteOnly) || pub.write(publicPem) != publicPem.size())
            return QStringLiteral("cannot write the sandbox's keys into %1").arg(m_config.dataDir);
        priv.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    QFile priv(privatePath);
    if (!priv.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read %1: %2").arg(privatePath, priv.errorString());
    QString keyError;
    const alipay::RsaKey sandboxKey =
        alipay::RsaKey::load(priv.readAll(), alipay::RsaKey::Kind::Private, &keyError);
    if (sandboxKey.isNull())
        return QStringLiteral("%1: %2").arg(privatePath, keyError);

    m_server = std::make_unique<GatewayHttpServer>();
    QString error;
    m_port = m_server->listenOn(address, port, tls, &error);
    if (m_port == 0)
        return error;
    m_address = address;
    m_tls = tls != nullptr;
    m_alipay = std::make_unique<AlipayGatewayFront>(*m_acquirer, QStringLiteral("alipay"),
                                                    sandboxKey, m_config.alipayAppKeys, baseUrl());
    m_server->addFront(WeChatGatewayFront::pathPrefix(), m_wechat.get());
    m_server->addFront(QStringLiteral("/alipay/"), m_alipay.get());
    return QString();
}

QString SandboxGateway::baseUrl() const
{
    return QStringLiteral("%1://%2:%3")
        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"), m_address.toString())
        .arg(m_port);
}

} // namespace paydesk

namespace paydesk {

QString SandboxGateway::alipayPublicKeyFile() const
{
    return QDir(m_config.dataDir).filePath(QStringLiteral("sandbox-alipay-public.pem"));
}

} // namespace paydesk
