#include "ApiExchange.h"
#include "ApiServer.h"
#include "api/EmbeddedApi.h"

namespace paydesk {

// The back office (accounting()) and reconciliation (reconciliation()) over
// /v1: none are served yet.
QList<ApiRoute> ApiServer::backOfficeRoutes()
{
    return {};
}

bool ApiServer::routeBackOffice(const std::shared_ptr<ApiExchange>& x, const Caller& caller)
{
    Q_UNUSED(x);
    Q_UNUSED(caller);
    return false;
}

} // namespace paydesk
