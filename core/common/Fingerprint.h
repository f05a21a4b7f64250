#pragma once

#include <QString>
#include <QStringList>

namespace paydesk {

// A request's content as stored beside its request number: "part|part|...",
// one part per field in a fixed order. A repeat with the same number must
// carry the same content; when it does not, the caller is told which field
// differs.
//
// The name (from `fields`, in the fingerprint's order) of the first field in
// which `first` and `again` differ; '' when they are equal. `freeText` names
// the one field that may itself hold '|' (a subject, a reason): when the two
// split into different numbers of parts, that field is the one that differs.
QString differingField(const QString& first, const QString& again, const QStringList& fields,
                       const QString& freeText = QString());

} // namespace paydesk
