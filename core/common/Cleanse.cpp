#include "common/Cleanse.h"

#include <openssl/crypto.h>

namespace paydesk {

void wipe(QByteArray* bytes)
{
    Q_ASSERT(bytes);
    // The whole allocation, not only size(): a truncated buffer still holds
    // what was past its end. OPENSSL_cleanse, not memset: the compiler may
    // not drop it as a dead store.
    if (!bytes->isNull() && bytes->isDetached())
        OPENSSL_cleanse(bytes->data(), size_t(bytes->capacity()));
    bytes->clear();
}

} // namespace paydesk
