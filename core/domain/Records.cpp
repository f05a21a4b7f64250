#include "domain/Records.h"

namespace paydesk {

QString paymentKindName(PaymentKind k)
{
    return k == PaymentKind::Qr ? QStringLiteral("qr") : QStringLiteral("barcode");
}

QString alertLevelName(AlertLevel l)
{
    switch (l) {
    case AlertLevel::Page:
        return QStringLiteral("page");
    case AlertLevel::Watch:
        return QStringLiteral("watch");
    case AlertLevel::None:
        break;
    }
    return QStringLiteral("none");
}

} // namespace paydesk
