#include "app/CoreSession.h"

#include <QTemporaryDir>

namespace paydesk::ui {

CoreSession::CoreSession() = default;

CoreSession::~CoreSession()
{
    api.reset(); // before the data dir and clock it uses
}

} // namespace paydesk::ui
