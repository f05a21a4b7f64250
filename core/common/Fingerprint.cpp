#include "common/Fingerprint.h"

namespace paydesk {

QString differingField(const QString& first, const QString& again, const QStringList& fields,
                       const QString& freeText)
{
    if (first == again)
        return QString();
    const QStringList a = first.split(QLatin1Char('|'));
    const QStringList b = again.split(QLatin1Char('|'));
    if (a.size() != b.size() || a.size() != fields.size())
        return freeText.isEmpty() ? fields.value(0) : freeText;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a[i] != b[i])
            return fields[i];
    return QString();
}

} // namespace paydesk
