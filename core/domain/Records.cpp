#include "domain/Records.h"

namespace paydesk {

QString paymentKindName(PaymentKind k)
{
    return k == PaymentKind::Qr ? QStringLiteral("qr") : QStringLiteral("barcode");
}

QString fillEventTemplate(const QString& tpl, const QStringList& args)
{
    QString out;
    out.reserve(tpl.size() + 32);
    for (qsizetype i = 0; i < tpl.size(); ++i) {
        const QChar c = tpl.at(i);
        if (c == u'%' && i + 1 < tpl.size() && tpl.at(i + 1) >= u'1' && tpl.at(i + 1) <= u'9') {
            const int n = tpl.at(i + 1).digitValue();
            if (n <= args.size())
                out += args.at(n - 1);
            ++i;
            continue;
        }
        out += c;
    }
    return out;
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
