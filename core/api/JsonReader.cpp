#include "api/JsonReader.h"

#include <QDateTime>

namespace paydesk {

QString jsonProblemCode(JsonReader::Problem p)
{
    switch (p) {
    case JsonReader::Problem::None:
        return QStringLiteral("ok");
    case JsonReader::Problem::Missing:
        return QStringLiteral("missing_field");
    case JsonReader::Problem::WrongType:
        return QStringLiteral("wrong_type");
    case JsonReader::Problem::BadValue:
        return QStringLiteral("bad_value");
    case JsonReader::Problem::UnknownField:
        return QStringLiteral("unknown_field");
    }
    return QStringLiteral("bad_value");
}

JsonReader::JsonReader(const QJsonObject& object, Mode mode, QString path)
    : m_object(object), m_mode(mode), m_path(std::move(path))
{}

void JsonReader::fail(const QString& key, Problem problem, const QString& what)
{
    if (!ok())
        return;
    m_problem = problem;
    m_field = m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
    m_error = m_field + QStringLiteral(": ") + what;
}

void JsonReader::absorb(const JsonReader& other)
{
    if (ok() && !other.ok()) {
        m_problem = other.m_problem;
        m_field = other.m_field;
        m_error = other.m_error;
    }
}

QJsonValue JsonReader::take(const QString& key)
{
    m_read.insert(key);
    return m_object.value(key);
}

QString JsonReader::string(const QString& key, bool required)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            fail(key, Problem::Missing, QStringLiteral("is required"));
        return QString();
    }
    if (!v.isString()) {
        fail(key, Problem::WrongType, QStringLiteral("must be text"));
        return QString();
    }
    if (required && v.toString().isEmpty())
        fail(key, Problem::Missing, QStringLiteral("must not be empty"));
    return v.toString();
}

qint64 JsonReader::integer(const QString& key, bool required, qint64 min, qint64 max)
{
    const QJsonValue v = take(key);
    qint64 n = 0;
    if (v.isUndefined() || v.isNull()) {
        if (required)
            fail(key, Problem::Missing, QStringLiteral("is required"));
        return min > 0 ? min : 0;
    }
    if (v.isDouble()) {
        const double d = v.toDouble();
        // Integers JSON numbers hold exactly (2^53); past that, text. The
        // range is checked before the cast: a larger double does not fit.
        if (!(d <= 9007199254740992.0 && d >= -9007199254740992.0) || d != double(qint64(d))) {
            fail(key, Problem::WrongType, QStringLiteral("must be a whole number"));
            return 0;
        }
        n = qint64(d);
    } else if (v.isString()) {
        bool okNumber = false;
        n = v.toString().toLongLong(&okNumber);
        if (!okNumber) {
            fail(key, Problem::WrongType, QStringLiteral("must be a whole number"));
            return 0;
        }
    } else {
        fail(key, Problem::WrongType, QStringLiteral("must be a whole number"));
        return 0;
    }
    if (n < min || n > max) {
        fail(key, Problem::BadValue,
             QStringLiteral("must be between %1 and %2, got %3").arg(min).arg(max).arg(n));
        return 0;
    }
    return n;
}

bool JsonReader::boolean(const QString& key, bool required)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            fail(key, Problem::Missing, QStringLiteral("is required (true or false)"));
        return false;
    }
    if (!v.isBool()) {
        fail(key, Problem::WrongType, QStringLiteral("must be true or false"));
        return false;
    }
    return v.toBool();
}

Money JsonReader::money(const QString& key, bool required)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            fail(key, Problem::Missing, QStringLiteral("is required, e.g. \"12.50\""));
        return Money();
    }
    if (v.isString()) {
        // The currency sits beside a request's amount.
        const QJsonValue c = take(QStringLiteral("currency"));
        const Currency currency = c.isString() ? c.toString() : kCny;
        QString why;
        const auto m = Money::parse(v.toString(), currency, &why);
        if (!m)
            fail(key, Problem::BadValue, why);
        return m.value_or(Money());
    }
    if (v.isObject()) {
        JsonReader inner = nested(v.toObject(), key);
        const QString text = inner.string(QStringLiteral("amount"), true);
        const QString currency = inner.string(QStringLiteral("currency"));
        const qint64 fen =
            inner.integer(QStringLiteral("fen"), true, std::numeric_limits<qint64>::min());
        absorb(inner);
        if (!ok())
            return Money();
        QString why;
        const auto m = Money::parse(text, currency.isEmpty() ? kCny : currency, &why);
        if (!m) {
            fail(key, Problem::BadValue, why);
            return Money();
        }
        if (m->fen() != fen) {
            fail(key, Problem::BadValue,
                 QStringLiteral("amount %1 and fen %2 disagree").arg(text).arg(fen));
            return Money();
        }
        return *m;
    }
    fail(key, Problem::WrongType,
         QStringLiteral("must be decimal text such as \"12.50\", never a number"));
    return Money();
}

qint64 JsonReader::timeMs(const QString& key)
{
    const QString text = string(key);
    if (text.isEmpty())
        return 0;
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        fail(key, Problem::BadValue, QStringLiteral("is not an ISO 8601 time: '%1'").arg(text));
        return 0;
    }
    return t.toMSecsSinceEpoch();
}

QJsonArray JsonReader::array(const QString& key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isArray())
        fail(key, Problem::WrongType, QStringLiteral("must be a list"));
    return v.toArray();
}

QJsonObject JsonReader::object(const QString& key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isObject())
        fail(key, Problem::WrongType, QStringLiteral("must be an object"));
    return v.toObject();
}

JsonReader JsonReader::nested(const QJsonObject& object, const QString& key) const
{
    return JsonReader(object, m_mode, m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key);
}

bool JsonReader::finish()
{
    if (m_mode == Mode::Strict && ok()) {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it)
            if (!m_read.contains(it.key())) {
                // A field named "" is named so: a refusal always names its field.
                fail(it.key().isEmpty() ? QStringLiteral("\"\"") : it.key(), Problem::UnknownField,
                     QStringLiteral("is not a field of this request"));
                break;
            }
    }
    return ok();
}

} // namespace paydesk
