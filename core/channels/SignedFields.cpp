#include "channels/SignedFields.h"

#include <algorithm>

namespace paydesk {

QByteArray joinSignedFields(const SignedFields& fields,
                            std::initializer_list<QLatin1StringView> skipped)
{
    QByteArray out;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (it.value().isEmpty() ||
            std::any_of(skipped.begin(), skipped.end(),
                        [&it](QLatin1StringView s) { return it.key() == s; }))
            continue;
        if (!out.isEmpty())
            out += '&';
        out += it.key().toUtf8() + '=' + it.value().toUtf8();
    }
    return out;
}

} // namespace paydesk
