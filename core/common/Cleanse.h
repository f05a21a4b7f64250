#pragma once

#include <QByteArray>

namespace paydesk {

// Overwrites a buffer that held a secret (a key, a password, unsealed
// plaintext) before it is freed, then empties it: freed memory is reused
// and may reach a core dump or swap. Only when this array is the buffer's
// only owner: a shared buffer is still in use by someone else, who wipes it.
void wipe(QByteArray* bytes);

} // namespace paydesk
