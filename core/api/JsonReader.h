#pragma once

#include "money/Money.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

namespace paydesk {

// Reads one JSON object field by field and keeps the first mistake: which
// field, and what was wrong with it, so a refusal names what to fix. A
// strict reader (requests a server takes) also refuses fields it never
// read; a lenient one (answers a client reads) skips them, so a newer
// server may add fields.
class JsonReader
{
public:
    enum class Mode
    {
        Strict,
        Lenient
    };
    // Stable codes of what went wrong (the server's error codes).
    enum class Problem
    {
        None,
        Missing,
        WrongType,
        BadValue,
        UnknownField
    };

    explicit JsonReader(const QJsonObject& object, Mode mode = Mode::Lenient,
                        QString path = QString());

    QString string(const QString& key, bool required = false);
    // A JSON integer or integer text ("1250"); never a fraction.
    qint64 integer(const QString& key, bool required = false, qint64 min = 0,
                   qint64 max = std::numeric_limits<qint64>::max());
    // true or false; absent is false unless `required`.
    bool boolean(const QString& key, bool required = false);
    // Decimal text "12.50" (with `currency` beside it, CNY when absent), or
    // the answers' shape {"amount":"12.50","fen":"1250","currency":"CNY"}
    // whose two figures must agree. Numbers are refused: never floats.
    Money money(const QString& key, bool required = false);
    // ISO 8601 with offset as the answers write it; empty or absent: 0.
    qint64 timeMs(const QString& key);
    QJsonArray array(const QString& key);
    // The raw value, without reading it: for a field of more than one shape.
    QJsonValue peek(const QString& key) const { return m_object.value(key); }
    QJsonObject object(const QString& key);
    // Stable value from its name: `names(value)` for value in [lo, hi].
    template <typename E, typename NameOf>
    E enumeration(const QString& key, NameOf names, int lo, int hi, E fallback,
                  bool required = false)
    {
        const QString text = string(key, required);
        if (text.isEmpty())
            return fallback;
        for (int v = lo; v <= hi; ++v)
            if (names(E(v)).compare(text, Qt::CaseInsensitive) == 0)
                return E(v);
        fail(key, Problem::BadValue,
             QStringLiteral("is not one of the known values: '%1'").arg(text));
        return fallback;
    }

    // A nested object's reader, reporting into this one.
    JsonReader nested(const QJsonObject& object, const QString& key) const;
    // After the last field: in strict mode, a field nobody read is refused.
    bool finish();
    void fail(const QString& key, Problem problem, const QString& what);

    bool ok() const { return m_problem == Problem::None; }
    Problem problem() const { return m_problem; }
    QString field() const { return m_field; }
    // "amount: must be decimal text such as \"12.50\"".
    QString error() const { return m_error; }
    // Takes a nested reader's first mistake, if this has none.
    void absorb(const JsonReader& other);

private:
    QJsonValue take(const QString& key);

    QJsonObject m_object;
    Mode m_mode;
    QString m_path;
    QSet<QString> m_read;
    Problem m_problem = Problem::None;
    QString m_field;
    QString m_error;
};

QString jsonProblemCode(JsonReader::Problem p); // "missing_field", "wrong_type", ...

} // namespace paydesk
