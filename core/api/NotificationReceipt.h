#pragma once

// What the core answers a gateway's posted notification
// (EmbeddedApi::receiveNotification): whether it was taken, and the reply
// body the gateway expects. Front ends that listen for notifications (the
// notify_url) pass it on as it is.
#include "channels/Channel.h"
