#include "app/CoreSession.h"

#include <QTemporaryDir>

namespace paydesk::ui {

CoreSession::CoreSession() = default;

CoreSession::~CoreSession()
{
    // The person's facade, then what takes requests for the core, then the
    // core itself: all before the data dir and the clock they use (declared
    // later, so they would otherwise go first).
    api.reset();
    listener.reset();
    core.reset();
}

} // namespace paydesk::ui
