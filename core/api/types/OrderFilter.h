#pragma once

#include <QString>

namespace paydesk {

// Which orders a list or search returns (the facade's orders()).
struct OrderFilter
{
    int state = 0;      // 0: any
    qint64 sinceMs = 0; // created at or after
    QString search;     // an order, payment, channel trade, refund, channel refund or
                        // request number, or the last 4 digits of a payment code
    int limit = 100;
    QString beforeOrderNo; // keyset paging: orders older than this one
};

} // namespace paydesk
