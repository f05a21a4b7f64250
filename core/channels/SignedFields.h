#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QMap>
#include <QString>

#include <initializer_list>

namespace paydesk {

// Flat name -> value fields of a gateway message. QMap keeps the names in
// the byte order both gateways sign in (names are ASCII).
using SignedFields = QMap<QString, QString>;

// What WeChat Pay V2 and Alipay OpenAPI both sign: every non-empty field
// except `skipped`, sorted by name, as name=value joined with '&', UTF-8.
QByteArray joinSignedFields(const SignedFields& fields,
                            std::initializer_list<QLatin1StringView> skipped);

} // namespace paydesk
