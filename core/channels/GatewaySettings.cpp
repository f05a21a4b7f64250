#include "channels/GatewaySettings.h"

#include "common/SecretFile.h"

#include <QDir>
#include <QFile>

namespace paydesk {

namespace {

// Below 100 ms a gateway on the same continent cannot answer; above two
// minutes the counter would wait longer than any customer.
constexpr int kMinReadTimeoutMs = 100;
constexpr int kMaxReadTimeoutMs = 120'000;

} // namespace

QString readGatewaySettings(const QJsonObject& o, const QString& where, const QString& baseDir,
                            GatewaySettings& out)
{
    static const QStringList known = {QStringLiteral("protocol"),
                                      QStringLiteral("url"),
                                      QStringLiteral("appId"),
                                      QStringLiteral("mchId"),
                                      QStringLiteral("subAppId"),
                                      QStringLiteral("subMchId"),
                                      QStringLiteral("apiKeyFile"),
                                      QStringLiteral("signType"),
                                      QStringLiteral("clientIp"),
                                      QStringLiteral("notifyUrl"),
                                      QStringLiteral("appPrivateKeyFile"),
                                      QStringLiteral("alipayPublicKeyFile"),
                                      QStringLiteral("caFile"),
                                      QStringLiteral("billAccount"),
                                      QStringLiteral("clientCertFile"),
                                      QStringLiteral("clientKeyFile"),
                                      QStringLiteral("readTimeoutMs"),
                                      QStringLiteral("maxInFlight")};
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key()))
            return QStringLiteral("%1: unknown key '%2' (known: %3)")
                .arg(where, it.key(), known.join(QStringLiteral(", ")));
        const bool numeric =
            it.key() == QLatin1String("readTimeoutMs") || it.key() == QLatin1String("maxInFlight");
        if (numeric ? !it.value().isDouble() : !it.value().isString())
            return QStringLiteral("%1.%2 must be a %3")
                .arg(where, it.key(),
                     numeric ? QStringLiteral("number") : QStringLiteral("string"));
    }
    auto text = [&o](const char* key) { return o.value(QLatin1String(key)).toString(); };
    GatewaySettings s;
    const QString protocol = text("protocol");
    if (protocol == QLatin1String("wechat-v2"))
        s.protocol = GatewaySettings::Protocol::WeChatV2;
    else if (protocol == QLatin1String("alipay"))
        s.protocol = GatewaySettings::Protocol::Alipay;
    else
        return QStringLiteral("%1.protocol must be \"wechat-v2\" or \"alipay\", got \"%2\"")
            .arg(where, protocol);
    s.url = QUrl(text("url"), QUrl::StrictMode);
    if (!s.url.isValid() ||
        (s.url.scheme() != QLatin1String("https") && s.url.scheme() != QLatin1String("http")) ||
        s.url.host().isEmpty())
        return QStringLiteral("%1.url must be an http(s) URL, got \"%2\"").arg(where, text("url"));
    // Plain HTTP only to this machine (the sandbox): payment traffic to a
    // real gateway is always TLS with verified certificates.
    if (s.url.scheme() == QLatin1String("http") && s.url.host() != QLatin1String("127.0.0.1") &&
        s.url.host() != QLatin1String("localhost") && s.url.host() != QLatin1String("::1"))
        return QStringLiteral("%1.url: plain http is allowed to a loopback sandbox only")
            .arg(where);
    s.appId = text("appId");
    if (s.appId.isEmpty())
        return QStringLiteral("%1.appId is required").arg(where);
    s.mchId = text("mchId");
    s.subAppId = text("subAppId");
    s.subMchId = text("subMchId");
    if (o.contains(QStringLiteral("clientIp")))
        s.clientIp = text("clientIp");
    s.notifyUrl = text("notifyUrl");
    s.billAccount = text("billAccount");
    if (s.protocol == GatewaySettings::Protocol::WeChatV2) {
        if (s.mchId.isEmpty() || text("apiKeyFile").isEmpty())
            return QStringLiteral("%1: a wechat-v2 gateway needs mchId and apiKeyFile").arg(where);
        if (QString e = readSecretFile(baseDir, text("apiKeyFile"),
                                       where + QStringLiteral(".apiKeyFile"), &s.apiKey);
            !e.isEmpty())
            return e;
        if (!wechat::parseSignType(text("signType"), &s.signType))
            return QStringLiteral("%1.signType must be MD5 or HMAC-SHA256").arg(where);
        if (text("signType").isEmpty())
            s.signType = wechat::SignType::HmacSha256;
    } else {
        if (text("appPrivateKeyFile").isEmpty() || text("alipayPublicKeyFile").isEmpty())
            return QStringLiteral("%1: an alipay gateway needs appPrivateKeyFile and "
                                  "alipayPublicKeyFile")
                .arg(where);
        if (QString e =
                readSecretFile(baseDir, text("appPrivateKeyFile"),
                               where + QStringLiteral(".appPrivateKeyFile"), &s.appPrivateKey);
            !e.isEmpty())
            return e;
        if (QString e = readPublicKeyFile(baseDir, text("alipayPublicKeyFile"),
                                          where + QStringLiteral(".alipayPublicKeyFile"),
                                          &s.alipayPublicKey);
            !e.isEmpty())
            return e;
    }
    auto file = [&](const char* key) {
        const QString v = text(key);
        return v.isEmpty() ? v : QDir(baseDir).absoluteFilePath(v);
    };
    if (QString e = loadTransportCertificates(file("caFile"), file("clientCertFile"),
                                              file("clientKeyFile"), s.transport);
        !e.isEmpty())
        return where + QStringLiteral(": ") + e;
    if (o.contains(QStringLiteral("readTimeoutMs"))) {
        // Range-checked as a double first: a huge value must not wrap.
        const double ms = o.value(QStringLiteral("readTimeoutMs")).toDouble();
        if (!(ms >= kMinReadTimeoutMs && ms <= kMaxReadTimeoutMs) || ms != double(qint64(ms)))
            return QStringLiteral("%1.readTimeoutMs must be a whole number from %2 to %3")
                .arg(where)
                .arg(kMinReadTimeoutMs)
                .arg(kMaxReadTimeoutMs);
        s.transport.readTimeoutMs = qint64(ms);
    }
    if (o.contains(QStringLiteral("maxInFlight"))) {
        s.transport.maxInFlight = o.value(QStringLiteral("maxInFlight")).toInt();
        if (s.transport.maxInFlight < 1 || s.transport.maxInFlight > 64)
            return QStringLiteral("%1.maxInFlight must be 1..64").arg(where);
    }
    out = s;
    return QString();
}

} // namespace paydesk
