#pragma once

// Shared helpers for the benchmarks: an ordered JSON object (figures print in
// the order they were measured, which QJsonObject's sorted keys would not
// keep), a readable table of the same figures, process measurements, option
// parsing, and a pump that keeps payments in flight through the facade.

#include "api/EmbeddedApi.h"
#include "domain/States.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVariant>

#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <vector>

#include <sqlite3.h>
#include <sys/resource.h>

namespace paydesk::bench {

// Every benchmark sale: below the engine's large-amount alert, so no alert
// rows join the payments.
constexpr qint64 kAmountFen = 1288;
inline const QString kSubject = QStringLiteral("bench sale");

[[noreturn]] inline void die(const QString& message)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()),
                 qPrintable(message));
    std::exit(2);
}

// The option's value as an int > 0, or a clear error and exit.
inline int positiveOption(const QCommandLineParser& p, const QCommandLineOption& o)
{
    bool ok = false;
    const qint64 v = p.value(o).toLongLong(&ok);
    if (!ok || v <= 0 || v > INT_MAX)
        die(QStringLiteral("--%1 needs a positive integer").arg(o.names().constFirst()));
    return int(v);
}

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
        // The WAL checkpointer's connections belong to its thread.
        if (name.startsWith(QLatin1String("paydesk-checkpoint-")))
            continue;
        const QSqlDatabase db = QSqlDatabase::database(name, false);
        if (!db.isOpen() || QFileInfo(db.databaseName()).absoluteFilePath() != wanted)
            continue;
        const QVariant v = db.driver()->handle();
        if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
            return *static_cast<sqlite3* const*>(v.constData());
    }
    return nullptr;
}

// Bytes of page cache a connection holds now, -1 if unknown.
inline qint64 sqliteCacheBytes(sqlite3* db)
{
    int current = 0, highwater = 0;
    if (!db || sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_USED, &current, &highwater, 0))
        return -1;
    return current;
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

struct PumpResult
{
    double wallS = 0; // first submit to the last order reaching the state
    double cpuS = 0;
    QStringList orderNos; // only when asked for
};

// When a payment counts as done: its order reaching a state, or the payment
// attempt itself reaching one (both reported once durable).
struct PumpDone
{
    static PumpDone order(OrderState s) { return {false, int(s)}; }
    static PumpDone payment(PaymentState s) { return {true, int(s)}; }
    bool byPayment = false;
    int state = 0;
};

// Keeps `window` payments with `code` in flight through the facade: each
// one reaching `done` starts the next one, as a busy checkout would. Dies on any error.
// State lives on the heap because late callbacks (a reply flushed by the
// facade's destructor after an error) must not touch a dead stack frame.
inline PumpResult pumpPayments(EmbeddedApi& api, const QString& requestPrefix, const QString& code,
                               int total, int window, int timeoutS, const PumpDone& done,
                               bool keepOrderNos)
{
    struct State
    {
        EmbeddedApi* api = nullptr;
        QString prefix;
        QString code;
        int total = 0;
        int submitted = 0;
        int done = 0;
        bool keepOrderNos = false;
        QStringList orderNos;
        QString error;
        QEventLoop loop;
        QElapsedTimer timer;
        double wallS = 0;
    };
    auto st = std::make_shared<State>();
    st->api = &api;
    st->prefix = requestPrefix;
    st->code = code;
    st->total = total;
    st->keepOrderNos = keepOrderNos;

    auto submit = [](const std::shared_ptr<State>& s) {
        const int i = s->submitted++;
        const PayCommand cmd{s->prefix + QString::number(i), Money::fromFen(kAmountFen), s->code,
                             kSubject, QString()};
        std::weak_ptr<State> weak = s;
        s->api->pay(cmd, [weak](const CommandOutcome& o) {
            auto s = weak.lock();
            if (!s)
                return;
            if (!o.ok()) {
                if (s->error.isEmpty())
                    s->error = QStringLiteral("pay failed: %1 %2")
                                   .arg(commandStatusName(o.status), o.message);
                s->loop.quit();
            } else if (s->keepOrderNos) {
                s->orderNos << o.orderNo;
            }
        });
    };

    QObject context;
    auto reached = [st, submit](int state, int wanted) {
        if (state != wanted)
            return;
        if (++st->done == st->total) {
            st->wallS = double(st->timer.nsecsElapsed()) / 1e9;
            st->loop.quit();
        } else if (st->submitted < st->total) {
            submit(st);
        }
    };
    if (done.byPayment)
        QObject::connect(&api, &PayDeskApi::paymentChanged, &context,
                         [reached, done](const QString&, const QString&, int state) {
                             reached(state, done.state);
                         });
    else
        QObject::connect(&api, &PayDeskApi::orderChanged, &context,
                         [reached, done](const QString&, int state) {
                             reached(state, done.state);
                         });
    QObject::connect(&api, &PayDeskApi::fatalError, &context, [st](const QString& message) {
        st->error = QStringLiteral("storage failed: ") + message;
        st->loop.quit();
    });
    QTimer::singleShot(timeoutS * 1000, &context, [st] {
        st->error =
            QStringLiteral("timed out with %1 of %2 payments done").arg(st->done).arg(st->total);
        st->loop.quit();
    });

    const double cpu0 = cpuSeconds();
    st->timer.start();
    for (int i = 0; i < std::min(window, total); ++i)
        submit(st);
    if (st->done < st->total && st->error.isEmpty())
        st->loop.exec();
    const double cpu = cpuSeconds() - cpu0;
    if (!st->error.isEmpty())
        die(st->error);
    return PumpResult{st->wallS, cpu, st->orderNos};
}

} // namespace paydesk::bench
