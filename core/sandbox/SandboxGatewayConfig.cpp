#include "sandbox/SandboxGatewayConfig.h"

#include "common/JsonFile.h"
#include "common/SecretFile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace paydesk {

QString loadSandboxGatewayConfig(const QString& path, SandboxGatewayConfig& out)
{
    QJsonObject root;
    if (QString e = readJsonObjectFile(path, root); !e.isEmpty())
        return e;
    const QDir base = QFileInfo(path).absoluteDir();
    for (auto it = root.begin(); it != root.end(); ++it)
        if (it.key() != QLatin1String("dataDir") && it.key() != QLatin1String("wechat") &&
            it.key() != QLatin1String("alipay") && it.key() != QLatin1String("billDifferences") &&
            it.key() != QLatin1String("notifyRetryDelaysMs"))
            return QStringLiteral("%1: unknown key '%2' (known: dataDir, wechat, alipay, "
                                  "billDifferences, notifyRetryDelaysMs)")
                .arg(path, it.key());
    // A list or object of the wrong shape would read as empty: say so.
    for (const char* list : {"wechat", "alipay"})
        if (root.contains(QLatin1String(list)) && !root.value(QLatin1String(list)).isArray())
            return QStringLiteral("%1: %2 must be a list of accounts")
                .arg(path, QLatin1String(list));
    if (root.contains(QStringLiteral("billDifferences")) &&
        !root.value(QStringLiteral("billDifferences")).isObject())
        return QStringLiteral("%1: billDifferences must be an object, e.g. {\"drop\": [\"P1\"]}")
            .arg(path);
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
        if (QString e = readSecretFile(base.absolutePath(), keyFile, where, &w.apiKey);
            !e.isEmpty())
            return e;
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
        QByteArray pem;
        if (QString e = readPublicKeyFile(base.absolutePath(), keyFile, where, &pem); !e.isEmpty())
            return e;
        QString error;
        const alipay::RsaKey key = alipay::RsaKey::load(pem, alipay::RsaKey::Kind::Public, &error);
        if (key.isNull())
            return QStringLiteral("%1: %2: %3").arg(where, base.absoluteFilePath(keyFile), error);
        c.alipayAppKeys.insert(appId, key);
    }
    if (QString e = readBillDifferences(root.value(QStringLiteral("billDifferences")).toObject(),
                                        &c.billDifferences);
        !e.isEmpty())
        return QStringLiteral("%1: %2").arg(path, e);
    if (root.contains(QStringLiteral("notifyRetryDelaysMs"))) {
        const QJsonValue v = root.value(QStringLiteral("notifyRetryDelaysMs"));
        if (!v.isArray())
            return QStringLiteral("%1: notifyRetryDelaysMs must be a list, e.g. [1000, 5000]")
                .arg(path);
        c.notify.retryDelaysMs.clear();
        for (const QJsonValue d : v.toArray()) {
            const qint64 ms = d.toInteger(-1);
            if (ms < 0 || !d.isDouble())
                return QStringLiteral("%1: notifyRetryDelaysMs must be a list of whole "
                                      "milliseconds, e.g. [1000, 5000, 30000]")
                    .arg(path);
            c.notify.retryDelaysMs << ms;
        }
    }
    if (c.dataDir.isEmpty())
        return QStringLiteral("%1: dataDir is required (where the sandbox keeps its trades)")
            .arg(path);
    out = c;
    return QString();
}

} // namespace paydesk
