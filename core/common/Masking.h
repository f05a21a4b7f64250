#pragma once

#include <QString>

namespace paydesk {

// Payment codes are bearer credentials for about a minute: they are never
// stored or shown whole. Keeps the wallet prefix (2) and the last 4 digits,
// which support staff use to find an order.
QString maskPaymentCode(const QString& code);

// Masks values of secret-bearing fields in a "key=value&key=value" or
// XML/JSON-ish raw message: auth_code, sign, key, password, private keys.
QString maskRawMessage(const QString& raw);

} // namespace paydesk
