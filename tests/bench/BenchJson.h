#pragma once

// Shared helpers for the benchmarks: an ordered JSON object (figures print in
// the order they were measured, which QJsonObject's sorted keys would not
// keep), a readable table of the same figures, and process measurements.

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

#include <sqlite3.h>
#include <sys/resource.h>

namespace paydesk::bench {

class JsonObject
{
public:
    JsonObject& integer(const QString& key, qint64 v)
    {
        return raw(key, QString::number(v), QString::number(v));
    }
    // Non-finite values (a ratio over a zero baseline) become null: JSON has
    // no NaN or infinity.
    JsonObject& number(const QString& key, double v, int decimals = 3)
    {
        if (!std::isfinite(v))
            return null(key);
        const QString s = QString::number(v, 'f', decimals);
        return raw(key, s, s);
    }
    JsonObject& text(const QString& key, const QString& v) { return raw(key, quote(v), v); }
    JsonObject& flag(const QString& key, bool v)
    {
        const QString s = v ? QStringLiteral("true") : QStringLiteral("false");
        return raw(key, s, s);
    }
    JsonObject& null(const QString& key)
    {
        return raw(key, QStringLiteral("null"), QStringLiteral("-"));
    }
    JsonObject& object(const QString& key, const JsonObject& nested)
    {
        Field f;
        f.key = key;
        f.nested = std::make_shared<JsonObject>(nested);
        m_fields.push_back(std::move(f));
        return *this;
    }

    // A flat object as an array of [key, value] pairs: how one benchmark
    // process hands its figures to another without losing their order.
    QString toPairsJson() const
    {
        QStringList parts;
        for (const Field& f : m_fields)
            if (!f.nested)
                parts << QLatin1Char('[') + quote(f.key) + QLatin1Char(',') + f.json +
                             QLatin1Char(']');
        return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
    }
    static std::optional<JsonObject> fromPairsJson(const QByteArray& json)
    {
        const QJsonDocument doc = QJsonDocument::fromJson(json);
        if (!doc.isArray())
            return std::nullopt;
        JsonObject out;
        for (const QJsonValue& pair : doc.array()) {
            const QJsonArray kv = pair.toArray();
            if (kv.size() != 2 || !kv.at(0).isString())
                return std::nullopt;
            const QString key = kv.at(0).toString();
            const QJsonValue v = kv.at(1);
            if (v.isBool())
                out.flag(key, v.toBool());
            else if (v.isString())
                out.text(key, v.toString());
            else if (v.isDouble())
                out.raw(key, QString::number(v.toDouble(), 'g', 15),
                        QString::number(v.toDouble(), 'g', 15));
            else
                out.null(key);
        }
        return out;
    }
    // The value of a number field, NaN if absent.
    double numberOf(const QString& key) const
    {
        for (const Field& f : m_fields)
            if (f.key == key && !f.nested)
                return f.json.toDouble();
        return std::nan("");
    }

    QString toJson() const
    {
        QStringList parts;
        for (const Field& f : m_fields)
            parts << quote(f.key) + QLatin1Char(':') + (f.nested ? f.nested->toJson() : f.json);
        return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
    }

    QString toTable(int indent = 0) const
    {
        QString out;
        const QString pad(indent, QLatin1Char(' '));
        for (const Field& f : m_fields) {
            if (f.nested) {
                out += pad + f.key + QStringLiteral(":\n") + f.nested->toTable(indent + 2);
                continue;
            }
            out += pad + f.key.leftJustified(34 - indent, QLatin1Char(' ')) + QLatin1Char(' ') +
                   f.text + QLatin1Char('\n');
        }
        return out;
    }

    // --json: exactly one object on stdout; otherwise the table.
    void print(bool json) const
    {
        const QByteArray out = (json ? toJson() + QLatin1Char('\n') : toTable()).toUtf8();
        std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
        std::fflush(stdout);
    }

private:
    struct Field
    {
        QString key;
        QString json;
        QString text;
        std::shared_ptr<JsonObject> nested;
    };

    JsonObject& raw(const QString& key, const QString& json, const QString& text)
    {
        m_fields.push_back(Field{key, json, text, nullptr});
        return *this;
    }

    static QString quote(const QString& s)
    {
        QString out = QStringLiteral("\"");
        for (QChar c : s) {
            switch (c.unicode()) {
            case '"':
                out += QStringLiteral("\\\"");
                break;
            case '\\':
                out += QStringLiteral("\\\\");
                break;
            case '\n':
                out += QStringLiteral("\\n");
                break;
            case '\r':
                out += QStringLiteral("\\r");
                break;
            case '\t':
                out += QStringLiteral("\\t");
                break;
            default:
                if (c.unicode() < 0x20)
                    out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
                else
                    out += c;
            }
        }
        return out + QLatin1Char('"');
    }

    std::vector<Field> m_fields;
};

// Resident set size from /proc/self/status (VmRSS, kB), in bytes.
inline qint64 rssBytes()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (!line.startsWith("VmRSS:"))
            continue;
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() >= 2)
            return parts.at(1).toLongLong() * 1024;
    }
    return -1;
}

// User + system CPU time of the whole process (every thread), in seconds.
inline double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

inline double megabytes(qint64 bytes)
{
    return double(bytes) / (1024.0 * 1024.0);
}

// The sqlite3 handle behind the core's Qt connection to `path`, or null. The
// core keeps its Database private; Qt's connection registry and driver handle
// let a benchmark observe it without changing the core. Valid only because
// Qt's SQLite plugin links the same system libsqlite3 as the benchmark.
inline sqlite3* sqliteHandleFor(const QString& path)
{
    const QString wanted = QFileInfo(path).absoluteFilePath();
    for (const QString& name : QSqlDatabase::connectionNames()) {
        const QSqlDatabase db = QSqlDatabase::database(name, false);
        if (!db.isOpen() || QFileInfo(db.databaseName()).absoluteFilePath() != wanted)
            continue;
        const QVariant v = db.driver()->handle();
        if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
            return *static_cast<sqlite3* const*>(v.constData());
    }
    return nullptr;
}

// Counts write commits (one per group commit) and rows changed on one
// connection, so rows per commit come from SQLite itself rather than from a
// model of what the engine should do.
class CommitProbe
{
public:
    explicit CommitProbe(sqlite3* db) : m_db(db)
    {
        if (m_db)
            sqlite3_commit_hook(m_db, &CommitProbe::onCommit, this);
        reset();
    }
    ~CommitProbe()
    {
        if (m_db)
            sqlite3_commit_hook(m_db, nullptr, nullptr);
    }
    CommitProbe(const CommitProbe&) = delete;
    CommitProbe& operator=(const CommitProbe&) = delete;

    bool valid() const { return m_db != nullptr; }
    void reset()
    {
        m_commits = 0;
        m_rows0 = m_db ? sqlite3_total_changes64(m_db) : 0;
    }
    qint64 commits() const { return m_commits; }
    qint64 rows() const { return m_db ? sqlite3_total_changes64(m_db) - m_rows0 : 0; }
    // Bytes of page cache the connection holds now.
    qint64 cacheBytes() const
    {
        int current = 0, highwater = 0;
        if (!m_db || sqlite3_db_status(m_db, SQLITE_DBSTATUS_CACHE_USED, &current, &highwater, 0))
            return -1;
        return current;
    }

private:
    static int onCommit(void* self)
    {
        ++static_cast<CommitProbe*>(self)->m_commits;
        return 0; // 0: let the commit proceed
    }

    sqlite3* m_db;
    qint64 m_commits = 0;
    sqlite3_int64 m_rows0 = 0;
};

} // namespace paydesk::bench
