#include "api/ConfigFile.h"

#include "common/JsonFile.h"

#include "common/SecretFile.h"
#include "money/Money.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <tuple>

namespace paydesk {

namespace {

QString checkKeys(const QJsonObject& o, const QStringList& known, const QString& where)
{
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            return QStringLiteral("%1: unknown key '%2' (known: %3)")
                .arg(where, it.key(), known.join(QStringLiteral(", ")));
    return QString();
}

// JSON numbers are doubles: a whole number is taken only within
// [minValue, maxValue], so 4294967297 never wraps to 1 on its way to an int.
QString readWhole(const QJsonObject& o, const QString& key, const QString& where, qint64 minValue,
                  qint64 maxValue, const QString& unit, qint64& out)
{
    if (!o.contains(key))
        return QString();
    const QJsonValue v = o.value(key);
    const double d = v.toDouble();
    if (!v.isDouble() || d != std::floor(d) || d < double(minValue) || d > double(maxValue))
        return QStringLiteral("%1.%2 must be a whole number of %3 from %4 to %5")
            .arg(where, key, unit)
            .arg(minValue)
            .arg(maxValue);
    out = qint64(d);
    return QString();
}

QString readMs(const QJsonObject& o, const QString& key, const QString& where, qint64 maxMs,
               qint64& out)
{
    return readWhole(o, key, where, 0, maxMs, QStringLiteral("milliseconds"), out);
}

QString readInt(const QJsonObject& o, const QString& key, const QString& where, int minValue,
                int maxValue, const QString& unit, int& out)
{
    qint64 v = out;
    if (QString e = readWhole(o, key, where, minValue, maxValue, unit, v); !e.isEmpty())
        return e;
    out = int(v);
    return QString();
}

// An optional member that must be a JSON object when present.
QString readObject(const QJsonObject& o, const QString& key, const QString& where, QJsonObject& out)
{
    out = QJsonObject();
    if (!o.contains(key))
        return QString();
    if (!o.value(key).isObject())
        return QStringLiteral("%1: %2 must be an object ({...})").arg(where, key);
    out = o.value(key).toObject();
    return QString();
}

constexpr qint64 kHourMs = 3'600'000;
// Caps on counts a person configures (polls, revoke attempts, payouts a
// day): far above any sensible setting, low enough that a typo is caught.
constexpr int kMaxCount = 1000;
// A retry schedule longer than this is a typo, not a policy.
constexpr int kMaxDelays = 100;
// Half a day: wider, and the day's cut-off would hold most of the day.
constexpr int kMaxCutoffWindowMinutes = 720;
// A channel call that has not answered in ten minutes never will.
constexpr qint64 kMaxCallTimeoutMs = 10 * 60'000;
constexpr qint64 kDayMs = 24 * kHourMs;

QString readList(const QJsonObject& o, const QString& key, const QString& where, qint64 maxMs,
                 QList<qint64>& out)
{
    if (!o.contains(key))
        return QString();
    const QJsonValue v = o.value(key);
    if (!v.isArray() || v.toArray().isEmpty())
        return QStringLiteral("%1.%2 must be a non-empty list of milliseconds").arg(where, key);
    QList<qint64> list;
    if (v.toArray().size() > kMaxDelays)
        return QStringLiteral("%1.%2 lists at most %3 delays").arg(where, key).arg(kMaxDelays);
    for (const QJsonValue& x : v.toArray()) {
        const double d = x.toDouble();
        if (!x.isDouble() || d != std::floor(d) || d < 0 || d > double(maxMs))
            return QStringLiteral("%1.%2 must contain whole milliseconds from 0 to %3")
                .arg(where, key)
                .arg(maxMs);
        list << qint64(d);
    }
    out = list;
    return QString();
}

QString readPolicy(const QJsonObject& o, const QString& where, ChannelPolicy& p)
{
    static const QStringList known = {
        QStringLiteral("callTimeoutMs"),     QStringLiteral("barcodeDeadlineMs"),
        QStringLiteral("qrDeadlineMs"),      QStringLiteral("pollDelaysMs"),
        QStringLiteral("maxPolls"),          QStringLiteral("revokeDelaysMs"),
        QStringLiteral("maxRevokeAttempts"), QStringLiteral("refundPollDelaysMs"),
        QStringLiteral("maxRefundPolls")};
    const QString count = QStringLiteral("attempts");
    QString e = checkKeys(o, known, where);
    if (e.isEmpty())
        e = readMs(o, QStringLiteral("callTimeoutMs"), where, kMaxCallTimeoutMs, p.callTimeoutMs);
    if (e.isEmpty())
        e = readMs(o, QStringLiteral("barcodeDeadlineMs"), where, kDayMs, p.barcodeDeadlineMs);
    if (e.isEmpty())
        e = readMs(o, QStringLiteral("qrDeadlineMs"), where, kDayMs, p.qrDeadlineMs);
    if (e.isEmpty())
        e = readList(o, QStringLiteral("pollDelaysMs"), where, kHourMs, p.pollDelaysMs);
    if (e.isEmpty())
        e = readInt(o, QStringLiteral("maxPolls"), where, 1, kMaxCount, count, p.maxPolls);
    if (e.isEmpty())
        e = readList(o, QStringLiteral("revokeDelaysMs"), where, kDayMs, p.revokeDelaysMs);
    if (e.isEmpty())
        e = readInt(o, QStringLiteral("maxRevokeAttempts"), where, 1, kMaxCount, count,
                    p.maxRevokeAttempts);
    if (e.isEmpty())
        e = readList(o, QStringLiteral("refundPollDelaysMs"), where, kDayMs, p.refundPollDelaysMs);
    if (e.isEmpty())
        e = readInt(o, QStringLiteral("maxRefundPolls"), where, 1, kMaxCount, count,
                    p.maxRefundPolls);
    if (e.isEmpty() && (p.callTimeoutMs <= 0 || p.barcodeDeadlineMs <= 0 || p.maxPolls <= 0 ||
                        p.maxRevokeAttempts <= 0))
        e = QStringLiteral("%1: timeouts, deadlines and attempt caps must be more than 0")
                .arg(where);
    return e;
}

QString readDailyAmount(const QJsonObject& o, const QString& key, const QString& where, qint64& fen)
{
    if (!o.contains(key))
        return QString();
    QString err;
    const auto m = Money::parse(o.value(key).toString(), kCny, &err);
    if (!m || !m->isPositive())
        return QStringLiteral("%1.%2 must be an amount like \"10000.00\": %3").arg(where, key, err);
    fen = m->fen();
    return QString();
}

QString readLedger(const QJsonObject& o, const QString& where, LedgerConfig& l)
{
    static const QStringList known = {QStringLiteral("merchantId"),
                                      QStringLiteral("feeRates"),
                                      QStringLiteral("defaultFeeRate"),
                                      QStringLiteral("settlementDelayDays"),
                                      QStringLiteral("payoutsPerDay"),
                                      QStringLiteral("payoutAmountPerDay"),
                                      QStringLiteral("walletWithdrawalsPerDay"),
                                      QStringLiteral("walletWithdrawalAmountPerDay")};
    if (QString e = checkKeys(o, known, where); !e.isEmpty())
        return e;
    if (o.contains(QStringLiteral("merchantId"))) {
        static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
        const QString v = o.value(QStringLiteral("merchantId")).toString();
        if (!re.match(v).hasMatch())
            return QStringLiteral(
                       "%1.merchantId must be 1-64 letters, digits, '_', '.' or '-', got '%2'")
                .arg(where, v);
        l.merchantId = v;
    }
    auto rate = [&](const QJsonValue& v, const QString& name, qint64& out) {
        QString err;
        const auto ppm = parseFeeRatePpm(v.toString(), &err);
        if (!v.isString() || !ppm)
            return QStringLiteral("%1.%2: %3")
                .arg(where, name,
                     v.isString() ? err
                                  : QStringLiteral("write the rate as a string, e.g. \"0.38%\""));
        out = *ppm;
        return QString();
    };
    if (o.contains(QStringLiteral("defaultFeeRate")))
        if (QString e = rate(o.value(QStringLiteral("defaultFeeRate")),
                             QStringLiteral("defaultFeeRate"), l.defaultFeeRatePpm);
            !e.isEmpty())
            return e;
    QJsonObject rates;
    if (QString e = readObject(o, QStringLiteral("feeRates"), where, rates); !e.isEmpty())
        return e;
    for (auto it = rates.begin(); it != rates.end(); ++it) {
        qint64 ppm = 0;
        if (QString e = rate(it.value(), QStringLiteral("feeRates.") + it.key(), ppm); !e.isEmpty())
            return e;
        l.feeRatePpm.insert(it.key(), ppm);
    }
    if (QString e = readInt(o, QStringLiteral("settlementDelayDays"), where, 0, 60,
                            QStringLiteral("days"), l.settlementDelayDays);
        !e.isEmpty())
        return e;
    if (QString e = readInt(o, QStringLiteral("payoutsPerDay"), where, 1, kMaxCount,
                            QStringLiteral("payouts"), l.payoutsPerDay);
        !e.isEmpty())
        return e;
    if (QString e =
            readDailyAmount(o, QStringLiteral("payoutAmountPerDay"), where, l.payoutFenPerDay);
        !e.isEmpty())
        return e;
    if (QString e = readInt(o, QStringLiteral("walletWithdrawalsPerDay"), where, 1, kMaxCount,
                            QStringLiteral("withdrawals"), l.walletWithdrawalsPerDay);
        !e.isEmpty())
        return e;
    return readDailyAmount(o, QStringLiteral("walletWithdrawalAmountPerDay"), where,
                           l.walletWithdrawalFenPerDay);
}

// "database": {"postgres": {"host", "port", "name", "user", "passwordFile"}}.
// Only PostgreSQL is named: SQLite is the default and needs no settings.
QString readDatabase(const QJsonValue& v, const QString& where, const QString& baseDir,
                     DatabaseConfig& out)
{
    if (!v.isObject())
        return QStringLiteral("%1 must be an object like {\"postgres\": {...}}").arg(where);
    const QJsonObject o = v.toObject();
    if (QString e = checkKeys(o, {QStringLiteral("postgres")}, where); !e.isEmpty())
        return e;
    const QJsonValue pgValue = o.value(QStringLiteral("postgres"));
    if (!pgValue.isObject())
        return QStringLiteral("%1.postgres must be an object with name and user").arg(where);
    const QJsonObject pg = pgValue.toObject();
    const QString pgWhere = where + QStringLiteral(".postgres");
    if (QString e =
            checkKeys(pg,
                      {QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("name"),
                       QStringLiteral("user"), QStringLiteral("passwordFile")},
                      pgWhere);
        !e.isEmpty())
        return e;
    out = DatabaseConfig{};
    out.dialect = SqlDialect::Postgres;
    out.host = pg.value(QStringLiteral("host")).toString(out.host);
    if (!pg.value(QStringLiteral("port")).isUndefined() &&
        (!pg.value(QStringLiteral("port")).isDouble() ||
         pg.value(QStringLiteral("port")).toDouble() < 1 ||
         pg.value(QStringLiteral("port")).toDouble() > 65535 ||
         pg.value(QStringLiteral("port")).toDouble() !=
             std::floor(pg.value(QStringLiteral("port")).toDouble())))
        return QStringLiteral("%1.port must be from 1 to 65535").arg(pgWhere);
    out.port = pg.value(QStringLiteral("port")).toInt(out.port);
    out.databaseName = pg.value(QStringLiteral("name")).toString();
    out.user = pg.value(QStringLiteral("user")).toString();
    if (out.databaseName.isEmpty() || out.user.isEmpty())
        return QStringLiteral("%1 needs name and user (the database and its login)").arg(pgWhere);
    const QString passwordFile = pg.value(QStringLiteral("passwordFile")).toString();
    if (!passwordFile.isEmpty()) {
        QByteArray password;
        if (QString e = readSecretFile(baseDir, passwordFile,
                                       pgWhere + QStringLiteral(".passwordFile"), &password);
            !e.isEmpty())
            return e;
        out.password = QString::fromUtf8(password);
    }
    return QString();
}

} // namespace

// The server's section: strings checked for shape here, files when served.
QString readServer(const QJsonObject& o, const QString& where, const QString& baseDir,
                   ServerConfig& out)
{
    if (QString e =
            checkKeys(o,
                      {QStringLiteral("listen"), QStringLiteral("certFile"),
                       QStringLiteral("keyFile"), QStringLiteral("maxBodyKiB"),
                       QStringLiteral("maxConnections"), QStringLiteral("requestTimeoutSeconds"),
                       QStringLiteral("requestsPerSecond"), QStringLiteral("eventBacklog")},
                      where);
        !e.isEmpty())
        return e;
    ServerConfig c = out;
    for (const auto& [key, target] : {std::pair{QStringLiteral("listen"), &c.listen},
                                      std::pair{QStringLiteral("certFile"), &c.certFile},
                                      std::pair{QStringLiteral("keyFile"), &c.keyFile}}) {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            continue;
        if (!v.isString() || v.toString().isEmpty())
            return QStringLiteral("%1: %2 must be non-empty text").arg(where, key);
        *target = v.toString();
    }
    static const QRegularExpression listen(
        QStringLiteral("^(\\[[0-9A-Fa-f:.]+\\]|[^:\\s]+):[0-9]{1,5}$"));
    if (!c.listen.isEmpty() && !listen.match(c.listen).hasMatch())
        return QStringLiteral("%1: listen must be ADDRESS:PORT, e.g. \"0.0.0.0:8443\"; got '%2'")
            .arg(where, c.listen);
    if (c.certFile.isEmpty() != c.keyFile.isEmpty())
        return QStringLiteral("%1: HTTPS needs both certFile and keyFile").arg(where);
    for (QString* file : {&c.certFile, &c.keyFile})
        if (!file->isEmpty() && QFileInfo(*file).isRelative())
            *file = QDir(baseDir).filePath(*file);
    for (const auto& [key, target, lo, hi, unit] :
         {std::tuple{QStringLiteral("maxBodyKiB"), &c.maxBodyKiB, 1, 64 * 1024,
                     QStringLiteral("KiB")},
          std::tuple{QStringLiteral("maxConnections"), &c.maxConnections, 1, 100'000,
                     QStringLiteral("connections")},
          std::tuple{QStringLiteral("requestTimeoutSeconds"), &c.requestTimeoutSeconds, 1, 3600,
                     QStringLiteral("seconds")},
          std::tuple{QStringLiteral("requestsPerSecond"), &c.requestsPerSecond, 1, 100'000,
                     QStringLiteral("requests")},
          std::tuple{QStringLiteral("eventBacklog"), &c.eventBacklog, 0, 10'000'000,
                     QStringLiteral("messages")}})
        if (QString e = readInt(o, key, where, lo, hi, unit, *target); !e.isEmpty())
            return e;
    out = c;
    return QString();
}

QString loadCoreConfig(const QString& path, CoreConfig& config)
{
    QJsonObject root;
    if (QString e = readJsonObjectFile(path, root); !e.isEmpty())
        return e;
    static const QStringList known = {QStringLiteral("storeId"),
                                      QStringLiteral("terminalId"),
                                      QStringLiteral("maxAmount"),
                                      QStringLiteral("largeAmount"),
                                      QStringLiteral("cashierRefundLimit"),
                                      QStringLiteral("routes"),
                                      QStringLiteral("channels"),
                                      QStringLiteral("defaults"),
                                      QStringLiteral("networkErrorsPerMinute"),
                                      QStringLiteral("gateways"),
                                      QStringLiteral("ledger"),
                                      QStringLiteral("recon"),
                                      QStringLiteral("database"),
                                      QStringLiteral("sandbox"),
                                      QStringLiteral("server"),
                                      QStringLiteral("leaseSeconds"),
                                      QStringLiteral("sessionIdleMinutes")};
    CoreConfig c = config;
    if (QString e = checkKeys(root, known, path); !e.isEmpty())
        return e;
    static const QRegularExpression siteId(QStringLiteral("^[0-9A-Z]{1,4}$"));
    for (const QString& key : {QStringLiteral("storeId"), QStringLiteral("terminalId")}) {
        if (!root.contains(key))
            continue;
        const QString v = root.value(key).toString();
        // Ids go into every order number: longer ones would be cut and collide.
        if (!siteId.match(v).hasMatch())
            return QStringLiteral("%1: %2 must be 1-4 characters 0-9 or A-Z, got '%3'")
                .arg(path, key, v);
        (key == QLatin1String("storeId") ? c.storeId : c.terminalId) = v;
    }
    for (const QString& key : {QStringLiteral("maxAmount"), QStringLiteral("largeAmount")}) {
        if (!root.contains(key))
            continue;
        QString err;
        const auto m = Money::parse(root.value(key).toString(), kCny, &err);
        if (!m || !m->isPositive())
            return QStringLiteral("%1: %2 must be an amount like \"5000.00\": %3")
                .arg(path, key, err);
        (key == QLatin1String("maxAmount") ? c.maxAmountFen : c.largeAmountFen) = m->fen();
    }
    if (QString e = readInt(root, QStringLiteral("networkErrorsPerMinute"), path, 1, 100'000,
                            QStringLiteral("errors"), c.networkErrorsPerMinute);
        !e.isEmpty())
        return e;
    // Shorter than 3 s and a busy process could miss its own renewal;
    // longer than 5 minutes and a dead server's sales wait that long.
    int leaseSeconds = int(c.leaseMs / 1000);
    if (QString e = readInt(root, QStringLiteral("leaseSeconds"), path, 3, 300,
                            QStringLiteral("seconds"), leaseSeconds);
        !e.isEmpty())
        return e;
    c.leaseMs = qint64(leaseSeconds) * 1000;
    if (root.contains(QStringLiteral("cashierRefundLimit"))) {
        QString err;
        const auto m =
            Money::parse(root.value(QStringLiteral("cashierRefundLimit")).toString(), kCny, &err);
        if (!m || m->isNegative())
            return QStringLiteral("%1: cashierRefundLimit must be an amount like \"500.00\" "
                                  "(\"0.00\": every refund needs a supervisor): %2")
                .arg(path, err.isEmpty() ? QStringLiteral("it is negative") : err);
        c.cashierRefundLimitFen = m->fen();
    }
    int sessionIdleMinutes = int(c.sessionIdleMs / 60'000);
    if (QString e = readInt(root, QStringLiteral("sessionIdleMinutes"), path, 1, 24 * 60,
                            QStringLiteral("minutes"), sessionIdleMinutes);
        !e.isEmpty())
        return e;
    c.sessionIdleMs = qint64(sessionIdleMinutes) * 60'000;
    if (root.contains(QStringLiteral("sandbox"))) {
        if (!root.value(QStringLiteral("sandbox")).isBool())
            return QStringLiteral("%1: sandbox must be true or false").arg(path);
        c.sandbox = root.value(QStringLiteral("sandbox")).toBool();
    }
    QJsonObject routes, defaults, channels, recon, gateways, server;
    for (const auto& [key, target] : {std::pair{QStringLiteral("server"), &server},
                                      std::pair{QStringLiteral("routes"), &routes},
                                      std::pair{QStringLiteral("defaults"), &defaults},
                                      std::pair{QStringLiteral("channels"), &channels},
                                      std::pair{QStringLiteral("recon"), &recon},
                                      std::pair{QStringLiteral("gateways"), &gateways}})
        if (QString e = readObject(root, key, path, *target); !e.isEmpty())
            return e;
    for (auto it = routes.begin(); it != routes.end(); ++it) {
        const Wallet w = walletFromName(it.key());
        if (w == Wallet::Unknown)
            return QStringLiteral("%1: routes: unknown wallet '%2' (wechat, alipay, unionpay)")
                .arg(path, it.key());
        // "wechat": "wechat", or an ordered list: the first takes the codes,
        // the rest are fallbacks for an acquirer's own refusals.
        QStringList chain;
        if (it.value().isArray()) {
            for (const QJsonValue v : it.value().toArray())
                chain << v.toString();
        } else {
            chain << it.value().toString();
        }
        if (chain.isEmpty() || chain.contains(QString()) ||
            QSet<QString>(chain.cbegin(), chain.cend()).size() != chain.size())
            return QStringLiteral("%1: routes.%2 must name a channel, or list distinct channels "
                                  "(the first takes the codes, the others are fallbacks)")
                .arg(path, it.key());
        c.routes.insert(w, chain.takeFirst());
        if (chain.isEmpty())
            c.fallbackRoutes.remove(w);
        else
            c.fallbackRoutes.insert(w, chain);
    }
    if (root.contains(QStringLiteral("defaults")))
        if (QString e = readPolicy(defaults, path + QStringLiteral(": defaults"), c.defaultPolicy);
            !e.isEmpty())
            return e;
    for (auto it = channels.begin(); it != channels.end(); ++it) {
        if (!it.value().isObject())
            return QStringLiteral("%1: channels.%2 must be an object").arg(path, it.key());
        ChannelPolicy p = c.policy(it.key());
        if (QString e = readPolicy(it.value().toObject(),
                                   path + QStringLiteral(": channels.") + it.key(), p);
            !e.isEmpty())
            return e;
        c.policies.insert(it.key(), p);
    }
    if (root.contains(QStringLiteral("ledger"))) {
        if (!root.value(QStringLiteral("ledger")).isObject())
            return QStringLiteral("%1: ledger must be an object").arg(path);
        if (QString e = readLedger(root.value(QStringLiteral("ledger")).toObject(),
                                   path + QStringLiteral(": ledger"), c.ledger);
            !e.isEmpty())
            return e;
    }
    if (root.contains(QStringLiteral("recon"))) {
        if (QString e = checkKeys(recon, {QStringLiteral("cutoffWindowMinutes")},
                                  path + QStringLiteral(": recon"));
            !e.isEmpty())
            return e;
        const QJsonValue minutes = recon.value(QStringLiteral("cutoffWindowMinutes"));
        if (!minutes.isUndefined()) {
            if (!minutes.isDouble() || minutes.toDouble() != std::floor(minutes.toDouble()) ||
                minutes.toDouble() < 0 || minutes.toDouble() > kMaxCutoffWindowMinutes)
                return QStringLiteral("%1: recon.cutoffWindowMinutes must be a whole number of "
                                      "minutes from 0 to %2")
                    .arg(path)
                    .arg(kMaxCutoffWindowMinutes);
            c.recon.cutoffWindowMs = qint64(minutes.toDouble()) * 60 * 1000;
        }
    }
    const QString baseDir = QFileInfo(path).absolutePath();
    if (root.contains(QStringLiteral("server")))
        if (QString e = readServer(server, path + QStringLiteral(": server"), baseDir, c.server);
            !e.isEmpty())
            return e;
    if (root.contains(QStringLiteral("database"))) {
        DatabaseConfig db;
        if (QString e = readDatabase(root.value(QStringLiteral("database")),
                                     path + QStringLiteral(": database"), baseDir, db);
            !e.isEmpty())
            return e;
        c.database = db;
    }
    for (auto it = gateways.begin(); it != gateways.end(); ++it) {
        if (!it.value().isObject())
            return QStringLiteral("%1: gateways.%2 must be an object").arg(path, it.key());
        GatewaySettings g;
        if (QString e = readGatewaySettings(it.value().toObject(),
                                            QStringLiteral("%1: gateways.%2").arg(path, it.key()),
                                            baseDir, g);
            !e.isEmpty())
            return e;
        c.gateways.insert(it.key(), g);
    }
    config = c;
    return QString();
}

} // namespace paydesk
