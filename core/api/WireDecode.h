#pragma once

#include "api/BackOfficeWire.h"
#include "api/CounterWire.h"
#include "api/ReconWire.h"

#include <QJsonArray>

#include <optional>

// Reading a whole answer or request of any type the wire knows. Here, after
// every wire::read() is declared: the facade's types live in paydesk::, so
// argument-dependent lookup would not find the wire's readers of them at
// instantiation; ordinary lookup finds them here.
namespace paydesk::wire {

// One object of type T, or nothing with `error` naming the field at fault.
template <typename T>
std::optional<T> decode(const QJsonObject& o, JsonReader::Mode mode, JsonReader* report = nullptr)
{
    JsonReader r(o, mode);
    T value{};
    read(r, value);
    r.finish();
    if (report)
        *report = r;
    if (!r.ok())
        return std::nullopt;
    return value;
}

// One nested object under `key` into `value`, its mistakes reported as r's.
template <typename T> void readObject(JsonReader& r, const QString& key, T& value)
{
    JsonReader inner = r.nested(r.object(key), key);
    read(inner, value);
    inner.finish();
    r.absorb(inner);
}

// A list under `key` of objects of type T.
template <typename T> QList<T> readList(JsonReader& r, const QString& key)
{
    QList<T> out;
    const QJsonArray items = r.array(key);
    for (qsizetype i = 0; i < items.size() && r.ok(); ++i) {
        JsonReader inner =
            r.nested(items.at(i).toObject(), QStringLiteral("%1[%2]").arg(key).arg(i));
        if (!items.at(i).isObject())
            inner.fail(QString(), JsonReader::Problem::WrongType,
                       QStringLiteral("must be an object"));
        T value{};
        read(inner, value);
        inner.finish();
        r.absorb(inner);
        out.append(value);
    }
    return out;
}

} // namespace paydesk::wire
