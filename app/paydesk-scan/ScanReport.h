#pragma once

#include "decode/CodeDecoder.h"

#include <QString>

namespace paydesk::scan {

// One line per code found in a file: plain text, or one JSON object
// {"file","text","format","paymentCode":{"wallet":...}|null}.
QString reportLine(const QString& file, const decode::DecodedCode& code, bool json);
// A file without any code (or that cannot be read), so every file is accounted for.
QString reportNothing(const QString& file, const QString& why, bool json);

} // namespace paydesk::scan
